"""The one-sentence reason beside an area's newest status: what the status means in law.

The full, figure-by-figure explanation is the criteria panel's; this sentence only says what
being on that list means. Every number in it (residents, shares, how many criteria, how many
years) is read from the rule version in force on the list date (``catalogue/criteria``), so a
new law version changes the sentence without a change here.
"""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from udsat.domain.criteria import RuleVersion, rule_version_for_year
from udsat.domain.listing import ListYear
from udsat.domain.statuses import ENGLISH_TERMS, official_term


def term_in_language(term: str) -> str:
    """An official Danish term, glossed in English on English pages."""
    if (get_language() or "da").startswith("en") and term in ENGLISH_TERMS:
        return f"{ENGLISH_TERMS[term]} ({term})"
    return term


def _number(value) -> str:
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if (get_language() or "da").startswith("en") else text.replace(".", ",")


def _counts(rules: RuleVersion, code: str) -> tuple[int, int] | None:
    """(needed, of how many) criteria for ``code``, or for the list it lies within."""
    rule = next(r for r in rules.statuses if r.code == code)
    while rule.min_criteria is None and rule.within:
        rule = next(r for r in rules.statuses if r.code == rule.within)
    return (rule.min_criteria, len(rule.of)) if rule.min_criteria is not None else None


def _share_required(rules: RuleVersion, code: str) -> str | None:
    rule = next(r for r in rules.statuses if r.code == code)
    for criterion_id in rule.requires:
        criterion = rules.criterion(criterion_id)
        if criterion.threshold is not None:
            return _number(criterion.threshold)
    return None


def status_reason(latest: ListYear | None) -> str:
    """What the newest list's headline status means, or what the record cannot tell."""
    if latest is None:
        return ""
    status, year = latest.headline_status, latest.year
    if not status:
        if latest.on_no_list:
            return _("Området står ikke på nogen af listerne fra %(year)s.") % {"year": year}
        return _("Området står ikke på listen over %(lists)s fra %(year)s; om de øvrige lister "
                 "siger kilderne intet.") % {
            "lists": ", ".join(term_in_language(t) for t in latest.off_terms), "year": year}
    rules = rule_version_for_year(year)
    rule = next(r for r in rules.statuses if r.code == status)
    if rule.history_status:
        return _("Et område på denne liste har stået på listen som %(earlier)s i hvert af de "
                 "seneste %(years)s år; andelen af almene familieboliger skal ned på højst "
                 "40 %% i 2030.") % {
            "earlier": term_in_language(official_term(rule.history_status, year) or ""),
            "years": rule.history_years_for(year)}
    counts = _counts(rules, status)
    share = _share_required(rules, status)
    english = (get_language() or "da").startswith("en")
    residents = f"{rules.minimum_residents:,}"
    values = {"residents": residents if english else residents.replace(",", "."),
              "share": share, "needed": counts[0] if counts else 0,
              "of": counts[1] if counts else 0}
    if share and counts:
        return _("Området har mindst %(residents)s beboere, over %(share)s %% indvandrere og "
                 "efterkommere fra ikke-vestlige lande og opfylder mindst %(needed)s af "
                 "%(of)s kriterier i loven.") % values
    if counts:
        return _("Området har mindst %(residents)s beboere og opfylder mindst %(needed)s af "
                 "%(of)s kriterier i loven.") % values
    return _("Området opfyldte det års kriterier for listen.")
