"""Survey estimates: weighted means with 95 % confidence intervals per area, year and group.

The variance is the linearised (Taylor) variance of a ratio estimator with weights w:
var(m) = n/(n-1) * sum(w^2 (x - m)^2) / (sum w)^2, computed from one-pass sums.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from decimal import Decimal

from udsat.analytics.cells import Collection, obs_key

ITEMS = {"wellbeing": "survey_wellbeing", "safety": "survey_safety",
         "life_mastery": "survey_life_mastery"}
Z_95 = 1.959964


def weighted_mean(row: Mapping[str, object]) -> tuple[float, float, float]:
    """(mean, low, high) of the 95 % interval from the sums of survey_estimates.sql."""
    n = int(row["n_persons"])
    sw, swx = float(row["sw"]), float(row["swx"])
    sww, swwx, swwxx = float(row["sww"]), float(row["swwx"]), float(row["swwxx"])
    mean = swx / sw
    if n < 2:
        return mean, mean, mean
    squares = max(0.0, swwxx - 2 * mean * swwx + mean * mean * sww)
    half = Z_95 * math.sqrt(n / (n - 1) * squares / (sw * sw))
    return mean, mean - half, mean + half


def collect_survey(collection: Collection, rows: Iterable[Mapping[str, object]]) -> list[tuple]:
    """Add survey cells; return rows of the survey_estimates table (before disclosure)."""
    table = []
    for row in rows:
        area, year, group = str(row["area"]), int(row["year"]), str(row["grp"])
        indicator = ITEMS[str(row["item"])]
        mean, low, high = weighted_mean(row)
        n = int(row["n_persons"])
        note = f"95 % CI {low:.1f}-{high:.1f}"
        collection.observation(area, indicator, year, group, Decimal(f"{mean:.6f}"), n, note)
        table.append((area, year, indicator, group, n, mean, low, high))
    for area, year, indicator, group, *_ in table:
        if group == "":
            collection.relate_total(obs_key(area, indicator, year, ""), [
                obs_key(area, indicator, year, "stayers"),
                obs_key(area, indicator, year, "newcomers")])
    return table
