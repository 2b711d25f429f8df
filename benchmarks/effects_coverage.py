"""Coverage of the effect estimators over seeds, on small synthetic populations with a
planted effect and without one (issue 18, point 5; the figures in docs/effects.md).

    .venv/bin/python benchmarks/effects_coverage.py [--seeds 25] [--size -10] [--work DIR]

Per seed: `udsat synth` of a small Denmark (analytics/effects/small_population.py: 4 treated
areas and 14 comparison areas of 250 residents, 2015-2021, treatment from 2019), once as
drawn (null) and once with SIZE percentage points planted on the outside-work-and-education
share of the treated areas from 2019 (analytics/planting.py: the same population, then
planted). `udsat effects` on both. Prints, for the event study (one estimate per seed) and
the synthetic controls (one per treated area and seed): the share of intervals that
cover the truth (and their nominal level) (SIZE, and 0 for the null), the mean estimate, the mean interval width,
and for the event study the share of seeds whose pre-trend test rejects at 5 %.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from udsat.analytics.effects.design import load_design
from udsat.analytics.effects.run import compute_effects
from udsat.analytics.effects.small_population import small_design, small_targets
from udsat.analytics.planting import PlantedEffect, plant
from udsat.analytics.synthetic import synthesize
from udsat.domain.catalogue import default_catalogue

PERSONS, TREATED, COMPARISON, RESIDENTS = 10_000, 4, 14, 250
FIRST, LAST, START = 2015, 2021, 2019
OUTCOME = "outside_work_edu_pct"


def one_seed(seed: int, size: float, work: Path) -> dict[str, list[dict]]:
    catalogue = default_catalogue()
    targets = small_targets(catalogue, TREATED, COMPARISON, RESIDENTS, seed)
    treated = tuple(t.slug for t in targets[:TREATED])
    design = replace(small_design(load_design(catalogue), list(treated), 200),
                     outcomes=(OUTCOME,), cohort_outcomes=())
    null = work / f"null-{seed}"
    synthesize(null, PERSONS, FIRST, LAST, seed, catalogue, targets=targets)
    planted = work / f"planted-{seed}"
    shutil.copytree(null, planted)
    plant(planted / "person_years", [PlantedEffect(OUTCOME, size, START, treated)], seed)
    out = {}
    for label, folder in (("null", null), ("planted", planted)):
        tables = compute_effects(folder, work / f"effects-{label}-{seed}", catalogue,
                                 design=design)
        out[label] = [r for r in tables.estimates if r["status"] == "published"]
    shutil.rmtree(null)
    shutil.rmtree(planted)
    return out


def summary(rows: list[dict], truth: float) -> dict[str, float]:
    covered = [r["low"] <= truth <= r["high"] for r in rows]
    return {"estimates": len(rows), "coverage": sum(covered) / len(rows),
            "nominal_level": statistics.mean(r["interval_level"] for r in rows),
            "mean_estimate": statistics.mean(r["estimate"] for r in rows),
            "mean_width": statistics.mean(r["high"] - r["low"] for r in rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=25)
    parser.add_argument("--size", type=float, default=-10.0)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="effects-coverage-", dir=args.work))
    started = time.perf_counter()
    collected: dict[tuple[str, str], list[dict]] = {}
    try:
        for seed in range(1, args.seeds + 1):
            for label, rows in one_seed(seed, args.size, work).items():
                for row in rows:
                    collected.setdefault((label, row["method"]), []).append(row)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = {"seeds": args.seeds, "planted_size_pp": args.size,
              "population": {"persons": PERSONS, "treated_areas": TREATED,
                             "comparison_areas": COMPARISON, "residents_per_area": RESIDENTS,
                             "years": [FIRST, LAST], "first_treated_year": START},
              "seconds": round(time.perf_counter() - started, 1), "results": {}}
    print(f"{args.seeds} seeds, planted {args.size:+g} pp from {START} on {TREATED} areas; "
          f"{COMPARISON} comparison areas of {RESIDENTS} residents, {FIRST}-{LAST}")
    print("| estimator | truth | estimates | coverage | nominal level | mean estimate | mean width |")
    print("|---|---|---|---|---|---|---|")
    for (label, method), rows in sorted(collected.items()):
        truth = args.size if label == "planted" else 0.0
        s = summary(rows, truth)
        if method == "event_study":
            s["pretrend_rejects_5pct"] = sum(
                r["pretrend_p"] is not None and r["pretrend_p"] < 0.05 for r in rows) / len(rows)
        result["results"][f"{label}/{method}"] = s
        print(f"| {method} | {truth:+g} ({label}) | {s['estimates']} | {s['coverage']:.0%} | "
              f"{s['nominal_level']:.0%} | "
              f"{s['mean_estimate']:+.2f} | {s['mean_width']:.2f} |")
    for key, s in result["results"].items():
        if "pretrend_rejects_5pct" in s:
            print(f"{key}: pre-trend test rejects at 5 % in {s['pretrend_rejects_5pct']:.0%}")
    print(f"{result['seconds']} s")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
