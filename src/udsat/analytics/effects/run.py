"""``udsat effects``: microdata in, effect tables out (CSV, one file per table).

One DuckDB pass builds the area-year panel, one join counts movers from treated areas; the
comparison areas follow from catalogue/effects.toml; then per outcome the event study (all
treated areas together) and a synthetic control per treated area, each through the gate.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from udsat.analytics.db import Database
from udsat.analytics.effects import event_study, synthetic_control
from udsat.analytics.effects.cohort import cohort_cells, matched_outcome
from udsat.analytics.effects.comparison_groups import Candidate, choose, lists_ever_held
from udsat.analytics.effects.design import Design, load_design
from udsat.analytics.effects.panel import Panel, area_panel, spillover_movers
from udsat.analytics.effects.publication import (
    PUBLISHED,
    basis,
    publishable_areas,
    verdict,
)
from udsat.domain.catalogue import Catalogue, default_catalogue
from udsat.domain.disclosure import Policy
from udsat.ingest.microdata import PERSON_YEARS, person_year_files
from udsat.ingest.problems import Problem, ProblemsFound
from udsat.ingest.reference import REFERENCE_DIR

METHODS = {
    "event_study": "Sun & Abraham (2021), J. Econometrics 225(2): interaction-weighted "
                   "event study, never-treated comparison areas, SE clustered by area",
    "synthetic_control": "Abadie, Diamond & Hainmueller (2010), JASA 105(490); Abadie (2021), "
                         "JEL 59(2): per treated area, placebo-in-space inference",
}
COHORT = "cohort/"  # outcome prefix: base-year residents followed wherever they live
ESTIMATE_COLUMNS = ("outcome", "method", "area", "status", "reason", "estimate", "low", "high",
                    "interval_level", "p_value", "pretrend_p", "treated_areas", "comparison_areas",
                    "persons_base_year", "smallest_cell", "areas_behind")


@dataclass
class Tables:
    estimates: list[dict] = field(default_factory=list)
    event_study: list[dict] = field(default_factory=list)
    synthetic_control: list[dict] = field(default_factory=list)
    donor_weights: list[dict] = field(default_factory=list)
    comparison_areas: list[dict] = field(default_factory=list)
    caveats: list[dict] = field(default_factory=list)


def _r(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(float(value), digits)


def _estimate_row(outcome, method, area, b, status, reason, values=None) -> dict:
    row = {"outcome": outcome, "method": method, "area": area, "status": status,
           "reason": reason, "treated_areas": len(b.treated),
           "comparison_areas": len(b.comparison), "persons_base_year": b.persons_base_year,
           "smallest_cell": b.smallest_cell,
           "areas_behind": ";".join(b.treated + b.comparison)}
    if status == PUBLISHED and values:
        row.update({k: _r(v, 3 if k.endswith(("_p", "_value", "_level")) else 2)
                    for k, v in values.items()})
    return row


def estimate_outcome(tables: Tables, design: Design, outcome: str, data: pd.DataFrame,
                     comparison: list[str], policy: Policy) -> None:
    """Event study and synthetic controls for one outcome; rows appended to ``tables``."""
    ok = publishable_areas(data, policy, outcome.removeprefix(COHORT))
    treated = sorted(a for a in design.treated if a in ok)
    controls = sorted(a for a in comparison if a in ok)
    used = data[data["area"].isin(set(treated) | set(controls))]
    b = basis(data, treated, controls, design.base_year)
    status, reason = verdict(b, policy, design.min_comparison_areas)
    values = None
    if status == PUBLISHED:
        first = {a: design.first_treated_year(a) for a in treated}
        es = event_study.estimate(used[["area", "year", "y"]], first)
        values = {"estimate": es.att, "low": es.att_low, "high": es.att_high,
                  "interval_level": event_study.LEVEL, "pretrend_p": es.pretrend_p}
        tables.event_study += [{"outcome": outcome, "relative_year": c.relative_year,
                                "estimate": _r(c.estimate), "low": _r(c.low),
                                "high": _r(c.high), "treated_areas": c.treated_areas}
                               for c in es.coefficients]
    tables.estimates.append(_estimate_row(outcome, "event_study", "", b, status, reason, values))
    wide = used.pivot(index="year", columns="area", values="y").dropna(axis=1)
    for area in sorted(design.treated & set(data["area"])):
        _synthetic(tables, design, outcome, data, wide, area, controls, policy)


def _synthetic(tables, design, outcome, data, wide, area, controls, policy) -> None:
    first = design.first_treated_year(area)
    donors = [a for a in controls if a in wide.columns]
    if area in wide.columns and first is not None:
        pre = wide.index < first
        distance = (wide.loc[pre, donors].mean() - wide.loc[pre, area].mean()).abs()
        donors = list(distance.sort_values().index[: design.max_donors])
    b = basis(data, [area] if area in wide.columns else [], donors, design.base_year)
    status, reason = verdict(b, policy, design.min_donors)
    values = None
    if status == PUBLISHED:
        sc = synthetic_control.estimate(area, list(wide.index), wide[area].to_numpy(),
                                        donors, wide[donors].to_numpy(), first)
        values = {"estimate": sc.effect, "low": sc.low, "high": sc.high,
                  "interval_level": sc.level, "p_value": sc.p_value}
        for year, t, s, (lo, hi) in zip(sc.years, sc.treated, sc.synthetic, sc.placebo_band,
                                        strict=True):
            tables.synthetic_control.append({
                "outcome": outcome, "area": area, "year": year, "treated": _r(t),
                "synthetic": _r(s), "gap": _r(t - s), "placebo_low": _r(lo),
                "placebo_high": _r(hi)})
        tables.donor_weights += [{"outcome": outcome, "area": area, "donor": d,
                                  "weight": round(w, 3)} for d, w in sc.weights.items()]
    tables.estimates.append(
        _estimate_row(outcome, "synthetic_control", area, b, status, reason, values))


def caveats(tables: Tables, design: Design, outcome: str, data: pd.DataFrame,
            comparison: list[str], policy: Policy) -> None:
    """Shrinking denominators and the pre-period level gap (selection on bad values).
    A count below the disclosure minimum is not written (nor the ratio built on it)."""
    last = int(data["year"].max())
    base = data[data["year"] == design.base_year].set_index("area")
    final = data[data["year"] == last].set_index("area")
    reference = base.loc[base.index.isin(comparison), "y"].mean()
    for area in sorted(design.treated & set(base.index)):
        n0, n1 = int(base.at[area, "n"]), int(final.at[area, "n"]) if area in final.index else 0
        shown = n0 >= policy.min_persons and n1 >= policy.min_persons
        ratio = n1 / n0 if shown else None
        tables.caveats.append({
            "outcome": outcome, "area": area, "base_year": design.base_year,
            "persons_base_year": n0 if n0 >= policy.min_persons else None, "last_year": last,
            "persons_last_year": n1 if n1 >= policy.min_persons else None,
            "denominator_ratio": _r(ratio, 3),
            "shrinking_denominator": None if ratio is None
            else ratio < design.shrinking_denominator_share,
            "base_year_gap_to_comparison": _r(base.at[area, "y"] - reference)
            if shown and not np.isnan(reference) else None})


def _candidate_row(c: Candidate, policy: Policy) -> dict:
    """A candidate as published: counts below the minimum (residents, or the movers behind
    the spill-over share) are withheld; the status and its rule stay."""
    movers = round(c.spillover_share * c.base_residents)
    small = c.base_residents < policy.min_persons
    return {"area": c.area, "pools": ";".join(c.pools),
            "base_residents": None if small else c.base_residents,
            "spillover_share": None if small or 0 < movers < policy.min_persons
            else round(c.spillover_share, 4),
            "status": c.status, "reason": c.reason}


def effect_tables(panel: Panel, spill: pd.DataFrame, lists, design: Design,
                  policy: Policy, cohort: pd.DataFrame | None = None) -> Tables:
    tables = Tables()
    residents = panel.frame[["area", "year", "residents"]]
    candidates = choose(design, residents, lists, spill)
    tables.comparison_areas = [_candidate_row(c, policy) for c in candidates]
    comparison = [c.area for c in candidates if c.used]
    for outcome in design.outcomes:
        data = panel.outcome(outcome)
        estimate_outcome(tables, design, outcome, data, comparison, policy)
        caveats(tables, design, outcome, data, comparison, policy)
    for outcome in design.cohort_outcomes if cohort is not None else ():
        data = matched_outcome(cohort, outcome, design.treated, design.base_year)
        estimate_outcome(tables, design, f"{COHORT}{outcome}", data, comparison, policy)
    return tables


def _write(path: Path, rows: list[dict], columns: tuple[str, ...] | None = None) -> None:
    columns = columns or (tuple(rows[0]) if rows else ())
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def compute_effects(microdata: Path, out: Path, catalogue: Catalogue,
                    policy: Policy | None = None, design: Design | None = None) -> Tables:
    """Write the effect tables to ``out`` (staged beside it, renamed at the end)."""
    policy, design = policy or Policy(), design or load_design(catalogue)
    db = Database()
    try:
        db.attach_parquet("person_years", person_year_files(Path(microdata)))
        panel = area_panel(db, catalogue, design.outcomes)
        spill = spillover_movers(db, sorted(design.treated))
        cohort = (cohort_cells(db, catalogue, design.cohort_outcomes, design.base_year)
                  if design.cohort_outcomes else None)
    finally:
        db.close()
    tables = effect_tables(panel, spill, lists_ever_held(REFERENCE_DIR, catalogue.geography),
                           design, policy, cohort)
    final = Path(out)
    final.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
    try:
        _write(stage / "estimates.csv", tables.estimates, ESTIMATE_COLUMNS)
        for name in ("event_study", "synthetic_control", "donor_weights", "comparison_areas",
                     "caveats"):
            _write(stage / f"{name}.csv", getattr(tables, name))
        manifest = {"synthetic": (Path(microdata) / "synthetic.json").is_file(),
                    "policy": policy.as_manifest(), "design": "catalogue/effects.toml",
                    "methods": METHODS}
        (stage / "effects.json").write_text(json.dumps(manifest, indent=2) + "\n",
                                            encoding="utf-8")
        if final.exists():
            final.rmdir()  # an empty directory (checked by the caller)
        stage.rename(final)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return tables


def compute_effects_cli(microdata: Path, out: Path, min_persons: int) -> str:
    """Check the arguments, estimate, and say what was written."""
    problems = []
    if min_persons < 1:
        problems.append(Problem("--min-persons", None, None, "must be at least 1"))
    if not person_year_files(Path(microdata)):
        problems.append(Problem(str(microdata), None, None,
                                f"has no {PERSON_YEARS}/*.parquet (docs/microdata.md)"))
    if Path(out).exists() and any(Path(out).iterdir()):
        problems.append(Problem(str(out), None, None,
                                "exists and is not empty; choose a new directory"))
    if problems:
        raise ProblemsFound(problems)
    tables = compute_effects(microdata, out, default_catalogue(), Policy(min_persons))
    published = sum(r["status"] == PUBLISHED for r in tables.estimates)
    return (f"effects written to {out}: {published} of {len(tables.estimates)} estimates "
            f"published, {sum(r['status'] != 'dropped' for r in tables.comparison_areas)} "
            "comparison areas")
