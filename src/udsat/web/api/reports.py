"""The evaluation's reports (the reports library's live pages): metadata and links."""

from __future__ import annotations

from udsat.web.api.tabular import INTEGER, Column
from udsat.web.reports.models import ReportPage

REPORT_COLUMNS = (
    Column("title"), Column("track"), Column("report_type"), Column("publication_year", INTEGER),
    Column("authors"), Column("institution"), Column("areas"), Column("levels"),
    Column("url"), Column("page"),
)


def report_rows(query: dict, language: str) -> list[dict]:
    reports = ReportPage.objects.live().prefetch_related("areas").order_by(
        "-publication_year", "title")
    if query.get("area"):
        reports = reports.filter(areas__slug__in=query["area"]).distinct()
    if query.get("track"):
        reports = reports.filter(track=query["track"])
    return [{
        "title": r.localized_title(language), "track": r.track, "report_type": r.report_type,
        "publication_year": r.publication_year, "authors": r.authors,
        "institution": r.institution, "areas": sorted(a.slug for a in r.areas.all()),
        "levels": r.levels, "url": r.report_url or "", "page": r.url or "",
    } for r in reports]
