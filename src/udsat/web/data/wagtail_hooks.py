"""Wagtail admin: the data-load audit action, and the data managers' import page."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from udsat.web.data.loading import DATA_LOAD_ACTION


@hooks.register("register_log_actions")
def register_data_load_action(actions) -> None:
    actions.register_action(DATA_LOAD_ACTION, _("Load data"), _("Data loaded"))
