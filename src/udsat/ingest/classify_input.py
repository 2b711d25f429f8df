"""Read and validate the input files of ``udsat classify``: criterion values and list history.

Returns problems, never prints. Every problem names the file, the row (the header is row 1)
and the column. A blank cell is unknown, never zero.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from udsat.domain.classification import Measures, complete_history
from udsat.domain.limits import is_ascii_whole, parse_whole
from udsat.domain.observations import parse_decimal
from udsat.domain.statuses import OFFICIAL_TERMS, official_term, status_of_term, with_implied
from udsat.ingest.problems import Problem

VALUE_COLUMNS = (
    "area", "year", "residents", "nonwestern_pct", "outside_work_edu_pct", "convicted_pct",
    "national_convicted_pct", "basic_edu_pct", "income_pct_of_region",
)
# Shares of persons: 0-100. Income is relative to the region and may exceed 100.
SHARE_COLUMNS = (
    "nonwestern_pct", "outside_work_edu_pct", "convicted_pct", "national_convicted_pct",
    "basic_edu_pct",
)
# Reference values a criterion multiplies (almenboligloven § 61 a stk. 1 nr. 2: "mindst 3 gange
# landsgennemsnittet"); zero or less would make every area meet the criterion.
REFERENCE_COLUMNS = ("national_convicted_pct",)
HISTORY_COLUMNS = ("area", "year", "status")
FIRST_YEAR = 2010  # the first statutory list


@dataclass(frozen=True)
class AreaYear:
    area: str
    year: int
    measures: Measures
    row: int


def _open_rows(path: Path, expected: tuple[str, ...], problems: list[Problem]):
    """Rows as (line, dict), or None when the file or its header is unusable."""
    name = str(path)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        problems.append(Problem(name, None, None, f"cannot read the file: {exc.strerror}"))
        return None
    try:
        with handle:
            return _read_rows(name, csv.reader(handle), expected, problems)
    except UnicodeDecodeError:
        problems.append(Problem(name, None, None, "the file is not UTF-8 text"))
    except csv.Error as exc:
        problems.append(Problem(name, None, None, f"not a readable CSV file: {exc}"))
    return None


def _read_rows(name: str, reader: Iterator[list[str]], expected: tuple[str, ...],
               problems: list[Problem]) -> list[tuple[int, dict[str, str]]] | None:
    header = next(reader, None)
    if header is None:
        problems.append(Problem(name, 1, None, "the file is empty; expected a header row"))
        return None
    header = [h.strip() for h in header]
    for column in header:
        if column not in expected:
            problems.append(Problem(name, 1, column, f"unknown column; expected: {','.join(expected)}"))
    for column in expected:
        if column not in header:
            problems.append(Problem(name, 1, column, "missing column"))
    if len(set(header)) != len(header):
        problems.append(Problem(name, 1, None, "a column appears twice"))
    if problems:
        return None
    rows = []
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.append(Problem(name, line, None, f"{len(cells)} cells; the header has {len(header)}"))
            continue
        rows.append((line, {h: c.strip() for h, c in zip(header, cells, strict=True)}))
    return rows


def _year(name: str, line: int, text: str, problems: list[Problem]) -> int | None:
    try:
        year = parse_whole(text)  # digits 0-9 only
    except ValueError:
        problems.append(Problem(name, line, "year", f"{text!r} is not a year"))
        return None
    if year < FIRST_YEAR:
        problems.append(Problem(name, line, "year", f"{year} is before the first statutory list ({FIRST_YEAR})"))
        return None
    return year


def _measure(name: str, line: int, column: str, text: str, problems: list[Problem]) -> Decimal | None:
    if not text:
        return None
    try:
        value = parse_decimal(text)
    except ValueError:
        problems.append(Problem(name, line, column, f"{text!r} is not a number (use a dot as decimal separator)"))
        return None
    if column in SHARE_COLUMNS and not Decimal(0) <= value <= Decimal(100):
        problems.append(Problem(name, line, column, f"{text} is outside 0-100 (a percentage)"))
        return None
    if value < 0:
        problems.append(Problem(name, line, column, f"{text} is negative"))
        return None
    if column in REFERENCE_COLUMNS and value <= 0:
        problems.append(Problem(name, line, column, f"{text} is not a positive reference value "
                                "(a criterion compares with a multiple of it)"))
        return None
    return value


def _residents(name: str, line: int, text: str, problems: list[Problem]) -> int | None:
    if not text:
        return None
    if not is_ascii_whole(text):
        problems.append(Problem(name, line, "residents", f"{text!r} is not a whole number of persons"))
        return None
    return int(text)


def read_values(path: Path) -> tuple[list[AreaYear], list[Problem]]:
    """The VALUES file: one row per area and year."""
    problems: list[Problem] = []
    rows = _open_rows(path, VALUE_COLUMNS, problems)
    if rows is None:
        return [], problems
    name, seen, result = str(path), {}, []
    for line, row in rows:
        if not row["area"]:
            problems.append(Problem(name, line, "area", "the area is empty"))
        year = _year(name, line, row["year"], problems)
        residents = _residents(name, line, row["residents"], problems)
        values = {c: _measure(name, line, c, row[c], problems) for c in VALUE_COLUMNS[3:]}
        if not row["area"] or year is None:
            continue
        key = (row["area"], year)
        if key in seen:
            problems.append(Problem(name, line, "year", f"duplicate area-year {row['area']} {year} (first on row {seen[key]})"))
            continue
        seen[key] = line
        result.append(AreaYear(row["area"], year, Measures(residents=residents, **values), line))
    return result, problems


def read_history(path: Path) -> tuple[dict[str, dict[int, frozenset[str]]], list[Problem]]:
    """The STATUSES file: area -> year -> status codes (with the statuses each implies)."""
    problems: list[Problem] = []
    rows = _open_rows(path, HISTORY_COLUMNS, problems)
    if rows is None:
        return {}, problems
    name = str(path)
    history: dict[str, dict[int, set[str]]] = {}
    for line, row in rows:
        year = _year(name, line, row["year"], problems)
        if not row["area"]:
            problems.append(Problem(name, line, "area", "the area is empty"))
        if year is None or not row["area"]:
            continue
        for term in filter(None, (t.strip() for t in row["status"].split(";"))):
            if term not in OFFICIAL_TERMS:
                problems.append(Problem(name, line, "status", f"unknown term {term!r}; known: {', '.join(OFFICIAL_TERMS)}"))
                continue
            code = status_of_term(term)
            if official_term(code, year) != term:
                problems.append(Problem(name, line, "status", f"{term!r} is not an official term on the {year} list"))
                continue
            history.setdefault(row["area"], {}).setdefault(year, set()).add(code)
        if not row["status"]:
            problems.append(Problem(name, line, "status", "the status is empty (leave the year out instead)"))
    return {
        area: {year: with_implied(frozenset(codes), year) for year, codes in years.items()}
        for area, years in history.items()
    }, problems


def history_for(
    listed: Mapping[int, frozenset[str]] | None, year: int
) -> dict[int, frozenset[str]]:
    """The STATUSES contract: a year with no row means on no list that year."""
    return complete_history(listed or {}, year)
