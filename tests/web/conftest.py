"""Shared web fixtures: the reference data loaded, the seeded site, an empty cache per test."""

import pytest


@pytest.fixture(autouse=True)
def fresh_cache():
    """Start every test with an empty cache.

    The database is rolled back after each test but the in-process cache is not: Wagtail's
    site root paths and the area page's fragments would otherwise leak from one test into the
    next and make results depend on test order.
    """
    from django.core.cache import caches

    for cache in caches.all(initialized_only=False):  # "pages" too (udsat.web.page_cache)
        cache.clear()
    yield
    for cache in caches.all(initialized_only=False):
        cache.clear()


@pytest.fixture
def loaded_reference(db, reference_bundle):
    """The reference bundle loaded into the test database."""
    from udsat.web.data.loading import load_bundle

    return load_bundle(reference_bundle, loaded_by="tests")


@pytest.fixture
def seeded_site(loaded_reference):
    """The reference figures plus the site's Wagtail pages, as ``make demo-data`` creates them."""
    from udsat.web.evaluation.seeding import seed_site

    seed_site()
    return loaded_reference
