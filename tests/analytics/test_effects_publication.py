"""The disclosure gate for estimates (analytics/effects/publication.py)."""

from __future__ import annotations

import pandas as pd

from udsat.analytics.effects.publication import (
    PUBLISHED,
    SUPPRESSED,
    basis,
    publishable_areas,
    verdict,
)
from udsat.domain.disclosure import Policy


def outcome(cells: dict[tuple[str, int], int]) -> pd.DataFrame:
    return pd.DataFrame([(a, y, 50.0, n) for (a, y), n in cells.items()],
                        columns=["area", "year", "y", "n"])


def test_an_area_with_one_cell_below_the_minimum_is_left_out():
    data = outcome({("a", 2018): 5, ("a", 2019): 6, ("b", 2018): 20, ("b", 2019): 4})
    assert publishable_areas(data, Policy(min_persons=5)) == {"a"}  # b has a cell of 4


def test_the_basis_names_areas_and_persons_behind_the_estimate():
    data = outcome({("t", 2018): 100, ("t", 2019): 90, ("c", 2018): 300, ("c", 2019): 7})
    b = basis(data, ["t"], ["c"], 2018)
    assert (b.treated, b.comparison) == (("t",), ("c",))
    assert b.persons_base_year == 100 + 300
    assert b.smallest_cell == 7


def test_too_few_comparison_areas_or_a_small_cell_suppress():
    data = outcome({(a, 2018): 50 for a in "tcdefg"})
    policy = Policy(min_persons=5)
    assert verdict(basis(data, ["t"], list("cdefg"), 2018), policy, 5) == (PUBLISHED, "")
    status, reason = verdict(basis(data, ["t"], list("cdef"), 2018), policy, 5)
    assert (status, reason) == (SUPPRESSED, "4 comparison areas, fewer than 5")
    small = outcome({("t", 2018): 4, **{(a, 2018): 50 for a in "cdefg"}})
    assert verdict(basis(small, ["t"], list("cdefg"), 2018), policy, 5)[0] == SUPPRESSED
    assert verdict(basis(data, [], list("cdefg"), 2018), policy, 5)[0] == SUPPRESSED


def test_published_candidate_rows_withhold_counts_below_the_minimum():
    from udsat.analytics.effects.comparison_groups import FLAGGED, KEPT, Candidate
    from udsat.analytics.effects.run import _candidate_row

    policy = Policy(min_persons=5)
    # A share of 1 % of 300 residents: 3 persons behind it - withheld.
    row = _candidate_row(Candidate("a", ("p",), 300, 0.01, FLAGGED, "rule"), policy)
    assert row["spillover_share"] is None and row["base_residents"] == 300
    # 2 % of 300 = 6 persons: shown.
    assert _candidate_row(Candidate("a", ("p",), 300, 0.02, FLAGGED, "r"), policy)[
        "spillover_share"] == 0.02
    # 4 residents: no count at all.
    assert _candidate_row(Candidate("b", ("p",), 4, 0.0, KEPT, ""), policy)[
        "base_residents"] is None


def test_a_share_whose_numerator_is_below_the_minimum_leaves_its_area_out():
    # convicted_pct: 3 of 400 convicted in 2019 - a numerator of 3 persons
    # (catalogue/disclosure.toml names the convicted share's sensitive side).
    data = pd.DataFrame([("a", 2018, 2.0, 400, 8), ("a", 2019, 0.75, 400, 3),
                         ("b", 2018, 2.0, 400, 8), ("b", 2019, 2.0, 400, 8)],
                        columns=["area", "year", "y", "n", "num"])
    assert publishable_areas(data, Policy(min_persons=5), "convicted_pct") == {"b"}
