"""Synthetic control per treated area with placebo-in-space inference.

Abadie, Diamond & Hainmueller (2010), "Synthetic control methods for comparative case
studies", JASA 105(490), 493-505; Abadie (2021), "Using synthetic controls", Journal of
Economic Literature 59(2), 391-425.

The synthetic area is the convex combination of donor areas (weights >= 0, summing to 1)
closest to the treated area's outcome path in the pre-period (fitted on the outcome alone).
Placebo in space: every donor in turn is treated as if treated and fitted from the other
donors. The p-value is the treated area's rank on the ratio of post- to pre-period root mean
squared gap (Abadie et al. 2010, s. 4). The interval inverts the placebo distribution of the
mean post-period gap by ranks: with n placebo effects sorted, [estimate - e(n+1-k),
estimate - e(k)] with k = max(1, floor((n + 1) * 0.025)), whose level is 1 - 2k / (n + 1) when
the treated area's estimation error is exchangeable with the donors' (docs/effects.md). With
few donors 95 % is unattainable: the attained level is published with the interval.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import nnls

LEVEL = 0.95
_SUM_PENALTY = 1e3  # weight of the sum-to-one row in the augmented least squares


@dataclass(frozen=True)
class SyntheticControl:
    area: str
    years: tuple[int, ...]
    treated: tuple[float, ...]  # the area's outcome by year
    synthetic: tuple[float, ...]  # the weighted donors by year
    weights: dict[str, float]  # donor -> weight (only weights > 0)
    effect: float  # mean gap over the post years
    low: float
    high: float
    level: float  # the interval's level by ranks: 1 - 2k / (placebos + 1)
    p_value: float  # placebo rank of the post/pre RMSPE ratio
    pre_rmspe: float
    placebo_band: tuple[tuple[float, float], ...]  # 2.5 % and 97.5 % of placebo gaps by year
    donors: int


def weights(target: np.ndarray, donors: np.ndarray) -> np.ndarray:
    """Non-negative weights summing to one that best reproduce ``target`` (pre years x 1)
    from ``donors`` (pre years x donors): least squares with a heavily weighted
    sum-to-one row, solved by non-negative least squares."""
    rows = np.vstack([donors, np.full((1, donors.shape[1]), _SUM_PENALTY)])
    goal = np.append(target, _SUM_PENALTY)
    w, _ = nnls(rows, goal)
    total = w.sum()
    return w / total if total > 0 else np.full(donors.shape[1], 1 / donors.shape[1])


def _fit(target: np.ndarray, donors: np.ndarray, pre: np.ndarray):
    w = weights(target[pre], donors[pre])
    gap = target - donors @ w
    pre_rmspe = float(np.sqrt(np.mean(gap[pre] ** 2)))
    post_rmspe = float(np.sqrt(np.mean(gap[~pre] ** 2)))
    return w, gap, pre_rmspe, post_rmspe


def estimate(area: str, years: list[int], treated: np.ndarray, donor_names: list[str],
             donors: np.ndarray, first_treated_year: int) -> SyntheticControl:
    """``treated``: outcome by year; ``donors``: years x donors (no missing values)."""
    pre = np.array([y < first_treated_year for y in years])
    if pre.sum() < 2 or (~pre).sum() < 1:
        raise ValueError(f"{area}: needs two pre years and one post year")
    if donors.shape[1] < 2:
        raise ValueError(f"{area}: needs at least two donors")
    w, gap, pre_rmspe, post_rmspe = _fit(treated, donors, pre)
    effect = float(gap[~pre].mean())
    placebo_effects, placebo_gaps, ratios = [], [], []
    for j in range(donors.shape[1]):
        others = np.delete(donors, j, axis=1)
        _, g, pre_j, post_j = _fit(donors[:, j], others, pre)
        placebo_gaps.append(g)
        placebo_effects.append(float(g[~pre].mean()))
        ratios.append(post_j / max(pre_j, 1e-9))
    ratio = post_rmspe / max(pre_rmspe, 1e-9)
    p_value = (1 + sum(r >= ratio for r in ratios)) / (1 + len(ratios))
    tail = (1 - LEVEL) / 2
    ranked = sorted(placebo_effects)
    n = len(ranked)
    k = max(1, int(np.floor((n + 1) * tail)))
    q_low, q_high = ranked[k - 1], ranked[n - k]
    band = np.quantile(np.array(placebo_gaps), [tail, 1 - tail], axis=0)
    return SyntheticControl(
        area=area, years=tuple(years), treated=tuple(map(float, treated)),
        synthetic=tuple(map(float, donors @ w)),
        weights={n: float(v) for n, v in zip(donor_names, w, strict=True) if v > 1e-6},
        effect=effect, low=effect - float(q_high), high=effect - float(q_low),
        level=1 - 2 * k / (n + 1),
        p_value=float(p_value), pre_rmspe=pre_rmspe,
        placebo_band=tuple((float(a), float(b)) for a, b in band.T), donors=donors.shape[1],
    )
