"""classify_areas carries each year's settled statuses into the next year's history."""

from udsat.analytics.criteria import CountTables, YearCounts, classify_areas
from udsat.domain.statuses import SEGREGATED, TRANSFORMATION


def _counts(income_sum: float, convicted: int) -> YearCounts:
    # 2,000 residents; 80 % non-Western (1,600); 60 % of 1,000 aged 18-64 outside work or
    # education; `convicted` of 1,500 adults; 80 % of 500 aged 30-59 with basic education only.
    return YearCounts(
        residents=2000, nonwestern=1600, n_18_64=1000, outside_work_edu=600, n_18plus=1500,
        convicted=convicted, n_30_59=500, basic_incl_unknown=400, n_30_59_danish=500,
        basic_danish=400, n_income=1000, income_sum=income_sum,
    )


def test_a_run_of_ghetto_years_makes_a_transformation_area_once_the_run_is_complete():
    years = range(2016, 2021)
    # Area: 10 % convicted, mean income 100,000; region and country: 1 % convicted, mean
    # income 250,000 (so the area's income is 40 % of the region's). Every criterion holds.
    area = {("a", y): _counts(1000 * 100_000.0, 150) for y in years}
    region = {(1084, y): _counts(1000 * 250_000.0, 15) for y in years}
    country = {y: _counts(1000 * 250_000.0, 15) for y in years}
    results = classify_areas(CountTables(area, region, country, {"a": 1084}))
    # Data begin in 2016, so the 2018 and 2019 lists cannot see the whole four-year run
    # (2014-2017, 2015-2018): their hard status is undecided, while the ghetto status holds.
    assert results[("a", 2018)].insufficient
    assert SEGREGATED in results[("a", 2018)].statuses
    # The 2020 list looks back at 2016-2019, all known once the undecided years' ghetto status
    # is kept as history: a transformation area ("hårdt ghettoområde" on the 2020 list).
    final = results[("a", 2020)]
    assert not final.insufficient
    assert TRANSFORMATION in final.statuses
    assert "hårdt ghettoområde" in final.terms
