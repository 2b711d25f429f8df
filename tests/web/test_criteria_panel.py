"""The criteria panel on the area page: stored criterion values, the statutory classification
per year, official vs computed status, and disagreements flagged, not hidden."""

from decimal import Decimal

import pytest
from django.urls import reverse

from udsat.web.areas.criteria_panel import criteria_panel_context
from udsat.web.data.models import Area, Indicator, ListStatus, LoadBatch, Observation


def _entry(context, year):
    return next(e for e in context["criteria_panel"] if e["year"] == year)


@pytest.mark.django_db
def test_taastrupgaard_2023_is_computed_as_published(loaded_reference):
    context = criteria_panel_context(Area.objects.get(slug="taastrupgaard"), "da")
    entry = _entry(context, 2023)
    # 2021 rules: basic education 77.3 > 60 and income 54.2 < 55 (2 of 4), non-Western
    # 66.4 > 50, and on the lists 2019-2022: omdannelsesområde.
    assert entry["rule_version"] == "2021"
    assert entry["computed_terms"] == ["udsat boligområde", "parallelsamfund", "omdannelsesområde"]
    assert entry["published"].terms == ["udsat boligområde", "parallelsamfund", "omdannelsesområde"]
    assert not entry["disagrees"] and not entry["insufficient"]
    rows = {r["id"]: r for r in entry["criteria"]}
    assert (rows["basic_edu"]["value"], rows["basic_edu"]["threshold"], rows["basic_edu"]["met"]) == (
        Decimal("77.3"), Decimal("60"), True)
    assert rows["basic_edu"]["margin_text"] == "+17,3"  # 77.3 - 60
    assert rows["outside_work_edu"]["margin_text"] == "−13,3"  # 26.7 - 40
    assert rows["convicted"]["met"] is None  # the national average is not stored
    assert entry["explanation"].startswith("Listen 2023 efter parallelsamfundsreglerne fra 2021")
    others = {o["rule_version"]: o for o in entry["other_versions"]}
    # 2013 rules (3 of 5): non-Western 66.4 > 50, basic education 77.3 > 50, income 54.2 < 55.
    assert others["2013"]["terms"] == ["ghettoområde"]
    # 2010 rules (2 of 3): only non-Western is met; convicted (1.62 < 2.7) and outside work not.
    assert others["2010"]["terms"] == [] and not others["2010"]["insufficient"]


@pytest.mark.django_db
def test_status_history_spans_every_list_year_with_official_terms(loaded_reference):
    history = criteria_panel_context(Area.objects.get(slug="taastrupgaard"), "en")["status_history"]
    # From the first statutory list (2010 rules) to the newest year the record covers.
    latest = max(row.year for row in ListStatus.objects.filter(dataset="reference"))
    assert [row["year"] for row in history] == list(range(2010, latest + 1))
    by_year = {row["year"]: row for row in history}
    assert "hårdt ghettoområde" in by_year[2019]["summary"].terms
    assert by_year[2019]["computed_terms"] is None  # no criterion values for 2019
    assert by_year[2023]["computed_terms"] == by_year[2023]["summary"].terms


@pytest.mark.django_db
def test_a_year_off_a_complete_list_says_so_with_its_derivation(loaded_reference):
    history = criteria_panel_context(Area.objects.get(slug="tingbjerg-utterslevhuse"),
                                     "da")["status_history"]
    year_2012 = next(row for row in history if row["year"] == 2012)
    # The 2012 list (1 October 2012) is complete in the record: 33 areas, Tingbjerg not one.
    assert year_2012["summary"].on_no_list
    assert any("33 områder" in text for text in year_2012["derivations"])


