"""Loads keep their history: revisions, provenance, dry runs and the audit log."""

import json

import pytest
from wagtail.models import ModelLogEntry

from udsat.domain.bundle import (
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    BundleError,
    Manifest,
    sha256_of,
    write_csv_table,
    write_manifest,
)
from udsat.ingest.imports import Options, run_import
from udsat.ingest.tidy import TIDY
from udsat.web.data import loading
from udsat.web.data.loading import DATA_LOAD_ACTION, load_bundle
from udsat.web.data.models import Flow, LoadBatch, Observation, ObservationRevision

HEADER = "area,indicator,period,value,unit,source,absence\n"


def _bundle(tmp_path, name, body, source_url=""):
    source = tmp_path / name
    source.write_text(HEADER + body, encoding="utf-8")
    result = run_import(TIDY, source, tmp_path / f"{name}.bundle", Options(source_url=source_url))
    assert result.ok, result.problems
    return result.bundle


def _snapshot():
    models = (LoadBatch, Observation, ObservationRevision, ModelLogEntry)
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in models}


@pytest.mark.django_db
def test_a_revised_figure_supersedes_the_old_one_which_stays_queryable_with_its_batch(tmp_path):
    first = _bundle(tmp_path, "2023.csv", "Vollsmose,residents,2020,9000,persons,statistikbanken,\n"
                    "Vollsmose,residents,2021,9100,persons,statistikbanken,\n")
    second = _bundle(tmp_path, "2024.csv", "Vollsmose,residents,2020,9050,persons,statistikbanken,\n"
                     "Vollsmose,residents,2021,9100,persons,statistikbanken,\n")
    load_bundle(first, loaded_by="anna")
    report = load_bundle(second, loaded_by="bo")
    # 2020 changed (9000 -> 9050), 2021 did not
    assert (report.counts["observations_new"], report.counts["observations_revised"],
            report.counts["observations_unchanged"]) == (0, 1, 1)
    old_batch, new_batch = LoadBatch.objects.order_by("id")
    figure = Observation.objects.get(area__slug="vollsmose", period="2020")
    assert figure.value == 9050 and figure.batch == new_batch
    revision = figure.revisions.get()
    assert (revision.value, revision.batch, revision.superseded_by) == (9000, old_batch, new_batch)
    assert not Observation.objects.get(period="2021").revisions.exists()


@pytest.mark.django_db
def test_a_figure_revised_twice_keeps_both_earlier_values(tmp_path):
    for number, value in enumerate(("1", "2", "")):
        absence = "" if value else "suppressed"
        load_bundle(_bundle(tmp_path, f"v{number}.csv",
                            f"Vollsmose,nonwestern_pct,2019,{value},pct,statistikbanken,{absence}\n"))
    figure = Observation.objects.get()
    assert (figure.value, figure.absence) == (None, "suppressed")
    assert [(r.value, r.absence) for r in figure.revisions.order_by("id")] == [(1, ""), (2, "")]


@pytest.mark.django_db
def test_every_batch_records_where_its_figures_came_from(tmp_path):
    bundle = _bundle(tmp_path, "lbf.csv", "Vollsmose,residents,2020,9000,persons,statistikbanken,\n",
                     source_url="https://example.org/lbf.csv")
    load_bundle(bundle, loaded_by="anna")
    batch = Observation.objects.get().batch
    assert batch.file_name == "lbf.csv"
    assert len(batch.source_sha256) == 64
    assert batch.source_url == "https://example.org/lbf.csv"
    assert batch.loaded_by == "anna" and batch.loaded_at is not None


@pytest.mark.django_db
def test_a_dry_run_counts_what_would_change_and_writes_nothing(tmp_path):
    load_bundle(_bundle(tmp_path, "a.csv", "Vollsmose,residents,2020,9000,persons,statistikbanken,\n"))
    before = _snapshot()
    bundle = _bundle(tmp_path, "b.csv", "Vollsmose,residents,2020,9001,persons,statistikbanken,\n"
                     "Vollsmose,residents,2019,8000,persons,statistikbanken,\n")
    report = load_bundle(bundle, dry_run=True)
    assert report.dry_run and report.batch_id is None
    assert (report.counts["observations_new"], report.counts["observations_revised"]) == (1, 1)
    assert _snapshot() == before
    assert load_bundle(bundle).counts == report.counts  # the real load does what was promised


@pytest.mark.django_db
def test_every_load_writes_an_audit_log_entry(tmp_path, django_user_model):
    user = django_user_model.objects.create_user("anna")
    load_bundle(_bundle(tmp_path, "a.csv", "Vollsmose,residents,2020,9000,persons,statistikbanken,\n"),
                loaded_by="anna")
    entry = ModelLogEntry.objects.get(action=DATA_LOAD_ACTION)
    batch = LoadBatch.objects.get()
    assert (entry.object_id, entry.user_id) == (str(batch.id), user.id)
    assert entry.data["file_name"] == "a.csv" and entry.data["counts"]["observations_new"] == 1


