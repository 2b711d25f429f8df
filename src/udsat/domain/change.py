"""What would change an area-year's statuses: each single change, counted in persons where
the criterion counts persons, and said plainly where it does not.

One criterion moves, everything else stays. How far a share p = k/n of n persons moves depends
on who changes (t is the threshold as a fraction, x the persons):

- ``status``: x of the persons change status (find work, finish an education, are not
  convicted); n stays. The share reaches t when k - x <= t n, i.e. x >= k - t n.
- ``leave``: x of the k counted persons move out; origin never changes, so the non-Western share
  moves only this way. n falls with k: (k - x)/(n - x) <= t, i.e. x >= (k - t n)/(1 - t).
  (The old one-for-one count, k - t n, assumed someone else moved in for every leaver.)
- ``arrive``: x persons of the counted group move in: (k + x)/(n + x) > t, x > (t n - k)/(1 - t).
- ``residents``: the 1,000-resident minimum, counted directly.

Boundaries are exact (fractions of integers): "overstiger" (>) stops holding at exactly t,
"mindst" (>=) still holds at t. A measure averaged over w years moves by only 1/w of a change
in the latest year alone, so that change takes w times as many persons (against the latest
year's base, hence "about"). Income is a mean as a percentage of the region's: never counted in
persons. A change whose effect depends on list years that are not known is kept, with the
statuses it leaves undecided and the years it depends on.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from udsat.domain.classification import (
    FIRST_LIST_YEAR,
    RESIDENTS,
    Classification,
    CriterionResult,
    evaluate_statuses,
)

# Shares of persons whose members change status; the non-Western share changes only by moves.
STATUS_SHARES = ("outside_work_edu_pct", "convicted_pct", "basic_edu_pct")
MOVE_SHARES = ("nonwestern_pct",)


@dataclass(frozen=True)
class Change:
    criterion: str
    measure: str
    comparison: str
    direction: str  # "down" or "up": which way the measure has to move
    threshold: Decimal
    value: Decimal
    persons: int | None  # persons who would have to change; None when not counted in persons
    base_persons: int | None
    gained: frozenset[str]  # statuses that would start to hold
    lost: frozenset[str]  # statuses that would stop holding
    # "status", "leave", "arrive" or "residents"; not in persons: "value" (income, never
    # counted in persons) or "no_base" (a share whose number of persons is not known)
    how: str = "value"
    years_averaged: int = 1  # > 1: the change is in the latest year alone ...
    latest_year: int | None = None  # ... this data year (the rule file's [counting])
    undecided: frozenset[str] = frozenset()  # statuses the change would leave undecided
    unknown_years: tuple[int, ...] = ()  # the list years they depend on

    @property
    def distance(self) -> Decimal:
        return abs(self.value - self.threshold)

    @property
    def in_persons(self) -> bool:
        return self.persons is not None


def _ceil(q: Fraction) -> int:
    return -(-q.numerator // q.denominator)


def _whole(excess: Fraction, strict: bool) -> int:
    """The fewest whole persons x with x >= excess (x > excess when ``strict``); at least 1,
    since a rounded published share may sit on the threshold itself."""
    x = excess.numerator // excess.denominator + 1 if strict else _ceil(excess)
    return max(x, 1)


def _direction(result: CriterionResult) -> str:
    # "less" (income) is met below the threshold, the others above it.
    goes_down = result.met if result.comparison != "less" else not result.met
    return "down" if goes_down else "up"


def persons_needed(value: Decimal, threshold: Decimal, base: int, comparison: str,
                   direction: str, how: str, years_averaged: int = 1) -> int:
    """The fewest persons whose change takes a share (percent) of ``base`` persons across
    ``threshold``; see the module docstring for each way ``how`` and the arithmetic."""
    t = Fraction(threshold) / 100
    # Down from ">" must reach t ("not over"); down from ">=" must go below t; and the reverse up.
    strict = (comparison == "at_least") == (direction == "down")
    sign = 1 if direction == "down" else -1
    if years_averaged > 1:  # the latest year alone moves the mean by 1/w of its change
        excess = Fraction(years_averaged) * sign * (Fraction(value) - Fraction(threshold)) * base / 100
        return _whole(excess, strict)
    # A single year: the counted persons are a whole number behind the published share.
    k = int((value * base / 100).to_integral_value(ROUND_HALF_UP))
    excess = sign * (k - t * base)
    if how in ("leave", "arrive"):
        excess /= 1 - t
    return _whole(excess, strict)


def _residents_persons(result: CriterionResult) -> int:
    value, minimum = int(result.value or 0), int(result.threshold or 0)
    return value - (minimum - 1) if result.met else minimum - value


def _unknown_years(c: Classification, codes: frozenset[str]) -> tuple[int, ...]:
    years: set[int] = set()
    for rule in c.rules.statuses:
        span = rule.history_years_for(c.year)
        if rule.code not in codes or rule.history_status is None or span is None:
            continue
        years.update(y for y in range(max(c.year - span + 1, FIRST_LIST_YEAR), c.year)
                     if c.history is None or y not in c.history)
    return tuple(sorted(years))


def _how(result: CriterionResult, direction: str, base: int | None) -> str:
    if result.id == RESIDENTS:
        return "residents"
    if not base:
        return "value" if result.measure not in STATUS_SHARES + MOVE_SHARES else "no_base"
    if result.measure in STATUS_SHARES:
        return "status"
    if result.measure in MOVE_SHARES:
        return "leave" if direction == "down" else "arrive"
    return "value"


def changes(classification: Classification) -> tuple[Change, ...]:
    """Every single criterion whose flip would change the statuses (or leave one undecided),
    most useful first: changes counted in persons by persons, the population minimum after
    them (moving residents out also moves every share), then changes not counted in persons
    by their distance relative to the threshold. Empty when the outcome is undecided."""
    c = classification
    if c.insufficient:
        return ()
    met = {r.id: r.met for r in c.criteria}
    found: list[tuple[tuple, Change]] = []
    for result in c.criteria:
        if result.met is None or result.value is None or result.threshold is None:
            continue
        outcome = evaluate_statuses(c.rules, c.year, dict(met, **{result.id: not result.met}),
                                    c.history)
        after = frozenset(code for code, holds in outcome.items() if holds)
        undecided = frozenset(code for code, holds in outcome.items() if holds is None)
        if after == c.statuses and not undecided:
            continue
        direction = _direction(result)
        base = c.measures.base_persons.get(result.measure)
        if base is None and result.measure == "nonwestern_pct":
            base = c.measures.residents  # the share of all residents, by definition
        how = _how(result, direction, base)
        years = (result.criterion.years_averaged or 1) if result.criterion else 1
        if how == "residents":
            persons, base = _residents_persons(result), None
        elif how in ("value", "no_base"):
            persons = None
        else:
            persons = persons_needed(result.value, result.threshold, base, result.comparison,
                                     direction, how, years)
        change = Change(
            criterion=result.id, measure=result.measure, comparison=result.comparison,
            direction=direction, threshold=result.threshold, value=result.value,
            persons=persons, base_persons=base, gained=after - c.statuses,
            lost=c.statuses - after, how=how, years_averaged=years, undecided=undecided,
            unknown_years=_unknown_years(c, undecided),
            latest_year=c.rules.data_years(c.year, result.measure)[-1] if c.rules.counting else None,
        )
        relative = change.distance / result.threshold if result.threshold else change.distance
        key = (persons is None, how == "residents", persons if persons is not None else 0, relative)
        found.append((key, change))
    return tuple(change for _, change in sorted(found, key=lambda item: item[0]))


def smallest_change(classification: Classification) -> Change | None:
    """The smallest change counted in persons; when no change is counted in persons, the
    nearest change not counted in persons (say so: ``in_persons`` is False). None when no
    single change alters the statuses or the outcome is undecided."""
    found = changes(classification)
    return found[0] if found else None
