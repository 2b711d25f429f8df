"""The interval audit: what an attacker who knows that counts are whole can pin down.

The exact linear audit (domain/linear_audit.py) only finds cells the published cells fix
uniquely over the rationals. An attacker also knows that every count is a non-negative
whole number, that a cell listed as suppressed holds at least one person (empty cells are
not listed), that a numerator is at most its denominator, and that a municipality holds at
least the persons of its areas. With those, a row total minus its published parts that
equals the number of suppressed parts pins each of them to 1.

``intervals`` computes the feasible [low, high] of every suppressed count in a count
relation: a linear programme per bound (HiGHS through ``highspy``, one model per connected
component, re-solved warm with only the objective changed), rounded inwards to whole
numbers. For the tables published here (sums over hierarchies, flow rows and columns) the
constraint matrix is a network matrix, whose LP bounds are already whole numbers, so the
rounded LP interval is the integer interval; ``integer_interval`` solves the integer
programme itself (``scipy.optimize.milp``) for a single count, and the tests compare both.

``integer_audit(min_interval)`` returns an audit for ``domain.disclosure.protect``: the
suppressed counts whose interval is narrower than ``min_interval`` persons, and any
suppressed count pinned to one value.
"""

from __future__ import annotations

import math
import os
from collections.abc import Hashable, Iterable, Mapping

import highspy
import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from udsat.domain.disclosure import DisclosureError, Numerator, Relation

COUNT_KINDS = ("count", "at_least")
Row = tuple[dict, float, str]  # sum(coefficient * x) + constant (= or >=) 0


def _rows(hidden: set, relations: Iterable[Relation], counts: Mapping[Hashable, int | None]
          ) -> list[Row]:
    """Each count relation restricted to the hidden counts. A relation with a published
    member of unknown count says nothing to the attacker and is left out."""
    rows = []
    for relation in relations:
        if relation.kind not in COUNT_KINDS:
            continue
        coefficients: dict = {}
        constant = 0.0
        for key, coefficient in relation.terms:
            if key in hidden:
                coefficients[key] = coefficients.get(key, 0) + coefficient
            elif counts.get(key) is None:
                break
            else:
                constant += coefficient * counts[key]
        else:
            coefficients = {k: v for k, v in coefficients.items() if v}
            if coefficients:
                rows.append((coefficients, constant, relation.kind))
    # A numerator never exceeds its denominator (hidden with it: the cell is suppressed).
    for key in sorted({k for row in rows for k in row[0] if isinstance(k, Numerator)},
                      key=repr):
        rows.append(({key.cell: 1, key: -1}, 0.0, "at_least"))
    return rows


def _components(rows: list[Row]) -> list[list[int]]:
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for coefficients, _, _ in rows:
        keys = list(coefficients)
        for other in keys[1:]:
            parent[find(keys[0])] = find(other)
    groups: dict = {}
    for index, (coefficients, _, _) in enumerate(rows):
        groups.setdefault(find(next(iter(coefficients))), []).append(index)
    return [groups[g] for g in sorted(groups, key=repr)]


def _lower(key: Hashable) -> float:
    """A listed cell holds at least one person; a numerator may be zero."""
    return 0.0 if isinstance(key, Numerator) else 1.0


def _quiet_solver() -> highspy.Highs:
    """A HiGHS instance that prints nothing (its banner goes to the C stdout)."""
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            solver = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    solver.setOptionValue("output_flag", False)
    # Warm simplex re-solves: presolve would rebuild the model on every objective change.
    solver.setOptionValue("presolve", "off")
    solver.setOptionValue("solver", "simplex")
    return solver