@pytest.mark.django_db
def test_a_duplicate_in_a_later_chunk_refuses_the_whole_bundle(tmp_path, monkeypatch):
    monkeypatch.setattr(loading, "CHUNK_ROWS", 2)
    bundle = _bundle(tmp_path, "a.csv", "".join(
        f"Vollsmose,residents,{year},9000,persons,statistikbanken,\n" for year in range(2010, 2016)))
    rows = (bundle / "observations.csv").read_text(encoding="utf-8").splitlines()
    rows.append(rows[1])  # line 8 repeats line 2, after three chunks were written
    _rewrite(bundle, rows)
    with pytest.raises(BundleError, match=r"line 8: duplicate of line 2"):
        load_bundle(bundle)
    assert Observation.objects.count() == 0 and LoadBatch.objects.count() == 0


def _tidy_rows(years, value=9000):
    return "".join(f"Vollsmose,residents,{year},{value + year},persons,statistikbanken,\n"
                   for year in years)


def _bundle_line(year, value):
    """A row of a bundle's observations.csv (its columns, not the tidy file's)."""
    return f"vollsmose,residents,{year},,{value},,persons,statistikbanken,,"


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "first", "repeat"), [
    # stored: 2010 = 4010. The first occurrence leaves it unchanged; the repeat would revise it.
    ("unchanged, then revised", (2010, 4010), (2010, 1)),
    # the first occurrence revises the stored row; the repeat says the same again
    ("revised, then the same", (2010, 5), (2010, 5)),
    # the first occurrence is new to a dataset that already has rows
    ("new, then repeated", (2009, 5), (2009, 6)),
])
def test_a_reload_that_repeats_a_key_in_a_later_chunk_is_refused_naming_both_lines(
        tmp_path, monkeypatch, case, first, repeat):
    monkeypatch.setattr(loading, "CHUNK_ROWS", 2)
    load_bundle(_bundle(tmp_path, "a.csv", _tidy_rows(range(2010, 2016), 2000)))
    before = _snapshot()
    bundle = _bundle(tmp_path, "b.csv", _tidy_rows(range(2011, 2016), 2001))
    header, *rows = (bundle / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == _bundle_line(2011, 4012)
    # line 2 is the first occurrence; line 8, three chunks later, repeats its key
    _rewrite(bundle, [header, _bundle_line(*first), *rows, _bundle_line(*repeat)])
    with pytest.raises(BundleError, match=r"line 8: duplicate of line 2"):
        load_bundle(bundle)
    assert _snapshot() == before, case


@pytest.mark.django_db
def test_a_refused_bundle_lists_a_repeated_key_along_with_its_other_problems(
        tmp_path, monkeypatch):
    monkeypatch.setattr(loading, "CHUNK_ROWS", 2)
    bundle = _bundle(tmp_path, "a.csv", _tidy_rows(range(2010, 2016)))
    header, *rows = (bundle / "observations.csv").read_text(encoding="utf-8").splitlines()
    unknown = rows[1].replace("vollsmose", "atlantis", 1)
    _rewrite(bundle, [header, rows[0], unknown, *rows[2:], rows[4]])  # line 8 repeats line 6
    with pytest.raises(BundleError) as refused:
        load_bundle(bundle)
    assert "line 3, column 'area': unknown area 'atlantis'" in str(refused.value)
    assert "line 8: duplicate of line 6" in str(refused.value)
    assert Observation.objects.count() == 0


@pytest.mark.django_db
def test_a_repeat_within_one_chunk_of_stored_keys_is_refused(tmp_path):
    load_bundle(_bundle(tmp_path, "a.csv", _tidy_rows(range(2010, 2013))))
    before = _snapshot()
    bundle = _bundle(tmp_path, "b.csv", _tidy_rows(range(2010, 2013), 9001))
    rows = (bundle / "observations.csv").read_text(encoding="utf-8").splitlines()
    _rewrite(bundle, [*rows, rows[2]])  # line 5 repeats line 3, in the same chunk
    with pytest.raises(BundleError, match=r"line 5: duplicate of line 3"):
        load_bundle(bundle)
    assert _snapshot() == before


def _rewrite(bundle, lines):
    path = bundle / "observations.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][0].update(sha256=sha256_of(path), rows=len(lines) - 1)
    (bundle / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _flows_bundle(directory, n_persons):
    directory.mkdir()
    rows = [(2020, "vollsmose", "", "outside_social_housing", "other", n_persons, "false"),
            (2020, "vollsmose", "mjoelnerparken", "listed_area", "other", 7, "false")]
    table = write_csv_table(directory, "flows", TABLE_COLUMNS["flows"], rows)
    write_manifest(directory, Manifest(SCHEMA_VERSION, f"flows-{n_persons}", "2026-01-01",
                                       "tests", (table,), dataset="registers"))
    return directory


@pytest.mark.django_db
def test_a_revised_flow_without_a_destination_area_is_found_and_updated(tmp_path):
    load_bundle(_flows_bundle(tmp_path / "a", 10))
    report = load_bundle(_flows_bundle(tmp_path / "b", 11))
    # the flow to 'outside social housing' has no destination area (NULL) yet matches its key
    assert (report.counts["flows_new"], report.counts["flows_revised"],
            report.counts["flows_unchanged"]) == (0, 1, 1)
    assert Flow.objects.get(destination__isnull=True).n_persons == 11
