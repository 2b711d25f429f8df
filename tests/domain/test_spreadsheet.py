"""OWASP's rule for CSV injection: a cell a spreadsheet would evaluate is made text."""

import pytest

from udsat.domain.spreadsheet import neutralise_cell, neutralise_rows


@pytest.mark.parametrize(("cell", "served"), [
    ('=HYPERLINK("https://evil.example","klik")', '\'=HYPERLINK("https://evil.example","klik")'),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("-", "'-"),
])
def test_a_cell_starting_a_formula_is_prefixed_with_a_quote(cell, served):
    assert neutralise_cell(cell) == served


@pytest.mark.parametrize("cell", ["-4.5", "+3", "-0.25", "-1e3", "9.4", "Vollsmose", "", "a=b"])
def test_numbers_and_plain_text_are_left_as_they_are(cell):
    assert neutralise_cell(cell) == cell


def test_rows_are_neutralised_cell_by_cell_and_non_text_passes_through():
    assert neutralise_rows([["=1", 5, None, "-7"]]) == [["'=1", 5, None, "-7"]]


def test_a_danish_decimal_number_stays_a_number():
    # Danish CSV writes "-0,37" (decimal comma): a negative number, not a formula.
    assert neutralise_cell("-0,37") == "-0,37"
    assert neutralise_cell("-1,2+3") == "'-1,2+3"
