"""The catalogue is data: loaded once into frozen dataclasses; a bad reference names file and key."""

import csv
import shutil
from pathlib import Path

import pytest

from udsat.domain.catalogue import CATALOGUE_DIR, CatalogueError, load_catalogue

REFERENCE = CATALOGUE_DIR / "reference"
STATUTORY_MEASURES = {
    "residents", "nonwestern_pct", "outside_work_edu_pct", "convicted_pct",
    "national_convicted_pct", "basic_edu_pct", "income_pct_of_region",
}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_geography_has_the_five_regions_and_98_municipalities(catalogue):
    geography = catalogue.geography
    assert len(geography.regions) == 5
    assert len(geography.municipalities) == 98
    assert len({m.code for m in geography.municipalities}) == 98


def test_official_municipality_codes(catalogue):
    geography = catalogue.geography
    assert geography.municipality(101).name == "København"
    assert geography.municipality(751).name == "Aarhus"
    assert geography.municipality("Aarhus").region_code == 1082


def test_exactly_15_areas_are_flagged_as_the_2018_transformation_areas(catalogue):
    evaluated = {a.name for a in catalogue.geography.evaluated_areas}
    with (REFERENCE / "areas_2018.csv").open(encoding="utf-8") as handle:
        listed = {row["area"] for row in csv.DictReader(handle)}
    assert len(evaluated) == 15
    assert {catalogue.geography.area(n).name for n in listed} == evaluated


def test_every_area_in_the_reference_data_is_in_the_catalogue(catalogue):
    unknown = []
    for path in sorted(REFERENCE.glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                if row.get("area") and catalogue.geography.area(row["area"]) is None:
                    unknown.append(f"{path.name}:{line}: {row['area']}")
    assert unknown == []


def test_catalogue_has_the_seed_indicators_and_every_statutory_measure(catalogue):
    ids = {i.id for i in catalogue.indicators}
    assert {"youth_not_in_education_pct", "single_parent_households_pct"} <= ids
    assert ids >= STATUTORY_MEASURES
    for indicator in catalogue.indicators:
        assert indicator.label_da and indicator.label_en, indicator.id
        assert catalogue.source(indicator.source) is not None, indicator.id


def test_catalogue_objects_are_frozen(catalogue):
    with pytest.raises(AttributeError):
        catalogue.indicators[0].unit = "dkk"


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE_DIR, root, ignore=shutil.ignore_patterns("reference"))
    return root


def test_unknown_municipality_reference_names_file_and_key(tmp_path):
    root = _copy(tmp_path)
    geography = root / "geography.toml"
    text = geography.read_text(encoding="utf-8")
    first_area = text.index("[[area]]")
    head, tail = text[:first_area], text[first_area:]
    tail = tail.replace("municipality = ", "municipality = 999 #", 1)
    geography.write_text(head + tail, encoding="utf-8")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(root)
    assert str(raised.value) == (
        "geography.toml: area[0].municipality: unknown municipality code 999"
    )


def test_indicator_with_unknown_source_names_file_and_key(tmp_path):
    root = _copy(tmp_path)
    (root / "indicators" / "zz_extra.toml").write_text(
        '[[indicator]]\nid = "x"\ntheme = "t"\nlabel_da = "x"\nlabel_en = "x"\n'
        'description_da = "x"\ndescription_en = "x"\nlevel = "area"\nunit = "pct"\n'
        'universe = "u"\nnumerator = "true"\nsource = "nowhere"\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(root)
    assert raised.value.file == "indicators/zz_extra.toml"
    assert raised.value.key == "indicator[0].source"


def test_an_alias_naming_two_areas_is_refused(tmp_path):
    root = _copy(tmp_path)
    geography = root / "geography.toml"
    text = geography.read_text(encoding="utf-8")
    text += '\n[[area]]\nslug = "copy"\nname = "Copy"\nmunicipality = 101\naliases = ["Mjølnerparken"]\n'
    geography.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError, match="already names area 'mjoelnerparken'"):
        load_catalogue(root)


def test_missing_required_key_names_the_key(tmp_path):
    root = _copy(tmp_path)
    sources = root / "sources.toml"
    sources.write_text('[[source]]\nid = "a"\nname = "A"\nowner = "O"\n', encoding="utf-8")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(root)
    assert (raised.value.file, raised.value.key) == ("sources.toml", "source[0].url")
