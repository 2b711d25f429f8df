"""An area's profile: one level's key figures with comparisons and series for charts.

Figures of different datasets are never mixed: a published (reference) figure is compared only
with published place figures, a synthetic one only with synthetic, and synthetic figures are
flagged so the page labels them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse

from udsat.domain.comparison import comparison_phrase
from udsat.domain.observations import PERIOD_UNSTATED
from udsat.web.areas.breakdowns import PLACE_LABELS
from udsat.web.charts import Chart, Point, line_chart
from udsat.web.data.models import Area, Observation, PlaceObservation
from udsat.web.layout.templatetags.udsat_format import absence_text, display_unit

COMPARISON_PLACES = ("municipality", "region", "social_housing", "country")
# Counts (residents, households) of an area and of the whole country differ by orders of
# magnitude: on one axis the area's line would lie flat at zero, so counts are charted alone.
COUNT_UNITS = ("persons", "households", "dwellings")


def place_code(area: Area, kind: str) -> str:
    return {
        "municipality": str(area.municipality_code),
        "region": str(area.region_code),
        "social_housing": "all",
        "country": "DK",
    }[kind]


def place_label(area: Area, kind: str) -> str:
    """'Kommunen (Odense)', 'Regionen (Region Syddanmark)', 'Hele den almene sektor'."""
    name = {"municipality": area.municipality_name, "region": area.region_name}.get(kind)
    return f"{PLACE_LABELS[kind]} ({name})" if name else str(PLACE_LABELS[kind])


@dataclass
class Comparison:
    place_kind: str
    place_label: str
    observation: PlaceObservation
    phrase: str | None


@dataclass
class KeyFigure:
    observation: Observation
    comparisons: list[Comparison] = field(default_factory=list)

    @property
    def synthetic(self) -> bool:
        return self.observation.dataset == "synthetic"


def _sort_period(period: str) -> tuple[int, str]:
    # "unstated" sorts before any year: a dated figure is the newer one we can vouch for.
    return (0, period) if period == PERIOD_UNSTATED else (1, period)


def _places(area: Area, codes: set[str], datasets: set[str]) -> dict[tuple, PlaceObservation]:
    """The comparison places' figures for everyone (no breakdown), keyed for lookup."""
    wanted = {(kind, place_code(area, kind)) for kind in COMPARISON_PLACES}
    found = PlaceObservation.objects.filter(
        indicator__code__in=codes, dataset__in=datasets, breakdown="",
        place_code__in={c for _k, c in wanted},
    ).select_related("indicator")
    return {
        (p.dataset, p.place_kind, p.indicator.code, p.period, p.breakdown): p
        for p in found
        if (p.place_kind, p.place_code) in wanted
    }


def build_profile(area: Area, language: str, level: str | None = None) -> dict:
    """Key figures and charts of one level's indicators, or (``level`` None, the area page)
    every published figure and the synthetic ones of level 1, the area itself."""
    found = Observation.objects.filter(area=area)
    if level is None:
        found = found.filter(~Q(dataset="synthetic") | Q(indicator__level="area"))
    else:
        found = found.filter(indicator__level=level)
    observations = list(found.select_related("indicator")
                        .order_by("indicator__theme", "indicator__code", "period"))
    groups: dict[tuple[str, str, str], list[Observation]] = defaultdict(list)
    for o in observations:
        groups[(o.dataset, o.indicator.code, o.breakdown)].append(o)
    places = _places(area, {o.indicator.code for o in observations},
                     {o.dataset for o in observations})

    key_figures = []
    for (dataset, code, breakdown), rows in groups.items():
        if breakdown:
            continue
        latest = max(rows, key=lambda o: _sort_period(o.period))
        figure = KeyFigure(latest)
        for kind in COMPARISON_PLACES:
            place = places.get((dataset, kind, code, latest.period, ""))
            if place is None:
                continue
            phrase = None
            if latest.value is not None and place.value is not None:
                phrase = comparison_phrase(latest.value, place.value, kind, latest.unit, language)
            figure.comparisons.append(Comparison(kind, place_label(area, kind), place, phrase))
        key_figures.append(figure)
    key_figures.sort(key=lambda f: (f.synthetic, f.observation.indicator.level,
                                    f.observation.indicator.code))

    charts = []
    for (dataset, _code, breakdown), rows in groups.items():
        dated = [o for o in rows if o.period != PERIOD_UNSTATED]
        if breakdown or not dated:
            continue
        charts.append(series_chart(area, dataset, dated, places, language))
    charts.sort(key=lambda c: c.synthetic)
    return {
        "key_figures": key_figures,
        "charts": charts,
        "has_synthetic": any(o.dataset == "synthetic" for o in observations) or area.synthetic,
    }


class AreaProfile:
    """The profile, built only when a template reads it: a cached page fragment never does."""

    def __init__(self, area: Area, language: str, level: str | None = None) -> None:
        self.area = area
        self.language = language
        self.level = level

    @cached_property
    def _parts(self) -> dict:
        return build_profile(self.area, self.language, self.level)

    @property
    def key_figures(self) -> list[KeyFigure]:
        return self._parts["key_figures"]

    @property
    def charts(self) -> list[Chart]:
        return self._parts["charts"]

    @property
    def published_figures(self) -> list[KeyFigure]:
        return [f for f in self.key_figures if not f.synthetic]

    @property
    def synthetic_figures(self) -> list[KeyFigure]:
        return [f for f in self.key_figures if f.synthetic]

    @property
    def published_charts(self) -> list[Chart]:
        return [c for c in self.charts if not c.synthetic]

    @property
    def synthetic_charts(self) -> list[Chart]:
        return [c for c in self.charts if c.synthetic]

    @property
    def has_synthetic(self) -> bool:
        return self._parts["has_synthetic"]


def series_chart(area: Area, dataset: str, dated: list[Observation], places: dict,
                 language: str) -> Chart:
    """One indicator over time for the area, with the comparison places that have figures."""
    indicator = dated[0].indicator
    code = indicator.code
    points = [Point(area.name, o.period, o.value, absence_text(o, language)) for o in dated]
    for kind in () if indicator.unit in COUNT_UNITS else COMPARISON_PLACES:
        for o in dated:
            place = places.get((dataset, kind, code, o.period, ""))
            if place is not None:
                points.append(Point(str(PLACE_LABELS[kind]), o.period, place.value,
                                    absence_text(place, language)))
    query = f"?datasaet={dataset}"
    chart = line_chart(
        f"{code}-{dataset}", indicator.label(language), points,
        display_unit(code, indicator.unit),
        indicator.precision, language,
        reverse("area-indicator-csv", args=[area.slug, code]) + query,
        synthetic=dataset == "synthetic",
    )
    chart.svg_url = reverse("area-chart-svg", args=[area.slug, code]) + query
    chart.api_query = urlencode({"area": area.slug, "indicator": code, "dataset": dataset,
                                 "breakdown": "total"})
    return chart


def area_series_chart(area: Area, code: str, dataset: str, language: str) -> Chart | None:
    """The chart ``area_profile`` links to, rebuilt for its SVG endpoint."""
    dated = list(
        Observation.objects.filter(area=area, indicator__code=code, dataset=dataset, breakdown="")
        .exclude(period=PERIOD_UNSTATED).select_related("indicator").order_by("period")
    )
    if not dated:
        return None
    return series_chart(area, dataset, dated, _places(area, {code}, {dataset}), language)
