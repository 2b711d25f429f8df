"""load_bundle: one transaction, all or nothing, and a second load changes nothing."""

import csv
import json
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from udsat.domain.bundle import BundleError, sha256_of
from udsat.ingest.reference import build_reference_bundle
from udsat.web.data.loading import load_bundle
from udsat.web.data.models import Area, Flow, ListStatus, LoadBatch, Observation, PlaceObservation

MODELS = (Area, LoadBatch, Observation, PlaceObservation, ListStatus, Flow)


def snapshot():
    """Every row of every data table, as plain values: equal snapshots mean the same database."""
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in MODELS}


def _copy(bundle, tmp_path):
    target = tmp_path / "bundle"
    shutil.copytree(bundle, target)
    return target


def _rewrite(directory, table, edit):
    """Edit one CSV table and fix its checksum, so only the content is wrong."""
    path = directory / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    manifest_path = directory / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        if entry["table"] == table:
            entry["sha256"] = sha256_of(path)
            entry["rows"] = len(rows) - 1
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.django_db
def test_reference_load_creates_every_row(reference_bundle):
    report = load_bundle(reference_bundle)
    assert report.counts["observations_new"] == Observation.objects.count() > 0
    assert report.counts["statuses_new"] == ListStatus.objects.count() > 0
    assert Area.objects.filter(evaluated_2018=True).count() == 15
    batch = LoadBatch.objects.get()
    assert (batch.dataset, batch.synthetic, batch.kind) == ("reference", False, "bundle")
    assert Observation.objects.filter(batch=batch).count() == Observation.objects.count()


@pytest.mark.django_db
def test_loading_the_same_bundle_twice_changes_nothing(reference_bundle):
    load_bundle(reference_bundle)
    before = snapshot()
    report = load_bundle(reference_bundle)
    assert report.already_loaded
    assert snapshot() == before


@pytest.mark.django_db
def test_a_rebuilt_reference_bundle_is_recognised_as_already_loaded(reference_bundle, tmp_path):
    load_bundle(reference_bundle)
    before = snapshot()
    rebuilt = tmp_path / "rebuilt"
    build_reference_bundle(rebuilt)  # another created_at, the same tables
    assert load_bundle(rebuilt).already_loaded
    assert snapshot() == before


@pytest.mark.django_db
def test_a_revised_figure_is_updated_and_the_rest_left_alone(reference_bundle, tmp_path):
    load_bundle(reference_bundle)
    revised = _copy(reference_bundle, tmp_path)

    def edit(rows):
        header = rows[0]
        for row in rows[1:]:
            if row[header.index("area")] == "tingbjerg-utterslevhuse" and \
                    row[header.index("indicator")] == "youth_not_in_education_pct":
                row[header.index("value")] = "9.5"

    _rewrite(revised, "observations", edit)
    total = Observation.objects.count()
    report = load_bundle(revised)
    assert report.counts["observations_revised"] == 1
    assert report.counts["observations_unchanged"] == total - 1
    changed = Observation.objects.get(area__slug="tingbjerg-utterslevhuse",
                                      indicator__code="youth_not_in_education_pct")
    assert str(changed.value.normalize()) == "9.5"
    assert changed.batch.name == "reference" and LoadBatch.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("missing_table", "listed in the manifest but missing"),
        ("checksum", "checksum mismatch"),
        ("unknown_area", "column 'area': unknown area 'atlantis'"),
        ("value_and_absence", "give a value or an absence, not both"),
        ("wrong_term", "is not the official term for transformation in 2022"),
    ],
)
def test_a_malformed_bundle_is_refused_and_the_database_is_unchanged(
    reference_bundle, tmp_path, damage, message
):
    load_bundle(reference_bundle)
    before = snapshot()
    broken = _copy(reference_bundle, tmp_path)
    if damage == "missing_table":
        (broken / "statuses.csv").unlink()
    elif damage == "checksum":
        with (broken / "observations.csv").open("a", encoding="utf-8") as handle:
            handle.write("mjoelnerparken,residents,2030,,1,,persons,x,,\n")
    elif damage == "unknown_area":
        _rewrite(broken, "observations", lambda rows: rows.append(
            ["atlantis", "residents", "2024", "", "10", "", "persons", "x", "", ""]))
    elif damage == "value_and_absence":
        _rewrite(broken, "observations", lambda rows: rows.append(
            ["vollsmose", "residents", "2030", "", "10", "suppressed", "persons", "x", "", ""]))
    else:
        _rewrite(broken, "statuses", lambda rows: rows.append(
            ["vollsmose", "2022", "transformation", "hårdt ghettoområde", "", "official", "", "",
             "true", "", ""]))
    with pytest.raises(BundleError, match=message):
        load_bundle(broken)
    assert snapshot() == before


@pytest.mark.django_db
def test_errors_name_the_file_and_line(reference_bundle, tmp_path):
    broken = _copy(reference_bundle, tmp_path)
    _rewrite(broken, "observations", lambda rows: rows.append(
        ["vollsmose", "no_such_indicator", "2024", "", "1", "", "pct", "x", "", ""]))
    lines = (broken / "observations.csv").read_text(encoding="utf-8").count("\n")
    with pytest.raises(BundleError) as raised:
        load_bundle(broken)
    assert (f"observations.csv, line {lines}, column 'indicator': unknown indicator "
            "'no_such_indicator'") in str(raised.value)
    assert Observation.objects.count() == 0


@pytest.mark.django_db
def test_management_command_reports_a_bad_bundle_without_a_traceback(tmp_path):
    with pytest.raises(CommandError, match="missing; a bundle needs a manifest.json"):
        call_command("load_bundle", str(tmp_path))
