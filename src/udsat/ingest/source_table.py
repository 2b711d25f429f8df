"""What every reader returns: the rows of one source table, and how a file can fail whole."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from udsat.ingest.problems import Problem


class SourceError(ValueError):
    """The file cannot be read at all; ``problem`` says why."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


class FormulaCell(str):
    """A spreadsheet cell that holds a formula (its text) rather than a typed value."""


@dataclass
class SourceTable:
    """Rows of a source file: ``rows`` yields (row number, cells); row 1 is the first line."""

    file: str
    rows: Iterator[tuple[int, list[str]]]
    notes: list[str] = field(default_factory=list)
    encoding: str = ""
    separator: str = ""


def is_blank(cells: list[str]) -> bool:
    # A plain loop: it runs on every row of a million-row file and usually returns at the
    # first cell (about five times faster than any() over a generator).
    for cell in cells:  # noqa: SIM110 - all() over a generator is the slow form
        if str(cell).strip():
            return False
    return True
