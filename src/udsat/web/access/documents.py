"""A document is public once a published page links it; until then only the admin's users
may fetch it (a draft report's PDF is not served by its direct link).

Wagtail serves documents through its own view (WAGTAILDOCS_SERVE_METHOD "serve_view"), which
runs the ``before_serve_document`` hook; the hook answers 404 to anyone else, so a draft's
existence is not revealed either.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from udsat.web.reports.models import ReportPage


def is_published(document) -> bool:
    """A live, public page links the document: a report's file field or any other reference
    (rich text, links) Wagtail's reference index holds for a page's current content."""
    if ReportPage.objects.live().public().filter(document=document).exists():
        return True
    page_type = ContentType.objects.get_for_model(Page)
    linking = ReferenceIndex.get_references_to(document).filter(
        base_content_type=page_type).values_list("object_id", flat=True)
    return Page.objects.live().public().filter(pk__in=[int(pk) for pk in linking]).exists()


def may_see_unpublished(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))
