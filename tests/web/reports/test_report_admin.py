"""Scheduled publishing, revisions (compare, revert), the audit log and the roles."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupPagePermission,
    ModelLogEntry,
    Page,
    PageLogEntry,
    WorkflowPage,
)

from udsat.web.data.models import LoadBatch
from udsat.web.reports.roles import EDITORS, MODERATORS, REVIEW_WORKFLOW, ensure_roles


@pytest.mark.django_db
def test_scheduled_report_goes_live_only_when_its_time_comes(make_report):
    page = make_report(live=False)
    page.go_live_at = timezone.now() + timedelta(days=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert page.live is False  # approved for tomorrow, not public today
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live is False  # the command publishes nothing before its time

    # Two days later (the clock moved, nothing else): the command publishes it.
    later = timezone.now() + timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live is True


@pytest.mark.django_db
def test_revisions_of_a_report_can_be_compared_and_reverted(client, reviewer, make_report):
    page = make_report(title="Første titel")
    first = page.latest_revision
    page.title = "Anden titel"
    page.save_revision().publish()
    client.force_login(reviewer)
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=(page.pk, first.pk, page.latest_revision.pk),
    )
    response = client.get(compare)
    assert response.status_code == 200
    html = response.content.decode()
    # The comparison marks the changed word of the title: removed and added.
    assert "Første" in html and "Anden" in html
    revert = reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, first.pk))
    response = client.get(revert)
    assert response.status_code == 200
    assert "Første titel" in response.content.decode()  # the edit form holds the old text


@pytest.mark.django_db
def test_only_administrators_read_the_site_wide_audit_log(
    client, editor, reviewer, administrator, make_report
):
    make_report()
    url = reverse("wagtailadmin_reports:site_history")
    for user in (editor, reviewer):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.force_login(administrator)
    response = client.get(url)
    assert response.status_code == 200
    assert PageLogEntry.objects.filter(action="wagtail.publish").exists()


@pytest.mark.django_db
def test_administrators_read_publishes_unpublishes_and_data_loads_in_the_audit_log(
    client, administrator, make_report, loaded_reference
):
    page = make_report(title="Revisionsspor")
    page.unpublish()
    client.force_login(administrator)
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    html = response.content.decode()
    shown = {(e.action, getattr(e, "page_id", None)) for e in response.context["object_list"]}
    assert ("wagtail.publish", page.pk) in shown
    assert ("wagtail.unpublish", page.pk) in shown
    assert "udsat.data_load" in set(ModelLogEntry.objects.values_list("action", flat=True))
    batch = LoadBatch.objects.get(pk=loaded_reference.batch_id)
    assert str(batch) in html


@pytest.mark.django_db
def test_only_administrators_manage_users(client, editor, reviewer, administrator):
    url = reverse("wagtailusers_users:index")
    for user in (editor, reviewer):
        client.force_login(user)
        assert client.get(url).status_code in (302, 403)
    client.force_login(administrator)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_ensure_roles_is_idempotent_and_editors_never_hold_publish(db):
    ensure_roles()
    editors = Group.objects.get(name=EDITORS)
    root = Page.get_first_root_node()
    # Someone granted Editors publish by hand: the next run takes it away again.
    GroupPagePermission.objects.create(group=editors, page=root, permission_type="publish")
    call_command("ensure_roles")
    call_command("ensure_roles")
    codes = set(
        GroupPagePermission.objects.filter(group=editors).values_list(
            "permission__codename", flat=True
        )
    )
    assert codes == {"add_page", "change_page"}
    moderators = set(
        GroupPagePermission.objects.filter(group__name=MODERATORS).values_list(
            "permission__codename", flat=True
        )
    )
    assert "publish_page" in moderators
    assert WorkflowPage.objects.get(page=root).workflow.name == REVIEW_WORKFLOW
    assert Group.objects.filter(name=EDITORS).count() == 1


@pytest.mark.django_db
def test_editor_opens_the_report_forms_in_the_admin(client, editor, index, make_report):
    page = make_report()
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=("reports", "reportpage", index.pk))
    for url in (add, reverse("wagtailadmin_pages:edit", args=(page.pk,))):
        response = client.get(url)
        assert response.status_code == 200
        # The deliverable choice lists the programme's physical items: 4 rounds x 15 areas,
        # the cross-cutting series and the final report = 62.
        assert response.content.decode().count('<option value="physical-') == 15 * 4 + 2
