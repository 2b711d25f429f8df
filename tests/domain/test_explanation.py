"""Explanations in Danish and English and the smallest single change, counted in persons."""

from decimal import Decimal as D

import pytest

from udsat.domain.change import smallest_change
from udsat.domain.classification import Measures, classify
from udsat.domain.criteria import rule_version
from udsat.domain.explanation import explain, number

NO_LISTS = {y: frozenset() for y in range(2010, 2023)}


def _vulnerable(base: int | None = 1000) -> Measures:
    # 2021 rules: outside work 41.2 % > 40 % and basic education 67.3 % > 60 %: 2 of 4, so
    # udsat boligområde; non-Western 66.4 % > 50 % makes it parallelsamfund.
    return Measures(
        residents=1587, nonwestern_pct=D("66.4"), outside_work_edu_pct=D("41.2"),
        convicted_pct=D("1.62"), national_convicted_pct=D("0.70"), basic_edu_pct=D("67.3"),
        income_pct_of_region=D("58.2"),
        base_persons={"outside_work_edu_pct": base} if base else {},
    )


def test_smallest_change_is_counted_in_persons_where_the_base_is_known():
    change = smallest_change(classify(2022, _vulnerable(), history=NO_LISTS))
    # 41.2 % is a two-year average of about 1,000 persons; "overstiger 40 %" stops at 40.
    # The average must fall 1.2 points, so the latest year alone 2.4 points: 24 persons
    # (12 if the share were of one year only).
    assert (change.criterion, change.persons, change.direction) == ("outside_work_edu", 24, "down")
    assert change.lost == {"vulnerable", "segregated"}
    assert change.gained == {"prevention"}  # still > 30 % outside work and > 30 % non-Western


@pytest.mark.parametrize(
    ("value", "comparison_met", "persons"),
    [
        # Two-year averages (2021 rules), so the latest year alone moves twice as far.
        # 40.00 % of 1,000: not over 40 %; any rise in the latest year takes it over: 1 person.
        ("40.00", False, 1),
        # 40.05 % of 2,000: down to 40 % is 0.05 points, 0.10 in one year = 2 persons.
        ("40.05", True, 2),
        # 45.00 % of 1,000: 5 points, 10 in one year = 100 persons.
        ("45.00", True, 100),
    ],
)
def test_persons_to_cross_the_40_percent_line(value, comparison_met, persons):
    base = 2000 if value == "40.05" else 1000
    measures = Measures(residents=2000, outside_work_edu_pct=D(value), basic_edu_pct=D("70"),
                        convicted_pct=D("0.1"), national_convicted_pct=D("0.70"),
                        income_pct_of_region=D("90"), nonwestern_pct=D("10"),
                        base_persons={"outside_work_edu_pct": base})
    result = classify(2022, measures, history=NO_LISTS)
    assert result.result("outside_work_edu").met is comparison_met
    change = smallest_change(result)
    assert (change.criterion, change.persons) == ("outside_work_edu", persons)


def test_the_conviction_multiple_counts_persons_at_least_three_times_the_average():
    # 2.00 % of 1,000 adults = 20 convicted; 3 x 0.70 = 2.10 % = 21. The share is a two-year
    # average: 0.10 points up takes 0.20 points in the latest year alone, 2 persons.
    measures = Measures(residents=1500, convicted_pct=D("2.00"), national_convicted_pct=D("0.70"),
                        basic_edu_pct=D("70"), outside_work_edu_pct=D("10"), nonwestern_pct=D("10"),
                        income_pct_of_region=D("90"), base_persons={"convicted_pct": 1000})
    change = smallest_change(classify(2019, measures, history=NO_LISTS))
    assert (change.criterion, change.persons, change.direction) == ("convicted", 2, "up")
    assert change.gained == {"vulnerable"}


def test_danish_explanation_names_law_status_margins_and_the_change():
    text = explain(classify(2022, _vulnerable(), history=NO_LISTS), "da")
    assert text.startswith("Listen 2022 efter parallelsamfundsreglerne fra 2021 (almenboligloven §§ 61 a-61 b")
    assert "Status: udsat boligområde og parallelsamfund." in text
    assert "18-64-årige uden for arbejde og uddannelse 41,2 % (kriterium: > 40 %; 1,2 procentpoint over)" in text
    # The change is in the latest data year of the 2022 list, 2021 ([counting] register_year -1).
    assert ("omkring 24 flere beboere på 18-64 år i arbejde eller uddannelse i 2021 alene ville bringe "
            "2-årsgennemsnittet ned på 40 % eller derunder (en ændring i ét af årene flytter "
            "gennemsnittet det halve, så det kræver omkring dobbelt så mange)") in text


