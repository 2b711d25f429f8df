from django.apps import AppConfig


class AreasConfig(AppConfig):
    """Area pages: the list of areas and each area's profile."""

    name = "udsat.web.areas"
    label = "areas"
