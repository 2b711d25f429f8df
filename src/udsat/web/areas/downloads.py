"""CSV downloads: the figures behind every table and chart, headed in the page's language.

The file opens as columns in a spreadsheet set up for the page's language: a UTF-8 byte-order
mark (so Excel reads æøå), and in Danish semicolons between fields and a decimal comma, as
Danish Excel expects; in English commas and a decimal point. No thousands separator. Codes
(indicator, dataset) stand beside their labels. An absent value is an empty cell with its
reason in the next column, never a zero.
"""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from udsat.domain.observations import PERIOD_UNSTATED
from udsat.domain.spreadsheet import neutralise_cell, neutralise_rows
from udsat.web.areas.breakdowns import PLACE_LABELS, breakdown_label
from udsat.web.areas.compare import Comparison
from udsat.web.areas.profile import place_label
from udsat.web.data.models import Area, Indicator, Observation, PlaceObservation
from udsat.web.layout.templatetags.udsat_format import absence_text

BYTE_ORDER_MARK = "\ufeff"


def _danish() -> bool:
    return not (get_language() or "da").startswith("en")


def _value(row) -> str:
    if row.value is None:
        return ""
    text = f"{row.value.normalize():f}"
    return text.replace(".", ",") if _danish() else text


def _period(period: str) -> str:
    return _("ikke oplyst") if period == PERIOD_UNSTATED else period


def _dataset_label(dataset: str) -> str:
    return {"reference": _("Offentliggjorte tal"),
            "synthetic": _("Syntetiske demodata")}.get(dataset, dataset)


def _response(filename: str, header: list[str], rows: list[list[str]]) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, delimiter=";" if _danish() else ",", lineterminator="\r\n")
    writer.writerow(neutralise_cell(cell) for cell in header)
    writer.writerows(neutralise_rows(rows))  # a note "=HYPERLINK(...)" must stay text
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _figure_columns() -> list[str]:
    return [_("periode"), _("værdi"), _("enhed"), _("mangler_fordi"), _("kilde"), _("datasæt"),
            _("datasæt_navn"), _("note")]


def _figure_cells(row, language: str) -> list[str]:
    return [_period(row.period), _value(row), row.unit, absence_text(row, language), row.source,
            row.dataset, _dataset_label(row.dataset), row.note]


def comparison_csv(comparison: Comparison) -> HttpResponse:
    language = get_language() or "da"
    header = [_("område"), _("kommune"), _("indikator"), _("indikator_navn")] + _figure_columns()
    rows = []
    for row in comparison.rows:
        o = row.observation
        base = [row.area.name, row.area.municipality_name, comparison.indicator.code,
                comparison.indicator.label(language)]
        if o is None:
            rows.append(base + [_period(comparison.period), "", "", absence_text(None, language),
                                "", comparison.dataset, _dataset_label(comparison.dataset), ""])
        else:
            rows.append(base + _figure_cells(o, language))
    name = f"{comparison.indicator.code}-{comparison.dataset}-{comparison.period}.csv"
    return _response(name, header, rows)


def area_indicator_csv(area: Area, indicator: Indicator, dataset: str) -> HttpResponse:
    """The area's figures for one indicator, every breakdown, with the comparison places."""
    language = get_language() or "da"
    header = [_("sted"), _("stedtype"), _("gruppe"), _("indikator"),
              _("indikator_navn")] + _figure_columns()
    named = [indicator.code, indicator.label(language)]
    rows = []
    for o in Observation.objects.filter(area=area, indicator=indicator, dataset=dataset).order_by(
        "breakdown", "period"
    ):
        rows.append([area.name, _("område"), breakdown_label(o.breakdown)] + named
                    + _figure_cells(o, language))
    codes = {"municipality": str(area.municipality_code), "region": str(area.region_code),
             "social_housing": "all", "country": "DK"}
    for p in PlaceObservation.objects.filter(indicator=indicator, dataset=dataset).order_by(
        "place_kind", "breakdown", "period"
    ):
        if codes.get(p.place_kind) == p.place_code:
            rows.append([place_label(area, p.place_kind), str(PLACE_LABELS[p.place_kind]),
                         breakdown_label(p.breakdown)] + named + _figure_cells(p, language))
    return _response(f"{area.slug}-{indicator.code}-{dataset}.csv", header, rows)


def area_flows_csv(area: Area) -> HttpResponse:
    """Where the area's out-movers went, year by year (a suppressed count stays empty)."""
    from udsat.web.areas.breakdowns import DESTINATION_LABELS, MOVE_TYPE_LABELS
    from udsat.web.data.models import Flow

    header = [_("år"), _("flyttede_til"), _("slags_flytning"), _("personer"), _("mangler_fordi"),
              _("datasæt"), _("datasæt_navn")]
    rows = []
    for f in Flow.objects.filter(origin=area).select_related("destination").order_by(
        "dataset", "year", "destination_kind", "move_type", "id"
    ):
        where = f.destination.name if f.destination else str(
            DESTINATION_LABELS.get(f.destination_kind, f.destination_kind))
        rows.append([str(f.year), where, str(MOVE_TYPE_LABELS.get(f.move_type, f.move_type)),
                     "" if f.suppressed else str(f.n_persons),
                     _("diskretioneret (for få personer)") if f.suppressed else "", f.dataset,
                     _dataset_label(f.dataset)])
    return _response(f"{area.slug}-flytninger.csv", header, rows)


def list_counts_csv(counts) -> HttpResponse:
    """Areas on each statutory list per year, with the official term and its source."""
    header = [_("år"), _("status"), _("officiel_betegnelse"), _("antal_områder"), _("kilde")]
    rows = [[str(c.year), c.status, c.term, str(c.count), c.source_url] for c in counts]
    return _response("antal-omraader-paa-listerne.csv", header, rows)
