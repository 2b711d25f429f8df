"""The smallest single change that would change an area-year's statuses.

One measure moves, all others stay as they are. Where the number of persons behind a share
is known, the change is counted in persons: with N persons behind a share p, p·N/100 of
them are counted, and moving k of them across moves the share by 100·k/N.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from udsat.domain.classification import (
    RESIDENTS,
    Classification,
    CriterionResult,
    evaluate_statuses,
)

# Measures that are shares of persons; income is an average, never counted in persons.
PERSON_SHARES = ("nonwestern_pct", "outside_work_edu_pct", "convicted_pct", "basic_edu_pct")


@dataclass(frozen=True)
class Change:
    criterion: str
    measure: str
    comparison: str
    direction: str  # "down" or "up": which way the measure has to move
    threshold: Decimal
    value: Decimal
    persons: int | None  # persons who would have to move across; None when not countable
    base_persons: int | None
    gained: frozenset[str]  # statuses that would start to hold
    lost: frozenset[str]  # statuses that would stop holding

    @property
    def distance(self) -> Decimal:
        return abs(self.value - self.threshold)


def _persons(result: CriterionResult, base: int) -> int:
    """Persons to move so that ``result`` flips; see the module docstring for the arithmetic."""
    value, threshold = result.value, result.threshold
    assert value is not None and threshold is not None
    count = (value * base / 100).to_integral_value(ROUND_HALF_UP)
    limit = threshold * base / 100
    floor, ceiling = limit.to_integral_value(ROUND_FLOOR), limit.to_integral_value(ROUND_CEILING)
    if result.met:
        target = floor if result.comparison == "greater" else ceiling - 1  # to <= / below limit
        persons = count - target
    else:
        target = floor + 1 if result.comparison == "greater" else ceiling  # above / to limit
        persons = target - count
    return max(int(persons), 1)  # a rounded published share may sit on the limit itself


def _residents_persons(result: CriterionResult) -> int:
    value, minimum = int(result.value or 0), int(result.threshold or 0)
    return value - (minimum - 1) if result.met else minimum - value


def _direction(result: CriterionResult) -> str:
    # "less" (income) is met below the threshold, the others above it.
    goes_down = result.met if result.comparison != "less" else not result.met
    return "down" if goes_down else "up"


def smallest_change(classification: Classification) -> Change | None:
    """The single criterion whose flip changes the statuses with the fewest persons.

    Share criteria countable in persons rank first (fewest persons), then other criteria by
    their distance to the threshold relative to the threshold, then the 1,000-resident minimum. None when no single change alters the statuses
    or when the outcome is undecided.
    """
    if classification.insufficient:
        return None
    met = {r.id: r.met for r in classification.criteria}
    before = classification.statuses
    candidates: list[tuple[tuple, Change]] = []
    for result in classification.criteria:
        if result.met is None or result.value is None or result.threshold is None:
            continue
        flipped = dict(met, **{result.id: not result.met})
        outcome = evaluate_statuses(classification.rules, classification.year, flipped,
                                    classification.history)
        after = frozenset(code for code, holds in outcome.items() if holds)
        if after == before or any(holds is None for holds in outcome.values()):
            continue
        base = classification.measures.base_persons.get(result.measure)
        if result.id == RESIDENTS:
            persons, base = _residents_persons(result), None
        elif result.measure in PERSON_SHARES and base:
            persons = _persons(result, base)
        else:
            persons = None
        change = Change(
            criterion=result.id, measure=result.measure, comparison=result.comparison,
            direction=_direction(result), threshold=result.threshold, value=result.value,
            persons=persons, base_persons=base, gained=after - before, lost=before - after,
        )
        relative = change.distance / result.threshold if result.threshold else change.distance
        # The population minimum last: moving residents out also moves every share.
        key = (result.id == RESIDENTS, persons is None,
               Decimal(persons) if persons is not None else relative)
        candidates.append((key, change))
    if not candidates:
        return None
    return min(candidates, key=lambda item: item[0])[1]
