"""Editors' pages about the evaluation: every text in Danish and English, edited in Wagtail.

Goals, focus themes, tracks, timeline entries and the plan's initiatives are rows (orderables)
on their page, so an editor adds a milestone without code. Data pages (areas, compare) are
Django views; the front and results pages add stored figures in ``get_context``.
"""

from __future__ import annotations

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

TEXT_PANELS = [
    FieldPanel("title_en"),
    MultiFieldPanel([FieldPanel("intro_da"), FieldPanel("intro_en")], heading="Intro"),
    MultiFieldPanel([FieldPanel("body_da"), FieldPanel("body_en")], heading="Brødtekst / body"),
]


class BilingualText(models.Model):
    """The text every evaluation page carries; Wagtail's ``title`` is the Danish title."""

    title_en = models.CharField("title (English)", max_length=255, blank=True)
    intro_da = models.TextField("intro (dansk)", blank=True)
    intro_en = models.TextField("intro (English)", blank=True)
    body_da = RichTextField("brødtekst (dansk)", blank=True)
    body_en = RichTextField("body (English)", blank=True)

    # The page's items (goals, milestones, initiatives, levels) and the fixed headings its
    # template shows, so search finds every word a reader sees on the page.
    item_relations: tuple[str, ...] = ()
    heading_words: tuple[str, ...] = ()

    # Site search (/soeg/) finds these pages by their text in either language.
    search_fields = Page.search_fields + [
        index.SearchField("title_en"),
        index.SearchField("intro_da"),
        index.SearchField("intro_en"),
        index.SearchField("body_da"),
        index.SearchField("body_en"),
        index.SearchField("item_text"),
        # SQLite's index does not stem: search.py widens a query with Danish stems matched
        # as prefixes, which needs the text as autocomplete fields too.
        index.AutocompleteField("intro_da"),
        index.AutocompleteField("body_da"),
        index.AutocompleteField("item_text"),
    ]

    def item_text(self) -> str:
        parts = list(self.heading_words)
        for relation in self.item_relations:
            for item in getattr(self, relation).all():
                parts += [item.title_da, item.title_en, item.text_da, item.text_en]
        return "\n".join(p for p in parts if p)

    class Meta:
        abstract = True


class HomePage(BilingualText, Page):
    """The front page: what the evaluation is; figures come from the stored data."""

    content_panels = Page.content_panels + TEXT_PANELS
    template = "evaluation/home_page.html"
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from udsat.web.areas.overview import front_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(front_page_context())
        context["about"] = AboutPage.objects.live().first()
        return context


class AboutPage(BilingualText, Page):
    """Who commissioned and carries out what, the two tracks, the goals and focus themes."""

    content_panels = Page.content_panels + TEXT_PANELS + [
        InlinePanel("goals", heading="Mål / goals"),
        InlinePanel("focus_themes", heading="Fokustemaer / focus themes"),
        InlinePanel("tracks", heading="Spor / tracks"),
    ]
    item_relations = ("goals", "focus_themes", "tracks")
    heading_words = ("mål", "goals", "fokustemaer", "focus themes", "spor", "tracks")
    template = "evaluation/about_page.html"
    parent_page_types = ["evaluation.HomePage"]
    max_count = 1


