"""The audit log (Wagtail's site history: every publish, unpublish and logged data load) is
for administrators only. Wagtail lets any editor open it, so its URLs are wrapped here and
mounted before the admin's own (see urls.py); the menu item is hidden in wagtail_hooks.
"""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from udsat.web.reports.roles import is_administrator


def administrators_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_administrator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


admin_urlpatterns = [
    path(
        "admin/reports/site-history/",
        administrators_only(LogEntriesView.as_view()),
        name="udsat_site_history",
    ),
    path(
        "admin/reports/site-history/results/",
        administrators_only(LogEntriesView.as_view(results_only=True)),
        name="udsat_site_history_results",
    ),
]
