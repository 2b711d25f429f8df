"""Explain a classification in Danish or English: which criteria hold, by how much, under
which law, and the smallest single change that would change the outcome."""

from __future__ import annotations

from decimal import Decimal

from udsat.domain.change import Change, smallest_change
from udsat.domain.classification import FIRST_LIST_YEAR, RESIDENTS, Classification, CriterionResult
from udsat.domain.statuses import ENGLISH_TERMS, ordered_terms, with_implied

LANGUAGES = ("da", "en")

# measure -> (Danish, English) label of the share or figure
LABELS = {
    RESIDENTS: ("beboere", "residents"),
    "nonwestern_pct": ("indvandrere og efterkommere fra ikke-vestlige lande",
                       "immigrants and descendants from non-Western countries"),
    "outside_work_edu_pct": ("18-64-årige uden for arbejde og uddannelse",
                             "residents aged 18-64 outside work and education"),
    "convicted_pct": ("dømte blandt beboere på 18 år og derover", "convicted residents aged 18+"),
    "basic_edu_pct": ("30-59-årige med alene grunduddannelse",
                      "residents aged 30-59 with basic education only"),
    "income_pct_of_region": ("bruttoindkomst i pct. af regionens",
                             "gross income as a share of the region's"),
    "national_convicted_pct": ("dømte på landsplan", "national share convicted"),
}
# measure -> who moves, (Danish, English), for the way down and the way up
MOVERS = {
    "outside_work_edu_pct": (("flere beboere på 18-64 år i arbejde eller uddannelse",
                              "more residents aged 18-64 in work or education"),
                             ("flere beboere på 18-64 år uden for arbejde og uddannelse",
                              "more residents aged 18-64 outside work and education")),
    "convicted_pct": (("færre dømte beboere", "fewer convicted residents"),
                      ("flere dømte beboere", "more convicted residents")),
    "basic_edu_pct": (("flere beboere på 30-59 år med mere end grunduddannelse",
                       "more residents aged 30-59 with more than basic education"),
                      ("flere beboere på 30-59 år med alene grunduddannelse",
                       "more residents aged 30-59 with basic education only")),
    "nonwestern_pct": (("færre beboere med ikke-vestlig baggrund",
                        "fewer residents of non-Western origin"),
                       ("flere beboere med ikke-vestlig baggrund",
                        "more residents of non-Western origin")),
    RESIDENTS: (("færre beboere", "fewer residents"), ("flere beboere", "more residents")),
}


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


def _terms(statuses, year: int, language: str) -> str:
    terms = ordered_terms(frozenset(statuses), year)
    if language == "en":
        terms = [f"{ENGLISH_TERMS.get(t, t).split(' (')[0]} ({t})" for t in terms]
    if len(terms) <= 1:
        return "".join(terms)
    joiner = " og " if language == "da" else " and "
    return ", ".join(terms[:-1]) + joiner + terms[-1]


def _criterion(result: CriterionResult, language: str) -> str:
    da, en = LABELS[result.measure]
    label = da if language == "da" else en
    if result.id.endswith("_prevention"):
        label += " [forebyggelsesområde]" if language == "da" else " [prevention area]"
    unit = _unit(result.measure)
    if result.value is None or result.threshold is None:
        return f"{label} ({'ukendt' if language == 'da' else 'unknown'})"
    symbol = result.criterion.symbol if result.criterion else "≥"
    rule = ("kriterium" if language == "da" else "criterion") + \
        f": {symbol} {number(result.threshold, language)}{unit}"
    head = f"{label} {number(result.value, language)}{unit}"
    if result.measure == RESIDENTS:
        return f"{head} ({rule})"
    margin = abs(result.margin or Decimal(0))
    if margin == 0:
        where = "præcis på grænsen" if language == "da" else "exactly at the threshold"
    else:
        points = "procentpoint" if language == "da" else "percentage points"
        side = (("over", "under") if language == "da" else ("above", "below"))[(result.margin or 0) < 0]
        where = f"{number(margin, language)} {points} {side}"
    return f"{head} ({rule}; {where})"


def _target(change: Change, language: str) -> str:
    t = f"{number(change.threshold, language)}{_unit(change.measure)}"
    if change.measure == RESIDENTS:
        return (f"under {t} beboere" if change.direction == "down" else f"op på {t} beboere") \
            if language == "da" else \
            (f"below {t} residents" if change.direction == "down" else f"to {t} residents")
    inclusive = (change.comparison == "greater") == (change.direction == "down")
    if change.direction == "down":
        if language == "da":
            return f"ned på {t} eller derunder" if inclusive else f"under {t}"
        return f"to {t} or below" if inclusive else f"below {t}"
    if language == "da":
        return f"op på {t} eller derover" if inclusive else f"over {t}"
    return f"to {t} or above" if inclusive else f"above {t}"


