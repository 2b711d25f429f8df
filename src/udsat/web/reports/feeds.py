"""Atom feeds (RFC 4287): new reports (/feeds/rapporter/) and data releases (/feeds/data/)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.rich_text import expand_db_html

from udsat.web.reports.whats_new import as_datetime, release_detail, release_title, report_date

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

        dated = [(report_date(r)[0], r) for r in ReportPage.objects.live().public()]
        dated = [(day, r) for day, r in dated if day is not None]
        dated.sort(key=lambda pair: (pair[0], pair[1].pk), reverse=True)
        return [r for _day, r in dated[:FEED_SIZE]]

    def item_title(self, item) -> str:
        return item.localized_title()

    def item_description(self, item) -> str:
        return strip_tags(expand_db_html(item.localized_summary()))

    def item_link(self, item) -> str:
        return item.url

    def item_pubdate(self, item):
        # The publisher's date (1 January when only the year is known), not the import's.
        return as_datetime(report_date(item)[0])

    def item_updateddate(self, item):
        return as_datetime(report_date(item)[0])

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
        return _("Dataudgivelse: %(title)s, indlæst %(day)s") % {
            "title": release_title(item), "day": date_format(item.loaded_at, "j. F Y")}

    def item_description(self, item) -> str:
        return release_detail(item)

    def item_link(self, item) -> str:
        return f"{reverse('whats-new')}#batch-{item.pk}"

    def item_pubdate(self, item):
        return item.loaded_at

    def item_updateddate(self, item):
        return item.loaded_at
