"""Disclosure control: the one gate every figure passes before it leaves analytics.

Every published cell carries ``n_persons``, the persons behind it (for a share its
denominator). Primary suppression hides cells with fewer than ``min_persons`` persons.
Secondary suppression then hides further cells until no suppressed cell can be worked out
from what is published: totals and margins, flow row and column sums, and identities that
tie neighbouring years together (a two-year average and a yearly change).

The published tables are described to this module as *relations*: linear identities
``sum(coefficient * cell) = 0`` between cells (``Relation.total(t, parts)`` for
``t = part1 + part2 + ...``). A suppressed cell is recoverable exactly when its unit vector
lies in the row space of the relations restricted to the suppressed cells; ``recoverable``
decides that by exact elimination modulo a large prime, component by component. ``protect``
adds suppressions (the smallest cells first) until nothing is recoverable. Suppressed cells
are never published as zero: they have no value at all.

Standard library only.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

DEFAULT_MIN_PERSONS = 5
# Elimination modulo a 61-bit prime: exact for the small integer coefficients used here
# (a rank could only differ from the rank over the rationals if the prime divided a minor).
_PRIME = (1 << 61) - 1

Key = Hashable


@dataclass(frozen=True)
class Relation:
    """A linear identity between published cells: sum(coefficient * cell) = 0."""

    terms: tuple[tuple[Key, int], ...]

    @classmethod
    def total(cls, total: Key, parts: Iterable[Key]) -> Relation:
        """``total = sum(parts)``."""
        return cls(((total, 1), *((p, -1) for p in parts)))

    @property
    def keys(self) -> tuple[Key, ...]:
        return tuple(k for k, _ in self.terms)


@dataclass(frozen=True)
class Policy:
    min_persons: int = DEFAULT_MIN_PERSONS

    def __post_init__(self) -> None:
        if self.min_persons < 1:
            raise ValueError("min_persons must be at least 1")

    def as_manifest(self) -> dict[str, object]:
        return {
            "min_persons": self.min_persons,
            "primary": "cells with n_persons below min_persons",
            "secondary": "exact linear audit over totals, margins, flow sums and year identities",
        }


def primary(cells: Mapping[Key, int | None], policy: Policy) -> set[Key]:
    """Cells with fewer persons than the minimum (or an unknown count)."""
    return {k for k, n in cells.items() if n is None or n < policy.min_persons}


def _components(relations: list[dict[int, int]]) -> list[list[int]]:
    """Group relations (restricted to unknowns) that share an unknown."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for row in relations:
        keys = list(row)
        for other in keys[1:]:
            a, b = find(keys[0]), find(other)
            if a != b:
                parent[a] = b
    groups: dict[int, list[int]] = {}
    for index, row in enumerate(relations):
        groups.setdefault(find(next(iter(row))), []).append(index)
    return list(groups.values())


def _determined(rows: list[dict[int, int]]) -> set[int]:
    """Unknowns fixed by the rows: pivots whose reduced row has no other entry."""
    pivots: dict[int, dict[int, int]] = {}
    for original in rows:
        row = {k: v % _PRIME for k, v in original.items() if v % _PRIME}
        # Pivot rows are kept fully reduced against each other, so one pass suffices.
        for column in [c for c in row if c in pivots]:
            factor = row[column]
            for c, v in pivots[column].items():
                value = (row.get(c, 0) - factor * v) % _PRIME
                if value:
                    row[c] = value
                else:
                    row.pop(c, None)
        if not row:
            continue
        pivot = min(row)
        inverse = pow(row[pivot], _PRIME - 2, _PRIME)
        row = {c: v * inverse % _PRIME for c, v in row.items()}
        for other in pivots.values():
            factor = other.get(pivot)
            if factor:
                for c, v in row.items():
                    value = (other.get(c, 0) - factor * v) % _PRIME
                    if value:
                        other[c] = value
                    else:
                        other.pop(c, None)
        pivots[pivot] = row
    return {p for p, row in pivots.items() if len(row) == 1}


def recoverable(suppressed: Iterable[Key], relations: Iterable[Relation]) -> set[Key]:
    """The suppressed cells an adversary can compute exactly from the published cells."""
    hidden = set(suppressed)
    index: dict[Key, int] = {}
    restricted: list[dict[int, int]] = []
    for relation in relations:
        row: dict[int, int] = {}
        for key, coefficient in relation.terms:
            if key in hidden:
                column = index.setdefault(key, len(index))
                row[column] = row.get(column, 0) + coefficient
        row = {c: v for c, v in row.items() if v}
        if row:
            restricted.append(row)
    keys = {column: key for key, column in index.items()}
    found: set[Key] = set()
    for component in _components(restricted):
        found |= {keys[c] for c in _determined([restricted[i] for i in component])}
    return found


def protect(
    cells: Mapping[Key, int | None], relations: Iterable[Relation], policy: Policy | None = None
) -> frozenset[Key]:
    """Primary and secondary suppression: the set of cells that must not be published."""
    policy = policy or Policy()
    relations = [r for r in relations if all(k in cells for k in r.keys)]
    suppressed = primary(cells, policy)
    by_key: dict[Key, list[Relation]] = {}
    for relation in relations:
        for key in relation.keys:
            by_key.setdefault(key, []).append(relation)

    def size(key: Key) -> tuple[int, str]:
        return (cells[key] or 0, repr(key))

    while True:
        _fill_single_gaps(relations, by_key, suppressed, size)
        touched = {id(r): r for k in suppressed for r in by_key.get(k, ())}
        exposed = recoverable(suppressed, touched.values())
        if not exposed:
            return frozenset(suppressed)
        for key in sorted(exposed, key=repr):
            candidates = [
                k for r in by_key.get(key, ()) for k in r.keys if k not in suppressed
            ]
            if candidates:
                suppressed.add(min(candidates, key=size))


def _fill_single_gaps(relations: list[Relation], by_key: dict, suppressed: set[Key],
                      size) -> None:
    """A relation with exactly one hidden cell gives it away: hide its smallest neighbour.

    A worklist: only relations touching a newly hidden cell are looked at again.
    """
    pending = list(relations)
    while pending:
        relation = pending.pop()
        hidden = [k for k in relation.keys if k in suppressed]
        if len(hidden) != 1:
            continue
        others = [k for k in relation.keys if k not in suppressed]
        if others:
            chosen = min(others, key=size)
            suppressed.add(chosen)
            pending.extend(by_key.get(chosen, ()))
