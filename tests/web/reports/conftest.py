"""Fixtures for the reports library: areas, roles and users, the index page, a report."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import Group, User

from udsat.domain.catalogue import default_catalogue
from udsat.web.data.catalogue_sync import sync_catalogue
from udsat.web.data.models import Area
from udsat.web.reports.roles import ADMINISTRATORS, EDITORS, MODERATORS, ensure_roles
from udsat.web.reports.seeding import ensure_index

# The tracker's "today" in these tests: deterministic, the session's date.
TODAY = date(2026, 11, 23)


@pytest.fixture
def areas(db):
    sync_catalogue(default_catalogue())
    return {a.slug: a for a in Area.objects.all()}


@pytest.fixture
def roles(db):
    return ensure_roles()


def _user(name: str, group: str | None = None, **extra) -> User:
    user = User.objects.create_user(name, f"{name}@example.invalid", "pw-" + name, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(roles):
    return _user("editor", EDITORS)


@pytest.fixture
def reviewer(roles):
    return _user("reviewer", MODERATORS)


@pytest.fixture
def administrator(roles):
    return _user("administrator", ADMINISTRATORS)


@pytest.fixture
def index(db):
    return ensure_index()


@pytest.fixture
def make_report(index, areas):
    """``make_report(slug=..., live=..., **fields)``: a report under the index."""

    def make(**kwargs):
        return _make_report(index, areas, **kwargs)

    return make


def _make_report(index, areas, *, slug="ny-rapport", live=True, **fields):
    """A report page under the index; published unless ``live`` is False (a draft)."""
    from udsat.web.reports.models import ReportPage

    values = {
        "title": "Ny rapport om Vollsmose",
        "track": "physical",
        "report_type": "subreport_2",
        "deliverable": "physical-2-vollsmose",
        "publication_year": 2026,
        "summary": "<p>Kort tekst om omdannelsen.</p>",
    }
    values.update(fields)
    page = ReportPage(slug=slug, live=live, **values)
    page.areas = [areas["vollsmose"]]
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page
