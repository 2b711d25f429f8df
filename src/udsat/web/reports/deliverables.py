"""The deliverables tracker: the planned programme matched to the published report pages."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from udsat.domain.catalogue import default_catalogue
from udsat.web.reports.programme import PlannedItem, load_programme, status_of


@dataclass
class Deliverable:
    """A planned item with its matched reports and its status on ``today``."""

    item: PlannedItem
    status: str
    reports: list = field(default_factory=list)
    area_name: str = ""

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def year(self) -> int:
        return self.item.year


@functools.cache
def planned_items() -> tuple[PlannedItem, ...]:
    """The programme, with area rounds over the 15 areas evaluated since 2018 (by name).

    Read once per process on first use: the programme is a packaged data file.
    """
    areas = sorted(default_catalogue().geography.evaluated_areas, key=lambda a: a.name)
    return load_programme([a.slug for a in areas])


def today_local() -> date:
    return timezone.localdate()


def build_deliverables(today: date | None = None, area_slug: str | None = None) -> list:
    """Every planned item (or one area's), matched to live public reports by their key."""
    from udsat.web.reports.models import ReportPage

    today = today or today_local()
    names = {a.slug: a.name for a in default_catalogue().geography.areas}
    # For one area: its own four sub-reports (the cross-area items are on the overview).
    items = [i for i in planned_items() if area_slug is None or i.area_slug == area_slug]
    matched: dict[str, list] = {}
    reports = (
        ReportPage.objects.live()
        .public()
        .exclude(deliverable="")
        .order_by("publication_year", "title")
    )
    for report in reports:
        matched.setdefault(report.deliverable, []).append(report)
    return [
        Deliverable(
            item=i,
            status=status_of(i, len(matched.get(i.key, [])), today),
            reports=matched.get(i.key, []),
            area_name=names.get(i.area_slug, ""),
        )
        for i in items
    ]
