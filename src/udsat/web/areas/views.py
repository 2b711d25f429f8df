"""Area views: gather stored aggregates, call the domain, render."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language

from udsat.domain.catalogue import default_catalogue
from udsat.web.areas import compare as comparing
from udsat.web.areas import downloads
from udsat.web.areas.criteria_panel import criteria_panel_context
from udsat.web.areas.freshness import content_version, data_version, remembered
from udsat.web.areas.levels import (
    LEVEL_BY_SLUG,
    LEVELS,
    flow_page,
    indicator_tables,
    level_summaries,
)
from udsat.web.areas.overview import (
    area_rows,
    evaluated_areas,
    front_page_context,
    key_figure_bars,
)
from udsat.web.areas.plans import development_plan
from udsat.web.areas.profile import AreaProfile, area_series_chart
from udsat.web.areas.reasons import status_reason
from udsat.web.areas.standing import FIRST_YEAR, latest_list_year, record_years
from udsat.web.charts import Point, bar_chart
from udsat.web.data.models import Area, Indicator
from udsat.web.evaluation.models import HomePage
from udsat.web.evaluation.report_links import area_reports
from udsat.web.layout.templatetags.udsat_format import absence_text, display_unit


def home(request):
    """The front page: the editors' HomePage when seeded, else the figures alone."""
    page = HomePage.objects.live().first()
    if page is not None:
        return page.serve(request)
    context = {"page": None}
    context.update(front_page_context())
    return render(request, "evaluation/home_page.html", context)


def area_list(request):
    years = range(FIRST_YEAR, latest_list_year() + 1)
    fifteen = area_rows(evaluated_areas(), years)
    municipality = request.GET.get("kommune", "")
    status = request.GET.get("status", "")
    municipalities = sorted({r["area"].municipality_name for r in fifteen})
    statuses = sorted({r["standing"].current_status for r in fifteen})
    shown = [
        r for r in fifteen
        if (not municipality or r["area"].municipality_name == municipality)
        and (not status or r["standing"].current_status == status)
    ]
    indicator, figures = key_figure_bars([r["area"] for r in fifteen])
    top = max((o.value for o in figures.values() if o.value is not None), default=None)
    for row in shown:
        row["figure"] = figures.get(row["area"].id)
        value = row["figure"].value if row["figure"] else None
        row["bar_pct"] = int(value / top * 100) if value is not None and top else None
    others = Area.objects.filter(evaluated_2018=False).order_by("synthetic", "name")
    other_rows = area_rows(list(others), record_years())
    return render(request, "areas/list.html", {
        "rows": shown,
        "total": len(fifteen),
        "years": list(years),
        "municipalities": municipalities,
        "statuses": statuses,
        "selected_municipality": municipality,
        "selected_status": status,
        "key_indicator": indicator,
        "other_rows": other_rows,
    })


def area_detail(request, slug: str):
    area = Area.objects.filter(slug=slug).first()
    if area is None:
        # A former name kept as an alias (e.g. Grønneparken, Agervang's name since 2021)
        # answers with a permanent redirect to the area's page; anything else is a 404.
        known = default_catalogue().geography.area(slug)
        if known is None or known.slug == slug:
            raise Http404(slug)
        return redirect("area-detail", slug=known.slug, permanent=True)
    language = get_language() or "da"
    years = record_years()
    history = area_rows([area], years)[0]
    figures = data_version()
    # The parts built from stored figures or published pages are kept until those change.
    key = f"{area.slug}:{language}:{figures}"
    context = {
        "area": area,
        "history": history["years"],
        "standing": history["standing"],
        "plan": development_plan(area.slug, language),
        "area_reports": remembered(
            f"area-reports:{area.slug}:{language}:{content_version()}",
            lambda: area_reports(area.slug),
        ),
        "language": language,
        "profile": AreaProfile(area, language),
        "levels": remembered(f"level-summaries:{key}", lambda: level_summaries(area, language)),
        "data_version": figures,
    }
    context.update(remembered(f"criteria-panel:{key}",
                              lambda: criteria_panel_context(area, language)))
    context["reason"] = status_reason(history["standing"].latest)
    return render(request, "areas/detail.html", context)


