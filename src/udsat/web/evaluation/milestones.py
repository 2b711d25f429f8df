"""The timeline page's rows: each year's milestones, its deliverables, past or coming."""

from __future__ import annotations

import datetime as dt

from udsat.web.evaluation.report_links import deliverables_by_year


def timeline_context(page, today: dt.date | None = None) -> dict:
    today = today or dt.date.today()
    deliverables = deliverables_by_year()
    entries = list(page.entries.all().order_by("year", "sort_order"))
    years = sorted({e.year for e in entries} | set(deliverables))
    return {
        "timeline_years": [
            {
                "year": year,
                # A year with a planned report the tracker counts as overdue is never shown
                # as "completed".
                "overdue": any(d["status"] == "overdue" for d in deliverables.get(year, [])),
                "past": year < today.year,
                "current": year == today.year,
                "entries": [e for e in entries if e.year == year],
                "deliverables": deliverables.get(year, []),
            }
            for year in years
        ],
    }
