"""Official terms by year (almenboligloven § 61 a as amended in 2018 and 2021)."""

import pytest

from udsat.domain.statuses import (
    PREVENTION,
    SEGREGATED,
    TRANSFORMATION,
    VULNERABLE,
    official_term,
    ordered_terms,
    parse_published_status,
    with_implied,
)


@pytest.mark.parametrize(
    ("status", "year", "term"),
    [
        (SEGREGATED, 2010, "ghettoområde"),
        (SEGREGATED, 2020, "ghettoområde"),
        (SEGREGATED, 2021, "parallelsamfund"),
        (TRANSFORMATION, 2017, None),
        (TRANSFORMATION, 2018, "hårdt ghettoområde"),
        (TRANSFORMATION, 2020, "hårdt ghettoområde"),
        (TRANSFORMATION, 2021, "omdannelsesområde"),
        (VULNERABLE, 2017, None),
        (VULNERABLE, 2018, "udsat boligområde"),
        (PREVENTION, 2020, None),
        (PREVENTION, 2021, "forebyggelsesområde"),
    ],
)
def test_official_term_in_force_for_each_list_year(status, year, term):
    assert official_term(status, year) == term


def test_transformation_implies_the_broader_statuses_on_the_same_list():
    assert with_implied({TRANSFORMATION}, 2019) == {TRANSFORMATION, SEGREGATED, VULNERABLE}
    assert ordered_terms(with_implied({TRANSFORMATION}, 2022), 2022) == [
        "udsat boligområde", "parallelsamfund", "omdannelsesområde",
    ]


def test_before_2018_a_ghetto_area_implied_no_vulnerable_status():
    assert with_implied({SEGREGATED}, 2015) == {SEGREGATED}


def test_published_wording_is_read_into_statuses():
    parsed = parse_published_status("ghettoområde (list pr. 1 October 2012)", 2012)
    assert parsed.statuses == {SEGREGATED} and not parsed.left
    assert parse_published_status("left the list", 2019).left
    hard = parse_published_status("hårdt ghettoområde", 2018)
    assert hard.statuses == {TRANSFORMATION, SEGREGATED, VULNERABLE}


def test_wording_without_a_term_is_an_error():
    with pytest.raises(ValueError, match="no official status term"):
        parse_published_status("on some list", 2019)
