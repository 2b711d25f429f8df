"""Row validation shared by the importers: every problem names file, row, column and reason.

``Checker`` collects problems instead of raising, so a data manager sees all of them at
once. Numbers are parsed exactly (Decimal) from either 9.4 or the Danish 9,4.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import re
from collections.abc import Iterator
from decimal import Decimal

from udsat.domain.catalogue import Catalogue
from udsat.domain.indicators import Indicator
from udsat.domain.key_index import RepeatFinder
from udsat.domain.limits import MAX_HEADER_CELLS, count_problem, figure_problem, parse_number
from udsat.domain.observations import ABSENCES, PERIOD_UNSTATED
from udsat.ingest.problems import Problem
from udsat.ingest.schemas import HEADER_SEARCH_ROWS, Schema
from udsat.ingest.source_table import FormulaCell, SourceTable, is_blank

MAX_PROBLEMS_KEPT = 200
CACHE_LIMIT = 100_000  # distinct spellings remembered; beyond that, looked up each time
SHARE_UNITS = ("pct",)
COUNT_UNITS = ("persons", "households", "dwellings")
FIRST_YEAR = 1900
_YEAR = re.compile(r"[0-9]{4}\Z")  # ASCII digits only: \d would read ٢٠١٩ as a year
_SPACES = re.compile(r"[\s\u00a0]")
# docs/importing.md: "in count columns 8.989 is 8989" - a dot before three digits (in
# groups) is a thousands separator in a count, a decimal point elsewhere.
_DANISH_THOUSANDS = re.compile(r"-?[0-9]{1,3}(\.[0-9]{3})+\Z")


class Checker:
    """Collects problems for one file; keeps the first MAX_PROBLEMS_KEPT and counts the rest."""

    def __init__(self, catalogue: Catalogue, today: dt.date | None = None) -> None:
        self.catalogue = catalogue
        self.today = today or dt.date.today()
        self.problems: list[Problem] = []
        self.problem_count = 0
        self.notes: list[str] = []
        self.keys = RepeatFinder()
        self._units: dict[str, tuple[str, int]] = {}
        self._indicators = {i.id: i for i in catalogue.indicators}
        self._sources = {s.id for s in catalogue.sources}
        self._areas: dict[str, tuple[str | None, str]] = {}
        self._periods: dict[str, tuple[str | None, str]] = {}

    def add(self, problem: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(problem)

    def problem(self, file: str, row: int | None, column: str | None, reason: str) -> None:
        self.add(Problem(file, row, column, reason))

    def close(self) -> None:
        self.keys.close()

    # -- values ---------------------------------------------------------------------------
    def number(self, file: str, row: int, column: str, text: str,
               whole: bool = False) -> Decimal | None:
        """A number in either notation; a formula, text or blank cell is a problem.

        ``whole``: the column holds counts, so ``8.989`` is the Danish 8989, not 8.989.
        """
        if isinstance(text, FormulaCell):
            self.problem(file, row, column,
                         f"holds the formula {str(text)!r} where a number belongs; "
                         "paste the values instead")
            return None
        cleaned = _SPACES.sub("", str(text)).rstrip("%")
        if not cleaned:
            self.problem(file, row, column, "is empty; give a number or an absence")
            return None
        if "," in cleaned or (whole and _DANISH_THOUSANDS.match(cleaned)):
            cleaned = cleaned.replace(".", "").replace(",", ".")  # Danish: 1.234,5 -> 1234.5
        try:
            value = parse_number(cleaned)  # digits 0-9 only
        except ValueError:
            self.problem(file, row, column, f"{str(text)!r} is not a number (digits 0-9)")
            return None
        reason = figure_problem(value)
        if reason:
            self.problem(file, row, column, reason)
            return None
        return value

    def in_unit(self, file: str, row: int, column: str, value: Decimal, unit: str,
                bounded: bool = True) -> bool:
        """Shares lie within 0-100 %, counts are whole and never negative.

        ``bounded`` is False for a percentage of a reference (income as % of the region's),
        which may exceed 100 but is never negative.
        """
        if unit in SHARE_UNITS and (value < 0 or (bounded and value > 100)):
            self.problem(file, row, column, f"{value} % is outside 0-100 %" if bounded
                         else f"{value} % is negative")
            return False
        if unit in COUNT_UNITS:
            if value < 0:
                self.problem(file, row, column, f"{value} is a negative count")
                return False
            if value != value.to_integral_value():
                self.problem(file, row, column, f"{value} is not a whole number of {unit}")
                return False
            if count_problem(value):
                self.problem(file, row, column, count_problem(value))
                return False
        return True

    def period(self, file: str, row: int, column: str, text: str) -> str | None:
        """A year (not in the future) or "unstated"."""
        period, reason = self._cached(self._periods, text, self._read_period)
        if reason:
            self.problem(file, row, column, reason)
        return period

    def _read_period(self, text: str) -> tuple[str | None, str]:
        text = str(text).strip()
        if text.endswith(".0"):  # a year typed into a spreadsheet number cell
            text = text[:-2]
        if text.casefold() == PERIOD_UNSTATED:
            return PERIOD_UNSTATED, ""
        if not _YEAR.match(text):
            return None, f"{text!r} is not a year (e.g. 2019) or 'unstated'"
        if int(text) > self.today.year:
            return None, f"{text} is in the future"
        if int(text) < FIRST_YEAR:
            return None, f"{text} is before {FIRST_YEAR}"
        return text, ""

    def area(self, file: str, row: int, column: str, text: str) -> str | None:
        """The catalogue slug for a source spelling; an unknown name gets suggestions."""
        slug, reason = self._cached(self._areas, text, self._resolve_area)
        if reason:
            self.problem(file, row, column, reason)
        return slug

    def _resolve_area(self, text: str) -> tuple[str | None, str]:
        geography = self.catalogue.geography
        area = geography.area(str(text))
        if area is not None:
            return area.slug, ""
        hints = ", ".join(geography.suggest_areas(str(text)))
        advice = f"did you mean: {hints}?" if hints else "no catalogue area has a similar name"
        return None, f"unknown area {str(text)!r}; {advice}"

    @staticmethod
    def _cached(cache: dict, text: str, compute):
        """Look-ups repeat a few hundred distinct texts a million times: remember them."""
        found = cache.get(text)
        if found is None:
            found = compute(text)
            if len(cache) < CACHE_LIMIT:
                cache[text] = found
        return found

    def text(self, file: str, row: int, column: str, text: str, longest: int) -> str | None:
        """A free text cell no longer than its bundle column allows."""
        text = str(text).strip()
        if len(text) > longest:
            self.problem(file, row, column, f"is {len(text)} characters long; at most "
                         f"{longest} are allowed")
            return None
        return text

    def indicator(self, file: str, row: int, column: str, text: str) -> Indicator | None:
        indicator = self._indicators.get(str(text).strip())
        if indicator is None:
            self.problem(file, row, column, f"unknown indicator {str(text)!r} (see docs/"
                         "indicators.md for the catalogue's ids)")
        return indicator

    def unit(self, file: str, row: int, column: str, text: str, indicator: Indicator) -> bool:
        """The unit is the indicator's, and one indicator never mixes units in a file."""
        unit = str(text).strip()
        first = self._units.setdefault(indicator.id, (unit, row))
        if first[0] != unit:
            self.problem(file, row, column, f"mixed units: {indicator.id} is in {first[0]!r} on "
                         f"row {first[1]} and in {unit!r} here")
            return False
        if unit != indicator.unit:
            self.problem(file, row, column,
                         f"unit {unit!r} is not {indicator.id}'s unit {indicator.unit!r}")
            return False
        return True

    def absence(self, file: str, row: int, column: str, text: str) -> str | None:
        absence = str(text).strip()
        if absence and absence not in ABSENCES:
            self.problem(file, row, column,
                         f"{absence!r} is not one of {', '.join(ABSENCES)}")
            return None
        return absence

    def source(self, file: str, row: int, column: str, text: str) -> str | None:
        source = str(text).strip()
        if source not in self._sources:
            known = ", ".join(s.id for s in self.catalogue.sources)
            self.problem(file, row, column, f"unknown source {source!r} (known: {known})")
            return None
        return source

    def unique(self, row: int, key: tuple) -> None:
        """Note ``key`` at ``row``; repeats become problems in ``finish``."""
        self.keys.add(key, row)

    def finish(self, file: str, what: str) -> None:
        """Report every repeated key (known only once every row is in), then start afresh."""
        for row, earlier in self.keys.repeats():
            self.problem(file, row, None, f"duplicate of row {earlier} (same {what})")
        self.keys.close()
        self.keys = RepeatFinder()

def is_share(indicator: Indicator) -> bool:
    """A share of persons (0-100 %), as opposed to a percentage of a mean (e.g. income as % of
    the region's), which the catalogue marks by a denominator that is a mean."""
    return indicator.unit in SHARE_UNITS and "mean" not in (indicator.denominator or "")


def choose_schema(table: SourceTable, schemas: tuple[Schema, ...]) -> Schema:
    """The schema whose columns the header (within the first rows) names best; ties go to
    the earlier schema. The rows looked at are put back."""
    peeked = list(itertools.islice(table.rows, HEADER_SEARCH_ROWS))
    table.rows = itertools.chain(peeked, table.rows)
    best = {schema: max((schema.score(c) for _, c in peeked), default=0) for schema in schemas}
    return max(schemas, key=lambda schema: (best[schema], -schemas.index(schema)))


def records(table: SourceTable, schema: Schema,
            checker: Checker) -> Iterator[tuple[int, dict[str, str]]]:
    """Find the header (within the first rows), check it, then yield each data row by column.

    Nothing is yielded when the header is wrong: a row read against the wrong columns would
    only produce noise.
    """
    file = table.file
    peeked: list[tuple[int, list[str]]] = []
    header_row: tuple[int, list[str]] | None = None
    for number, cells in table.rows:
        peeked.append((number, cells))
        if is_blank(cells):
            continue
        if schema.score(cells) >= 2 or len(peeked) >= HEADER_SEARCH_ROWS:
            header_row = max(((n, c) for n, c in peeked if not is_blank(c)),
                             key=lambda nc: schema.score(nc[1]))
            break
    if header_row is None:
        nonblank = [(n, c) for n, c in peeked if not is_blank(c)]
        if not nonblank:
            checker.problem(file, None, None, "has no rows")
            return
        header_row = max(nonblank, key=lambda nc: schema.score(nc[1]))
    number, header = header_row
    if len(header) > MAX_HEADER_CELLS and not is_blank(header[MAX_HEADER_CELLS:]):
        checker.problem(file, number, None, f"the header has {len(header)} cells; this format "
                        f"has at most {MAX_HEADER_CELLS} columns")
        return
    if table.separator and schema.separator and table.separator != schema.separator:
        checker.problem(file, number, None,
                        f"is separated by {table.separator!r}; this format is separated by "
                        f"{schema.separator!r}")
        return
    positions, problems, notes = schema.match(file, number, header)
    checker.notes.extend(notes)
    for problem in problems:
        checker.add(problem)
    if problems:
        return
    width = len(header)
    data = 0
    names = tuple(positions)
    # One C call picks every column of a full row (itemgetter of one index is no tuple).
    pick = operator.itemgetter(*positions.values()) if len(names) > 1 else None
    full = max(positions.values(), default=0) + 1
    rest = (item for item in peeked if item[0] > number)
    for source in (rest, table.rows):
        for row, cells in source:
            if is_blank(cells):
                continue
            if len(cells) > width and not is_blank(cells[width:]):
                checker.problem(file, row, None, f"has {len(cells)} cells but the header has "
                                f"{width}; check the separator and quoting")
                continue
            data += 1
            if pick is not None and len(cells) >= full:
                yield row, dict(zip(names, pick(cells), strict=True))
            else:
                yield row, {name: (cells[i] if i < len(cells) else "")
                            for name, i in positions.items()}
    if data == 0:
        checker.problem(file, None, None, "has a header but no data rows")
