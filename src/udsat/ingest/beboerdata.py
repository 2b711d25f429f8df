"""Landsbyggefonden's Beboerdata exports: one figure per area and indicator.

Exports come as XLSX or as CSV in UTF-8 or Windows-1252/Latin-1, separated by ``;`` or
``,`` (both detected and reported), with Danish decimals (``9,4``) and ``-`` where
Landsbyggefonden publishes no figure. ``-`` becomes the typed absence "not published",
never 0. Indicators are named by catalogue id or by their Danish or English label.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from udsat.domain.geography import normalise_name
from udsat.domain.indicators import Indicator
from udsat.domain.observations import NOT_PUBLISHED, PERIOD_UNSTATED
from udsat.ingest.imports import Importer, Options, Tables
from udsat.ingest.readers import CP1252, UTF8, read_table
from udsat.ingest.reference import BEBOERDATA_INDICATORS
from udsat.ingest.schemas import Column, Schema
from udsat.ingest.validate import COUNT_UNITS, Checker, is_share, records

SOURCE = "lbf-beboerdata"
NOT_PUBLISHED_MARKS = ("-", "–", "—")  # hyphen, en dash, em dash: all mean "no figure"

SCHEMA = Schema(
    kind="beboerdata",
    extra_columns_allowed=True,
    columns=(
        Column("area", "housing area (boligområde)",
               aliases=("boligområde", "boligomraade", "område", "omraade", "afdeling")),
        Column("indicator", "indicator label or id", aliases=("indikator", "nøgletal")),
        Column("value", "the figure, e.g. 9,4; '-' = not published",
               aliases=("værdi", "vaerdi", "andel", "andel (%)", "value_pct", "procent")),
        Column("period", "year; 'unstated' when blank", required=False,
               aliases=("år", "aar", "year", "periode")),
    ),
)


def indicator_by_label(checker: Checker, text: str) -> Indicator | None:
    """Catalogue id, Danish or English label, or the wording of the published seed tables."""
    wanted = normalise_name(text)
    for known, indicator_id in BEBOERDATA_INDICATORS.items():
        if normalise_name(known) == wanted:
            return checker.catalogue.indicator(indicator_id)
    for indicator in checker.catalogue.indicators:
        if wanted in {normalise_name(s) for s in (indicator.id, indicator.label_da,
                                                  indicator.label_en)}:
            return indicator
    return None


def beboerdata_tables(path: Path, checker: Checker, options: Options) -> Tables:
    return {"observations": _observations(path, checker)}


def _observations(path: Path, checker: Checker) -> Iterator[tuple]:
    table = read_table(path, encodings=(UTF8, CP1252))
    checker.notes.extend(table.notes)
    file = table.file
    for row, cells in records(table, SCHEMA, checker):
        before = checker.problem_count
        area = checker.area(file, row, "area", cells["area"])
        indicator = indicator_by_label(checker, cells["indicator"])
        if indicator is None:
            checker.problem(file, row, "indicator",
                            f"unknown indicator {cells['indicator']!r} (use a catalogue id or "
                            "label; see docs/importing.md)")
        period = PERIOD_UNSTATED
        if cells.get("period", "").strip():
            period = checker.period(file, row, "period", cells["period"])
        text = str(cells["value"]).strip()
        value, absence, note = None, "", ""
        if text in NOT_PUBLISHED_MARKS:
            absence, note = NOT_PUBLISHED, f"published as {text!r}: the source shows no figure"
        else:
            value = checker.number(file, row, "value", cells["value"],
                                   whole=indicator is not None and indicator.unit in COUNT_UNITS)
            if value is not None and indicator is not None:
                checker.in_unit(file, row, "value", value, indicator.unit,
                                 is_share(indicator))
        if None in (area, indicator, period) or checker.problem_count > before:
            continue
        checker.unique(row, (area, indicator.id, period))
        yield (area, indicator.id, period, "", value, absence, indicator.unit, SOURCE, None,
               note)
    checker.finish(file, "area, indicator and period")


BEBOERDATA = Importer("beboerdata", "Landsbyggefonden Beboerdata export (XLSX or CSV)", SCHEMA,
                      beboerdata_tables)
