"""The packaged reference data (real published figures) becomes a bundle the web can load."""

import csv
import shutil

import pytest

from udsat.domain.bundle import iter_rows, read_manifest
from udsat.ingest.problems import ProblemsFound
from udsat.ingest.reference import REFERENCE_DIR, build_reference_bundle


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    build_reference_bundle(out)
    return out


def _table(directory, table):
    manifest = read_manifest(directory)
    return [row for _, row in iter_rows(directory, manifest.csv_file(table))]


def test_seed_tables_become_30_observations_with_unpublished_cells_typed(bundle):
    seed = [r for r in _table(bundle, "observations") if r["period"] == "unstated"]
    assert len(seed) == 30  # 15 areas x 2 indicators
    by_key = {(r["area"], r["indicator"]): r for r in seed}
    # "9,4 %" on the results page for Tingbjerg/Utterslevhuse's 15-17-year-olds.
    tingbjerg = by_key[("tingbjerg-utterslevhuse", "youth_not_in_education_pct")]
    assert (tingbjerg["value"], tingbjerg["absence"]) == ("9.4", "")
    with (REFERENCE_DIR / "beboerdata_15_areas.csv").open(encoding="utf-8") as handle:
        dashes = [r for r in csv.DictReader(handle) if not r["value_pct"].strip()]
    assert dashes, "the seed tables have cells shown as '-'"
    # Agervang's 15-17-year-olds are shown as "-" on the results page: not published, no value.
    agervang = by_key[("agervang", "youth_not_in_education_pct")]
    assert (agervang["value"], agervang["absence"]) == ("", "not_published")
    assert agervang["note"] == "published as '-': the source shows no figure"
    unpublished = [r for r in seed if r["absence"] == "not_published"]
    assert len(unpublished) == len(dashes)


def test_an_unpublished_seed_figure_is_never_zero(bundle):
    for row in _table(bundle, "observations"):
        if row["absence"]:
            assert row["value"] == ""
        else:
            assert row["value"] != ""


def test_bundle_is_identical_when_built_twice(tmp_path, bundle):
    again = tmp_path / "again"
    build_reference_bundle(again)
    assert read_manifest(again).content_digest == read_manifest(bundle).content_digest


def test_statuses_cover_the_15_areas_in_2018(bundle):
    rows = _table(bundle, "statuses")
    hard_2018 = {r["area"] for r in rows if r["year"] == "2018" and r["status"] == "transformation"
                 and r["origin"] in ("official", "derived")}
    assert len(hard_2018) == 15
    assert all(r["term"] == "hårdt ghettoområde" for r in rows
               if r["year"] == "2018" and r["status"] == "transformation")


def test_unknown_area_is_refused_with_file_row_and_suggestion_and_nothing_written(tmp_path):
    source = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, source)
    path = source / "beboerdata_15_areas.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("Tingbjerg/Utterslevhuse", "Tingbjerg/Utterslevhusene", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(ProblemsFound) as raised:
        build_reference_bundle(out, directory=source)
    message = str(raised.value)
    assert "beboerdata_15_areas.csv, row 2, column 'area'" in message
    assert "Tingbjerg/Utterslevhuse" in message.split("closest:")[1]
    assert not out.exists()
