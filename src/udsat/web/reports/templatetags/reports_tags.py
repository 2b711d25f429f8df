"""Template tags of the reports library: labels, links to data, and the shared partials."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from udsat.web.reports.choices import LEVEL_LABELS, REPORT_TYPE_CHOICES, TRACK_CHOICES

register = template.Library()

STATUS_LABELS = {
    "published": _("Udgivet"),
    "planned": _("Planlagt"),
    "due": _("Ventes i år"),
    "overdue": _("Overskredet"),
}
_TRACKS = dict(TRACK_CHOICES)
_TYPES = dict(REPORT_TYPE_CHOICES)


@register.filter
def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


@register.filter
def track_label(track: str) -> str:
    return _TRACKS.get(track, track)


@register.filter
def type_label(report_type: str) -> str:
    return _TYPES.get(report_type, report_type)


@register.filter
def level_labels(levels: list[str]) -> list:
    return [LEVEL_LABELS[level] for level in levels if level in LEVEL_LABELS]


@register.simple_tag
def finding_data_url(finding) -> str:
    """The area page, at the figures behind a finding.

    A criterion with a year points at that year's list in the criteria panel
    (``#criteria-2020``); other indicators at the key figures (``#figures-heading``).
    """
    if not finding.area_id:
        return ""
    try:
        url = reverse("area-detail", args=[finding.area.slug])
    except NoReverseMatch:
        return ""
    if not finding.indicator_id:
        return url
    if finding.indicator.theme == "criteria" and finding.period.isdigit():
        return f"{url}#criteria-{finding.period}"
    return f"{url}#figures-heading"


@register.simple_tag
def finding_observations(finding) -> list:
    """The stored figures behind a finding (whole universe, the finding's period if set)."""
    from udsat.web.data.models import Observation

    if not finding.has_data:
        return []
    rows = Observation.objects.filter(
        area_id=finding.area_id, indicator_id=finding.indicator_id, breakdown=""
    ).select_related("indicator")
    if finding.period:
        rows = rows.filter(period=finding.period)
    return list(rows.order_by("period", "dataset"))


@register.inclusion_tag("reports/_area_reports.html")
def area_reports(area_slug: str) -> dict:
    """``{% area_reports area.slug %}``: an area's reports, findings and sub-report plan."""
    from udsat.web.reports.queries import reports_for_area

    return {"area_reports": reports_for_area(area_slug)}


@register.inclusion_tag("reports/_report_list.html")
def report_list(reports) -> dict:
    return {"reports": reports}


@register.inclusion_tag("reports/_deliverables.html")
def deliverables_table() -> dict:
    """``{% deliverables_table %}``: the whole programme with each item's status today."""
    from udsat.web.reports.queries import deliverables_overview

    return {"overview": deliverables_overview()}
