"""Run ``udsat classify``: read the inputs, classify each area-year, write RESULT atomically."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from udsat.domain.classification import Classification
from udsat.domain.criteria import rule_version
from udsat.domain.listing import classify_run
from udsat.domain.statuses import ordered_terms
from udsat.ingest.classify_input import history_for, read_history, read_values
from udsat.ingest.problems import Problem, ProblemsFound

# ``statuses``: the statuses that hold (empty: no status); ``undecided``: those the input cannot
# decide (empty: every status decided), so an empty ``statuses`` never hides "undecided".
RESULT_COLUMNS = (
    "area", "year", "rule_version", "criteria_met", "statuses", "undecided", "explanation_da",
    "explanation_en",
)


def result_row(area: str, classification: Classification) -> list[str]:
    c = classification
    return [
        area, str(c.year), c.rule_version, ";".join(c.criteria_met), ";".join(c.terms),
        ";".join(ordered_terms(c.unknown_statuses, c.term_year)),
        c.explanation("da"), c.explanation("en"),
    ]


def classify_files(values: Path, out: Path, history: Path | None = None, rules: str = "auto") -> int:
    """Classify every row of ``values``; return the number of rows written to ``out``.

    With ``history``, a year without a row is a year on no list. Without it, an area's
    earlier years come from its own settled classifications in ``values``; other years are
    unknown. Raises ProblemsFound (and writes nothing) on bad input.
    """
    area_years, problems = read_values(values)
    listed: dict[str, dict[int, frozenset[str]]] = {}
    if history is not None:
        listed, history_problems = read_history(history)
        problems += history_problems
    if problems:
        raise ProblemsFound(problems)
    version = None if rules == "auto" else rule_version(rules)
    by_area: dict[str, list] = {}
    for item in area_years:
        by_area.setdefault(item.area, []).append(item)
    results: dict[int, list[str]] = {}
    for area, items in sorted(by_area.items()):
        known = None
        if history is not None:
            last = max(item.year for item in items)
            known = history_for(listed.get(area), last + 1)
        outcomes = classify_run({item.year: item.measures for item in items},
                                known_history=known, rules=version)
        for item in items:  # input years are list years (read_values refuses earlier ones)
            results[item.row] = result_row(area, outcomes[item.year])
    try:
        _write_atomically(out, [results[row] for row in sorted(results)])
    except OSError as exc:
        raise ProblemsFound([Problem(str(out), None, None, f"cannot write the result: {exc.strerror}")]) from None
    return len(results)


def _write_atomically(out: Path, rows: list[list[str]]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(RESULT_COLUMNS)
            writer.writerows(rows)
        os.chmod(temporary, 0o644)  # mkstemp makes the file private; RESULT is an ordinary file
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
