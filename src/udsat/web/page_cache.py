"""Anonymous pages served from a cache keyed by the latest data release and page publish.

Every anonymous page was rendered afresh (19-23 requests a second on two workers). A page
depends on the figures (changed only by ``load_bundle``, which records a LoadBatch) and on
the editors' pages (changed only through Wagtail, which logs every publish, unpublish and
move as a PageLogEntry). The newest id of each is the cache's version: a load or a publish
changes it, so every cached page is invalidated at once, with no signal handlers; two
indexed look-ups per request decide it.

Only GET/HEAD requests of anonymous visitors are cached, and only complete 200 responses
that set no cookie (a form with a CSRF token sets one) and do not say private or no-store.
Each response carries an ETag derived from the version, so ConditionalGetMiddleware can
answer a browser's revalidation with 304.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.models import PageLogEntry

from udsat.web.data.models import LoadBatch

CACHE_ALIAS = "pages"
TIMEOUT_SECONDS = 3600
UNCACHED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/",
                     "/i18n/", "/healthz/")
HIT_HEADER = "X-Udsat-Cache"


def content_version() -> str:
    """The latest data release and the latest page change, as one short string."""
    batch = LoadBatch.objects.aggregate(latest=Max("id"))["latest"] or 0
    page = PageLogEntry.objects.aggregate(latest=Max("id"))["latest"] or 0
    return f"{batch}.{page}"


def _cacheable_request(request: HttpRequest) -> bool:
    return (request.method in ("GET", "HEAD")
            and not request.path.startswith(UNCACHED_PREFIXES)
            and not request.user.is_authenticated)


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    control = response.get("Cache-Control", "")
    # The CSRF and session middlewares sit outside this one and set their cookies after it:
    # a page that used a CSRF token or changed the session is personal, never cached.
    session = getattr(request, "session", None)
    personal = (request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
                or (session is not None and session.modified))
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and not personal and "private" not in control and "no-store" not in control)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.UDSAT_PAGE_CACHE or not _cacheable_request(request):
            return self.get_response(request)
        version = content_version()
        language = getattr(request, "LANGUAGE_CODE", "")
        key = "page:" + hashlib.sha256(
            f"{version}|{language}|{request.get_full_path()}".encode()).hexdigest()
        cache = caches[CACHE_ALIAS]
        cached = cache.get(key)
        if cached is not None:
            cached[HIT_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if _cacheable_response(request, response):
            response["ETag"] = f'"{key[5:37]}"'
            # Browsers revalidate every time (the ETag makes that a 304 when unchanged).
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, TIMEOUT_SECONDS)
            response[HIT_HEADER] = "miss"
        return response
