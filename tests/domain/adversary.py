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


# --- The attack on a whole bundle (issue 13) -------------------------------------------------
# What the independent attack did, using only what a bundle publishes plus public geography:
# shares give their numerators back, identities between tables give sums, and counts are
# whole, non-negative, and a listed suppressed cell holds at least one person.

def share_numerator(value: str, n: int) -> int | None:
    """The persons behind a published share when the rounding (0.1 point) pins them."""
    if not value or not n or n > 1000:
        return None
    return round(Fraction(value) * n / 100)


def attribute_findings(rows: Iterable[Mapping[str, str]], shares: Mapping[str, str],
                       least: int, group_least: int) -> list[tuple]:
    """Published shares whose numerator or complement shows 1 to least-1 persons, or whose
    sensitive side covers a whole group smaller than group_least."""
    found = []
    for row in rows:
        side = shares.get(row["indicator"])
        if not side or not row["value"] or not row["n_persons"]:
            continue
        n = int(row["n_persons"])
        k = share_numerator(row["value"], n)
        if k is None:
            continue
        whole = {"numerator": k == n, "complement": k == 0, "both": k in (0, n)}[side]
        if 0 < k < least or 0 < n - k < least or (whole and n < group_least):
            found.append((row["indicator"], n, k, row))
    return found


def count_bounds(published: Mapping[Hashable, int], hidden: Iterable[Hashable],
                 equations: Iterable[Equation], at_least: Iterable[Equation] = (),
                 zero_floor: Iterable[Hashable] = ()) -> dict[Hashable, tuple[float, float]]:
    """The attacker's integer-aware bounds: [min, max] of each hidden count by linear
    programming (scipy's HiGHS), with every hidden count >= 1 (>= 0 for zero_floor),
    ``equations`` sum(c * x) = 0 and ``at_least`` sum(c * x) >= 0."""
    import numpy as np
    from scipy.optimize import linprog

    hidden = set(hidden)
    floor0 = set(zero_floor)
    rows = []
    for kind, source in (("eq", equations), ("ge", at_least)):
        for equation in source:
            coefficients: dict = {}
            constant = 0.0
            for key, c in equation:
                if key in hidden:
                    coefficients[key] = coefficients.get(key, 0) + c
                elif key in published:
                    constant += c * published[key]
                else:
                    break
            else:
                if coefficients:
                    rows.append((coefficients, constant, kind))
    variables = sorted({k for c, _, _ in rows for k in c}, key=repr)
    column = {k: i for i, k in enumerate(variables)}
    # Connected components keep each programme small.
    parent = list(range(len(variables)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for coefficients, _, _ in rows:
        cols = [column[k] for k in coefficients]
        for other in cols[1:]:
            parent[find(cols[0])] = find(other)
    groups: dict = {}
    for index, (coefficients, _, _) in enumerate(rows):
        groups.setdefault(find(column[next(iter(coefficients))]), []).append(index)
    bounds: dict = {}
    for members in groups.values():
        part = [rows[i] for i in members]
        names = sorted({k for c, _, _ in part for k in c}, key=repr)
        local = {k: i for i, k in enumerate(names)}
        eq = [(c, b) for c, b, kind in part if kind == "eq"]
        ge = [(c, b) for c, b, kind in part if kind == "ge"]

        options = {
            "A_eq": _matrix(eq, local) if eq else None,
            "b_eq": [-b for _, b in eq] if eq else None,
            "A_ub": -_matrix(ge, local) if ge else None,
            "b_ub": [b for _, b in ge] if ge else None,
            "bounds": [(0 if k in floor0 else 1, None) for k in names], "method": "highs",
        }
        for k in names:
            objective = np.zeros(len(names))
            objective[local[k]] = 1
            low = linprog(objective, **options)
            high = linprog(-objective, **options)
            top = -high.fun if high.status == 0 else float("inf")
            bounds[k] = (low.fun if low.status == 0 else float("nan"), top)
    return bounds


def _matrix(rows, column):
    import numpy as np

    m = np.zeros((len(rows), len(column)))
    for r, (coefficients, _) in enumerate(rows):
        for key, value in coefficients.items():
            m[r, column[key]] = value
    return m
