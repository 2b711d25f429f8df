"""The API's endpoints: validate the query, pick the release, answer in the format asked for.

JSON answers are paginated (``limit``/``offset``); CSV (streamed), XLSX and JSON-stat give
the whole selection. Every answer names its release: in the JSON envelope, in JSON-stat's
``extension.release``, in a download's file name, and in the ``X-Udsat-Release`` header.
"""

from __future__ import annotations

import hashlib

from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers as drf
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from udsat.web.api import figures, formats, jsonstat, params, records, releases
from udsat.web.api import serializers as shapes
from udsat.web.api.reports import REPORT_COLUMNS, report_rows
from udsat.web.api.tabular import Table
from udsat.web.data.models import Area

CACHE_SECONDS = 300


def _format(renderers) -> OpenApiParameter:
    return OpenApiParameter(
        "format", str, enum=[r.format for r in renderers],
        description="json, jsonstat, csv, csv-da (Danish Excel: BOM, ;, decimal comma), xlsx; "
                    "or choose by Accept")


ALL_FORMATS = _format(formats.DATA_RENDERERS)
TABLE_FORMATS = _format([r for r in formats.DATA_RENDERERS if r.format != "jsonstat"])


def _responses(row, name: str, cube: bool) -> dict:
    out = {(200, "application/json"): shapes.page_of(row, name),
           (200, "text/csv"): OpenApiTypes.STR,
           (200, "text/csv; variant=da"): OpenApiTypes.STR,
           (200, formats.XLSX_MEDIA_TYPE): OpenApiTypes.BINARY,
           400: OpenApiResponse(description="a parameter is invalid (named in the answer)"),
           404: OpenApiResponse(description="the release does not exist"),
           406: OpenApiResponse(description="no format matches Accept")}
    if cube:
        out[(200, formats.JSONSTAT_MEDIA_TYPE)] = OpenApiTypes.OBJECT
    return out


class DataView(APIView):
    """One data endpoint; subclasses say how to select and how to tabulate."""

    renderer_classes = formats.DATA_RENDERERS
    query_class: type[drf.Serializer] = params.CommonQuery
    has_cube = False
    uses_release = True

    def perform_content_negotiation(self, request, force=False):
        wanted = request.query_params.get("format")
        if wanted is None:
            return super().perform_content_negotiation(request, force)
        for renderer in self.get_renderers():
            if renderer.format == wanted:  # ?format= wins over Accept
                return renderer, renderer.media_type
        if force:  # answering an error: in JSON
            renderer = self.get_renderers()[0]
            return renderer, renderer.media_type
        raise ValidationError({"format": [
            f"{wanted!r} is not a format here; use one of "
            f"{', '.join(r.format for r in self.renderer_classes)}"]})

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        lang = request.query_params.get("lang")
        if lang in ("da", "en"):
            translation.activate(lang)
            request.LANGUAGE_CODE = lang

    def get(self, request, *args, **kwargs):
        checked = self.query_class(data=request.query_params.dict())  # "" is a value, not absent
        checked.is_valid(raise_exception=True)
        query = dict(checked.validated_data)
        release = releases.resolve(query.get("release")) if self.uses_release else None
        tag = self._etag(request, release)
        if request.headers.get("If-None-Match") == tag:
            response = Response(status=304)
        else:
            response = self.answer(request, query, release)
        response["ETag"] = tag
        response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
        response["Vary"] = "Accept, Accept-Language"
        if release is not None:
            response["X-Udsat-Release"] = str(release.id)
        return response

    def _etag(self, request, release) -> str:
        """Changes when any bundle is loaded, so a cached answer is never stale."""
        key = "|".join([str(releases.latest_id()), request.get_full_path(),
                        request.accepted_media_type or "", translation.get_language() or "",
                        str(release.id if release else "")])
        return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'

    def answer(self, request, query: dict, release):
        language = translation.get_language() or "da"
        chosen = request.accepted_renderer.format
        if chosen == "json":
            selection = self.select(query, release)
            limit, offset = query["limit"], query["offset"]
            count = _count(selection)
            page = self.tabulate(_slice(selection, offset, limit), language, release, flat=False)
            return Response({
                "release": release.as_dict() if release else None, "count": count,
                "next": _page_link(request, offset + limit, limit) if offset + limit < count
                else None,
                "previous": _page_link(request, max(offset - limit, 0), limit) if offset
                else None,
                "results": list(page.rows),
            })
        table = self.tabulate(self.select(query, release), language, release,
                              flat=chosen != "jsonstat")
        if chosen == "jsonstat":
            return formats.jsonstat_response(
                jsonstat.dataset(table, language, request.build_absolute_uri()), table)
        if chosen == "xlsx":
            return formats.xlsx_response(table)
        return formats.csv_response(table, danish=chosen == "csv-da")

    def select(self, query: dict, release):
        raise NotImplementedError

    def tabulate(self, selection, language: str, release, flat: bool) -> Table:
        raise NotImplementedError


def _count(selection) -> int:
    return len(selection) if isinstance(selection, list) else selection.count()


def _slice(selection, offset: int, limit: int):
    return selection[offset:offset + limit]  # a list or a lazy QuerySet slice (LIMIT/OFFSET)


