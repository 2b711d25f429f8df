"""Bulk publish that refuses an incomplete draft with a message instead of a server error.

A draft may be saved with required fields still empty (Wagtail validates only on publish).
Wagtail's bulk "Publish" then raises the ValidationError inside the request: 500. This
action checks every draft it would publish first, and names the incomplete ones.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction


def _problems(page) -> str:
    """The validation errors of the page's latest revision, or "" when it can be published."""
    revision = page.get_latest_revision()
    draft = revision.as_object() if revision is not None else page.specific
    try:
        draft.full_clean()
    except ValidationError as exc:
        return "; ".join(f"{field}: {' '.join(errors)}"
                         for field, errors in exc.message_dict.items())
    return ""


class CheckedPublishBulkAction(PublishBulkAction):
    def prepare_action(self, objects, objects_without_access):
        pages = list(objects)
        if self.request.POST.get("include_descendants"):
            pages += [d for page in objects for d in page.get_descendants().not_live()]
        incomplete = [(page, _problems(page)) for page in pages]
        incomplete = [(page, problem) for page, problem in incomplete if problem]
        if incomplete:
            for page, problem in incomplete:
                messages.error(self.request, _(
                    "“%(title)s” blev ikke udgivet: udkastet er ufuldstændigt (%(problem)s). "
                    "Udfyld de manglende felter og udgiv siden igen.")
                    % {"title": page.get_admin_display_title(), "problem": problem})
            return redirect(self.next_url)
        return super().prepare_action(objects, objects_without_access)
