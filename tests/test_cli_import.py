"""`udsat import`: report, exit codes, and the database untouched by every refused file."""

import hashlib
import importlib.util
import json
from decimal import Decimal
from pathlib import Path

import pytest
from wagtail.models import ModelLogEntry

from udsat import cli
from udsat.domain.catalogue import default_catalogue
from udsat.web.data.models import (
    Area,
    Flow,
    Indicator,
    ListStatus,
    LoadBatch,
    Observation,
    ObservationRevision,
    PlaceObservation,
)

HERE = Path(__file__).parent
_spec = importlib.util.spec_from_file_location("corpus", HERE / "ingest" / "corpus.py")
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)
FIXTURE = HERE / "ingest" / "fixtures" / "beboerdata_15_areas_latin1.csv"
TABLES = (Area, Indicator, LoadBatch, Observation, ObservationRevision, PlaceObservation,
          ListStatus, Flow, ModelLogEntry)


def checksums() -> dict[str, str]:
    """sha256 of every table's rows: equal checksums mean an unchanged database."""
    return {m.__name__: hashlib.sha256(repr(sorted(map(repr, m.objects.values_list())))
                                       .encode()).hexdigest() for m in TABLES}


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "build", "expected"), [c[1:] for c in corpus.CASES],
                         ids=[c[0] for c in corpus.CASES])
def test_a_refused_file_exits_2_names_the_problem_and_leaves_every_table_unchanged(
    tmp_path, capsys, kind, build, expected
):
    assert cli.main(["import", "beboerdata", str(FIXTURE), "--loaded-by", "tests"]) == 0
    before = checksums()
    source = build(tmp_path)
    indicator = ["--indicator", corpus.INDICATOR] if kind.startswith("statistikbanken") else []
    assert cli.main(["import", kind, str(source), *indicator]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert checksums() == before


@pytest.mark.django_db
def test_the_seed_tables_load_from_the_beboerdata_csv_exactly_as_published(capsys):
    assert cli.main(["import", "beboerdata", str(FIXTURE), "--source-url",
                     "https://udsatteområder.dk/resultater/"]) == 0
    out = capsys.readouterr().out
    assert "read as Windows-1252/Latin-1, separator semicolon (;)" in out
    assert "loaded as batch" in out and "observations: 30 new, 0 revised, 0 unchanged" in out
    geography = default_catalogue().geography
    published = [line.split(";") for line in
                 FIXTURE.read_bytes().decode("latin-1").splitlines()[1:]]
    assert len(published) == 30
    for area, label, shown in published:
        figure = Observation.objects.get(area__slug=geography.area(area).slug,
                                         indicator__label_da=label)
        if shown == "-":
            assert (figure.value, figure.absence) == (None, "not_published")
        else:  # '9,4' as published = 9.4
            assert (figure.value, figure.absence) == (Decimal(shown.replace(",", ".")), "")
    batch = LoadBatch.objects.get()
    assert (batch.file_name, batch.source_url) == (FIXTURE.name,
                                                   "https://udsatteområder.dk/resultater/")


@pytest.mark.django_db
def test_a_dry_run_prints_what_would_change_and_loads_nothing(capsys):
    before = checksums()
    assert cli.main(["import", "beboerdata", str(FIXTURE), "--dry-run"]) == 0
    assert ("would change (dry run, nothing written): observations: 30 new, 0 revised, "
            "0 unchanged") in capsys.readouterr().out
    assert checksums() == before


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing(capsys):
    assert cli.main(["import", "beboerdata", str(FIXTURE)]) == 0
    before = checksums()
    assert cli.main(["import", "beboerdata", str(FIXTURE)]) == 0
    assert "already loaded" in capsys.readouterr().out
    assert checksums() == before


@pytest.mark.django_db
def test_json_output_carries_the_report_and_the_counts(tmp_path, capsys):
    assert cli.main(["import", "beboerdata", str(FIXTURE), "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["rows"] == {"observations": 30}
    assert report["load"]["counts"]["observations_new"] == 30 and report["dry_run"]
    bad = corpus.CASES[0][2](tmp_path)
    assert cli.main(["import", "tidy", str(bad), "--json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert not report["ok"] and report["problems"][0]["row"] == 2 and report["load"] is None


@pytest.mark.django_db
def test_a_statistikbanken_table_loads_as_place_observations(tmp_path, capsys):
    source = tmp_path / "straf.json"
    source.write_text(json.dumps({
        "version": "2.0", "class": "dataset", "id": ["OMRÅDE", "Tid"], "size": [2, 1],
        "dimension": {
            "OMRÅDE": {"category": {"index": ["000", "081"],
                                    "label": {"000": "Hele landet", "081": "Nordjylland"}}},
            "Tid": {"category": {"index": ["2020"]}}},
        "value": [0.9, None]}), encoding="utf-8")
    assert cli.main(["import", "statistikbanken-json", str(source),
                     "--indicator", "national_convicted_pct"]) == 0
    assert "place_observations: 2 new" in capsys.readouterr().out
    stored = {(p.place_kind, p.place_code): (p.value, p.absence)
              for p in PlaceObservation.objects.all()}
    assert stored == {("country", "DK"): (Decimal("0.9"), ""),
                      ("region", "1081"): (None, "not_published")}


@pytest.mark.django_db
def test_the_imported_seed_figures_show_on_the_area_pages_as_published(client):
    assert ">ikke offentliggjort<" not in client.get("/omraader/agervang/").content.decode()
    assert cli.main(["import", "beboerdata", str(FIXTURE)]) == 0
    # Tingbjerg: youth not in education published as '9,4 %'; Agervang: published as '-'
    tingbjerg = client.get("/omraader/tingbjerg-utterslevhuse/").content.decode()
    agervang = client.get("/omraader/agervang/").content.decode()
    assert ">9,4 %<" in tingbjerg and ">13,0 %<" in tingbjerg
    assert ">ikke offentliggjort<" in agervang
    assert ">15,6 %<" in agervang  # its household figure is published
