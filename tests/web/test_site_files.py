"""robots.txt, sitemap.xml, the favicon and the 404 and 500 pages (in both languages)."""

import re

import pytest
from django.test import Client, override_settings
from django.urls import path

from udsat.web import urls as site_urls


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.django_db
def test_sitemap_lists_pages_and_data_pages_in_both_languages(client, seeded_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    locations = set(re.findall(r"<loc>(.*?)</loc>", xml))
    base = "http://testserver"
    for wanted in ("/", "/en/", "/tidslinje/", "/en/tidslinje/", "/omraader/vollsmose/",
                   "/en/omraader/vollsmose/", "/omraader/vollsmose/niveau/beboerne/",
                   "/sammenlign/"):
        assert base + wanted in locations, wanted
    # Each page names its other-language version.
    assert 'hreflang="en" href="http://testserver/en/omraader/vollsmose/"' in xml


@pytest.mark.django_db
def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "lang", "heading", "menu"), [
    ("", "da", "Siden findes ikke", "Sammenlign"),
    ("/en", "en", "Page not found", "Compare"),
])
def test_missing_page_answers_404_in_the_urls_language_with_navigation(
        client, seeded_site, prefix, lang, heading, menu):
    response = client.get(f"{prefix}/findes-ikke/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert 'class="main-nav"' in html and f">{menu}</a>" in html


def _broken(request):
    raise RuntimeError("a deliberate failure")


urlpatterns = [path("en/boom/", _broken), path("boom/", _broken), *site_urls.urlpatterns]
handler500 = site_urls.handler500


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize(("url", "lang", "heading"), [
    ("/boom/", "da", "Der opstod en fejl"), ("/en/boom/", "en", "Something went wrong"),
])
def test_server_error_page_has_the_layout_in_the_urls_language(seeded_site, url, lang, heading):
    client = Client(raise_request_exception=False)
    response = client.get(url)
    assert response.status_code == 500
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert 'class="main-nav"' in html
