"""The admin import page: only data managers, a report before anything changes, then a load."""

import contextlib
import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission

from udsat import cli
from udsat.web.data import uploads
from udsat.web.data.models import LoadBatch, Observation

FIXTURE = Path(__file__).parent.parent / "ingest" / "fixtures" / "beboerdata_15_areas_latin1.csv"
URL = "/admin/data-import/"


def run_in_process(arguments):
    """The same command the page runs as a subprocess, run here so it sees the test database."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = cli.main(arguments)
    return code, out.getvalue()


@pytest.fixture
def runner(monkeypatch):
    calls = []

    def run(arguments):
        calls.append(arguments)
        return run_in_process(arguments)

    monkeypatch.setattr(uploads, "run_udsat", run)
    return calls


def _user(django_user_model, name, *permissions):
    user = django_user_model.objects.create_user(name, password="pw")
    group, _ = Group.objects.get_or_create(name=f"{name}-group")
    for app_label, codename in (("wagtailadmin", "access_admin"), *permissions):
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label,
                                                     codename=codename))
    user.groups.add(group)
    return user


@pytest.fixture
def data_manager(client, django_user_model):
    user = _user(django_user_model, "dm", ("data", "add_loadbatch"), ("data", "view_loadbatch"))
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_an_editor_without_the_load_permission_is_refused(client, django_user_model):
    client.force_login(_user(django_user_model, "editor"))
    response = client.get(URL)
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    with FIXTURE.open("rb") as handle:
        client.post(URL, {"kind": "beboerdata", "file": handle})
    assert LoadBatch.objects.count() == 0
    assert URL not in client.get("/admin/").content.decode()  # no menu item


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_a_data_manager_sees_the_form_and_the_menu_item(client, data_manager):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="kind"' in response.content.decode()
    assert "Importér data" in response.content.decode()  # Danish first
    assert URL in client.get("/admin/").content.decode()  # the menu item links here


@pytest.mark.django_db
def test_upload_shows_the_report_and_loads_only_after_confirmation(client, data_manager, runner):
    with FIXTURE.open("rb") as handle:
        response = client.post(URL, {"kind": "beboerdata", "file": handle,
                                     "source_url": "https://example.org/lbf"})
    page = response.content.decode()
    assert "read as Windows-1252/Latin-1, separator semicolon (;)" in page
    assert "<td>30</td>" in page  # 30 new observations: 15 areas x 2 indicators
    assert runner[-1][-1] == "--dry-run"
    assert Observation.objects.count() == 0 and LoadBatch.objects.count() == 0
    token = response.context["token"]
    response = client.post(URL, {"confirm": "1", "token": token})
    assert response.context["loaded"] and response.context["report"]["ok"]
    assert Observation.objects.count() == 30
    batch = LoadBatch.objects.get()
    assert (batch.file_name, batch.loaded_by, batch.source_url) == (
        FIXTURE.name, "dm", "https://example.org/lbf")
    # the token is spent: confirming twice loads nothing more
    response = client.post(URL, {"confirm": "1", "token": token})
    assert response.context["expired"] and LoadBatch.objects.count() == 1


@pytest.mark.django_db
def test_a_bad_upload_shows_its_problems_and_offers_no_confirmation(client, data_manager, runner):
    bad = io.BytesIO(b"area,indicator,period,value,unit,source,absence\n"
                     b"Atlantis,residents,2020,1,persons,statistikbanken,\n")
    bad.name = "bad.csv"
    response = client.post(URL, {"kind": "tidy", "file": bad})
    page = response.content.decode()
    assert "bad.csv, row 2, column &#x27;area&#x27;: unknown area &#x27;Atlantis&#x27;" in page
    assert response.context["token"] == "" and 'name="confirm"' not in page
    assert LoadBatch.objects.count() == 0


def test_the_page_runs_the_real_command_as_a_subprocess(tmp_path):
    bad = tmp_path / "empty.csv"
    bad.write_bytes(b"")
    code, output = uploads.run_udsat(["import", "tidy", str(bad), "--json", "--dry-run"])
    # a refused file never reaches the database, so the subprocess needs none
    assert code == 2
    assert '"problems": [{"file": "empty.csv", "row": null, "column": null, ' \
           '"reason": "is empty"' in output
