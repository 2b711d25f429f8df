"""The one `udsat` command: one verb per pipeline step, each a few lines calling one function.

User mistakes exit with code 2 and a message naming the file, row and column; never a
traceback. Verbs register themselves in VERBS below (an explicit registry, no magic).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from udsat.ingest.problems import ProblemsFound

EXIT_USER_ERROR = 2


def _reference_bundle(args: argparse.Namespace) -> int:
    from udsat.ingest.reference import build_reference_bundle

    manifest = build_reference_bundle(args.out)
    counts = ", ".join(f"{f.table} {f.rows}" for f in manifest.files)
    print(f"reference bundle written to {args.out} ({counts})")
    return 0


def _add_reference_bundle(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "reference-bundle", help="turn the packaged reference data into a bundle for the web"
    )
    parser.add_argument("--out", type=Path, required=True, help="bundle directory to write")
    parser.set_defaults(handler=_reference_bundle)


def _classify(args: argparse.Namespace) -> int:
    from udsat.ingest.classify_result import classify_files

    rows = classify_files(args.input, args.out, history=args.history, rules=args.rules)
    print(f"classified {rows} area-years into {args.out}")
    return 0


def _add_classify(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "classify", help="classify area-years under the statutory list rules (§ 61 a, § 61 b)"
    )
    parser.add_argument("--input", type=Path, required=True, help="VALUES.csv with criterion values")
    parser.add_argument("--history", type=Path, help="STATUSES.csv: area,year,status (official terms)")
    parser.add_argument(
        "--rules", choices=("auto", "2010", "2013", "2018", "2021"), default="auto",
        help="rule version; auto = the one in force on each year's list date",
    )
    parser.add_argument("--out", type=Path, required=True, help="RESULT.csv to write")
    parser.set_defaults(handler=_classify)


def _synth(args: argparse.Namespace) -> int:
    from udsat.analytics.synthetic import synthesize_cli

    print(synthesize_cli(args.out, args.persons, args.years, args.seed))
    return 0


def _add_synth(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("synth", help="write a seeded synthetic person-year population")
    parser.add_argument("--persons", type=int, required=True, help="number of persons")
    parser.add_argument("--years", default="2010-2024", help="first-last year, e.g. 2010-2024")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same bytes)")
    parser.add_argument("--out", type=Path, required=True, help="microdata directory to write")
    parser.set_defaults(handler=_synth)


def _compute(args: argparse.Namespace) -> int:
    from udsat.analytics.compute import compute_cli

    print(compute_cli(args.microdata, args.out, args.min_persons, args.memory_limit,
                      args.override_min_persons))
    return 0


def _add_compute(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("compute", help="compute a disclosure-controlled bundle from microdata")
    parser.add_argument("--microdata", type=Path, required=True, help="microdata directory")
    parser.add_argument("--out", type=Path, required=True, help="bundle directory to write")
    parser.add_argument("--min-persons", type=int, default=5, help="disclosure minimum (default 5)")
    parser.add_argument("--override-min-persons", action="store_true",
                        help="allow --min-persons below the floor of catalogue/disclosure.toml "
                             "(logged in the manifest)")
    parser.add_argument("--memory-limit", default="4GB", help="DuckDB memory limit")
    parser.set_defaults(handler=_compute)


def _import(args: argparse.Namespace) -> int:
    import json
    import tempfile

    from udsat.ingest.imports import Options, change_summary, run_import
    from udsat.ingest.kinds import IMPORTERS

    options = Options(source_url=args.source_url, indicator=args.indicator)
    with tempfile.TemporaryDirectory(prefix="udsat-import-") as tmp:
        result = run_import(IMPORTERS[args.kind], args.file, Path(tmp) / "bundle", options)
        load, error = (_load_bundle(result.bundle, args) if result.ok else (None, ""))
    if args.json:
        print(json.dumps({**result.as_dict(), "dry_run": args.dry_run, "load": load,
                          "load_error": error}, ensure_ascii=False))
    else:
        print("\n".join(result.report_lines()), file=sys.stdout if result.ok else sys.stderr)
        if error or load:
            print(error or change_summary(load), file=sys.stderr if error else sys.stdout)
    return 0 if result.ok and not error else EXIT_USER_ERROR


def _load_bundle(bundle: Path, args: argparse.Namespace) -> tuple[dict | None, str]:
    """Hand the bundle to the web's load_bundle command (cli may use Django, not udsat.web)."""
    import io
    import json
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "udsat.web.settings.dev")
    import django
    from django.core.management import call_command
    from django.core.management.base import CommandError
    from django.db import DatabaseError, OperationalError, ProgrammingError

    django.setup()
    out = io.StringIO()
    try:
        call_command("load_bundle", str(bundle), dry_run=args.dry_run, as_json=True,
                     loaded_by=args.loaded_by, stdout=out)
    except CommandError as exc:
        return None, str(exc)
    except (OperationalError, ProgrammingError) as exc:
        text = str(exc)
        if "no such table" in text or "does not exist" in text:
            return None, f"the database is not ready ({text}); run `manage.py migrate` first"
        if "locked" in text:
            return None, ("the database is busy with another load; nothing was loaded, try "
                          "again when it has finished")
        return None, f"the database refused the load ({text}); nothing was loaded"
    except DatabaseError as exc:  # a row the contract's limits let through (a bug): say so
        return None, f"the database refused a row ({exc}); nothing was loaded"
    return json.loads(out.getvalue()), ""


def _add_import(sub: argparse._SubParsersAction) -> None:
    from udsat.ingest.kinds import IMPORTERS

    parser = sub.add_parser("import", help="validate a source file and load its figures")
    parser.add_argument("kind", choices=sorted(IMPORTERS), help="the file's format")
    parser.add_argument("file", type=Path)
    parser.add_argument("--dry-run", action="store_true", help="report what would change")
    parser.add_argument("--source-url", default="", help="where the file was published")
    parser.add_argument("--indicator", default="", help="catalogue indicator (Statistikbanken)")
    parser.add_argument("--loaded-by", default=os.environ.get("USER", "cli"))
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(handler=_import)


def _docs(args: argparse.Namespace) -> int:
    from udsat.domain.catalogue import default_catalogue
    from udsat.domain.criteria_docs import write_criteria_doc
    from udsat.domain.indicator_docs import write_indicators_doc

    args.out.mkdir(parents=True, exist_ok=True)
    write_indicators_doc(args.out / "indicators.md", default_catalogue())
    write_criteria_doc(args.out / "criteria.md")
    print(f"wrote {args.out / 'indicators.md'} and {args.out / 'criteria.md'}")
    return 0


def _add_docs(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("docs", help="regenerate the docs that come from the catalogue")
    parser.add_argument("--out", type=Path, default=Path("docs"), help="docs directory")
    parser.set_defaults(handler=_docs)


# Each entry adds one verb's parser. Keep the list in pipeline order.
VERBS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_reference_bundle,
    _add_classify,
    _add_import,
    _add_synth,
    _add_compute,
    _add_docs,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="udsat", description="Follow Denmark's vulnerable social-housing areas."
    )
    sub = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    for add in VERBS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except ProblemsFound as exc:
        print(f"udsat {args.verb}: {len(exc.problems)} problem(s):", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())
