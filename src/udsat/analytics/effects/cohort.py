"""Residents of the base year followed wherever they live, against a matched cohort.

The cohort of an area is everyone aged 18-64 living there on 1 January of the base year
(issue 18: levels 2 and 3; out-movers stay in their base area's cohort). Matching is exact
on baseline cells - age band (18-29, 30-49, 50-64) x outside work and education in the base
year - by reweighting: every area's yearly outcome is the mean of its cell means weighted
by the treated cohorts' pooled cell shares, so each comparison cohort is compared as if it
had the treated cohorts' baseline composition. The persons behind an area-year figure are
taken as its smallest cell (the gate then never passes a figure resting on a small cell).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from udsat.analytics.db import Database
from udsat.analytics.indicators import measures_sql, predicate_indicators
from udsat.domain.catalogue import Catalogue

CELL = ["age_band", "base_outside"]


def cohort_cells(db: Database, catalogue: Catalogue, outcomes: Sequence[str],
                 base_year: int) -> pd.DataFrame:
    indicators = predicate_indicators(catalogue, outcomes)
    columns, rows = db.rows("effect_cohort", {"base_year": base_year},
                            catalogue_measures=measures_sql(indicators))
    return pd.DataFrame(rows, columns=columns)


def matched_outcome(cells: pd.DataFrame, outcome: str, treated: Iterable[str],
                    base_year: int) -> pd.DataFrame:
    """area, year, y (percent, reweighted to the treated baseline cells), n (smallest cell)."""
    num, den = f"{outcome}__num", f"{outcome}__den"
    base = cells[(cells["year"] == base_year) & cells["area"].isin(set(treated))]
    weights = base.groupby(CELL)["cohort_persons"].sum()
    weights = weights / weights.sum()
    frame = cells[cells[den] > 0].copy()
    frame["mean"] = frame[num].astype(float) * 100 / frame[den]
    frame["w"] = [weights.get(tuple(k), 0.0) for k in frame[CELL].itertuples(index=False)]
    frame = frame[frame["w"] > 0]
    grouped = frame.groupby(["area", "year"])
    out = pd.DataFrame({
        "y": grouped.apply(lambda g: (g["mean"] * g["w"]).sum() / g["w"].sum(),
                           include_groups=False),
        "n": grouped[den].min().astype(int),
        "cells": grouped["w"].size(),
    }).reset_index()
    # An area-year missing a cell the treated cohorts have is not comparable: left out.
    return out[out["cells"] == len(weights)][["area", "year", "y", "n"]]
