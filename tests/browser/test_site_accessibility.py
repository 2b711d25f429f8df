"""Keyboard use and print. (axe-core, the Nu HTML checker and narrow screens on every page
type: test_site_publication.py.)"""

import pytest

PAGE_TYPES = {
    "front": "/",
    "areas": "/omraader/",
    "area": "/omraader/gellerupparken-toveshoej/",
    "area-not-published": "/omraader/agervang/",
    "compare": "/sammenlign/?indikator=youth_not_in_education_pct",
    "results": "/resultater/",
    "about": "/om-evalueringen/",
    "timeline": "/tidslinje/",
    "plan": "/parallelsamfundsaftalen/",
    "patterns": "/patterns/",
}


def _url(base: str, path: str, language: str) -> str:
    return base + (path if language == "da" else "/en" + path)


@pytest.mark.browser
def test_skip_link_is_first_focus_and_moves_focus_to_the_content(site, page, axe, shoot):
    page.goto(site + "/omraader/vollsmose/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert focused == "skip-link"
    # The skip link becomes visible when focused (it sits off-screen otherwise).
    box = page.locator(".skip-link").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main"
    assert page.evaluate("() => document.activeElement.id") == "main"


@pytest.mark.browser
def test_focus_is_visible_on_links(site, page, axe, shoot):
    page.goto(site + "/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # site name
    outline = page.evaluate(
        "() => getComputedStyle(document.activeElement).outlineStyle + ' ' +"
        " getComputedStyle(document.activeElement).outlineWidth"
    )
    assert outline == "solid 3px"


@pytest.mark.browser
def test_area_page_prints_without_navigation(site, page, shoot):
    page.goto(site + "/omraader/tingbjerg-utterslevhuse/")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "() => ['.main-nav', '.skip-link', '.language-switch', '.toc', '.site-footer']"
        ".map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none"] * 5
    assert page.locator("h1").is_visible()
    shoot(page, "area-print")
