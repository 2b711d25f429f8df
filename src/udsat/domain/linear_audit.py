"""The exact linear audit: which suppressed cells the published cells determine exactly.

A suppressed cell is recoverable exactly when its unit vector lies in the row space of the
relations restricted to the suppressed cells; ``recoverable`` decides that by exact
elimination modulo a large prime, component by component. It ignores that counts are whole
and non-negative: analytics/audit.py adds that (an integer programme) on top.

Standard library only.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Protocol

# Elimination modulo a 61-bit prime: exact for the small integer coefficients used here
# (a rank could only differ from the rank over the rationals if the prime divided a minor).
_PRIME = (1 << 61) - 1

Key = Hashable


class Linear(Protocol):
    terms: tuple[tuple[Key, int], ...]


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


def recoverable(suppressed: Iterable[Key], relations: Iterable[Linear]) -> set[Key]:
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