def _model(part: list[Row]) -> tuple[highspy.Highs, list]:
    variables = sorted({k for c, _, _ in part for k in c}, key=repr)
    column = {k: j for j, k in enumerate(variables)}
    solver = _quiet_solver()
    inf = highspy.kHighsInf
    solver.addVars(len(variables), np.array([_lower(k) for k in variables]),
                   np.full(len(variables), inf))
    starts, indices, values, low, high = [], [], [], [], []
    for coefficients, constant, kind in part:
        starts.append(len(indices))
        for key, value in coefficients.items():
            indices.append(column[key])
            values.append(float(value))
        low.append(-constant)
        high.append(inf if kind == "at_least" else -constant)
    solver.addRows(len(part), np.array(low), np.array(high), len(indices),
                   np.array(starts), np.array(indices, dtype=np.int32), np.array(values))
    return solver, variables


def _bound(solver: highspy.Highs, sense, key: Hashable) -> float:
    solver.changeObjectiveSense(sense)
    for _ in range(2):
        solver.run()
        status = solver.getModelStatus()
        if status == highspy.HighsModelStatus.kOptimal:
            return solver.getInfo().objective_function_value
        if status == highspy.HighsModelStatus.kUnbounded:
            return math.inf
        solver.clearSolver()  # a warm start that went wrong: solve once more from cold
    if status == highspy.HighsModelStatus.kUnboundedOrInfeasible:
        return math.inf  # feasible (the true values solve it), hence unbounded
    # The true values always satisfy true identities: a contradiction means a relation
    # was declared that does not hold, and the audit cannot be trusted.
    raise DisclosureError(f"the published counts contradict the declared relations around "
                          f"{key!r} ({solver.modelStatusToString(status)})")


def intervals(hidden: set, relations: Iterable[Relation],
              counts: Mapping[Hashable, int | None], targets: set | None = None,
              cache: dict | None = None) -> dict[Hashable, tuple[float, float]]:
    """The feasible [low, high] of every hidden count in a count relation (or of the
    ``targets`` among them), rounded inwards to whole numbers; high is inf if unbounded.
    ``cache`` keeps the intervals of components already solved: between two rounds of the
    gate most components are unchanged."""
    rows = _rows(hidden, relations, counts)
    found: dict = {}
    for component in _components(rows):
        part = [rows[i] for i in component]
        if targets is not None and not any(k in targets for c, _, _ in part for k in c):
            continue
        signature = None
        if cache is not None:
            signature = repr(sorted(repr(r) for r in part))
            if signature in cache:
                found.update(cache[signature])
                continue
        before = set(found)
        solver, variables = _model(part)
        for j, key in enumerate(variables):
            if targets is not None and key not in targets:
                continue
            solver.changeColCost(j, 1.0)
            low = _bound(solver, highspy.ObjSense.kMinimize, key)
            high = _bound(solver, highspy.ObjSense.kMaximize, key)
            solver.changeColCost(j, 0.0)
            found[key] = (math.ceil(low - 1e-6), high if high == math.inf
                          else math.floor(high + 1e-6))
        if cache is not None and targets is None:
            cache[signature] = {k: v for k, v in found.items() if k not in before}
    return found


def integer_interval(key: Hashable, hidden: set, relations: Iterable[Relation],
                     counts: Mapping[Hashable, int | None]) -> tuple[float, float]:
    """The exact integer interval of one hidden count (an integer programme per bound)."""
    rows = _rows(hidden, relations, counts)
    part = [rows[i] for c in _components(rows) for i in c
            if any(key in rows[j][0] for j in c)]
    variables = sorted({k for c, _, _ in part for k in c}, key=repr)
    column = {k: j for j, k in enumerate(variables)}
    matrix = np.zeros((len(part), len(variables)))
    for i, (coefficients, _, _) in enumerate(part):
        for k, value in coefficients.items():
            matrix[i, column[k]] = value
    low = np.array([-c for _, c, _ in part])
    high = np.array([np.inf if kind == "at_least" else -c for _, c, kind in part])
    problem = {"integrality": np.ones(len(variables)),
               "bounds": Bounds([_lower(k) for k in variables], np.inf),
               "constraints": LinearConstraint(matrix, low, high)}
    objective = np.zeros(len(variables))
    objective[column[key]] = 1.0
    smallest, largest = milp(objective, **problem), milp(-objective, **problem)
    if smallest.status != 0:
        raise DisclosureError(f"no integer solution around {key!r}: {smallest.message}")
    return (round(smallest.fun), -largest.fun if largest.status == 0 else math.inf)


