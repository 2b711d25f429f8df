"""Anonymous pages come from a cache that a data load or a page publish invalidates; every
response can be revalidated (ETag -> 304) and is compressed when the browser accepts it."""

import gzip

from django.contrib.auth.models import User

from udsat.domain.bundle import (
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    Manifest,
    write_csv_table,
    write_manifest,
)
from udsat.web.data.loading import load_bundle
from udsat.web.page_cache import HIT_HEADER


def _load(directory, value: str) -> None:
    directory.mkdir()
    columns = TABLE_COLUMNS["observations"]
    row = {"area": "vollsmose", "indicator": "residents", "period": "2031", "breakdown": "",
           "value": value, "absence": "", "unit": "persons", "source": "statistikbanken",
           "n_persons": "", "note": ""}
    files = (write_csv_table(directory, "observations", columns, [[row[c] for c in columns]]),)
    write_manifest(directory, Manifest(SCHEMA_VERSION, value, "2026-01-01", "tests", files))
    load_bundle(directory)


CSV = "/omraader/vollsmose/data/residents.csv"


def test_a_second_visit_is_served_from_the_cache_without_rendering(
    client, loaded_reference, django_assert_max_num_queries
):
    first = client.get("/omraader/vollsmose/")
    assert first[HIT_HEADER] == "miss"
    with django_assert_max_num_queries(2):  # the version: newest load, newest page change
        second = client.get("/omraader/vollsmose/")
    assert second[HIT_HEADER] == "hit" and second.content == first.content
    assert client.get("/en/omraader/vollsmose/")[HIT_HEADER] == "miss"  # its own entry


def test_a_data_load_invalidates_the_cached_pages(client, loaded_reference, tmp_path):
    _load(tmp_path / "a", "12345")
    assert b"12345" in client.get(CSV).content
    assert client.get(CSV)[HIT_HEADER] == "hit"
    _load(tmp_path / "b", "54321")  # a revised figure: a new batch, a new version
    response = client.get(CSV)
    assert response[HIT_HEADER] == "miss" and b"54321" in response.content


def test_a_page_publish_invalidates_the_cached_pages(client, seeded_site):
    from wagtail.models import Page

    page = Page.objects.get(url_path__endswith="/om-evalueringen/").specific
    assert client.get("/om-evalueringen/")[HIT_HEADER] == "miss"
    assert client.get("/om-evalueringen/")[HIT_HEADER] == "hit"
    page.title = "Om evalueringen (ny titel)"
    page.save_revision().publish()
    response = client.get("/om-evalueringen/")
    assert response[HIT_HEADER] == "miss" and "ny titel" in response.content.decode()


def test_a_logged_in_user_is_never_served_a_cached_page(client, loaded_reference):
    client.get("/omraader/")
    client.force_login(User.objects.create_user("editor", password="pw-editor-1234"))
    assert HIT_HEADER not in client.get("/omraader/")


def test_an_unchanged_page_is_revalidated_with_304(client, loaded_reference):
    first = client.get("/omraader/vollsmose/")
    etag = first["ETag"]
    assert etag and "must-revalidate" in first["Cache-Control"]
    assert client.get("/omraader/vollsmose/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_pages_are_compressed_for_browsers_that_accept_it(client, loaded_reference):
    plain = client.get("/omraader/vollsmose/")
    packed = client.get("/omraader/vollsmose/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 3
