"""The Sun & Abraham event study on hand-built area-year panels (analytics/effects)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from udsat.analytics.effects.event_study import estimate

YEARS = range(2016, 2023)


def panel(effect, first, noise=0.0, seed=0, trend=None):
    """y = area level + year level + effect(area, year); areas' levels 10, 20, ..."""
    rng = np.random.default_rng(seed)
    rows = []
    for i, area in enumerate(first):
        for year in YEARS:
            y = 10 * (i + 1) + 0.5 * (year - 2016) + effect(area, year)
            if trend is not None:
                y += trend(area, year)
            rows.append((area, year, y + rng.normal(0, noise)))
    return pd.DataFrame(rows, columns=["area", "year", "y"])


FIRST = {"t1": 2019, "t2": 2019, "t3": 2021, "c1": None, "c2": None, "c3": None, "c4": None}


def test_a_constant_planted_effect_is_recovered_exactly_without_noise():
    def effect(area, year):
        return -5.0 if FIRST[area] and year >= FIRST[area] else 0.0

    result = estimate(panel(effect, FIRST), FIRST)
    by_e = {c.relative_year: c.estimate for c in result.coefficients}
    # Post years: every coefficient -5; pre years (relative -5 .. -2): 0; -1 is the reference.
    assert all(by_e[e] == pytest.approx(-5.0) for e in by_e if e >= 0)
    assert all(by_e[e] == pytest.approx(0.0, abs=1e-9) for e in by_e if e < -1)
    assert -1 not in by_e
    assert result.att == pytest.approx(-5.0)
    assert (result.treated_areas, result.comparison_areas, result.clusters) == (3, 4, 7)


def test_heterogeneous_effects_are_weighted_by_cohort_share_not_contaminated():
    # Cohort 2019 (t1, t2): effect -2 * (e + 1), growing; cohort 2021 (t3): -10 constant.
    def effect(area, year):
        g = FIRST[area]
        if not g or year < g:
            return 0.0
        return -2.0 * (year - g + 1) if g == 2019 else -10.0

    result = estimate(panel(effect, FIRST), FIRST)
    by_e = {c.relative_year: c for c in result.coefficients}
    # e = 0: two areas of cohort 2019 at -2 and one of cohort 2021 at -10: (2*-2 + -10)/3.
    assert by_e[0].estimate == pytest.approx((2 * -2 + -10) / 3)
    assert by_e[0].treated_areas == 3
    # e = 1: (2*-4 + -10)/3 = -6; e = 2 and 3 only cohort 2019 (2021 + 2 = 2023 is unseen).
    assert by_e[1].estimate == pytest.approx(-6.0)
    assert by_e[2].estimate == pytest.approx(-6.0)
    assert by_e[3].estimate == pytest.approx(-8.0)
    assert by_e[3].treated_areas == 2
    # Pre years stay 0: no already-treated area serves as a control.
    assert all(abs(c.estimate) < 1e-9 for e, c in by_e.items() if e < -1)


def test_with_noise_the_interval_covers_the_truth_and_the_pre_trend_test_passes():
    first = {**{f"t{i}": 2019 for i in range(6)}, **{f"c{i}": None for i in range(20)}}

    def effect(area, year):
        return -3.0 if first[area] and year >= 2019 else 0.0

    result = estimate(panel(effect, first, noise=1.0, seed=4), first)
    assert result.att_low < -3.0 < result.att_high
    assert result.att_high < 0  # 6 treated areas, noise sd 1: the effect is clear of zero
    assert result.pretrend_p is not None and result.pretrend_p > 0.05


def test_a_diverging_pre_trend_is_shown_by_the_pre_coefficients():
    first = {**{f"t{i}": 2019 for i in range(6)}, **{f"c{i}": None for i in range(20)}}

    def trend(area, year):  # treated areas worsen by 2 points a year before and after
        return 2.0 * (year - 2016) if first[area] else 0.0

    result = estimate(panel(lambda a, y: 0.0, first, noise=0.5, seed=5, trend=trend), first)
    by_e = {c.relative_year: c.estimate for c in result.coefficients}
    # Relative year -3 (2016) is 2 * (2016 - 2018) = -4 below the reference year.
    assert by_e[-3] == pytest.approx(-4.0, abs=1.0)
    assert result.pretrend_p < 0.01


def test_no_comparison_areas_is_an_error():
    with pytest.raises(ValueError, match="treated and comparison"):
        estimate(panel(lambda a, y: 0.0, {"t1": 2019}), {"t1": 2019})
