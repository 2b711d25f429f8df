"""A release's bulk download streams with flat memory: peak RSS and time of streaming the zip,
as ratios to writing the same bytes with ``shutil.copyfileobj``.

Builds a throw-away SQLite database (migrate, the packaged reference bundle, a synthetic bundle
computed from ``--persons`` synthetic persons, or ``--bundle``), then in a fresh process streams
``/api/v1/releases/<id>/bulk.zip`` of the synthetic release through Django's full middleware
stack (the test client, no network) into a file, and in another fresh process copies that file
with ``shutil.copyfileobj``. Each process reports its peak RSS above what it held before the
work began (VmHWM after resetting it), so the ratio shows what streaming costs beyond a plain copy.

    .venv/bin/python benchmarks/api_bulk.py --persons 20000
    .venv/bin/python benchmarks/api_bulk.py --bundle var/bundles/synthetic   # full scale

Target: the stream's peak RSS growth stays within 100 MB whatever the release's size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_GROWTH_MB = 100.0


def _status_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process from /proc (Linux), in MB. Not
    ru_maxrss: Linux carries that over execve, so a child would report its parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def _reset_peak() -> float:
    """Reset the peak RSS to the current RSS (Linux >= 4.0) and return the current RSS."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status_mb("VmRSS")


def _peak_mb() -> float:
    return _status_mb("VmHWM")


def _django(var_dir: Path) -> None:
    os.environ["UDSAT_VAR_DIR"] = str(var_dir)
    (var_dir / "static").mkdir(exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "udsat.web.settings.dev"
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]


def _build(var_dir: Path, work: Path, persons: int, bundle: Path | None) -> int:
    """The database with the reference and a synthetic release; returns the latter's id."""
    _django(var_dir)
    from django.core.management import call_command

    from udsat.ingest.reference import build_reference_bundle
    from udsat.web.data.loading import load_bundle

    call_command("migrate", verbosity=0, interactive=False)
    reference = work / "reference"
    reference.mkdir()
    build_reference_bundle(reference)
    load_bundle(reference, loaded_by="benchmark")
    if bundle is None:
        from udsat.analytics.compute import compute_bundle
        from udsat.analytics.synthetic import synthesize
        from udsat.domain.catalogue import default_catalogue

        synthesize(work / "microdata", persons, 2010, 2024, seed=1, catalogue=default_catalogue())
        bundle = work / "synthetic"
        compute_bundle(work / "microdata", bundle)
    report = load_bundle(bundle, loaded_by="benchmark")
    print(f"loaded {bundle.name}: {report.summary()}")
    return report.batch_id


def _stream(var_dir: Path, release: int, out: Path) -> None:
    """Child process: stream the zip into ``out``; print seconds and peak RSS growth."""
    _django(var_dir)
    from django.test import Client

    client = Client()
    client.get("/api/v1/releases/")  # warm: URLconf, DRF, the first query
    import pyarrow as pa

    pa.array([0])  # pyarrow imports pandas on first use where it is installed (once a process)
    before = _reset_peak()
    start = time.perf_counter()
    response = client.get(f"/api/v1/releases/{release}/bulk.zip")
    assert response.status_code == 200 and response.streaming, response.status_code
    with out.open("wb") as handle:
        for chunk in response.streaming_content:
            handle.write(chunk)
    print(f"{time.perf_counter() - start:.3f} {_peak_mb() - before:.1f} {_peak_mb():.1f}")


def _copy(source: Path, out: Path) -> None:
    """Child process: the same bytes with shutil.copyfileobj."""
    before = _reset_peak()
    start = time.perf_counter()
    with source.open("rb") as src, out.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    print(f"{time.perf_counter() - start:.3f} {_peak_mb() - before:.1f} {_peak_mb():.1f}")


def _child(*args: str) -> tuple[float, float, float]:
    done = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True,
                          text=True)
    seconds, growth, peak = done.stdout.split()[-3:]
    return float(seconds), float(growth), float(peak)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=20000, help="synthetic population size")
    parser.add_argument("--bundle", type=Path, help="a computed bundle to load instead")
    parser.add_argument("--stream", nargs=3, metavar=("VAR", "RELEASE", "OUT"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--copy", nargs=2, metavar=("SOURCE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stream:
        _stream(Path(args.stream[0]), int(args.stream[1]), Path(args.stream[2]))
        return 0
    if args.copy:
        _copy(Path(args.copy[0]), Path(args.copy[1]))
        return 0

    with tempfile.TemporaryDirectory(prefix="udsat-bench-") as tmp:
        work = Path(tmp)
        var_dir = work / "var"
        var_dir.mkdir()
        release = _build(var_dir, work, args.persons, args.bundle)
        zipped = work / "release.zip"
        s_time, s_growth, s_peak = _child("--stream", str(var_dir), str(release), str(zipped))
        c_time, c_growth, c_peak = _child("--copy", str(zipped), str(work / "copy.zip"))
        size_mb = zipped.stat().st_size / 1e6
        print(f"release {release}: zip {size_mb:.1f} MB")
        print(f"stream bulk.zip : {s_time:8.3f} s, peak RSS +{s_growth:6.1f} MB "
              f"(process {s_peak:.0f} MB)")
        print(f"copyfileobj     : {c_time:8.3f} s, peak RSS +{c_growth:6.1f} MB "
              f"(process {c_peak:.0f} MB)")
        print(f"stream / copy: time {s_time / max(c_time, 1e-3):.0f}x (copy floored at 1 ms; "
              f"the stream queries, writes CSV and Parquet and compresses), "
              f"peak RSS growth {s_growth - c_growth:+.1f} MB")
        ok = s_growth <= TARGET_GROWTH_MB
        print(f"target: peak RSS growth <= {TARGET_GROWTH_MB:.0f} MB: {'met' if ok else 'MISSED'}")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
