"""Statistikbanken tables (JSON-stat 2.0 and PX) become place observations."""

import json

from udsat.domain.bundle import iter_rows, read_manifest
from udsat.ingest.imports import Options, run_import
from udsat.ingest.px import STATISTIKBANKEN_PX
from udsat.ingest.statistikbanken import STATISTIKBANKEN_JSON

CONVICTED = Options(indicator="national_convicted_pct", source_url="https://www.statistikbanken.dk/")

JSONSTAT = {
    "version": "2.0", "class": "dataset", "label": "Dømte i pct. af befolkningen",
    "id": ["OMRÅDE", "ContentsCode", "Tid"], "size": [2, 1, 2],
    "dimension": {
        "OMRÅDE": {"label": "område", "category": {
            "index": {"000": 0, "084": 1},
            "label": {"000": "Hele landet", "084": "Region Hovedstaden"}}},
        "ContentsCode": {"label": "indhold", "category": {"index": ["PCT"],
                                                         "label": {"PCT": "Procent"}}},
        "Tid": {"label": "tid", "category": {"index": {"2019": 0, "2020": 1}}},
    },
    # row-major, time fastest: DK 2019, DK 2020, Hovedstaden 2019, Hovedstaden 2020
    "value": [0.9, 0.85, 1.1, None],
}

PX = '''CHARSET="ANSI";
CODEPAGE="iso-8859-1";
MATRIX="STRAF";
TITLE="Dømte i pct. af befolkningen efter område og tid";
STUB="område";
HEADING="tid";
VALUES("område")="Hele landet","Region Syddanmark","København";
CODES("område")="000","083","101";
VALUES("tid")="2019","2020";
DATA=
0.9 0.85
1.0 ".."
1.4 1.3;
'''


def _rows(bundle):
    manifest = read_manifest(bundle)
    return [(r["place_kind"], r["place_code"], r["period"], r["value"], r["absence"])
            for _, r in iter_rows(bundle, manifest.csv_file("place_observations"))]


def test_a_jsonstat_table_gives_national_and_regional_values_and_typed_absences(tmp_path):
    source = tmp_path / "straf.json"
    source.write_text(json.dumps(JSONSTAT, ensure_ascii=False), encoding="utf-8")
    result = run_import(STATISTIKBANKEN_JSON, source, tmp_path / "b", CONVICTED)
    assert result.ok, result.problems
    assert _rows(tmp_path / "b") == [
        ("country", "DK", "2019", "0.9", ""), ("country", "DK", "2020", "0.85", ""),
        ("region", "1084", "2019", "1.1", ""),  # DST's 084 = catalogue region 1084
        ("region", "1084", "2020", "", "not_published"),  # null is never 0
    ]


def test_a_px_file_in_latin1_reads_like_the_jsonstat_table(tmp_path):
    source = tmp_path / "straf.px"
    source.write_bytes(PX.encode("latin-1"))
    result = run_import(STATISTIKBANKEN_PX, source, tmp_path / "b", CONVICTED)
    assert result.ok, result.problems
    assert "straf.px: read as PX, codepage iso-8859-1" in result.notes
    assert _rows(tmp_path / "b") == [
        ("country", "DK", "2019", "0.9", ""), ("country", "DK", "2020", "0.85", ""),
        ("region", "1083", "2019", "1.0", ""), ("region", "1083", "2020", "", "not_published"),
        ("municipality", "101", "2019", "1.4", ""), ("municipality", "101", "2020", "1.3", ""),
    ]


def test_a_table_without_an_indicator_or_with_two_contents_is_refused(tmp_path):
    source = tmp_path / "straf.json"
    source.write_text(json.dumps(JSONSTAT), encoding="utf-8")
    result = run_import(STATISTIKBANKEN_JSON, source, tmp_path / "b", Options())
    assert "name the indicator these figures measure with --indicator" in str(result.problems[0])
    two = json.loads(json.dumps(JSONSTAT))
    two["dimension"]["ContentsCode"]["category"] = {"index": ["PCT", "ANTAL"]}
    two["size"] = [2, 2, 2]
    two["value"] = [1] * 8
    source.write_text(json.dumps(two), encoding="utf-8")
    result = run_import(STATISTIKBANKEN_JSON, source, tmp_path / "c", CONVICTED)
    assert [str(p) for p in result.problems] == [
        "straf.json, column 'ContentsCode': has 2 categories; select one in Statistikbanken "
        "before downloading"]


def test_a_px_file_whose_data_does_not_fill_the_cube_is_refused(tmp_path):
    source = tmp_path / "short.px"
    source.write_bytes(PX.replace("1.4 1.3;", "1.4;").encode("latin-1"))
    result = run_import(STATISTIKBANKEN_PX, source, tmp_path / "b", CONVICTED)
    # 3 places x 2 years = 6 cells, 5 values given
    assert [str(p) for p in result.problems] == [
        "short.px, column 'DATA': holds 5 values for 6 cells"]
