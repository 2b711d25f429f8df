"""The published list record and criterion values as classification inputs.

- ``read_list_record``: ``list_record.csv`` (one row per area, year and list, read in a source
  or derived) and ``list_sizes.csv`` (how many areas each published list had), checked row by
  row and resolved by ``udsat.domain.listing``.
- ``criteria_measures``: a row of ``official_criteria_values.csv`` as ``Measures``. The
  conviction figure comes either as a share of residents aged 18+ or as a ratio to the
  national average (``convicted_measure`` says which); a ratio r is stored as a share r with
  a national average of 1, which compares correctly with "at least k times the national
  average" (2018 rules on) and is unusable against the fixed 2.7 % of 2010 and 2013.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from udsat.domain.classification import Measures
from udsat.domain.criteria import rule_version_for_year
from udsat.domain.geography import Geography
from udsat.domain.listing import ListingError, ListRecord, RecordEntry, lists_of_year, resolve
from udsat.domain.observations import parse_decimal
from udsat.domain.statuses import STATUSES, parse_published_status
from udsat.ingest.problems import Problem, ProblemsFound

PCT_MEASURE = "pct_of_residents_18plus"
RATIO_MEASURE = "ratio_to_national"
RECORD_FILE = "list_record.csv"
SIZES_FILE = "list_sizes.csv"
RECORD_COLUMNS = ("year", "area", "municipality", "list", "on_list", "source_url", "derivation",
                  "derivation_da", "derivation_en", "note")
SIZES_COLUMNS = ("year", "list", "count", "source_url", "note")
DERIVATIONS = ("rebuilt", "transitional", "count", "span", "threshold")
ON_LIST = {"yes": True, "no": False}


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from enumerate(csv.DictReader(handle), start=2)


def _header_problems(path: Path, columns: tuple[str, ...]) -> list[Problem]:
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    missing = [c for c in columns if c not in header]
    return [Problem(path.name, 1, c, "column missing") for c in missing]


def _year(file: str, line: int, text: str, problems: list[Problem]) -> int | None:
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or not lists_of_year(int(text)):
        problems.append(Problem(file, line, "year", f"{text!r} is not a year with a statutory list"))
        return None
    return int(text)


def read_list_sizes(directory: Path) -> tuple[dict[tuple[int, str], int], list[Problem]]:
    """(year, list) -> the number of areas on that published list."""
    path = directory / SIZES_FILE
    problems = _header_problems(path, SIZES_COLUMNS)
    if problems:
        return {}, problems
    sizes: dict[tuple[int, str], int] = {}
    for line, row in _rows(path):
        year = _year(SIZES_FILE, line, row["year"], problems)
        code, count = row["list"].strip(), row["count"].strip()
        if code not in STATUSES or (year is not None and code not in lists_of_year(year)):
            problems.append(Problem(SIZES_FILE, line, "list", f"{code!r} is not a list of {year}"))
            continue
        if not (count.isascii() and count.isdigit()):
            problems.append(Problem(SIZES_FILE, line, "count", f"{count!r} is not a whole number"))
            continue
        if year is not None:
            if (year, code) in sizes:
                problems.append(Problem(SIZES_FILE, line, "list", f"{year} {code} given twice"))
            sizes[(year, code)] = int(count)
    return sizes, problems


def read_record_entries(directory: Path, geography: Geography) -> tuple[list[RecordEntry],
                                                                         list[Problem]]:
    path = directory / RECORD_FILE
    problems = _header_problems(path, RECORD_COLUMNS)
    if problems:
        return [], problems
    entries: list[RecordEntry] = []
    seen: dict[tuple[int, str, str, bool], tuple[int, bool]] = {}
    for line, row in _rows(path):
        before = len(problems)
        year = _year(RECORD_FILE, line, row["year"], problems)
        area = geography.area(row["area"].strip())
        if area is None:
            hints = ", ".join(geography.suggest_areas(row["area"])) or "none"
            problems.append(Problem(RECORD_FILE, line, "area",
                                    f"unknown area {row['area']!r}; closest: {hints}"))
        code = row["list"].strip()
        if code not in STATUSES or (year is not None and code not in lists_of_year(year)):
            problems.append(Problem(RECORD_FILE, line, "list", f"{code!r} is not a list of {year}"))
        on = ON_LIST.get(row["on_list"].strip())
        if on is None:
            problems.append(Problem(RECORD_FILE, line, "on_list", f"{row['on_list']!r}: yes or no"))
        derivation = row["derivation"].strip()
        sources = tuple(u.strip() for u in row["source_url"].split("|") if u.strip())
        if derivation and derivation not in DERIVATIONS:
            problems.append(Problem(RECORD_FILE, line, "derivation",
                                    f"{derivation!r} is not one of {', '.join(DERIVATIONS)}"))
        if derivation and not (row["derivation_da"].strip() and row["derivation_en"].strip()):
            problems.append(Problem(RECORD_FILE, line, "derivation_da",
                                    "a derived row says how, in Danish and English"))
        if not derivation and not sources:
            problems.append(Problem(RECORD_FILE, line, "source_url",
                                    "a row read in a source names it"))
        if len(problems) > before or area is None or year is None or on is None:
            continue
        key = (year, area.slug, code, bool(derivation))
        if key in seen:
            first, said = seen[key]
            if said != on:
                problems.append(Problem(RECORD_FILE, line, "on_list",
                                        f"contradicts row {first} on the same area, year and list"))
            continue  # another source for the same fact: the first row stands for both
        seen[key] = (line, on)
        entries.append(RecordEntry(year, area.slug, code, on, sources, derivation,
                                   row["derivation_da"].strip(), row["derivation_en"].strip(),
                                   line))
    return entries, problems


def read_list_record(directory: Path, geography: Geography) -> ListRecord:
    """The resolved record of every catalogue area; raise ProblemsFound on any bad row."""
    entries, problems = read_record_entries(directory, geography)
    sizes, size_problems = read_list_sizes(directory)
    problems += size_problems
    if problems:
        raise ProblemsFound(problems)
    try:
        return resolve(entries, sizes, [a.slug for a in geography.areas])
    except ListingError as exc:
        raise ProblemsFound([Problem(RECORD_FILE, None, None, str(exc))]) from None


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
