"""The development plans of the 15 areas, as the packaged reference file records them.

The plans are free text in the sources' own words (Danish and English mixed); the site shows
them as recorded, with their sources, and labels each field in the reader's language.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from udsat.domain.catalogue import default_catalogue

PLAN_FILE = "reference/areas_2018.csv"

# column -> label; order is the order shown.
PLAN_FIELDS = (
    ("housing_organisations", _("Boligorganisationer")),
    ("almene_familieboliger_share_before", _("Andel almene familieboliger før planen")),
    ("target_share_almene_familieboliger", _("Mål for andelen af almene familieboliger")),
    ("plan_demolish", _("Boliger, der rives ned")),
    ("plan_convert", _("Boliger, der ombygges eller får ny anvendelse")),
    ("plan_sell", _("Boliger, der sælges")),
    ("plan_new_non_almene", _("Nye ikke-almene boliger")),
    ("dispensation", _("Dispensation")),
    ("local_approval", _("Lokal godkendelse")),
    ("ministry_approval", _("Ministeriets godkendelse")),
    ("later_status", _("Senere status")),
)
NOT_FOUND = "not found"


@dataclass(frozen=True)
class PlanField:
    key: str
    label: str
    text: str  # "" when the sources we read do not say

    @property
    def known(self) -> bool:
        return bool(self.text)


@dataclass(frozen=True)
class DevelopmentPlan:
    area_slug: str
    fields: tuple[PlanField, ...]
    sources: tuple[str, ...]
    notes: str


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


def development_plan(area_slug: str) -> DevelopmentPlan | None:
    row = _plans().get(area_slug)
    if row is None:
        return None
    fields = tuple(
        PlanField(key, str(label), "" if row[key].strip() == NOT_FOUND else row[key].strip())
        for key, label in PLAN_FIELDS
    )
    sources = tuple(u.strip() for u in row["sources"].split("|") if u.strip())
    return DevelopmentPlan(area_slug, fields, sources, row["notes"].strip())


def social_track_note(area_slug: str) -> str:
    row = _plans().get(area_slug)
    return "" if row is None or row["social_track_8"].strip() == NOT_FOUND else row["social_track_8"]


def evaluation_order() -> dict[str, int]:
    """The order in which the evaluation lists its 15 areas (east to west), slug -> position."""
    return {slug: i for i, slug in enumerate(_plans())}
