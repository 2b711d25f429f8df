from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """The reports library, the deliverables tracker, search, feeds and editorial roles."""

    name = "udsat.web.reports"
    label = "reports"
    default_auto_field = "django.db.models.BigAutoField"
