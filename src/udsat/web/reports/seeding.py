"""Put the initial content into the page tree (idempotent): the reports index under the
default site's root page (slug "rapporter") and one published page per initial report.
Running it again changes nothing unless the data files changed.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.html import escape
from wagtail.models import Page, Site

from udsat.domain.catalogue import CatalogueError, default_catalogue
from udsat.web.data.catalogue_sync import sync_catalogue
from udsat.web.data.models import Area, Indicator
from udsat.web.reports.choices import LEVEL_FIELDS, REPORT_TYPE_CHOICES, TRACK_CHOICES
from udsat.web.reports.deliverables import planned_items
from udsat.web.reports.initial_content import EVALUATED, SeedReport, load_initial_reports
from udsat.web.reports.models import ReportFinding, ReportIndexPage, ReportPage
from udsat.web.reports.rich_text import sanitise_rich_text

INDEX_SLUG = "rapporter"
INDEX_INTRO = (
    "<p>Rapporter og notater fra følgeevalueringen af de 15 områder, der var hårde "
    "ghettoområder i 2018, og relaterede undersøgelser. Hver rapport har en kort tekst og "
    "et link til den fulde rapport.</p>"
)
INDEX_INTRO_EN = (
    "<p>Reports and notes from the follow-up evaluation of the 15 areas that were hårde "
    "ghettoområder in 2018, and related studies. Each report has a short text and a link "
    "to the full report.</p>"
)


def site_root() -> Page:
    """The default site's root page; without a site, the first page below the tree root."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page
    page = Page.get_first_root_node().get_children().first()
    if page is None:
        raise CatalogueError("page tree", "-", "no site and no page to put the reports under")
    return page


def ensure_index() -> ReportIndexPage:
    root = site_root()
    index = ReportIndexPage.objects.first()
    if index is not None and index.get_parent().pk != root.pk:
        # The site got a new root page since the last run (the site seed): follow it.
        index.move(root, pos="last-child")
        index.refresh_from_db()
    existing = root.get_children().filter(slug=INDEX_SLUG).first()
    if existing is not None:
        specific = existing.specific
        if not isinstance(specific, ReportIndexPage):
            raise CatalogueError(
                "page tree", INDEX_SLUG, f"the slug is taken by a {type(specific).__name__}"
            )
        return specific
    index = ReportIndexPage(
        title="Rapporter", slug=INDEX_SLUG, intro=INDEX_INTRO, intro_en=INDEX_INTRO_EN
    )
    root.add_child(instance=index)
    index.save_revision().publish()
    return index


def _paragraph(text: str) -> str:
    # Stored as the page stores it (whitelisted), so a re-run compares equal.
    return sanitise_rich_text(f"<p>{escape(text)}</p>")


def _wanted_fields(seed: SeedReport) -> dict:
    fields = {
        "title": seed.title,
        "title_en": seed.title_en,
        "title_language": seed.title_language,
        "track": seed.track,
        "report_type": seed.report_type,
        "deliverable": seed.deliverable,
        "publication_year": seed.publication_year,
        "publication_date": seed.publication_date,
        "authors": seed.authors,
        "institution": seed.institution,
        "external_url": seed.url,
        "summary": _paragraph(seed.summary_da),
        "summary_en": _paragraph(seed.summary_en),
    }
    for level, field in LEVEL_FIELDS.items():
        fields[field] = level in seed.levels
    return fields


def _area_ids(seed: SeedReport) -> set[int]:
    slugs = set(seed.areas) - {EVALUATED}
    query = Area.objects.filter(slug__in=slugs)
    ids = set(query.values_list("pk", flat=True))
    if EVALUATED in seed.areas:
        ids |= set(Area.objects.filter(evaluated_2018=True).values_list("pk", flat=True))
    return ids


def _findings(seed: SeedReport) -> list[tuple]:
    rows = []
    for f in seed.findings:
        indicator = None
        if f.indicator:
            indicator = Indicator.objects.filter(code=f.indicator).first()
            if indicator is None:
                raise CatalogueError(
                    "report_texts.toml", seed.slug, f"unknown indicator {f.indicator!r}"
                )
        area = Area.objects.get(slug=f.area) if f.area else None
        rows.append((f.text_da, f.text_en, indicator, area, f.period))
    return rows


def _current_findings(page: ReportPage) -> list[tuple]:
    return [(f.text, f.text_en, f.indicator, f.area, f.period) for f in page.findings.all()]


@transaction.atomic
def seed_reports() -> dict[str, int]:
    """Create or update the index and the initial reports; returns counts by outcome."""
    if not Area.objects.exists() or not Indicator.objects.exists():
        sync_catalogue(default_catalogue())
    seeds = load_initial_reports(
        track_codes={c for c, _ in TRACK_CHOICES},
        type_codes={c for c, _ in REPORT_TYPE_CHOICES},
        deliverable_keys={i.key for i in planned_items()},
        area_slugs={a.slug for a in default_catalogue().geography.areas},
    )
    index = ensure_index()
    outcome = {"created": 0, "updated": 0, "unchanged": 0}
    for seed in seeds:
        wanted = _wanted_fields(seed)
        area_ids = _area_ids(seed)
        findings = _findings(seed)
        page = ReportPage.objects.child_of(index).filter(slug=seed.slug).first()
        if page is None:
            page = ReportPage(slug=seed.slug, **wanted)
            page.areas = list(Area.objects.filter(pk__in=area_ids))
            page.findings = [_finding(row) for row in findings]
            index.add_child(instance=page)
            page.save_revision().publish()
            outcome["created"] += 1
            continue
        same = (
            all(getattr(page, name) == value for name, value in wanted.items())
            and set(page.areas.values_list("pk", flat=True)) == area_ids
            and _current_findings(page) == findings
            and page.live
        )
        if same:
            outcome["unchanged"] += 1
            continue
        for name, value in wanted.items():
            setattr(page, name, value)
        page.areas = list(Area.objects.filter(pk__in=area_ids))
        page.findings = [_finding(row) for row in findings]
        page.save_revision().publish()
        outcome["updated"] += 1
    return outcome


def _finding(row: tuple) -> ReportFinding:
    text, text_en, indicator, area, period = row
    return ReportFinding(text=text, text_en=text_en, indicator=indicator, area=area, period=period)