def area_level(request, slug: str, level_slug: str):
    """One of the four levels of an area: its charts and every figure, table by table."""
    area = get_object_or_404(Area, slug=slug)
    level = LEVEL_BY_SLUG.get(level_slug)
    if level is None:
        raise Http404("unknown level")
    language = get_language() or "da"
    return render(request, "areas/level.html", {
        "area": area,
        "level": level,
        "level_slug": level_slug,
        "heading": LEVELS[level][1],
        "levels": [(s, h) for s, h in LEVELS.values()],
        "profile": AreaProfile(area, language, level),
        "tables": indicator_tables(area, level, language),
        "flows": flow_page(area, request.GET.get("side")) if level == "sector" else None,
        "data_version": data_version(),
    })


def area_flows_csv(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    return downloads.area_flows_csv(area)


def _comparison(request) -> comparing.Comparison:
    indicators = comparing.indicators_with_data()
    default = comparing.most_complete_indicator(indicators)
    code = request.GET.get("indikator") or (default.code if default else "")
    indicator = next((i for i in indicators if i.code == code), None)
    if indicator is None:
        raise Http404("unknown indicator")
    return comparing.compare(
        indicator,
        all_areas=request.GET.get("alle") == "1",
        period=request.GET.get("periode"),
        dataset=request.GET.get("datasaet"),
    )


def _compare_chart(request, comparison: comparing.Comparison, narrow: bool = False):
    language = get_language() or "da"
    indicator = comparison.indicator
    query = request.GET.copy()
    query["indikator"] = indicator.code
    chart = bar_chart(
        f"compare-{indicator.code}", indicator.label(language),
        [Point(r.area.name, comparison.period,
               r.observation.value if r.observation else None,
               absence_text(r.observation, language)) for r in comparison.rows],
        display_unit(indicator.code, indicator.unit), indicator.precision, language,
        reverse("compare-csv") + "?" + query.urlencode(), comparison.synthetic, narrow=narrow,
    )
    query.pop("smal", None)
    chart.svg_url = reverse("compare-chart-svg") + "?" + query.urlencode()
    # The same selection from the API: these areas, this indicator, dataset and period.
    chart.api_query = urlencode({
        "area": ",".join(r.area.slug for r in comparison.rows), "indicator": indicator.code,
        "dataset": comparison.dataset, "period": comparison.period, "breakdown": "total"})
    query["smal"] = "1"
    chart.narrow_svg_url = reverse("compare-chart-svg") + "?" + query.urlencode()
    return chart


def compare_view(request):
    comparison = _comparison(request)
    chart = _compare_chart(request, comparison)
    return render(request, "areas/compare.html", {
        "comparison": comparison,
        "indicators": comparing.indicators_with_data(),
        "all_areas": request.GET.get("alle") == "1",
        "chart": chart,
        "csv_url": chart.csv_url,
    })


def _svg(chart) -> HttpResponse:
    response = HttpResponse(chart.svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def area_chart_svg(request, slug: str, code: str):
    area = get_object_or_404(Area, slug=slug)
    chart = area_series_chart(area, code, request.GET.get("datasaet", "reference"),
                              get_language() or "da")
    if chart is None:
        raise Http404("no dated figures")
    return _svg(chart)


def compare_chart_svg(request):
    narrow = request.GET.get("smal") == "1"
    return _svg(_compare_chart(request, _comparison(request), narrow=narrow))


def compare_csv(request):
    return downloads.comparison_csv(_comparison(request))


def area_indicator_csv(request, slug: str, code: str):
    area = get_object_or_404(Area, slug=slug)
    indicator = get_object_or_404(Indicator, code=code)
    return downloads.area_indicator_csv(area, indicator, request.GET.get("datasaet", "reference"))


def list_counts_csv(request):
    from udsat.web.evaluation.list_counts import list_counts

    return downloads.list_counts_csv(list_counts())
