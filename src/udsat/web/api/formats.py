"""The formats every data endpoint answers in, chosen by ``?format=`` or by ``Accept``.

The renderer classes exist for content negotiation and the OpenAPI document; the views
write CSV (streamed), XLSX and JSON-stat themselves from a ``Table``. The Danish CSV
variant opens in Danish Excel as it is: UTF-8 with a byte-order mark, semicolons, decimal
commas. Every download names its release in the file name and in ``X-Udsat-Release``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from rest_framework.renderers import BaseRenderer, JSONRenderer

from udsat.web.api.tabular import BOOLEAN, NUMBER, Table

JSONSTAT_MEDIA_TYPE = "application/json-stat+json"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PassThroughRenderer(BaseRenderer):
    """Negotiation only: the view returns the finished response for these formats."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return json.dumps(data, default=str).encode() if data is not None else b""


class JSONStatRenderer(PassThroughRenderer):
    media_type = JSONSTAT_MEDIA_TYPE
    format = "jsonstat"


class DanishCSVRenderer(PassThroughRenderer):
    media_type = "text/csv; variant=da"
    format = "csv-da"


class CSVRenderer(PassThroughRenderer):
    media_type = "text/csv"
    format = "csv"


class XLSXRenderer(PassThroughRenderer):
    media_type = XLSX_MEDIA_TYPE
    format = "xlsx"


# JSON first: it answers "*/*" and a missing Accept.
DATA_RENDERERS = [JSONRenderer, JSONStatRenderer, DanishCSVRenderer, CSVRenderer, XLSXRenderer]
FORMATS = [r.format for r in DATA_RENDERERS]


def _cell(value, kind: str, danish: bool) -> str:
    if value is None:
        return ""
    if kind == BOOLEAN:
        return "true" if value else "false"
    if kind == NUMBER:
        text = repr(float(value)) if not isinstance(value, str) else value
        text = text[:-2] if text.endswith(".0") else text
        return text.replace(".", ",") if danish else text
    return str(value)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(table: Table, danish: bool) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=";" if danish else ",", lineterminator="\r\n")
    names = [c.name for c in table.columns]
    yield ("\ufeff" if danish else "") + writer.writerow(names)
    for row in table.rows:
        yield writer.writerow([_cell(row[c.name], c.kind, danish) for c in table.columns])


def _named(response: HttpResponse, table: Table, extension: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{table.file_stem}.{extension}"'
    return response


def csv_response(table: Table, danish: bool) -> StreamingHttpResponse:
    """Streamed: the whole selection, row by row, never held in memory."""
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in csv_lines(table, danish)),
        content_type="text/csv; charset=utf-8" + ("; variant=da" if danish else ""))
    return _named(response, table, "csv")


def xlsx_response(table: Table) -> HttpResponse:
    """Numbers as numbers, the absence in its own column; a second sheet names the release."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(table.name[:31])
    sheet.append([c.name for c in table.columns])
    for row in table.rows:
        sheet.append([_xlsx_cell(sheet, row[c.name], c.kind) for c in table.columns])
    about = book.create_sheet("release")
    if table.release is not None:
        for key, value in table.release.as_dict().items():
            about.append([key, str(value)])
    for note in table.notes:
        about.append(["note", note])
    buffer = io.BytesIO()
    book.save(buffer)
    return _named(HttpResponse(buffer.getvalue(), content_type=XLSX_MEDIA_TYPE), table, "xlsx")


def _xlsx_cell(sheet, value, kind: str):
    if value is None:
        return None
    if kind == NUMBER:
        return float(value)
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value)  # text, never a formula Excel would run
        cell.data_type = "s"
        return cell
    return value


def jsonstat_response(payload: dict, table: Table) -> HttpResponse:
    body = json.dumps(payload, ensure_ascii=False)
    response = HttpResponse(body, content_type=f"{JSONSTAT_MEDIA_TYPE}; charset=utf-8")
    return response
