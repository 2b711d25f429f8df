"""An area's list history: one summary per list year from published and computed rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from udsat.domain.statuses import headline_status, official_term, ordered_terms

# Which origin names a year's summary: a list read in a source beats one rebuilt from
# neighbouring lists; a computed status never replaces a published one.
ORIGIN_PRIORITY = ("official", "derived", "computed")
PUBLISHED_ORIGINS = ("official", "derived")


@dataclass(frozen=True)
class StatusRow:
    year: int
    status: str  # a code name from domain.statuses, or "" for a published exit
    origin: str
    note: str = ""
    source_url: str = ""


@dataclass(frozen=True)
class YearSummary:
    year: int
    statuses: frozenset[str]
    origin: str | None  # None: no source says anything about this year
    left: bool
    notes: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def known(self) -> bool:
        return self.origin is not None

    @property
    def terms(self) -> list[str]:
        return ordered_terms(self.statuses, self.year)

    @property
    def headline(self) -> str | None:
        status = headline_status(self.statuses)
        return official_term(status, self.year) if status else None

    @property
    def headline_status(self) -> str | None:
        return headline_status(self.statuses)


def summarise_years(rows: Iterable[StatusRow], years: Iterable[int]) -> list[YearSummary]:
    """One summary per year from the rows that describe it.

    A source that names one list says nothing about the others (a news item about the
    parallelsamfund list does not deny that the area is also an omdannelsesområde), so the
    statuses that published sources (official and rebuilt lists) give for a year are joined.
    An exit recorded in an official source wins over a rebuilt list that still names a status.
    Computed statuses are used only for a year no published source describes.
    """
    by_year: dict[int, list[StatusRow]] = {}
    for row in rows:
        by_year.setdefault(row.year, []).append(row)
    summaries = []
    for year in years:
        year_rows = by_year.get(year, [])
        origin = next(
            (o for o in ORIGIN_PRIORITY if any(r.origin == o for r in year_rows)), None
        )
        chosen = _rows_that_decide(year_rows, origin)
        statuses = frozenset(r.status for r in chosen if r.status)
        summaries.append(
            YearSummary(
                year=year,
                statuses=statuses,
                origin=origin,
                left=bool(chosen) and not statuses,
                notes=tuple(dict.fromkeys(r.note for r in chosen if r.note)),
                sources=tuple(
                    dict.fromkeys(
                        url.strip() for r in chosen for url in r.source_url.split("|") if url.strip()
                    )
                ),
            )
        )
    return summaries


def _rows_that_decide(year_rows: list[StatusRow], origin: str | None) -> list[StatusRow]:
    if origin not in PUBLISHED_ORIGINS:
        return [r for r in year_rows if r.origin == origin]
    official = [r for r in year_rows if r.origin == "official"]
    if official and not any(r.status for r in official):
        return official  # the official source records an exit
    return [r for r in year_rows if r.origin in PUBLISHED_ORIGINS]
