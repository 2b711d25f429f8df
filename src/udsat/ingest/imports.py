"""``udsat import``: run one importer on one source file and write a bundle, or report why not.

Every importer declares its kind and schema and returns the rows of bundle tables; this
module adds provenance (file name, sha256, source URL) and writes the bundle through
``udsat.domain.bundle``. With any problem the bundle directory is removed: nothing
half-written is left behind.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from udsat.domain.bulk import collector_paused
from udsat.domain.bundle import (
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    Manifest,
    now_utc,
    sha256_of,
    write_csv_table,
    write_manifest,
)
from udsat.domain.catalogue import Catalogue, default_catalogue
from udsat.domain.limits import MAX_SOURCE_BYTES, TEXT_LIMITS
from udsat.ingest.problems import Problem
from udsat.ingest.schemas import Schema
from udsat.ingest.source_table import SourceError
from udsat.ingest.validate import Checker

Tables = dict[str, Iterable[tuple]]


@dataclass(frozen=True)
class Options:
    """What the person importing says about the file (beyond its content)."""

    source_url: str = ""
    indicator: str = ""  # for sources that hold one measure (Statistikbanken tables)


@dataclass(frozen=True)
class Importer:
    kind: str
    description: str
    schema: Schema | None
    tables: Callable[[Path, Checker, Options], Tables]


@dataclass
class ImportResult:
    kind: str
    file: str
    sha256: str
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    notes: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    bundle: Path | None = None

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def report_lines(self) -> list[str]:
        """The validation report a data manager reads: what was found, and every problem."""
        lines = [*self.notes]
        if self.sha256:
            lines.append(f"{self.file}: sha256 {self.sha256}")
        if self.ok:
            rows = ", ".join(f"{table} {count}" for table, count in self.rows.items())
            lines.append(f"{self.file}: no problems ({rows} rows)")
            return lines
        lines.append(f"{self.file}: {self.problem_count} problem(s); nothing was loaded")
        lines.extend(f"  {p}" for p in self.problems)
        if self.problem_count > len(self.problems):
            lines.append(f"  … and {self.problem_count - len(self.problems)} more")
        return lines

    def as_dict(self) -> dict:
        return {
            "kind": self.kind, "file": self.file, "sha256": self.sha256, "ok": self.ok,
            "problem_count": self.problem_count,
            "problems": [{"file": p.file, "row": p.row, "column": p.column, "reason": p.reason,
                          "text": str(p)} for p in self.problems],
            "notes": self.notes, "rows": self.rows,
        }


def run_import(importer: Importer, path: Path, out: Path, options: Options | None = None,
               catalogue: Catalogue | None = None) -> ImportResult:
    """Validate ``path`` and, when it is clean, write a bundle to ``out`` (a new directory)."""
    options = options or Options()
    result = ImportResult(importer.kind, path.name, sha256_of(path) if path.is_file() else "")
    if not path.is_file():
        result.problems.append(Problem(path.name, None, None, f"{path} does not exist"))
        result.problem_count = 1
        return result
    largest = MAX_SOURCE_BYTES.get(importer.kind)
    if largest is not None and path.stat().st_size > largest:
        result.problems.append(Problem(path.name, None, None, (
            f"is {path.stat().st_size / 1e6:,.0f} MB; a {importer.kind} file above "
            f"{largest / 1e6:,.0f} MB is refused (split it into several files)")))
        result.problem_count = 1
        return result
    checker = Checker(catalogue or default_catalogue())
    out.mkdir(parents=True, exist_ok=False)
    files = []
    try:
        with collector_paused():
            for table, rows in importer.tables(path, checker, options).items():
                files.append(write_csv_table(out, table, TABLE_COLUMNS[table],
                                             _within_limits(path.name, table, rows, checker)))
    except SourceError as exc:
        checker.add(exc.problem)
    finally:
        checker.close()
    result.problems, result.problem_count = checker.problems, checker.problem_count
    result.notes = checker.notes
    result.rows = {f.table: f.rows for f in files}
    if not result.ok:
        shutil.rmtree(out, ignore_errors=True)
        return result
    if not any(f.rows for f in files):
        shutil.rmtree(out, ignore_errors=True)
        result.problems.append(Problem(path.name, None, None, "holds no figures to load"))
        result.problem_count = 1
        return result
    write_manifest(out, Manifest(
        schema_version=SCHEMA_VERSION, name=f"{importer.kind}:{path.name}", created_at=now_utc(),
        producer=f"udsat import {importer.kind}", files=tuple(files), dataset="reference",
        synthetic=False, source_url=options.source_url, source_file=path.name,
        source_sha256=result.sha256,
    ))
    result.bundle = out
    return result


def _within_limits(file: str, table: str, rows: Iterable[tuple],
                   checker: Checker) -> Iterator[tuple]:
    """Every row an importer produces, checked once more against the bundle contract's text
    limits (the importers check what they read; this catches what they only pass on, such
    as a source URL kept as a note). A row past a limit is a problem, and not written."""
    limits = TEXT_LIMITS.get(table, {})
    checks = [(i, c, limits[c].max_length) for i, c in enumerate(TABLE_COLUMNS[table])
              if c in limits]
    for number, row in enumerate(rows, start=1):
        fine = True
        for i, column, longest in checks:
            cell = row[i] if i < len(row) else None  # a short row is load_bundle's to refuse
            if isinstance(cell, str) and len(cell) > longest:
                fine = False
                checker.problem(file, None, column, f"{table} row {number}: is {len(cell)} "
                                f"characters long; at most {longest} are allowed")
        if fine:
            yield row


def change_summary(load: dict) -> str:
    """One line on what a load did or would do, from load_bundle's JSON report."""
    if load["already_loaded"]:
        return f"already loaded (batch {load['batch_id']}); nothing changed"
    tables = dict.fromkeys(k.rsplit("_", 1)[0] for k in load["counts"] if k != "areas_known")
    parts = [f"{t}: {load['counts'].get(t + '_new', 0)} new, "
             f"{load['counts'].get(t + '_revised', 0)} revised, "
             f"{load['counts'].get(t + '_unchanged', 0)} unchanged" for t in tables]
    head = "would change (dry run, nothing written)" if load["dry_run"] else \
        f"loaded as batch {load['batch_id']}"
    return f"{head}: " + "; ".join(parts)
