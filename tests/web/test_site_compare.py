"""/sammenlign/ reproduces the two seed tables exactly, and its CSV says the same."""

import csv
import io
import re

import pytest

from udsat.domain.catalogue import CATALOGUE_DIR

SEED_FILE = CATALOGUE_DIR / "reference" / "beboerdata_15_areas.csv"
INDICATORS = {
    "share of 15-17-year-olds with completed primary school not in education":
        "youth_not_in_education_pct",
    "share of households that are single adults with children": "single_parent_households_pct",
}


def seed_table(code: str) -> list[tuple[str, str]]:
    """(area, as published) in the seed page's order; '-' = not published."""
    with SEED_FILE.open(encoding="utf-8") as handle:
        return [
            (row["area"], row["published_as"])
            for row in csv.DictReader(handle)
            if INDICATORS.get(row["indicator"]) == code
        ]


def table_rows(html: str) -> list[tuple[str, str, str]]:
    """(area, shown value, note) for each row of the compare table."""
    body = html.split('class="compare-table"')[1].split("<tbody>")[1].split("</tbody>")[0]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        area = re.search(r'<a href="[^"]+">([^<]+)</a>', row).group(1)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        rows.append((area, cells[1].strip(), cells[2].strip()))
    return rows


def test_both_seed_indicators_are_known_to_the_test():
    with SEED_FILE.open(encoding="utf-8") as handle:
        assert {row["indicator"] for row in csv.DictReader(handle)} == set(INDICATORS)


@pytest.mark.django_db
@pytest.mark.parametrize("code", sorted(set(INDICATORS.values())))
def test_compare_reproduces_the_seed_table_exactly(client, seeded_site, code):
    html = client.get(f"/sammenlign/?indikator={code}").content.decode()
    expected = seed_table(code)
    shown = table_rows(html)
    assert len(shown) == 15
    # The names differ only where the seed adds the town ("Ringparken, Slagelse").
    assert [row[0] for row in shown] == [name.split(",")[0] for name, _ in expected]
    for (area, value, note), (_name, published) in zip(shown, expected, strict=True):
        if published.strip() == "-":
            assert value == "ikke offentliggjort", area
            assert note == "Kilden offentliggjorde ikke et tal for området.", area
        else:
            # Published as e.g. "9,4 %"; shown the same way, nothing rounded or re-derived.
            assert value == published.strip(), area
            assert note == "", area


@pytest.mark.django_db
def test_compare_in_english_uses_english_number_format_and_words(client, seeded_site):
    html = client.get("/en/sammenlign/?indikator=youth_not_in_education_pct").content.decode()
    shown = dict((area, value) for area, value, _ in table_rows(html))
    assert shown["Tingbjerg/Utterslevhuse"] == "9.4 %"  # published as "9,4 %"
    assert shown["Agervang"] == "not published"


@pytest.mark.django_db
def test_compare_csv_has_the_same_figures_and_reasons(client, seeded_site):
    response = client.get("/sammenlign/data.csv?indikator=youth_not_in_education_pct")
    assert response["Content-Type"].startswith("text/csv")
    # Danish Excel: a byte-order mark, semicolons and a decimal comma.
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 15
    by_area = {r["område"]: r for r in rows}
    assert by_area["Tingbjerg/Utterslevhuse"]["værdi"] == "9,4"
    assert by_area["Tingbjerg/Utterslevhuse"]["indikator"] == "youth_not_in_education_pct"
    assert by_area["Tingbjerg/Utterslevhuse"]["indikator_navn"].startswith("15-17-årige")
    assert by_area["Tingbjerg/Utterslevhuse"]["periode"] == "ikke oplyst"
    assert by_area["Tingbjerg/Utterslevhuse"]["mangler_fordi"] == ""
    assert by_area["Agervang"]["værdi"] == ""  # not published is empty, never 0
    assert by_area["Agervang"]["mangler_fordi"] == "ikke offentliggjort"
    # Six of the 15 are "-" in the seed table (Agervang, Ringparken, Motalavej,
    # Stengårdsvej, Sundparken, Finlandsparken):
    assert sum(1 for r in rows if r["værdi"] == "") == 6


@pytest.mark.django_db
def test_compare_csv_in_english_has_english_headers(client, seeded_site):
    response = client.get("/en/sammenlign/data.csv?indikator=single_parent_households_pct")
    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert header == ("area,municipality,indicator,indicator_name,period,value,unit,"
                      "absent_because,source,dataset,dataset_name,note")


@pytest.mark.django_db
def test_compare_table_sorts_without_javascript_in_seed_order_and_offers_sort_buttons(
    client, seeded_site
):
    html = client.get("/sammenlign/?indikator=single_parent_households_pct").content.decode()
    assert html.count("data-sort-key") == 3
    assert 'aria-sort="none"' in html


@pytest.mark.django_db
def test_compare_unknown_indicator_is_404(client, seeded_site):
    assert client.get("/sammenlign/?indikator=nonsense").status_code == 404


@pytest.mark.django_db
def test_area_indicator_csv_lists_every_dated_figure(client, seeded_site):
    url = "/omraader/gellerupparken-toveshoej/data/outside_work_edu_pct.csv"
    text = client.get(url).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    # official_criteria_values.csv has outside_work_edu_pct for Gellerup in 2014 (52.3) and
    # 2015 (51.9), among others; every row is the area's own, reference dataset.
    values = {r["periode"]: r["værdi"] for r in rows}
    assert values["2014"] == "52,3"
    assert values["2015"] == "51,9"
    assert {r["datasæt"] for r in rows} == {"reference"}


@pytest.mark.django_db
def test_compare_all_areas_adds_the_other_areas_with_figures(client, seeded_site):
    url = "/sammenlign/?indikator=outside_labour_market_pct"
    fifteen = table_rows(client.get(url).content.decode())
    everyone = table_rows(client.get(url + "&alle=1").content.decode())
    assert len(fifteen) == 15
    # The 2024 combined-letting list gives 2023 figures for 8 areas; Sundparken is one of the
    # 15, Byparken/Skovparken (Svendborg) is not.
    assert "Byparken/Skovparken" not in [r[0] for r in fifteen]
    assert "Byparken/Skovparken" in [r[0] for r in everyone]
    shown = dict((r[0], r[1]) for r in everyone)
    assert shown["Sundparken"] == "41,6 %"
    assert shown["Byparken/Skovparken"] == "40,7 %"
