"""Synthetic control per treated area with placebo-in-space inference (analytics/effects)."""

from __future__ import annotations

import numpy as np
import pytest

from udsat.analytics.effects.synthetic_control import estimate, weights

YEARS = list(range(2011, 2023))  # 2011-2018 pre (8 years), 2019-2022 post (4 years)
DONORS = 7  # fewer donors than pre years: the weights are unique


def donors(count=DONORS):
    """Donor j: level 10 + 3 j plus a fixed random walk (seed 7), so no donor's pre-period
    path is a mix of the others'."""
    steps = np.random.default_rng(7).normal(0, 1, (len(YEARS), count))
    return 10 + 3 * np.arange(count) + steps.cumsum(axis=0)


def test_weights_reproduce_a_convex_combination_exactly():
    d = donors()
    target = 0.25 * d[:, 2] + 0.75 * d[:, 5]
    w = weights(target[:6], d[:6])
    assert w[2] == pytest.approx(0.25, abs=1e-6)
    assert w[5] == pytest.approx(0.75, abs=1e-6)
    assert w.sum() == pytest.approx(1.0)
    assert (w >= 0).all()


def test_a_planted_effect_is_the_mean_post_gap_and_ranks_first_among_placebos():
    d = donors()
    planted = np.array([-4.0 if y >= 2019 else 0.0 for y in YEARS])
    treated = 0.5 * d[:, 3] + 0.5 * d[:, 4] + planted
    names = [f"d{j}" for j in range(d.shape[1])]
    result = estimate("x", YEARS, treated, names, d, 2019)
    assert result.effect == pytest.approx(-4.0, abs=1e-6)
    assert result.weights == pytest.approx({"d3": 0.5, "d4": 0.5}, abs=1e-6)
    # The treated fit is perfect before 2019, so its post/pre ratio is the largest of the
    # 8 (itself and 7 placebos): p = 1 / 8.
    assert result.p_value == pytest.approx(1 / 8)
    assert result.synthetic[0] == pytest.approx(treated[0])
    assert len(result.placebo_band) == len(YEARS)


def test_the_interval_inverts_the_placebo_distribution():
    d = donors()
    result = estimate("x", YEARS, 0.5 * d[:, 3] + 0.5 * d[:, 4], [str(j) for j in range(DONORS)],
                      d, 2019)
    assert result.effect == pytest.approx(0.0, abs=1e-6)
    # No effect: the interval is minus the placebo effects' range, around 0. With 7 placebos
    # k = max(1, floor(8 * 0.025)) = 1: the extremes, a level of 1 - 2/8 = 75 %.
    assert result.low <= 0.0 <= result.high
    assert result.level == pytest.approx(0.75)
    assert result.high - result.low == pytest.approx(
        max(result_placebos := _placebo_effects(d)) - min(result_placebos))


def _placebo_effects(d):
    """Each donor's mean post gap when fitted from the others (what estimate() ranks)."""
    out = []
    for j in range(d.shape[1]):
        others = np.delete(d, j, axis=1)
        w = weights(d[:8, j], others[:8])
        out.append(float((d[8:, j] - others[8:] @ w).mean()))
    return out


def test_too_few_pre_years_is_an_error():
    d = donors()
    with pytest.raises(ValueError, match="two pre years"):
        estimate("x", YEARS, d[:, 1], [str(j) for j in range(DONORS)], d, 2012)  # 2011 only
