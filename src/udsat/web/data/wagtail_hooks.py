"""Wagtail admin: the data-load audit action, and the data managers' import page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from udsat.web.data.loading import DATA_LOAD_ACTION
from udsat.web.data.uploads import can_load_data, import_data


@hooks.register("register_log_actions")
def register_data_load_action(actions) -> None:
    actions.register_action(DATA_LOAD_ACTION, _("Indlæs data"), _("Data indlæst"))


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("data-import/", import_data, name="udsat_data_import")]


class DataManagerMenuItem(MenuItem):
    """Shown only to those who may load data (Data managers, superusers)."""

    def is_shown(self, request) -> bool:
        return can_load_data(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return DataManagerMenuItem(_("Importér data"), reverse("udsat_data_import"),
                               icon_name="upload", order=900)
