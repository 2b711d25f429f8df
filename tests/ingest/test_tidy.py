"""The tidy CSV: a clean file becomes an observations table, value or typed absence."""

from decimal import Decimal

from udsat.domain.bundle import iter_rows, read_manifest
from udsat.ingest.imports import run_import
from udsat.ingest.tidy import TIDY

HEADER = "area,indicator,period,value,unit,source,absence,breakdown,n_persons,note\n"


def _rows(bundle):
    manifest = read_manifest(bundle)
    return [row for _, row in iter_rows(bundle, manifest.csv_file("observations"))]


def test_a_clean_tidy_file_becomes_observations_with_slugs_and_typed_absences(tmp_path):
    source = tmp_path / "figures.csv"
    source.write_text(
        HEADER
        + "Gellerup,residents,2020,6464,persons,statistikbanken,,,,\n"
        + "Mjølnerparken,nonwestern_pct,2019,,pct,statistikbanken,suppressed,,,too few\n"
        + "vollsmose,outside_labour_market_pct,2023,41.25,pct,statistikbanken,,stayers,812,\n",
        encoding="utf-8")
    result = run_import(TIDY, source, tmp_path / "b")
    assert result.ok, result.problems
    rows = _rows(tmp_path / "b")
    assert [(r["area"], r["indicator"], r["period"], r["breakdown"]) for r in rows] == [
        ("gellerupparken-toveshoej", "residents", "2020", ""),  # 'Gellerup' is an alias
        ("mjoelnerparken", "nonwestern_pct", "2019", ""),
        ("vollsmose", "outside_labour_market_pct", "2023", "stayers"),
    ]
    assert (rows[1]["value"], rows[1]["absence"], rows[1]["note"]) == ("", "suppressed",
                                                                        "too few")
    assert Decimal(rows[2]["value"]) == Decimal("41.25") and rows[2]["n_persons"] == "812"
    assert result.rows == {"observations": 3}


def test_a_missing_file_is_a_problem_not_a_traceback(tmp_path):
    result = run_import(TIDY, tmp_path / "nowhere.csv", tmp_path / "b")
    assert [str(p) for p in result.problems] == [
        f"nowhere.csv: {tmp_path / 'nowhere.csv'} does not exist"]


def test_problems_beyond_the_first_two_hundred_are_counted_not_kept(tmp_path):
    source = tmp_path / "many.csv"
    bad = "Vollsmose,residents,2020,x,persons,statistikbanken,,,,\n"
    source.write_text(HEADER + bad * 250, encoding="utf-8")
    result = run_import(TIDY, source, tmp_path / "b")
    # 250 rows, each with a text value: 250 problems counted, 200 kept for the report
    assert (result.problem_count, len(result.problems)) == (250, 200)
    assert "… and 50 more" in result.report_lines()[-1]


def test_in_count_columns_a_dot_before_three_digits_is_a_thousands_separator(tmp_path):
    # docs/importing.md: "in count columns 8.989 is 8989". A count is a value in persons,
    # households or dwellings, and n_persons; a share keeps the dot as its decimal point.
    source = tmp_path / "counts.csv"
    source.write_text(
        HEADER
        + "Vollsmose,residents,2020,1.000,persons,statistikbanken,,,,\n"  # 1.000 = 1000
        + "Vollsmose,residents,2021,8.989,persons,statistikbanken,,,,\n"  # 8.989 = 8989
        + "Vollsmose,nonwestern_pct,2020,1.000,pct,statistikbanken,,,2.345,\n",  # 1 %; 2345
        encoding="utf-8")
    result = run_import(TIDY, source, tmp_path / "b")
    assert result.ok, result.problems
    values = [(Decimal(r["value"]), r["n_persons"]) for r in _rows(tmp_path / "b")]
    assert values == [(Decimal(1000), ""), (Decimal(8989), ""), (Decimal(1), "2345")]


def test_a_count_with_a_decimal_point_elsewhere_is_not_whole(tmp_path):
    source = tmp_path / "counts.csv"
    source.write_text(HEADER + "Vollsmose,residents,2020,1.5,persons,statistikbanken,,,,\n",
                      encoding="utf-8")
    result = run_import(TIDY, source, tmp_path / "b")
    assert [str(p) for p in result.problems] == [
        "counts.csv, row 2, column 'value': 1.5 is not a whole number of persons"]
