"""The site's own files and error pages: robots.txt, sitemap.xml, the favicon, 404 and 500.

Error pages use the site's layout and navigation in the language of the URL (/en/... is
English), so a reader who lands on a missing page can find the way on.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

LANGUAGES = ["da", "en"]


def robots_txt(request) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        # Charts and downloads are reached from the pages; crawling every variant is waste.
        "Disallow: /*.svg$",
        "Disallow: /*.csv$",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    return redirect(static("img/favicon.svg"), permanent=True)


class PageSitemap(WagtailSitemap):
    """Wagtail's sitemap of the editors' pages, in both languages (each with its alternate)."""

    i18n = True
    languages = LANGUAGES
    alternates = True

    # Wagtail's _urls walks its queryset once, in one language; Django's handles i18n.
    _urls = Sitemap._urls

    def location(self, obj) -> str:
        # Wagtail's own location() is an absolute URL built without the language prefix;
        # the relative URL is reversed inside the active language, so /en/ is kept.
        return obj.get_url(request=self.request) or "/"


class DataSitemap(Sitemap):
    """The data pages: area list, each real area and its four levels, compare."""

    i18n = True
    languages = LANGUAGES
    alternates = True

    def items(self) -> list[tuple[str, tuple]]:
        from udsat.web.areas.levels import LEVELS
        from udsat.web.data.models import Area

        # The front page is Wagtail's root page, listed by PageSitemap.
        items: list[tuple[str, tuple]] = [("area-list", ()), ("compare", ()), ("whats-new", ())]
        for slug in Area.objects.filter(synthetic=False).values_list("slug", flat=True):
            items.append(("area-detail", (slug,)))
            items += [("area-level", (slug, level)) for level, _h in LEVELS.values()]
        return items

    def location(self, item) -> str:
        name, args = item
        return reverse(name, args=args)


SITEMAPS = {"pages": PageSitemap, "data": DataSitemap}


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


PLAIN_500 = ('<!doctype html><html lang="da"><head><meta charset="utf-8">'
             "<title>Fejl på serveren / Server error</title></head><body>"
             "<h1>Fejl på serveren</h1><p>Noget gik galt hos os. Prøv igen om lidt.</p>"
             '<h1 lang="en">Server error</h1><p lang="en">Something went wrong on our side. '
             "Please try again shortly.</p></body></html>")


def server_error(request):
    # No database or cache work here: the error may be theirs. The template needs only the
    # request, the URL names and the translations; if even that fails (say, static files not
    # collected), a plain bilingual page still answers 500 instead of a second crash.
    try:
        return render(request, "500.html", status=500)
    except Exception:  # noqa: BLE001 - the last line of defence must not raise
        return HttpResponseServerError(PLAIN_500)
