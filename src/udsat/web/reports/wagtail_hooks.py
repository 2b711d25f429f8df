"""Admin hooks: the audit log's menu item only for administrators."""

from wagtail import hooks

from udsat.web.reports.roles import is_administrator


@hooks.register("construct_reports_menu")
def hide_site_history_from_non_administrators(request, menu_items):
    if not is_administrator(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]
