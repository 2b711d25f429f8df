"""classify_areas carries each year's settled statuses into the next year's history."""

from udsat.analytics.criteria import CountTables, YearCounts, classify_areas
from udsat.domain.criteria import rule_version
from udsat.domain.statuses import SEGREGATED, TRANSFORMATION


def _counts(income_sum: float, convicted: int) -> YearCounts:
    # 2,000 residents; 80 % non-Western (1,600); 60 % of 1,000 aged 18-64 outside work or
    # education; `convicted` of 1,500 adults; 80 % of 500 aged 30-59 with basic education only.
    return YearCounts(
        residents=2000, nonwestern=1600, n_18_64=1000, outside_work_edu=600, n_18plus=1500,
        convicted=convicted, n_30_59=500, basic_incl_unknown=400, basic_or_foreign=400,
        n_30_59_danish=500, basic_danish=400, n_income=1000, income_sum=income_sum,
    )


def test_a_run_of_ghetto_years_makes_a_transformation_area_once_the_run_is_complete():
    years = range(2014, 2021)
    # Area: 10 % convicted, mean income 100,000; region and country: 1 % convicted, mean
    # income 250,000 (so the area's income is 40 % of the region's). Every criterion holds.
    area = {("a", y): _counts(1000 * 100_000.0, 150) for y in years}
    region = {(1084, y): _counts(1000 * 250_000.0, 15) for y in years}
    country = {y: _counts(1000 * 250_000.0, 15) for y in years}
    results = classify_areas(CountTables(area, region, country, {"a": 1084}))
    # Data begin in 2014. A list reads the population of its year and the registers of the two
    # years before it ([counting] register_year = -1). The 2014 list (2013 rules, 3 of 5) has
    # non-Western and basic education but no register year (2012-2013): 2 met, 3 unknown,
    # undecided. The 2015 list has income (2014) too: 3 of 5, a ghetto area, although outside
    # work and convictions (2013-2014) are unknown.
    assert results[("a", 2014)].insufficient
    assert results[("a", 2015)].statuses == {SEGREGATED}
    # The 2018 list looks back at 2014-2017: 2014 is undecided, so its hard status is too,
    # while the ghetto status holds.
    assert results[("a", 2018)].insufficient
    assert SEGREGATED in results[("a", 2018)].statuses
    # The 2020 list looks back at 2016-2019, all known once the undecided years' ghetto status
    # is kept as history: a transformation area ("hårdt ghettoområde" on the 2020 list).
    final = results[("a", 2020)]
    assert not final.insufficient
    assert TRANSFORMATION in final.statuses
    assert "hårdt ghettoområde" in final.terms


def test_a_list_reads_the_population_of_its_year_and_the_registers_of_the_years_before():
    # 2018 rules ([counting]: population t, registers up to t - 1, two-year averages).
    # Outside work 60 % in 2017, 40 % in 2018, 0 % in 2019 (of 1,000 aged 18-64); residents
    # 2,000 in 2019 and 3,000 before.
    def counts(year):
        residents = 2000 if year == 2019 else 3000
        outside = {2017: 600, 2018: 400, 2019: 0}[year]
        return YearCounts(residents=residents, nonwestern=1600, n_18_64=1000,
                          outside_work_edu=outside, n_18plus=1500, convicted=15, n_30_59=500,
                          basic_incl_unknown=400, basic_or_foreign=450, n_30_59_danish=400,
                          basic_danish=300, n_income=1000, income_sum=1000 * 100_000.0 * year / 2019)
    years = (2017, 2018, 2019)
    tables = CountTables({("a", y): counts(y) for y in years}, {(1084, y): counts(y) for y in years},
                         {y: counts(y) for y in years}, {"a": 1084})
    measures = tables.list_measures("a", 2019, rule_version("2018"))
    assert measures.residents == 2000  # 1 January 2019
    assert measures.outside_work_edu_pct == 50  # (60 + 40) / 2: 2017 and 2018, not 2019
    # Unknown and foreign education as basic (2018 [counting]): 450 of all 500 aged 30-59.
    assert measures.basic_edu_pct == 90
    # Under the 2013 rules foreign education counts at its own level: 400 of 500.
    assert tables.list_measures("a", 2019, rule_version("2013")).basic_edu_pct == 80


def test_a_country_without_convictions_leaves_the_conviction_criterion_unknown():
    # Nobody convicted anywhere (a toy data set): 3 x 0 % would be met by any conviction, so
    # there is no national average to compare with; the measure is missing, not 0.
    years = (2017, 2018, 2019)
    area = {("a", y): _counts(1000 * 100_000.0, 0) for y in years}
    region = {(1084, y): _counts(1000 * 250_000.0, 0) for y in years}
    country = {y: _counts(1000 * 250_000.0, 0) for y in years}
    tables = CountTables(area, region, country, {"a": 1084})
    assert tables.list_measures("a", 2019, rule_version("2018")).national_convicted_pct is None
    assert classify_areas(tables)[("a", 2019)].result("convicted").met is None
