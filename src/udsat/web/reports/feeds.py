"""Atom feeds (RFC 4287): new reports (/feeds/rapporter/) and data releases (/feeds/data/)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.rich_text import expand_db_html

FEED_SIZE = 30


class ReportsFeed(Feed):
    feed_type = Atom1Feed
    author_name = "udsat"
    title = gettext_lazy("udsat: nye rapporter fra følgeevalueringen")
    subtitle = gettext_lazy("Rapporter og notater, når de udgives på siden.")

    def link(self) -> str:
        return reverse("reports-search")

    def items(self):
        from udsat.web.reports.models import ReportPage

        return ReportPage.objects.live().public().order_by("-first_published_at")[:FEED_SIZE]

    def item_title(self, item) -> str:
        return item.localized_title()

    def item_description(self, item) -> str:
        return strip_tags(expand_db_html(item.localized_summary()))

    def item_link(self, item) -> str:
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item) -> str:
        return item.institution or item.authors


class DataReleasesFeed(Feed):
    feed_type = Atom1Feed
    author_name = "udsat"
    title = gettext_lazy("udsat: nye data")
    subtitle = gettext_lazy("Hver indlæsning af et databundt eller en fil.")

    def link(self) -> str:
        return reverse("whats-new")

    def items(self):
        from udsat.web.data.models import LoadBatch

        return LoadBatch.objects.order_by("-loaded_at", "-id")[:FEED_SIZE]

    def item_title(self, item) -> str:
        title = f"{item.name} ({item.kind})"
        return f"{title} – {_('syntetiske demodata')}" if item.synthetic else title

    def item_description(self, item) -> str:
        counts = ", ".join(f"{table}: {n}" for table, n in sorted((item.counts or {}).items()))
        dataset_label = _("Datasæt")
        return f"{dataset_label}: {item.dataset}. {counts}".strip()

    def item_link(self, item) -> str:
        return f"{reverse('whats-new')}#batch-{item.pk}"

    def item_pubdate(self, item):
        return item.loaded_at

    def item_updateddate(self, item):
        return item.loaded_at
