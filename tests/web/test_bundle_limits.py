"""The web's trust boundary: a bundle within the contract's bounds loads and every page shows
it; one past a bound, or malformed, is refused with file, line and column and no write."""

import csv
import hashlib
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from udsat.domain.bundle import (
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    BundleError,
    Manifest,
    write_csv_table,
    write_manifest,
)
from udsat.web.data.loading import load_bundle
from udsat.web.data.models import ListStatus, LoadBatch, Observation

OBSERVATION = {"area": "vollsmose", "indicator": "residents", "period": "2020", "breakdown": "",
               "value": "9000", "absence": "", "unit": "persons", "source": "statistikbanken",
               "n_persons": "", "note": ""}
STATUS = {"area": "vollsmose", "year": "2019", "status": "segregated", "term": "ghettoområde",
          "rule_version": "2018", "origin": "official", "source_url": "", "note": "",
          "on_list": "true", "derivation_da": "", "derivation_en": ""}


def _bundle(directory, table: str, rows: list[dict], name: str = "b"):
    directory.mkdir(exist_ok=True)
    columns = TABLE_COLUMNS[table]
    files = (write_csv_table(directory, table, columns, [[r[c] for c in columns] for r in rows]),)
    write_manifest(directory, Manifest(SCHEMA_VERSION, name, "2026-01-01T00:00:00+00:00",
                                       "tests", files))
    return directory


def _refused(directory) -> str:
    before = (LoadBatch.objects.count(), Observation.objects.count())
    with pytest.raises(BundleError) as refused:
        load_bundle(directory)
    assert (LoadBatch.objects.count(), Observation.objects.count()) == before
    return str(refused.value)


