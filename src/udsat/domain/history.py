"""An area's list history: one summary per list year from published and computed rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from udsat.domain.statuses import headline_status, official_term, ordered_terms

# Which origin wins when several describe the same year: a list read in a source beats one
# rebuilt from neighbouring lists; a computed status never replaces a published one.
ORIGIN_PRIORITY = ("official", "derived", "computed")


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
    """One summary per year; the highest-priority origin that says anything decides."""
    by_year: dict[int, list[StatusRow]] = {}
    for row in rows:
        by_year.setdefault(row.year, []).append(row)
    summaries = []
    for year in years:
        year_rows = by_year.get(year, [])
        origin = next(
            (o for o in ORIGIN_PRIORITY if any(r.origin == o for r in year_rows)), None
        )
        chosen = [r for r in year_rows if r.origin == origin]
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
