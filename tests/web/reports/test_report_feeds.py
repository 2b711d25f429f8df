"""Both feeds are Atom (RFC 4287): the required elements of the feed and of every entry."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

import pytest

from udsat.web.data.models import LoadBatch

ATOM = "{http://www.w3.org/2005/Atom}"


def _is_rfc3339(text: str) -> bool:
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return parsed.tzinfo is not None  # Atom dates must carry an offset


def assert_valid_atom(xml: bytes) -> list:
    """Check RFC 4287 section 4.1.1/4.1.2 requirements; return the entries."""
    feed = ET.fromstring(xml)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, f"feed needs exactly one {name}"
    assert feed.find(f"{ATOM}id").text.strip()
    assert _is_rfc3339(feed.find(f"{ATOM}updated").text)
    feed_has_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, f"entry needs exactly one {name}"
        assert _is_rfc3339(entry.find(f"{ATOM}updated").text)
        alternate = [
            link
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        # No atom:content, so an alternate link is required (4.1.1.c / 4.1.2).
        assert entry.find(f"{ATOM}content") is not None or alternate
        assert all(link.get("href", "").startswith("http") for link in alternate)
        assert feed_has_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    return entries


@pytest.mark.django_db
def test_reports_feed_is_atom_with_each_published_report(client, make_report):
    make_report(slug="en", title="Første rapport")
    make_report(slug="to", title="Anden rapport")
    make_report(slug="kladde", title="Kladde", live=False)
    response = client.get("/feeds/rapporter/")
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = assert_valid_atom(response.content)
    titles = {e.find(f"{ATOM}title").text for e in entries}
    assert titles == {"Første rapport", "Anden rapport"}  # 2 published, the draft left out


@pytest.mark.django_db
def test_empty_reports_feed_is_still_valid_atom(client):
    assert assert_valid_atom(client.get("/feeds/rapporter/").content) == []


@pytest.mark.django_db
def test_data_feed_is_atom_with_one_entry_per_load(client):
    for n in (1, 2, 3):
        LoadBatch.objects.create(kind="bundle", name=f"udgivelse-{n}", digest=f"{n:064d}")
    response = client.get("/feeds/data/")
    entries = assert_valid_atom(response.content)
    # Words, not the batch's name or kind; dated by the import (the only date a release has).
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert len(titles) == 3
    assert all(t.startswith("Dataudgivelse: Offentliggjorte tal og lister, indlæst ") for t in titles)
    assert not any("udgivelse-" in t or "bundle" in t for t in titles)


@pytest.mark.django_db
def test_reports_are_dated_by_publication_not_by_import(client, make_report):
    import datetime as dt

    make_report(slug="dated", title="Med dato", publication_date=dt.date(2016, 12, 1),
                publication_year=2016)
    make_report(slug="year-only", title="Kun år", publication_year=2019)
    entries = assert_valid_atom(client.get("/feeds/rapporter/").content)
    updated = {e.find(f"{ATOM}title").text: e.find(f"{ATOM}updated").text for e in entries}
    assert updated["Med dato"].startswith("2016-12-01T00:00:00")
    assert updated["Kun år"].startswith("2019-01-01T00:00:00")  # 1 January: the year alone
    html = client.get("/nyt/").content.decode()
    assert '<time datetime="2016-12-01">1. december 2016</time>' in html
    assert '<time datetime="2019">2019</time>' in html
    # Newest publication first: 2019 before 2016, whatever the import order.
    assert html.index("Kun år") < html.index("Med dato")


@pytest.mark.django_db
def test_english_feed_lives_under_en(client, make_report):
    make_report(title="Rapport", title_en="Report")
    entries = assert_valid_atom(client.get("/en/feeds/rapporter/").content)
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Report"]


@pytest.mark.django_db
def test_english_pages_use_the_english_labels(client, make_report):
    make_report(title="Rapport", title_en="Report", track="social")
    html = client.get("/en/soeg/", {"track": "social"}).content.decode()
    assert "The social track" in html and "Narrow the reports" in html
    html = client.get("/soeg/", {"track": "social"}).content.decode()
    assert "Det sociale spor" in html and "Afgræns rapporterne" in html
