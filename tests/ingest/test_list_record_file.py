"""The shape of the published list record (catalogue/reference/list_record.csv, list_sizes.csv).

The record is data reviewed like code: every row names its list, says yes or no, and either
cites a public source or carries a derivation with the sentence a reader sees.
"""

import csv
from pathlib import Path

import pytest

from udsat.domain.catalogue import CATALOGUE_DIR, default_catalogue

REFERENCE = CATALOGUE_DIR / "reference"
RECORD_COLUMNS = [
    "year", "area", "municipality", "list", "on_list", "source_url",
    "derivation", "derivation_da", "derivation_en", "note",
]
SIZE_COLUMNS = ["year", "list", "count", "source_url", "note"]
LISTS = {"vulnerable", "segregated", "transformation", "prevention"}
# The first list year of each list: udsat boligområde and hårdt ghettoområde from the 2018
# rules (L 38, 2018-19), forebyggelsesområde (§ 61 b) from the 2021 rules (L 23, 2021-22).
FIRST_YEAR = {"segregated": 2010, "vulnerable": 2018, "transformation": 2018, "prevention": 2021}
DERIVATIONS = {"rebuilt", "transitional", "count", "span", "threshold"}


def _read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with open(REFERENCE / name, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def record() -> list[dict[str, str]]:
    columns, rows = _read("list_record.csv")
    assert columns == RECORD_COLUMNS
    return rows


@pytest.fixture(scope="module")
def sizes() -> list[dict[str, str]]:
    columns, rows = _read("list_sizes.csv")
    assert columns == SIZE_COLUMNS
    return rows


def _key(row: dict[str, str]) -> tuple[int, str, str]:
    area = default_catalogue().geography.area(row["area"])
    return int(row["year"]), area.slug if area else row["area"], row["list"]


def test_every_row_has_valid_codes(record):
    for line, row in enumerate(record, start=2):
        where = f"list_record.csv row {line}"
        assert row["list"] in LISTS, where
        assert row["on_list"] in ("yes", "no"), where
        assert FIRST_YEAR[row["list"]] <= int(row["year"]) <= 2025, where


def test_every_row_cites_a_source_or_a_derivation_with_its_public_sentences(record):
    for line, row in enumerate(record, start=2):
        where = f"list_record.csv row {line}"
        urls = [u.strip() for u in row["source_url"].split(" | ") if u.strip()]
        assert all(u.startswith(("http://", "https://")) for u in urls), where
        if row["derivation"]:
            assert row["derivation"] in DERIVATIONS, where
            for column in ("derivation_da", "derivation_en"):
                text = row[column]
                assert text.endswith("."), where  # one whole sentence
                assert ".csv" not in text and "_" not in text, where  # no file or column names
        else:
            assert urls, where
            assert not row["derivation_da"] and not row["derivation_en"], where


def test_every_area_and_municipality_resolves_in_the_geography(record):
    geography = default_catalogue().geography
    for line, row in enumerate(record, start=2):
        area = geography.area(row["area"])
        assert area is not None, f"row {line}: unknown area {row['area']!r}"
        municipality = geography.municipality(row["municipality"])
        assert municipality is not None, f"row {line}: unknown municipality"
        assert municipality.code == area.municipality_code, f"row {line}: wrong municipality"


def test_no_area_year_and_list_is_stated_twice(record):
    keys = [_key(row) for row in record]
    assert len(keys) == len(set(keys))


def test_list_sizes_are_sourced_and_never_exceeded(record, sizes):
    counts = {}
    for line, row in enumerate(sizes, start=2):
        assert row["list"] in LISTS and int(row["count"]) > 0, f"list_sizes.csv row {line}"
        assert row["source_url"].startswith(("http://", "https://")), f"list_sizes.csv row {line}"
        counts[(int(row["year"]), row["list"])] = int(row["count"])
    assert len(counts) == len(sizes)
    # From 2018 a transformation area is also segregated, and a segregated one also vulnerable.
    contains = {"vulnerable": {"vulnerable", "segregated", "transformation"},
                "segregated": {"segregated", "transformation"},
                "transformation": {"transformation"}, "prevention": {"prevention"}}
    for (year, lst), count in counts.items():
        lists = contains[lst] if year >= 2018 else {lst}
        yes = {_key(r)[1] for r in record
               if int(r["year"]) == year and r["list"] in lists and r["on_list"] == "yes"}
        assert len(yes) <= count, (year, lst)


def test_the_2012_list_is_complete_and_tingbjerg_is_not_on_it(record, sizes):
    size = next(int(r["count"]) for r in sizes if (r["year"], r["list"]) == ("2012", "segregated"))
    on_2012 = {_key(r)[1] for r in record
               if r["year"] == "2012" and r["list"] == "segregated" and r["on_list"] == "yes"}
    assert size == len(on_2012) == 33  # the ministry's answer to UUI spm. 550 names 33 areas
    assert "tingbjerg-utterslevhuse" not in on_2012


def test_tingbjerg_left_every_list_in_2022(record):
    stated = {r["list"]: r["on_list"] for r in record
              if r["year"] == "2022" and r["area"] == "Tingbjerg/Utterslevhuse"}
    # cphpost: off the udsatte list (20 - 5 + 2 = 17); TV2: off the parallelsamfund list.
    assert stated == {"vulnerable": "no", "segregated": "no", "transformation": "no"}


def test_the_reference_folder_holds_both_files():
    assert Path(REFERENCE / "list_record.csv").is_file()
    assert Path(REFERENCE / "list_sizes.csv").is_file()
