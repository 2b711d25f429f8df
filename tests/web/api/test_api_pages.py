"""Pages link to the same selection in the API ("Hent data"); the API's reference page and
OpenAPI document come in Danish and English."""

import csv
import html
import io
import re

import pytest


def _data_link(page: str, fmt: str) -> str:
    links = re.findall(r'href="(/api/v1/observations/\?[^"]*format=' + fmt + ')"', page)
    assert links, f"no {fmt} link"
    return html.unescape(links[0])


@pytest.mark.django_db
def test_the_compare_chart_links_to_the_same_selection_in_the_api(client, api_data):
    page = client.get("/sammenlign/?indikator=single_parent_households_pct&datasaet=synthetic")
    text = page.content.decode()
    assert "Hent data" in text
    response = client.get(_data_link(text, "csv-da"))
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body), delimiter=";"))
    # The compare page shows 2023 (most figures; latest on a tie) for everyone: one row,
    # Vollsmose's 18.0.
    assert [(r["area"], r["period"], r["breakdown"], r["value"]) for r in rows] == [
        ("vollsmose", "2023", "total", "18")]


@pytest.mark.django_db
def test_the_area_page_links_its_figures_in_the_api(client, api_data):
    text = client.get("/omraader/vollsmose/").content.decode()
    link = _data_link(text, "xlsx")
    assert "area=vollsmose" in link
    assert client.get(link).status_code == 200


@pytest.mark.django_db
def test_the_reference_page_and_openapi_document_speak_danish_and_english(client, api_data):
    danish = client.get("/api/v1/").content.decode()
    assert "Åbne data: API" in danish and "Områdets slug, kommasepareret." in danish
    english = client.get("/api/v1/?lang=en").content.decode()
    assert "Open data: API" in english and "The area&#x27;s slug, comma-separated." in english
    schema = client.get("/api/v1/openapi.json?lang=en").json()
    parameters = schema["paths"]["/api/v1/observations/"]["get"]["parameters"]
    period = next(p for p in parameters if p["name"] == "period")
    assert period["description"].startswith("A year (2019)")
