"""Cache keys that change when what a page shows changes, so cached parts are never stale.

Stored figures change only when a bundle is loaded (a new LoadBatch); editors' content only
when a page is published, unpublished or moved (Wagtail logs each as a PageLogEntry); and
the deliverables' statuses (planned, due, overdue) with the date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from wagtail.models import PageLogEntry

from udsat.web.data.models import LoadBatch

T = TypeVar("T")
SECONDS = 24 * 3600


def data_version() -> str:
    latest = LoadBatch.objects.order_by("-id").values_list("id", "digest").first()
    return f"{latest[0]}-{latest[1][:16]}" if latest else "empty"


def content_version() -> str:
    entry = PageLogEntry.objects.order_by("-id").values_list("id", flat=True).first()
    return f"{entry or 0}-{dt.date.today():%Y%m%d}"


def remembered(key: str, build: Callable[[], T]) -> T:
    """``build()``'s result under ``key`` (which must carry a version), built once."""
    return cache.get_or_set(key, build, SECONDS)
