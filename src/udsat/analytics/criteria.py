"""The statutory criterion measures of each rule version, from the level-1 yearly counts.

``sql/criterion_counts.sql`` counts numerators and denominators per area, region and year; this module turns them into each rule version's measures (its age bands, its averaging
window, the national conviction average, the regional income of the same group, education
"unknown" as the version says) and hands them to ``udsat.domain.classification``.

Averaging: "opgjort som gennemsnittet over de seneste 2 (4) år" is read as the mean of the
yearly shares of the last k years, the list year included; a window with a missing year
gives no measure (the classification then says which input is missing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from udsat.domain.classification import Classification, Measures
from udsat.domain.criteria import RuleVersion, rule_version_for_year, rule_versions
from udsat.domain.listing import classify_run, lists_of_year

# The age bands criterion_counts.sql counts; a rule version needing another band must
# extend that query first.
COUNTED_BANDS = {
    "outside_work_edu_pct": "18-64",
    "convicted_pct": "18+",
    "basic_edu_pct": "30-59",
    "income_pct_of_region": "15-64",
    "nonwestern_pct": "",
}
# L 38 (2018-19) counts only education taken or approved in Denmark; before it (L 45,
# 2013-14) the ministry counted "uoplyst" (unknown) education as basic schooling.
DANISH_EDUCATION_FROM = dt.date(2018, 12, 1)


@dataclass(frozen=True)
class YearCounts:
    """The yearly numerators and denominators of one place (a row of criterion_counts)."""

    residents: int
    nonwestern: int
    n_18_64: int
    outside_work_edu: int
    n_18plus: int
    convicted: int
    n_30_59: int
    basic_incl_unknown: int
    n_30_59_danish: int
    basic_danish: int
    n_income: int
    income_sum: float

    @classmethod
    def from_row(cls, row: Mapping[str, object]) -> YearCounts:
        values = {name: row[name] or 0 for name in cls.__dataclass_fields__}
        values["income_sum"] = float(values["income_sum"])
        return cls(**{k: (v if k == "income_sum" else int(v)) for k, v in values.items()})

    @property
    def income_mean(self) -> Decimal | None:
        return Decimal(str(self.income_sum)) / self.n_income if self.n_income else None


def check_bands(versions: Iterable[RuleVersion] | None = None) -> None:
    """Fail loudly if a rule version uses an age band the counting query does not count."""
    for version in versions or rule_versions():
        for criterion in version.criteria:
            band = COUNTED_BANDS.get(criterion.measure)
            if band is not None and criterion.age_band and criterion.age_band != band:
                raise ValueError(
                    f"{version.file}: criterion {criterion.id} uses age band "
                    f"{criterion.age_band}; sql/criterion_counts.sql counts {band}"
                )


def _pct(numerator: int, denominator: int) -> Decimal | None:
    return Decimal(numerator) * 100 / denominator if denominator else None


@dataclass(frozen=True)
class CountTables:
    """Yearly counts by area, by region and for the country."""

    areas: Mapping[tuple[str, int], YearCounts]
    regions: Mapping[tuple[int, int], YearCounts]
    country: Mapping[int, YearCounts]
    area_region: Mapping[str, int]

    def _window(self, counts: Mapping, key, year: int, years: int, measure) -> tuple:
        """Mean of the yearly shares over the window, and the smallest denominator."""
        shares, persons = [], []
        for y in range(year - years + 1, year + 1):
            found = counts.get(key(y))
            value = measure(found) if found else None
            if value is None:
                return None, None
            shares.append(value[0])
            persons.append(value[1])
        return sum(shares) / len(shares), min(persons)

    def measures(self, area: str, year: int, rules: RuleVersion) -> Measures | None:
        now = self.areas.get((area, year))
        if now is None:
            return None
        years = {c.measure: c.years_averaged or 1 for c in rules.criteria}
        base: dict[str, int] = {"nonwestern_pct": now.residents}
        values: dict[str, Decimal | None] = {"nonwestern_pct": _pct(now.nonwestern, now.residents)}

        def outside(c: YearCounts):
            v = _pct(c.outside_work_edu, c.n_18_64)
            return None if v is None else (v, c.n_18_64)

        def convicted(c: YearCounts):
            v = _pct(c.convicted, c.n_18plus)
            return None if v is None else (v, c.n_18plus)

        k = years.get("outside_work_edu_pct", 1)
        values["outside_work_edu_pct"], base["outside_work_edu_pct"] = self._window(
            self.areas, lambda y: (area, y), year, k, outside)
        k = years.get("convicted_pct", 1)
        values["convicted_pct"], base["convicted_pct"] = self._window(
            self.areas, lambda y: (area, y), year, k, convicted)
        national, _ = self._window(self.country, lambda y: y, year, k, convicted)
        if rules.effective_from >= DANISH_EDUCATION_FROM:
            values["basic_edu_pct"] = _pct(now.basic_danish, now.n_30_59_danish)
            base["basic_edu_pct"] = now.n_30_59_danish
        else:
            values["basic_edu_pct"] = _pct(now.basic_incl_unknown, now.n_30_59)
            base["basic_edu_pct"] = now.n_30_59
        region = self.regions.get((self.area_region.get(area, 0), year))
        area_mean, region_mean = now.income_mean, region.income_mean if region else None
        values["income_pct_of_region"] = (
            area_mean * 100 / region_mean if area_mean is not None and region_mean else None)
        base["income_pct_of_region"] = now.n_income
        return Measures(
            residents=now.residents, national_convicted_pct=national,
            base_persons={k: v for k, v in base.items() if v is not None},
            **values,
        )

    def national_convicted(self, year: int, years: int = 2) -> tuple[Decimal | None, int | None]:
        def convicted(c: YearCounts):
            v = _pct(c.convicted, c.n_18plus)
            return None if v is None else (v, c.n_18plus)

        return self._window(self.country, lambda y: y, year, years, convicted)


def classify_areas(tables: CountTables) -> dict[tuple[str, int], Classification]:
    """Classify every area-year under the rules in force on its list date, in year order
    (``domain.listing.classify_run``: settled statuses carried forward as history)."""
    check_bands()
    results: dict[tuple[str, int], Classification] = {}
    for area in sorted({a for a, _ in tables.areas}):
        measures = {}
        for year in sorted(y for a, y in tables.areas if a == area):
            if not lists_of_year(year):
                continue  # no list that year (before the first statutory list)
            found = tables.measures(area, year, rule_version_for_year(year))
            if found is not None:
                measures[year] = found
        for year, result in classify_run(measures).items():
            results[(area, year)] = result
    return results
