"""Comparison areas chosen by the rules in catalogue/effects.toml, never by hand.

An area is a candidate when it meets any pool's conditions (lists it was ever on, lists it
never was on, base-year residents) and belongs to no treated cohort. Two computed caveats
then act on candidates: an area below the minimum residents in any year is not used (its
figures would rest on few persons), and an area that received movers from treated areas in
the post years is flagged or dropped by the spill-over rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from udsat.analytics.effects.design import Design
from udsat.domain.geography import Geography
from udsat.ingest.published_lists import read_list_record

KEPT, FLAGGED, DROPPED = "kept", "flagged", "dropped"


@dataclass(frozen=True)
class Candidate:
    area: str
    pools: tuple[str, ...]
    base_residents: int
    spillover_share: float  # yearly movers from treated areas after treatment / base residents
    status: str  # kept | flagged | dropped
    reason: str

    @property
    def used(self) -> bool:
        return self.status != DROPPED


def lists_ever_held(reference_dir: Path, geography: Geography) -> dict[str, frozenset[str]]:
    """Area slug -> every list code it is known to have been on (the resolved record)."""
    record = read_list_record(reference_dir, geography)
    return {area: frozenset().union(*(record.year(area, y).statuses for y in record.years))
            for area in record.by_area}


def _pools(design: Design, lists: frozenset[str], base_residents: int) -> tuple[str, ...]:
    met = []
    for pool in design.pools:
        if pool.on_any_list and not lists & set(pool.on_any_list):
            continue
        if lists & set(pool.never_on):
            continue
        if pool.min_residents is not None and base_residents < pool.min_residents:
            continue
        met.append(pool.key)
    return tuple(met)


def choose(design: Design, residents: pd.DataFrame, lists: Mapping[str, frozenset[str]],
           spillover: pd.DataFrame) -> list[Candidate]:
    """``residents``: area, year, residents; ``spillover``: year, destination,
    movers_from_treated. Returns every candidate area with its status and reason."""
    first = min(c.first_treated_year for c in design.cohorts)
    base = residents[residents["year"] == design.base_year].set_index("area")["residents"]
    smallest = residents.groupby("area")["residents"].min()
    post = spillover[spillover["year"] >= first].groupby("destination")["movers_from_treated"]
    received = post.sum()
    post_years = max(1, int((residents["year"].drop_duplicates() >= first).sum()))
    out = []
    for area in sorted(set(residents["area"]) - design.treated):
        n_base = int(base.get(area, 0))
        pools = _pools(design, lists.get(area, frozenset()), n_base)
        if not pools:
            continue
        share = float(received.get(area, 0)) / post_years / n_base if n_base else 0.0
        if n_base == 0 or int(smallest.get(area, 0)) < design.min_residents_every_year:
            status, reason = DROPPED, (f"fewer than {design.min_residents_every_year} "
                                       "residents in some year")
        elif share >= design.spillover_drop_share:
            # The rule, not the exact share: the share can rest on few movers.
            status, reason = DROPPED, ("movers from treated areas >= "
                                       f"{design.spillover_drop_share:.0%} of base-year residents "
                                       "a year")
        elif share >= design.spillover_flag_share:
            status, reason = FLAGGED, ("movers from treated areas >= "
                                       f"{design.spillover_flag_share:.0%} of base-year residents "
                                       "a year")
        else:
            status, reason = KEPT, ""
        out.append(Candidate(area, pools, n_base, share, status, reason))
    return out
