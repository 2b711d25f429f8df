"""The bundle contract: a manifest that verifies every file before anything is loaded."""

import json

import pytest

from udsat.domain.bundle import (
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    BundleError,
    Manifest,
    read_manifest,
    write_csv_table,
    write_manifest,
)

ROW = ("mjoelnerparken", "residents", "2024", "", "966", "", "persons", "s", "", "")


def _bundle(directory, rows=(ROW,), dataset="reference"):
    directory.mkdir(exist_ok=True)
    files = (write_csv_table(directory, "observations", TABLE_COLUMNS["observations"], rows),)
    manifest = Manifest(SCHEMA_VERSION, "test", "2026-01-01T00:00:00+00:00", "tests", files,
                        dataset=dataset)
    write_manifest(directory, manifest)
    return manifest


def test_written_bundle_reads_back_with_row_counts_and_checksums(tmp_path):
    written = _bundle(tmp_path / "b")
    read = read_manifest(tmp_path / "b", required=["observations"])
    assert read.files == written.files
    assert read.files[0].rows == 1
    assert read.dataset == "reference" and read.synthetic is False


def test_content_digest_ignores_creation_time_but_not_content(tmp_path):
    first = _bundle(tmp_path / "a")
    again = _bundle(tmp_path / "b")
    other = _bundle(tmp_path / "c", rows=(ROW[:4] + ("967",) + ROW[5:],))
    assert first.content_digest == again.content_digest
    assert first.content_digest != other.content_digest


def test_same_tables_in_another_dataset_are_another_bundle(tmp_path):
    assert (_bundle(tmp_path / "a").content_digest
            != _bundle(tmp_path / "b", dataset="synthetic").content_digest)


def test_changed_file_fails_the_checksum(tmp_path):
    _bundle(tmp_path / "b")
    path = tmp_path / "b" / "observations.csv"
    path.write_text(path.read_text().replace("966", "999"))
    with pytest.raises(BundleError, match="checksum mismatch"):
        read_manifest(tmp_path / "b")


def test_missing_table_is_named(tmp_path):
    _bundle(tmp_path / "b")
    with pytest.raises(BundleError, match="table 'statuses' is missing"):
        read_manifest(tmp_path / "b", required=["statuses"])


def test_file_listed_but_absent_is_named(tmp_path):
    _bundle(tmp_path / "b")
    (tmp_path / "b" / "observations.csv").unlink()
    with pytest.raises(BundleError, match="listed in the manifest but missing"):
        read_manifest(tmp_path / "b")


def test_file_pointing_outside_the_bundle_is_refused(tmp_path):
    _bundle(tmp_path / "b")
    manifest_path = tmp_path / "b" / "manifest.json"
    raw = json.loads(manifest_path.read_text())
    raw["files"][0]["file"] = "../elsewhere.csv"
    manifest_path.write_text(json.dumps(raw))
    with pytest.raises(BundleError, match="outside the bundle"):
        read_manifest(tmp_path / "b")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"schema_version": 99}, "schema_version 99 is not supported"),
        ({"dataset": "Not A Slug"}, "must be a lower-case slug"),
        ({"synthetic": "yes"}, "synthetic must be true or false"),
    ],
)
def test_malformed_manifest_is_refused_with_reason(tmp_path, change, message):
    _bundle(tmp_path / "b")
    manifest_path = tmp_path / "b" / "manifest.json"
    raw = json.loads(manifest_path.read_text())
    raw.update(change)
    manifest_path.write_text(json.dumps(raw))
    with pytest.raises(BundleError, match=message):
        read_manifest(tmp_path / "b")


def test_manifest_that_is_not_json_is_refused(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "manifest.json").write_text("{not json")
    with pytest.raises(BundleError, match="not valid JSON"):
        read_manifest(tmp_path / "b")


def test_table_with_the_wrong_columns_is_refused(tmp_path):
    directory = tmp_path / "b"
    directory.mkdir()
    files = (write_csv_table(directory, "observations", ("area", "value"), [("x", "1")]),)
    write_manifest(directory, Manifest(SCHEMA_VERSION, "t", "now", "tests", files))
    with pytest.raises(BundleError, match="needs columns"):
        read_manifest(directory)