def _page_link(request, offset: int, limit: int) -> str:
    query = request.query_params.copy()
    query["offset"], query["limit"] = str(offset), str(limit)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@extend_schema(parameters=[params.ObservationQuery, ALL_FORMATS], responses=_responses(
    shapes.ObservationSerializer, "ObservationPage", cube=True))
class ObservationsView(DataView):
    """Figures for housing areas: a value, or a typed absence (never 0)."""

    query_class = params.ObservationQuery
    has_cube = True

    def select(self, query, release):
        return figures.observations(query, release)

    def tabulate(self, selection, language, release, flat):
        return figures.observation_table(selection, language, release)


@extend_schema(parameters=[params.PlaceObservationQuery, ALL_FORMATS], responses=_responses(
    shapes.PlaceObservationSerializer, "PlaceObservationPage", cube=True))
class PlaceObservationsView(DataView):
    """Comparison figures: municipalities, regions, the country, all social housing."""

    query_class = params.PlaceObservationQuery
    has_cube = True

    def select(self, query, release):
        return figures.place_observations(query, release)

    def tabulate(self, selection, language, release, flat):
        return figures.place_table(selection, language, release, _place_names())


def _place_names() -> dict[tuple[str, str], str]:
    names = {("country", "DK"): translation.gettext("Danmark"),
             ("social_housing", "all"): translation.gettext("Hele den almene sektor")}
    for m_code, m_name, r_code, r_name in Area.objects.values_list(
            "municipality_code", "municipality_name", "region_code", "region_name").distinct():
        names[("municipality", str(m_code))] = m_name
        names[("region", str(r_code))] = r_name
    return names


@extend_schema(parameters=[params.AreaQuery, TABLE_FORMATS], responses=_responses(
    shapes.AreaSerializer, "AreaPage", cube=False))
class AreasView(DataView):
    """Areas: names, aliases, municipality and region, the 2018 flag, statuses per list."""

    query_class = params.AreaQuery
    renderer_classes = [r for r in formats.DATA_RENDERERS if r.format != "jsonstat"]

    def select(self, query, release):
        return records.areas(query)

    def tabulate(self, selection, language, release, flat):
        rows = records.area_rows(selection, language, release)
        return Table("areas", records.AREA_COLUMNS,
                     records.flat_area_rows(rows) if flat else rows, release)


@extend_schema(parameters=[params.IndicatorQuery, TABLE_FORMATS], responses=_responses(
    shapes.IndicatorSerializer, "IndicatorPage", cube=False))
class IndicatorsView(DataView):
    """The indicator catalogue: one sheet per indicator."""

    query_class = params.IndicatorQuery
    renderer_classes = AreasView.renderer_classes

    def select(self, query, release):
        return records.indicators(query)

    def tabulate(self, selection, language, release, flat):
        rows = records.indicator_rows(selection, language)
        return Table("indicators", records.INDICATOR_COLUMNS,
                     records.flat_indicator_rows(rows) if flat else rows, release)


@extend_schema(parameters=[params.StatusQuery, TABLE_FORMATS], responses=_responses(
    shapes.StatusSerializer, "StatusPage", cube=False))
class StatusesView(DataView):
    """Every area's status per list and year, with its source or derivation."""

    query_class = params.StatusQuery
    renderer_classes = AreasView.renderer_classes

    def select(self, query, release):
        return records.statuses(query, release)

    def tabulate(self, selection, language, release, flat):
        return records.status_table(selection, language, release)


@extend_schema(parameters=[params.FlowQuery, TABLE_FORMATS], responses=_responses(
    shapes.FlowSerializer, "FlowPage", cube=False))
class FlowsView(DataView):
    """Persons moving out of an area by destination and kind of move (suppressed: no count)."""

    query_class = params.FlowQuery
    renderer_classes = AreasView.renderer_classes

    def select(self, query, release):
        return records.flows(query, release)

    def tabulate(self, selection, language, release, flat):
        return Table("flows", records.FLOW_COLUMNS, records.flow_rows(selection), release)


@extend_schema(parameters=[params.ListCountQuery, TABLE_FORMATS], responses=_responses(
    shapes.ListCountSerializer, "ListCountPage", cube=False))
class ListCountsView(DataView):
    """Areas per list and year, as our record of the lists holds them."""

    query_class = params.ListCountQuery
    renderer_classes = AreasView.renderer_classes

    def select(self, query, release):
        return records.list_count_rows(query, release, translation.get_language() or "da")

    def tabulate(self, selection, language, release, flat):
        return Table("list-counts", records.LIST_COUNT_COLUMNS, iter(selection), release)


@extend_schema(parameters=[params.ReportQuery, TABLE_FORMATS], responses=_responses(
    shapes.ReportSerializer, "ReportPage", cube=False))
class ReportsView(DataView):
    """The evaluation's reports: metadata and links."""

    query_class = params.ReportQuery
    renderer_classes = AreasView.renderer_classes
    uses_release = False

    def select(self, query, release):
        return report_rows(query, translation.get_language() or "da")

    def tabulate(self, selection, language, release, flat):
        rows = iter(selection)
        if flat:
            rows = ({**r, "areas": " | ".join(r["areas"]), "levels": " | ".join(r["levels"])}
                    for r in selection)
        return Table("reports", REPORT_COLUMNS, rows, None)
