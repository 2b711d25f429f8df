"""Published cells before the disclosure gate, and the identities that tie them together.

Every figure analytics produces becomes a ``Cell`` with the persons behind it; every way
one published figure can be computed from others becomes a ``Relation`` (domain.disclosure),
so secondary suppression can see what an adversary could difference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from udsat.domain.disclosure import Relation

OBSERVATIONS = "observations"
PLACE_OBSERVATIONS = "place_observations"
FLOWS = "flows"


@dataclass(frozen=True)
class Cell:
    table: str
    fields: tuple  # the row's identity: observations (area, indicator, period, breakdown)
    value: Decimal | None
    n_persons: int
    note: str = ""

    @property
    def key(self) -> tuple:
        return (self.table, *self.fields)


def obs_key(area: str, indicator: str, year: int, breakdown: str = "") -> tuple:
    return (OBSERVATIONS, area, indicator, str(year), breakdown)


def flow_key(year: int, origin: str, destination: str, kind: str, move_type: str) -> tuple:
    return (FLOWS, str(year), origin, destination, kind, move_type)


@dataclass
class Collection:
    """Cells and relations gathered from every level, in the order they were produced."""

    cells: dict[tuple, Cell] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)

    def add(self, table: str, fields: tuple, value: Decimal | None, n_persons: int,
            note: str = "") -> tuple:
        cell = Cell(table, fields, value, n_persons, note)
        self.cells[cell.key] = cell
        return cell.key

    def observation(self, area: str, indicator: str, year: int, breakdown: str,
                    value: Decimal | None, n_persons: int, note: str = "") -> tuple:
        return self.add(OBSERVATIONS, (area, indicator, str(year), breakdown), value,
                        n_persons, note)

    def place(self, kind: str, code: str, indicator: str, year: int, breakdown: str,
              value: Decimal | None, n_persons: int, note: str = "") -> tuple:
        return self.add(PLACE_OBSERVATIONS, (kind, code, indicator, str(year), breakdown),
                        value, n_persons, note)

    def relate_total(self, total: tuple, parts: list[tuple]) -> None:
        """``total = sum(parts)`` where every cell exists (a missing part is a true zero)."""
        present = [p for p in parts if p in self.cells]
        if total in self.cells and present:
            self.relations.append(Relation.total(total, present))

    def relate(self, terms: list[tuple[tuple, int]]) -> None:
        if all(k in self.cells for k, _ in terms):
            self.relations.append(Relation(tuple(terms)))
