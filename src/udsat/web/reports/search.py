"""Site search (/soeg/): reports, editors' pages and areas, with filters for reports.

PostgreSQL uses the Danish text-search configuration (settings: SEARCH_CONFIG "danish"), so
"rapporterne" finds "rapport". SQLite's full-text index does not stem, so there the query is
widened with the Danish Snowball stems of its words, matched as prefixes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import snowballstemmer
from django.db import connection
from django.db.models import Count, Q

_STEMMER = snowballstemmer.stemmer("danish")


@dataclass(frozen=True)
class ReportFilters:
    area: str = ""
    track: str = ""
    report_type: str = ""
    year: int | None = None

    @classmethod
    def from_query(cls, params) -> ReportFilters:
        year = params.get("year", "").strip()
        return cls(
            area=params.get("area", "").strip(),
            track=params.get("track", "").strip(),
            report_type=params.get("type", "").strip(),
            year=int(year) if year.isdigit() else None,
        )

    @property
    def active(self) -> bool:
        return bool(self.area or self.track or self.report_type or self.year)


def normalise_query(text: str, max_length: int = 200) -> str:
    """Words only: quotes and operators would otherwise reach the full-text engine's syntax."""
    return " ".join(re.findall(r"\w+", text[:max_length]))


def danish_stems(query: str) -> list[str]:
    """The Snowball stems of the query's words: "rapporterne" -> "rapport"."""
    words = [w.strip(".,;:!?\"'()").lower() for w in query.split()]
    return [_STEMMER.stemWord(w) for w in words if w]


def _matching_ids(queryset, query: str) -> list[int]:
    """Primary keys of ``queryset`` rows matching ``query``, best first."""
    ids = [obj.pk for obj in queryset.search(query)]
    if connection.vendor != "postgresql":
        stems = " ".join(danish_stems(query))
        if stems and stems != query.lower():
            ids += [obj.pk for obj in queryset.search(stems)]
        for stem in danish_stems(query):
            ids += [obj.pk for obj in queryset.autocomplete(stem)]
    return list(dict.fromkeys(ids))


def search_reports(query: str, filters: ReportFilters) -> list:
    """Live, public reports matching the words and every filter; newest first without words."""
    from udsat.web.reports.models import ReportPage

    published = ReportPage.objects.live().public()
    if filters.area:
        published = published.filter(areas__slug=filters.area)
    if filters.track:
        published = published.filter(track=filters.track)
    if filters.report_type:
        published = published.filter(report_type=filters.report_type)
    if filters.year:
        published = published.filter(publication_year=filters.year)
    allowed = {r.pk: r for r in published.distinct()}
    if not query:
        return sorted(allowed.values(), key=lambda r: (-(r.publication_year or 0), r.title))
    ids = _matching_ids(ReportPage.objects.all(), query)
    # A place name finds the reports tagged with that area under any of its names
    # ("Gellerup" finds those on Gellerupparken/Toveshøj), after the reports whose text
    # matches; reports on few areas before those on all fifteen.
    areas = search_areas(query)
    if areas:
        about = (ReportPage.objects.filter(areas__in=areas).annotate(n=Count("areas"))
                 .order_by("n", "-publication_year"))
        ids += [pk for pk in about.values_list("pk", flat=True) if pk not in ids]
    return [allowed[pk] for pk in dict.fromkeys(ids) if pk in allowed]


def search_pages(query: str) -> list:
    """Other live, public pages (not reports, not the site root) matching the words."""
    from wagtail.models import Page

    from udsat.web.reports.models import ReportPage

    if not query:
        return []
    allowed = Page.objects.live().public().not_type(ReportPage).filter(depth__gt=1)
    allowed_ids = set(allowed.values_list("pk", flat=True))
    ids = [pk for pk in _matching_ids(Page.objects.all(), query) if pk in allowed_ids]
    pages = {p.pk: p for p in Page.objects.filter(pk__in=ids).specific()}
    return [pages[pk] for pk in ids if pk in pages]


def search_areas(query: str) -> list:
    """Real areas whose name, alias or municipality contains a word (or its stem)."""
    from udsat.web.data.models import Area

    if not query:
        return []
    words = {w for w in [query.strip().lower(), *danish_stems(query)] if len(w) >= 2}
    condition = Q()
    for word in words:
        condition |= Q(name__icontains=word) | Q(municipality_name__icontains=word)
    found = {a.pk: a for a in Area.objects.filter(synthetic=False).filter(condition)}
    for area in Area.objects.filter(synthetic=False):
        if any(word in alias.lower() for alias in area.aliases for word in words):
            found.setdefault(area.pk, area)
    return sorted(found.values(), key=lambda a: a.name)
