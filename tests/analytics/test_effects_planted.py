"""Planted effects in `udsat synth` and their recovery by `udsat effects` on a small
synthetic population: 4 treated areas and 14 comparison areas of 250 residents each."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest

from udsat.analytics.effects.design import load_design
from udsat.analytics.effects.run import compute_effects
from udsat.analytics.effects.small_population import small_design, small_targets
from udsat.analytics.planting import PlantedEffect
from udsat.analytics.synthetic import synthesize
from udsat.cli import main
from udsat.domain.catalogue import default_catalogue

SEED, SIZE, START = 5, -15.0, 2019
PERSONS, TREATED, COMPARISON, RESIDENTS = 10_000, 4, 14, 250


@pytest.fixture(scope="module")
def populations(tmp_path_factory):
    catalogue = default_catalogue()
    targets = small_targets(catalogue, TREATED, COMPARISON, RESIDENTS, SEED)
    treated = tuple(t.slug for t in targets[:TREATED])
    root = tmp_path_factory.mktemp("planted")
    for name, plants in (("planted", [PlantedEffect("outside_work_edu_pct", SIZE, START,
                                                    treated)]), ("null", [])):
        synthesize(root / name, PERSONS, 2014, 2021, SEED, catalogue, plants=plants,
                   targets=targets)
    design = replace(small_design(load_design(catalogue), list(treated), 200),
                     outcomes=("outside_work_edu_pct",), cohort_outcomes=("outside_work_edu_pct",))
    return root, treated, design


def _shares(path, treated):
    """Outside-work-and-education share (18-64) by area and year, in percent."""
    return dict(duckdb.sql(f"""
        SELECT area || '|' || year, 100.0 * count(*) FILTER (
            WHERE labour_status <> 'employed' AND NOT in_education) / count(*)
        FROM read_parquet('{path}/person_years/*.parquet')
        WHERE age BETWEEN 18 AND 64 AND area IN {tuple(treated)} GROUP BY ALL""").fetchall())


def test_the_planted_effect_changes_only_the_chosen_areas_from_the_chosen_year(populations):
    root, treated, _ = populations
    changed = duckdb.sql(f"""
        SELECT p.area, p.year, p.age
        FROM read_parquet('{root}/planted/person_years/*.parquet') p
        JOIN read_parquet('{root}/null/person_years/*.parquet') n USING (person_id, year)
        WHERE p.labour_status <> n.labour_status OR p.area IS DISTINCT FROM n.area""").fetchall()
    assert changed  # something was planted
    assert {area for area, _, _ in changed} <= set(treated)
    assert min(year for _, year, _ in changed) >= START
    assert all(18 <= age <= 64 for _, _, age in changed)


def test_the_planted_share_moves_by_the_planted_size(populations):
    root, treated, _ = populations
    planted, null = _shares(root / "planted", treated), _shares(root / "null", treated)
    post = [planted[k] - null[k] for k in null if int(k.split("|")[1]) >= START]
    pre = [planted[k] - null[k] for k in null if int(k.split("|")[1]) < START]
    # 4 areas x 3 post years; each cell's expected change is exactly SIZE (-15 points).
    assert sum(post) / len(post) == pytest.approx(SIZE, abs=1.5)
    assert pre == [0.0] * len(pre)


def test_the_estimators_recover_the_planted_effect_within_their_intervals(populations,
                                                                          tmp_path):
    root, treated, design = populations
    tables = compute_effects(root / "planted", tmp_path / "effects", default_catalogue(),
                             design=design)
    [es] = [r for r in tables.estimates
            if r["method"] == "event_study" and r["outcome"] == "outside_work_edu_pct"]
    assert es["status"] == "published"
    assert es["low"] <= SIZE <= es["high"]
    assert es["high"] < 0
    assert es["treated_areas"] == TREATED and es["comparison_areas"] >= 5
    assert set(es["areas_behind"].split(";")) >= set(treated)
    sc = [r for r in tables.estimates
          if r["method"] == "synthetic_control" and r["outcome"] == "outside_work_edu_pct"]
    assert len(sc) == TREATED
    covered = sum(r["low"] <= SIZE <= r["high"] for r in sc)
    assert covered >= 3  # 95 % intervals, 4 areas: at most one miss expected here
    for area in treated:
        weights = [r["weight"] for r in tables.donor_weights
                   if r["area"] == area and r["outcome"] == "outside_work_edu_pct"]
        assert sum(weights) == pytest.approx(1.0, abs=0.01)
    assert all(r["smallest_cell"] >= 5 for r in tables.estimates if r["status"] == "published")
    written = {p.name for p in (tmp_path / "effects").iterdir()}
    assert {"estimates.csv", "donor_weights.csv", "event_study.csv", "caveats.csv",
            "comparison_areas.csv", "synthetic_control.csv", "effects.json"} <= written


def test_the_cohort_estimate_is_the_planted_size_times_the_share_still_living_there(
        populations, tmp_path):
    root, treated, design = populations
    tables = compute_effects(root / "planted", tmp_path / "effects", default_catalogue(),
                             design=design)
    [es] = [r for r in tables.estimates
            if r["method"] == "event_study" and r["outcome"] == "cohort/outside_work_edu_pct"]
    # The effect was planted on residents: a cohort member who moved out no longer gets it.
    # Expected cohort effect: SIZE x the share of the treated cohorts' 18-64-year-olds still
    # living in their base area in the post years.
    [(stay,)] = duckdb.sql(f"""
        WITH base AS (SELECT person_id, area AS base_area
                      FROM read_parquet('{root}/planted/person_years/*.parquet')
                      WHERE year = 2018 AND age BETWEEN 18 AND 64 AND area IN {treated})
        SELECT avg(CASE WHEN p.area = base.base_area THEN 1.0 ELSE 0.0 END)
        FROM read_parquet('{root}/planted/person_years/*.parquet') p JOIN base USING (person_id)
        WHERE p.year >= {START} AND p.age BETWEEN 18 AND 64""").fetchall()
    assert 0.5 < stay < 1.0
    assert es["low"] <= SIZE * stay <= es["high"]


def test_without_a_planted_effect_the_interval_covers_zero(populations, tmp_path):
    root, _, design = populations
    tables = compute_effects(root / "null", tmp_path / "effects", default_catalogue(),
                             design=design)
    [es] = [r for r in tables.estimates
            if r["method"] == "event_study" and r["outcome"] == "outside_work_edu_pct"]
    assert es["low"] <= 0 <= es["high"]


def test_a_bad_plant_option_is_a_clear_error(tmp_path, capsys):
    code = main(["synth", "--persons", "100", "--out", str(tmp_path / "x"),
                 "--plant", "income:-5:2019"])
    assert code == 2
    assert "cannot plant 'income'" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_a_plant_on_an_unknown_area_is_a_clear_error(tmp_path, capsys):
    code = main(["synth", "--persons", "100", "--out", str(tmp_path / "x"),
                 "--plant", "outside_work_edu_pct:-5:2019:vollsmose,nowhere"])
    assert code == 2
    assert "unknown area(s) nowhere" in capsys.readouterr().err


def test_effects_refuses_a_non_empty_output_directory(populations, tmp_path, capsys):
    root, _, _ = populations
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("x")
    code = main(["effects", "--microdata", str(root / "null"), "--out", str(tmp_path / "out")])
    assert code == 2
    assert "not empty" in capsys.readouterr().err
    assert (tmp_path / "out" / "keep.txt").read_text() == "x"


def test_planted_microdata_meets_the_contract_and_keeps_its_row_groups(populations):
    import pyarrow.parquet as pq

    from udsat.ingest.microdata import validate_microdata

    root, _, _ = populations
    assert validate_microdata(root / "planted", default_catalogue()) == []
    for path in (root / "null" / "person_years").glob("*.parquet"):
        planted = root / "planted" / "person_years" / path.name
        before, after = pq.ParquetFile(path).metadata, pq.ParquetFile(planted).metadata
        assert [before.row_group(i).num_rows for i in range(before.num_row_groups)] == [
            after.row_group(i).num_rows for i in range(after.num_row_groups)]
