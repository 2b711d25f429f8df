"""Declared schemas: the columns an importer expects, and how a header is matched to them.

Header names are matched case-insensitively, ignoring spacing; each column may list the
spellings the source is known to use (Danish and English).
"""

from __future__ import annotations

from dataclasses import dataclass

from udsat.domain.geography import normalise_name
from udsat.ingest.problems import Problem

HEADER_SEARCH_ROWS = 20  # a workbook may have a title and notes above its header


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    required: bool = True
    aliases: tuple[str, ...] = ()

    def spellings(self) -> set[str]:
        return {normalise_name(s) for s in (self.name, *self.aliases)}


@dataclass(frozen=True)
class Schema:
    """An importer's declared input: its columns, and whether other columns are an error."""

    kind: str
    columns: tuple[Column, ...]
    extra_columns_allowed: bool = False
    # The CSV separator the format prescribes; "" accepts any (detected and reported).
    separator: str = ""

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def score(self, cells: list[str]) -> int:
        """How many of the schema's columns a candidate header row names."""
        found = {normalise_name(str(c)) for c in cells}
        return sum(1 for col in self.columns if col.spellings() & found)

    def match(self, file: str, row: int, cells: list[str]) -> tuple[dict[str, int], list[Problem],
                                                                     list[str]]:
        """Column name -> index; problems for missing, repeated or unexpected columns; notes."""
        positions: dict[str, int] = {}
        problems: list[Problem] = []
        notes: list[str] = []
        for index, cell in enumerate(cells):
            text = str(cell).strip()
            if not text:
                continue
            column = next((c for c in self.columns if normalise_name(text) in c.spellings()),
                          None)
            if column is None:
                if self.extra_columns_allowed:
                    notes.append(f"{file}: column {text!r} is not used")
                else:
                    expected = ", ".join(c.name for c in self.columns)
                    problems.append(Problem(file, row, text,
                                            f"unexpected column (this format has: {expected})"))
            elif column.name in positions:
                problems.append(Problem(file, row, text,
                                        f"column {column.name!r} appears twice"))
            else:
                positions[column.name] = index
        for column in self.columns:
            if column.required and column.name not in positions:
                spellings = ", ".join(repr(s) for s in (column.name, *column.aliases))
                problems.append(Problem(file, row, column.name,
                                        f"column is missing (looked for {spellings})"))
        return positions, problems, notes
