"""`udsat effects` with the catalogue's own design on the session's synthetic Denmark
(300,000 persons, the 15 evaluated areas at their real size; tests/analytics/conftest.py)."""

from __future__ import annotations

import pytest

from udsat.analytics.effects.design import load_design
from udsat.analytics.effects.run import compute_effects
from udsat.domain.catalogue import default_catalogue


@pytest.fixture(scope="module")
def tables(synthetic_microdata, tmp_path_factory):
    return compute_effects(synthetic_microdata, tmp_path_factory.mktemp("fx") / "effects",
                           default_catalogue())


def test_every_treated_area_gets_a_row_per_outcome_and_method(tables):
    design = load_design(default_catalogue())
    areas = {r["area"] for r in tables.estimates if r["method"] == "synthetic_control"}
    assert areas == set(design.treated)  # all 15 live in the synthetic Denmark
    outcomes = {r["outcome"] for r in tables.estimates}
    assert outcomes == set(design.outcomes) | {f"cohort/{o}" for o in design.cohort_outcomes}


def test_comparison_areas_come_from_the_pools_and_never_include_a_once_hard_area(tables):
    design = load_design(default_catalogue())
    rows = tables.comparison_areas
    assert rows
    assert not {r["area"] for r in rows} & design.treated
    pools = {p for r in rows for p in r["pools"].split(";")}
    # Catalogue areas of the synthetic Denmark were listed (segregated) in the record.
    assert "listed_never_transformation" in pools
    assert {r["status"] for r in rows} <= {"kept", "flagged", "dropped"}


def test_no_published_estimate_rests_on_a_small_cell_or_few_comparison_areas(tables):
    published = [r for r in tables.estimates if r["status"] == "published"]
    assert published
    for row in published:
        assert row["smallest_cell"] >= 5
        assert row["comparison_areas"] >= 5
        assert len(row["areas_behind"].split(";")) == row["treated_areas"] + row[
            "comparison_areas"]
    for row in tables.estimates:
        if row["status"] == "suppressed":
            assert row.get("estimate") is None and row["reason"]
