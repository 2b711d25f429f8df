"""The contract's bounds: ASCII digits only, and each bound inclusive."""

from decimal import Decimal

import pytest

from udsat.domain.limits import (
    count_problem,
    figure_problem,
    parse_number,
    parse_whole,
    period_problem,
    text_problems,
)


@pytest.mark.parametrize("text", ["٢٠١٩", "²", "2019²", "１２", "1_000", "", " "])
def test_only_ascii_digits_make_a_whole_number(text):
    with pytest.raises(ValueError, match="digits 0-9"):
        parse_whole(text)


@pytest.mark.parametrize(("text", "value"), [("12", 12), (" 7 ", 7), ("0", 0)])
def test_ascii_whole_numbers_read(text, value):
    assert parse_whole(text) == value


@pytest.mark.parametrize("text", ["٩.٤", "9,4", "1_000", "NaN", "Infinity", "1e", "+-1", "."])
def test_only_ascii_dot_decimals_are_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(("text", "value"), [("9.4", "9.4"), ("-3", "-3"), (".5", "0.5"),
                                             ("1e3", "1000")])
def test_dot_decimals_read_exactly(text, value):
    assert parse_number(text) == Decimal(value)


def test_a_figure_has_at_most_eleven_digits_before_the_point():
    assert figure_problem(Decimal("99999999999.999999")) == ""  # 11 nines
    assert figure_problem(Decimal("-99999999999")) == ""
    assert "too large" in figure_problem(Decimal("100000000000"))  # 10^11: 12 digits
    assert "too large" in figure_problem(Decimal("1E+400"))
    assert figure_problem(Decimal("0")) == ""


def test_a_count_lies_between_zero_and_two_to_the_31_minus_one():
    assert count_problem(2**31 - 1) == "" and count_problem(0) == ""
    assert "too large" in count_problem(2**31)
    assert "negative" in count_problem(-1)


def test_a_period_is_four_ascii_digits_or_unstated():
    assert period_problem("2019") == "" and period_problem("unstated") == ""
    for text in ("٢٠١٩", "19", "20190", "2019\n"):
        assert "is not a year" in period_problem(text)


def test_text_past_its_column_length_is_named():
    assert text_problems("observations", {"breakdown": "b" * 60}) == []
    assert text_problems("observations", {"breakdown": "b" * 61}) == [
        ("breakdown", "is 61 characters long; at most 60 are allowed")]
    assert text_problems("areas", {"slug": "Not A Slug"}) == [
        ("slug", "'Not A Slug' is not a lower-case slug")]
