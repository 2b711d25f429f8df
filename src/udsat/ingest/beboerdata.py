"""Landsbyggefonden's Beboerdata exports: one figure per area and indicator.

Exports come as XLSX or as CSV in UTF-8 or Windows-1252/Latin-1, separated by ``;`` or
``,`` (both detected and reported), with Danish decimals (``9,4``) and ``-`` where
Landsbyggefonden publishes no figure. ``-`` becomes the typed absence "not published",
never 0. Indicators are named by catalogue id or by their Danish or English label.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from udsat.domain.geography import normalise_name
from udsat.domain.indicators import Indicator
from udsat.domain.observations import NOT_PUBLISHED, PERIOD_UNSTATED
from udsat.ingest.imports import Importer, Options, Tables
from udsat.ingest.readers import CP1252, UTF8, read_table
from udsat.ingest.reference import BEBOERDATA_INDICATORS
from udsat.ingest.schemas import Column, Schema
from udsat.ingest.validate import COUNT_UNITS, Checker, choose_schema, is_share, records

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


def wide_schema(checker: Checker) -> Schema:
    """The other export layout: one row per area, one column per indicator (by label)."""
    wordings = {v: k for k, v in BEBOERDATA_INDICATORS.items()}
    indicators = tuple(
        Column(i.id, i.label_en, required=False,
               aliases=tuple(filter(None, (i.label_da, i.label_en, wordings.get(i.id)))))
        for i in checker.catalogue.indicators)
    return Schema("beboerdata-wide", (SCHEMA.column("area"), SCHEMA.column("period"),
                                      *indicators), extra_columns_allowed=True)


def beboerdata_tables(path: Path, checker: Checker, options: Options) -> Tables:
    return {"observations": _observations(path, checker)}


def _observations(path: Path, checker: Checker) -> Iterator[tuple]:
    table = read_table(path, encodings=(UTF8, CP1252))
    checker.notes.extend(table.notes)
    file = table.file
    wide = wide_schema(checker)
    schema = choose_schema(table, (SCHEMA, wide))
    if schema is wide:
        checker.notes.append(f"{file}: one column per indicator (wide layout)")
    for row, cells in records(table, schema, checker):
        before = checker.problem_count
        area = checker.area(file, row, "area", cells["area"])
        period = PERIOD_UNSTATED
        if cells.get("period", "").strip():
            period = checker.period(file, row, "period", cells["period"])
        if schema is wide:
            pairs = [(checker.catalogue.indicator(name), name) for name in cells
                     if name not in ("area", "period") and str(cells[name]).strip()]
        else:
            indicator = indicator_by_label(checker, cells["indicator"])
            if indicator is None:
                checker.problem(file, row, "indicator",
                                f"unknown indicator {cells['indicator']!r} (use a catalogue id "
                                "or label; see docs/importing.md)")
            pairs = [(indicator, "value")]
        figures = [(indicator, _figure(file, row, column, cells[column], indicator, checker))
                   for indicator, column in pairs]
        if area is None or period is None or checker.problem_count > before:
            continue
        for indicator, (value, absence, note) in figures:
            checker.unique(row, (area, indicator.id, period))
            yield (area, indicator.id, period, "", value, absence, indicator.unit, SOURCE, None,
                   note)
    checker.finish(file, "area, indicator and period")


def _figure(file: str, row: int, column: str, text: str, indicator: Indicator | None,
            checker: Checker) -> tuple[Decimal | None, str, str]:
    """(value, absence, note): '-' is not published; anything else must be a number."""
    if str(text).strip() in NOT_PUBLISHED_MARKS:
        return None, NOT_PUBLISHED, f"published as {str(text).strip()!r}: the source shows no figure"
    whole = indicator is not None and indicator.unit in COUNT_UNITS
    value = checker.number(file, row, column, text, whole=whole)
    if value is not None and indicator is not None:
        checker.in_unit(file, row, column, value, indicator.unit, is_share(indicator))
    return value, "", ""


BEBOERDATA = Importer("beboerdata", "Landsbyggefonden Beboerdata export (XLSX or CSV)", SCHEMA,
                      beboerdata_tables)
