"""/api/v1/: the open-data API, its OpenAPI 3 document and its reference page."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from udsat.web.api import reference, release_views, views

urlpatterns = [
    path("", reference.reference_page, name="api-reference"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="api-openapi"),
    path("areas/", views.AreasView.as_view(), name="api-areas"),
    path("indicators/", views.IndicatorsView.as_view(), name="api-indicators"),
    path("observations/", views.ObservationsView.as_view(), name="api-observations"),
    path("place-observations/", views.PlaceObservationsView.as_view(),
         name="api-place-observations"),
    path("statuses/", views.StatusesView.as_view(), name="api-statuses"),
    path("flows/", views.FlowsView.as_view(), name="api-flows"),
    path("list-counts/", views.ListCountsView.as_view(), name="api-list-counts"),
    path("reports/", views.ReportsView.as_view(), name="api-reports"),
    path("releases/", release_views.ReleaseListView.as_view(), name="api-releases"),
    path("releases/<int:release_id>/", release_views.ReleaseDetailView.as_view(),
         name="api-release"),
    path("releases/<int:release_id>/bulk.zip", release_views.BulkDownloadView.as_view(),
         name="api-release-bulk"),
]
