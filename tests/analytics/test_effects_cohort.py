"""Exact matching of base-year cohorts by reweighting (analytics/effects/cohort.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from udsat.analytics.effects.cohort import matched_outcome

COLUMNS = ["year", "area", "age_band", "base_outside", "cohort_persons", "o__num", "o__den"]


def test_a_comparison_cohort_is_reweighted_to_the_treated_baseline_cells():
    rows = [
        # Treated area t in 2018: 30 persons in cell (18-29, outside), 10 in (30-49, working)
        # -> treated weights 3/4 and 1/4.
        (2018, "t", "18-29", True, 30, 30, 30), (2018, "t", "30-49", False, 10, 0, 10),
        (2020, "t", "18-29", True, 30, 15, 30), (2020, "t", "30-49", False, 10, 1, 10),
        # Comparison area c, the other way round: 10 and 30 persons.
        (2018, "c", "18-29", True, 10, 10, 10), (2018, "c", "30-49", False, 30, 0, 30),
        (2020, "c", "18-29", True, 10, 8, 10), (2020, "c", "30-49", False, 30, 6, 30),
    ]
    out = matched_outcome(pd.DataFrame(rows, columns=COLUMNS), "o", ["t"], 2018)
    y = {(r.area, r.year): r.y for r in out.itertuples()}
    n = {(r.area, r.year): r.n for r in out.itertuples()}
    # t 2020: 3/4 * 15/30 + 1/4 * 1/10 = 0.375 + 0.025 = 40 %.
    assert y[("t", 2020)] == pytest.approx(40.0)
    # c 2020 with t's weights: 3/4 * 8/10 + 1/4 * 6/30 = 0.6 + 0.05 = 65 % (unweighted it
    # would be 14/40 = 35 %).
    assert y[("c", 2020)] == pytest.approx(65.0)
    # Base year: cell means are 100 % and 0 % everywhere, so both are 75 %: balanced.
    assert y[("t", 2018)] == y[("c", 2018)] == pytest.approx(75.0)
    assert n[("c", 2020)] == 10  # the smallest cell behind the figure


def test_an_area_year_missing_a_treated_cell_is_left_out():
    rows = [(2018, "t", "18-29", True, 5, 5, 5), (2018, "t", "50-64", False, 5, 0, 5),
            (2018, "c", "18-29", True, 5, 5, 5)]
    out = matched_outcome(pd.DataFrame(rows, columns=COLUMNS), "o", ["t"], 2018)
    assert set(out["area"]) == {"t"}
