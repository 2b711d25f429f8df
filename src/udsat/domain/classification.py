"""Classify one area-year under a rule version: pure functions, exact Decimal comparisons.

Three-valued throughout: a criterion or status is met (True), not met (False) or unknown
(None) when an input it needs is missing. Unknown is never silently "not met": a status that
cannot be decided makes the outcome ``insufficient``. Statuses nest as the statute nests them
(almenboligloven § 61 a stk. 1, 2 and 4; § 61 b).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from udsat.domain.criteria import (
    Criterion,
    RuleVersion,
    StatusRule,
    rule_version_for_year,
    rule_versions,
)
from udsat.domain.statuses import ordered_terms, with_implied

RESIDENTS = "residents"
FIRST_LIST_YEAR = 2010  # the first statutory list (2010 rules)


@dataclass(frozen=True)
class Measures:
    """An area-year's inputs; shares are 0-100 and already the statute's averages."""

    residents: int | None = None
    nonwestern_pct: Decimal | None = None
    outside_work_edu_pct: Decimal | None = None
    convicted_pct: Decimal | None = None
    national_convicted_pct: Decimal | None = None
    basic_edu_pct: Decimal | None = None
    income_pct_of_region: Decimal | None = None
    base_persons: Mapping[str, int] = field(default_factory=dict)  # measure -> persons behind it


@dataclass(frozen=True)
class CriterionResult:
    id: str  # the criterion id, or "residents" for the minimum population
    measure: str
    comparison: str
    met: bool | None
    value: Decimal | None
    threshold: Decimal | None
    margin: Decimal | None  # value - threshold, in the measure's unit
    criterion: Criterion | None = None  # None for the residents row

    @property
    def known(self) -> bool:
        return self.met is not None


@dataclass(frozen=True)
class PlanContinuation:
    """L 194 (2020-21), § 168 a stk. 5-6: a former transformation area keeps some rules."""

    amendment: str
    legal_reference: str
    plan_tools_apply: bool  # until the plan is completed, at the latest the deadline
    plan_deadline: str
    clear_years: int  # consecutive list years, this one included, on neither list
    clear_years_needed: int

    @property
    def letting_rules_apply(self) -> bool:
        return self.clear_years < self.clear_years_needed


@dataclass(frozen=True)
class Classification:
    year: int
    rules: RuleVersion
    measures: Measures
    criteria: tuple[CriterionResult, ...]
    outcome: Mapping[str, bool | None]  # status code -> holds / does not / unknown
    missing: tuple[str, ...]  # inputs that were needed but absent ("history 2016" for a year)
    history: Mapping[int, frozenset[str]] | None = None
    plan: PlanContinuation | None = None

    @property
    def rule_version(self) -> str:
        return self.rules.name

    @property
    def statuses(self) -> frozenset[str]:
        return frozenset(code for code, holds in self.outcome.items() if holds)

    @property
    def unknown_statuses(self) -> frozenset[str]:
        return frozenset(code for code, holds in self.outcome.items() if holds is None)

    @property
    def insufficient(self) -> bool:
        return bool(self.unknown_statuses)

    @property
    def settled_statuses(self) -> frozenset[str] | None:
        """What later years may take as this year's history: the statuses that hold, once every
        status a history rule looks back at (``segregated``) is decided; else None. A ghetto
        area whose hard status is undecided still counts as a ghetto year for later lists."""
        looked_at = {r.history_status for v in rule_versions() for r in v.statuses if r.history_status}
        if any(self.outcome.get(code, False) is None for code in looked_at):
            return None
        return self.statuses

    @property
    def term_year(self) -> int:
        """The list year whose official terms name the statuses: the year itself, or for a
        re-run under another version the nearest year that version governed."""
        first, last = self.rules.first_list_year, self.rules.last_list_year
        return max(first, self.year if last is None else min(self.year, last))

    @property
    def terms(self) -> list[str]:
        """Official terms of the statuses that hold, broadest first."""
        return ordered_terms(self.statuses, self.term_year)

    @property
    def criteria_met(self) -> list[str]:
        return [r.id for r in self.criteria if r.met and r.criterion is not None]

    def result(self, criterion_id: str) -> CriterionResult:
        return next(r for r in self.criteria if r.id == criterion_id)

    def explanation(self, language: str = "da") -> str:
        from udsat.domain.explanation import explain  # explanation formats this class

        return explain(self, language)


def _all(values: Iterable[bool | None]) -> bool | None:
    """Three-valued AND: False wins, then unknown."""
    result: bool | None = True
    for value in values:
        if value is False:
            return False
        if value is None:
            result = None
    return result


def _at_least(values: Iterable[bool | None], needed: int) -> bool | None:
    values = list(values)
    met = sum(v is True for v in values)
    unknown = sum(v is None for v in values)
    if met >= needed:
        return True
    return None if met + unknown >= needed else False


def compare(value: Decimal, comparison: str, threshold: Decimal) -> bool:
    if comparison == "greater":  # "overstiger"
        return value > threshold
    if comparison == "at_least":  # "mindst", "udgør mindst"
        return value >= threshold
    if comparison == "less":  # "mindre end"
        return value < threshold
    raise ValueError(f"unknown comparison {comparison!r}")


def _exact(value: Decimal | float | int | None) -> Decimal | None:
    """A float from a caller becomes the decimal it prints as (0.7 -> 0.7, not 0.69999...)."""
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _criterion_result(criterion: Criterion, measures: Measures) -> CriterionResult:
    value = _exact(getattr(measures, criterion.measure))
    threshold = criterion.threshold
    if criterion.factor is not None:
        reference = _exact(getattr(measures, criterion.reference or ""))
        if reference is not None and reference <= 0:
            # A national share of 0 would make every area with any conviction meet "mindst 3
            # gange landsgennemsnittet": a data error, never a finding.
            raise ValueError(f"{criterion.reference} must be positive, got {reference}")
        threshold = None if reference is None else criterion.factor * reference
    if value is None or threshold is None:
        return CriterionResult(criterion.id, criterion.measure, criterion.comparison, None,
                               value, threshold, None, criterion)
    return CriterionResult(
        criterion.id, criterion.measure, criterion.comparison,
        compare(value, criterion.comparison, threshold), value, threshold, value - threshold,
        criterion,
    )


def _residents_result(rules: RuleVersion, residents: int | None) -> CriterionResult:
    minimum = Decimal(rules.minimum_residents)
    if residents is None:
        return CriterionResult(RESIDENTS, RESIDENTS, "at_least", None, None, minimum, None)
    value = Decimal(residents)
    return CriterionResult(RESIDENTS, RESIDENTS, "at_least", value >= minimum, value, minimum,
                           value - minimum)


def history_holds(
    rule: StatusRule, year: int, history: Mapping[int, frozenset[str]] | None
) -> bool | None:
    """Did the area hold ``rule.history_status`` in each earlier year the rule looks back over?

    "de seneste N år" counts the list year itself (checked through ``within``) and the N-1
    years before it. A year missing from ``history`` is unknown; an empty set is "on no list".
    """
    years = rule.history_years_for(year)
    if rule.history_status is None or years is None:
        return True
    checks: list[bool | None] = []
    for earlier in range(year - years + 1, year):
        if earlier < FIRST_LIST_YEAR:
            checks.append(False)  # no statutory list existed (a re-run of an early year)
        elif history is None or earlier not in history:
            checks.append(None)
        else:
            checks.append(rule.history_status in with_implied(history[earlier], earlier))
    return _all(checks)


def evaluate_statuses(
    rules: RuleVersion,
    year: int,
    met: Mapping[str, bool | None],
    history: Mapping[int, frozenset[str]] | None,
) -> dict[str, bool | None]:
    """Each status of ``rules`` as True/False/None from the criteria's ``met`` values."""
    outcome: dict[str, bool | None] = {}
    for rule in rules.statuses:
        parts: list[bool | None] = [met[RESIDENTS]]
        if rule.min_criteria is not None:
            parts.append(_at_least((met[c] for c in rule.of), rule.min_criteria))
        parts.extend(met[c] for c in rule.requires)
        if rule.within is not None:
            parts.append(outcome[rule.within])
        for excluded in rule.excludes:
            other = outcome[excluded]
            parts.append(None if other is None else not other)
        if rule.history_status is not None:
            parts.append(history_holds(rule, year, history))
        outcome[rule.code] = _all(parts)
    return outcome


