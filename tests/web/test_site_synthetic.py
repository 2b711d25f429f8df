"""Synthetic demo data is shown with its label, compared only with synthetic place figures,
and never mixed with published figures. Fixture: a three-row synthetic bundle."""

import csv
import io
from decimal import Decimal

import pytest

from udsat.domain.bundle import (
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    Manifest,
    now_utc,
    write_csv_table,
    write_manifest,
)
from udsat.web.data.loading import load_bundle
from udsat.web.data.models import Area

VOLLSMOSE_MUNICIPALITY = "461"  # Odense


def _bundle(directory):
    observations = [
        # area, indicator, period, breakdown, value, absence, unit, source, n_persons, note
        ("vollsmose", "single_parent_households_pct", "2022", "", "20.0", "", "pct",
         "dst-registers", "400", ""),
        ("vollsmose", "single_parent_households_pct", "2023", "", "18.0", "", "pct",
         "dst-registers", "380", ""),
        ("vollsmose", "single_parent_households_pct", "2023", "stayers", "", "suppressed", "pct",
         "dst-registers", "", ""),
    ]
    places = [
        # 18.0 / 9.0 = 2.0 -> "about twice the municipality's share"
        ("municipality", VOLLSMOSE_MUNICIPALITY, "single_parent_households_pct", "2023", "",
         "9.0", "", "pct", "dst-registers", "9000", ""),
        # 18.0 / 12.0 = 1.5
        ("social_housing", "all", "single_parent_households_pct", "2023", "", "12.0", "", "pct",
         "dst-registers", "90000", ""),
    ]
    flows = [
        ("2023", "vollsmose", "", "other_social_housing", "planned_rehousing", "42", "false"),
        ("2023", "vollsmose", "", "unknown", "other", "", "true"),
    ]
    files = (
        write_csv_table(directory, "observations", TABLE_COLUMNS["observations"], observations),
        write_csv_table(directory, "place_observations", TABLE_COLUMNS["place_observations"],
                        places),
        write_csv_table(directory, "flows", TABLE_COLUMNS["flows"], flows),
    )
    write_manifest(directory, Manifest(
        schema_version=SCHEMA_VERSION, name="synthetic-test", created_at=now_utc(), producer="tests",
        files=files, dataset="synthetic", synthetic=True,
    ))
    return directory


@pytest.fixture
def with_synthetic(seeded_site, tmp_path):
    return load_bundle(_bundle(tmp_path), loaded_by="tests")


@pytest.mark.django_db
def test_synthetic_figure_is_labelled_and_compared_in_plain_words(client, with_synthetic):
    # Single-parent households are a level-2 (residents) indicator: their synthetic figures
    # are on the residents' page, not on the area page.
    html = client.get("/omraader/vollsmose/niveau/beboerne/").content.decode()
    assert "Syntetiske demodata" in html
    assert "områdets tal er omkring dobbelt så høj som kommunens andel" in html
    assert "områdets tal er omkring 1,5 gange andelen i hele den almene sektor" in html
    # The comparison names the place: Vollsmose lies in Odense Municipality.
    assert "Kommunen (Odense): 9,0 %" in html
    english = client.get("/en/omraader/vollsmose/niveau/beboerne/").content.decode()
    assert "Synthetic demo data" in english
    assert "The municipality (Odense): 9.0 %" in english
    assert 'alt="Line chart: Households of single adults with children.' in english
    # The translated frame is markup-safe; the phrase inside it is escaped like any value.
    assert "the area's figure is about twice the municipality&#x27;s share" in english


@pytest.mark.django_db
def test_published_figure_is_never_compared_with_synthetic_places(client, with_synthetic):
    html = client.get("/omraader/vollsmose/").content.decode()
    # The published single-parent share (14,2 %, period not stated) has its own card ...
    published_card = html.split("14,2 %")[1].split('class="stat-card')[0]
    # ... and no comparison: the only place figures are synthetic.
    assert "stat-comparisons" not in published_card


@pytest.mark.django_db
def test_levels_show_suppressed_cells_and_flows_without_zeros(client, with_synthetic):
    residents = client.get("/omraader/vollsmose/niveau/beboerne/").content.decode()
    tables = residents.split('id="level-tables-heading"')[1]
    assert "Bofaste" in tables  # the "stayers" breakdown, level 2, a column of its table
    assert "diskretioneret (for få personer)" in tables
    sector = client.get("/omraader/vollsmose/niveau/sektoren/").content.decode()
    flows = sector.split('id="flows-heading"')[1]
    assert "Anden almen bolig" in flows and ">42<" in flows
    assert "diskretioneret (for få personer)" in flows


@pytest.mark.django_db
def test_area_page_summarises_each_level_and_links_to_its_page(client, with_synthetic):
    html = client.get("/omraader/vollsmose/").content.decode()
    levels = html.split('id="levels-heading"')[1].split("</section>")[0]
    for slug in ("omraadet", "beboerne", "fraflytterne", "sektoren"):
        assert f'href="/omraader/vollsmose/niveau/{slug}/"' in levels
    # Level 2 holds the synthetic single-parent share (one indicator) and one suppressed cell;
    # level 4 the two flow rows. The tables themselves are on the level pages only.
    assert "1 tal er diskretioneret" in levels
    assert "2 rækker om, hvor fraflytterne flyttede hen." in levels
    assert "Bofaste" not in html
    assert client.get("/omraader/vollsmose/niveau/ukendt/").status_code == 404


