from django.apps import AppConfig


class DataConfig(AppConfig):
    """Stored aggregates: areas, indicators, observations, list statuses and load batches."""

    name = "udsat.web.data"
    label = "data"
    verbose_name = "Data"
    default_auto_field = "django.db.models.BigAutoField"
