"""Explain a classification in Danish or English: which criteria hold, by how much, under
which law, and what single change would change the outcome (domain/change.py).

The words live in phrase tables per language (domain/explanation_phrases.py); this module
only chooses and fills them.
"""

from __future__ import annotations

from decimal import Decimal

from udsat.domain.change import Change, changes
from udsat.domain.classification import FIRST_LIST_YEAR, RESIDENTS, Classification, CriterionResult
from udsat.domain.explanation_phrases import LABELS, MEASURE_LABELS, MOVERS, PHRASES
from udsat.domain.statuses import ENGLISH_TERMS, ordered_terms, with_implied

__all__ = ["LABELS", "LANGUAGES", "explain", "number"]

LANGUAGES = tuple(PHRASES)


def number(value: Decimal | int, language: str) -> str:
    """A figure as written in the language: 40,5 / 40.5; 1.000 / 1,000 for whole numbers."""
    value = Decimal(value)
    if value == value.to_integral_value():
        text = f"{int(value):,}"
        return text.replace(",", ".") if language == "da" else text
    text = format(value.normalize(), "f")
    return text.replace(".", ",") if language == "da" else text


def _unit(measure: str) -> str:
    return "" if measure == RESIDENTS else " %"


def _years(years) -> str:
    return ", ".join(str(y) for y in years)


def _terms(statuses, year: int, language: str) -> str:
    terms = ordered_terms(frozenset(statuses), year)
    if language == "en":
        terms = [f"{ENGLISH_TERMS.get(t, t).split(' (')[0]} ({t})" for t in terms]
    if len(terms) <= 1:
        return "".join(terms)
    return ", ".join(terms[:-1]) + PHRASES[language]["and"] + terms[-1]


def _label(result: CriterionResult, language: str) -> str:
    label = MEASURE_LABELS[language][result.measure]
    if result.id.endswith("_prevention"):
        label = PHRASES[language]["prevention_tag"].format(label=label)
    return label


def _criterion(result: CriterionResult, language: str) -> str:
    p = PHRASES[language]
    label, unit = _label(result, language), _unit(result.measure)
    if result.value is None or result.threshold is None:
        return p["value_unknown"].format(label=label)
    symbol = result.criterion.symbol if result.criterion else "≥"
    rule = p["rule"].format(symbol=symbol, threshold=number(result.threshold, language) + unit)
    head = f"{label} {number(result.value, language)}{unit}"
    if result.measure == RESIDENTS:
        return f"{head} ({rule})"
    margin = result.margin or Decimal(0)
    if margin == 0:
        where = p["exactly_at"]
    else:
        where = p["above" if margin > 0 else "below"].format(margin=number(abs(margin), language))
    return f"{head} ({rule}; {where})"


def _target(change: Change, language: str) -> str:
    p = PHRASES[language]
    t = f"{number(change.threshold, language)}{_unit(change.measure)}"
    if change.measure == RESIDENTS:
        return p["residents_below" if change.direction == "down" else "residents_to"].format(t=t)
    # Down from "overstiger" ends at the threshold itself, down from "mindst" below it; up to
    # "mindst" or out of "mindre end" (income) reaches the threshold itself.
    inclusive = (change.comparison == "greater") == (change.direction == "down")
    key = {("down", True): "to_or_below", ("down", False): "below_t",
           ("up", True): "to_or_above", ("up", False): "above_t"}[(change.direction, inclusive)]
    return p[key].format(t=t)


def _effects(c: Classification, change: Change, language: str) -> str:
    p, effects = PHRASES[language], []
    if change.lost:
        effects.append(p["lost"].format(terms=_terms(change.lost, c.term_year, language)))
    if change.gained:
        effects.append(p["gained"].format(terms=_terms(change.gained, c.term_year, language)))
    if change.undecided:
        effects.append(p["undecided"].format(terms=_terms(change.undecided, c.term_year, language),
                                             years=_years(change.unknown_years)))
    return "; ".join(effects)