@pytest.mark.django_db
def test_synthetic_chart_has_text_alternative_data_table_and_csv(client, with_synthetic):
    html = client.get("/omraader/vollsmose/niveau/beboerne/").content.decode()
    chart = html.split('class="chart is-synthetic"')[1].split("</figure>")[0]
    assert 'alt="Linjediagram: Husstande med enlige med børn.' in chart
    assert "Vollsmose: 20,0 % i 2022, 18,0 % i 2023." in chart
    assert "<summary>Vis data" in chart
    svg_url = "/omraader/vollsmose/diagram/single_parent_households_pct.svg?datasaet=synthetic"
    assert f'src="{svg_url}"' in chart
    assert "/omraader/vollsmose/data/single_parent_households_pct.csv?datasaet=synthetic" in chart


@pytest.mark.django_db
def test_synthetic_csv_keeps_datasets_apart(client, with_synthetic):
    url = "/omraader/vollsmose/data/single_parent_households_pct.csv?datasaet=synthetic"
    text = client.get(url).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert {(r["datasæt"], r["datasæt_navn"]) for r in rows} == {
        ("synthetic", "Syntetiske demodata")}
    own = [r for r in rows if r["stedtype"] == "område"]
    # 2022 and 2023 for everyone, plus the suppressed stayers cell (empty, never 0).
    assert sorted((r["periode"], r["gruppe"], r["værdi"]) for r in own) == [
        ("2022", "Alle", "20"), ("2023", "Alle", "18"), ("2023", "Bofaste", "")]
    assert [r["mangler_fordi"] for r in own if r["gruppe"] == "Bofaste"] == [
        "diskretioneret (for få personer)"]
    assert {r["stedtype"] for r in rows} == {"område", "Kommunen", "Hele den almene sektor"}


@pytest.mark.django_db
def test_compare_can_show_synthetic_figures_labelled(client, with_synthetic):
    html = client.get(
        "/sammenlign/?indikator=single_parent_households_pct&datasaet=synthetic"
    ).content.decode()
    assert "syntetiske demodata" in html.lower()
    assert Area.objects.get(slug="vollsmose").name in html
    assert "18,0 %" in html and Decimal("18.0")


@pytest.mark.django_db
def test_chart_svg_is_drawn_once_then_served_from_the_cache(client, with_synthetic, monkeypatch):
    from django.core.cache import cache

    import udsat.web.charts as charts

    cache.clear()
    calls = []
    real = charts.vl_convert.vegalite_to_svg

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(charts.vl_convert, "vegalite_to_svg", counting)
    url = "/omraader/vollsmose/diagram/single_parent_households_pct.svg?datasaet=synthetic"
    first = client.get(url)
    assert first["Content-Type"].startswith("image/svg+xml")
    assert first.content.startswith(b"<svg")
    assert client.get(url).content == first.content
    assert len(calls) == 1  # the second request found the SVG in the cache


@pytest.mark.django_db
def test_compare_offers_both_datasets_and_defaults_to_the_published_one(client, with_synthetic):
    html = client.get("/sammenlign/?indikator=single_parent_households_pct").content.decode()
    assert '<select id="compare-dataset" name="datasaet">' in html
    assert '<option value="reference" selected>' in html
    # The default view is the published table: Vollsmose 14,2 %, no synthetic label.
    assert "14,2 %" in html and "synthetic-note" not in html


SYNTHETIC_MEASURES = {  # distinctive values that no published figure has
    "residents": ("4321", "persons", ("4.321",)),
    "nonwestern_pct": ("77.7", "pct", ("77,7",)),
    "outside_work_edu_pct": ("66.6", "pct", ("66,6",)),
    "basic_edu_pct": ("88.8", "pct", ("88,8",)),
    "income_pct_of_region": ("11.1", "pct", ("11,1",)),
    "convicted_pct": ("9.9", "pct", ("9,9",)),
}


def _every_real_area_bundle(directory):
    from udsat.domain.catalogue import default_catalogue

    rows = [(area.slug, code, str(year), "", value, "", unit, "dst-registers", "1000", "")
            for area in default_catalogue().geography.areas
            for code, (value, unit, _shown) in SYNTHETIC_MEASURES.items()
            for year in range(2016, 2024)]
    files = (write_csv_table(directory, "observations", TABLE_COLUMNS["observations"], rows),)
    write_manifest(directory, Manifest(
        schema_version=SCHEMA_VERSION, name="synthetic-everywhere", created_at=now_utc(),
        producer="tests", files=files, dataset="synthetic", synthetic=True))
    return directory


@pytest.mark.django_db
def test_no_real_area_page_shows_a_synthetic_figure_outside_a_synthetic_section(
    client, seeded_site, tmp_path
):
    """Synthetic criterion measures for every real area (as the demo's synthetic bundle has
    them) appear on its page only inside the section headed as synthetic, and never reach the
    criteria panel, the computed status or a "differs from the official list" flag."""
    shown = [text for _v, _u, texts in SYNTHETIC_MEASURES.values() for text in texts]
    areas = list(Area.objects.filter(synthetic=False))

    def main_of(slug):
        html = client.get(f"/omraader/{slug}/").content.decode()
        start = html.find('class="synthetic-section"')
        if start != -1:
            section = html[html.rfind("<section", 0, start):]
            section = section[:section.index("</section>") + len("</section>")]
            assert "Syntetiske demodata" in section  # its heading says so
            html = html.replace(section, "")
        return html[html.index("<main"):]

    # The same texts may occur by chance in published figures: count them before and after.
    before = {a.slug: {t: main_of(a.slug).count(t) for t in shown} for a in areas}
    load_bundle(_every_real_area_bundle(tmp_path), loaded_by="tests")
    for area in areas:
        main = main_of(area.slug)
        assert {t: main.count(t) for t in shown} == before[area.slug], area.slug
        assert "Afviger fra den officielle liste" not in main, area.slug
