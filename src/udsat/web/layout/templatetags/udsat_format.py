"""Formatting only: numbers in the reader's language, absences as words, language links.

These tags format; they never decide what is shown.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.urls import reverse, translate_url
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from udsat.domain.observations import absence_label
from udsat.domain.statuses import ENGLISH_TERMS
from udsat.web.areas.breakdowns import DESTINATION_LABELS, MOVE_TYPE_LABELS

register = template.Library()

UNIT_SUFFIX = {"pct": " %", "persons": "", "households": "", "dwellings": "", "dkk": " kr."}
# A change in a share is in percentage points, not per cent. The catalogue stores these
# indicators with unit "pct" (the analytics compute them as shares); their ids end in "_pp".
PERCENTAGE_POINTS = "_pp"
MINUS = "\u2212"  # a real minus sign, not a hyphen


def display_unit(code: str, unit: str) -> str:
    """The unit a reader sees: "pp" (percentage points) for a change in a share."""
    return "pp" if unit == "pct" and code.endswith(PERCENTAGE_POINTS) else unit


def unit_suffix(unit: str, language: str) -> str:
    if unit == "pp":
        return " pct.-point" if language != "en" else " percentage points"
    return UNIT_SUFFIX.get(unit, "")


def format_number(value: Decimal | float | int, precision: int, language: str) -> str:
    quantum = Decimal(1).scaleb(-precision)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{precision}f}".replace("-", MINUS)
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
    unit = display_unit(observation.indicator.code, observation.unit)
    return format_number(observation.value, digits, language) + unit_suffix(unit, language)


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


# Why a figure is absent, in words a reader can act on (the stored note adds the source's own).
ABSENCE_REASONS = {
    "not_published": _("Kilden offentliggjorde ikke et tal for området."),
    "suppressed": _("Tallet bygger på for få personer og vises ikke af hensyn til diskretion."),
    "not_applicable": _("Tallet giver ikke mening for området."),
    "missing": _("Vores kilder indeholder ikke tallet."),
}


def absence_text(observation, language: str | None = None) -> str:
    """The absence label of an observation without a value ('' when it has one)."""
    if observation is None:
        return absence_label("missing", language or get_language() or "da")
    if observation.value is not None:
        return ""
    return absence_label(observation.absence, language or get_language() or "da")


@register.filter
def absence_reason(absence: str) -> str:
    reason = ABSENCE_REASONS.get(absence)
    return str(reason) if reason else ""


@register.filter
def bilingual(obj, name: str) -> str:
    """``obj.<name>_en`` on English pages (falling back to Danish), else ``obj.<name>_da``.

    Wagtail's ``title`` is the Danish title, so ``title`` falls back to it.
    """
    language = get_language() or "da"
    danish = getattr(obj, f"{name}_da", None)
    if danish is None and name == "title":
        danish = obj.title
    if language == "en":
        english = getattr(obj, f"{name}_en", "")
        if english:
            return english
    return danish or ""


@register.filter
def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@register.filter
def label_in_language(indicator) -> str:
    return indicator.label(get_language() or "da")


# The main menu: (URL name, args, label). Pages of the Wagtail tree are reached through
# wagtail_serve so their links carry the reader's language prefix.
MAIN_MENU = (
    ("home", (), _("Forside")),
    ("area-list", (), _("Områder")),
    ("compare", (), _("Sammenlign")),
    ("wagtail_serve", ("resultater/",), _("Resultater")),
    ("wagtail_serve", ("om-evalueringen/",), _("Om evalueringen")),
    ("wagtail_serve", ("tidslinje/",), _("Tidslinje")),
    ("wagtail_serve", ("parallelsamfundsaftalen/",), _("Regeringens plan")),
    ("wagtail_serve", ("rapporter/",), _("Rapporter")),
    ("reports-search", (), _("Søg")),
)


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """Menu links in the current language; the one for this page is marked current."""
    path = context["request"].path
    items = []
    for name, args, label in MAIN_MENU:
        url = reverse(name, args=args)
        current = path == url if name == "home" else path.startswith(url)
        items.append({"url": url, "label": str(label), "current": current})
    return items


@register.filter
def destination_label(kind: str) -> str:
    return str(DESTINATION_LABELS.get(kind, kind))


@register.filter
def move_type_label(kind: str) -> str:
    return str(MOVE_TYPE_LABELS.get(kind, kind))


STATUS_FILTER_LABELS = {
    "transformation": _("hårdt ghettoområde / omdannelsesområde"),
    "segregated": _("ghettoområde / parallelsamfund"),
    "vulnerable": _("udsat boligområde"),
    "prevention": _("forebyggelsesområde"),
    "left": _("ikke længere på listerne"),
    "unknown": _("ingen oplysning"),
}


@register.filter
def status_filter_label(status: str) -> str:
    return str(STATUS_FILTER_LABELS.get(status, status))


@register.filter
def get_item(mapping: dict, key: str):
    return mapping.get(key) if mapping else None


@register.filter
def absence_label_filter(absence: str) -> str:
    return absence_label(absence, get_language() or "da")


@register.filter
def slash_break(name: str) -> str:
    """'Gellerupparken/Toveshøj' may wrap after the slash on a narrow screen."""
    return mark_safe(escape(name).replace("/", "/<wbr>"))
