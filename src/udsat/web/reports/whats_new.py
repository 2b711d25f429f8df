"""What's new: published reports and data releases (load batches), newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Change:
    kind: str  # "report" or "data"
    when: datetime
    title: str
    url: str
    detail: str
    obj: object


def recent_changes(n: int = 30) -> list[Change]:
    from udsat.web.data.models import LoadBatch
    from udsat.web.reports.models import ReportPage

    changes = [
        Change("report", r.first_published_at, r.localized_title(), r.url, r.institution, r)
        for r in ReportPage.objects.live().public().order_by("-first_published_at")[:n]
        if r.first_published_at
    ]
    changes += [
        Change("data", b.loaded_at, b.name, f"#batch-{b.pk}", b.kind, b)
        for b in LoadBatch.objects.order_by("-loaded_at")[:n]
    ]
    return sorted(changes, key=lambda c: c.when, reverse=True)[:n]
