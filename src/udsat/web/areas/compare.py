"""One indicator across the 15 areas (or all areas): the rows of the compare table."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Q

from udsat.domain.observations import PERIOD_UNSTATED
from udsat.web.areas.plans import evaluation_order
from udsat.web.data.models import Area, Indicator, Observation


@dataclass
class CompareRow:
    area: Area
    observation: Observation | None  # None: no source gives the figure


@dataclass
class Comparison:
    indicator: Indicator
    dataset: str
    period: str
    periods: list[str]
    rows: list[CompareRow]
    datasets: list[str]

    @property
    def synthetic(self) -> bool:
        return self.dataset == "synthetic"

    @property
    def with_figure(self) -> int:
        """How many of the shown areas have a value (not an absence) for the period."""
        return sum(1 for r in self.rows if r.observation and r.observation.value is not None)


def indicators_with_data() -> list[Indicator]:
    codes = Observation.objects.filter(breakdown="").values_list("indicator__code", flat=True)
    return list(Indicator.objects.filter(code__in=set(codes)).order_by("level", "code"))


def most_complete_indicator(indicators: list[Indicator]) -> Indicator | None:
    """The indicator whose best period has published figures for most of the 15 areas
    (on a tie the first in the list): compare opens on a table that is mostly filled."""
    counts = Counter(
        Observation.objects.filter(
            dataset="reference", breakdown="", value__isnull=False,
            area__evaluated_2018=True, area__synthetic=False,
        ).values_list("indicator__code", "period")
    )
    best: dict[str, int] = {}
    for (code, _period), n in counts.items():
        best[code] = max(best.get(code, 0), n)
    return max(indicators, key=lambda i: best.get(i.code, 0), default=None)


def default_period(periods: Counter) -> str:
    """The period with most figures; on a tie the latest (a dated one before 'unstated')."""
    return max(periods, key=lambda p: (periods[p], p != PERIOD_UNSTATED, p))


def compare(indicator: Indicator, all_areas: bool = False, period: str | None = None,
            dataset: str | None = None) -> Comparison:
    figures = Observation.objects.filter(indicator=indicator, breakdown="")
    datasets = set(figures.values_list("dataset", flat=True))
    # Published figures first; synthetic ones only when asked for or when nothing else exists.
    dataset = dataset if dataset in datasets else ("reference" if "reference" in datasets
                                                  else min(datasets, default="reference"))
    figures = figures.filter(dataset=dataset)
    # Periods ranked by how many figures (not absences) they hold.
    periods = Counter(figures.exclude(value__isnull=True).values_list("period", flat=True))
    for p in figures.values_list("period", flat=True).distinct():
        periods.setdefault(p, 0)
    if period not in periods:
        period = default_period(periods) if periods else PERIOD_UNSTATED
    by_area = {o.area_id: o for o in figures.filter(period=period).select_related("indicator")}
    fifteen = Q(evaluated_2018=True, synthetic=False)
    if all_areas or dataset == "synthetic":
        # Every area with a figure; synthetic data lives on synthetic areas, shown as such.
        areas = list(Area.objects.filter(fifteen | Q(id__in=list(by_area))))
    else:
        areas = list(Area.objects.filter(fifteen))
    order = evaluation_order()
    areas.sort(key=lambda a: (not a.evaluated_2018, order.get(a.slug, len(order)), a.name))
    rows = [CompareRow(a, by_area.get(a.id)) for a in areas]
    return Comparison(indicator, dataset, period, sorted(periods), rows, sorted(datasets))
