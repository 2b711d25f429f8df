"""A backup round trip: database and uploaded documents come back identical."""

import hashlib

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import ModelLogEntry

from udsat.domain.bundle import (
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    Manifest,
    write_csv_table,
    write_manifest,
)
from udsat.web.data.loading import load_bundle
from udsat.web.data.models import Area, Indicator, LoadBatch, Observation

TABLES = (Area, Indicator, LoadBatch, Observation, ModelLogEntry)


def _checksums() -> dict[str, str]:
    return {m.__name__: hashlib.sha256(repr(sorted(map(repr, m.objects.values_list())))
                                       .encode()).hexdigest() for m in TABLES}


def _load(directory, period: str) -> None:
    directory.mkdir()
    columns = TABLE_COLUMNS["observations"]
    row = {"area": "vollsmose", "indicator": "residents", "period": period, "breakdown": "",
           "value": "9000", "absence": "", "unit": "persons", "source": "statistikbanken",
           "n_persons": "", "note": "før backup"}
    files = (write_csv_table(directory, "observations", columns, [[row[c] for c in columns]]),)
    write_manifest(directory, Manifest(SCHEMA_VERSION, period, "2026-01-01", "tests", files))
    load_bundle(directory)


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_the_database_and_the_documents_exactly(tmp_path, settings, capsys):
    settings.MEDIA_ROOT = tmp_path / "media"
    document = tmp_path / "media" / "documents" / "rapport.pdf"
    document.parent.mkdir(parents=True)
    document.write_bytes(b"%PDF-1.4 the report\n%%EOF\n")
    _load(tmp_path / "first", "2020")
    before = _checksums()
    assert Observation.objects.count() == 1

    call_command("backup", "--out", str(tmp_path / "backups"))
    archive = capsys.readouterr().out.strip()
    assert archive.endswith(".tar.gz")

    # Everything changes after the backup: a new load, a deleted figure, a lost file.
    _load(tmp_path / "second", "2021")
    Observation.objects.filter(period="2020").delete()
    document.unlink()
    (tmp_path / "media" / "stray.pdf").write_bytes(b"added later")
    assert _checksums() != before

    call_command("restore", archive)
    assert _checksums() == before
    assert list(Observation.objects.values_list("period", "note")) == [("2020", "før backup")]
    assert document.read_bytes() == b"%PDF-1.4 the report\n%%EOF\n"
    assert not (tmp_path / "media" / "stray.pdf").exists()


@pytest.mark.django_db
def test_a_damaged_archive_restores_nothing(tmp_path):
    archive = tmp_path / "broken.tar.gz"
    archive.write_bytes(b"not a tar file")
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive))
    assert "not a udsat backup" in str(refused.value) and refused.value.returncode == 2
