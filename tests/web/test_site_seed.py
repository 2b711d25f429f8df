"""The seed command creates the site's pages once and leaves editors' changes alone."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from udsat.web.evaluation.models import (
    AboutPage,
    HomePage,
    Initiative,
    PlanPage,
    ResultsPage,
    TimelinePage,
)
from udsat.web.evaluation.seeding import seed_site


@pytest.mark.django_db
def test_seed_creates_every_page_under_the_site_root():
    created = seed_site()
    assert len(created) == 5  # home + about, timeline, plan, results
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.id
    for page_class, slug in ((AboutPage, "om-evalueringen"), (TimelinePage, "tidslinje"),
                             (PlanPage, "parallelsamfundsaftalen"), (ResultsPage, "resultater")):
        page = page_class.objects.get()
        assert page.slug == slug and page.live
        assert page.get_parent().id == home.id


@pytest.mark.django_db
def test_seed_is_idempotent_and_keeps_editors_text(capsys):
    call_command("seed_site")
    about = AboutPage.objects.get()
    about.intro_da = "Redaktørens tekst"
    about.save()
    call_command("seed_site")
    assert "nothing changed" in capsys.readouterr().out
    assert AboutPage.objects.count() == 1
    assert AboutPage.objects.get().intro_da == "Redaktørens tekst"


@pytest.mark.django_db
def test_seeded_plan_has_22_initiatives_in_5_themes():
    seed_site()
    plan = PlanPage.objects.get()
    assert plan.themes.count() == 5
    assert Initiative.objects.filter(page=plan).count() == 22
    assert sorted({i.theme_number for i in plan.initiatives.all()}) == [1, 2, 3, 4, 5]


@pytest.mark.django_db
def test_seeded_about_page_has_3_goals_10_focus_themes_and_2_tracks():
    seed_site()
    about = AboutPage.objects.get()
    assert (about.goals.count(), about.focus_themes.count(), about.tracks.count()) == (3, 10, 2)
    # Every text exists in both languages.
    for row in [*about.goals.all(), *about.focus_themes.all(), *about.tracks.all()]:
        assert row.title_da and row.title_en


@pytest.mark.django_db
def test_editors_can_open_every_seeded_page_in_the_wagtail_editor(client, django_user_model):
    seed_site()
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-12345")
    client.force_login(editor)
    for page_class in (HomePage, AboutPage, TimelinePage, PlanPage, ResultsPage):
        page = page_class.objects.get()
        response = client.get(f"/admin/pages/{page.id}/edit/")
        assert response.status_code == 200, page_class.__name__
        html = response.content.decode()
        # The English and Danish texts are both editable fields.
        assert 'name="title_en"' in html and 'name="intro_da"' in html


@pytest.mark.django_db
def test_an_editors_change_shows_on_the_site(client):
    seed_site()
    timeline = TimelinePage.objects.get()
    entry = timeline.entries.get(year=2029)
    entry.title_en = "The final report is out"
    entry.save()
    assert "The final report is out" in client.get("/en/tidslinje/").content.decode()


@pytest.mark.django_db
def test_seed_keeps_pages_already_under_wagtails_welcome_page():
    from wagtail.models import Page

    welcome = Page.objects.get(slug="home", depth=2)
    welcome.add_child(instance=Page(title="Rapporter", slug="rapporter"))
    seed_site()
    moved = Page.objects.get(slug="rapporter")
    assert moved.get_parent().specific_class is HomePage
    assert not Page.objects.filter(slug="home", depth=2).exists()


@pytest.mark.django_db
def test_seed_keeps_the_default_site_and_points_it_at_the_front_page():
    site_id = Site.objects.get(is_default_site=True).id
    seed_site()
    site = Site.objects.get(is_default_site=True)
    assert site.id == site_id
    assert site.root_page.specific_class is HomePage
