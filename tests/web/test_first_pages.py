"""The first page pair proves the flow end to end: reference bundle -> database -> pages."""

import re

import pytest

from udsat.web.data.models import Area


@pytest.mark.django_db
def test_front_page_lists_the_15_areas_with_links(client, loaded_reference):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for area in Area.objects.filter(evaluated_2018=True):
        assert f'href="/omraader/{area.slug}/"' in html, area.slug


@pytest.mark.django_db
def test_front_page_shows_each_years_official_term(client, loaded_reference):
    html = client.get("/").content.decode()
    table = html[html.index('<table class="status-table">'):]
    table = table[:table.index("</table>")]
    row = re.search(r'omraader/vollsmose/.*?</tr>', table, re.S).group(0)
    cells = re.findall(r'<td class="status-cell[^"]*">(.*?)</td>', row, re.S)
    years = re.findall(r'<th scope="col">(\d{4})</th>', table)
    by_year = dict(zip(years, cells, strict=True))
    # Vollsmose's cells in the yearly table: the 2018-2020 lists used "hårdt ghettoområde",
    # the 2021 list onwards "omdannelsesområde" (a blanked cell fails this).
    assert "hårdt ghettoområde" in by_year["2019"]
    assert "omdannelsesområde" in by_year["2022"]


@pytest.mark.django_db
def test_area_page_shows_the_seed_figures_in_danish_format(client, loaded_reference):
    html = client.get("/omraader/tingbjerg-utterslevhuse/").content.decode()
    # Published as "9,4 %" for 15-17-year-olds not in education.
    assert "9,4" in html


@pytest.mark.django_db
def test_area_page_says_not_published_instead_of_zero(client, loaded_reference):
    html = client.get("/omraader/agervang/").content.decode()
    assert "ikke offentliggjort" in html


@pytest.mark.django_db
def test_unknown_area_is_404(client, loaded_reference):
    assert client.get("/omraader/atlantis/").status_code == 404
