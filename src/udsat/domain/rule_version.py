"""The shape of a rule version of the statutory lists: criteria, statuses, amendments.

Loaded and validated from ``catalogue/criteria/*.toml`` by ``udsat.domain.criteria``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

# The statute's wording decides the comparison: "overstiger" is strictly greater, "udgør
# mindst" greater or equal, "mindre end" strictly less.
COMPARISONS = {"greater": ">", "at_least": "≥", "less": "<"}
MEASURES = (
    "nonwestern_pct",
    "outside_work_edu_pct",
    "convicted_pct",
    "basic_edu_pct",
    "income_pct_of_region",
)
REFERENCES = ("national_convicted_pct",)
# Measures from calendar-year registers (work, convictions, income); the others describe the
# population on 1 January.
REGISTER_MEASURES = ("outside_work_edu_pct", "convicted_pct", "national_convicted_pct",
                     "income_pct_of_region")
# How a resident aged 30-59 whose education is unknown ("uoplyst") or was taken abroad and not
# approved in Denmark is counted in the basic-education share: as having basic education only,
# at the level of the foreign education ("own_level"), or left out of the share ("excluded").
EDUCATION_TREATMENTS = {
    "unknown_education": ("basic", "excluded"),
    "foreign_education": ("basic", "own_level", "excluded"),
}


@dataclass(frozen=True)
class Counting:
    """How the ministry counts the measures behind a list (not the statute's words but its
    practice), each choice with its source; see ``catalogue/criteria/*.toml`` [counting]."""

    unknown_education: str
    foreign_education: str
    education_source: str
    # Data years behind the list of 1 December t, as offsets from t: the population (residents,
    # non-Western share, education) on 1 January of t + population_year; the calendar-year
    # registers (work, convictions, income) up to t + register_year, the averaged measures
    # ending with that year.
    population_year: int
    register_year: int
    data_years_source: str
    # Where the registers cannot give the ministry's exact measure: said, never hidden.
    deviations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Criterion:
    id: str
    measure: str
    comparison: str  # a key of COMPARISONS
    threshold: Decimal | None  # an absolute threshold, or None when relative to a reference
    factor: Decimal | None  # the multiple of ``reference`` (e.g. 3 x national average)
    reference: str | None
    wording_da: str
    statute: str
    age_band: str = ""
    years_averaged: int | None = None

    @property
    def symbol(self) -> str:
        return COMPARISONS[self.comparison]


@dataclass(frozen=True)
class Transitional:
    first_list_year: int
    last_list_year: int
    history_years: int


@dataclass(frozen=True)
class StatusRule:
    code: str
    legal_reference: str
    min_criteria: int | None = None
    of: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    within: str | None = None
    excludes: tuple[str, ...] = ()
    history_status: str | None = None
    history_years: int | None = None
    transitional: tuple[Transitional, ...] = ()

    def history_years_for(self, year: int) -> int | None:
        """Years the history rule looks back over on the list of ``year`` (list year included)."""
        for rule in self.transitional:
            if rule.first_list_year <= year <= rule.last_list_year:
                return rule.history_years
        return self.history_years


@dataclass(frozen=True)
class Amendment:
    """A change that defines no list status but rules for areas that left a status."""

    name: str
    title_da: str
    title_en: str
    effective_from: dt.date
    legal_reference: str
    sources: tuple[str, ...]
    former_status: str
    plan_deadline: dt.date
    letting_clear_years: int
    letting_clear_of: tuple[str, ...]
    notes: tuple[str, ...]
    file: str


@dataclass(frozen=True)
class RuleVersion:
    name: str
    title_da: str
    title_en: str
    effective_from: dt.date
    effective_to: dt.date | None
    list_month: int
    list_day: int
    first_list_year: int
    last_list_year: int | None
    legal_reference: str
    citation: str  # short and language-neutral, for explanations
    sources: tuple[str, ...]
    minimum_residents: int
    criteria: tuple[Criterion, ...]
    statuses: tuple[StatusRule, ...]
    notes: tuple[str, ...]
    file: str
    amendments: tuple[Amendment, ...] = ()
    counting: Counting | None = None

    def data_years(self, year: int, measure: str) -> tuple[int, ...]:
        """The data years behind ``measure`` on the list of ``year``, oldest first."""
        if self.counting is None:
            raise ValueError(f"{self.file}: no [counting] table says which data years stand behind a list")
        if measure not in REGISTER_MEASURES:
            return (year + self.counting.population_year,)
        own = "convicted_pct" if measure == "national_convicted_pct" else measure
        span = max((c.years_averaged or 1 for c in self.criteria if c.measure == own), default=1)
        last = year + self.counting.register_year
        return tuple(range(last - span + 1, last + 1))

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    def list_date(self, year: int) -> dt.date:
        return dt.date(year, self.list_month, self.list_day)

    def in_force_on(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    def amendment_for(self, year: int) -> Amendment | None:
        day = self.list_date(year)
        return next((a for a in self.amendments if a.effective_from <= day), None)
