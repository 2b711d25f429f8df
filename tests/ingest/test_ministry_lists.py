"""The ministry's annual list tables: criterion values become observations, terms statuses."""

from decimal import Decimal

import openpyxl

from udsat.domain.bundle import iter_rows, read_manifest
from udsat.ingest.imports import run_import
from udsat.ingest.ministry_lists import MINISTRY_LIST


def _table(bundle, table):
    manifest = read_manifest(bundle)
    return [row for _, row in iter_rows(bundle, manifest.csv_file(table))]


def test_a_2021_list_in_danish_headings_gives_values_and_statuses(tmp_path):
    source = tmp_path / "liste-2021.csv"
    source.write_bytes((
        "År;Boligområde;Kommune;Antal beboere;Ikke-vestlige;Dømte;Indkomst;Status\n"
        "2021;Mjølnerparken;København;1 764;81,4;-;;\"parallelsamfund; omdannelsesområde\"\n"
        "2021;Vollsmose;Odense;8.989;71,5;2,6;104,2;\n"
    ).encode("cp1252"))
    result = run_import(MINISTRY_LIST, source, tmp_path / "b")
    assert result.ok, result.problems
    figures = {(r["area"], r["indicator"]): (r["value"], r["absence"])
               for r in _table(tmp_path / "b", "observations")}
    assert figures[("mjoelnerparken", "residents")] == ("1764", "")  # '1 764' with a space
    assert figures[("mjoelnerparken", "convicted_pct")] == ("", "not_published")
    assert ("mjoelnerparken", "income_pct_of_region") not in figures  # blank: unknown, no row
    # income as a percentage of the region's may exceed 100; '8.989' is 8989 persons
    assert Decimal(figures[("vollsmose", "income_pct_of_region")][0]) == Decimal("104.2")
    assert Decimal(figures[("vollsmose", "residents")][0]) == 8989
    statuses = [(r["area"], r["year"], r["status"], r["term"])
                for r in _table(tmp_path / "b", "statuses")]
    # omdannelsesområde implies parallelsamfund and udsat boligområde (§ 61 a)
    assert statuses == [
        ("mjoelnerparken", "2021", "segregated", "parallelsamfund"),
        ("mjoelnerparken", "2021", "transformation", "omdannelsesområde"),
        ("mjoelnerparken", "2021", "vulnerable", "udsat boligområde"),
    ]


def test_a_term_used_in_the_wrong_year_and_a_wrong_municipality_are_problems(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["year", "area", "municipality", "nonwestern_pct", "status"])
    book.active.append([2019, "Mjølnerparken", "København", 82.1, "parallelsamfund"])
    book.active.append([2019, "Vollsmose", "Aarhus", 70, "ghettoområde"])
    book.active.append([2019, "Gellerup", "Aarhus", 101, "ghettoområde"])
    path = tmp_path / "2019.xlsx"
    book.save(path)
    result = run_import(MINISTRY_LIST, path, tmp_path / "b")
    assert [str(p) for p in result.problems] == [
        "2019.xlsx, row 2, column 'status': 'parallelsamfund' was not an official term on the "
        "2019 list (that year's term: ghettoområde)",
        "2019.xlsx, row 3, column 'municipality': 'Aarhus' is not Odense, where the catalogue "
        "places 'Vollsmose'",
        "2019.xlsx, row 4, column 'nonwestern_pct': 101 % is outside 0-100 %",
    ]
