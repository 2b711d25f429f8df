"""Cells of a downloaded table that a spreadsheet would run as a formula, made inert.

OWASP's rule for CSV injection: a cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is read by Excel, LibreOffice and Numbers as a formula (``=HYPERLINK(...)``
in a note becomes a live link). Such a cell is prefixed with a single quote, which the
spreadsheet shows as text. A number (``-4.5``, ``+3``) is left as it is: it is what the
column holds, and a spreadsheet reads it as the number it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?\Z")  # "," too: Danish CSV


def neutralise_cell(value: Any) -> Any:
    """The cell as text a spreadsheet will not evaluate; non-text values are returned as is."""
    if not isinstance(value, str) or not value.startswith(FORMULA_TRIGGERS):
        return value
    if _NUMBER.match(value):
        return value
    return "'" + value


def neutralise_rows(rows: Iterable[Sequence[Any]]) -> list[list[Any]]:
    """Every cell of every row neutralised (see ``neutralise_cell``)."""
    return [[neutralise_cell(cell) for cell in row] for row in rows]
