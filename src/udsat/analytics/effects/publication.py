"""The disclosure gate for estimates (issue 18, point 4), through domain/disclosure.py.

Estimators only ever see publishable cells: an area-year cell with fewer persons than the
minimum removes its area from the estimation of that outcome (``publishable_areas``), so a
published estimate never rests on a small cell, and a synthetic-control weight can only fall
on a donor whose every figure is publishable on its own. Each published estimate carries the
persons and areas behind it; an estimate with too few comparison areas is withheld.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from udsat.domain.disclosure import Figure, Policy, primary

PUBLISHED, SUPPRESSED = "published", "suppressed"


@dataclass(frozen=True)
class Basis:
    """Who is behind an estimate: areas by role and the persons in their cells."""

    treated: tuple[str, ...]
    comparison: tuple[str, ...]
    persons_base_year: int  # outcome denominator summed over the areas in the base year
    smallest_cell: int  # the fewest persons in any area-year cell used


def publishable_areas(outcome: pd.DataFrame, policy: Policy, indicator: str = "") -> set[str]:
    """Areas whose every area-year cell of this outcome passes the primary rules: the
    persons behind it and, where the frame has the numerator (``num``), the catalogue's
    numerator, complement and group rules for ``indicator`` (catalogue/disclosure.toml)."""
    has_num = "num" in outcome.columns
    cells = {(row.area, row.year): Figure(int(row.n), indicator=indicator,
                                          count=int(row.num) if has_num else None)
             for row in outcome.itertuples()}
    small = primary(cells, policy)
    return set(outcome["area"]) - {area for area, _ in small}


def basis(outcome: pd.DataFrame, treated: Iterable[str], comparison: Iterable[str],
          base_year: int) -> Basis:
    treated, comparison = tuple(sorted(treated)), tuple(sorted(comparison))
    used = outcome[outcome["area"].isin(set(treated) | set(comparison))]
    base = used[used["year"] == base_year]
    return Basis(treated, comparison, int(base["n"].sum()),
                 int(used["n"].min()) if len(used) else 0)


def verdict(b: Basis, policy: Policy, min_comparison_areas: int) -> tuple[str, str]:
    """(status, reason): the final check every estimate passes before it is written."""
    if not b.treated:
        return SUPPRESSED, "no treated area with publishable figures"
    if len(b.comparison) < min_comparison_areas:
        return SUPPRESSED, (f"{len(b.comparison)} comparison areas, fewer than "
                            f"{min_comparison_areas}")
    if b.smallest_cell < policy.min_persons:
        return SUPPRESSED, f"a cell with {b.smallest_cell} persons"
    return PUBLISHED, ""
