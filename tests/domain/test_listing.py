"""The lists year by year: what a record row says, what follows from it, and what stays unknown.

Each case is one or two record rows with the state the statute's nesting gives by hand
(almenboligloven § 61 a stk. 1, 2 and 4; § 61 b as the 2018 and 2021 rule files state it).
"""

from decimal import Decimal as D

import pytest

from udsat.domain.classification import Measures
from udsat.domain.list_phrases import NAMES, PHRASES, state_sentences
from udsat.domain.listing import (
    COMPLETE,
    DERIVED,
    IMPLIED,
    OFFICIAL,
    ListingError,
    ListState,
    ListYear,
    RecordEntry,
    classify_run,
    lists_of_year,
    resolve,
)
from udsat.domain.standing import CHANGED, LEFT, SAME, UNKNOWN, change_since, latest_known

VUL, SEG, TRA, PRE = "vulnerable", "segregated", "transformation", "prevention"


def entry(year, area, code, on, derivation="", line=2):
    return RecordEntry(year, area, code, on, ("https://example.org/list",), derivation,
                       "Udledt." if derivation else "", "Derived." if derivation else "", line)


def one(entries, year, area="a", sizes=None, areas=("a", "b", "c")):
    return resolve(entries, sizes or {}, areas).year(area, year)


@pytest.mark.parametrize(("year", "lists"), [
    (2009, ()),
    (2012, (SEG,)),
    (2017, (SEG,)),
    (2018, (VUL, SEG, TRA)),
    (2021, (VUL, SEG, TRA, PRE)),
])
def test_each_year_has_the_lists_its_rules_define(year, lists):
    assert set(lists_of_year(year)) == set(lists)


def test_leaving_the_parallelsamfund_list_says_nothing_of_the_udsatte_list():
    # Agervang 2022: "left the parallelsamfund list" -> off segregated, hence off
    # transformation (an omdannelsesområde is a parallelsamfund); udsat stays unknown.
    year = one([entry(2022, "a", SEG, False)], 2022)
    assert not year.states[SEG].on_list and year.states[SEG].origin == OFFICIAL
    assert not year.states[TRA].on_list and year.states[TRA].origin == IMPLIED
    assert VUL not in year.states and PRE not in year.states
    assert year.undecided == (VUL, PRE) or set(year.undecided) == {VUL, PRE}
    assert not year.on_no_list and year.headline is None


def test_staying_an_udsat_boligomraade_after_leaving_the_parallelsamfund_list():
    year = one([entry(2022, "a", SEG, False), entry(2022, "a", VUL, True, line=3)], 2022)
    assert year.statuses == {VUL} and year.headline == "udsat boligområde"
    # An udsat boligområde is no forebyggelsesområde (§ 61 b excludes § 61 a areas).
    assert not year.states[PRE].on_list and year.states[PRE].because_of == VUL
    assert year.decided


def test_an_omdannelsesomraade_is_on_the_two_lists_around_it():
    year = one([entry(2022, "a", TRA, True)], 2022)
    assert year.statuses == {VUL, SEG, TRA}
    assert year.states[SEG].origin == IMPLIED and year.states[VUL].origin == IMPLIED
    assert year.headline == "omdannelsesområde"


def test_a_ghettoomraade_before_2018_implies_no_udsat_list_that_did_not_exist():
    year = one([entry(2015, "a", SEG, True)], 2015)
    assert year.statuses == {SEG} and year.lists == (SEG,) and year.decided


def test_off_the_udsatte_list_is_off_every_list_inside_it():
    year = one([entry(2019, "a", VUL, False)], 2019)
    assert year.statuses == frozenset() and year.on_no_list
    assert {year.states[c].origin for c in (SEG, TRA)} == {IMPLIED}


def test_a_complete_list_puts_every_other_area_off_it():
    # The published 2012 list has 2 areas in this example; a and b are on it: c is not.
    record = resolve([entry(2012, "a", SEG, True), entry(2012, "b", SEG, True, line=3)],
                     {(2012, SEG): 2}, ["a", "b", "c"])
    c = record.year("c", 2012)
    assert c.on_no_list and c.states[SEG].origin == COMPLETE
    assert (2012, SEG) in record.complete
    da, en = state_sentences(c.states[SEG], 2012, 2)
    assert "2012" in da and "2 områder" in da and "ghettoområder" in da
    assert "2 areas" in en


def test_an_incomplete_list_leaves_the_others_unknown():
    record = resolve([entry(2012, "a", SEG, True)], {(2012, SEG): 2}, ["a", "b", "c"])
    assert not record.year("c", 2012).known and (2012, SEG) not in record.complete


def test_a_complete_udsatte_list_then_settles_the_lists_inside_it():
    # 2019: one udsat area of one; b is then off udsat, hence off segregated and transformation.
    record = resolve([entry(2019, "a", VUL, True)], {(2019, VUL): 1}, ["a", "b"])
    assert record.year("b", 2019).on_no_list


def test_more_areas_on_a_list_than_it_had_is_an_error():
    with pytest.raises(ListingError, match="2 areas on the segregated list of 2012"):
        resolve([entry(2012, "a", SEG, True), entry(2012, "b", SEG, True, line=3)],
                {(2012, SEG): 1}, ["a", "b"])


