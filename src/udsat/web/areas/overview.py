"""Front page, areas list and results page: the stored figures these pages show."""

from __future__ import annotations

from django.db.models import Count, Sum
from django.utils.translation import get_language

from udsat.domain.standing import CHANGED, LEFT, SAME, UNKNOWN
from udsat.web.areas.breakdowns import LEVEL_LABELS
from udsat.web.areas.standing import FIRST_YEAR, histories, latest_list_year, standing
from udsat.web.data.models import Area, Flow, Indicator, LoadBatch, Observation
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
    """Per level: the indicators with stored figures, by dataset, and the flows."""
    language = get_language() or "da"
    counts = (
        Observation.objects.values("indicator__code", "indicator__level", "dataset")
        .annotate(n=Count("id"), areas=Count("area", distinct=True))
        .order_by("indicator__level", "indicator__code")
    )
    labels = {i.code: i.label(language) for i in Indicator.objects.all()}
    levels: dict[str, list[dict]] = {level: [] for level in LEVEL_LABELS}
    for row in counts:
        levels.setdefault(row["indicator__level"], []).append({
            "code": row["indicator__code"],
            "label": labels.get(row["indicator__code"], row["indicator__code"]),
            "dataset": row["dataset"],
            "synthetic": row["dataset"] == "synthetic",
            "observations": row["n"],
            "areas": row["areas"],
        })
    flows = (
        Flow.objects.filter(suppressed=False)
        .values("dataset", "destination_kind")
        .annotate(n=Sum("n_persons"))
        .order_by("dataset", "destination_kind")
    )
    return {
        "level_data": levels,
        "flow_summary": list(flows),
        "reports_by_track": report_links.reports_by_track(),
        "reports_by_level": report_links.reports_by_level(),
        "reports_available": report_links.reports_available(),
    }
