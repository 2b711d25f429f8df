"""The initial content (seed_reports) and search with its filters.

Tracks in report_texts.toml, counted by hand: physical 6 (three baselines, two notes, one
article), social 10, cross-cutting 5 = 21 published rows of reports.csv.
"""

from __future__ import annotations

import shutil

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Site

from udsat.domain.catalogue import CATALOGUE_DIR, CatalogueError
from udsat.web.reports.initial_content import load_initial_reports
from udsat.web.reports.models import ReportIndexPage, ReportPage
from udsat.web.reports.queries import reports_by_track, reports_for_area
from udsat.web.reports.search import ReportFilters, danish_stems, search_reports
from udsat.web.reports.seeding import seed_reports


@pytest.mark.django_db
def test_seed_is_idempotent_and_hangs_the_library_under_the_default_site(capsys):
    assert seed_reports() == {"created": 21, "updated": 0, "unchanged": 0}
    call_command("seed_reports")
    assert "0 created, 0 updated, 21 unchanged" in capsys.readouterr().out
    index = ReportIndexPage.objects.get()
    assert index.slug == "rapporter"
    assert index.get_parent().pk == Site.objects.get(is_default_site=True).root_page_id
    assert ReportPage.objects.live().count() == 21


@pytest.mark.django_db
def test_seeded_report_carries_csv_metadata_and_our_areas():
    seed_reports()
    page = ReportPage.objects.get(slug="mjoelnerparken-baseline-2020")
    assert page.publication_year == 2022  # reports.csv year column
    assert (
        page.external_url
        == "https://vbn.aau.dk/en/publications/mj%C3%B8lnerparken-baselineunders%C3%B8gelse-2020"
    )
    assert [a.slug for a in page.areas.all()] == ["mjoelnerparken"]
    assert page.levels == ["area", "residents"]
    social = ReportPage.objects.get(slug="rapport-1-omdannelsesomraaderne-paa-vej")
    assert social.areas.count() == 15  # "evaluated": the 15 areas of 2018


@pytest.mark.django_db
def test_seed_updates_a_page_whose_data_file_row_changed():
    seed_reports()
    page = ReportPage.objects.get(slug="tingbjerg-baseline-2020")
    page.title = "Ændret i hånden"
    page.save_revision().publish()
    assert seed_reports() == {"created": 0, "updated": 1, "unchanged": 20}
    assert ReportPage.objects.get(slug="tingbjerg-baseline-2020").title.startswith("Tingbjerg")


def test_bad_report_texts_name_file_and_key(tmp_path):
    (tmp_path / "reference").mkdir()
    shutil.copy(CATALOGUE_DIR / "reference" / "reports.csv", tmp_path / "reference")
    (tmp_path / "report_texts.toml").write_text(
        '[[report]]\ncsv_title = "Notat: Ghettoen i medierne"\nslug = "x"\ntrack = "physical"\n'
        'type = "note"\nareas = ["atlantis"]\nsummary_da = "x"\nsummary_en = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match=r"report_texts.toml: report\[0\].areas: unknown area"):
        load_initial_reports(
            track_codes={"physical"},
            type_codes={"note"},
            deliverable_keys=set(),
            area_slugs={"vollsmose"},
            root=tmp_path,
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (ReportFilters(track="physical"), 6),
        (ReportFilters(track="social"), 10),
        (ReportFilters(track="cross_cutting"), 5),
        # Mjølnerparken's baseline + five reports on all 15 areas (De 15 første, two notes,
        # VIVE's report 1, the rehousing mapping) = 6
        (ReportFilters(area="mjoelnerparken"), 6),
        (ReportFilters(report_type="subreport_1"), 3),
        # 2021: Finlandsparken, Tingbjerg, Strategisk styring, Effekter og resultater = 4
        (ReportFilters(year=2021), 4),
        (ReportFilters(track="physical", year=2021), 2),
    ],
)
def test_search_filters_narrow_the_seeded_reports(filters, expected):
    seed_reports()
    assert len(search_reports("", filters)) == expected


