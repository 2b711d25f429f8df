"""The published lists and criterion values as classification inputs.

- ``published_history``: per area and year the statuses read in a source, an empty set for a
  published exit, and an empty set for every area missing from a list we hold completely
  (our rows reach the count in ``list_counts.csv``); other years stay unknown.
- ``criteria_measures``: a row of ``official_criteria_values.csv`` as ``Measures``. The
  conviction figure comes either as a share of residents aged 18+ or as a ratio to the
  national average (``convicted_measure`` says which); a ratio r is stored as a share r with
  a national average of 1, which compares correctly with "at least k times the national
  average" (2018 rules on) and is unusable against the fixed 2.7 % of 2010 and 2013.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from udsat.domain.classification import Measures
from udsat.domain.criteria import rule_version_for_year
from udsat.domain.geography import Geography
from udsat.domain.observations import parse_decimal
from udsat.domain.statuses import parse_published_status, status_of_term
from udsat.ingest.problems import Problem

PCT_MEASURE = "pct_of_residents_18plus"
RATIO_MEASURE = "ratio_to_national"
STATUS_FILES = ("official_statuses.csv", "official_statuses_derived.csv")


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from enumerate(csv.DictReader(handle), start=2)


def list_counts(directory: Path) -> dict[tuple[int, str], int]:
    """(year, status code) -> number of areas on that published list."""
    return {
        (int(row["year"]), status_of_term(row["status"])): int(row["count"])
        for _line, row in _rows(directory / "list_counts.csv")
    }


@dataclass(frozen=True)
class PublishedHistory:
    years: dict[str, dict[int, frozenset[str]]]  # area slug -> year -> statuses
    complete: frozenset[tuple[int, str]]  # (year, status code) lists we hold completely

    def for_area(self, slug: str) -> dict[int, frozenset[str]]:
        return self.years.get(slug, {})


def published_history(directory: Path, geography: Geography) -> PublishedHistory:
    on_list: dict[str, dict[int, set[str]]] = {}
    left: set[tuple[str, int]] = set()
    for file in STATUS_FILES:
        for _line, row in _rows(directory / file):
            area = geography.area(row["area"])
            if area is None:
                continue  # reported by the reference bundle's own checks
            year = int(row["year"])
            published = parse_published_status(row["status"], year)
            if published.left:
                left.add((area.slug, year))
            else:
                on_list.setdefault(area.slug, {}).setdefault(year, set()).update(published.statuses)
    counted: dict[tuple[int, str], int] = {}
    for years in on_list.values():
        for year, codes in years.items():
            for code in codes:
                counted[(year, code)] = counted.get((year, code), 0) + 1
    complete = frozenset(key for key, count in list_counts(directory).items() if counted.get(key) == count)
    years_out: dict[str, dict[int, frozenset[str]]] = {}
    complete_years = {year for year, _code in complete}
    for area in geography.areas:
        known = {y: frozenset(s) for y, s in on_list.get(area.slug, {}).items()}
        for slug, year in left:
            if slug == area.slug and year not in known:
                known[year] = frozenset()
        for year in complete_years:
            known.setdefault(year, frozenset())
        years_out[area.slug] = known
    return PublishedHistory(years_out, complete)


def published_statuses(text: str, year: int) -> frozenset[str]:
    """The statuses a criteria-values row's ``status`` says the area had that year.

    "not on ... list" records an absence: on no list (the row's note says which list)."""
    if text.strip().lower().startswith("not on"):
        return frozenset()
    return parse_published_status(text, year).statuses


def criteria_measures(file: str, line: int, row: dict[str, str]) -> tuple[Measures, list[Problem]]:
    """A criteria-values row as Measures; problems name the file, row and column."""
    problems: list[Problem] = []

    def number(column: str) -> Decimal | None:
        text = row[column].strip()
        if not text:
            return None
        try:
            return parse_decimal(text)
        except ValueError as exc:
            problems.append(Problem(file, line, column, str(exc)))
            return None

    residents = number("residents")
    convicted, national = number("convicted_pct_or_ratio"), None
    measure = row["convicted_measure"].strip()
    if convicted is not None:
        if measure.startswith(RATIO_MEASURE):
            uses_multiple = rule_version_for_year(int(row["year"])).criterion("convicted").factor
            convicted, national = (convicted, Decimal(1)) if uses_multiple else (None, None)
        elif not measure.startswith(PCT_MEASURE):
            problems.append(Problem(file, line, "convicted_measure",
                                    f"unknown measure {measure!r}; expected {PCT_MEASURE} or {RATIO_MEASURE}"))
            convicted = None
    measures = Measures(
        residents=int(residents) if residents is not None else None,
        nonwestern_pct=number("nonwestern_pct"),
        outside_work_edu_pct=number("outside_work_edu_pct"),
        convicted_pct=convicted,
        national_convicted_pct=national,
        basic_edu_pct=number("basic_edu_pct"),
        income_pct_of_region=number("income_pct_of_region"),
    )
    return measures, problems
