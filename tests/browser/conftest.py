"""Browser fixtures: Debian's Chromium driven by Playwright (sync API) against live_server.

Never `playwright install`: the tests use /usr/bin/chromium from the Debian package, and
axe-core from node_modules (npm install; `make browser-deps`).
"""

import io
import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# body are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists() or not AXE.exists():
        pytest.fail(f"browser tests need {CHROMIUM} and {AXE}: run `make browser-deps`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    # axe-core arrives as an init script (the browser's own injection): the site's
    # Content-Security-Policy refuses inline scripts, and stays enforced for its own.
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def site(transactional_db, live_server, reference_bundle):
    """The live site with the published figures and the seeded pages; returns its base URL."""
    from django.core.cache import caches
    from django.core.management import call_command

    from udsat.web.data.loading import load_bundle
    from udsat.web.evaluation.seeding import seed_site

    for cache in caches.all(initialized_only=False):  # the page cache too
        cache.clear()
    load_bundle(reference_bundle, loaded_by="browser-tests")
    seed_site()
    # The reports library as `make demo-data` seeds it, so report lists are checked too.
    call_command("seed_reports", stdout=io.StringIO())
    return live_server.url


def run_axe(page) -> list[dict]:
    """axe-core's violations on the current page (every rule axe runs by default)."""
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def axe():
    return run_axe


@pytest.fixture
def shoot():
    return screenshot
