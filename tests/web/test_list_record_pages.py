"""Every list year of every evaluated area on its page equals the published record: the
official term, "not on the lists", or "no information", and a derived year says how.

The expected standing is resolved straight from the packaged CSV files by the domain; the
page's standing travels CSV -> reference bundle -> database -> page. The two must agree.
"""

import html as html_module
import re

import pytest
from django.urls import reverse

from udsat.domain.catalogue import default_catalogue
from udsat.ingest.published_lists import read_list_record
from udsat.ingest.reference import REFERENCE_DIR
from udsat.web.data.models import Area

ROW = re.compile(r'<tr[^>]*><th scope="row">(\d{4})</th>(<td class="status-cell.*?</td>)'
                 r'.*?<td class="note">(.*?)</td></tr>', re.S)


def _text(fragment: str) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.fixture(scope="module")
def record():
    return read_list_record(REFERENCE_DIR, default_catalogue().geography)


def _history_rows(client, slug):
    page = client.get(reverse("area-detail", args=[slug])).content.decode()
    table = page[page.index('class="history-table status-history"'):]
    table = table[:table.index("</table>")]
    return {int(y): (_text(cell), _text(note)) for y, cell, note in ROW.findall(table)}


@pytest.mark.django_db
def test_every_year_of_the_15_areas_shows_the_published_record(loaded_reference, client, record):
    areas = Area.objects.filter(evaluated_2018=True, synthetic=False)
    assert areas.count() == 15
    for area in areas:
        rows = _history_rows(client, area.slug)
        for list_year in record.area_years(area.slug):
            cell, note = rows[list_year.year]
            where = (area.slug, list_year.year, cell)
            if list_year.headline:
                assert cell.startswith(list_year.headline), where
            elif list_year.on_no_list:
                assert cell.startswith("Ikke på listerne"), where
            elif list_year.known:
                assert cell.startswith("Ikke "), where
                assert "ingen oplysning" in cell, where  # the lists nobody reports on
            else:
                assert cell == "Ingen oplysning", where
            if list_year.origin not in (None, "official"):
                assert cell.endswith("(udledt)"), where
                for sentence in list_year.derivations("da"):
                    assert sentence in note, where
            for _url in list_year.sources:
                assert "kilde 1" in note, where


@pytest.mark.django_db
def test_tingbjerg_2012_is_not_on_the_list(loaded_reference, client):
    cell, note = _history_rows(client, "tingbjerg-utterslevhuse")[2012]
    assert cell == "Ikke på listerne (udledt)"
    assert "vi kender hele listen over ghettoområder 2012 (33 områder)" in note


@pytest.mark.django_db
def test_agervang_left_every_61a_list_in_2022_and_is_a_forebyggelsesomraade(loaded_reference,
                                                                           client):
    # Agervang was renamed Grønneparken in September 2021; Holbæk Kommune (1.12.2022) says
    # Grønneparken is no longer an udsat boligområde and parallelsamfund, and Holbæk Online
    # (2.12.2023) that it is still on the forebyggelse list.
    rows = _history_rows(client, "agervang")
    assert rows[2022][0] == "forebyggelsesområde (udledt)"
    assert rows[2023][0].startswith("forebyggelsesområde")
    assert rows[2021][0] == "parallelsamfund (udledt)"  # udsat implied, forebyggelse excluded


@pytest.mark.django_db
def test_a_former_name_redirects_to_the_area(loaded_reference, client):
    response = client.get("/omraader/groenneparken/")
    assert response.status_code == 301 and response["Location"] == "/omraader/agervang/"
    assert client.get("/omraader/atlantis/").status_code == 404