def narrow(hidden: set, relations: Iterable[Relation], counts: Mapping[Hashable, int],
           needed: Mapping[Hashable, int], cache: dict | None = None) -> set:
    """The hidden counts whose feasible interval is narrower than ``needed[key]``.

    Fast path: the true values are one feasible point. A few LPs inside the box truth +-
    width, pushing the open counts in seeded random directions, find feasible points far
    enough apart for most counts; only the others get their own two LPs (exact bounds,
    rounded inwards). Every feasible point found widens what is known for every count.
    """
    rows = _rows(hidden, relations, counts)
    found: set = set()
    for component in _components(rows):
        part = [rows[i] for i in component]
        signature = repr(sorted(repr(r) for r in part)) if cache is not None else None
        if cache is not None and signature in cache:
            found |= cache[signature]
            continue
        exposed = _narrow_component(part, counts, needed)
        if cache is not None:
            cache[signature] = exposed
        found |= exposed
    return found


class _Span:
    """The smallest and largest value seen for each count in feasible points."""

    def __init__(self, truth: np.ndarray, width: np.ndarray) -> None:
        self.low, self.high, self.width = truth.copy(), truth.copy(), width

    def see(self, point: np.ndarray) -> None:
        np.minimum(self.low, point, out=self.low)
        np.maximum(self.high, point, out=self.high)

    def open(self) -> np.ndarray:
        return self.high - self.low < self.width - 1e-6


def _narrow_component(part: list[Row], counts: Mapping, needed: Mapping) -> set:
    solver, variables = _model(part)
    size = len(variables)
    truth = np.array([float(counts[k]) for k in variables])
    width = np.array([float(needed.get(k, 1)) for k in variables])
    lower = np.array([_lower(k) for k in variables])
    span = _Span(truth, width)
    everything = np.arange(size, dtype=np.int32)
    # One count up often means its neighbour in a sum down, so the signs must differ.
    solver.changeColsBounds(size, everything, np.maximum(lower, truth - width), truth + width)
    solver.changeObjectiveSense(highspy.ObjSense.kMaximize)
    rng = np.random.default_rng(size)
    for _ in range(6):
        todo = span.open()
        if not todo.any():
            break
        solver.changeColsCost(size, everything, rng.choice([-1.0, 1.0], size) * todo)
        solver.run()
        if solver.getModelStatus() == highspy.HighsModelStatus.kOptimal:
            span.see(np.array(solver.getSolution().col_value))
    solver.changeColsBounds(size, everything, lower, np.full(size, highspy.kHighsInf))
    solver.changeColsCost(size, everything, np.zeros(size))
    exposed = set()
    for j in np.flatnonzero(span.open()):
        key = variables[j]
        solver.changeColCost(int(j), 1.0)
        top = _bound(solver, highspy.ObjSense.kMaximize, key)
        if top != math.inf:
            span.see(np.array(solver.getSolution().col_value))
        if top != math.inf and span.open()[j]:
            bottom = _bound(solver, highspy.ObjSense.kMinimize, key)
            if math.floor(top + 1e-6) - math.ceil(bottom - 1e-6) < width[j]:
                exposed.add(key)
        solver.changeColCost(int(j), 0.0)
    return exposed


def integer_audit(min_interval: int):
    """An audit for ``protect``: the hidden counts pinned to one value, and those of cells
    that break a rule (``protected``) whose interval is narrower than ``min_interval``."""
    cache: dict = {}

    def audit(hidden: set, relations: list[Relation], counts: Mapping,
              protected: set | None = None) -> set:
        needed = {k: min_interval if protected is None or
                  (k.cell if isinstance(k, Numerator) else k) in protected else 1
                  for k in hidden}
        return narrow(hidden, relations, counts, needed, cache)
    return audit
