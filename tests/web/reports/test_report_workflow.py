"""Editors draft, reviewers approve and publish, anyone may unpublish: what the public sees."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from udsat.web.reports.models import ReportPage
from udsat.web.reports.queries import reports_for_area
from udsat.web.reports.search import ReportFilters, search_reports

UNIQUE_WORD = "Kvartersmosaik"


def _report_form(**overrides) -> dict:
    data = {
        "title": f"{UNIQUE_WORD} i Vollsmose",
        "slug": "kvartersmosaik",
        "title_en": "",
        "track": "physical",
        "report_type": "subreport_2",
        "deliverable": "physical-2-vollsmose",
        "publication_year": "2026",
        "publication_date": "",
        "authors": "",
        "institution": "BUILD",
        "summary": rich_text(f"<p>{UNIQUE_WORD}: anden runde i området.</p>"),
        "summary_en": rich_text(""),
        "external_url": "https://example.org/rapport.pdf",
        "findings": inline_formset([]),
        "comments": inline_formset([]),
    }
    areas = overrides.pop("areas", [])
    data.update(overrides)
    form = nested_form_data(data)
    form["areas"] = areas  # a multiple select: the client posts one value per item
    return form


def _public_everywhere(client, page) -> dict:
    """Where a page can be seen without logging in."""
    client.logout()
    feed = client.get("/feeds/rapporter/").content.decode()
    with translation.override("da"):
        partial = Template("{% load reports_tags %}{% area_reports 'vollsmose' %}").render(
            Context()
        )
    return {
        "page": client.get(page.url).status_code == 200,
        "search": page.pk in [r.pk for r in search_reports(UNIQUE_WORD, ReportFilters())],
        # The result list links the page (the form echoes the query, so test the link).
        "search_view": f'href="{page.url}"'
        in client.get("/soeg/", {"q": UNIQUE_WORD}).content.decode(),
        "feed": UNIQUE_WORD in feed,
        "area": page.pk in [r.pk for r in reports_for_area("vollsmose")],
        "area_partial": UNIQUE_WORD in partial,
        "area_page": f'href="{page.url}"' in client.get("/omraader/vollsmose/").content.decode(),
    }


def _created_by_editor(client, editor, index, areas) -> ReportPage:
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("reports", "reportpage", index.pk))
    response = client.post(url, _report_form(areas=[str(areas["vollsmose"].pk)]))
    assert response.status_code == 302, response.content.decode()[:3000]
    return ReportPage.objects.get(slug="kvartersmosaik")


@pytest.mark.django_db
def test_editor_draft_is_invisible_to_public_search_feed_and_area(client, editor, index, areas):
    page = _created_by_editor(client, editor, index, areas)
    assert page.live is False
    seen = _public_everywhere(client, page)
    assert seen == dict.fromkeys(seen, False)


@pytest.mark.django_db
def test_editor_cannot_publish_without_review(client, editor, index, areas):
    page = _created_by_editor(client, editor, index, areas)
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.post(edit, _report_form(areas=[str(areas["vollsmose"].pk)], **{"action-publish": "1"}))
    page.refresh_from_db()
    assert page.live is False
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()


@pytest.mark.django_db
def test_reviewed_report_appears_everywhere_and_unpublish_removes_it(
    client, editor, reviewer, index, areas
):
    page = _created_by_editor(client, editor, index, areas)
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = client.post(
        edit, _report_form(areas=[str(areas["vollsmose"].pk)], **{"action-submit": "1"})
    )
    assert response.status_code == 302
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None and state.workflow.name == "Review"
    assert page.live is False  # submitted, not yet approved

    client.force_login(reviewer)
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
    )
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    page.refresh_from_db()
    assert page.live is True
    seen = _public_everywhere(client, page)
    assert seen == dict.fromkeys(seen, True)

    client.force_login(reviewer)
    unpublish = reverse("wagtailadmin_pages:unpublish", args=(page.pk,))
    assert client.post(unpublish).status_code == 302
    page.refresh_from_db()
    assert page.live is False
    seen = _public_everywhere(client, page)
    assert seen == dict.fromkeys(seen, False)
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {"wagtail.publish", "wagtail.unpublish", "wagtail.workflow.start"} <= actions
