"""The microdata contract: a valid directory passes; every problem names file, row, column."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from udsat.domain.catalogue import default_catalogue
from udsat.ingest.microdata import validate_microdata

_spec = importlib.util.spec_from_file_location(
    "dozen", Path(__file__).resolve().parents[1] / "analytics" / "dozen.py")
dozen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dozen)


def _write(tmp_path, change=None):
    rows = dozen.person_years()
    if change:
        change(rows)
    return dozen.write_dozen(tmp_path / "microdata", rows)


def _problems(directory):
    return validate_microdata(directory, default_catalogue())


def test_a_directory_that_meets_the_contract_has_no_problems(tmp_path):
    assert _problems(_write(tmp_path)) == []


def test_an_unknown_origin_is_named_with_its_row_and_column(tmp_path):
    def change(rows):
        rows[4]["origin"] = "martian"  # row 5 of the file

    (problem,) = _problems(_write(tmp_path, change))
    assert (problem.row, problem.column) == (5, "origin")
    assert "'martian' is not one of" in problem.reason
    assert problem.file.endswith("part-0.parquet")


def test_an_area_the_catalogue_does_not_know_is_a_problem(tmp_path):
    def change(rows):
        rows[7]["area"] = "atlantis"

    (problem,) = _problems(_write(tmp_path, change))
    assert (problem.row, problem.column) == (8, "area")
    assert "unknown area 'atlantis'" in problem.reason


def test_an_area_defined_in_areas_csv_is_known(tmp_path):
    def change(rows):
        rows[7]["area"] = "syntetisk-omraade-001"

    directory = _write(tmp_path, change)
    (directory / "areas.csv").write_text(
        "slug,name,municipality_code\nsyntetisk-omraade-001,Syntetisk område 001,101\n",
        encoding="utf-8")
    assert _problems(directory) == []


def test_an_age_out_of_range_is_found_in_the_right_row(tmp_path):
    def change(rows):
        rows[10]["age"] = 140

    (problem,) = _problems(_write(tmp_path, change))
    assert (problem.row, problem.column) == (11, "age")
    assert "140 is outside 0..125" in problem.reason


def test_an_empty_required_value_is_named(tmp_path):
    def change(rows):
        rows[2]["municipality"] = None

    (problem,) = _problems(_write(tmp_path, change))
    assert (problem.row, problem.column, problem.reason) == (3, "municipality", "is empty")


def test_a_missing_column_and_a_wrong_type_are_reported_without_reading_rows(tmp_path):
    directory = tmp_path / "bad"
    (directory / "person_years").mkdir(parents=True)
    pq.write_table(pa.table({"person_id": ["x"], "year": [2019]}),
                   directory / "person_years" / "part-0.parquet")
    problems = _problems(directory)
    assert any(p.column == "person_id" and "is not int" in p.reason for p in problems)
    assert any(p.column == "area" and p.reason == "column is missing" for p in problems)
    assert all(p.row is None for p in problems)


def test_no_person_year_files_is_one_clear_problem(tmp_path):
    (problem,) = _problems(tmp_path)
    assert "no person-year Parquet files" in problem.reason
