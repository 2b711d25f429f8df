"""Where an area stands: its list years as the published record gives them, its latest known
standing and the change since 2018. The record is resolved in the domain when the bundle is
built (``udsat.domain.listing``); this module only reads the stored states back."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max

from udsat.domain.listing import (
    PUBLISHED_ORIGINS,
    ListState,
    ListYear,
    first_list_year,
    lists_of_year,
)
from udsat.domain.standing import LEFT, UNKNOWN, change_since, latest_known
from udsat.web.data.models import ListStatus

FIRST_YEAR = 2018  # the list that named the 15 evaluated areas
REFERENCE = "reference"



def _published():
    return ListStatus.objects.filter(dataset=REFERENCE, origin__in=PUBLISHED_ORIGINS)


def latest_list_year() -> int:
    year = _published().aggregate(y=Max("year"))["y"]
    return max(year or FIRST_YEAR, FIRST_YEAR)


def record_years() -> range:
    """Every list year from the first statutory list to the latest the stored record covers."""
    return range(first_list_year(), latest_list_year() + 1)


def states_of(rows) -> dict[str, ListState]:
    return {
        r.status: ListState(r.status, r.on_list, r.origin,
                            tuple(u.strip() for u in r.source_url.split("|") if u.strip()),
                            r.derivation_da, r.derivation_en)
        for r in rows
    }


def histories(area_ids: list[int], years: range) -> dict[int, list[ListYear]]:
    """One ListYear per area and year, from the published (reference) record."""
    rows: dict[tuple[int, int], list[ListStatus]] = {}
    for s in _published().filter(area_id__in=area_ids, year__in=years):
        rows.setdefault((s.area_id, s.year), []).append(s)
    return {
        a: [ListYear(y, lists_of_year(y), states_of(rows.get((a, y), []))) for y in years]
        for a in area_ids
    }


@dataclass(frozen=True)
class Standing:
    start: ListYear | None  # the 2018 list
    latest: ListYear | None  # the newest list that says where the area stands
    change: str

    @property
    def current_status(self) -> str:
        """A filter key: the latest headline status code, 'left' or 'unknown'."""
        if self.latest is None:
            return UNKNOWN
        if self.latest.headline_status:
            return self.latest.headline_status
        return LEFT if self.latest.on_no_list else UNKNOWN


def standing(years: list[ListYear]) -> Standing:
    start = next((s for s in years if s.year == FIRST_YEAR and s.known), None)
    latest = latest_known(years)
    return Standing(start, latest, change_since(start, latest))
