"""A request that meets SQLite's write lock answers 503 with a clear message, not 500.

On SQLite a data load is one long write transaction (all or nothing). Pages keep reading
(WAL), but a request that must write meanwhile - an admin login records the session and the
attempt - waits SQLite's timeout and then fails with "database is locked". It is told that a
load is running and to try again, with Retry-After. PostgreSQL has no such lock.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 60


class DatabaseBusyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not (isinstance(exception, OperationalError) and "locked" in str(exception)):
            return None
        message = _("Databasen er optaget af en dataindlæsning. Prøv igen om et minut.")
        response = HttpResponse(
            f'<!doctype html><html lang="{get_language() or "da"}"><title>503</title>'
            f"<p>{message}</p></html>", status=503, content_type="text/html; charset=utf-8")
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
