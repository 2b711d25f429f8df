"""Areas, indicator sheets, statuses, flows and list counts through /api/v1/."""

import pytest


@pytest.mark.django_db
def test_an_area_carries_its_codes_the_2018_flag_and_its_statuses_with_sources(client, api_data):
    [area] = client.get("/api/v1/areas/?area=mjoelnerparken").json()["results"]
    assert (area["municipality_code"], area["region_code"]) == (101, 1084)
    assert area["evaluated_2018"] is True
    y2018 = [s for s in area["statuses"]
             if s["year"] == 2018 and s["dataset"] == "reference" and s["on_list"]]
    assert "hårdt ghettoområde" in {s["term"] for s in y2018}
    assert all(s["origin"] in ("official", "derived", "implied", "complete", "computed")
               for s in area["statuses"])


@pytest.mark.django_db
def test_the_indicator_sheet_names_its_law_reference_and_years(client, api_data):
    [sheet] = client.get(
        "/api/v1/indicators/?indicator=single_parent_households_pct&lang=en").json()["results"]
    assert sheet["label"] == sheet["label_en"]
    assert sheet["unit"] == "pct" and sheet["level"]
    assert {"2022", "2023"} <= set(sheet["years"])  # the synthetic bundle's years
    [criterion] = client.get(
        "/api/v1/indicators/?indicator=basic_edu_pct").json()["results"]
    assert any("§ 61 a" in ref for ref in criterion["law_references"])


@pytest.mark.django_db
def test_a_suppressed_flow_has_no_count(client, api_data):
    rows = client.get("/api/v1/flows/?area=vollsmose").json()["results"]
    by_kind = {r["destination_kind"]: r for r in rows}
    assert by_kind["other_social_housing"]["n_persons"] == 42
    assert by_kind["unknown"]["n_persons"] is None and by_kind["unknown"]["suppressed"]


@pytest.mark.django_db
def test_list_counts_count_the_areas_of_each_list(client, api_data):
    rows = client.get("/api/v1/list-counts/?year_from=2018&year_to=2018&dataset=reference"
                      "&limit=100").json()["results"]
    hard = next(r for r in rows if r["term"] == "hårdt ghettoområde")
    assert hard["areas"] == 15  # the 15 areas of 1 December 2018
    statuses = client.get("/api/v1/statuses/?year_from=2018&year_to=2018&status=transformation"
                          "&on_list=true&dataset=reference&limit=100").json()
    assert len({r["area"] for r in statuses["results"]}) == 15
    assert client.get("/api/v1/statuses/?year_from=2020&year_to=2019").json()["count"] == 0
    assert client.get("/api/v1/statuses/?year_from=20x0").status_code == 400
