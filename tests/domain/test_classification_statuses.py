"""Which statuses hold, nested as almenboligloven § 61 a and § 61 b nest them."""

from decimal import Decimal as D

import pytest

from udsat.domain.classification import Measures, classify
from udsat.domain.criteria import rule_version

SEG, VUL, TRA, PRE = "segregated", "vulnerable", "transformation", "prevention"
# Values that meet (M) or miss (X) each criterion by a wide margin, per measure.
M = {"nonwestern_pct": D("70"), "outside_work_edu_pct": D("50"), "convicted_pct": D("3.00"),
     "basic_edu_pct": D("70"), "income_pct_of_region": D("50")}
X = {"nonwestern_pct": D("20"), "outside_work_edu_pct": D("20"), "convicted_pct": D("0.50"),
     "basic_edu_pct": D("20"), "income_pct_of_region": D("90")}


def measures(met: str, residents: int = 2000, **extra) -> Measures:
    """``met`` lists the measures that meet their criterion: n=nonwestern, o=outside work,
    c=convicted, b=basic education, i=income. National conviction average 0.70 (x3 = 2.10)."""
    keys = {"n": "nonwestern_pct", "o": "outside_work_edu_pct", "c": "convicted_pct",
            "b": "basic_edu_pct", "i": "income_pct_of_region"}
    values = {m: (M[m] if k in met else X[m]) for k, m in keys.items()}
    values.update(extra)
    return Measures(residents=residents, national_convicted_pct=D("0.70"), **values)


def no_lists(year: int) -> dict[int, frozenset[str]]:
    return {y: frozenset() for y in range(2010, year)}


@pytest.mark.parametrize(
    ("year", "met", "expected"),
    [
        # 2010 rules: ghettoområde when at least 2 of 3 (non-Western, outside work, convicted).
        (2011, "no", {SEG}),
        (2011, "oc", {SEG}),
        (2011, "nbi", set()),  # basic education and income are not criteria before 2013
        (2011, "n", set()),
        # 2013 rules: 3 of 5.
        (2015, "nob", {SEG}),
        (2015, "cbi", {SEG}),
        (2015, "no", set()),
        (2015, "nocbi", {SEG}),
        # 2018 rules: udsat = 2 of 4 (not non-Western); ghetto = udsat + non-Western > 50 %.
        (2019, "ob", {VUL}),
        (2019, "ci", {VUL}),
        (2019, "nob", {VUL, SEG}),
        (2019, "no", set()),  # one of the four plus non-Western is not enough
        (2019, "n", set()),
        # 2021 rules: the same nesting; prevention only outside the udsat list.
        (2022, "nci", {VUL, SEG}),
        (2022, "bi", {VUL}),
    ],
)
def test_statuses_by_rule_version(year, met, expected):
    assert classify(year, measures(met), history=no_lists(year)).statuses == expected


def test_official_terms_follow_the_list_year():
    result = classify(2019, measures("nob"), history=no_lists(2019))
    assert result.terms == ["udsat boligområde", "ghettoområde"]
    result = classify(2022, measures("nob"), history=no_lists(2022))
    assert result.terms == ["udsat boligområde", "parallelsamfund"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # non-Western 35 % > 30 %, outside work 35 % > 30 %, basic education 65 % > 60 %
        ({"nonwestern_pct": D("35"), "outside_work_edu_pct": D("35"), "basic_edu_pct": D("65")}, {PRE}),
        # non-Western exactly 30 % does not "overstige" 30 %
        ({"nonwestern_pct": D("30"), "outside_work_edu_pct": D("35"), "basic_edu_pct": D("65")}, set()),
        # convicted 1.40 = 2 x 0.70 ("mindst to gange") and income 64.99 % < 65 %
        ({"nonwestern_pct": D("35"), "convicted_pct": D("1.40"), "income_pct_of_region": D("64.99")}, {PRE}),
        # only one of the four lower criteria
        ({"nonwestern_pct": D("35"), "outside_work_edu_pct": D("35")}, set()),
        # outside work 45 % and basic education 65 % make it udsat: not also forebyggelse
        ({"nonwestern_pct": D("35"), "outside_work_edu_pct": D("45"), "basic_edu_pct": D("65")}, {VUL}),
    ],
)
def test_forebyggelsesomraade(values, expected):
    result = classify(2022, measures("", **values), history=no_lists(2022))
    assert result.statuses == expected
    assert not result.insufficient


def test_forebyggelsesomraade_needs_1000_residents():
    values = {"nonwestern_pct": D("35"), "outside_work_edu_pct": D("35"), "basic_edu_pct": D("65")}
    assert classify(2022, measures("", residents=999, **values), history=no_lists(2022)).statuses == set()


def _ghetto_years(years) -> dict[int, frozenset[str]]:
    return {y: frozenset({SEG}) for y in years}


@pytest.mark.parametrize(
    ("year", "ghetto_years", "hard"),
    [
        # 2018-2020 transitional rule: the list year and the 4 years before (5 in all).
        (2018, range(2014, 2018), True),
        (2018, range(2015, 2018), False),  # 4 years in all: the main rule, not yet in force
        (2020, range(2016, 2020), True),
        # a broken run: off the list in 2017
        (2019, [2015, 2016, 2018], False),
        # 2021 rules: 5 years as parallelsamfund/ghettoområde
        (2021, range(2017, 2021), True),
        (2021, range(2018, 2021), False),
        (2023, [2019, 2020, 2022], False),
    ],
)
def test_the_history_rule_for_hard_and_transformation_areas(year, ghetto_years, hard):
    history = {**no_lists(year), **_ghetto_years(ghetto_years)}
    result = classify(year, measures("nob"), history=history)
    assert (TRA in result.statuses) is hard
    assert SEG in result.statuses and not result.insufficient


