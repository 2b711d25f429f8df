"""The four levels of an area (area, residents, movers, sector): a short summary for the area
page and, on each level's own page, the figures as one small table per indicator.

A level page pivots the long format (indicator x breakdown x period) into one table per
indicator with a row per period and a column per group, so a reader scans years down and
groups across; published and synthetic figures are separate tables, the synthetic ones
labelled. Where the out-movers went (the flows) is paged, FLOWS_PER_PAGE rows at a time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from udsat.domain.observations import PERIOD_UNSTATED
from udsat.web.areas.breakdowns import breakdown_label
from udsat.web.data.models import Area, Flow, Indicator, Observation

# level code -> (URL slug, heading). The slugs are Danish in both languages, like every
# data URL of the site.
LEVELS = {
    "area": ("omraadet", _("1. Området")),
    "residents": ("beboerne", _("2. Beboerne")),
    "movers": ("fraflytterne", _("3. De beboere, der flytter")),
    "sector": ("sektoren", _("4. Resten af den almene sektor")),
}
LEVEL_BY_SLUG = {slug: code for code, (slug, _label) in LEVELS.items()}
FLOWS_PER_PAGE = 50


@dataclass
class IndicatorTable:
    """One indicator's figures in one dataset: periods down, groups (breakdowns) across."""

    indicator: Indicator
    label: str
    dataset: str
    groups: list[str]  # breakdown slugs, "" (everyone) first
    rows: list[tuple[str, list[Observation | None]]]  # (period, one cell per group)
    csv_url: str

    @property
    def synthetic(self) -> bool:
        return self.dataset == "synthetic"

    @property
    def group_labels(self) -> list[str]:
        return [breakdown_label(g) for g in self.groups]


@dataclass
class LevelSummary:
    code: str
    slug: str
    heading: str
    url: str
    indicators: int = 0
    published: int = 0
    synthetic: int = 0
    suppressed: int = 0
    first_period: str = ""
    last_period: str = ""
    flows: int = 0
    labels: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.indicators or self.flows)


def _period_key(period: str) -> tuple[int, str]:
    # "unstated" first: a dated figure is the newer one we can vouch for.
    return (0, period) if period == PERIOD_UNSTATED else (1, period)


def level_summaries(area: Area, language: str) -> list[LevelSummary]:
    """Per level: how many indicators have figures, for which years, and how many are hidden."""
    summaries = {
        code: LevelSummary(code, slug, str(heading),
                           reverse("area-level", args=[area.slug, slug]))
        for code, (slug, heading) in LEVELS.items()
    }
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    periods: dict[str, set[str]] = defaultdict(set)
    rows = (Observation.objects.filter(area=area)
            .values_list("indicator__level", "indicator__code", "indicator__label_da",
                         "indicator__label_en", "dataset", "period", "absence"))
    for level, code, label_da, label_en, dataset, period, absence in rows:
        summary = summaries.get(level)
        if summary is None:
            continue
        if (code, dataset) not in seen[level]:
            seen[level].add((code, dataset))
            if dataset == "synthetic":
                summary.synthetic += 1
            else:
                summary.published += 1
            label = label_en if language == "en" else label_da
            if label not in summary.labels:
                summary.labels.append(label)
        if absence == "suppressed":
            summary.suppressed += 1
        if period != PERIOD_UNSTATED:
            periods[level].add(period)
    for level, summary in summaries.items():
        summary.indicators = len({code for code, _d in seen[level]})
        if periods[level]:
            summary.first_period, summary.last_period = min(periods[level]), max(periods[level])
    summaries["sector"].flows = Flow.objects.filter(origin=area).count()
    return list(summaries.values())


def indicator_tables(area: Area, level: str, language: str) -> list[IndicatorTable]:
    """The level's figures, one table per indicator and dataset, published ones first."""
    observations = (
        Observation.objects.filter(area=area, indicator__level=level)
        .select_related("indicator").order_by("indicator__theme", "indicator__code")
    )
    cells: dict[tuple[str, str], dict[tuple[str, str], Observation]] = defaultdict(dict)
    indicators: dict[str, Indicator] = {}
    for o in observations:
        indicators[o.indicator.code] = o.indicator
        cells[(o.dataset, o.indicator.code)][(o.period, o.breakdown)] = o
    tables = []
    for (dataset, code), found in cells.items():
        groups = sorted({b for _p, b in found}, key=lambda b: (b != "", b))
        periods = sorted({p for p, _b in found}, key=_period_key)
        rows = [(p, [found.get((p, g)) for g in groups]) for p in periods]
        indicator = indicators[code]
        csv_url = reverse("area-indicator-csv", args=[area.slug, code]) + f"?datasaet={dataset}"
        tables.append(IndicatorTable(indicator, indicator.label(language), dataset, groups,
                                     rows, csv_url))
    tables.sort(key=lambda t: (t.synthetic, t.indicator.theme, t.indicator.code))
    return tables


def flow_page(area: Area, number: str | int | None) -> Page:
    """One page of where the area's out-movers went (suppressed cells stay suppressed)."""
    flows = (Flow.objects.filter(origin=area).select_related("destination")
             .order_by("dataset", "year", "destination_kind", "move_type", "id"))
    return Paginator(flows, FLOWS_PER_PAGE).get_page(number)
