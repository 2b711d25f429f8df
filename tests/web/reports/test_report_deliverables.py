"""The deliverables tracker: the plan (programme.toml) matched to the published reports.

Hand count of the plan: 4 physical rounds x 15 areas = 60 area sub-reports, plus 8 other
items (physical cross-cutting series, physical final, social baseline/midterm/final, two
conferences, final publication) = 68.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.template.loader import render_to_string

from udsat.domain.catalogue import CatalogueError
from udsat.web.reports.deliverables import planned_items
from udsat.web.reports.programme import PlannedItem, load_programme, status_of
from udsat.web.reports.queries import deliverables_for_timeline, deliverables_overview
from udsat.web.reports.seeding import seed_reports

TODAY = date(2026, 11, 23)


def _item(year: int) -> PlannedItem:
    return PlannedItem("k", "report", "social", year, "t", "t")


@pytest.mark.parametrize(
    ("year", "published", "expected"),
    [
        (2027, 0, "planned"),  # next year
        (2026, 0, "due"),  # this year, not yet out
        (2025, 0, "overdue"),  # last year passed without a report
        (2020, 1, "published"),
        (2029, 1, "published"),  # early is still published
    ],
)
def test_status_against_today(year, published, expected):
    assert status_of(_item(year), published, TODAY) == expected


def test_status_changes_at_new_year():
    assert status_of(_item(2026), 0, date(2026, 12, 31)) == "due"
    assert status_of(_item(2026), 0, date(2027, 1, 1)) == "overdue"


def test_programme_has_four_rounds_per_evaluated_area_and_eight_other_items():
    items = planned_items()
    assert len(items) == 15 * 4 + 8  # = 68
    rounds = {(i.area_slug, i.round, i.year) for i in items if i.round}
    assert ("vollsmose", 1, 2020) in rounds and ("vollsmose", 4, 2026) in rounds
    keys = {i.key: i.year for i in items}
    assert keys["conference-midterm"] == 2025
    assert keys["conference-final"] == 2028
    assert keys["final-publication"] == 2029
    assert keys["social-midterm"] == 2025


def test_bad_programme_names_file_and_key(tmp_path):
    (tmp_path / "programme.toml").write_text(
        '[[item]]\nkey = "x"\nkind = "party"\ntrack = "social"\nyear = 2025\n'
        'title_da = "x"\ntitle_en = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match=r"programme.toml: item\[0\].kind"):
        load_programme([], root=tmp_path)


@pytest.mark.django_db
def test_overview_matches_published_reports_and_dates_the_rest():
    seed_reports()
    overview = deliverables_overview(TODAY)
    by_key = {d.key: d for d in overview["deliverables"]}
    # From reports.csv: three BUILD baselines (Mjølnerparken, Finlandsparken, Tingbjerg),
    # VIVE's report 1, and three cross-cutting publications/notes on the physical track.
    assert by_key["physical-1-mjoelnerparken"].status == "published"
    assert [r.title for r in by_key["physical-1-mjoelnerparken"].reports] == [
        "Mjølnerparken – Baselineundersøgelse 2020 (BUILD Rapport 2022:2)"
    ]
    assert by_key["physical-1-tingbjerg-utterslevhuse"].status == "published"
    assert by_key["physical-1-finlandsparken"].status == "published"
    assert by_key["physical-1-agervang"].status == "overdue"  # 2020 passed, none registered
    assert by_key["physical-4-vollsmose"].status == "due"  # round 4 is planned for 2026
    assert by_key["social-baseline"].status == "published"
    assert by_key["social-midterm"].status == "overdue"  # planned 2025, not found
    assert by_key["social-final"].status == "planned"  # 2028
    assert len(by_key["physical-cross-cutting"].reports) == 3
    assert by_key["conference-midterm"].status == "overdue"
    assert by_key["final-publication"].status == "planned"
    # published: 3 baselines + social baseline + cross-cutting series = 5
    # due: round 4 (2026) x 15 = 15
    # overdue: round 1 without report 15 - 3 = 12, rounds 2 and 3 (2022, 2024) 2 x 15 = 30,
    #          social midterm, midterm conference = 2 -> 44
    # planned: physical final, social final, final conference, final publication = 4
    assert dict(overview["counts"]) == {"published": 5, "due": 15, "overdue": 44, "planned": 4}


@pytest.mark.django_db
def test_overview_table_shows_the_matched_report_and_the_status():
    seed_reports()
    html = render_to_string(
        "reports/_deliverables.html", {"overview": deliverables_overview(TODAY)}
    )
    assert 'data-key="physical-1-mjoelnerparken" data-status="published"' in html
    assert "Mjølnerparken – Baselineundersøgelse 2020" in html
    assert 'data-key="physical-2-mjoelnerparken" data-status="overdue"' in html
    assert 'data-key="social-final" data-status="planned"' in html


@pytest.mark.django_db
def test_unpublishing_a_matched_report_makes_its_item_overdue_again():
    seed_reports()
    from udsat.web.reports.models import ReportPage

    ReportPage.objects.get(slug="mjoelnerparken-baseline-2020").unpublish()
    by_key = {d.key: d for d in deliverables_overview(TODAY)["deliverables"]}
    assert by_key["physical-1-mjoelnerparken"].status == "overdue"


@pytest.mark.django_db
def test_timeline_folds_each_round_into_one_entry_per_year():
    seed_reports()
    years = {y["year"]: y["entries"] for y in deliverables_for_timeline(TODAY)}
    assert sorted(years) == [2020, 2021, 2022, 2024, 2025, 2026, 2028, 2029]
    round_one = next(e for e in years[2020] if e["key"] == "physical-1")
    assert (round_one["published"], round_one["total"], round_one["status"]) == (3, 15, "overdue")
    round_four = next(e for e in years[2026] if e["key"] == "physical-4")
    assert (round_four["published"], round_four["status"]) == (0, "due")
    assert {e["key"] for e in years[2025]} == {"social-midterm", "conference-midterm"}