def _missing(rules: RuleVersion, year: int, results: tuple[CriterionResult, ...],
             measures: Measures, history: Mapping[int, frozenset[str]] | None) -> tuple[str, ...]:
    missing: list[str] = []
    for r in results:
        if r.value is None:
            missing.append(r.measure)
        reference = r.criterion.reference if r.criterion else None
        if reference and getattr(measures, reference) is None:
            missing.append(reference)
    for rule in rules.statuses:
        years = rule.history_years_for(year) or 0
        missing.extend(f"history {y}" for y in range(max(year - years + 1, FIRST_LIST_YEAR), year)
                       if history is None or y not in history)
    return tuple(dict.fromkeys(missing))


def _plan(rules: RuleVersion, year: int, statuses: dict[str, bool | None],
          history: Mapping[int, frozenset[str]] | None) -> PlanContinuation | None:
    amendment = rules.amendment_for(year)
    if amendment is None or history is None or statuses.get(amendment.former_status) is not False:
        return None
    if not any(amendment.former_status in with_implied(s, y) for y, s in history.items() if y < year):
        return None
    clear = 0
    current = {code for code, holds in statuses.items() if holds}
    for y in range(year, FIRST_LIST_YEAR - 1, -1):
        held = current if y == year else history.get(y)
        if held is None or any(s in with_implied(frozenset(held), y) for s in amendment.letting_clear_of):
            break
        clear += 1
    return PlanContinuation(
        amendment=amendment.name, legal_reference=amendment.legal_reference,
        plan_tools_apply=rules.list_date(year) < amendment.plan_deadline,
        plan_deadline=amendment.plan_deadline.isoformat(), clear_years=clear,
        clear_years_needed=amendment.letting_clear_years,
    )


def complete_history(listed: Mapping[int, frozenset[str]], year: int) -> dict[int, frozenset[str]]:
    """A history where every list year before ``year`` missing from ``listed`` is "on no list".

    ``classify`` treats a missing year as unknown; use this when ``listed`` is known to name
    every year the area was on a list (as the ``udsat classify --history`` file does).
    """
    return {y: listed.get(y, frozenset()) for y in range(FIRST_LIST_YEAR, year)}


def classify(
    year: int,
    measures: Measures,
    history: Mapping[int, frozenset[str]] | None = None,
    rules: RuleVersion | None = None,
) -> Classification:
    """Classify an area-year; ``rules`` defaults to the version in force on the list date.

    ``history`` maps earlier list years to the status codes the area held (an empty set: on
    no list). Passing another ``rules`` re-runs the year under that version for comparison.
    """
    rules = rules or rule_version_for_year(year)
    results = (_residents_result(rules, measures.residents),) + tuple(
        _criterion_result(c, measures) for c in rules.criteria
    )
    outcome = evaluate_statuses(rules, year, {r.id: r.met for r in results}, history)
    return Classification(
        year=year, rules=rules, measures=measures, criteria=results, outcome=outcome,
        missing=_missing(rules, year, results, measures, history), history=history,
        plan=_plan(rules, year, outcome, history),
    )
