"""Published cells before the disclosure gate, and the identities that tie them together.

Every figure analytics produces becomes a ``Cell`` with the persons behind it; every way
one published figure can be computed from others becomes a ``Relation`` (domain.disclosure),
so secondary suppression can see what an adversary could difference. The relations are
declared by the same functions that add the cells (areas.py, outcomes.py, flows.py), so an
indicator added there cannot be published without its identities.

A *derived* cell is a figure nobody publishes but anyone can compute from published cells
(the unemployed: persons minus employed minus outside the labour force; movers: existing
residents minus stayers). It is declared with its relation so the gate checks it against
the same rules as a published cell and protects it when it breaks one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from udsat.domain.disclosure import Figure, Numerator, Relation

OBSERVATIONS = "observations"
PLACE_OBSERVATIONS = "place_observations"
FLOWS = "flows"
DERIVED = "derived"


@dataclass(frozen=True)
class Cell:
    table: str
    fields: tuple  # the row's identity: observations (area, indicator, period, breakdown)
    value: Decimal | None
    n_persons: int
    note: str = ""
    numerator: int | None = None  # the persons with the attribute, when not value * n / 100
    top: tuple[float, ...] = ()  # largest contributions to a mean (dominance)
    total: float | None = None  # the sum a mean divides

    def figure(self, indicator: str) -> Figure:
        return Figure(self.n_persons, self.value, indicator, self.top, self.total,
                      self.numerator)

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
            note: str = "", **extra) -> tuple:
        cell = Cell(table, fields, value, n_persons, note, **extra)
        self.cells[cell.key] = cell
        return cell.key

    def observation(self, area: str, indicator: str, year: int, breakdown: str,
                    value: Decimal | None, n_persons: int, note: str = "", **extra) -> tuple:
        return self.add(OBSERVATIONS, (area, indicator, str(year), breakdown), value,
                        n_persons, note, **extra)

    def place(self, kind: str, code: str, indicator: str, year: int, breakdown: str,
              value: Decimal | None, n_persons: int, note: str = "", **extra) -> tuple:
        return self.add(PLACE_OBSERVATIONS, (kind, code, indicator, str(year), breakdown),
                        value, n_persons, note, **extra)

    def derive(self, fields: tuple, indicator: str, n_persons: int, numerator: int | None
               ) -> tuple:
        """A derived cell (never published): ``fields`` name it, the indicator's rules
        apply to it."""
        return self.add(DERIVED, (*fields, indicator, "", ""), None, n_persons,
                        numerator=numerator)

    def relate_total(self, total: tuple, parts: list[tuple], kind: str = "count") -> None:
        """``total = sum(parts)`` where every cell exists (a missing part is a true zero)."""
        present = [p for p in parts if _cell(p) in self.cells]
        if _cell(total) in self.cells and present:
            self.relations.append(Relation.total(total, present, kind))

    def relate_numerators(self, total: tuple, parts: list[tuple]) -> None:
        """The counts and the numerators of shares add up alike."""
        self.relate_total(total, parts)
        self.relate_total(Numerator(total), [Numerator(p) for p in parts])

    def relate(self, terms: list[tuple[tuple, int]], kind: str = "count") -> None:
        if all(_cell(k) in self.cells for k, _ in terms):
            self.relations.append(Relation(tuple(terms), kind))


def _cell(quantity) -> tuple:
    return quantity.cell if isinstance(quantity, Numerator) else quantity
