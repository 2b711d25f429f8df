"""What's new: reports by their publication date and data releases by their import date.

A report is dated by when its publisher issued it (``publication_date``, else the year
alone), never by when it was added to this site; only a data release is dated by its import,
and the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# LoadBatch.counts keys -> words (only the kinds of figure a reader knows).
COUNT_LABELS = {
    "observations_new": gettext_noop("nye tal"),
    "observations_revised": gettext_noop("rettede tal"),
    "place_observations_new": gettext_noop("nye sammenligningstal"),
    "statuses_new": gettext_noop("nye listestatusser"),
    "statuses_revised": gettext_noop("rettede listestatusser"),
    "flows_new": gettext_noop("nye tal om flytninger"),
}


@dataclass(frozen=True)
class Change:
    kind: str  # "report" or "data"
    when: date  # the day it sorts by
    year_only: bool  # only the year is known (a report without a publication date)
    title: str
    url: str
    detail: str
    obj: object

    @property
    def datetime_attribute(self) -> str:
        """A valid HTML ``datetime``: '2016', '2016-12-01' or a date-time without fractions."""
        if self.year_only:
            return str(self.when.year)
        if isinstance(self.when, datetime):
            return timezone.localtime(self.when).strftime("%Y-%m-%dT%H:%M:%S%z")
        return self.when.isoformat()


def report_date(report) -> tuple[date | None, bool]:
    """(the publisher's date, True if only its year is known); (None, False) if neither."""
    if report.publication_date:
        return report.publication_date, False
    if report.publication_year:
        return date(report.publication_year, 1, 1), True
    return None, False


def as_datetime(day: date) -> datetime:
    """Midnight UTC of a publication date, for the feeds (Atom wants date-times)."""
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def release_title(batch) -> str:
    """'Offentliggjorte tal og lister' or 'Syntetiske demodata': what a release holds."""
    if batch.synthetic:
        return _("Syntetiske demodata")
    if batch.kind == "import":
        return _("Indlæst fil med offentliggjorte tal")
    return _("Offentliggjorte tal og lister")


def release_detail(batch) -> str:
    counts = batch.counts or {}
    parts = [f"{counts[key]} {_(label)}" for key, label in COUNT_LABELS.items()
             if counts.get(key)]
    return ", ".join(parts)


def recent_changes(n: int = 30) -> list[Change]:
    from udsat.web.data.models import LoadBatch
    from udsat.web.reports.models import ReportPage

    changes = []
    for r in ReportPage.objects.live().public():
        day, year_only = report_date(r)
        if day is not None:
            changes.append(Change("report", day, year_only, r.localized_title(), r.url,
                                  r.institution, r))
    changes += [
        Change("data", b.loaded_at, False, release_title(b), f"#batch-{b.pk}",
               release_detail(b), b)
        for b in LoadBatch.objects.order_by("-loaded_at")[:n]
    ]
    return sorted(changes, key=_sort_key, reverse=True)[:n]


def _sort_key(change: Change) -> tuple[date, int]:
    day = change.when.date() if isinstance(change.when, datetime) else change.when
    return day, 0 if change.year_only else 1
