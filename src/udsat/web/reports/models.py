"""The reports library: an index page and one page per report, with its key findings.

Editors write these in the Wagtail admin; a reviewer approves before anything is public
(the "Review" workflow, set up by ``ensure_roles``). Danish is the page language; the
``*_en`` fields carry the English version shown under /en/.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from udsat.web.reports.choices import (
    LEVEL_FIELDS,
    REPORT_TYPE_CHOICES,
    TRACK_CHOICES,
    deliverable_choices,
)
from udsat.web.reports.rich_text import FEATURES, sanitise_rich_text
from udsat.web.reports.uploads import validate_report_document

# Rich text: formatting and links only (rich_text.FEATURES), whitelisted again on every save.
SUMMARY_FEATURES = FEATURES


class SanitisedRichTextMixin:
    """Whitelist the listed rich-text fields in ``clean`` (revisions) and ``save`` (pages)."""

    rich_text_fields: tuple[str, ...] = ()

    def sanitise(self) -> None:
        for name in self.rich_text_fields:
            setattr(self, name, sanitise_rich_text(getattr(self, name)))

    def clean(self) -> None:
        super().clean()
        self.sanitise()

    def save(self, *args, **kwargs):
        self.sanitise()
        return super().save(*args, **kwargs)


class ReportIndexPage(SanitisedRichTextMixin, Page):
    """The reports library ("Rapporter"): lists every published report, newest first."""

    rich_text_fields = ("intro", "intro_en")

    intro = RichTextField(blank=True, features=SUMMARY_FEATURES, verbose_name=_("indledning"))
    intro_en = RichTextField(
        blank=True, features=SUMMARY_FEATURES, verbose_name=_("indledning (engelsk)")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("intro_en")]
    subpage_types = ["reports.ReportPage"]
    max_count = 1

    class Meta:
        verbose_name = _("rapportoversigt")

    def get_context(self, request, *args, **kwargs):
        from udsat.web.reports.queries import deliverables_overview, reports_by_track

        context = super().get_context(request, *args, **kwargs)
        context["tracks"] = reports_by_track()
        context["overview"] = deliverables_overview()
        return context


class ReportPage(SanitisedRichTextMixin, Page):
    """One report of the evaluation (or a related study), with its key findings."""

    rich_text_fields = ("summary", "summary_en")

    title_en = models.CharField(_("titel (engelsk)"), max_length=255, blank=True)
    title_language = models.CharField(
        _("titlens sprog"), max_length=5, blank=True, default="",
        help_text=_("Udfyld med en, hvis titlen er på engelsk (skærmlæsere udtaler den da rigtigt)."),
    )
    track = models.CharField(_("spor"), max_length=20, choices=TRACK_CHOICES)
    report_type = models.CharField(_("type"), max_length=20, choices=REPORT_TYPE_CHOICES)
    deliverable = models.CharField(
        _("planlagt leverance"),
        max_length=80,
        blank=True,
        choices=deliverable_choices,
        help_text=_("Den leverance i evalueringens plan, som rapporten opfylder."),
    )
    areas = ParentalManyToManyField(
        "data.Area", blank=True, related_name="reports", verbose_name=_("områder")
    )
    level_area = models.BooleanField(_("områdeniveau"), default=False)
    level_residents = models.BooleanField(_("beboere"), default=False)
    level_movers = models.BooleanField(_("fraflyttere"), default=False)
    level_sector = models.BooleanField(_("den øvrige almene sektor"), default=False)
    publication_year = models.PositiveSmallIntegerField(_("udgivelsesår"), null=True, blank=True)
    publication_date = models.DateField(_("udgivelsesdato"), null=True, blank=True)
    authors = models.CharField(_("forfattere"), max_length=500, blank=True)
    institution = models.CharField(_("institution"), max_length=300, blank=True)
    summary = RichTextField(_("kort tekst"), features=SUMMARY_FEATURES, blank=True)
    summary_en = RichTextField(_("kort tekst (engelsk)"), features=SUMMARY_FEATURES, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("rapport (PDF)"),
    )
    external_url = models.URLField(_("link til rapporten"), max_length=500, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("title_en"),
        FieldPanel("title_language"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("track"), FieldPanel("report_type")]),
                FieldPanel("deliverable"),
                FieldRowPanel([FieldPanel("publication_year"), FieldPanel("publication_date")]),
                FieldPanel("authors"),
                FieldPanel("institution"),
            ],
            heading=_("Om rapporten"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("areas"),
                FieldRowPanel([FieldPanel(name) for name in LEVEL_FIELDS.values()]),
            ],
            heading=_("Områder og niveauer"),
        ),
        FieldPanel("summary"),
        FieldPanel("summary_en"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url")],
            heading=_("Den fulde rapport"),
        ),
        InlinePanel("findings", heading=_("Hovedresultater"), label=_("resultat")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("title_en", boost=2),
        index.SearchField("summary"),
        index.SearchField("summary_en"),
        index.SearchField("authors"),
        index.SearchField("institution"),
        index.AutocompleteField("summary"),
        index.AutocompleteField("summary_en"),
        index.RelatedFields("areas", [index.SearchField("name")]),
        index.RelatedFields("findings", [index.SearchField("text"), index.SearchField("text_en"),
                                         index.AutocompleteField("text")]),
        index.FilterField("track"),
        index.FilterField("report_type"),
        index.FilterField("publication_year"),
    ]

    parent_page_types = ["reports.ReportIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("rapport")

    def clean(self) -> None:
        super().clean()
        if self.document_id:
            validate_report_document(self.document)

    def localized_title(self, language: str | None = None) -> str:
        language = language or get_language()
        return self.title_en if language == "en" and self.title_en else self.title

    def localized_title_lang(self, language: str | None = None) -> str:
        """The ``lang`` the shown title needs when it differs from the page's (WCAG 3.1.2)."""
        language = language or get_language() or "da"
        if language == "en" and self.title_en:
            return ""
        shown = self.title_language or "da"
        return "" if language.startswith(shown) else shown

    def localized_summary(self, language: str | None = None) -> str:
        language = language or get_language()
        return self.summary_en if language == "en" and self.summary_en else self.summary

    @property
    def levels(self) -> list[str]:
        """The analysis levels covered, in the catalogue's order (domain.indicators.LEVELS)."""
        return [level for level, field in LEVEL_FIELDS.items() if getattr(self, field)]

    @property
    def report_url(self) -> str:
        """Where the full report is: the uploaded PDF first, else the external link."""
        if self.document_id and self.document:
            return self.document.url
        return self.external_url


