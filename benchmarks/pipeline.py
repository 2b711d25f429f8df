"""Benchmark of the analytics pipeline: synth and compute, against two baselines run beside it.

    .venv/bin/python benchmarks/pipeline.py --scale full|medium|small|small_areas [--work DIR]

Prints, for synth and compute: wall time, peak RSS and rows per second; the ratio of compute
to one bare DuckDB scan-and-aggregate over the same Parquet (our distance to the engine's
limit); and the ratio of a straightforward pandas implementation of the criterion measures
to compute, and to our criterion measures alone, on the largest data pandas fits in memory
(PANDAS_MAX_PERSONS: all of it here). Each step runs in its own process so its peak RSS is
its own (os.wait4). Also the disclosure gate's share of compute, its time and suppressions
per table (issue 13: at most 30 % of compute at full scale); ``small_areas`` is a population
of 40,000 persons in areas of 40-150 residents, the gate's hardest case.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SCALES = {"full": 6_000_000, "medium": 1_000_000, "small": 100_000, "small_areas": 40_000}
AREA_RESIDENTS = {"small_areas": (40, 150)}
YEARS = "2010-2024"
# pandas holds every column of every row in memory: full scale (6 M persons x 15 years,
# 90 M rows) peaked at 14.3 GB of this machine's 24 GB, so it runs on the same data as
# compute. On a smaller machine, lower this: pandas then runs on the first files only.
PANDAS_MAX_PERSONS = 6_000_000
CHUNK = 200_000  # persons per Parquet file (analytics.synthetic.CHUNK_PERSONS)


def run(label: str, code: str) -> dict:
    """Run Python code in a child process; return wall time, peak RSS and its JSON output."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    output = child.stdout.read() if child.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{label} failed:\n{output}")
    lines = [line for line in output.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {}
    result.update(wall_s=round(wall, 2), peak_rss_gb=round(usage.ru_maxrss / 1024**2, 2))
    return result


SYNTH = """
import json
from pathlib import Path
from udsat.analytics.synthetic import synthesize
from udsat.domain.catalogue import default_catalogue
r = synthesize(Path({out!r}), {persons}, 2010, 2024, 1, default_catalogue(),
               area_residents={sizes!r})
print(json.dumps({{"rows": r.rows}}))
"""

COMPUTE = """
import json
from pathlib import Path
from udsat.analytics.compute import compute_bundle
r = compute_bundle(Path({microdata!r}), Path({out!r}), memory_limit="5GB")
print(json.dumps({{"rows": r.rows, "cells": r.cells, "suppressed": r.suppressed,
                  "phases": r.phases}}))
"""

SCAN = """
import json
from pathlib import Path
from udsat.analytics.db import Database
from udsat.ingest.microdata import person_year_files
db = Database(memory_limit="5GB")
db.attach_parquet("person_years", person_year_files(Path({microdata!r})))
columns, rows = db.rows("scan_aggregate")
print(json.dumps({{"rows": sum(r[2] for r in rows)}}))
"""

# Our criterion measures alone (compute's criterion_counts phase: residents of areas, and
# the income and conviction columns of everyone; then every rule version's measures and the
# classification of every area-year): the like-for-like counterpart of the pandas baseline.
CRITERIA = """
import json
from pathlib import Path
from udsat.analytics.areas import area_regions, criterion_tables
from udsat.analytics.criteria import classify_areas
from udsat.analytics.db import Database
from udsat.domain.catalogue import default_catalogue
from udsat.ingest.microdata import person_year_files
microdata = Path({microdata!r})
db = Database(memory_limit="5GB")
db.attach_parquet("person_years", person_year_files(microdata))
tables = criterion_tables(db, area_regions(microdata, default_catalogue()))
results = classify_areas(tables)
total = sum(c.residents for c in tables.areas.values())
print(json.dumps({{"rows": db.connection.execute("SELECT count(*) FROM person_years").fetchone()[0],
                  "area_residents": total, "classified": len(results)}}))
"""

# The criterion measures (2018 rules) the straightforward way: load, filter, groupby.
PANDAS = """
import json
from pathlib import Path
import pandas as pd
files = sorted(Path({microdata!r}).glob("person_years/*.parquet"))
df = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
df["nonwestern"] = df["origin"].isin(["nonwestern_immigrant", "nonwestern_descendant"])
a1864 = df["age"].between(18, 64)
df["u1864"] = a1864
df["outside"] = a1864 & (df["labour_status"] != "employed") & ~df["in_education"]
df["adult"] = df["age"] >= 18
df["conv"] = df["adult"] & df["convicted"]
a3059 = df["age"].between(30, 59) & (df["education_level"] != "unknown") & df["education_danish"].fillna(False).astype(bool)
df["u3059"] = a3059
df["basic"] = a3059 & df["education_level"].isin(["none", "basic"])
inc = df["age"].between(15, 64) & df["taxpayer"] & ~df["student"]
df["uinc"] = inc
df["inc"] = df["gross_income"].where(inc, 0.0)
cols = ["nonwestern", "u1864", "outside", "adult", "conv", "u3059", "basic", "uinc", "inc"]
areas = df[df["area"].notna()].groupby(["area", "year"], observed=True)[cols].sum()
areas["residents"] = df[df["area"].notna()].groupby(["area", "year"], observed=True).size()
region = df.groupby(["region", "year"])[["uinc", "inc"]].sum()
national = df.groupby("year")[["adult", "conv"]].sum()
out = pd.DataFrame(index=areas.index)
out["nonwestern_pct"] = 100 * areas["nonwestern"] / areas["residents"]
out["outside_work_edu_pct"] = (100 * areas["outside"] / areas["u1864"]).groupby(level=0).transform(lambda s: s.rolling(2).mean())
out["convicted_pct"] = (100 * areas["conv"] / areas["adult"]).groupby(level=0).transform(lambda s: s.rolling(2).mean())
out["basic_edu_pct"] = 100 * areas["basic"] / areas["u3059"]
print(json.dumps({{"rows": len(df), "area_years": len(out), "regions": len(region), "years": len(national)}}))
"""


def subset(microdata: Path, target: Path, persons: int) -> Path:
    """A microdata directory with the first files holding about ``persons`` persons."""
    shutil.rmtree(target, ignore_errors=True)
    (target / "person_years").mkdir(parents=True)
    files = sorted((microdata / "person_years").glob("*.parquet"))[: max(1, persons // CHUNK)]
    for f in files:
        (target / "person_years" / f.name).symlink_to(f.resolve())
    for name in ("areas.csv", "synthetic.json", "rehousing_events.parquet",
                 "survey_responses.parquet"):
        if (microdata / name).exists():
            (target / name).symlink_to((microdata / name).resolve())
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=SCALES, default="small")
    parser.add_argument("--work", type=Path, default=Path("var/bench"))
    parser.add_argument("--reuse", action="store_true", help="reuse existing synthetic data")
    args = parser.parse_args()
    persons = SCALES[args.scale]
    work = args.work / args.scale
    microdata, bundle = work / "microdata", work / "bundle"
    report: dict[str, object] = {"scale": args.scale, "persons": persons, "years": YEARS,
                                 "cpus": os.cpu_count()}
    if not (args.reuse and microdata.exists()):
        shutil.rmtree(microdata, ignore_errors=True)
        report["synth"] = run("synth", SYNTH.format(out=str(microdata), persons=persons,
                                                    sizes=AREA_RESIDENTS.get(args.scale)))
    report["scan"] = run("scan", SCAN.format(microdata=str(microdata)))
    report["compute"] = run("compute", COMPUTE.format(microdata=str(microdata), out=str(bundle)))
    for step in ("synth", "compute", "scan"):
        if step in report:
            r = report[step]
            r["rows_per_s"] = round(r["rows"] / r["wall_s"])
    report["compute_to_scan"] = round(report["compute"]["wall_s"] / report["scan"]["wall_s"], 1)
    phases = report["compute"]["phases"]
    report["disclosure_share_of_compute"] = round(
        phases["disclosure_gate"] / report["compute"]["wall_s"], 3)
    report["disclosure_tables"] = phases["disclosure_tables"]
    pandas_persons = min(persons, PANDAS_MAX_PERSONS)
    small = microdata if pandas_persons == persons else subset(
        microdata, work / "pandas-subset", pandas_persons)
    same = report["compute"] if small == microdata else run(
        "compute on the pandas subset",
        COMPUTE.format(microdata=str(small), out=str(work / "bundle-subset")))
    report["compute_on_pandas_data"] = same
    # Ours before pandas, so that every step reads the Parquet from the page cache: pandas'
    # 14 GB push the files out of it, and a step after pandas would read them from disk.
    criteria = run("criteria", CRITERIA.format(microdata=str(small)))
    report["criteria_on_pandas_data"] = criteria
    try:
        report["pandas"] = run("pandas", PANDAS.format(microdata=str(small)))
        report["pandas_to_compute"] = round(report["pandas"]["wall_s"] / same["wall_s"], 1)
        report["pandas_to_criteria"] = round(report["pandas"]["wall_s"] / criteria["wall_s"], 1)
    except SystemExit as exc:  # pandas ran out of memory: report it, keep the rest
        report["pandas"] = {"failed": str(exc)[:200]}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
