"""The development plans of the 15 areas: facts in the reader's language, with sources.

The facts (Danish and English) are the packaged ``reference/development_plans.toml``; the
source URLs come from the research record ``reference/areas_2018.csv``, whose working notes
are never shown.
"""

from __future__ import annotations

import csv
import functools
import tomllib
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.utils.translation import gettext_lazy as _

from udsat.domain.catalogue import default_catalogue

PLAN_FILE = "reference/areas_2018.csv"
FACTS_FILE = "reference/development_plans.toml"

# field -> label; order is the order shown.
PLAN_FIELDS = (
    ("organisations", _("Boligorganisationer")),
    ("share_before", _("Andel almene familieboliger før planen")),
    ("target", _("Mål for andelen af almene familieboliger")),
    ("dispensation", _("Dispensation")),
    ("demolish", _("Boliger, der rives ned")),
    ("convert", _("Boliger, der ombygges eller får ny anvendelse")),
    ("sell", _("Boliger, der sælges")),
    ("new_private", _("Nye ikke-almene boliger")),
    ("local_approval", _("Lokal godkendelse")),
    ("ministry_approval", _("Ministeriets godkendelse")),
)
NOT_FOUND = "not found"


@dataclass(frozen=True)
class PlanField:
    key: str
    label: str
    text: str  # "" when the sources do not say

    @property
    def known(self) -> bool:
        return bool(self.text)


@dataclass(frozen=True)
class Source:
    url: str

    @property
    def host(self) -> str:
        """'kk.dk' for a link's text: the publisher, not a 200-character address."""
        host = urlsplit(self.url).hostname or self.url
        return host.removeprefix("www.")


@dataclass(frozen=True)
class DevelopmentPlan:
    area_slug: str
    fields: tuple[PlanField, ...]
    sources: tuple[Source, ...]


def _clean_url(url: str) -> str:
    """Tracking parameters (fbclid, rss) say nothing about the source: drop the query."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


@functools.cache
def _plans() -> dict[str, dict[str, str]]:
    catalogue = default_catalogue()
    path = catalogue.root / PLAN_FILE
    rows = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            area = catalogue.geography.area(row["area"])
            if area is None:
                raise ValueError(f"{PLAN_FILE}, row {line}, column area: unknown {row['area']!r}")
            rows[area.slug] = row
    return rows


@functools.cache
def _facts() -> dict[str, dict[str, dict[str, str]]]:
    """area slug -> field -> {"da": ..., "en": ...}."""
    catalogue = default_catalogue()
    known = {key for key, _label in PLAN_FIELDS}
    with (catalogue.root / FACTS_FILE).open("rb") as handle:
        plans = tomllib.load(handle)["plan"]
    facts: dict[str, dict[str, dict[str, str]]] = {}
    for number, plan in enumerate(plans, start=1):
        area = catalogue.geography.area(plan["area"])
        if area is None:
            raise ValueError(f"{FACTS_FILE}, plan {number}, area: unknown {plan['area']!r}")
        for fact in plan["facts"]:
            if fact["field"] not in known:
                raise ValueError(f"{FACTS_FILE}, plan {number} ({plan['area']}), field: "
                                 f"unknown {fact['field']!r}; known: {', '.join(sorted(known))}")
        facts[area.slug] = {f["field"]: f for f in plan["facts"]}
    return facts


def development_plan(area_slug: str, language: str = "da") -> DevelopmentPlan | None:
    row = _plans().get(area_slug)
    if row is None:
        return None
    facts = _facts().get(area_slug, {})
    language = "en" if language.startswith("en") else "da"
    fields = tuple(
        PlanField(key, str(label), facts[key][language] if key in facts else "")
        for key, label in PLAN_FIELDS
    )
    sources = tuple(Source(_clean_url(u)) for u in row["sources"].split("|") if u.strip())
    return DevelopmentPlan(area_slug, fields, sources)


def social_track_note(area_slug: str) -> str:
    row = _plans().get(area_slug)
    return "" if row is None or row["social_track_8"].strip() == NOT_FOUND else row["social_track_8"]


def evaluation_order() -> dict[str, int]:
    """The order in which the evaluation lists its 15 areas (east to west), slug -> position."""
    return {slug: i for i, slug in enumerate(_plans())}