def _change(c: Classification, change: Change, language: str) -> str:
    p = PHRASES[language]
    target = _target(change, language)
    if change.persons is None:
        label = MEASURE_LABELS[language][change.measure]
        head = p["change_value"].format(label=label, target=target,
                                        value=number(change.value, language))
        intro = p["intro_no_base" if change.how == "no_base" else "intro_value"]
        return intro + head + "; " + _effects(c, change, language) + "."
    who = MOVERS[language][(change.measure, change.how, change.direction)]
    years = change.years_averaged
    if years > 1:
        latest = (str(change.latest_year) if change.latest_year is not None
                  else p["latest_year"].format(years=years))
        why = p["why_two" if years == 2 else "why_many"].format(years=years)
        head = p["change_about"].format(persons=number(change.persons, language), who=who,
                                        latest=latest, years=years,
                                        target=target, why=why)
    else:
        subject = p["subject_area" if change.measure == RESIDENTS else "subject_share"]
        head = p["change_persons"].format(persons=number(change.persons, language), who=who,
                                          subject=subject, target=target)
    intro = p["intro_residents" if change.measure == RESIDENTS else "intro_persons"]
    return intro + head + "; " + _effects(c, change, language) + "."


def _what_would_change(c: Classification, language: str) -> list[str]:
    """The smallest change counted in persons and every change not counted in persons: the
    two are not on a common footing, so neither hides the other."""
    found = changes(c)
    in_persons = [ch for ch in found if ch.in_persons]
    shown = in_persons[:1] + [ch for ch in found if not ch.in_persons]
    return [_change(c, ch, language) for ch in shown]


def explain(c: Classification, language: str = "da") -> str:
    """A paragraph for one classification, in Danish ("da") or English ("en")."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
    p = PHRASES[language]
    title = c.rules.title_da if language == "da" else c.rules.title_en
    parts = [p["heading"].format(year=c.year, title=title[0].lower() + title[1:],
                                 citation=c.rules.citation)]
    if c.statuses:
        parts.append(p["status"].format(terms=_terms(c.statuses, c.term_year, language)))
    if c.insufficient:
        missing = ", ".join(
            p["history_missing"].format(year=m.split()[-1]) if m.startswith("history")
            else MEASURE_LABELS[language].get(m, m) for m in c.missing)
        parts.append(p["insufficient"].format(
            unknown=_terms(c.unknown_statuses, c.term_year, language), missing=missing))
    elif not c.statuses:
        parts.append(p["no_status"])
    for met, key in ((True, "met"), (False, "not_met"), (None, "unknown")):
        rows = [r for r in c.criteria if r.met is met]
        if rows:
            parts.append(p[key].format(rows="; ".join(_criterion(r, language) for r in rows)))
    parts.extend(_history_rules(c, language))
    parts.extend(_what_would_change(c, language))
    if c.plan is not None:
        parts.append(_plan(c, language))
    return " ".join(parts)


def _history_rules(c: Classification, language: str) -> list[str]:
    """The history rule (hard ghetto / transformation area) where this year's status allows it."""
    p, texts = PHRASES[language], []
    for rule in c.rules.statuses:
        years = rule.history_years_for(c.year)
        if rule.history_status is None or years is None or not c.outcome.get(rule.within or ""):
            continue
        span = range(c.year - years + 1, c.year)
        history = c.history or {}
        unknown = [y for y in span if y >= FIRST_LIST_YEAR and y not in history]
        off = [y for y in span if y < FIRST_LIST_YEAR or (
            y in history and rule.history_status not in with_implied(history[y], y))]
        head = p["history_rule"].format(
            name=_terms({rule.code}, c.term_year, language),
            needed=_terms({rule.history_status}, c.term_year, language),
            years=years, start=span.start, year=c.year)
        if any(t.first_list_year <= c.year <= t.last_list_year for t in rule.transitional):
            head += p["transitional"]
        if off:
            tail = p["history_off"].format(years=_years(off))
        elif unknown:
            tail = p["history_unknown"].format(years=_years(unknown))
        else:
            tail = p["history_met"]
        texts.append(f"{head[0].upper()}{head[1:]}: {tail}.")
    return texts


def _plan(c: Classification, language: str) -> str:
    plan = c.plan
    assert plan is not None
    key = "plan_letting_apply" if plan.letting_rules_apply else "plan_letting_ended"
    return PHRASES[language][key].format(
        deadline=plan.plan_deadline, reference=plan.legal_reference, clear=plan.clear_years,
        needed=plan.clear_years_needed)
