"""Event study robust to staggered timing: the interaction-weighted estimator of Sun and
Abraham (2021), "Estimating dynamic treatment effects in event studies with heterogeneous
treatment effects", Journal of Econometrics 225(2), 175-199.

One regression of the area-year outcome on area and year fixed effects and a full set of
cohort x relative-year indicators (relative year -1 left out), with never-treated comparison
areas as the control cohort. The cohort-specific coefficients are clean 2x2 comparisons
(no already-treated area serves as a control, the problem of two-way fixed effects under
staggered timing), then averaged over cohorts with each cohort's share of the treated areas
observed at that relative year. Standard errors are clustered by area (statsmodels, CR1 with
G-1 degrees of freedom for the t intervals); the cohort shares are treated as fixed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm

LEVEL = 0.95
REFERENCE = -1  # relative year left out: the last year before treatment


@dataclass(frozen=True)
class Coefficient:
    relative_year: int
    estimate: float
    low: float
    high: float
    treated_areas: int


@dataclass(frozen=True)
class EventStudy:
    coefficients: tuple[Coefficient, ...]  # pre (< -1) and post (>= 0); -1 is 0 by design
    att: float  # average of the post coefficients
    att_low: float
    att_high: float
    pretrend_p: float | None  # joint Wald test that every pre coefficient is zero
    treated_areas: int
    comparison_areas: int
    clusters: int


def _interval(result, weights: np.ndarray) -> tuple[float, float, float]:
    test = result.t_test(weights.reshape(1, -1))
    low, high = test.conf_int(alpha=1 - LEVEL)[0]
    return float(np.squeeze(test.effect)), float(low), float(high)


def estimate(panel: pd.DataFrame, first_treated: Mapping[str, int | None]) -> EventStudy:
    """``panel``: columns area, year, y (one row per area and year, no missing y).

    ``first_treated``: area -> first treated year, or None for a comparison area.
    """
    panel = panel.dropna(subset=["y"]).copy()
    panel["cohort"] = panel["area"].map(lambda a: first_treated.get(a))
    treated = panel[panel["cohort"].notna()]
    if treated.empty or panel["cohort"].notna().all():
        raise ValueError("an event study needs treated and comparison areas")
    panel["rel"] = panel["year"] - panel["cohort"].fillna(0)
    cells = sorted({(int(g), int(e)) for g, e in zip(treated["cohort"],
                                                      treated["year"] - treated["cohort"],
                                                      strict=True) if e != REFERENCE})
    columns = {}
    for g, e in cells:
        columns[f"d_{g}_{e}"] = ((panel["cohort"] == g) & (panel["rel"] == e)).astype(float)
    design = pd.concat([
        pd.DataFrame(columns, index=panel.index),
        pd.get_dummies(panel["area"], prefix="a", dtype=float),
        pd.get_dummies(panel["year"], prefix="t", drop_first=True, dtype=float),
    ], axis=1)
    groups = pd.factorize(panel["area"])[0]
    result = sm.OLS(panel["y"].to_numpy(float), design.to_numpy(float)).fit(
        cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
    names = list(design.columns)
    # Sun & Abraham's weights: each cohort's share of the treated areas seen at relative year e.
    units = treated.groupby(["cohort"])["area"].nunique()
    by_e: dict[int, np.ndarray] = {}
    counts: dict[int, int] = {}
    for e in sorted({e for _, e in cells}):
        cohorts = [g for g, e2 in cells if e2 == e]
        seen = treated[(treated["year"] - treated["cohort"]) == e]
        total = seen["area"].nunique()
        w = np.zeros(len(names))
        for g in cohorts:
            share = seen[seen["cohort"] == g]["area"].nunique() / total
            w[names.index(f"d_{g}_{e}")] = share
        by_e[e], counts[e] = w, total
    coefficients = []
    for e, w in by_e.items():
        value, low, high = _interval(result, w)
        coefficients.append(Coefficient(e, value, low, high, counts[e]))
    post = [by_e[e] for e in by_e if e >= 0]
    att, att_low, att_high = _interval(result, np.mean(post, axis=0))
    pre = [by_e[e] for e in by_e if e < REFERENCE]
    pretrend = float(result.wald_test(np.array(pre), scalar=True).pvalue) if pre else None
    return EventStudy(
        coefficients=tuple(coefficients), att=att, att_low=att_low, att_high=att_high,
        pretrend_p=pretrend, treated_areas=int(units.sum()),
        comparison_areas=int(panel.loc[panel["cohort"].isna(), "area"].nunique()),
        clusters=int(groups.max() + 1),
    )
