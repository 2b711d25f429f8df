"""Benchmark of `udsat import tidy`: a large tidy CSV, validated, bundled and loaded into SQLite.

    .venv/bin/python benchmarks/import_csv.py [--rows 100000,1000000] [--work DIR]

For each size: the baseline (one bare ``csv.reader`` pass over the same file, the floor for
any CSV import in Python), then the two steps of an import, each in its own process so its
peak RSS is its own (os.wait4): ingest (read, validate, write the bundle) and load (verify
the bundle and load it into a fresh SQLite database in one transaction). Prints wall time,
rows per second, peak RSS, and the ratio of each step to the baseline. Flat memory means the
peak RSS hardly grows from the smaller to the larger file.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Keys must be unique: 60 areas x 5 indicators x 25 years = 7,500 per breakdown, and as many
# breakdowns as the size needs (134 for a million rows).
INDICATORS = (("residents", "persons"), ("nonwestern_pct", "pct"),
              ("outside_work_edu_pct", "pct"), ("basic_edu_pct", "pct"),
              ("youth_not_in_education_pct", "pct"))
YEARS = range(2000, 2025)


def write_csv(path: Path, rows: int, revise_every: int = 0) -> None:
    """The tidy file; with ``revise_every`` n, every n-th figure is changed (a revised file)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from udsat.domain.catalogue import default_catalogue

    areas = [a.name for a in default_catalogue().geography.areas]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["area", "indicator", "period", "value", "unit", "source", "absence",
                         "breakdown"])
        count = 0
        for breakdown in itertools.count():
            for area in areas:
                for indicator, unit in INDICATORS:
                    for year in YEARS:
                        if count == rows:
                            return
                        absent = count % 17 == 0  # some typed absences, never a 0
                        figure = count % 5000 if unit == "persons" else count % 1000 / 10
                        if revise_every and count % revise_every == 1:
                            figure = figure + 1 if unit == "persons" else abs(figure - 0.5)
                        value = "" if absent else (str(figure) if unit == "persons"
                                                   else f"{figure:.1f}")
                        writer.writerow([area, indicator, year, value, unit, "statistikbanken",
                                         "suppressed" if absent else "", f"b{breakdown}"])
                        count += 1


BASELINE = """
import csv, json
n = 0
with open({path!r}, encoding="utf-8", newline="") as handle:
    for row in csv.reader(handle):
        n += 1
print(json.dumps({{"rows": n - 1}}))
"""

INGEST = """
import json
from pathlib import Path
from udsat.ingest.imports import run_import
from udsat.ingest.tidy import TIDY
r = run_import(TIDY, Path({path!r}), Path({out!r}))
assert r.ok, [str(p) for p in r.problems[:5]]
print(json.dumps({{"rows": r.rows["observations"]}}))
"""

LOAD = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "udsat.web.settings.dev"
import django
django.setup()
from pathlib import Path
from udsat.web.data.loading import load_bundle
r = load_bundle(Path({out!r}), loaded_by="benchmark")
c = r.counts
print(json.dumps({{"rows": c["observations_new"] + c["observations_revised"]
                  + c["observations_unchanged"], "revised": c["observations_revised"]}}))
"""


def run(label: str, code: str, env: dict[str, str]) -> dict:
    """Run Python code in a child process; return wall time, peak RSS and its JSON output."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                             env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    output = child.stdout.read() if child.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{label} failed:\n{output}")
    result = json.loads([line for line in output.splitlines() if line.startswith("{")][-1])
    result.update(label=label, wall_s=round(wall, 2), peak_rss_mb=round(usage.ru_maxrss / 1024))
    return result


def measure(rows: int, work: Path) -> list[dict]:
    work.mkdir(parents=True, exist_ok=True)
    path, out = work / "tidy.csv", work / "bundle"
    write_csv(path, rows)
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}"}
    (work / "bench.sqlite3").unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "django", "migrate", "-v0"], check=True,
                   env={**env, "DJANGO_SETTINGS_MODULE": "udsat.web.settings.dev"})
    baseline = run("baseline: csv.reader pass", BASELINE.format(path=str(path)), env)
    ingest = run("ingest: validate + bundle", INGEST.format(path=str(path), out=str(out)), env)
    load = run("load: SQLite, one transaction", LOAD.format(out=str(out)), env)
    total = {"label": "import = ingest + load", "rows": rows,
             "wall_s": round(ingest["wall_s"] + load["wall_s"], 2),
             "peak_rss_mb": max(ingest["peak_rss_mb"], load["peak_rss_mb"])}
    # A revised file (every 10th figure changed) against the loaded rows: look-ups, updates
    # and revision history, still in flat memory.
    write_csv(path, rows, revise_every=10)
    shutil.rmtree(out, ignore_errors=True)
    run("ingest (revised file)", INGEST.format(path=str(path), out=str(out)), env)
    reload = run("reload: revised file", LOAD.format(out=str(out)), env)
    results = [baseline, ingest, load, total, reload]
    for result in results:
        assert result["rows"] == rows, result
        result["rows_per_s"] = round(rows / result["wall_s"])
        result["x_baseline"] = round(result["wall_s"] / baseline["wall_s"], 1)
        result["file_mb"] = round(path.stat().st_size / 1e6)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="100000,1000000")
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="udsat-bench-import-"))
    print(f"{'rows':>9} {'step':<32} {'wall s':>7} {'rows/s':>9} {'x base':>7} {'peak MB':>8}")
    peaks = {}
    for rows in (int(r) for r in args.rows.split(",")):
        for r in measure(rows, work / str(rows)):
            print(f"{rows:>9,} {r['label']:<32} {r['wall_s']:>7} {r['rows_per_s']:>9,} "
                  f"{r['x_baseline']:>7} {r['peak_rss_mb']:>8}")
            peaks[rows] = r["peak_rss_mb"]
        if args.work is None:
            shutil.rmtree(work / str(rows), ignore_errors=True)
    if len(peaks) > 1:
        small, large = min(peaks), max(peaks)
        print(f"peak RSS {large:,} rows / {small:,} rows: "
              f"{peaks[large] / peaks[small]:.2f} (1.0 = flat)")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
