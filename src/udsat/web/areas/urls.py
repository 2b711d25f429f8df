"""Data pages: areas, compare, downloads and the patterns page (Danish URLs in both languages)."""

from django.urls import path

from udsat.web.areas import patterns, views

urlpatterns = [
    path("omraader/", views.area_list, name="area-list"),
    path("omraader/<slug:slug>/", views.area_detail, name="area-detail"),
    path("omraader/<slug:slug>/niveau/<slug:level_slug>/", views.area_level, name="area-level"),
    path("omraader/<slug:slug>/data/flytninger.csv", views.area_flows_csv,
         name="area-flows-csv"),
    path("omraader/<slug:slug>/data/<slug:code>.csv", views.area_indicator_csv,
         name="area-indicator-csv"),
    path("omraader/<slug:slug>/diagram/<slug:code>.svg", views.area_chart_svg,
         name="area-chart-svg"),
    path("sammenlign/", views.compare_view, name="compare"),
    path("sammenlign/diagram.svg", views.compare_chart_svg, name="compare-chart-svg"),
    path("sammenlign/data.csv", views.compare_csv, name="compare-csv"),
    path("lister/antal.csv", views.list_counts_csv, name="list-counts-csv"),
    path("patterns/", patterns.patterns, name="patterns"),
]
