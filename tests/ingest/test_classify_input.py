"""Reading the VALUES and STATUSES files of `udsat classify`: problems name file, row, column."""

from decimal import Decimal as D

import pytest

from udsat.ingest.classify_input import VALUE_COLUMNS, history_for, read_history, read_values

HEADER = ",".join(VALUE_COLUMNS)


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_values_are_read_exactly_and_blank_cells_are_unknown(tmp_path):
    path = _write(tmp_path, "values.csv", HEADER + "\nA,2019,1500,55.5,41.2,,0.70,61,54.99\n")
    (item,), problems = read_values(path)
    assert problems == []
    assert (item.area, item.year, item.row) == ("A", 2019, 2)
    m = item.measures
    assert (m.residents, m.nonwestern_pct, m.convicted_pct, m.income_pct_of_region) == (
        1500, D("55.5"), None, D("54.99"))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("A,2019,1500,55,41,abc,0.7,61,54", "row 2, column 'convicted_pct': 'abc' is not a number"),
        ("A,2019,1500,55,41,2,0.7,61,54", None),
        ("A,2019,1500,100.01,41,2,0.7,61,54", "row 2, column 'nonwestern_pct': 100.01 is outside 0-100"),
        ("A,2019,1500,55,-1,2,0.7,61,54", "row 2, column 'outside_work_edu_pct': -1 is outside 0-100"),
        ("A,2019,1500,55,41,2,0.7,61,-3", "row 2, column 'income_pct_of_region': -3 is negative"),
        ("A,2009,1500,55,41,2,0.7,61,54", "row 2, column 'year': 2009 is before the first statutory list"),
        ("A,20x9,1500,55,41,2,0.7,61,54", "row 2, column 'year': '20x9' is not a year"),
        ("A,2019,15.5,55,41,2,0.7,61,54", "row 2, column 'residents': '15.5' is not a whole number"),
        ("A,2019,1500,55,41,2", "row 2: 6 cells; the header has 9"),
        ("A,2019,1500,55,41,2,\"0,7\",61,54", "row 2, column 'national_convicted_pct': '0,7' is not a number"),
        # A national conviction share of 0 would make 3 x 0 = 0 the threshold: any area with a
        # single conviction (> 0 %) would meet "mindst 3 gange landsgennemsnittet".
        ("A,2019,1500,55,41,2,0,61,54",
         "row 2, column 'national_convicted_pct': 0 is not a positive reference value"),
        ("A,2019,1500,55,41,2,0.00,61,54",
         "row 2, column 'national_convicted_pct': 0.00 is not a positive reference value"),
    ],
)
def test_bad_values_are_named_by_file_row_and_column(tmp_path, row, message):
    path = _write(tmp_path, "values.csv", f"{HEADER}\n{row}\n")
    items, problems = read_values(path)
    if message is None:
        assert problems == [] and len(items) == 1
    else:
        assert len(problems) == 1
        assert str(problems[0]).startswith(f"{path}, {message}")


def test_income_above_the_regional_average_is_allowed(tmp_path):
    path = _write(tmp_path, "values.csv", HEADER + "\nA,2019,1500,,,,,,112.5\n")
    (item,), problems = read_values(path)
    assert problems == [] and item.measures.income_pct_of_region == D("112.5")


def test_a_duplicate_area_year_is_refused(tmp_path):
    path = _write(tmp_path, "values.csv", HEADER + "\nA,2019,1500,,,,,,\nB,2019,1500,,,,,,\nA,2019,1400,,,,,,\n")
    _items, problems = read_values(path)
    assert [str(p) for p in problems] == [
        f"{path}, row 4, column 'year': duplicate area-year A 2019 (first on row 2)"]


def test_unknown_and_missing_columns_are_named(tmp_path):
    header = HEADER.replace("basic_edu_pct", "basic_pct")
    path = _write(tmp_path, "values.csv", header + "\n")
    _items, problems = read_values(path)
    assert [(p.row, p.column, p.reason.split(";")[0]) for p in problems] == [
        (1, "basic_pct", "unknown column"), (1, "basic_edu_pct", "missing column")]


def test_a_missing_file_is_a_problem_not_a_traceback(tmp_path):
    _items, problems = read_values(tmp_path / "nope.csv")
    assert problems[0].reason.startswith("cannot read the file")


def test_history_reads_official_terms_with_what_they_imply(tmp_path):
    path = _write(tmp_path, "statuses.csv",
                  "area,year,status\nA,2018,hårdt ghettoområde\nA,2021,udsat boligområde;parallelsamfund\n")
    history, problems = read_history(path)
    assert problems == []
    assert history["A"][2018] == {"transformation", "segregated", "vulnerable"}
    assert history["A"][2021] == {"vulnerable", "segregated"}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("A,2022,ghettoområde", "row 2, column 'status': 'ghettoområde' is not an official term on the 2022 list"),
        ("A,2015,ghetto", "row 2, column 'status': unknown term 'ghetto'"),
        ("A,2008,ghettoområde", "row 2, column 'year': 2008 is before the first statutory list"),
    ],
)
def test_bad_history_rows_are_named(tmp_path, row, message):
    path = _write(tmp_path, "statuses.csv", f"area,year,status\n{row}\n")
    _history, problems = read_history(path)
    assert str(problems[0]).startswith(f"{path}, {message}")


def test_a_year_without_a_history_row_is_a_year_on_no_list():
    listed = {2016: frozenset({"segregated"})}
    assert history_for(listed, 2018) == {
        **{y: frozenset() for y in range(2010, 2018)}, 2016: frozenset({"segregated"})}


def test_a_file_that_is_not_utf8_is_a_problem(tmp_path):
    path = tmp_path / "values.csv"
    path.write_bytes((HEADER + "\nÅrhus,2019,,,,,,,\n").encode("latin-1"))
    _items, problems = read_values(path)
    assert [str(p) for p in problems] == [f"{path}: the file is not UTF-8 text"]
