"""Comparison areas follow the rules of catalogue/effects.toml (analytics/effects)."""

from __future__ import annotations

import pandas as pd
import pytest

from udsat.analytics.effects.comparison_groups import (
    DROPPED,
    FLAGGED,
    KEPT,
    choose,
    lists_ever_held,
)
from udsat.analytics.effects.design import load_design
from udsat.domain.catalogue import default_catalogue
from udsat.ingest.reference import REFERENCE_DIR


@pytest.fixture(scope="module")
def design():
    return load_design(default_catalogue())


def residents(sizes: dict[str, int], years=(2017, 2018, 2019, 2020)) -> pd.DataFrame:
    return pd.DataFrame([(a, y, n) for a, n in sizes.items() for y in years],
                        columns=["area", "year", "residents"])


NO_MOVES = pd.DataFrame(columns=["year", "destination", "movers_from_treated"])


def test_the_design_treats_the_15_areas_of_2018_from_1_january_2019(design):
    assert len(design.treated) == 15
    assert design.first_treated_year("vollsmose") == 2019
    assert design.first_treated_year("aldersrogade") is None


@pytest.mark.parametrize(("lists", "size", "pools"), [
    ({"vulnerable", "segregated"}, 500, ("listed_never_transformation",)),
    ({"segregated", "transformation"}, 5000, ()),  # once hard: never a comparison area
    ({"prevention"}, 999, ("prevention",)),
    (set(), 999, ()),  # on no list and below 1,000 residents
    (set(), 1000, ("large_social_housing",)),  # exactly at the 1,000 of the pool rule
    ({"vulnerable"}, 1200, ("listed_never_transformation", "large_social_housing")),
])
def test_pools_are_met_by_lists_and_base_year_residents(design, lists, size, pools):
    found = choose(design, residents({"x": size}), {"x": frozenset(lists)}, NO_MOVES)
    assert tuple(c.pools for c in found) == ((pools,) if pools else ())


def test_treated_areas_are_never_comparison_areas(design):
    found = choose(design, residents({"vollsmose": 5000, "y": 1500}), {}, NO_MOVES)
    assert [c.area for c in found] == ["y"]


@pytest.mark.parametrize(("movers", "status"), [
    (18, KEPT),  # 18 over 2 post years / 1,000 = 0.9 % a year < 1 %
    (20, FLAGGED),  # exactly 1 % a year: flagged
    (58, FLAGGED),
    (60, DROPPED),  # exactly 3 % a year: dropped
])
def test_spillover_movers_after_treatment_flag_or_drop_an_area(design, movers, status):
    # Movers split over the two post years (2019, 2020); a 2018 arrival does not count.
    moves = pd.DataFrame([(2018, "y", 500), (2019, "y", movers - movers // 2),
                          (2020, "y", movers // 2)],
                         columns=["year", "destination", "movers_from_treated"])
    [found] = choose(design, residents({"y": 1000}), {}, moves)
    assert found.spillover_share == pytest.approx(movers / 2 / 1000)
    assert found.status == status


def test_an_area_below_the_minimum_in_some_year_is_not_used(design):
    frame = residents({"y": 1100})
    frame.loc[frame["year"] == 2020, "residents"] = design.min_residents_every_year - 1
    [found] = choose(design, frame, {}, NO_MOVES)
    assert (found.status, found.used) == (DROPPED, False)


def test_list_memberships_come_from_the_resolved_record():
    lists = lists_ever_held(REFERENCE_DIR, default_catalogue().geography)
    assert "transformation" in lists["vollsmose"]
    assert "transformation" not in lists["aldersrogade"]
