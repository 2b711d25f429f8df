"""Area views: gather stored aggregates, call the domain, render."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from udsat.domain.history import StatusRow, summarise_years
from udsat.domain.observations import PERIOD_UNSTATED
from udsat.web.data.models import Area, ListStatus, Observation

FRONT_PAGE_YEARS = range(2018, 2025)
HISTORY_YEARS = range(2010, 2025)


def _history(area_ids: list[int], years: range) -> dict[int, list]:
    rows: dict[int, list[StatusRow]] = {a: [] for a in area_ids}
    for s in ListStatus.objects.filter(area_id__in=area_ids, year__in=years):
        rows[s.area_id].append(StatusRow(s.year, s.status, s.origin, s.note, s.source_url))
    return {a: summarise_years(r, years) for a, r in rows.items()}


def home(request):
    areas = list(Area.objects.filter(evaluated_2018=True).order_by("name"))
    history = _history([a.id for a in areas], FRONT_PAGE_YEARS)
    rows = [{"area": a, "years": history[a.id]} for a in areas]
    return render(
        request,
        "areas/home.html",
        {"rows": rows, "years": list(FRONT_PAGE_YEARS), "area_count": len(areas)},
    )


def area_detail(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    history = _history([area.id], HISTORY_YEARS)[area.id]
    observations = list(
        Observation.objects.filter(area=area)
        .select_related("indicator")
        .order_by("indicator__theme", "indicator__code", "period")
    )
    seed = [o for o in observations if o.period == PERIOD_UNSTATED]
    dated = [o for o in observations if o.period != PERIOD_UNSTATED]
    return render(
        request,
        "areas/detail.html",
        {
            "area": area,
            "history": history,
            "seed_observations": seed,
            "dated_observations": dated,
            "language": get_language(),
        },
    )
