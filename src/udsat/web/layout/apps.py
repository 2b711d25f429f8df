from django.apps import AppConfig


class LayoutConfig(AppConfig):
    """The page frame, shared components and formatting template tags."""

    name = "udsat.web.layout"
    label = "layout"
