"""Releases: every loaded bundle is one; ?release= serves an earlier one's figures unchanged
after a revision; a release's bulk zip is a loadable bundle with typed Parquet."""

import io
import json
import zipfile

import pyarrow.parquet as pq
import pytest

from conftest import IND
from udsat.domain.bundle import read_manifest

URL = f"/api/v1/observations/?dataset=synthetic&indicator={IND}&breakdown=total"


def _values(client, query: str = "") -> dict[str, float | None]:
    response = client.get(f"{URL}{query}")
    return {r["period"]: r["value"] for r in response.json()["results"]}


@pytest.mark.django_db
def test_an_earlier_release_is_served_unchanged_after_a_revision(client, revised_data):
    first, second = revised_data
    # The revision changed 2023 from 18.0 to 17.5 and added 2024.
    assert _values(client) == {"2022": 20.0, "2023": 17.5, "2024": 16.0}
    assert _values(client, f"&release={first}") == {"2022": 20.0, "2023": 18.0}
    assert _values(client, f"&release={second}") == {"2022": 20.0, "2023": 17.5, "2024": 16.0}
    old = client.get(f"{URL}&release={first}&period=2023").json()
    assert old["release"]["id"] == first and old["release"]["latest"] is False
    assert old["results"][0]["release"] == first  # the release that set the figure
    assert old["results"][0]["n_persons"] == 380


@pytest.mark.django_db
def test_an_earlier_release_in_jsonstat_and_csv_has_the_earlier_figure(client, revised_data):
    first, _ = revised_data
    data = json.loads(client.get(f"{URL}&release={first}&format=jsonstat").content)
    assert data["dimension"]["period"]["category"]["index"] == {"2022": 0, "2023": 1}
    assert data["value"] == [20.0, 18.0]
    response = client.get(f"{URL}&release={first}&format=csv")
    body = b"".join(response.streaming_content).decode()
    assert ",18," in body and "17.5" not in body
    assert response["X-Udsat-Release"] == str(first)


@pytest.mark.django_db
def test_releases_list_every_loaded_bundle_with_its_checksums(client, revised_data):
    first, second = revised_data
    data = client.get("/api/v1/releases/").json()
    ids = [r["id"] for r in data["results"]]
    assert ids[:2] == [second, first]  # newest first; the reference bundle is the third
    latest = data["results"][0]
    assert latest["latest"] is True and latest["dataset"] == "synthetic"
    files = {f["file"]: f for f in latest["manifest"]["files"]}
    assert files["observations.csv"]["rows"] == 4 and len(files["observations.csv"]["sha256"]) == 64
    assert latest["bulk"].endswith(f"/api/v1/releases/{second}/bulk.zip")
    assert client.get("/api/v1/releases/999999/").status_code == 404


@pytest.mark.django_db
def test_a_release_bulk_zip_is_a_loadable_bundle_with_typed_parquet(client, revised_data,
                                                                    tmp_path):
    first, _ = revised_data
    response = client.get(f"/api/v1/releases/{first}/bulk.zip")
    assert response.streaming
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    archive.extractall(tmp_path)
    manifest = read_manifest(tmp_path)  # verifies every file's checksum and row count
    assert manifest.dataset == "synthetic" and manifest.synthetic
    observations = pq.read_table(tmp_path / "observations.parquet")
    assert str(observations.schema.field("value").type) == "double"
    assert str(observations.schema.field("n_persons").type) == "int64"
    rows = {(r["period"], r["breakdown"]): r for r in observations.to_pylist()}
    assert set(rows) == {("2022", ""), ("2023", ""), ("2023", "stayers")}  # as at release 1
    assert rows[("2023", "")]["value"] == 18.0
    stayers = rows[("2023", "stayers")]
    assert (stayers["value"], stayers["absence"], stayers["n_persons"]) == (
        None, "suppressed", None)
    flows = pq.read_table(tmp_path / "flows.parquet").to_pylist()
    assert {(f["n_persons"], f["suppressed"]) for f in flows} == {(42, False), (None, True)}
    csv_text = (tmp_path / "observations.csv").read_text()
    assert "vollsmose,single_parent_households_pct,2023,,18,,pct" in csv_text
    release = json.loads((tmp_path / "release.json").read_text())
    assert release["id"] == first and release["bundle_manifest"]["files"]
