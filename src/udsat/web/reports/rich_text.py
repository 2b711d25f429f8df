"""Rich text as stored: a whitelist of elements and attributes, applied on every save.

Wagtail's editor already stores a whitelisted format. Text can also arrive by other routes
(seed files, a shell, an import), so the page models run this whitelist again. It works on
the stored format itself, so Wagtail's internal links (``<a linktype="page" id="3">``) and
document links survive, while script, event handlers and ``javascript:`` links do not.
"""

from __future__ import annotations

from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

# What the editor offers on report pages (Draftail features), nothing more.
FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
_LINK_TYPES = {"page", "document"}


def _link_type(value: str) -> str | None:
    return value if value in _LINK_TYPES else None


def _object_id(value: str) -> str | None:
    return value if value.isdigit() else None


class StoredRichTextWhitelister(Whitelister):
    element_rules = {
        "[document]": allow_without_attributes,
        "p": allow_without_attributes,
        "br": allow_without_attributes,
        "b": allow_without_attributes,
        "strong": allow_without_attributes,
        "i": allow_without_attributes,
        "em": allow_without_attributes,
        "ul": allow_without_attributes,
        "ol": allow_without_attributes,
        "li": allow_without_attributes,
        "a": attribute_rule({"href": check_url, "linktype": _link_type, "id": _object_id}),
    }


def sanitise_rich_text(html: str) -> str:
    """The stored rich text with anything outside the whitelist removed."""
    return StoredRichTextWhitelister().clean(html or "")