class ReportFinding(Orderable):
    """A key finding; it may point at the observations behind it (indicator, area, period)."""

    page = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="findings")
    text = models.TextField(_("resultat"))
    text_en = models.TextField(_("resultat (engelsk)"), blank=True)
    indicator = models.ForeignKey(
        "data.Indicator",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="report_findings",
        verbose_name=_("indikator"),
    )
    area = models.ForeignKey(
        "data.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="report_findings",
        verbose_name=_("område"),
    )
    period = models.CharField(_("periode"), max_length=20, blank=True)

    panels = [
        FieldPanel("text"),
        FieldPanel("text_en"),
        FieldRowPanel([FieldPanel("indicator"), FieldPanel("area"), FieldPanel("period")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("hovedresultat")

    def clean(self) -> None:
        super().clean()
        if (self.indicator_id or self.period) and not self.area_id:
            raise ValidationError({"area": _("Vælg området, som tallene gælder.")})
        if self.period and not self.indicator_id:
            raise ValidationError({"indicator": _("Vælg indikatoren for perioden.")})

    def localized_text(self, language: str | None = None) -> str:
        language = language or get_language()
        return self.text_en if language == "en" and self.text_en else self.text

    @property
    def has_data(self) -> bool:
        return bool(self.area_id and self.indicator_id)