def test_a_source_read_directly_beats_a_derivation():
    year = one([entry(2016, "a", SEG, False, derivation="rebuilt"),
                entry(2016, "a", SEG, True, line=3)], 2016)
    assert year.statuses == {SEG} and year.states[SEG].origin == OFFICIAL


def test_a_derived_year_says_how():
    year = one([entry(2013, "a", SEG, True, derivation="rebuilt")], 2013)
    assert year.origin == DERIVED and year.derivations("da") == ("Udledt.",)
    assert year.derivations("en") == ("Derived.",)


def test_two_sources_that_contradict_each_other_are_an_error():
    with pytest.raises(ListingError, match="both on and off"):
        resolve([entry(2022, "a", TRA, True), entry(2022, "a", VUL, False, line=3)], {}, ["a"])


def test_a_list_that_did_not_exist_that_year_is_an_error():
    with pytest.raises(ListingError, match="no prevention list existed in 2019"):
        resolve([entry(2019, "a", PRE, True)], {}, ["a"])


def test_history_holds_only_years_whose_segregated_state_is_known():
    record = resolve([entry(2016, "a", SEG, True), entry(2022, "a", PRE, False, line=3)], {},
                     ["a"])
    # 2016: known (ghetto). 2022: only the prevention list is known -> not history.
    assert record.history("a") == {2016: frozenset({SEG})}


def test_classify_run_carries_settled_years_forward_and_published_years_win():
    # 2013 rules (3 of 5 criteria, >= 1,000 residents): 2014 and 2015 both meet 3 criteria.
    meets = Measures(residents=1500, nonwestern_pct=D("60"), outside_work_edu_pct=D("45"),
                     convicted_pct=D("3"), basic_edu_pct=D("40"), income_pct_of_region=D("70"))
    results = classify_run({2014: meets, 2015: meets})
    assert results[2014].statuses == {SEG} and results[2015].statuses == {SEG}
    # The 2018 list: ghetto (2 of 4 + > 50 % non-Western) and hard if ghetto in each of the
    # 5 years 2014-2018 (L 38's transitional rule for the lists of 2018-2020). Computed
    # 2014-2015 and published 2016-2017 make the history complete; a published 2016 "on no
    # list" blocks hard status.
    meets_2018 = Measures(residents=1500, nonwestern_pct=D("60"), outside_work_edu_pct=D("45"),
                          convicted_pct=D("3"), national_convicted_pct=D("0.9"),
                          basic_edu_pct=D("70"), income_pct_of_region=D("50"))
    on = {2016: frozenset({SEG}), 2017: frozenset({SEG})}
    hard = classify_run({2014: meets, 2015: meets, 2018: meets_2018}, known_history=on)
    assert hard[2018].statuses == {VUL, SEG, TRA}
    off = classify_run({2014: meets, 2015: meets, 2018: meets_2018},
                       known_history={2016: frozenset(), 2017: frozenset({SEG})})
    assert off[2018].statuses == {VUL, SEG}
    # Without the published years the 2016-2017 history is unknown: hard status undecided.
    assert classify_run({2014: meets, 2015: meets, 2018: meets_2018})[2018].insufficient


def test_phrase_tables_have_the_same_keys_in_both_languages():
    assert PHRASES["da"].keys() == PHRASES["en"].keys()
    assert NAMES["da"].keys() == NAMES["en"].keys()


def test_implied_sentences_name_the_list_they_follow_from():
    year = one([entry(2022, "a", TRA, True)], 2022)
    da, en = state_sentences(year.states[SEG], 2022)
    assert da.startswith("Følger af, at området var et omdannelsesområde (almenboligloven")
    assert "parallel society" in en


def _year(year, **states):
    return ListYear(year, lists_of_year(year),
                    {code: ListState(code, on, OFFICIAL) for code, on in states.items()})


def test_the_change_since_2018_needs_only_the_lists_the_record_knows():
    start = _year(2018, transformation=True, segregated=True, vulnerable=True)
    # Off the parallelsamfund (hence omdannelse) list, the udsatte list unknown: changed.
    off_seg = _year(2022, segregated=False, transformation=False)
    assert change_since(start, off_seg) == CHANGED
    assert change_since(start, _year(2023, transformation=True)) == SAME
    assert change_since(start, _year(2023, vulnerable=False, segregated=False,
                                     transformation=False, prevention=False)) == LEFT
    # Only the udsatte list known (on it): it may still be an omdannelsesområde -> unknown.
    assert change_since(start, _year(2023, vulnerable=True)) == UNKNOWN
    # A ghettoområde in 2018 that became an omdannelsesområde: changed.
    ghetto = _year(2018, segregated=True, vulnerable=True, transformation=False)
    assert change_since(ghetto, _year(2021, transformation=True, segregated=True)) == CHANGED
    assert change_since(start, _year(2023, prevention=False)) == UNKNOWN
    assert change_since(None, off_seg) == UNKNOWN
    # A year that knows only "off the forebyggelse list" does not count as the latest word.
    years = [start, off_seg, _year(2023, prevention=False)]
    assert latest_known(years) is off_seg
