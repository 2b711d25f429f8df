"""Front page, areas list and results page: the stored figures these pages show."""

from __future__ import annotations

from django.utils.translation import get_language

from udsat.domain.standing import CHANGED, LEFT, SAME, UNKNOWN
from udsat.web.areas.standing import FIRST_YEAR, histories, latest_list_year, standing
from udsat.web.data.models import Area, Indicator, LoadBatch, Observation
from udsat.web.evaluation import report_links

KEY_FIGURE = "single_parent_households_pct"  # published for all 15 areas


def evaluated_areas() -> list[Area]:
    return list(Area.objects.filter(evaluated_2018=True, synthetic=False).order_by("name"))


def area_rows(areas: list[Area], years: range) -> list[dict]:
    history = histories([a.id for a in areas], years)
    return [
        {"area": a, "years": history[a.id], "standing": standing(history[a.id])} for a in areas
    ]


def front_page_context() -> dict:
    areas = evaluated_areas()
    years = range(FIRST_YEAR, latest_list_year() + 1)
    rows = area_rows(areas, years)
    return {
        "rows": rows,
        "years": list(years),
        "area_count": len(areas),
        "change_counts": {change: sum(1 for r in rows if r["standing"].change == change)
                          for change in (SAME, CHANGED, LEFT, UNKNOWN)},
        "latest_reports": report_links.latest_reports(5),
        "reports_available": report_links.reports_available(),
        "data_releases": list(LoadBatch.objects.order_by("-loaded_at")[:5]),
    }


def key_figure_bars(areas: list[Area]) -> tuple[Indicator | None, dict[int, Observation]]:
    """The key figure for the small multiple: one published value per area, if any."""
    indicator = Indicator.objects.filter(code=KEY_FIGURE).first()
    if indicator is None:
        return None, {}
    observations = Observation.objects.filter(
        dataset="reference", indicator=indicator, breakdown="", area__in=areas
    ).select_related("indicator")
    return indicator, {o.area_id: o for o in observations}


def results_context() -> dict:
    """Per level the published findings (with their reports and data); the list counts."""
    from udsat.web.evaluation.list_counts import list_counts_chart

    language = get_language() or "da"
    return {
        "findings_by_level": report_links.findings_by_level(),
        "reports_by_level": report_links.reports_by_level(),
        "reports_by_track": report_links.reports_by_track(),
        "reports_available": report_links.reports_available(),
        "list_counts_chart": list_counts_chart(language),
    }
