"""The API's reference page: every endpoint and parameter, in Danish or English.

Rendered from the same OpenAPI document the API serves (no JavaScript, no CDN), in the
language of ``?lang=`` or the browser's.
"""

from __future__ import annotations

from django.shortcuts import render
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator


def reference_page(request):
    lang = request.GET.get("lang")
    if lang in ("da", "en"):
        translation.activate(lang)
    schema = SchemaGenerator().get_schema(request=None, public=True)
    endpoints = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            endpoints.append({
                "path": path, "method": method.upper(),
                "summary": operation.get("description", ""),
                "parameters": [p for p in operation.get("parameters", []) if p["in"] == "query"],
                "formats": sorted({media for r in operation.get("responses", {}).values()
                                   for media in r.get("content", {})}),
            })
    return render(request, "api/reference.html", {
        "endpoints": endpoints, "language": translation.get_language(),
        "openapi_url": "/api/v1/openapi.json",
    })
