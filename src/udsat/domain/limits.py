"""The bounds of the bundle contract, and of every file an import reads.

Every column of every bundle table has a range, integer bound or length here; ingest checks
them where it reads a source, and the web checks them again where it loads a bundle (its
trust boundary), so that nothing which validates can fail in the database or on a page.
The bounds follow the web's columns: a figure is a DecimalField(18, 6), so at most 11 digits
before the point (one kept for SQLite's doubles); a count is a PostgreSQL ``integer`` (below 2^31); a year is a
``smallint``. Numbers are written in ASCII digits only: Python's ``int`` and ``Decimal``
would read ``٢٠١٩`` (Arabic-Indic) as 2019 and refuse ``²`` with an exception.

Parsing is bounded too: a size cap per import kind, a cap on the header line, on any line,
on JSON nesting and on the cells of a statistical cube, each refused with a clear message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# DecimalField(max_digits=18, decimal_places=6) holds 12 digits before the point, but SQLite
# stores it as a double (15-17 significant digits): 999999999999.9999999 comes back as
# 1e12, which no longer fits. One digit less keeps a value and its rounding in range.
FIGURE_INTEGER_DIGITS = 11
FIGURE_DECIMAL_PLACES = 6  # further places are rounded where the figure is stored
MAX_COUNT = 2**31 - 1  # PositiveIntegerField: PostgreSQL's integer
MAX_SMALL_WHOLE = 32767  # PositiveSmallIntegerField: PostgreSQL's smallint
MAX_NOTE = 2000
MAX_URL = 2000
PERIOD_UNSTATED = "unstated"  # the same word as domain.observations.PERIOD_UNSTATED

# Import kind -> the largest source file read (bytes). A published table is kilobytes; a
# tidy file of a million figures is about 70 MB.
MAX_SOURCE_BYTES: dict[str, int] = {
    "tidy": 300 * 1024 * 1024,
    "beboerdata": 20 * 1024 * 1024,
    "ministry-list": 20 * 1024 * 1024,
    "statistikbanken-json": 20 * 1024 * 1024,
    "statistikbanken-px": 20 * 1024 * 1024,
}
MAX_HEADER_CHARS = 4096  # a header names about ten columns
MAX_HEADER_CELLS = 100
MAX_LINE_CHARS = 64 * 1024  # one row of figures; a note is at most MAX_NOTE
MAX_JSON_DEPTH = 20  # JSON-stat nests five levels
MAX_CUBE_CELLS = 200_000  # 98 municipalities x 100 years is 9,800 cells
MAX_MANIFEST_BYTES = 1024 * 1024

_ASCII_WHOLE = re.compile(r"[0-9]+\Z")
_ASCII_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")
_YEAR = re.compile(r"[0-9]{4}\Z")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


def is_ascii_whole(text: str) -> bool:
    """Digits 0-9 only: ``"²".isdigit()`` is True, yet ``int("²")`` raises."""
    return bool(_ASCII_WHOLE.match(text))


def parse_whole(text: str) -> int:
    """A non-negative whole number in ASCII digits; ValueError with the reason otherwise."""
    text = text.strip()
    if not is_ascii_whole(text):
        raise ValueError(f"{text!r} is not a whole number (digits 0-9)")
    return int(text)


def parse_number(text: str) -> Decimal:
    """A dot-decimal number in ASCII digits, exactly (no float rounding)."""
    text = text.strip()
    if not _ASCII_NUMBER.match(text):
        raise ValueError(f"{text!r} is not a number (digits 0-9, a dot for decimals)")
    try:
        return Decimal(text)
    except InvalidOperation:  # the pattern admits only what Decimal reads; kept as a guard
        raise ValueError(f"{text!r} is not a number") from None


def figure_problem(value: Decimal) -> str:
    """Why a figure cannot be stored, or "" when it can."""
    if not value.is_finite():
        return f"{value} is not a finite number"
    if value != 0 and value.adjusted() >= FIGURE_INTEGER_DIGITS:
        return (f"{value} is too large (a figure has at most {FIGURE_INTEGER_DIGITS} digits "
                "before the decimal point)")
    return ""


def count_problem(value: int | Decimal, maximum: int = MAX_COUNT) -> str:
    """Why a count cannot be stored, or ""."""
    if value < 0:
        return f"{value} is a negative count"
    if value > maximum:
        return f"{value} is too large (at most {maximum:,})".replace(",", ".")
    return ""


def is_year(text: str) -> bool:
    return bool(_YEAR.match(text))


@dataclass(frozen=True)
class Text:
    """A text column: its longest length, and a pattern it must match when not empty."""

    max_length: int
    pattern: re.Pattern | None = None
    meaning: str = ""


_CODE = Text(20)
# Bundle table -> column -> its bound as text. Numbers are checked where they are parsed
# (figure_problem, count_problem, parse_whole); their cells are bounded here by length too.
TEXT_LIMITS: dict[str, dict[str, Text]] = {
    "areas": {"slug": Text(100, SLUG, "a lower-case slug"), "name": Text(200),
              "municipality_code": Text(5), "synthetic": Text(5)},
    "observations": {
        "area": Text(200), "indicator": Text(80), "period": Text(20), "breakdown": Text(60),
        "value": Text(40), "absence": Text(20), "unit": Text(20), "source": Text(80),
        "n_persons": Text(12), "note": Text(MAX_NOTE),
    },
    "place_observations": {
        "place_kind": Text(20), "place_code": _CODE, "indicator": Text(80), "period": Text(20),
        "breakdown": Text(60), "value": Text(40), "absence": Text(20), "unit": Text(20),
        "source": Text(80), "n_persons": Text(12), "note": Text(MAX_NOTE),
    },
    "statuses": {
        "area": Text(200), "year": Text(4), "status": Text(20), "term": Text(60),
        "rule_version": Text(20), "origin": Text(20), "source_url": Text(MAX_URL),
        "note": Text(MAX_NOTE), "on_list": Text(5), "derivation_da": Text(MAX_NOTE),
        "derivation_en": Text(MAX_NOTE),
    },
    "flows": {
        "year": Text(4), "origin": Text(200), "destination": Text(200),
        "destination_kind": Text(30), "move_type": Text(30), "n_persons": Text(12),
        "suppressed": Text(5),
    },
}
# Manifest keys stored in the web's LoadBatch, with their lengths.
MANIFEST_TEXT_LIMITS: dict[str, int] = {
    "name": 200, "dataset": 60, "producer": 200, "created_at": 40, "source_file": 255,
    "source_sha256": 64, "source_url": MAX_URL, "catalogue_version": 80,
}


def text_problems(table: str, row: dict[str, str]) -> list[tuple[str, str]]:
    """(column, reason) for every cell of a bundle row longer than its column allows."""
    found = []
    for column, limit in TEXT_LIMITS.get(table, {}).items():
        text = row.get(column) or ""
        if len(text) > limit.max_length:
            found.append((column, f"is {len(text):,} characters long; at most "
                                  f"{limit.max_length} are allowed".replace(",", ".")))
        elif limit.pattern is not None and text and not limit.pattern.match(text):
            found.append((column, f"{text!r} is not {limit.meaning}"))
    return found


def period_problem(text: str) -> str:
    """A period is a year in ASCII digits or 'unstated'; "" when it is one."""
    if text == PERIOD_UNSTATED or is_year(text):
        return ""
    return f"{text!r} is not a year (four digits 0-9) or {PERIOD_UNSTATED!r}"
