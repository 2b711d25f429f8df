"""Accounts and access: login throttling, who grants superuser rights, bulk publishing of an
incomplete draft, and the documents of unpublished reports."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from test_report_uploads import PDF
from wagtail.documents import get_document_model

LOGIN = "/admin/login/"


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_the_right_password_logs_in(client, administrator):
    response = client.post(LOGIN, {"username": "administrator", "password": "pw-administrator"})
    assert response.status_code == 302 and _logged_in(client)


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_login_even_for_the_right_one(client, administrator,
                                                                    editor):
    for _ in range(5):  # AXES_FAILURE_LIMIT
        client.post(LOGIN, {"username": "administrator", "password": "wrong"})
    response = client.post(LOGIN, {"username": "administrator", "password": "pw-administrator"})
    assert response.status_code == 429 and not _logged_in(client)
    # The lock is on that user name from that address: another user still logs in.
    response = client.post(LOGIN, {"username": "editor", "password": "pw-editor"})
    assert response.status_code == 302 and _logged_in(client)


def _user_form(username: str, **extra) -> dict:
    return {"username": username, "email": f"{username}@example.invalid", "first_name": "A",
            "last_name": "B", "password1": "", "password2": "", "is_active": "on", **extra}


@pytest.mark.django_db
def test_an_administrator_cannot_grant_superuser_rights(client, administrator, editor):
    client.force_login(administrator)
    add = reverse("wagtailusers_users:add")
    created = client.post(add, _user_form("mallory", password1="Tr1cky-Passw0rd!",
                                          password2="Tr1cky-Passw0rd!", is_superuser="on"))
    # Wagtail's admin answers a refusal (PermissionDenied) with a redirect to its dashboard.
    refused = reverse("wagtailadmin_home")
    assert created.url == refused and not User.objects.filter(username="mallory").exists()
    edit = reverse("wagtailusers_users:edit", args=(editor.pk,))
    assert client.post(edit, _user_form("editor", is_superuser="on")).url == refused
    editor.refresh_from_db()
    assert not editor.is_superuser
    boss = User.objects.create_superuser("boss", "boss@example.invalid", "pw-boss")
    # Nor change a superuser's account (a new password would hand it over).
    assert client.get(reverse("wagtailusers_users:edit", args=(boss.pk,))).url == refused
    assert client.post(reverse("wagtailusers_users:delete", args=(boss.pk,))).url == refused
    assert User.objects.filter(username="boss", is_superuser=True).exists()
    # Ordinary user management still works.
    saved = client.post(edit, _user_form("editor", first_name="Edith"))
    assert saved.url == reverse("wagtailusers_users:index")
    editor.refresh_from_db()
    assert editor.first_name == "Edith" and not editor.is_superuser


@pytest.mark.django_db
def test_a_superuser_can_grant_superuser_rights(client, editor):
    boss = User.objects.create_superuser("boss", "boss@example.invalid", "pw-boss")
    client.force_login(boss)
    edit = reverse("wagtailusers_users:edit", args=(editor.pk,))
    assert client.post(edit, _user_form("editor", is_superuser="on")).status_code == 302
    editor.refresh_from_db()
    assert editor.is_superuser


@pytest.mark.django_db
def test_a_moderators_bulk_publish_of_an_incomplete_draft_gives_a_message(client, reviewer,
                                                                          make_report):
    page = make_report(live=False)
    page.track = ""  # required: a draft may be saved without it, never published
    page.save_revision(clean=False)
    client.force_login(reviewer)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = client.post(f"{url}?id={page.pk}&next=/admin/", {}, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "blev ikke udgivet: udkastet er ufuldstændigt" in text and page.title in text
    page.refresh_from_db()
    assert not page.live


@pytest.mark.django_db
def test_a_complete_draft_is_still_published_in_bulk(client, reviewer, make_report):
    page = make_report(live=False)
    client.force_login(reviewer)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{url}?id={page.pk}&next=/admin/", {})
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_a_draft_reports_document_is_private_until_the_report_is_published(
    client, editor, make_report, settings, tmp_path
):
    # Files on disk, as in production (the test settings' in-memory storage has no path).
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage"}}
    document = get_document_model().objects.create(
        title="Rapport", file=SimpleUploadedFile("rapport.pdf", PDF))
    page = make_report(live=False, document=document)
    assert client.get(document.url).status_code == 404  # anonymous: not even its existence
    client.force_login(editor)
    assert client.get(document.url).status_code == 200  # the admin's users may read it
    client.logout()
    page.save_revision().publish()
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]) \
        == PDF
