"""Public views of the reports library: search and "what's new"."""

from __future__ import annotations

from django.shortcuts import render

from udsat.web.reports.choices import REPORT_TYPE_CHOICES, TRACK_CHOICES
from udsat.web.reports.search import (
    ReportFilters,
    normalise_query,
    search_areas,
    search_pages,
    search_reports,
)
from udsat.web.reports.whats_new import recent_changes

MAX_QUERY_LENGTH = 200


def search(request):
    from udsat.web.data.models import Area
    from udsat.web.reports.models import ReportPage

    typed = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    query = normalise_query(typed)
    filters = ReportFilters.from_query(request.GET)
    searched = bool(query or filters.active)
    years = (
        ReportPage.objects.live()
        .public()
        .exclude(publication_year=None)
        .values_list("publication_year", flat=True)
        .distinct()
        .order_by("-publication_year")
    )
    context = {
        "query": typed,
        "filters": filters,
        "searched": searched,
        "reports": search_reports(query, filters) if searched else [],
        # Pages and areas have no track or type: a report filter narrows to reports only.
        "pages": search_pages(query) if query and not filters.active else [],
        "areas": search_areas(query) if query and not filters.active else [],
        "area_options": Area.objects.filter(evaluated_2018=True, synthetic=False),
        "track_options": TRACK_CHOICES,
        "type_options": REPORT_TYPE_CHOICES,
        "year_options": list(years),
    }
    return render(request, "reports/search.html", context)


def whats_new(request):
    return render(request, "reports/whats_new.html", {"changes": recent_changes(30)})
