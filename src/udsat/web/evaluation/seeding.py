"""Create the site's first Wagtail pages from ``content/site.toml``, once.

Idempotent: a page that exists (found by its type) is left alone, so editors' changes survive
a re-run. Errors in the content file name the file and key.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from django.conf import settings
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from udsat.web.evaluation.models import (
    AboutPage,
    FocusTheme,
    Goal,
    HomePage,
    Initiative,
    PlanPage,
    PlanTheme,
    ResultsLevel,
    ResultsPage,
    TimelineEntry,
    TimelinePage,
    Track,
)

CONTENT_FILE = Path(__file__).resolve().parent / "content" / "site.toml"
PAGE_TEXT = ("title_en", "intro_da", "intro_en", "body_da", "body_en")

# section in site.toml -> (page class, {list key: row class})
CHILD_PAGES = {
    "about": (AboutPage, {"goals": Goal, "focus_themes": FocusTheme, "tracks": Track}),
    "timeline": (TimelinePage, {"entries": TimelineEntry}),
    "plan": (PlanPage, {"themes": PlanTheme, "initiatives": Initiative}),
    "results": (ResultsPage, {"levels": ResultsLevel}),
}


class ContentError(ValueError):
    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{CONTENT_FILE.name}: [{key}]: {reason}")


def read_content(path: Path = CONTENT_FILE) -> dict:
    with path.open("rb") as handle:
        content = tomllib.load(handle)
    for section in ("home", *CHILD_PAGES):
        if section not in content:
            raise ContentError(section, "section missing")
        for key in ("title_da", "title_en"):
            if not content[section].get(key):
                raise ContentError(section, f"{key} missing")
    return content


def _page_fields(section: dict) -> dict:
    fields = {"title": section["title_da"]}
    fields.update({k: section.get(k, "") for k in PAGE_TEXT})
    fields["title_en"] = section["title_en"]
    return fields


def _add_rows(page: Page, section: dict, rows: dict, key: str) -> None:
    for list_key, row_class in rows.items():
        for order, raw in enumerate(section.get(list_key, [])):
            try:
                getattr(page, list_key).add(row_class(sort_order=order, **raw))
            except TypeError as error:
                raise ContentError(f"{key}.{list_key}[{order}]", str(error)) from None


def _root() -> Page:
    """The page tree's root; rebuilt (with the default locale) in a flushed database."""
    root = Page.get_first_root_node()
    if root is not None:
        return root
    locale, _created = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    return Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def _home(content: dict) -> tuple[HomePage, bool]:
    home = HomePage.objects.first()
    if home:
        return home, False
    root = _root()
    home = HomePage(slug="forside", **_page_fields(content["home"]))
    root.add_child(instance=home)
    home.save_revision().publish()
    # Wagtail's install creates a placeholder "Welcome" page; ours replaces it, keeping any
    # pages already put under it (e.g. reports seeded earlier).
    for placeholder in root.get_children().filter(slug="home"):
        if placeholder.specific_class is Page:
            for child in placeholder.get_children():
                child.move(home, pos="last-child")
            # A site deleted with its root page would take its settings along: re-point first.
            Site.objects.filter(root_page=placeholder).update(root_page=home)
            placeholder.delete()
    return home, True


@transaction.atomic
def seed_site(content: dict | None = None) -> list[str]:
    """Create whatever pages are missing; return the titles of the pages created."""
    content = content or read_content()
    home, created_home = _home(content)
    created = [home.title] if created_home else []
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True,
                            site_name="udsat")
    elif site.root_page_id != home.id:
        site.root_page = home
        site.save()
    for key, (page_class, rows) in CHILD_PAGES.items():
        if page_class.objects.exists():
            continue
        section = content[key]
        page = page_class(slug=section["slug"], **_page_fields(section))
        _add_rows(page, section, rows, key)
        home.add_child(instance=page)
        page.save_revision().publish()
        created.append(page.title)
    return created
