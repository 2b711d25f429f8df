"""Every criterion of every rule version at, just above and just below its threshold.

The statute's words decide: "overstiger" (greater) is not met AT the threshold, "udgør
mindst" (at least) is, "mindre end" (less) is not. Values are two-decimal Decimals.
"""

from decimal import Decimal as D

import pytest

from udsat.domain.classification import Measures, classify
from udsat.domain.criteria import rule_version

# (version, criterion, measure, threshold, comparison)
CRITERIA = [
    ("2010", "nonwestern", "nonwestern_pct", "50", "greater"),
    ("2010", "outside_work_edu", "outside_work_edu_pct", "40", "greater"),
    ("2010", "convicted", "convicted_pct", "2.70", "greater"),  # > 270 per 10,000 aged 18+
    ("2013", "nonwestern", "nonwestern_pct", "50", "greater"),
    ("2013", "outside_work_edu", "outside_work_edu_pct", "40", "greater"),
    ("2013", "convicted", "convicted_pct", "2.70", "greater"),
    ("2013", "basic_edu", "basic_edu_pct", "50", "greater"),
    ("2013", "income", "income_pct_of_region", "55", "less"),
    ("2018", "outside_work_edu", "outside_work_edu_pct", "40", "greater"),
    ("2018", "convicted", "convicted_pct", "2.10", "at_least"),  # 3 x national 0.70
    ("2018", "basic_edu", "basic_edu_pct", "60", "greater"),
    ("2018", "income", "income_pct_of_region", "55", "less"),
    ("2018", "nonwestern", "nonwestern_pct", "50", "greater"),
    ("2021", "outside_work_edu", "outside_work_edu_pct", "40", "greater"),
    ("2021", "convicted", "convicted_pct", "2.10", "at_least"),  # 3 x 0.70
    ("2021", "basic_edu", "basic_edu_pct", "60", "greater"),
    ("2021", "income", "income_pct_of_region", "55", "less"),
    ("2021", "nonwestern", "nonwestern_pct", "50", "greater"),
    ("2021", "nonwestern_prevention", "nonwestern_pct", "30", "greater"),
    ("2021", "outside_work_edu_prevention", "outside_work_edu_pct", "30", "greater"),
    ("2021", "convicted_prevention", "convicted_pct", "1.40", "at_least"),  # 2 x 0.70
    ("2021", "income_prevention", "income_pct_of_region", "65", "less"),
]
# expected "met" at (threshold - 0.01, threshold, threshold + 0.01)
EXPECTED = {
    "greater": (False, False, True),
    "at_least": (False, True, True),
    "less": (True, False, False),
}


@pytest.mark.parametrize(("version", "criterion", "measure", "threshold", "comparison"), CRITERIA)
def test_criterion_below_at_and_above_its_threshold(version, criterion, measure, threshold, comparison):
    rules = rule_version(version)
    assert rules.criterion(criterion).comparison == comparison
    results = []
    for delta in (D("-0.01"), D("0"), D("0.01")):
        value = D(threshold) + delta
        measures = Measures(residents=1000, national_convicted_pct=D("0.70"), **{measure: value})
        result = classify(2015, measures, rules=rules).result(criterion)
        assert result.threshold == D(threshold)
        assert result.margin == delta
        results.append(result.met)
    assert tuple(results) == EXPECTED[comparison]


def test_three_times_a_two_decimal_national_average_is_compared_exactly():
    # 3 x 0.70 = 2.10 exactly; in binary floating point 3 * 0.7 = 2.0999999999999996.
    measures = Measures(convicted_pct=D("2.10"), national_convicted_pct=D("0.70"))
    assert classify(2019, measures).result("convicted").met is True
    # 3 x 0.73 = 2.19: 2.19 meets "mindst", 2.18 does not.
    for value, met in (("2.19", True), ("2.18", False)):
        measures = Measures(convicted_pct=D(value), national_convicted_pct=D("0.73"))
        assert classify(2021, measures).result("convicted").met is met


def test_the_multiple_is_unknown_without_the_national_average():
    result = classify(2019, Measures(convicted_pct=D("5.00"))).result("convicted")
    assert (result.met, result.threshold) == (None, None)


@pytest.mark.parametrize("year", [2010, 2015, 2019, 2023])
@pytest.mark.parametrize(("residents", "listed"), [(999, False), (1000, True)])
def test_an_area_needs_at_least_1000_residents(year, residents, listed):
    # Every criterion of every version met by far.
    measures = Measures(
        residents=residents, nonwestern_pct=D("80"), outside_work_edu_pct=D("60"),
        convicted_pct=D("5"), national_convicted_pct=D("0.70"), basic_edu_pct=D("80"),
        income_pct_of_region=D("40"),
    )
    on_no_list = {earlier: frozenset() for earlier in range(2010, year)}
    result = classify(year, measures, history=on_no_list)
    assert result.result("residents").met is listed
    assert ("segregated" in result.statuses) is listed
    assert not result.insufficient


def test_floats_from_a_caller_are_compared_as_the_decimals_they_print_as():
    # 3 * 0.7 is 2.0999999999999996 in floats; as decimals 3 x 0.7 = 2.1, which 2.1 meets.
    result = classify(2019, Measures(convicted_pct=2.1, national_convicted_pct=0.7)).result("convicted")
    assert (result.met, result.threshold) == (True, D("2.1"))


@pytest.mark.parametrize("national", [D("0"), D("-0.1")])
def test_a_national_conviction_share_of_zero_or_less_is_refused(national):
    # 3 x 0 = 0: any area with a single conviction would meet "mindst 3 gange
    # landsgennemsnittet"; a non-positive reference is a data error, refused by name.
    measures = Measures(residents=1500, convicted_pct=D("0.5"), national_convicted_pct=national)
    with pytest.raises(ValueError, match="national_convicted_pct must be positive"):
        classify(2019, measures)
