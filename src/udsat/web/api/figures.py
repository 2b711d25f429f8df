"""Observations and place observations: filtered, as of a release, as table rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from udsat.domain.observations import PERIOD_UNSTATED, absence_label
from udsat.web.api.params import PeriodFilter
from udsat.web.api.releases import Release, as_of, observations_as_of
from udsat.web.api.tabular import (
    BOOLEAN,
    INTEGER,
    NUMBER,
    Column,
    Cube,
    Dimension,
    Table,
    breakdown_code,
    breakdown_label,
    dataset_label,
)
from udsat.web.data.models import Indicator, LoadBatch, Observation, PlaceObservation

FIGURE_COLUMNS = (
    Column("indicator"), Column("indicator_label"), Column("period"), Column("breakdown"),
    Column("breakdown_label"), Column("dataset"), Column("dataset_label"),
    Column("synthetic", BOOLEAN), Column("value", NUMBER), Column("absence"),
    Column("absence_label"), Column("unit"), Column("n_persons", INTEGER), Column("source"),
    Column("note"), Column("release", INTEGER),
)
OBSERVATION_COLUMNS = (
    Column("area"), Column("area_name"), Column("municipality_code", INTEGER),
    Column("municipality_name"), Column("region_code", INTEGER), Column("region_name"),
    *FIGURE_COLUMNS,
)
PLACE_COLUMNS = (Column("place_kind"), Column("place_kind_label"), Column("place_code"),
                 Column("place_name"), *FIGURE_COLUMNS)


def filter_periods(queryset: QuerySet, period: PeriodFilter) -> QuerySet:
    """Exact periods and ranges, and per indicator and dataset the latest or last N years
    (``last`` counts within the periods and ranges asked for, if any)."""
    if period.empty:
        return queryset
    explicit = Q(pk__in=[])
    if period.periods:
        explicit |= Q(period__in=period.periods)
    for start, end in period.ranges:
        # Periods are four-digit years or "unstated"; "u" sorts after every digit.
        explicit |= Q(period__gte=f"{start:04d}", period__lte=f"{end:04d}")
    if period.last:
        within = queryset.filter(explicit) if period.periods or period.ranges else queryset
        return queryset.filter(_last_years(within, period.last))
    if period.latest:
        explicit |= _last_years(queryset, 1)
    return queryset.filter(explicit)


def _last_years(queryset: QuerySet, count: int) -> Q:
    """The ``count`` most recent years of each indicator and dataset in ``queryset``."""
    years: dict[tuple, list[str]] = defaultdict(list)
    for indicator_id, dataset, year in (
        queryset.exclude(period=PERIOD_UNSTATED)
        .values_list("indicator_id", "dataset", "period").distinct()
    ):
        years[(indicator_id, dataset)].append(year)
    wanted = Q(pk__in=[])
    for (indicator_id, dataset), found in years.items():
        wanted |= Q(indicator_id=indicator_id, dataset=dataset, period__in=sorted(found)[-count:])
    return wanted


def _filter_common(queryset: QuerySet, query: dict) -> QuerySet:
    if query.get("indicator"):
        queryset = queryset.filter(indicator__code__in=query["indicator"])
    if query.get("dataset"):
        queryset = queryset.filter(dataset__in=query["dataset"])
    if "breakdown" in query:
        queryset = queryset.filter(breakdown__in=query["breakdown"])
    return queryset


def observations(query: dict, release: Release | None) -> QuerySet:
    queryset = _filter_common(Observation.objects.all(), query)
    if query.get("area"):
        queryset = queryset.filter(area__slug__in=query["area"])
    if query.get("municipality"):
        queryset = queryset.filter(area__municipality_code__in=query["municipality"])
    if query.get("region"):
        queryset = queryset.filter(area__region_code__in=query["region"])
    queryset = observations_as_of(queryset, release)
    queryset = filter_periods(queryset, query["period"])
    return queryset.select_related("area", "indicator").order_by(
        "dataset", "area__slug", "indicator__code", "breakdown", "period", "id")


def place_observations(query: dict, release: Release | None) -> QuerySet:
    queryset = _filter_common(PlaceObservation.objects.all(), query)
    if query.get("place_kind"):
        queryset = queryset.filter(place_kind=query["place_kind"])
    if query.get("place_code"):
        queryset = queryset.filter(place_code__in=query["place_code"])
    queryset = filter_periods(as_of(queryset, release), query["period"])
    return queryset.select_related("indicator").order_by(
        "dataset", "place_kind", "place_code", "indicator__code", "breakdown", "period", "id")


def _synthetic_datasets() -> set[str]:
    return set(LoadBatch.objects.filter(synthetic=True).values_list("dataset", flat=True))


def _figure(o, language: str, synthetic: set[str], prefix: str = "") -> dict:
    value, absence = getattr(o, f"{prefix}value"), getattr(o, f"{prefix}absence")
    return {
        "indicator": o.indicator.code, "indicator_label": o.indicator.label(language),
        "period": o.period, "breakdown": breakdown_code(o.breakdown),
        "breakdown_label": breakdown_label(o.breakdown), "dataset": o.dataset,
        "dataset_label": dataset_label(o.dataset, o.dataset in synthetic),
        "synthetic": o.dataset in synthetic,
        "value": None if value is None else float(value),
        "absence": absence or None,
        "absence_label": absence_label(absence, language) if absence else None,
        "unit": getattr(o, f"{prefix}unit"), "n_persons": getattr(o, f"{prefix}n_persons"),
        "source": getattr(o, f"{prefix}source"), "note": getattr(o, f"{prefix}note"),
        "release": getattr(o, f"{prefix}batch_id"),
    }


def observation_rows(queryset, language: str) -> Iterator[dict]:
    synthetic = _synthetic_datasets()
    for o in queryset:
        a = o.area
        yield {"area": a.slug, "area_name": a.name, "municipality_code": a.municipality_code,
               "municipality_name": a.municipality_name, "region_code": a.region_code,
               "region_name": a.region_name, **_figure(o, language, synthetic, prefix="r_")}


def place_rows(queryset, language: str, place_names: dict[tuple[str, str], str]) -> Iterator[dict]:
    synthetic = _synthetic_datasets()
    kinds = {"municipality": _("kommune"), "region": _("region"), "country": _("hele landet"),
             "social_housing": _("hele den almene sektor")}
    for o in queryset:
        yield {"place_kind": o.place_kind, "place_kind_label": kinds[o.place_kind],
               "place_code": o.place_code,
               "place_name": place_names.get((o.place_kind, o.place_code), o.place_code),
               **_figure(o, language, synthetic)}


def _units(language: str) -> dict[str, dict]:
    return {i.code: {"label": i.unit, "decimals": i.precision} for i in Indicator.objects.all()}


def _common_dimensions() -> tuple[Dimension, ...]:
    return (
        Dimension("indicator", "indicator", "indicator_label", _("Indikator"), "metric"),
        Dimension("breakdown", "breakdown", "breakdown_label", _("Gruppe")),
        Dimension("period", "period", "period", _("Periode"), "time"),
    )


def observation_table(queryset, language: str, release: Release | None) -> Table:
    units = _units(language)
    cube = Cube((Dimension("dataset", "dataset", "dataset_label", _("Datasæt")),
                 Dimension("area", "area", "area_name", _("Område"), "geo"),
                 *_common_dimensions()), unit=lambda code: units.get(code, {}))
    return Table("observations", OBSERVATION_COLUMNS, observation_rows(queryset, language),
                 release, _("Tal for boligområder"), cube)


def place_table(queryset, language: str, release: Release | None,
                place_names: dict[tuple[str, str], str]) -> Table:
    units = _units(language)
    cube = Cube((Dimension("dataset", "dataset", "dataset_label", _("Datasæt")),
                 Dimension("place_kind", "place_kind", "place_kind_label", _("Stedtype")),
                 Dimension("place", "place_code", "place_name", _("Sted"), "geo"),
                 *_common_dimensions()), unit=lambda code: units.get(code, {}))
    return Table("place-observations", PLACE_COLUMNS,
                 place_rows(queryset, language, place_names), release,
                 _("Sammenligningstal for kommuner, regioner, landet og den almene sektor"), cube)
