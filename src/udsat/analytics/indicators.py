"""Catalogue indicators computed straight from their predicates over the person-year schema.

Adding such an indicator is adding a catalogue entry and its id to PREDICATE_INDICATORS: the
SQL is generated from the entry's age band, denominator and numerator. The criterion
measures (analytics/criteria.py) and the derived level 2-4 figures have their own code,
because the statute or the design defines them beyond a single predicate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from udsat.domain.catalogue import Catalogue
from udsat.domain.indicators import Indicator

PREDICATE_INDICATORS = (
    "residents",
    "outside_labour_market_pct",
    "youth_not_in_education_pct",
    "employment_pct",
    "in_education_18_29_pct",
    "beyond_basic_edu_pct",
    "mean_gross_income",
)

# Catalogue indicators that `udsat compute` does not produce, and why. Everything else in the
# catalogue is computed (a test checks a synthetic bundle against this list).
NOT_FROM_MICRODATA = {
    # A share of households: the person-year contract (docs/microdata.md) says which type of
    # household a person lives in but not which household, so households cannot be counted
    # without guessing. The catalogue's source publishes it: `udsat import beboerdata`.
    "single_parent_households_pct": "lbf-beboerdata",
}


@dataclass(frozen=True)
class Figure:
    """One computed figure before disclosure control: its value and the persons behind it."""

    value: Decimal | None
    n_persons: int
    top: tuple[float, ...] = ()  # the largest contributions (a magnitude's dominance)
    total: float | None = None  # the sum behind a mean


def predicate_indicators(catalogue: Catalogue, ids: Sequence[str] = PREDICATE_INDICATORS
                         ) -> tuple[Indicator, ...]:
    found = []
    for indicator_id in ids:
        indicator = catalogue.indicator(indicator_id)
        if indicator is None:
            raise ValueError(f"catalogue has no indicator {indicator_id!r}")
        found.append(indicator)
    return tuple(found)


def _universe(indicator: Indicator) -> str:
    parts = []
    if indicator.age_min is not None:
        parts.append(f"age >= {int(indicator.age_min)}")
    if indicator.age_max is not None:
        parts.append(f"age <= {int(indicator.age_max)}")
    parts.append(f"({indicator.denominator or 'true'})")
    return " AND ".join(parts)


def measures_sql(indicators: Sequence[Indicator]) -> str:
    """Aggregate columns ``<id>__den`` and ``<id>__num`` for a SELECT list (leading comma)."""
    columns = []
    for ind in indicators:
        universe = _universe(ind)
        columns.append(f"count(*) FILTER (WHERE {universe}) AS \"{ind.id}__den\"")
        if ind.unit == "dkk":
            columns.append(f"sum({ind.numerator}) FILTER (WHERE {universe}) AS \"{ind.id}__num\"")
            # The two largest contributions, for the dominance rule (catalogue/disclosure.toml).
            columns.append(f"max({ind.numerator}, 2) FILTER (WHERE {universe}) "
                           f"AS \"{ind.id}__top\"")
        elif ind.unit == "pct":
            columns.append(
                f"count(*) FILTER (WHERE {universe} AND ({ind.numerator})) AS \"{ind.id}__num\""
            )
    return "".join(f",\n    {c}" for c in columns)


def figure(indicator: Indicator, row: Mapping[str, object]) -> Figure:
    """The indicator's value from a row holding its ``__den``/``__num`` aggregates."""
    den = int(row[f"{indicator.id}__den"] or 0)
    if indicator.unit == "persons":
        return Figure(Decimal(den), den)
    if not den:
        return Figure(None, 0)
    num = row[f"{indicator.id}__num"] or 0
    if indicator.unit == "dkk":
        top = tuple(float(v) for v in (row.get(f"{indicator.id}__top") or ()))
        return Figure(Decimal(str(float(num))) / den, den, top, float(num))
    return Figure(Decimal(int(num)) * 100 / den, den)

