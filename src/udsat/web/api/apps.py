from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read-only open-data API under /api/v1/ (JSON, JSON-stat, CSV, XLSX, releases)."""

    name = "udsat.web.api"
    label = "api"
    verbose_name = "Open data API"
