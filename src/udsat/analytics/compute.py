"""``udsat compute``: microdata in, a disclosure-controlled bundle out.

Passes over the Parquet: (0) the contract from the footers (no rows read); (1) the statutory
criterion counts: residents of areas (only their row groups, with the recommended layout),
and the few columns the regional income and the national conviction share need of everyone;
(2) level-1 catalogue counts by year, area and municipality in one scan, rolled up to
regions and the country, which also counts text values outside the contract; (3) the
residence tracks of everyone who ever lived in an area (a semi-join, then one window sort
over that part of the rows); everything else (levels 2-4, decomposition, survey) reads the
in-memory tracks. Then the disclosure gate and the bundle (analytics/export.py).
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from udsat.analytics.areas import area_regions, collect_level1, criterion_tables, status_rows
from udsat.analytics.cells import Collection
from udsat.analytics.db import Database
from udsat.analytics.export import area_rows, write_bundle
from udsat.analytics.flows import collect_moves, collect_waterbed
from udsat.analytics.indicators import measures_sql, predicate_indicators
from udsat.analytics.outcomes import GROUP_INDICATORS, collect_decomposition, collect_groups
from udsat.analytics.survey import collect_survey
from udsat.domain.catalogue import Catalogue, default_catalogue
from udsat.domain.criteria import rule_versions
from udsat.domain.disclosure import DisclosureError, GateReport, Policy
from udsat.domain.disclosure_rules import load_rules
from udsat.ingest.microdata import (
    REHOUSING,
    SURVEY,
    allowed_text_values,
    person_year_files,
    read_area_names,
    validate_microdata,
)
from udsat.ingest.problems import Problem, ProblemsFound

BASE_YEAR = 2018  # the list on which the 15 evaluated areas were hårde ghettoområder


@dataclass
class Computed:
    """Everything computed before the disclosure gate (tests read it directly)."""

    collection: Collection
    classified: dict
    survey: list
    tables: object
    person_years: int
    area_names: dict
    phases: dict = field(default_factory=dict)  # seconds per phase, for the benchmark


@dataclass(frozen=True)
class ComputeResult:
    rows: int
    cells: int
    suppressed: int
    statuses: int
    bundle: Path
    phases: dict = field(default_factory=dict)


def compute_bundle(
    microdata: Path, out: Path, catalogue: Catalogue | None = None,
    policy: Policy | None = None, base_year: int = BASE_YEAR, memory_limit: str = "4GB",
    threads: int = 2, check_values: bool = True,
) -> ComputeResult:
    catalogue = catalogue or default_catalogue()
    policy = policy or Policy()
    computed = compute(microdata, catalogue, base_year, memory_limit, threads, check_values)
    collection, classified = computed.collection, computed.classified
    statuses = status_rows(classified)
    used = {k[1] for k in collection.cells if k[0] == "observations"} | {r[0] for r in statuses}
    synthetic = _is_synthetic(Path(microdata))
    started = time.perf_counter()
    report = GateReport()
    manifest, suppressed = write_bundle(
        out, collection, statuses, area_rows(computed.area_names, used), computed.survey,
        catalogue, policy, dataset="synthetic" if synthetic else "registers",
        synthetic=synthetic, rule_versions=[v.name for v in rule_versions()],
        producer="udsat compute", report=report, created_at=input_time(Path(microdata)),
    )
    gate_seconds = sum(report.seconds.values())
    computed.phases["disclosure_and_write"] = round(time.perf_counter() - started, 2)
    computed.phases["disclosure_gate"] = round(gate_seconds, 2)
    computed.phases["disclosure_tables"] = {
        table: {"seconds": report.seconds.get(table, 0.0),
                "primary": report.primary.get(table, 0),
                "secondary": report.secondary.get(table, 0)}
        for table in sorted({*report.seconds, *report.primary, *report.secondary})}
    computed.phases["disclosure_reasons"] = dict(sorted(report.reasons.items()))
    return ComputeResult(computed.person_years, len(collection.cells), suppressed,
                         len(statuses), Path(out), computed.phases)


def compute(
    microdata: Path, catalogue: Catalogue, base_year: int = BASE_YEAR,
    memory_limit: str = "4GB", threads: int = 2, check_values: bool = True,
) -> Computed:
    """Validate the microdata and compute every cell of levels 1-4 (before disclosure)."""
    microdata = Path(microdata)
    phases: dict[str, float] = {}
    clock = [time.perf_counter()]

    def lap(name: str) -> None:
        now = time.perf_counter()
        phases[name] = round(now - clock[0], 2)
        clock[0] = now

    problems = validate_microdata(microdata, catalogue, check_values=check_values,
                                  text_values=False)
    lap("validate")
    if problems:
        raise ProblemsFound(problems)
    names, _ = read_area_names(microdata)
    area_region = area_regions(microdata, catalogue, names)
    evaluated = {a.slug for a in catalogue.geography.evaluated_areas}

    db = Database(memory_limit=memory_limit, threads=threads)
    try:
        db.attach_parquet("person_years", person_year_files(microdata))
        _attach_optional(db, microdata)
        level1 = predicate_indicators(catalogue)
        groups = predicate_indicators(catalogue, GROUP_INDICATORS)
        allowed = {k: list(v) for k, v in allowed_text_values(catalogue, microdata).items()}
        tables = criterion_tables(db, area_region)
        lap("criterion_counts")
        rows = db.dicts("area_year_counts", allowed, catalogue_measures=measures_sql(level1))
        lap("level1_scan")
        if check_values and _has_invalid_text(rows):
            # The scan found a text value outside the contract: name its file and row.
            raise ProblemsFound(validate_microdata(microdata, catalogue) or [Problem(
                str(microdata), None, None, "text values outside the microdata contract")])
        collection = Collection()
        geography = catalogue.geography
        classified = collect_level1(
            collection, rows, tables, level1,
            {m.code: m.region_code for m in geography.municipalities},
            {**{a.slug: a.municipality_code for a in geography.areas},
             **{slug: code for slug, (_, code) in names.items()}})
        lap("level1_measures_and_classification")
        db.execute("tracks", {"base_year": base_year})
        lap("tracks")
        collect_groups(collection, db.dicts("resident_groups", {"base_year": base_year},
                                            catalogue_measures=measures_sql(groups)), groups)
        collect_decomposition(collection, db.dicts("decomposition"))
        collect_moves(collection, db.dicts("moves"), classified)
        collect_waterbed(collection, db.dicts(
            "waterbed", {"base_year": base_year, "evaluated": sorted(evaluated)}), evaluated)
        survey = collect_survey(collection, db.dicts("survey_estimates", {"base_year": base_year}))
        person_years = sum(int(r["residents"]) for r in rows if r["place_level"] == "country")
        lap("levels_2_to_4")
    finally:
        db.close()
    return Computed(collection, classified, survey, tables, person_years, names, phases)


def compute_cli(microdata: Path, out: Path, min_persons: int, memory_limit: str,
                override_min_persons: bool = False) -> str:
    rules = load_rules()
    if min_persons < 1:
        raise ProblemsFound([Problem("--min-persons", None, None, "must be at least 1")])
    if min_persons < rules.floor and not override_min_persons:
        raise ProblemsFound([Problem("--min-persons", None, None, (
            f"{min_persons} is below the disclosure floor of {rules.floor} persons "
            "(catalogue/disclosure.toml); pass --override-min-persons to do it anyway "
            "(logged in the bundle's manifest)"))])
    if min_persons < rules.floor:
        print(f"WARNING: disclosure minimum overridden: {min_persons} persons, below the "
              f"floor of {rules.floor}; the manifest records the override", file=sys.stderr)
    policy = Policy(min_persons=min_persons, rules=rules, override=min_persons < rules.floor)
    try:
        result = compute_bundle(microdata, out, policy=policy, memory_limit=memory_limit)
    except DisclosureError as exc:
        raise ProblemsFound([Problem(str(out), None, None, f"disclosure gate: {exc}")]) from exc
    return (f"bundle written to {out}: {result.rows} person-years, {result.cells} cells "
            f"({result.suppressed} suppressed), {result.statuses} status rows")


def input_time(microdata: Path) -> str:
    """The bundle's creation time: SOURCE_DATE_EPOCH when set (reproducible builds), else
    the newest modification time of the input files, so the same input gives the same
    bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        files = [*person_year_files(microdata), *sorted(microdata.glob("*.csv")),
                 *sorted(microdata.glob("*.parquet"))]
        epoch = str(max((int(f.stat().st_mtime) for f in files), default=0))
    moment = datetime.fromtimestamp(int(epoch), tz=UTC)
    return moment.isoformat()


def _has_invalid_text(rows: list[dict]) -> bool:
    """Whether the level-1 scan counted any text value outside the contract."""
    return any(int(row[k] or 0) for row in rows if row["place_level"] == "country"
               for k in row if k.startswith("invalid_"))


def _is_synthetic(microdata: Path) -> bool:
    return (microdata / "synthetic.json").is_file()


def _attach_optional(db: Database, microdata: Path) -> None:
    if (microdata / REHOUSING).is_file():
        db.attach_parquet("rehousing_events", [microdata / REHOUSING])
    else:
        db.attach_empty("rehousing_events", {"person_id": "BIGINT", "date": "DATE",
                                             "from_area": "VARCHAR", "reason": "VARCHAR"})
    if (microdata / SURVEY).is_file():
        db.attach_parquet("survey_responses", [microdata / SURVEY])
    else:
        db.attach_empty("survey_responses", {
            "person_id": "BIGINT", "year": "BIGINT", "wellbeing": "DOUBLE", "safety": "DOUBLE",
            "life_mastery": "DOUBLE", "weight": "DOUBLE"})

