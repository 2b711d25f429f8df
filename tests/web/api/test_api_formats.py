"""Every data endpoint in JSON-stat 2.0, CSV (plain and Danish Excel) and XLSX, by ?format=
and by Accept; a suppressed cell is a status, never a number. Fixture: conftest.py."""

import csv
import io
import json

import pytest
from jsonstat_validator import validate_jsonstat
from openpyxl import load_workbook

from conftest import IND

URL = f"/api/v1/observations/?dataset=synthetic&indicator={IND}"


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
def test_jsonstat_validates_and_a_suppressed_cell_is_a_status_not_a_number(client, api_data):
    response = client.get(f"{URL}&format=jsonstat")
    assert response["Content-Type"].startswith("application/json-stat+json")
    data = json.loads(response.content)
    assert validate_jsonstat(data) is True
    assert data["id"] == ["dataset", "area", "indicator", "breakdown", "period"]
    assert data["size"] == [1, 1, 1, 2, 2]  # breakdowns total, stayers; periods 2022, 2023
    breakdown = data["dimension"]["breakdown"]["category"]["index"]
    period = data["dimension"]["period"]["category"]["index"]

    def cell(b: str, p: str) -> int:  # row-major: the last dimension varies fastest
        return breakdown[b] * 2 + period[p]

    assert data["value"][cell("total", "2023")] == 18.0
    assert data["value"][cell("stayers", "2023")] is None
    assert data["status"] == {str(cell("stayers", "2023")): "suppressed"}
    assert data["value"][cell("stayers", "2022")] is None  # no such figure: no status either
    assert data["extension"]["status"]["suppressed"].startswith("diskretioneret")
    assert data["extension"]["release"]["id"] == api_data
    unit = data["dimension"]["indicator"]["category"]["unit"][IND]
    assert unit == {"label": "pct", "decimals": 1}


@pytest.mark.django_db
def test_jsonstat_labels_follow_the_language_asked_for(client, api_data):
    english = json.loads(client.get(f"{URL}&format=jsonstat&lang=en").content)
    assert validate_jsonstat(english) is True
    assert english["dimension"]["dataset"]["category"]["label"] == {
        "synthetic": "Synthetic demo data"}
    place = json.loads(client.get("/api/v1/place-observations/?format=jsonstat").content)
    assert validate_jsonstat(place) is True
    empty = json.loads(client.get(f"{URL}&period=1999&format=jsonstat").content)
    assert validate_jsonstat(empty) is True and empty["value"] == []


@pytest.mark.django_db
def test_danish_csv_opens_in_danish_excel(client, api_data):
    response = client.get(f"{URL}&format=csv-da")
    body = _body(response)
    assert body.startswith("\ufeff".encode())  # the BOM makes Excel read UTF-8
    text = body.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    by_key = {(r["period"], r["breakdown"]): r for r in rows}
    assert by_key[("2022", "total")]["value"] == "20"
    assert by_key[("2023", "total")]["value"] == "18"
    assert by_key[("2023", "stayers")]["value"] == ""
    assert by_key[("2023", "stayers")]["absence"] == "suppressed"
    assert by_key[("2023", "total")]["area_name"] == "Vollsmose"  # code and label side by side
    assert response["Content-Disposition"].endswith(f'-r{api_data}.csv"')


@pytest.mark.django_db
def test_danish_csv_writes_a_decimal_comma(client, revised_data):
    text = _body(client.get(f"{URL}&period=2023&breakdown=total&format=csv-da")).decode(
        "utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert row["value"] == "17,5"
    plain = _body(client.get(f"{URL}&period=2023&breakdown=total&format=csv")).decode()
    assert list(csv.DictReader(io.StringIO(plain)))[0]["value"] == "17.5"


@pytest.mark.django_db
def test_accept_chooses_the_format(client, api_data):
    assert client.get(URL, HTTP_ACCEPT="text/csv")["Content-Type"].startswith("text/csv")
    danish = client.get(URL, HTTP_ACCEPT="text/csv; variant=da")
    assert _body(danish).startswith("\ufeff".encode())
    jsonstat = client.get(URL, HTTP_ACCEPT="application/json-stat+json")
    assert validate_jsonstat(json.loads(jsonstat.content)) is True
    assert client.get(URL, HTTP_ACCEPT="image/png").status_code == 406


@pytest.mark.django_db
def test_xlsx_keeps_numbers_as_numbers_and_the_absence_in_its_own_column(client, api_data):
    response = client.get(f"{URL}&format=xlsx")
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["observations"]
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    records = [dict(zip(header, r, strict=True)) for r in rows]
    by_key = {(r["period"], r["breakdown"]): r for r in records}
    assert by_key[("2023", "total")]["value"] == 18.0
    assert by_key[("2023", "stayers")]["value"] is None
    assert by_key[("2023", "stayers")]["absence"] == "suppressed"
    release = dict(book["release"].iter_rows(values_only=True))
    assert release["id"] == str(api_data)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["areas", "indicators", "statuses", "flows", "list-counts",
                                  "reports"])
def test_every_table_endpoint_answers_csv_and_xlsx(client, api_data, path):
    body = _body(client.get(f"/api/v1/{path}/?format=csv"))
    header = next(csv.reader(io.StringIO(body.decode())))
    assert len(header) > 3
    xlsx = client.get(f"/api/v1/{path}/?format=xlsx")
    assert load_workbook(io.BytesIO(xlsx.content)).sheetnames[-1] == "release"
    assert client.get(f"/api/v1/{path}/?format=jsonstat").status_code == 400
