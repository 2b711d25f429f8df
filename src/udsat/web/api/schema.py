"""The OpenAPI document holds the open-data API only (not Wagtail's admin API)."""

from __future__ import annotations

PREFIX = "/api/v1/"


def only_api_endpoints(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: keep the endpoints under /api/v1/."""
    return [e for e in endpoints if e[0].startswith(PREFIX)]
