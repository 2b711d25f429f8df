"""Bad query parameters answer 400 before any view sees them (rules: domain.query_parameters)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from udsat.domain.query_parameters import parameter_problem

# The admin and Wagtail's document links read parameters of their own (and check them).
UNCHECKED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")


class QueryParameterMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(UNCHECKED_PREFIXES):
            for name, values in request.GET.lists():
                for value in values:
                    if parameter_problem(name, value):
                        return _refusal(name)
        return self.get_response(request)


def _refusal(name: str) -> HttpResponse:
    message = _("Ugyldig værdi for parameteren “%(name)s”. Ret adressen og prøv igen.") % {
        "name": escape(name)}
    language = get_language() or "da"
    return HttpResponseBadRequest(f'<!doctype html><html lang="{language}"><title>400</title>'
                                  f"<p>{message}</p></html>",
                                  content_type="text/html; charset=utf-8")