# (column, value at the bound, value one past it, what the refusal says)
BOUNDS = [
    # 11 digits before the point: SQLite keeps the figure as a double, and 12 nines with six
    # decimals would round up to 10^12, past DecimalField(18, 6).
    ("value", "99999999999.999999", "100000000000", "is too large"),
    ("n_persons", "2147483647", "2147483648", "is too large"),  # 2^31 - 1: PostgreSQL integer
    ("breakdown", "b" * 60, "b" * 61, "at most 60"),
    ("note", "n" * 2000, "n" * 2001, "at most 2000"),
    ("unit", "p" * 20, "p" * 21, "at most 20"),
    ("source", "s" * 80, "s" * 81, "at most 80"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("column", "at_bound", "past", "reason"), BOUNDS,
                         ids=[b[0] for b in BOUNDS])
def test_a_figure_at_each_bound_loads_and_one_past_it_is_refused(tmp_path, column, at_bound,
                                                                   past, reason):
    report = load_bundle(_bundle(tmp_path / "at", "observations",
                                 [{**OBSERVATION, column: at_bound}], "at"))
    assert report.counts["observations_new"] == 1
    stored = getattr(Observation.objects.get(), column)
    if column == "value":  # SQLite's double: 99999999999.999999 reads back to within 1e-4
        assert abs(stored - Decimal(at_bound)) < Decimal("0.0001")
    else:
        assert str(stored) == at_bound
    message = _refused(_bundle(tmp_path / "past", "observations",
                               [{**OBSERVATION, column: past, "period": "2021"}], "past"))
    assert f"observations.csv, line 2, column '{column}'" in message and reason in message


NOT_ASCII = [
    ("period", "٢٠١٩", "is not a year"),  # Arabic-Indic digits
    ("period", "2019²", "is not a year"),
    ("value", "٩٠٠٠", "is not a number (digits 0-9"),
    ("value", "1_000", "is not a number (digits 0-9"),
    ("n_persons", "²", "is not a whole number (digits 0-9)"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("column", "text", "reason"), NOT_ASCII)
def test_only_ascii_digits_are_numbers_at_the_load(tmp_path, column, text, reason):
    message = _refused(_bundle(tmp_path / "b", "observations", [{**OBSERVATION, column: text}]))
    assert f"line 2, column '{column}'" in message and reason in message


@pytest.mark.django_db
@pytest.mark.parametrize(("column", "text", "reason"), [
    ("year", "99999", "is not a year"), ("year", "٢٠١٩", "is not a year"),
    ("source_url", "u" * 2001, "at most 2000"),
])
def test_a_status_past_its_bounds_is_refused(tmp_path, column, text, reason):
    before = ListStatus.objects.count()
    message = _refused(_bundle(tmp_path / "b", "statuses", [{**STATUS, column: text}]))
    assert f"statuses.csv, line 2, column '{column}'" in message and reason in message
    assert ListStatus.objects.count() == before


def test_a_figure_at_the_bound_is_shown_by_every_page_that_shows_it(client, tmp_path,
                                                                     loaded_reference):
    # The case: 9999999999999 persons validated and then took these pages down.
    load_bundle(_bundle(tmp_path / "b", "observations", [
        {**OBSERVATION, "period": "2030", "value": "99999999999", "n_persons": "2147483647"}]))
    for url in ("/omraader/vollsmose/", "/omraader/vollsmose/data/residents.csv",
                "/sammenlign/?indikator=residents&periode=2030",
                "/sammenlign/data.csv?indikator=residents&periode=2030"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert b"99999999999" in client.get("/omraader/vollsmose/data/residents.csv").content


def _manifest(directory, **changes):
    """A bundle with one good table whose manifest is then altered."""
    _bundle(directory, "observations", [OBSERVATION])
    path = directory / "manifest.json"
    raw = json.loads(path.read_text())
    for key, value in changes.items():
        if key.startswith("file_"):
            raw["files"][0][key[5:]] = value
        else:
            raw[key] = value
    path.write_text(json.dumps(raw))
    return directory


MALFORMED = [
    ("files_not_a_list", {"files": 5}, "files must be a list"),
    ("file_entry_not_an_object", {"files": ["observations.csv"]}, "files[0] must be an object"),
    ("table_not_a_string", {"file_table": ["observations"]}, "table must be a string"),
    ("file_not_a_string", {"file_file": 5}, "file must be a string"),
    ("columns_not_a_list", {"file_columns": None}, "columns must be a list"),
    ("rows_not_a_number", {"file_rows": "x"}, "rows must be a whole number"),
    ("disclosure_not_an_object", {"disclosure": [1]}, "disclosure must be an object"),
    ("name_too_long", {"name": "n" * 201}, "name is 201 characters; at most 200"),
    ("dataset_too_long", {"dataset": "d" * 61}, "dataset is 61 characters; at most 60"),
    ("rule_versions_not_texts", {"rule_versions": [1]}, "rule_versions must be a list"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("changes", "reason"), [m[1:] for m in MALFORMED],
                         ids=[m[0] for m in MALFORMED])
def test_a_malformed_manifest_is_refused_without_a_traceback(tmp_path, changes, reason):
    assert reason in _refused(_manifest(tmp_path / "b", **changes))


def _with_table(directory, content: bytes):
    """A bundle whose observations.csv is ``content`` (the manifest's checksum matches it)."""
    _bundle(directory, "observations", [OBSERVATION])
    (directory / "observations.csv").write_bytes(content)
    path = directory / "manifest.json"
    raw = json.loads(path.read_text())
    raw["files"][0]["sha256"] = hashlib.sha256(content).hexdigest()
    path.write_text(json.dumps(raw))
    return directory


HEADER = ",".join(TABLE_COLUMNS["observations"]).encode() + b"\n"
ROW = b"vollsmose,residents,2020,,9000,,persons,statistikbanken,,\n"


@pytest.mark.django_db
@pytest.mark.parametrize(("content", "reason"), [
    (HEADER.replace(b"note", b"n\xf8te"), "line 1: the header cannot be read (is not UTF-8)"),
    (b"x" * 100_000 + b"\n", "line 1: the header cannot be read (a line is longer"),
    # Past the first block the reader decodes (the header check reads only the first).
    (HEADER + b"".join(ROW.replace(b",,9000", b",b%d,9000" % i) for i in range(1000))
     + b"vollsmose,residents,2021,,9\xf8,,persons,statistikbanken,,\n",
     "is not UTF-8 (on this line or a later one)"),
    (HEADER + b"vollsmose,residents,2021,,9,,persons,statistikbanken,," + b"n" * 100_000 + b"\n",
     "observations.csv, line 2: cannot be read as CSV (a line is longer than 65,536"),
], ids=["header_not_utf8", "header_too_long", "row_not_utf8", "row_too_long"])
def test_a_table_that_cannot_be_read_is_refused_with_its_line(tmp_path, content, reason):
    assert reason in _refused(_with_table(tmp_path / "b", content))


@pytest.mark.django_db
def test_a_manifest_nested_too_deeply_is_refused(tmp_path):
    directory = tmp_path / "b"
    directory.mkdir()
    (directory / "manifest.json").write_text("[" * 100_000 + "]" * 100_000)
    assert "not valid JSON (nested too deeply)" in _refused(directory)


@pytest.mark.django_db
def test_the_load_bundle_command_exits_2_on_a_refused_bundle(tmp_path):
    directory = _bundle(tmp_path / "b", "observations", [{**OBSERVATION, "period": "٢٠١٩"}])
    with pytest.raises(CommandError) as refused:
        call_command("load_bundle", str(directory))
    assert refused.value.returncode == 2
    assert "column 'period'" in str(refused.value)


def test_the_csv_helper_writes_what_the_test_reads(tmp_path):
    # The fixtures above rely on the csv module quoting nothing in these rows.
    _bundle(tmp_path / "b", "observations", [OBSERVATION])
    with (tmp_path / "b" / "observations.csv").open() as handle:
        assert next(csv.reader(handle)) == list(TABLE_COLUMNS["observations"])