def test_rerun_under_the_2018_rules_the_2021_list_uses_the_four_year_main_rule():
    history = {**no_lists(2021), **_ghetto_years(range(2018, 2021))}
    result = classify(2021, measures("nob"), history=history, rules=rule_version("2018"))
    assert result.rule_version == "2018"
    assert TRA in result.statuses  # 2018, 2019, 2020 + 2021 = 4 years
    assert classify(2021, measures("nob"), history=history).statuses == {VUL, SEG}  # 2021 rules: 5


def test_a_hard_year_in_the_history_counts_as_a_ghetto_year():
    history = {**no_lists(2020), 2016: frozenset({SEG}), 2017: frozenset({SEG}),
               2018: frozenset({TRA}), 2019: frozenset({TRA})}
    assert TRA in classify(2020, measures("nob"), history=history).statuses


def test_unknown_history_makes_the_transformation_status_undecided():
    result = classify(2019, measures("nob"), history={2015: frozenset({SEG})})
    assert result.statuses == {VUL, SEG}
    assert result.unknown_statuses == {TRA}
    assert result.insufficient
    assert result.missing == ("history 2016", "history 2017", "history 2018")
    # Not a ghetto area this year: the history no longer matters.
    assert not classify(2019, measures("ob"), history=None).insufficient


def test_missing_measures_give_insufficient_data_not_a_silent_no():
    # 2013 rules: two criteria met and three unknown: could still reach 3 of 5.
    partial = Measures(residents=2000, nonwestern_pct=D("70"), outside_work_edu_pct=D("50"))
    result = classify(2015, partial)
    assert result.outcome == {SEG: None}
    assert result.insufficient
    assert result.missing == ("convicted_pct", "basic_edu_pct", "income_pct_of_region")


def test_unknown_residents_with_the_criteria_met_is_insufficient():
    result = classify(2015, Measures(nonwestern_pct=D("70"), outside_work_edu_pct=D("50"),
                                     convicted_pct=D("3"), basic_edu_pct=D("70")))
    assert result.outcome == {SEG: None}
    assert result.missing[0] == "residents"


def test_enough_known_misses_decide_even_with_gaps():
    # 2013: three criteria known not met, so at most 2 of 5 can hold: not a ghetto area.
    partial = Measures(residents=2000, nonwestern_pct=D("20"), outside_work_edu_pct=D("20"),
                       convicted_pct=D("0.5"))
    result = classify(2015, partial)
    assert result.outcome == {SEG: False}
    assert not result.insufficient
    # 2018: fewer than 1,000 residents decides everything without any share.
    assert classify(2019, Measures(residents=966)).outcome == {VUL: False, SEG: False, TRA: False}


def test_a_former_transformation_area_keeps_its_plan_duties_under_l194():
    history = {**no_lists(2022), 2018: frozenset({TRA}), 2019: frozenset({TRA}),
               2020: frozenset({TRA}), 2021: frozenset({VUL})}
    result = classify(2022, measures(""), history=history)
    assert result.statuses == set()
    assert result.plan is not None
    assert result.plan.plan_tools_apply  # 1.12.2022 is before 1.1.2030
    # 2022 clear, 2021 on the udsat list: one clear year of the four that lift letting rules
    assert result.plan.clear_years == 1 and result.plan.letting_rules_apply
    assert classify(2020, measures(""), history=history).plan is None  # before 1 July 2021


def test_a_rerun_names_statuses_in_the_words_of_the_version_used():
    result = classify(2015, measures("nob"), history=no_lists(2015), rules=rule_version("2021"))
    # 2021 rules on 2015 values: udsat (2 of 4) and parallelsamfund; 2015 had neither term.
    assert result.term_year == 2021
    assert result.terms == ["udsat boligområde", "parallelsamfund"]


def test_complete_history_fills_unlisted_years_with_no_list():
    from udsat.domain.classification import complete_history

    history = complete_history({2016: frozenset({SEG})}, 2018)
    assert history == {**no_lists(2018), 2016: frozenset({SEG})}
    assert TRA not in classify(2018, measures("nob"), history=history).unknown_statuses


def test_years_before_the_first_statutory_list_count_as_on_no_list():
    # 2021 rules re-run on 2012 values: five years back reaches 2008, before any list.
    history = {**no_lists(2012), 2010: frozenset({SEG}), 2011: frozenset({SEG})}
    result = classify(2012, measures("nob"), history=history, rules=rule_version("2021"))
    assert result.outcome[TRA] is False and not result.insufficient


def test_a_ghetto_year_with_an_undecided_hard_status_is_settled_history():
    undecided = classify(2018, measures("nob"), history={})
    assert undecided.insufficient and undecided.settled_statuses == {VUL, SEG}
    # Only segregated is looked back at; undecided segregated settles nothing.
    assert classify(2019, Measures(residents=2000, nonwestern_pct=D("70"))).settled_statuses is None
