"""The ministry's annual list tables: per area its residents, criterion values and statuses.

One row per area and list year (almenboligloven § 61 a). Columns are matched by their
English id or the ministry's Danish wording; a year's table holds the criteria in force that
year, so every criterion column is optional. A blank cell is unknown (no figure at all,
never 0); ``-`` is "not published". The status cell holds the official term(s), e.g.
``parallelsamfund; omdannelsesområde``, or is blank for an area that is on no list.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from udsat.domain.observations import NOT_PUBLISHED
from udsat.domain.statuses import (
    OFFICIAL_TERMS,
    official_term,
    ordered_terms,
    parse_published_status,
    status_of_term,
)
from udsat.ingest.imports import Importer, Options, Tables
from udsat.ingest.readers import CP1252, UTF8, read_table
from udsat.ingest.schemas import Column, Schema
from udsat.ingest.validate import COUNT_UNITS, Checker, is_share, records

SOURCE = "ministry-lists"
# column -> catalogue indicator; the Danish spellings are the ministry's table headings.
CRITERIA = {
    "residents": ("residents", ("beboere", "antal beboere", "indbyggere")),
    "nonwestern_pct": ("nonwestern_pct", (
        "ikke-vestlige", "andel ikke-vestlige (%)",
        "indvandrere og efterkommere fra ikke-vestlige lande (%)")),
    "outside_work_edu_pct": ("outside_work_edu_pct", (
        "uden for arbejde og uddannelse", "uden for arbejdsmarkedet eller uddannelse (%)",
        "tilknytning til arbejdsmarked eller uddannelse (%)")),
    "convicted_pct": ("convicted_pct", ("dømte", "dømte (%)", "andel dømte (%)")),
    "basic_edu_pct": ("basic_edu_pct", (
        "grundskole", "kun grundskoleuddannelse (%)", "kun grunduddannelse (%)")),
    "income_pct_of_region": ("income_pct_of_region", (
        "indkomst", "indkomst (% af regionen)",
        "gennemsnitlig bruttoindkomst i pct. af regionen")),
}

SCHEMA = Schema(
    kind="ministry-list",
    extra_columns_allowed=True,
    columns=(
        Column("year", "the list year (list of 1 December)", aliases=("år", "listeår")),
        Column("area", "housing area", aliases=("boligområde", "område", "navn")),
        Column("municipality", "municipality name or code", required=False,
               aliases=("kommune",)),
        *(Column(name, f"criterion value ({indicator})", required=False, aliases=aliases)
          for name, (indicator, aliases) in CRITERIA.items()),
        Column("status", "official term(s); blank = on no list",
               aliases=("kategori", "status pr. 1. december")),
    ),
)


def ministry_list_tables(path: Path, checker: Checker, options: Options) -> Tables:
    # A list table holds a few hundred rows: both tables are built in one pass, in memory.
    observations: list[tuple] = []
    statuses: list[tuple] = []
    for row in _rows(path, checker, options):
        kind, values = row
        (observations if kind == "observation" else statuses).append(values)
    return {"observations": observations, "statuses": statuses}


def _rows(path: Path, checker: Checker, options: Options) -> Iterator[tuple[str, tuple]]:
    table = read_table(path, encodings=(UTF8, CP1252))
    checker.notes.extend(table.notes)
    file = table.file
    geography = checker.catalogue.geography
    for row, cells in records(table, SCHEMA, checker):
        before = checker.problem_count
        slug = checker.area(file, row, "area", cells["area"])
        year = checker.period(file, row, "year", cells["year"])
        if year is not None and not year.isdigit():
            checker.problem(file, row, "year", "a list has a year")
        if slug and cells.get("municipality", "").strip():
            named = geography.municipality(cells["municipality"].strip())
            actual = geography.municipality_of(geography.area(slug))
            if named is None or named.code != actual.code:
                checker.problem(file, row, "municipality",
                                f"{cells['municipality']!r} is not {actual.name}, where the "
                                f"catalogue places {cells['area']!r}")
        if checker.problem_count > before or slug is None or year is None:
            continue
        checker.unique(row, (slug, year))
        for column, (indicator_id, _aliases) in CRITERIA.items():
            text = str(cells.get(column, "")).strip()
            if not text:
                continue  # unknown: no observation at all, never a zero
            indicator = checker.catalogue.indicator(indicator_id)
            if text == "-":
                yield "observation", (slug, indicator_id, year, "", None, NOT_PUBLISHED,
                                      indicator.unit, SOURCE, None, "")
                continue
            value = checker.number(file, row, column, cells[column],
                                   whole=indicator.unit in COUNT_UNITS)
            if value is None or not checker.in_unit(file, row, column, value, indicator.unit,
                                                    is_share(indicator)):
                continue
            yield "observation", (slug, indicator_id, year, "", value, "", indicator.unit,
                                  SOURCE, None, "")
        yield from _statuses(file, row, slug, int(year), cells["status"], checker, options)
    checker.finish(file, "area and year")


def _statuses(file: str, row: int, slug: str, year: int, text: str, checker: Checker,
              options: Options) -> Iterator[tuple[str, tuple]]:
    if not text.strip():
        return
    try:
        published = parse_published_status(text, year)
    except ValueError as exc:
        checker.problem(file, row, "status", str(exc))
        return
    for term in OFFICIAL_TERMS:
        current = official_term(status_of_term(term), year)
        if term in text.casefold() and current != term:
            checker.problem(file, row, "status", f"{term!r} was not an official term on the "
                            f"{year} list (that year's term: {current or 'none'})")
            return
    if published.left:
        checker.problem(file, row, "status", "the ministry's table names the lists an area is "
                        "on; an exit from one list goes into the list record")
        return
    # One row per list the area is on (bundle schema 2); the lists it is off follow from the
    # list record once the whole list is known.
    for status in sorted(published.statuses):
        term = ordered_terms({status}, year)[0]
        yield "status", (slug, year, status, term, "", "official", options.source_url,
                         published.note, "true", "", "")


MINISTRY_LIST = Importer("ministry-list", "the ministry's annual list table (CSV or XLSX)",
                         SCHEMA, ministry_list_tables)
