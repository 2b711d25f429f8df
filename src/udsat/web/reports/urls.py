"""Public URLs of the reports library (included inside i18n_patterns: /soeg/ and /en/soeg/)."""

from django.urls import path

from udsat.web.reports import feeds, views

urlpatterns = [
    path("soeg/", views.search, name="reports-search"),
    path("nyt/", views.whats_new, name="whats-new"),
    path("feeds/rapporter/", feeds.ReportsFeed(), name="reports-feed"),
    path("feeds/data/", feeds.DataReleasesFeed(), name="data-feed"),
]