def _change(c: Classification, change: Change, language: str) -> str:
    da = language == "da"
    if change.persons is not None:
        who_da, who_en = MOVERS[change.measure][change.direction == "up"]
        who = who_da if da else who_en
        subject = "andelen" if da else "the share"
        if change.measure == RESIDENTS:
            subject = "området" if da else "the area"
        head = (f"{number(change.persons, language)} {who} ville bringe {subject} {_target(change, language)}"
                if da else f"{number(change.persons, language)} {who} would bring {subject} "
                f"{_target(change, language)}")
    else:
        label = LABELS[change.measure][0 if da else 1]
        head = (f"en værdi {_target(change, language)} for {label} (nu {number(change.value, language)} %)"
                if da else f"a value {_target(change, language)} for {label} "
                f"(now {number(change.value, language)} %)")
    effects = []
    if change.lost:
        lost = _terms(change.lost, c.term_year, language)
        effects.append(f"området ville ikke længere være {lost}" if da else f"the area would no longer be {lost}")
    if change.gained:
        gained = _terms(change.gained, c.term_year, language)
        effects.append(f"området ville blive {gained}" if da else f"the area would become {gained}")
    intro = "Mindste enkeltændring: " if da else "Smallest single change: "
    if change.measure == RESIDENTS:
        intro += ("ingen ændring af ét enkelt kriterium ændrer status, men "
                  if da else "no change in a single criterion alters the status, but ")
    return intro + head + "; " + ("; ".join(effects)) + "."


def explain(c: Classification, language: str = "da") -> str:
    """A paragraph for one classification, in Danish ("da") or English ("en")."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
    da = language == "da"
    title = c.rules.title_da if da else c.rules.title_en
    title = title[0].lower() + title[1:]
    parts = [(f"Listen {c.year} efter {title} ({c.rules.citation})."
              if da else f"The {c.year} list under {title} ({c.rules.citation}).")]
    if c.statuses:
        parts.append(f"Status: {_terms(c.statuses, c.term_year, language)}.")
    if c.insufficient:
        unknown = _terms(c.unknown_statuses, c.term_year, language)
        missing = ", ".join(LABELS.get(m, (m, m))[0 if da else 1] if not m.startswith("history")
                            else (m.replace("history", "status i") if da else m.replace("history", "status in"))
                            for m in c.missing)
        parts.append(f"Utilstrækkelige data: det kan ikke afgøres, om området er {unknown}; mangler: {missing}."
                     if da else f"Insufficient data: cannot decide whether the area is {unknown}; "
                     f"missing: {missing}.")
    elif not c.statuses:
        parts.append("Området opfylder ikke betingelserne for nogen status."
                     if da else "The area meets the conditions for no status.")
    for met, word_da, word_en in ((True, "Opfyldt", "Met"), (False, "Ikke opfyldt", "Not met"),
                                  (None, "Ukendt", "Unknown")):
        rows = [r for r in c.criteria if r.met is met]
        if rows:
            listed = "; ".join(_criterion(r, language) for r in rows)
            parts.append(f"{word_da if da else word_en}: {listed}.")
    parts.extend(_history_rules(c, language))
    change = smallest_change(c)
    if change is not None:
        parts.append(_change(c, change, language))
    if c.plan is not None:
        parts.append(_plan(c, language))
    return " ".join(parts)


def _history_rules(c: Classification, language: str) -> list[str]:
    """The history rule (hard ghetto / transformation area) where this year's status allows it."""
    da, texts = language == "da", []
    for rule in c.rules.statuses:
        years = rule.history_years_for(c.year)
        if rule.history_status is None or years is None or not c.outcome.get(rule.within or ""):
            continue
        span = range(c.year - years + 1, c.year)
        history = c.history or {}
        unknown = [y for y in span if y >= FIRST_LIST_YEAR and y not in history]
        off = [y for y in span if y < FIRST_LIST_YEAR or (
            y in history and rule.history_status not in with_implied(history[y], y))]
        name = _terms({rule.code}, c.term_year, language)
        needed = _terms({rule.history_status}, c.term_year, language)
        transitional = any(t.first_list_year <= c.year <= t.last_list_year for t in rule.transitional)
        head = (f"{name} kræver {needed} i hvert af de seneste {years} år ({span.start}-{c.year})"
                if da else f"{name} requires {needed} in each of the last {years} years "
                f"({span.start}-{c.year})")
        if transitional:
            head += " (overgangsregel)" if da else " (transitional rule)"
        if off:
            tail = ("ikke på listen i " if da else "not on the list in ") + ", ".join(map(str, off))
        elif unknown:
            tail = ("ukendt for " if da else "unknown for ") + ", ".join(map(str, unknown))
        else:
            tail = "opfyldt" if da else "met"
        texts.append(f"{head[0].upper()}{head[1:]}: {tail}.")
    return texts


def _plan(c: Classification, language: str) -> str:
    plan = c.plan
    assert plan is not None
    letting = plan.letting_rules_apply
    if language == "da":
        return (f"Som tidligere hårdt ghettoområde/omdannelsesområde med udviklingsplan gælder "
                f"planens særlige regler til planen er gennemført, senest {plan.plan_deadline} "
                f"({plan.legal_reference}); udlejningsreglerne gælder "
                + ("fortsat" if letting else "ikke længere")
                + f" ({plan.clear_years} af {plan.clear_years_needed} år i træk uden for listerne).")
    return (f"As a former hard ghetto/transformation area with a development plan, the plan's "
            f"special rules apply until the plan is completed, at the latest {plan.plan_deadline} "
            f"({plan.legal_reference}); the letting rules "
            + ("still apply" if letting else "no longer apply")
            + f" ({plan.clear_years} of {plan.clear_years_needed} consecutive years off the lists).")
