"""Are there more vulnerable areas? The number of areas on each statutory list per year.

Read from the packaged ``reference/list_sizes.csv`` (the published count per list and year,
with its source). Series follow the status code, not the term, so "ghettoområde" (to 2020)
and "parallelsamfund" (from 2021) are one line, named with both terms.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from udsat.domain.catalogue import default_catalogue
from udsat.domain.statuses import STATUSES, official_term
from udsat.web.charts import Chart, Point, line_chart

COUNTS_FILE = "reference/list_sizes.csv"
SERIES_LABELS = {
    "vulnerable": _("Udsatte boligområder"),
    "segregated": _("Ghettoområder / parallelsamfund"),
    "transformation": _("Hårde ghettoområder / omdannelsesområder"),
    "prevention": _("Forebyggelsesområder"),
}


@dataclass(frozen=True)
class ListCount:
    year: int
    status: str  # code name (domain.statuses)
    term: str  # the official term of that year
    count: int
    source_url: str


@functools.cache
def list_counts() -> tuple[ListCount, ...]:
    path = default_catalogue().root / COUNTS_FILE
    rows = []
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                year, status = int(row["year"]), row["list"]
                term = official_term(status, year)
                if term is None:
                    raise ValueError(f"no {status!r} list in {year}")
                rows.append(ListCount(year, status, term, int(row["count"]), row["source_url"]))
            except ValueError as error:
                raise ValueError(f"{COUNTS_FILE}, row {line}, column list/count: {error}") from error
    return tuple(sorted(rows, key=lambda r: (r.year, STATUSES.index(r.status))))


def list_counts_chart(language: str) -> Chart:
    """Areas per list and year: a line per status, the table beneath, a CSV download."""
    counts = list_counts()
    points = [Point(str(SERIES_LABELS[c.status]), str(c.year), Decimal(c.count))
              for c in counts]
    # Same order as the legend reads: from the widest list to the narrowest.
    order = ("vulnerable", "prevention", "segregated", "transformation")
    rank = {str(SERIES_LABELS[s]): i for i, s in enumerate(order)}
    points.sort(key=lambda p: rank[p.series])
    return line_chart("list-counts", str(_("Antal områder på listerne pr. 1. december")), points,
                      "count", 0, language, reverse("list-counts-csv"))
