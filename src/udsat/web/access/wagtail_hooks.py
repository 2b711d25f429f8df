"""Admin hooks: who may grant rights, publish in bulk, and fetch an unpublished document.

Only superusers grant superuser or staff rights, or change a superuser's account.

Wagtail's user forms show the "Administrator" (superuser) box to anyone who may change
users - the Administrators group among them - so a member of that group could make anyone,
themselves included via a second account, a superuser, or reset a superuser's password.
These hooks run before Wagtail's create, edit and delete views and refuse with 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail import hooks

from udsat.web.access.bulk_publish import CheckedPublishBulkAction
from udsat.web.access.documents import is_published, may_see_unpublished

# Form fields that grant rights only a superuser may grant.
PRIVILEGED_FIELDS = ("is_superuser", "is_staff", "user_permissions")


def _grants_privilege(request) -> bool:
    return request.method == "POST" and any(
        request.POST.get(name) not in (None, "", "false", "off") for name in PRIVILEGED_FIELDS)


@hooks.register("before_create_user")
def only_superusers_create_privileged_users(request):
    if not request.user.is_superuser and _grants_privilege(request):
        raise PermissionDenied("only a superuser can grant superuser or staff rights")


@hooks.register("before_edit_user")
def only_superusers_grant_or_change_privilege(request, user):
    if request.user.is_superuser:
        return
    if user.is_superuser or user.is_staff:
        raise PermissionDenied("only a superuser can change a superuser's or staff account")
    if _grants_privilege(request):
        raise PermissionDenied("only a superuser can grant superuser or staff rights")


@hooks.register("before_delete_user")
def only_superusers_delete_privileged_users(request, user):
    if not request.user.is_superuser and (user.is_superuser or user.is_staff):
        raise PermissionDenied("only a superuser can delete a superuser's or staff account")


# Registered after Wagtail's own "publish" (order 100 > 0), which it replaces for pages.
hooks.register("register_bulk_action", CheckedPublishBulkAction, order=100)


@hooks.register("before_serve_document")
def documents_of_unpublished_reports_are_private(document, request):
    if may_see_unpublished(request.user) or is_published(document):
        return None
    raise Http404("no published page links this document")
