"""URLs: Danish at /, English at /en/. Data pages are Django views; Wagtail serves the rest."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from udsat.web import site_files
from udsat.web.areas import views as area_views
from udsat.web.health import health
from udsat.web.reports import audit as reports_audit

urlpatterns = [
    path("robots.txt", site_files.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": site_files.SITEMAPS}, name="sitemap"),
    path("favicon.ico", site_files.favicon, name="favicon"),
    # Before Wagtail's admin: only administrators read the site-wide audit log.
    *reports_audit.admin_urlpatterns,
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # The open-data API: one URL for both languages (?lang= or Accept-Language).
    path("api/v1/", include("udsat.web.api.urls")),
    path("healthz/", health, name="health"),
]

urlpatterns += i18n_patterns(
    path("", area_views.home, name="home"),
    path("", include("udsat.web.areas.urls")),
    path("", include("udsat.web.reports.urls")),
    # Wagtail's page tree comes last: editors' pages never shadow a data page.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = site_files.page_not_found
handler500 = site_files.server_error
