"""The vocabularies of the reports library: tracks, report types, levels, deliverables."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from udsat.domain.indicators import LEVELS

TRACK_CHOICES = [
    ("physical", _("Det fysiske spor")),
    ("social", _("Det sociale spor")),
    ("cross_cutting", _("På tværs")),
]

REPORT_TYPE_CHOICES = [
    ("baseline", _("Baselinerapport")),
    ("subreport_1", _("Områderapport 1 af 4 (baseline)")),
    ("subreport_2", _("Områderapport 2 af 4")),
    ("subreport_3", _("Områderapport 3 af 4")),
    ("subreport_4", _("Områderapport 4 af 4")),
    ("midterm", _("Midtvejsrapport")),
    ("final", _("Afsluttende rapport")),
    ("cross_cutting", _("Tværgående rapport")),
    ("note", _("Notat")),
    ("related", _("Relateret undersøgelse")),
]

LEVEL_LABELS = {
    "area": _("Områderne"),
    "residents": _("Beboerne"),
    "movers": _("Fraflytterne"),
    "sector": _("Den øvrige almene sektor"),
}
# Model field per analysis level, in the catalogue's order (domain.indicators.LEVELS).
LEVEL_FIELDS = {level: f"level_{level}" for level in LEVELS}


def deliverable_choices() -> list[tuple[str, str]]:
    """The planned programme's items as choices (called lazily, never at import time)."""
    from udsat.web.reports.deliverables import planned_items

    choices = []
    for item in planned_items():
        label = item.title_da if not item.area_slug else f"{item.title_da}: {item.area_slug}"
        choices.append((item.key, f"{item.year} · {label}"))
    return choices
