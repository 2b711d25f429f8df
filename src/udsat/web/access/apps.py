from django.apps import AppConfig


class AccessConfig(AppConfig):
    """Who may see and do what: user grants, bulk publishing, documents of drafts."""

    name = "udsat.web.access"
    label = "udsat_access"
