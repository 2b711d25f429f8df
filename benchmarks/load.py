"""Throughput and latency of production gunicorn under concurrent clients, against a trivial view.

Builds a throw-away site (production settings, SQLite in a temporary directory: migrate,
collectstatic, the packaged reference bundle, the seeded pages and reports), starts
``gunicorn -c python:udsat.web.gunicorn_config`` on 127.0.0.1, and for each client count
runs two phases of ``--seconds`` each: the trivial view (``/healthz/``, no database, no
template) and the URL mix of issue 15 (``/``, an area page, ``/sammenlign/``,
``/soeg/?q=tingbjerg``, ``/en/``). It prints requests per second, p50/p95/p99 and errors per
phase, and the mix's throughput as a share of the trivial view's in the same run.

    .venv/bin/python benchmarks/load.py --port 8150 --clients 50,200 --seconds 30

Bounded: at most ``--max-requests`` per phase, gunicorn is stopped (its process group) on
every exit, and the whole run is refused beyond ``--deadline`` seconds.
Targets (2 cores): zero errors; at 50 clients p95 <= 300 ms and the mix's throughput at
least half the trivial view's.
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

MIX = ["/", "/omraader/vollsmose/", "/sammenlign/", "/soeg/?q=tingbjerg", "/en/"]
TRIVIAL = ["/healthz/"]
ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def _env(var: Path, port: int) -> dict[str, str]:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "udsat.web.settings.production",
            "DJANGO_SECRET_KEY": "benchmark-" + "x7Qk2Lm9Np4Rs8Tv1Wz3" * 3,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DATABASE_URL": f"sqlite:///{var}/db.sqlite3",
            "UDSAT_VAR_DIR": str(var), "UDSAT_SSL_REDIRECT": "0", "UDSAT_HSTS_SECONDS": "0",
            "UDSAT_BIND": f"127.0.0.1:{port}", "UDSAT_LOG_LEVEL": "warning"}


def _build(var: Path, env: dict[str, str]) -> None:
    def run(*command: str) -> None:
        subprocess.run(command, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
                       timeout=600)

    django = (PY, "-m", "django")
    run(*django, "migrate", "--noinput")
    run(*django, "collectstatic", "--noinput")
    run(PY, "-m", "udsat.cli", "reference-bundle", "--out", str(var / "reference"))
    run(*django, "load_bundle", str(var / "reference"))
    for command in ("seed_site", "ensure_roles", "seed_reports"):
        run(*django, command)


def _get(port: int, path: str) -> tuple[float, str]:
    """(seconds, outcome): outcome "200", another status code, or the exception's name."""
    start = time.perf_counter()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        outcome = str(response.status)
        connection.close()
    except (OSError, http.client.HTTPException) as exc:
        outcome = type(exc).__name__
    return time.perf_counter() - start, outcome


def phase(port: int, urls: list[str], clients: int, seconds: float, cap: int) -> dict:
    """``clients`` threads request ``urls`` in turn for ``seconds`` (or ``cap`` requests)."""
    timings: list[float] = []
    errors = 0
    failures: dict[str, int] = {}
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client(offset: int) -> None:
        nonlocal errors
        i = offset
        while time.perf_counter() < stop:
            url = urls[i % len(urls)]
            elapsed, outcome = _get(port, url)
            i += 1
            with lock:
                if len(timings) + errors >= cap:
                    return
                if outcome == "200":
                    timings.append(elapsed)
                else:
                    errors += 1
                    key = f"{url} {outcome}"
                    failures[key] = failures.get(key, 0) + 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    timings.sort()

    def pct(q: float) -> float:
        return 1000 * timings[min(len(timings) - 1, int(q * len(timings)))] if timings else 0

    return {"requests": len(timings), "errors": errors, "rps": len(timings) / wall,
            "p50": pct(0.50), "p95": pct(0.95), "p99": pct(0.99),
            "mean": 1000 * statistics.fmean(timings) if timings else 0, "failures": failures}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8150)
    parser.add_argument("--clients", default="50,200")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--deadline", type=float, default=900, help="whole run, seconds")
    args = parser.parse_args()
    counts = [int(c) for c in args.clients.split(",")]
    if 2 * len(counts) * args.seconds > args.deadline:
        parser.error("the phases would run past --deadline")
    with tempfile.TemporaryDirectory(prefix="udsat-load-") as tmp:
        var = Path(tmp)
        env = _env(var, args.port)
        _build(var, env)
        server = subprocess.Popen(
            [str(Path(PY).parent / "gunicorn"), "-c", "python:udsat.web.gunicorn_config",
             "udsat.web.wsgi"], env=env, cwd=ROOT, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=open(var / "gunicorn.log", "w"))  # noqa: SIM115
        try:
            deadline = time.perf_counter() + 60
            while _get(args.port, "/healthz/")[1] != "200":
                if time.perf_counter() > deadline or server.poll() is not None:
                    print((var / "gunicorn.log").read_text()[-3000:], file=sys.stderr)
                    return 1
                time.sleep(0.5)
            for url in MIX:  # one warm-up visit per page and worker
                for _ in range(8):
                    _get(args.port, url)
            print("| clients | URLs | requests/s | p50 ms | p95 ms | p99 ms | errors |")
            print("| --- | --- | --- | --- | --- | --- | --- |")
            for clients in counts:
                results = {}
                for name, urls in (("trivial", TRIVIAL), ("mix", MIX)):
                    r = phase(args.port, urls, clients, args.seconds, args.max_requests)
                    results[name] = r
                    print(f"| {clients} | {name} | {r['rps']:.0f} | {r['p50']:.0f} | "
                          f"{r['p95']:.0f} | {r['p99']:.0f} | {r['errors']} |", flush=True)
                    if r["failures"]:
                        print(f"failures: {r['failures']}", file=sys.stderr, flush=True)
                share = results["mix"]["rps"] / max(results["trivial"]["rps"], 1e-9)
                print(f"|   | mix / trivial | {share:.2f} |  |  |  |  |", flush=True)
            log = (var / "gunicorn.log").read_text(errors="replace")
            problems = [line for line in log.splitlines() if "ERROR" in line or "CRITICAL" in line
                        or "WORKER TIMEOUT" in line]
            print("\n".join(problems[-20:]), file=sys.stderr)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
