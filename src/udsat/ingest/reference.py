"""Turn the packaged reference CSVs (real published figures) into a bundle for the web."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from udsat.domain.bundle import (
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    Manifest,
    now_utc,
    write_csv_table,
    write_manifest,
)
from udsat.domain.catalogue import Catalogue, default_catalogue
from udsat.domain.classification import classify
from udsat.domain.list_phrases import state_sentences
from udsat.domain.listing import ListRecord
from udsat.domain.observations import NOT_PUBLISHED, PERIOD_UNSTATED, parse_decimal
from udsat.domain.statuses import official_term
from udsat.ingest.problems import Problem, ProblemsFound
from udsat.ingest.published_lists import PCT_MEASURE, criteria_measures, read_list_record

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "catalogue" / "reference"

# The seed tables name indicators in words; the catalogue names them by id.
BEBOERDATA_INDICATORS = {
    "share of 15-17-year-olds with completed primary school not in education": (
        "youth_not_in_education_pct"
    ),
    "share of households that are single adults with children": "single_parent_households_pct",
}
CRITERIA_COLUMNS = {
    "residents": ("residents", "persons"),
    "nonwestern_pct": ("nonwestern_pct", "pct"),
    "outside_work_edu_pct": ("outside_work_edu_pct", "pct"),
    "convicted_pct_or_ratio": ("convicted_pct", "pct"),
    "basic_edu_pct": ("basic_edu_pct", "pct"),
    "income_pct_of_region": ("income_pct_of_region", "pct"),
}


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from enumerate(csv.DictReader(handle), start=2)


class _Collector:
    def __init__(self, catalogue: Catalogue) -> None:
        self.geography = catalogue.geography
        self.problems: list[Problem] = []

    def area_slug(self, file: str, line: int, name: str) -> str | None:
        area = self.geography.area(name)
        if area is None:
            hints = ", ".join(self.geography.suggest_areas(name)) or "none"
            self.problems.append(
                Problem(file, line, "area", f"unknown area {name!r}; closest: {hints}")
            )
            return None
        return area.slug

    def number(self, file: str, line: int, column: str, text: str) -> Decimal | None:
        try:
            return parse_decimal(text)
        except ValueError as exc:
            self.problems.append(Problem(file, line, column, str(exc)))
            return None


def reference_observations(directory: Path, collector: _Collector) -> list[tuple]:
    rows: dict[tuple[str, str, str], tuple] = {}
    file = "beboerdata_15_areas.csv"
    for line, row in _rows(directory / file):
        slug = collector.area_slug(file, line, row["area"])
        indicator = BEBOERDATA_INDICATORS.get(row["indicator"])
        if indicator is None:
            collector.problems.append(
                Problem(file, line, "indicator", f"unknown indicator {row['indicator']!r}")
            )
        if slug is None or indicator is None:
            continue
        value = row["value_pct"].strip()
        if value:
            number = collector.number(file, line, "value_pct", value)
            rows[(slug, indicator, PERIOD_UNSTATED)] = (
                slug, indicator, PERIOD_UNSTATED, "", number, "", "pct",
                "udsatteomraader-resultater", "", "",
            )
        else:
            rows[(slug, indicator, PERIOD_UNSTATED)] = (
                slug, indicator, PERIOD_UNSTATED, "", None, NOT_PUBLISHED, "pct",
                "udsatteomraader-resultater", "",
                f"published as {row['published_as'].strip()!r}: the source shows no figure",
            )
    file = "official_criteria_values.csv"
    for line, row in _rows(directory / file):
        slug = collector.area_slug(file, line, row["area"])
        if slug is None:
            continue
        for column, (indicator, unit) in CRITERIA_COLUMNS.items():
            text = row[column].strip()
            if not text:
                continue  # unknown: no observation at all, never a zero
            if column == "convicted_pct_or_ratio" and not row["convicted_measure"].startswith(
                PCT_MEASURE
            ):
                continue  # a ratio to the national average is not a share of residents
            number = collector.number(file, line, column, text)
            rows[(slug, indicator, row["year"])] = (
                slug, indicator, row["year"], "", number, "", unit, "news-and-official-notes", "",
                row["source_url"],
            )
    file = "kombineret_udlejning_2024.csv"
    for line, row in _rows(directory / file):
        slug = collector.area_slug(file, line, row["area"])
        if slug is None:
            continue
        for column, indicator, period, unit in (
            ("residents_1jan2024", "residents", "2024", "persons"),
            ("outside_labour_market_pct_2023", "outside_labour_market_pct", "2023", "pct"),
        ):
            if row[column].strip():
                number = collector.number(file, line, column, row[column])
                rows[(slug, indicator, period)] = (
                    slug, indicator, period, "", number, "", unit, "kombineret-udlejning", "",
                    row["source_url"],
                )
    return [rows[key] for key in sorted(rows)]


def reference_statuses(record: ListRecord, collector: _Collector) -> list[tuple]:
    """One row per area, year and list whose state the record gives (read, derived, implied or
    from a complete list), with the public sentence that says how it was reached."""
    rows = []
    for area in collector.geography.areas:
        for list_year in record.area_years(area.slug):
            year = list_year.year
            for code, state in sorted(list_year.states.items()):
                da, en = state_sentences(state, year, record.sizes.get((year, code)))
                rows.append((area.slug, year, code, official_term(code, year) or "", "",
                             state.origin, " | ".join(state.sources), "",
                             "true" if state.on_list else "false", da, en))
    return rows


def computed_statuses(directory: Path, record: ListRecord, collector: _Collector) -> list[tuple]:
    """Statuses the engine computes from the published criterion values (origin "computed").

    Only area-years with enough known measures (and history) to decide every status: one row
    per list of the year, on it or not.
    """
    rows = []
    file = "official_criteria_values.csv"
    for line, row in _rows(directory / file):
        slug = collector.area_slug(file, line, row["area"])
        measures, problems = criteria_measures(file, line, row)
        collector.problems.extend(problems)
        if slug is None or problems:
            continue
        year = int(row["year"])
        result = classify(year, measures, history=record.history(slug))
        if result.insufficient:
            continue
        for status, holds in sorted(result.outcome.items()):
            rows.append((slug, year, status, official_term(status, year) or "",
                         result.rule_version, "computed", row["source_url"], "",
                         "true" if holds else "false", "", ""))
    return rows


def _join(existing: str, new: str, sep: str = " | ") -> str:
    parts = [p for p in existing.split(sep) if p]
    for part in new.split(sep):
        if part and part not in parts:
            parts.append(part)
    return sep.join(parts)


def build_reference_bundle(
    out: Path, directory: Path = REFERENCE_DIR, catalogue: Catalogue | None = None
) -> Manifest:
    """Write the reference bundle to ``out``; raise ProblemsFound and write nothing on error."""
    collector = _Collector(catalogue or default_catalogue())
    observations = reference_observations(directory, collector)
    try:
        record = read_list_record(directory, collector.geography)
    except ProblemsFound as exc:
        raise ProblemsFound(collector.problems + exc.problems) from None
    statuses = reference_statuses(record, collector) + computed_statuses(directory, record,
                                                                         collector)
    if collector.problems:
        raise ProblemsFound(collector.problems)
    out.mkdir(parents=True, exist_ok=True)
    files = (
        write_csv_table(out, "observations", TABLE_COLUMNS["observations"], observations),
        write_csv_table(out, "statuses", TABLE_COLUMNS["statuses"], statuses),
    )
    manifest = Manifest(
        schema_version=SCHEMA_VERSION,
        name="reference",
        created_at=now_utc(),
        producer="udsat reference-bundle",
        files=files,
        dataset="reference",
        synthetic=False,
        rule_versions=tuple(sorted({row[4] for row in statuses if row[4]})),
        source_url="",
    )
    write_manifest(out, manifest)
    return manifest
