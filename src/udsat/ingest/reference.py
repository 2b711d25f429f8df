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
from udsat.domain.observations import NOT_PUBLISHED, PERIOD_UNSTATED, parse_decimal
from udsat.domain.statuses import official_term, ordered_terms, parse_published_status
from udsat.ingest.problems import Problem, ProblemsFound
from udsat.ingest.published_lists import PCT_MEASURE, criteria_measures, published_history

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


def reference_statuses(directory: Path, collector: _Collector) -> list[tuple]:
    """One row per area, year, status and origin; sources of the same fact are merged."""
    merged: dict[tuple[str, int, str, str], list] = {}
    for file, origin in (
        ("official_statuses.csv", "official"),
        ("official_statuses_derived.csv", "derived"),
    ):
        for line, row in _rows(directory / file):
            slug = collector.area_slug(file, line, row["area"])
            year = int(row["year"])
            try:
                published = parse_published_status(row["status"], year)
            except ValueError as exc:
                collector.problems.append(Problem(file, line, "status", str(exc)))
                continue
            if slug is None:
                continue
            note = " ".join(filter(None, (published.note, row.get("derivation", ""))))
            statuses = sorted(published.statuses) or [""]
            for status in statuses:
                term = ordered_terms({status}, year)[0] if status else ""
                key = (slug, year, status, origin)
                if key in merged:
                    entry = merged[key]
                    entry[6] = _join(entry[6], row["source_url"])
                    entry[7] = _join(entry[7], note, sep=" / ")
                else:
                    merged[key] = [slug, year, status, term, "", origin, row["source_url"], note]
    return [tuple(merged[key]) for key in sorted(merged)]


def computed_statuses(directory: Path, collector: _Collector) -> list[tuple]:
    """Statuses the engine computes from the published criterion values (origin "computed").

    Only area-years with enough known measures (and history) to decide every status; an
    area-year on no list gets one row with an empty status, as a published exit does.
    """
    history = published_history(directory, collector.geography)
    rows = []
    file = "official_criteria_values.csv"
    for line, row in _rows(directory / file):
        slug = collector.area_slug(file, line, row["area"])
        measures, problems = criteria_measures(file, line, row)
        collector.problems.extend(problems)
        if slug is None or problems:
            continue
        year = int(row["year"])
        result = classify(year, measures, history=history.for_area(slug))
        if result.insufficient:
            continue
        note = f"computed from the published criterion values under the {result.rule_version} rules"
        for status in sorted(result.statuses) or [""]:
            term = official_term(status, year) if status else ""
            rows.append((slug, year, status, term, result.rule_version, "computed",
                         row["source_url"], note))
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
    statuses = reference_statuses(directory, collector) + computed_statuses(directory, collector)
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
