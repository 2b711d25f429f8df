"""Level 1: catalogue indicators per area, municipality, region and country, and statuses.

Two queries feed it: ``criterion_counts`` (the statute's counts, for the classification and
the criterion indicators) and ``area_year_counts`` (the catalogue's predicate indicators at
every place level).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path

from udsat.analytics.cells import Collection
from udsat.analytics.criteria import CountTables, YearCounts, classify_areas
from udsat.analytics.db import Database
from udsat.analytics.identities import declare_level1
from udsat.analytics.indicators import figure
from udsat.domain.catalogue import Catalogue
from udsat.domain.classification import Classification
from udsat.domain.criteria import rule_versions
from udsat.domain.indicators import Indicator
from udsat.domain.statuses import official_term
from udsat.ingest.microdata import read_area_names
from udsat.ingest.problems import Problem, ProblemsFound

# The criterion indicators are published under the current rules (the latest version):
# one consistent series over all years; each year's statuses use the rules of that year.
CRITERION_INDICATORS = (
    "nonwestern_pct", "outside_work_edu_pct", "convicted_pct", "basic_edu_pct",
    "income_pct_of_region",
)


def count_tables(rows: Iterable[Mapping[str, object]], area_region: Mapping[str, int]
                 ) -> CountTables:
    areas, regions, country = {}, {}, {}
    for row in rows:
        counts = YearCounts.from_row(row)
        year = int(row["year"])
        level = row["place_level"]
        if level == "area" and row["area"] is not None:
            areas[(str(row["area"]), year)] = counts
        elif level == "region":
            regions[(int(row["region"]), year)] = counts
        elif level == "country":
            country[year] = counts
    return CountTables(areas, regions, country, area_region)


def area_regions(microdata: Path, catalogue: Catalogue,
                 names: Mapping[str, tuple[str, int]] | None = None) -> dict[str, int]:
    """The region of every area: catalogue areas, and those the microdata's areas.csv adds
    (``names``, when the caller has read it already)."""
    if names is None:
        names, _ = read_area_names(microdata)
    region_of = {m.code: m.region_code for m in catalogue.geography.municipalities}
    found = {a.slug: region_of[a.municipality_code] for a in catalogue.geography.areas}
    for slug, (_, municipality) in names.items():
        if municipality not in region_of:
            raise ProblemsFound([Problem(str(microdata / "areas.csv"), None,
                                         "municipality_code", f"unknown municipality {municipality}")])
        found[slug] = region_of[municipality]
    return found


def criterion_tables(db: Database, area_region: Mapping[str, int]) -> CountTables:
    """The statutory criterion counts of every area, region and year and of the country
    (sql/criterion_counts.sql), ready for each rule version's measures."""
    return count_tables(db.dicts("criterion_counts"), area_region)


def collect_level1(
    collection: Collection, rows: list[Mapping[str, object]], tables: CountTables,
    indicators: tuple[Indicator, ...], municipality_region: Mapping[int, int] | None = None,
    area_municipality: Mapping[str, int] | None = None,
) -> dict[tuple[str, int], Classification]:
    """Add level-1 cells and their identities (analytics/identities.py); return the
    classification of every area-year."""
    current = rule_versions()[-1]
    for row in rows:
        year = int(row["year"])
        level = row["place_level"]
        if level == "area":
            if row["area"] is None:
                continue
            area = str(row["area"])
            for ind in indicators:
                fig = figure(ind, row)
                collection.observation(area, ind.id, year, "", fig.value, fig.n_persons,
                                       top=fig.top, total=fig.total)
            measures = tables.measures(area, year, current)
            if measures is None:
                continue
            for indicator_id in CRITERION_INDICATORS:
                value = getattr(measures, indicator_id)
                persons = measures.base_persons.get(indicator_id)
                if value is not None and persons is not None:
                    collection.observation(area, indicator_id, year, "", value, persons,
                                           note=f"rules {current.name}")
        else:
            kind = str(level)  # municipality, region or country: bundle place kinds
            code = {"municipality": row["municipality"], "region": row["region"]}.get(kind, "DK")
            for ind in indicators:
                fig = figure(ind, row)
                collection.place(kind, str(code), ind.id, year, "", fig.value, fig.n_persons,
                                 top=fig.top, total=fig.total)
            residents = int(row["residents"] or 0)
            if residents:
                collection.place(kind, str(code), "nonwestern_pct", year, "",
                                 Decimal(int(row["nonwestern"] or 0)) * 100 / residents,
                                 residents)
            if kind == "country":
                value, persons = tables.national_convicted(year)
                if value is not None:
                    collection.place(kind, "DK", "national_convicted_pct", year, "", value,
                                     persons or 0)
    declare_level1(collection, indicators, municipality_region or {}, area_municipality or {})
    return classify_areas(tables)


def status_rows(results: Mapping[tuple[str, int], Classification]) -> list[tuple]:
    """Rows of the statuses table, origin 'computed': for every area-year that can be decided
    (no input missing), one row per list of the year, on it or not."""
    rows = []
    for (area, year), result in sorted(results.items()):
        if result.insufficient:
            continue
        met = "criteria met: " + ", ".join(result.criteria_met)
        for status, holds in sorted(result.outcome.items()):
            rows.append((area, year, status, official_term(status, year) or "",
                         result.rule_version, "computed", "", met,
                         "true" if holds else "false", "", ""))
    return rows
