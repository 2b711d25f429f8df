"""The one `udsat` command: one verb per pipeline step, each a few lines calling one function.

User mistakes exit with code 2 and a message naming the file, row and column; never a
traceback. Verbs register themselves in VERBS below (an explicit registry, no magic).
"""

from __future__ import annotations

import argparse
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


# Each entry adds one verb's parser. Keep the list in pipeline order.
VERBS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_reference_bundle,
    _add_classify,
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
