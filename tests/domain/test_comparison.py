"""Plain-language comparisons, in both languages, with the ratio worked out by hand."""

from decimal import Decimal as D

import pytest

from udsat.domain.comparison import comparison_phrase


@pytest.mark.parametrize(
    ("value", "reference", "danish", "english"),
    [
        # 20.3 / 10.0 = 2.03 -> nearest half 2.0
        ("20.3", "10.0", "omkring dobbelt så høj som kommunens andel",
         "about twice the municipality's share"),
        # 15 / 10 = 1.5
        ("15", "10", "omkring 1,5 gange kommunens andel", "about 1.5 times the municipality's share"),
        # 31 / 10 = 3.1 -> 3
        ("31", "10", "omkring 3 gange kommunens andel", "about 3 times the municipality's share"),
        # 10.5 / 10 = 1.05, inside 0.90-1.10
        ("10.5", "10", "på niveau med kommunens andel", "about the same as the municipality's share"),
        # 11.5 / 10 = 1.15
        ("11.5", "10", "lidt over kommunens andel", "a little above the municipality's share"),
        # 8 / 10 = 0.8
        ("8", "10", "lidt under kommunens andel", "a little below the municipality's share"),
        # 5 / 10 = 0.5
        ("5", "10", "omkring halvdelen af kommunens andel", "about half the municipality's share"),
        # 3.3 / 10 = 0.33
        ("3.3", "10", "omkring en tredjedel af kommunens andel",
         "about a third of the municipality's share"),
        # 1 / 10 = 0.1
        ("1", "10", "under en fjerdedel af kommunens andel",
         "less than a quarter of the municipality's share"),
    ],
)
def test_phrase_bands(value, reference, danish, english):
    assert comparison_phrase(D(value), D(reference), "municipality", "pct", "da") == danish
    assert comparison_phrase(D(value), D(reference), "municipality", "pct", "en") == english


def test_phrase_names_the_place_and_uses_level_for_non_shares():
    # 40 / 20 = 2
    assert comparison_phrase(D(40), D(20), "social_housing", "pct", "en") == \
        "about twice the share in all social housing"
    assert comparison_phrase(D(40), D(20), "region", "dkk", "da") == \
        "omkring dobbelt så høj som regionens niveau"


def test_no_phrase_against_a_zero_reference():
    assert comparison_phrase(D(5), D(0), "country", "pct", "da") is None
