"""What the pages show from the reports library, when that app is installed.

The reports app (``udsat.web.reports``) is optional for these pages: without it they render
without their report sections instead of failing.
"""

from __future__ import annotations

from django.apps import apps

REPORTS_APP = "udsat.web.reports"


def reports_available() -> bool:
    return apps.is_installed(REPORTS_APP)


def area_reports(area_slug: str):
    if not reports_available():
        return None
    from udsat.web.reports.queries import reports_for_area

    return reports_for_area(area_slug)


def latest_reports(n: int = 5) -> list | None:
    if not reports_available():
        return None
    from udsat.web.reports.queries import latest_reports as newest

    return newest(n)


def reports_by_track() -> list | None:
    if not reports_available():
        return None
    from udsat.web.reports.queries import reports_by_track as by_track

    return by_track()


def deliverables_by_year() -> dict[int, list[dict]]:
    """year -> the programme's deliverables of that year (empty without the reports app)."""
    if not reports_available():
        return {}
    from udsat.web.reports.queries import deliverables_for_timeline

    return {row["year"]: row["entries"] for row in deliverables_for_timeline()}


def reports_by_level() -> dict[str, list]:
    """level -> published reports that cover it (empty without the reports app)."""
    if not reports_available():
        return {}
    from udsat.web.reports.queries import latest_reports as newest

    by_level: dict[str, list] = {}
    for report in newest(None):
        for level in report.levels:
            by_level.setdefault(level, []).append(report)
    return by_level


def findings_by_level() -> dict[str, list]:
    """level -> the key findings of published reports that cover it, newest report first."""
    if not reports_available():
        return {}
    from udsat.web.reports.queries import latest_reports as newest

    by_level: dict[str, list] = {}
    for report in newest(None):
        for finding in report.findings.all():
            for level in report.levels:
                by_level.setdefault(level, []).append(finding)
    return by_level
