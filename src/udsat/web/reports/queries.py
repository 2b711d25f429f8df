"""What other pages ask of the reports library. Only live, public pages ever leave here.

Names are a contract with the area and evaluation pages: ``reports_for_area``,
``latest_reports``, ``reports_by_track``, ``deliverables_for_timeline``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from udsat.web.reports.choices import TRACK_CHOICES
from udsat.web.reports.deliverables import Deliverable, build_deliverables, today_local
from udsat.web.reports.programme import PUBLISHED, STATUSES, status_of


def _published():
    from udsat.web.reports.models import ReportPage

    return ReportPage.objects.live().public()


def _newest_first(queryset):
    return queryset.order_by("-publication_year", "-publication_date", "-first_published_at")


@dataclass
class AreaReports:
    """An area's published reports, the findings that point at its data, its deliverables."""

    area_slug: str
    reports: list = field(default_factory=list)
    findings: list = field(default_factory=list)
    deliverables: list = field(default_factory=list)

    def __iter__(self):
        return iter(self.reports)

    def __len__(self) -> int:
        return len(self.reports)

    def __bool__(self) -> bool:
        return bool(self.reports or self.findings)


def reports_for_area(area_slug: str, today: date | None = None) -> AreaReports:
    """Published reports covering the area, and published findings about its figures."""
    from udsat.web.reports.models import ReportFinding

    reports = list(_newest_first(_published().filter(areas__slug=area_slug)).distinct())
    live_ids = _published().values("pk")
    findings = list(
        ReportFinding.objects.filter(area__slug=area_slug, page_id__in=live_ids)
        .select_related("page", "indicator", "area")
        .order_by("page__title", "sort_order")
    )
    return AreaReports(
        area_slug=area_slug,
        reports=reports,
        findings=findings,
        deliverables=build_deliverables(today, area_slug=area_slug),
    )


def latest_reports(n: int | None = 5) -> list:
    """The ``n`` newest published reports (all when ``n`` is None)."""
    queryset = _newest_first(_published())
    return list(queryset if n is None else queryset[:n])


def reports_by_track() -> list[dict]:
    """Published reports grouped by track, in the tracks' fixed order; empty tracks kept."""
    reports = list(_newest_first(_published()))
    return [
        {"track": code, "label": label, "reports": [r for r in reports if r.track == code]}
        for code, label in TRACK_CHOICES
    ]


def deliverables_overview(today: date | None = None) -> dict:
    """Every planned item with its status, and how many items have each status."""
    deliverables = build_deliverables(today)
    counts = Counter(d.status for d in deliverables)
    return {
        "deliverables": deliverables,
        "counts": [(status, counts.get(status, 0)) for status in STATUSES],
        "today": today or today_local(),
    }


def deliverables_for_timeline(today: date | None = None) -> list[dict]:
    """The programme by year; each round of area sub-reports folded into one entry.

    Each entry: key, title_da, title_en, track, status, published (count), total, reports.
    """
    today = today or today_local()
    by_year: dict[int, list[dict]] = {}
    rounds: dict[tuple[int, int], list[Deliverable]] = {}
    for d in build_deliverables(today):
        if d.item.round is not None:
            rounds.setdefault((d.year, d.item.round), []).append(d)
            continue
        by_year.setdefault(d.year, []).append(_entry(d.item, [d], today))
    for (year, _round), members in sorted(rounds.items()):
        by_year.setdefault(year, []).append(_entry(members[0].item, members, today))
    return [{"year": year, "entries": by_year[year]} for year in sorted(by_year)]


def _entry(item, members: list[Deliverable], today: date) -> dict:
    published = sum(1 for m in members if m.status == PUBLISHED)
    return {
        "key": item.key if item.round is None else f"physical-{item.round}",
        "title_da": item.title_da,
        "title_en": item.title_en,
        "track": item.track,
        "kind": item.kind,
        "status": PUBLISHED if published == len(members) else status_of(item, 0, today),
        "published": published,
        "total": len(members),
        "reports": [r for m in members for r in m.reports],
    }
