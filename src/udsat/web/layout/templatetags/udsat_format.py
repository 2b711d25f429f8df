"""Formatting only: numbers in the reader's language, absences as words, language links.

These tags format; they never decide what is shown.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.urls import translate_url
from django.utils.translation import get_language

from udsat.domain.observations import absence_label
from udsat.domain.statuses import ENGLISH_TERMS

register = template.Library()

UNIT_SUFFIX = {"pct": " %", "persons": "", "households": "", "dwellings": "", "dkk": " kr."}


def format_number(value: Decimal | float | int, precision: int, language: str) -> str:
    quantum = Decimal(1).scaleb(-precision)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{precision}f}"
    if language == "en":
        return text
    # Danish: dot as thousands separator, comma as decimal separator.
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


@register.simple_tag
def observation_text(observation, precision: int | None = None) -> str:
    """'9,4 %' in Danish, '9.4 %' in English, or the reason there is no figure."""
    language = get_language() or "da"
    if observation is None:
        return absence_label("missing", language)
    if observation.value is None:
        return absence_label(observation.absence, language)
    digits = precision if precision is not None else observation.indicator.precision
    return format_number(observation.value, digits, language) + UNIT_SUFFIX.get(
        observation.unit, ""
    )


@register.filter
def number(value, precision: int = 0) -> str:
    if value is None or value == "":
        return ""
    return format_number(value, int(precision), get_language() or "da")


@register.filter
def term_in_language(term: str) -> str:
    """An official Danish term, with an English gloss on English pages."""
    if (get_language() or "da") == "en" and term in ENGLISH_TERMS:
        return f"{ENGLISH_TERMS[term]} ({term})"
    return term


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """Links to this same page in each language, for the language switch."""
    request = context["request"]
    current = get_language() or "da"
    links = []
    for code, name in (("da", "Dansk"), ("en", "English")):
        links.append(
            {
                "code": code,
                "name": name,
                "url": translate_url(request.get_full_path(), code),
                "current": code == current,
            }
        )
    return links
