"""Observations through /api/v1/: filters, periods (a year, a range, latest, last=N), the
typed absence, and a 400 naming the parameter for a bad filter. Fixture: conftest.py."""

import pytest

from conftest import IND

URL = "/api/v1/observations/"


def _rows(client, query: str) -> list[dict]:
    response = client.get(f"{URL}?dataset=synthetic&{query}")
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.mark.django_db
def test_observations_keep_a_suppressed_cell_as_an_absence_never_a_number(client, api_data):
    rows = _rows(client, f"area=vollsmose&indicator={IND}")
    by_key = {(r["period"], r["breakdown"]): r for r in rows}
    assert set(by_key) == {("2022", "total"), ("2023", "total"), ("2023", "stayers")}
    assert by_key[("2023", "total")]["value"] == 18.0
    assert by_key[("2023", "total")]["n_persons"] == 380
    stayers = by_key[("2023", "stayers")]
    assert stayers["value"] is None and stayers["n_persons"] is None
    assert stayers["absence"] == "suppressed"
    assert stayers["absence_label"].startswith("diskretioneret")
    assert all(r["synthetic"] and r["dataset_label"] == "Syntetiske demodata" for r in rows)


@pytest.mark.django_db
def test_latest_last_and_ranges_pick_years_per_indicator(client, revised_data):
    # After the revision the synthetic years are 2022, 2023 (total and stayers) and 2024.
    assert {r["period"] for r in _rows(client, "period=latest")} == {"2024"}
    assert {r["period"] for r in _rows(client, "last=2")} == {"2023", "2024"}
    assert len(_rows(client, "last=2")) == 3  # 2023 total, 2023 stayers, 2024 total
    assert {r["period"] for r in _rows(client, "period=2022-2023")} == {"2022", "2023"}
    assert {r["period"] for r in _rows(client, "period=2022,2024")} == {"2022", "2024"}
    assert _rows(client, "period=2030-2040") == []
    assert {r["period"] for r in _rows(client, "period=2023-2022")} == {"2022", "2023"}
    # last counts within the periods asked for: the last year of 2022-2023 is 2023.
    assert {r["period"] for r in _rows(client, "period=2022-2023&last=1")} == {"2023"}


@pytest.mark.django_db
def test_latest_moves_with_the_data_of_the_release_asked_for(client, revised_data):
    first, _second = revised_data
    rows = _rows(client, f"period=latest&release={first}")
    assert {r["period"] for r in rows} == {"2023"}  # 2024 arrived only with the revision


@pytest.mark.django_db
def test_filters_by_breakdown_municipality_and_region(client, api_data):
    assert [r["period"] for r in _rows(client, "breakdown=stayers")] == ["2023"]
    assert len(_rows(client, "breakdown=total")) == 2
    assert len(_rows(client, "municipality=461")) == 3  # Odense
    assert _rows(client, "municipality=101") == []  # Copenhagen has no synthetic figure
    assert len(_rows(client, "region=1083")) == 3  # Region Syddanmark


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "parameter"), [
    ("period=20x9", "period"),
    ("period=2019-20", "period"),
    ("last=0", "last"),
    ("last=51", "last"),
    ("area=Not%20a%20slug", "area"),
    ("municipality=abc", "municipality"),
    ("limit=0", "limit"),
    ("offset=-1", "offset"),
    ("release=abc", "release"),
    ("format=pdf", "format"),
    ("lang=fr", "lang"),
    ("breakdown=B%C3%B8rn!", "breakdown"),
])
def test_a_bad_filter_answers_400_naming_the_parameter(client, api_data, query, parameter):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert parameter in response.json()


@pytest.mark.django_db
def test_an_unknown_release_answers_404(client, api_data):
    response = client.get(f"{URL}?release=999999")
    assert response.status_code == 404
    assert "release" in response.json()


@pytest.mark.django_db
def test_json_pages_link_to_the_next_page(client, api_data):
    first = client.get(f"{URL}?dataset=synthetic&limit=2").json()
    assert first["count"] == 3 and len(first["results"]) == 2
    assert "offset=2" in first["next"] and first["previous"] is None
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None


@pytest.mark.django_db
def test_every_answer_names_its_release_and_revalidates_by_etag(client, api_data):
    response = client.get(f"{URL}?dataset=synthetic")
    assert response.json()["release"]["id"] == api_data
    assert response["X-Udsat-Release"] == str(api_data)
    again = client.get(f"{URL}?dataset=synthetic", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


@pytest.mark.django_db
def test_place_observations_name_the_place(client, api_data):
    response = client.get("/api/v1/place-observations/?place_kind=municipality&place_code=461")
    [row] = response.json()["results"]
    assert (row["place_name"], row["value"], row["n_persons"]) == ("Odense", 9.0, 9000)
    assert client.get("/api/v1/place-observations/?place_code=x1").status_code == 400
