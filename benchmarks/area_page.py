"""Area-page response time with a warm cache on SQLite: p50/p95, as ratios to a trivial view.

Builds a throw-away SQLite database (migrate, the packaged reference bundle, optionally more
bundles such as the synthetic demo bundle, the seeded site pages), warms every area page once,
then times ``--rounds`` passes over the pages through Django's full middleware stack (the test
client, no network). The baseline is a view returning a fixed two-byte body through the same
stack, measured interleaved with the pages so machine load hits both alike.

    .venv/bin/python benchmarks/area_page.py --rounds 20
    .venv/bin/python benchmarks/area_page.py --bundle var/bundles/synthetic

Target: p95 of the area pages at most 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import types
from pathlib import Path

TARGET_P95_MS = 50.0


def _setup(var_dir: Path) -> None:
    os.environ["UDSAT_VAR_DIR"] = str(var_dir)
    (var_dir / "static").mkdir(exist_ok=True)  # WhiteNoise expects STATIC_ROOT to exist
    os.environ["DJANGO_SETTINGS_MODULE"] = "udsat.web.settings.dev"
    import django
    from django.conf import settings
    from django.http import HttpResponse
    from django.urls import path

    # A URLconf with the site plus the baseline view; DEBUG off so queries are not logged.
    urls = types.ModuleType("area_page_benchmark_urls")
    urls.urlpatterns = [path("__baseline__/", lambda request: HttpResponse("ok"))]
    sys.modules[urls.__name__] = urls
    django.setup()
    from udsat.web import urls as site_urls

    urls.urlpatterns += site_urls.urlpatterns
    settings.ROOT_URLCONF = urls.__name__
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]


def _load(bundles: list[Path], work: Path) -> None:
    from django.core.management import call_command

    from udsat.ingest.reference import build_reference_bundle
    from udsat.web.data.loading import load_bundle
    from udsat.web.evaluation.seeding import seed_site

    call_command("migrate", verbosity=0, interactive=False)
    reference = work / "reference"
    reference.mkdir()
    build_reference_bundle(reference)
    for bundle in [reference, *bundles]:
        load_bundle(bundle, loaded_by="benchmark")
    seed_site()


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="timed passes over all pages")
    parser.add_argument("--bundle", type=Path, action="append", default=[],
                        help="another bundle to load (e.g. var/bundles/synthetic)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="udsat-bench-") as tmp:
        work = Path(tmp)
        _setup(work)
        _load(args.bundle, work)
        from django.test import Client

        from udsat.web.data.models import Area, Observation

        slugs = set(Area.objects.filter(evaluated_2018=True).values_list("slug", flat=True))
        slugs |= set(Observation.objects.exclude(dataset="reference")
                     .values_list("area__slug", flat=True).distinct())
        pages = [f"{prefix}/omraader/{slug}/" for slug in sorted(slugs) for prefix in ("", "/en")]
        client = Client()
        for url in pages + ["/__baseline__/"]:  # warm: caches filled, templates compiled
            assert client.get(url).status_code == 200, url

        page_ms: list[float] = []
        base_ms: list[float] = []
        for _ in range(args.rounds):
            for url in pages:
                start = time.perf_counter()
                client.get(url)
                page_ms.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                client.get("/__baseline__/")
                base_ms.append((time.perf_counter() - start) * 1000)

    p50, p95 = statistics.median(page_ms), _percentile(page_ms, 0.95)
    b50, b95 = statistics.median(base_ms), _percentile(base_ms, 0.95)
    print(f"area pages: {len(pages)} ({len(slugs)} areas x 2 languages), "
          f"{args.rounds} rounds, {len(page_ms)} requests, SQLite, warm cache")
    print("| measure | p50 ms | p95 ms | p50 x baseline | p95 x baseline |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(f"| baseline: trivial view | {b50:.2f} | {b95:.2f} | 1.0 | 1.0 |")
    print(f"| area page | {p50:.2f} | {p95:.2f} | {p50 / b50:.1f} | {p95 / b95:.1f} |")
    verdict = "met" if p95 <= TARGET_P95_MS else "NOT met"
    print(f"target p95 <= {TARGET_P95_MS:.0f} ms: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
