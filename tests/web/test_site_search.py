"""Site search finds the words readers see: page bodies and items, report summaries and
findings, inflected Danish words, and places under any of their names."""

import pytest

from udsat.web.reports.seeding import seed_reports


@pytest.fixture
def searchable(seeded_site):
    seed_reports()
    return seeded_site


def _results(client, query: str, language: str = "da") -> str:
    prefix = "" if language == "da" else "/en"
    response = client.get(f"{prefix}/soeg/", {"q": query})
    assert response.status_code == 200
    return response.content.decode().split('id="main"')[1]


@pytest.mark.django_db
def test_a_word_in_a_results_level_finds_the_results_page(client, searchable):
    # "vandsengseffekt" is only in the text of the results page's level 1 ("Områdeniveau: ...
    # (den såkaldte vandsengseffekt)?"), not in any title.
    html = _results(client, "vandsengseffekt")
    assert 'href="/resultater/"' in html


@pytest.mark.django_db
def test_a_word_in_the_timeline_milestones_finds_the_timeline(client, searchable):
    # "workshops" appears in the timeline's milestones ("Lokale workshops og dialoggrupper").
    assert 'href="/tidslinje/"' in _results(client, "workshops")


@pytest.mark.django_db
def test_a_heading_word_finds_its_page(client, searchable):
    # "fokustemaer" is the heading of the focus themes on the about page.
    assert 'href="/om-evalueringen/"' in _results(client, "fokustemaer")


@pytest.mark.django_db
def test_an_inflected_danish_word_finds_the_base_form(client, searchable):
    # "dialoggruppen" (definite singular) is nowhere on the site; the timeline says
    # "dialoggrupper" and "dialoggrupperne". Snowball: all three stem to "dialoggrupp".
    assert 'href="/tidslinje/"' in _results(client, "dialoggruppen")


@pytest.mark.django_db
def test_a_finding_finds_its_report(client, searchable):
    from udsat.web.reports.models import ReportFinding

    finding = ReportFinding.objects.select_related("page").first()
    word = max(finding.text.split(), key=len).strip(".,;:()")
    assert f'href="{finding.page.url}"' in _results(client, word)


@pytest.mark.django_db
def test_an_alias_finds_the_area_and_its_own_reports(client, searchable):
    from udsat.web.reports.models import ReportPage

    html = _results(client, "Gellerup")
    assert 'href="/omraader/gellerupparken-toveshoej/"' in html
    # The alias finds every report tagged with Gellerupparken/Toveshøj (in the seed: the
    # evaluation's reports on all 15 areas), as the full name does.
    tagged = ReportPage.objects.live().filter(areas__slug="gellerupparken-toveshoej")
    assert tagged.count() >= 5
    full_name = _results(client, "gellerupparken")
    for report in tagged:
        assert f'href="{report.url}"' in html
        assert f'href="{report.url}"' in full_name
