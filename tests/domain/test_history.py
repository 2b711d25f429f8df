"""An area's list history: which published rows decide each year's summary."""

from udsat.domain.history import StatusRow, summarise_years
from udsat.domain.statuses import SEGREGATED, TRANSFORMATION, VULNERABLE


def _one(rows, year):
    return summarise_years(rows, [year])[0]


def test_sources_naming_different_lists_are_joined():
    # 2023: a news item names the parallelsamfund list; the rebuilt lists add omdannelsesområde.
    rows = [
        StatusRow(2023, SEGREGATED, "official", source_url="https://a"),
        StatusRow(2023, VULNERABLE, "official", source_url="https://a"),
        StatusRow(2023, TRANSFORMATION, "derived", source_url="https://b"),
    ]
    summary = _one(rows, 2023)
    assert summary.statuses == {SEGREGATED, VULNERABLE, TRANSFORMATION}
    assert summary.origin == "official"
    assert summary.headline == "omdannelsesområde"
    assert summary.sources == ("https://a", "https://b")


def test_an_official_exit_wins_over_a_rebuilt_list():
    rows = [StatusRow(2022, "", "official", note="left the list"),
            StatusRow(2022, SEGREGATED, "derived")]
    summary = _one(rows, 2022)
    assert summary.left and summary.statuses == frozenset()


def test_a_computed_status_never_replaces_a_published_one():
    rows = [StatusRow(2019, SEGREGATED, "derived"), StatusRow(2019, TRANSFORMATION, "computed")]
    assert _one(rows, 2019).statuses == {SEGREGATED}


def test_a_computed_status_fills_a_year_no_source_describes():
    summary = _one([StatusRow(2016, SEGREGATED, "computed")], 2016)
    assert (summary.origin, summary.statuses) == ("computed", {SEGREGATED})


def test_a_year_without_rows_is_unknown_not_off_the_list():
    summary = _one([], 2013)
    assert not summary.known and not summary.left and summary.headline is None