def test_english_explanation_says_the_same():
    text = explain(classify(2022, _vulnerable(), history=NO_LISTS), "en")
    assert "Status: vulnerable housing area (udsat boligområde) and parallel society (parallelsamfund)." in text
    assert ("about 24 more residents aged 18-64 in work or education in 2021 alone would bring the "
            "2-year average to 40 % or below") in text


def test_without_a_base_the_change_is_given_as_a_value_and_says_the_persons_are_unknown():
    text = explain(classify(2022, _vulnerable(base=None), history=NO_LISTS), "en")
    # Only the non-Western share is counted in persons without a base (its base is the 1,587
    # residents): 66.4 % = 1,054; (1,054 - 793.5) / 0.5 = 521 leavers.
    assert ("Smallest single change counted in persons: 521 residents of non-Western origin moving "
            "out, with nobody moving in, would bring the share to 50 % or below") in text
    assert ("A change where the number of persons behind the share is not known: residents aged "
            "18-64 outside work and education to 40 % or below (now 41.2 %)") in text


def test_insufficient_data_is_said_not_hidden():
    text = explain(classify(2015, Measures(residents=2000, nonwestern_pct=D("70"))), "da")
    assert "Utilstrækkelige data: det kan ikke afgøres, om området er ghettoområde" in text
    assert "Mindste enkeltændring" not in text


def test_a_year_can_be_rerun_under_another_version_for_comparison():
    measures = _vulnerable()
    text = explain(classify(2022, measures, history=NO_LISTS, rules=rule_version("2013")), "en")
    # 2013 rules: non-Western, basic education (67.3 > 50) and outside work: 3 of 5.
    assert text.startswith("The 2022 list under the 2013 ghetto criteria (3 of 5)")
    # Named in the 2013 version's own words (its last list, 2017), not the 2022 term.
    assert "Status: ghetto area (ghettoområde)." in text


def test_numbers_are_written_the_danish_or_english_way():
    assert (number(D("1587"), "da"), number(D("1587"), "en")) == ("1.587", "1,587")
    assert (number(D("41.20"), "da"), number(D("2.10"), "en")) == ("41,2", "2.1")


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        explain(classify(2022, _vulnerable()), "de")


def test_the_history_rule_is_explained_with_the_year_that_breaks_the_run():
    history = {**{y: frozenset() for y in range(2010, 2018)},
               **{y: frozenset({"segregated"}) for y in (2014, 2015, 2016)}}
    text = explain(classify(2018, _vulnerable(), history=history), "da")
    # 2018 transitional rule: ghetto in 2014-2018; 2017 is missing from the run.
    assert "Hårdt ghettoområde kræver ghettoområde i hvert af de seneste 5 år (2014-2018) " \
           "(overgangsregel): ikke på listen i 2017." in text
    history[2017] = frozenset({"segregated"})
    text = explain(classify(2018, _vulnerable(), history=history), "en")
    assert "in each of the last 5 years (2014-2018) (transitional rule): met." in text


def test_a_former_transformation_area_is_told_its_plan_duties_l194():
    history = {**{y: frozenset() for y in range(2010, 2022)},
               **{y: frozenset({"transformation"}) for y in (2018, 2019, 2020)}}
    off_lists = Measures(residents=1500, nonwestern_pct=D("40"), outside_work_edu_pct=D("20"),
                         convicted_pct=D("0.5"), national_convicted_pct=D("0.70"),
                         basic_edu_pct=D("30"), income_pct_of_region=D("90"))
    text = explain(classify(2022, off_lists, history=history), "da")
    # 2021 and 2022 off both lists: 2 of the 4 clear years that end the letting rules.
    assert ("planens særlige regler til planen er gennemført, senest 2030-01-01 "
            "(almenboligloven § 168 a stk. 5 og 6") in text
    assert "udlejningsreglerne gælder fortsat (2 af 4 år i træk uden for listerne)" in text