@pytest.mark.django_db
def test_a_disagreement_with_the_official_list_is_flagged(loaded_reference, client):
    area = Area.objects.get(slug="gellerupparken-toveshoej")
    batch = LoadBatch.objects.create(kind="test", name="disagreement", digest="0" * 64)
    # A published head count (dataset "reference"): 900 residents in 2016: under the 1,000 minimum, so the rules put the area on no list,
    # while the published (rebuilt) 2016 list has it as a ghettoområde.
    Observation.objects.create(area=area, indicator=Indicator.objects.get(code="residents"),
                               period="2016", value=Decimal(900), unit="persons", source="test",
                               batch=batch)
    context = criteria_panel_context(area, "da")
    entry = _entry(context, 2016)
    assert entry["computed_terms"] == [] and entry["published"].terms == ["ghettoområde"]
    assert entry["disagrees"]
    assert context["criteria_disagreements"] == [2016]
    assert _entry(context, 2015)["disagrees"] is False  # 5 of 5, as published
    page = client.get(reverse("area-detail", args=[area.slug]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Kriterierne år for år" in text
    assert "Afviger fra den officielle liste" in text


@pytest.mark.django_db
def test_an_area_without_criterion_values_shows_the_history_only(loaded_reference, client):
    area = Area.objects.get(slug="agervang")
    Observation.objects.filter(area=area).delete()
    context = criteria_panel_context(area, "da")
    assert context["criteria_panel"] == []
    page = client.get(reverse("area-detail", args=[area.slug]))
    assert "Der er ingen kendte kriterieværdier for området." in page.content.decode()


@pytest.mark.django_db
def test_without_published_lists_earlier_computed_years_serve_as_history(loaded_reference):
    area = Area.objects.create(slug="demo-omraade", name="Demoområde", municipality_code=101,
                               municipality_name="København", region_code=1084,
                               region_name="Region Hovedstaden", synthetic=True)
    batch = LoadBatch.objects.create(kind="test", name="synthetic", digest="1" * 64)
    codes = {"residents": 1500, "nonwestern_pct": 60, "outside_work_edu_pct": 45,
             "basic_edu_pct": 65, "convicted_pct": 1, "national_convicted_pct": "0.7",
             "income_pct_of_region": 70}
    for year in range(2017, 2023):
        for code, value in codes.items():
            Observation.objects.create(area=area, indicator=Indicator.objects.get(code=code),
                                       period=str(year), value=Decimal(str(value)), unit="pct",
                                       source="test", dataset="synthetic", batch=batch)
    panel = {e["year"]: e for e in criteria_panel_context(area, "da")["criteria_panel"]}
    # 2017 (2013 rules): 60 > 50, 45 > 40, 65 > 50: ghettoområde. 2018-2021: udsat and
    # ghetto/parallelsamfund (45 > 40, 65 > 60; 60 > 50). 2021 needs 2017-2021 as ghetto
    # areas: all computed, so omdannelsesområde; 2018 needs 2014-2016: unknown.
    assert panel[2017]["computed_terms"] == ["ghettoområde"]
    assert panel[2018]["insufficient"]
    assert panel[2021]["computed_terms"] == ["udsat boligområde", "parallelsamfund", "omdannelsesområde"]
    assert panel[2021]["published"] is None and not panel[2021]["disagrees"]


@pytest.mark.django_db
def test_a_head_count_alone_gets_a_panel_only_when_it_decides(loaded_reference):
    # Mjølnerparken 2023: 966 residents < 1,000 decides "on no list", as published.
    panel = {e["year"]: e for e in criteria_panel_context(Area.objects.get(slug="mjoelnerparken"))[
        "criteria_panel"]}
    assert panel[2023]["computed_terms"] == [] and not panel[2023]["insufficient"]
    assert not panel[2023]["disagrees"]
    # Sundparken's 2024 head count (1,382, from the combined-letting list) decides nothing.
    sundparken = criteria_panel_context(Area.objects.get(slug="sundparken"))["criteria_panel"]
    assert 2024 not in [e["year"] for e in sundparken]
    assert Observation.objects.filter(area__slug="sundparken", period="2024",
                                      indicator__code="residents").exists()


@pytest.mark.django_db
def test_a_real_area_is_never_judged_on_synthetic_figures(loaded_reference, client):
    """Synthetic measures for a real place (as the demo's synthetic bundle has them) never
    enter its criteria panel, its computed status or a "differs" flag."""
    area = Area.objects.get(slug="gellerupparken-toveshoej")
    batch = LoadBatch.objects.create(kind="test", name="synthetic", digest="2" * 64,
                                     dataset="synthetic", synthetic=True)
    # 900 synthetic residents in 2016 would put the area on no list (< 1,000) and contradict
    # the published 2016 ghetto list, if synthetic figures were used.
    for code, value in (("residents", 900), ("nonwestern_pct", "12.3")):
        Observation.objects.create(area=area, indicator=Indicator.objects.get(code=code),
                                   period="2016", value=Decimal(str(value)), unit="pct",
                                   source="test", dataset="synthetic", batch=batch)
    context = criteria_panel_context(area, "da")
    assert context["criteria_dataset"] == "reference"
    assert 2016 not in [e["year"] for e in context["criteria_panel"]]
    assert context["criteria_disagreements"] == []
    html = client.get(reverse("area-detail", args=[area.slug])).content.decode()
    panel = html[html.index('class="criteria-panel"'):]
    panel = panel[:panel.index("</section>")]
    # Gellerup's published criterion values are for 2014 and 2015 only: no 2016 year appears.
    assert 'id="criteria-2015"' in panel and 'id="criteria-2016"' not in panel
    assert "Afviger fra den officielle liste" not in panel
