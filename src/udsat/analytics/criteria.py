"""The statutory criterion measures of each rule version, from the level-1 yearly counts.

``sql/criterion_counts.sql`` counts numerators and denominators per area, region and year;
this module turns them into each rule version's measures (its age bands, its averaging
window, the national conviction average, the regional income of the same group) and hands
them to ``udsat.domain.classification``. How the ministry counts is data, in each rule file's
``[counting]`` table, never a constant here: how unknown and foreign education count, and
which data years stand behind the list of a year.

Averaging: "opgjort som gennemsnittet over de seneste 2 (4) år" is read as the mean of the
yearly shares of the k years the rule file's data years name; a window with a missing year
gives no measure (the classification then says which input is missing).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from udsat.domain.classification import Classification, Measures
from udsat.domain.criteria import Counting, RuleVersion, rule_version_for_year, rule_versions
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
# (unknown education, foreign education) as the rule file's [counting] treats them ->
# (numerator, denominator) of the basic-education share in sql/criterion_counts.sql.
EDUCATION_COUNTS = {
    ("basic", "own_level"): ("basic_incl_unknown", "n_30_59"),
    ("basic", "basic"): ("basic_or_foreign", "n_30_59"),
    ("excluded", "excluded"): ("basic_danish", "n_30_59_danish"),
}


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
    basic_or_foreign: int
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


def _education_pair(counting: Counting | None, file: str) -> tuple[str, str]:
    treatment = (counting.unknown_education, counting.foreign_education) if counting else None
    if treatment not in EDUCATION_COUNTS:
        raise ValueError(f"{file}: [counting] education treatment {treatment} has no count in "
                         f"sql/criterion_counts.sql; counted: {sorted(EDUCATION_COUNTS)}")
    return EDUCATION_COUNTS[treatment]


def check_bands(versions: Iterable[RuleVersion] | None = None) -> None:
    """Fail loudly if a rule version uses an age band or an education treatment the counting
    query does not count."""
    for version in versions or rule_versions():
        _education_pair(version.counting, version.file)
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
        """The measures of data year ``year``: its population and the averaging windows that
        end with it (the yearly indicator series)."""
        return self._measures(area, year, year, rules)

    def list_measures(self, area: str, list_year: int, rules: RuleVersion) -> Measures | None:
        """The measures behind the list of ``list_year``: the data years the rule file's
        [counting] names (the population of one year, the registers up to another)."""
        population = rules.data_years(list_year, "nonwestern_pct")[-1]
        register = rules.data_years(list_year, "income_pct_of_region")[-1]
        return self._measures(area, population, register, rules)

    def _measures(self, area: str, population_year: int, register_year: int,
                  rules: RuleVersion) -> Measures | None:
        now = self.areas.get((area, population_year))
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
            self.areas, lambda y: (area, y), register_year, k, outside)
        k = years.get("convicted_pct", 1)
        values["convicted_pct"], base["convicted_pct"] = self._window(
            self.areas, lambda y: (area, y), register_year, k, convicted)
        national, _ = self._window(self.country, lambda y: y, register_year, k, convicted)
        if national is not None and national <= 0:
            # No conviction in the whole population (a toy data set): there is no average to
            # take a multiple of; the criterion is unknown, and the classification says so.
            national = None
        numerator, denominator = _education_pair(rules.counting, rules.file)
        values["basic_edu_pct"] = _pct(getattr(now, numerator), getattr(now, denominator))
        base["basic_edu_pct"] = getattr(now, denominator)
        earned = self.areas.get((area, register_year))
        region = self.regions.get((self.area_region.get(area, 0), register_year))
        area_mean = earned.income_mean if earned else None
        region_mean = region.income_mean if region else None
        values["income_pct_of_region"] = (
            area_mean * 100 / region_mean if area_mean is not None and region_mean else None)
        if earned is not None:
            base["income_pct_of_region"] = earned.n_income
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
            # The data years behind the list of ``year``: the rule file's [counting].
            found = tables.list_measures(area, year, rule_version_for_year(year))
            if found is not None:
                measures[year] = found
        for year, result in classify_run(measures).items():
            results[(area, year)] = result
    return results