class TimelinePage(BilingualText, Page):
    content_panels = Page.content_panels + TEXT_PANELS + [
        InlinePanel("entries", heading="Milepæle / milestones"),
    ]
    item_relations = ("entries",)
    template = "evaluation/timeline_page.html"
    parent_page_types = ["evaluation.HomePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from udsat.web.evaluation.milestones import timeline_context

        context = super().get_context(request, *args, **kwargs)
        context.update(timeline_context(self))
        return context


class PlanPage(BilingualText, Page):
    """The government plan of 2018 (22 initiatives in 5 themes) and its 2021 follow-up."""

    content_panels = Page.content_panels + TEXT_PANELS + [
        InlinePanel("themes", heading="Temaer / themes"),
        InlinePanel("initiatives", heading="Initiativer / initiatives"),
    ]
    item_relations = ("themes", "initiatives")
    template = "evaluation/plan_page.html"
    parent_page_types = ["evaluation.HomePage"]
    max_count = 1


class ResultsPage(BilingualText, Page):
    """The four levels and the reports by track; figures come from the stored data."""

    content_panels = Page.content_panels + TEXT_PANELS + [
        InlinePanel("levels", heading="Niveauer / levels"),
    ]
    item_relations = ("levels",)
    template = "evaluation/results_page.html"
    parent_page_types = ["evaluation.HomePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from udsat.web.areas.overview import results_context

        context = super().get_context(request, *args, **kwargs)
        context.update(results_context())
        return context


class BilingualItem(Orderable):
    """A titled, described row; the concrete rows below add their parent and extras."""

    title_da = models.CharField(max_length=255)
    title_en = models.CharField(max_length=255)
    text_da = models.TextField(blank=True)
    text_en = models.TextField(blank=True)
    panels = [FieldPanel("title_da"), FieldPanel("title_en"), FieldPanel("text_da"),
              FieldPanel("text_en")]

    class Meta(Orderable.Meta):
        abstract = True


class Goal(BilingualItem):
    page = ParentalKey(AboutPage, related_name="goals", on_delete=models.CASCADE)


class FocusTheme(BilingualItem):
    page = ParentalKey(AboutPage, related_name="focus_themes", on_delete=models.CASCADE)


class Track(BilingualItem):
    """A track of the evaluation; questions are one per line."""

    page = ParentalKey(AboutPage, related_name="tracks", on_delete=models.CASCADE)
    institution = models.CharField(max_length=200)
    questions_da = models.TextField(blank=True, help_text="Ét spørgsmål pr. linje")
    questions_en = models.TextField(blank=True, help_text="One question per line")
    panels = BilingualItem.panels + [
        FieldPanel("institution"), FieldPanel("questions_da"), FieldPanel("questions_en"),
    ]


class TimelineEntry(BilingualItem):
    """A milestone; ``report_track`` links it to the reports of that track, if any."""

    page = ParentalKey(TimelinePage, related_name="entries", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    report_track = models.CharField(
        max_length=20, blank=True, choices=[("", "-"), ("physical", "fysisk"), ("social", "socialt")]
    )
    panels = [FieldPanel("year")] + BilingualItem.panels + [FieldPanel("report_track")]


class PlanTheme(BilingualItem):
    page = ParentalKey(PlanPage, related_name="themes", on_delete=models.CASCADE)
    number = models.PositiveSmallIntegerField()
    uncertain = models.BooleanField(default=False)
    uncertainty_da = models.TextField(blank=True)
    uncertainty_en = models.TextField(blank=True)
    panels = [FieldPanel("number")] + BilingualItem.panels + [
        FieldPanel("uncertain"), FieldPanel("uncertainty_da"), FieldPanel("uncertainty_en"),
    ]


class Initiative(BilingualItem):
    page = ParentalKey(PlanPage, related_name="initiatives", on_delete=models.CASCADE)
    number = models.PositiveSmallIntegerField()
    theme_number = models.PositiveSmallIntegerField()
    uncertain = models.BooleanField(default=False)
    uncertainty_da = models.TextField(blank=True)
    uncertainty_en = models.TextField(blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    panels = [FieldPanel("number"), FieldPanel("theme_number")] + BilingualItem.panels + [
        FieldPanel("uncertain"), FieldPanel("uncertainty_da"), FieldPanel("uncertainty_en"),
        FieldPanel("source_url"),
    ]


class ResultsLevel(BilingualItem):
    """One of the four levels; ``level`` matches the indicator catalogue's level names."""

    page = ParentalKey(ResultsPage, related_name="levels", on_delete=models.CASCADE)
    level = models.CharField(
        max_length=20,
        choices=[("area", "area"), ("residents", "residents"), ("movers", "movers"),
                 ("sector", "sector")],
    )
    panels = [FieldPanel("level")] + BilingualItem.panels
