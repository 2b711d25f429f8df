"""The adversary: tries to recover suppressed cells by differencing published tables.

It knows the structure of the published tables (which cells add up to which) and every
published value, and solves the resulting linear system exactly over the rationals
(Fractions), independently of the disclosure module's own audit. A suppressed cell is
recovered when the system fixes its value uniquely.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from fractions import Fraction

Equation = tuple[tuple[Hashable, int], ...]  # sum(coefficient * cell) = 0


def recover(published: Mapping[Hashable, Fraction | int], suppressed: Iterable[Hashable],
            equations: Iterable[Equation]) -> dict[Hashable, Fraction]:
    """Every suppressed cell whose value the published tables determine, with that value."""
    hidden = set(suppressed)
    rows: list[tuple[dict[Hashable, Fraction], Fraction]] = []
    for equation in equations:
        coefficients: dict[Hashable, Fraction] = {}
        constant = Fraction(0)
        for key, coefficient in equation:
            if key in hidden:
                coefficients[key] = coefficients.get(key, Fraction(0)) + coefficient
            else:
                constant -= coefficient * Fraction(published[key])
        coefficients = {k: v for k, v in coefficients.items() if v}
        if coefficients:
            rows.append((coefficients, constant))
    pivots: dict[Hashable, tuple[dict[Hashable, Fraction], Fraction]] = {}
    for coefficients, constant in rows:
        row, rhs = dict(coefficients), constant
        for key in [k for k in row if k in pivots]:
            factor = row.get(key)
            if not factor:
                continue
            pivot_row, pivot_rhs = pivots[key]
            for k, v in pivot_row.items():
                row[k] = row.get(k, Fraction(0)) - factor * v
                if not row[k]:
                    del row[k]
            rhs -= factor * pivot_rhs
        if not row:
            continue
        lead = min(row, key=repr)
        scale = row[lead]
        row = {k: v / scale for k, v in row.items()}
        rhs /= scale
        for key, (other, other_rhs) in list(pivots.items()):
            factor = other.get(lead)
            if factor:
                for k, v in row.items():
                    other[k] = other.get(k, Fraction(0)) - factor * v
                    if not other[k]:
                        del other[k]
                pivots[key] = (other, other_rhs - factor * rhs)
        pivots[lead] = (row, rhs)
    return {key: rhs for key, (row, rhs) in pivots.items() if len(row) == 1}
