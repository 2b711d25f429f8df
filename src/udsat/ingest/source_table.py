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
    # One join instead of a strip per cell: this runs on every row of a million-row file.
    return not "".join(map(str, cells)).strip()