@pytest.mark.django_db
def test_reports_by_track_keeps_the_fixed_order():
    seed_reports()
    assert [(g["track"], len(g["reports"])) for g in reports_by_track()] == [
        ("physical", 6),
        ("social", 10),
        ("cross_cutting", 5),
    ]


def test_danish_stems():
    assert danish_stems("Rapporterne, boligområderne") == ["rapport", "boligområd"]


@pytest.mark.django_db
def test_danish_stemming_rapporterne_finds_rapport(make_report):
    page = make_report(title="Statusnotat", summary="<p>En kort rapport om trivsel.</p>")
    make_report(slug="andet", title="Andet notat", summary="<p>Om trivsel og tryghed.</p>")
    found = [r.pk for r in search_reports("rapporterne", ReportFilters())]
    assert found == [page.pk]


@pytest.mark.django_db
def test_search_page_lists_reports_areas_and_pages(client, make_report):
    make_report(title="Vollsmose i forandring")
    html = client.get("/soeg/", {"q": "Vollsmose"}).content.decode()
    assert 'href="/rapporter/ny-rapport/"' in html
    assert 'href="/omraader/vollsmose/"' in html
    html = client.get("/soeg/", {"q": "Rapporter"}).content.decode()
    assert 'href="/rapporter/"' in html  # the library's index page is a page too
    english = client.get("/en/soeg/", {"q": "Vollsmose"})
    assert (
        english.status_code == 200
        and 'href="/en/rapporter/ny-rapport/"' in english.content.decode()
    )


@pytest.mark.django_db
def test_area_partial_lists_reports_and_findings_with_links_to_the_data(areas):
    seed_reports()
    found = reports_for_area("agervang")
    assert "liste-haarde-ghettoomraader-2020" in [r.slug for r in found]
    finding = next(f for f in found.findings if f.indicator_id)
    assert (finding.indicator.code, finding.period) == ("outside_work_edu_pct", "2020")
    with translation.override("da"):  # an earlier /en/ request may have left English on
        html = Template("{% load reports_tags %}{% area_reports 'agervang' %}").render(Context())
    assert 'href="/rapporter/liste-haarde-ghettoomraader-2020/"' in html
    # A criterion with a year: that year's list in the area page's criteria panel.
    assert 'href="/omraader/agervang/#criteria-2020"' in html


@pytest.mark.django_db
def test_library_follows_the_site_when_it_gets_a_new_root_page():
    from wagtail.models import Page

    seed_reports()
    site = Site.objects.get(is_default_site=True)
    new_home = Page(title="Ny forside", slug="ny-forside")
    Page.get_first_root_node().add_child(instance=new_home)
    site.root_page = new_home
    site.save()
    assert seed_reports()["unchanged"] == 21
    index = ReportIndexPage.objects.get()
    assert index.get_parent().pk == new_home.pk
    assert ReportPage.objects.child_of(index).count() == 21


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ['"', 'a"b', "NEAR(", "rapport OR", "*", "title:x", "\\", "%"])
def test_search_survives_quotes_and_operators(client, make_report, typed):
    make_report(title="Rapport om tryghed")
    response = client.get("/soeg/", {"q": typed})
    assert response.status_code == 200
    # A year that is no year is a bad request (issue 15: 400, never 500), not ignored.
    assert client.get("/soeg/", {"q": typed, "year": "tyve"}).status_code == 400


@pytest.mark.django_db
def test_finding_link_lands_on_an_anchor_of_the_area_page(client, loaded_reference):
    seed_reports()
    html = client.get("/omraader/agervang/").content.decode()
    # The area page lists the 2020 list note and links its finding to the 2020 criteria.
    assert 'href="/rapporter/liste-haarde-ghettoomraader-2020/"' in html
    assert 'href="/omraader/agervang/#criteria-2020"' in html
    assert 'id="criteria-2020"' in html  # the anchor exists: the link is not dead
