"""The tidy CSV: one figure per row, for every source without an importer of its own.

``area,indicator,period,value,unit,source,absence`` (+ optional ``breakdown``,
``n_persons``, ``note``), UTF-8, comma-separated, dot decimals. A row has a value or an
absence (not_published, suppressed, not_applicable, missing), never both; a missing figure
is never written as 0. The full description for data managers is docs/importing.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from udsat.domain.limits import TEXT_LIMITS
from udsat.ingest.imports import Importer, Options, Tables
from udsat.ingest.readers import UTF8, read_csv
from udsat.ingest.schemas import Column, Schema
from udsat.ingest.validate import COUNT_UNITS, Checker, is_share, records

COMBINATIONS = 20_000  # clean (area, indicator, period, source, absence, unit) remembered

SCHEMA = Schema(
    kind="tidy",
    separator=",",
    columns=(
        Column("area", "area name, alias or slug as in the catalogue"),
        Column("indicator", "catalogue indicator id, e.g. residents"),
        Column("period", "year, e.g. 2019, or 'unstated'"),
        Column("value", "dot-decimal number; blank when absence is given"),
        Column("unit", "the indicator's unit (pct, persons, ...)"),
        Column("source", "catalogue source id, e.g. lbf-beboerdata"),
        Column("absence", "blank, or not_published, suppressed, not_applicable, missing"),
        Column("breakdown", "blank for everyone, else a group slug", required=False),
        Column("n_persons", "persons behind the figure", required=False),
        Column("note", "free text", required=False),
    ),
)


def tidy_tables(path: Path, checker: Checker, options: Options) -> Tables:
    return {"observations": _observations(path, checker)}


def _observations(path: Path, checker: Checker) -> Iterator[tuple]:
    table = read_csv(path, encodings=(UTF8,))
    checker.notes.extend(table.notes)
    file = table.file
    # A million rows repeat a few thousand combinations of these six cells: a combination
    # found clean once is clean again (the unit check's memory of each indicator's first
    # unit only ever refuses a combination, never clears one), so it is checked once.
    clean: dict[tuple[str, ...], tuple] = {}
    for row, cells in records(table, SCHEMA, checker):
        before = checker.problem_count
        texts = (cells["area"], cells["indicator"], cells["period"], cells["source"],
                 cells["absence"], cells["unit"])
        known = clean.get(texts)
        if known is not None:
            area, indicator, period, source, absence = known
            unit_ok = True
        else:
            area = checker.area(file, row, "area", texts[0])
            indicator = checker.indicator(file, row, "indicator", texts[1])
            period = checker.period(file, row, "period", texts[2])
            source = checker.source(file, row, "source", texts[3])
            absence = checker.absence(file, row, "absence", texts[4])
            unit_ok = indicator is not None and checker.unit(file, row, "unit", texts[5],
                                                             indicator)
            if checker.problem_count == before and unit_ok and len(clean) < COMBINATIONS \
                    and None not in (area, period, source, absence):
                clean[texts] = (area, indicator, period, source, absence)
        value = None
        if cells["value"].strip() and absence:
            checker.problem(file, row, "absence", "give a value or an absence, not both")
        elif not cells["value"].strip() and not absence:
            checker.problem(file, row, "value", "is empty; give a value or an absence "
                            "(a missing figure is never 0)")
        elif cells["value"].strip():
            value = checker.number(file, row, "value", cells["value"],
                                   whole=unit_ok and indicator.unit in COUNT_UNITS)
            if value is not None and unit_ok:
                checker.in_unit(file, row, "value", value, indicator.unit,
                                 is_share(indicator))
        n_persons = None
        if cells.get("n_persons", "").strip():
            count = checker.number(file, row, "n_persons", cells["n_persons"], whole=True)
            if count is not None and checker.in_unit(file, row, "n_persons", count, "persons"):
                n_persons = int(count)
        limits = TEXT_LIMITS["observations"]
        breakdown = checker.text(file, row, "breakdown", cells.get("breakdown", ""),
                                 limits["breakdown"].max_length)
        note = checker.text(file, row, "note", cells.get("note", ""), limits["note"].max_length)
        if None in (area, indicator, period, source) or checker.problem_count > before:
            continue
        checker.unique(row, (area, indicator.id, period, breakdown))
        yield (area, indicator.id, period, breakdown, value, absence or "", indicator.unit,
               source, n_persons, note)
    checker.finish(file, "area, indicator, period and breakdown")


TIDY = Importer("tidy", "tidy CSV: area,indicator,period,value,unit,source,absence", SCHEMA,
                tidy_tables)
