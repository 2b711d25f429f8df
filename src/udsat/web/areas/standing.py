"""Where an area stands: its list history, its latest known status and the change since 2018."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max

from udsat.domain.history import StatusRow, YearSummary, summarise_years
from udsat.web.data.models import ListStatus

FIRST_YEAR = 2018  # the list that named the 15 evaluated areas
HISTORY_FROM = 2010
REFERENCE = "reference"

SAME, CHANGED, LEFT, UNKNOWN = "same", "changed", "left", "unknown"


def latest_list_year() -> int:
    year = ListStatus.objects.filter(dataset=REFERENCE).aggregate(y=Max("year"))["y"]
    return max(year or FIRST_YEAR, FIRST_YEAR)


def histories(area_ids: list[int], years: range) -> dict[int, list[YearSummary]]:
    """One summary per area and year, from the published (reference) statuses."""
    rows: dict[int, list[StatusRow]] = {a: [] for a in area_ids}
    statuses = ListStatus.objects.filter(
        dataset=REFERENCE, area_id__in=area_ids, year__in=years
    ).values_list("area_id", "year", "status", "origin", "note", "source_url")
    for area_id, year, status, origin, note, url in statuses:
        rows[area_id].append(StatusRow(year, status, origin, note, url))
    return {a: summarise_years(r, years) for a, r in rows.items()}


@dataclass(frozen=True)
class Standing:
    start: YearSummary | None  # the 2018 list
    latest: YearSummary | None  # the newest list a source says something about
    change: str

    @property
    def current_status(self) -> str:
        """A filter key: the latest headline status code, 'left' or 'unknown'."""
        if self.latest is None:
            return UNKNOWN
        return self.latest.headline_status or LEFT


def standing(summaries: list[YearSummary]) -> Standing:
    start = next((s for s in summaries if s.year == FIRST_YEAR and s.known), None)
    latest = next((s for s in reversed(summaries) if s.known), None)
    if latest is None:
        return Standing(start, None, UNKNOWN)
    if latest.left:
        change = LEFT
    elif start is not None and latest.headline_status == start.headline_status:
        change = SAME
    elif start is None:
        change = UNKNOWN
    else:
        change = CHANGED
    return Standing(start, latest, change)
