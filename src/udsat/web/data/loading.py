"""Load a bundle into the database in one transaction: all or nothing, and idempotent.

Every row of every known table is checked; a bundle with any problem is refused whole, with
messages that name the file, line and column, and the transaction leaves the database as it
was. A bundle whose content was loaded before changes nothing. Rows are keyed within the
bundle's dataset, so a synthetic demo bundle never overwrites a published figure.

Rows stream through in chunks (a million-row bundle never sits in memory). A key the bundle
repeats is refused: first the writers guard against repeats cheaply (writers.RepeatedKey);
when they meet one, the load is rolled back and redone with an on-disk index of every key,
which names the lines. A dry run does all of it, counts, and rolls back.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.log_actions import log

from udsat.domain.bulk import collector_paused
from udsat.domain.bundle import BundleError, LineTooLong, Manifest, bounded_lines, read_manifest
from udsat.domain.catalogue import Catalogue, default_catalogue
from udsat.domain.key_index import KeyIndex
from udsat.domain.limits import MAX_LINE_CHARS, text_problems
from udsat.web.data.catalogue_sync import sync_catalogue
from udsat.web.data.models import LoadBatch
from udsat.web.data.tables import PARSERS, Parsed, RowContext
from udsat.web.data.writers import SPECS, RepeatedKey, TableWriter, write_areas

LOG = logging.getLogger("udsat.data")  # production settings send it to stderr
MAX_PROBLEMS_SHOWN = 50
CHUNK_ROWS = 5000
DATA_LOAD_ACTION = "udsat.data_load"


@dataclass
class LoadReport:
    bundle: str
    already_loaded: bool = False
    dry_run: bool = False
    batch_id: int | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        if self.already_loaded:
            return f"{self.bundle}: already loaded (batch {self.batch_id}); nothing changed"
        parts = ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items()))
        verb = "would load (dry run, nothing written)" if self.dry_run else "loaded"
        return f"{self.bundle}: {verb} ({parts})"

    def as_dict(self) -> dict:
        return {"bundle": self.bundle, "already_loaded": self.already_loaded,
                "dry_run": self.dry_run, "batch_id": self.batch_id, "counts": self.counts}


def load_bundle(
    directory: Path, loaded_by: str = "", catalogue: Catalogue | None = None,
    dry_run: bool = False,
) -> LoadReport:
    """Verify and load the bundle at ``directory``. Raises BundleError; writes nothing then."""
    catalogue = catalogue or default_catalogue()
    manifest = read_manifest(directory)
    known = [t for t in PARSERS if manifest.csv_file(t)]
    if not known:
        raise BundleError(
            f"{directory}: the bundle has none of the tables the web loads "
            f"({', '.join(f'{t}.csv' for t in PARSERS)})"
        )
    earlier = LoadBatch.objects.filter(digest=manifest.content_digest).first()
    if earlier is not None:
        return LoadReport(bundle=manifest.name, dry_run=dry_run, already_loaded=True,
                          batch_id=earlier.id)
    try:
        with collector_paused():
            try:
                report = _load(directory, manifest, known, loaded_by, catalogue, dry_run,
                               strict=False)
            except RepeatedKey:
                # Rolled back; the full check names the repeated lines (and every problem).
                report = _load(directory, manifest, known, loaded_by, catalogue, dry_run,
                               strict=True)
    except BundleError as exc:
        LOG.warning("bundle refused (loaded by %s): %s", loaded_by or "-", str(exc)[:2000])
        raise
    LOG.info("%s (loaded by %s)", report.summary(), loaded_by or "-")
    return report


def _load(directory: Path, manifest: Manifest, known: list[str], loaded_by: str,
          catalogue: Catalogue, dry_run: bool, strict: bool) -> LoadReport:
    """One attempt in one transaction. ``strict``: index every key before writing it."""
    report = LoadReport(bundle=manifest.name, dry_run=dry_run)
    with transaction.atomic():
        sync_catalogue(catalogue)
        batch = LoadBatch.objects.create(
            kind="import" if manifest.source_file else "bundle", name=manifest.name, digest=manifest.content_digest,
            dataset=manifest.dataset, synthetic=manifest.synthetic,
            file_name=manifest.source_file or directory.name,
            source_sha256=manifest.source_sha256, source_url=manifest.source_url,
            loaded_by=loaded_by, manifest=_manifest_summary(manifest),
        )
        ctx = RowContext(catalogue=catalogue)
        for table in known:
            report.counts.update(_load_table(directory, manifest, table, ctx, batch, strict))
        if ctx.problems and not strict:
            # The guarded pass stops writing at the first problem, so it may not have seen
            # every repeated key: the strict pass reports them with the other problems.
            raise RepeatedKey("problems found")
        if ctx.problems:
            shown = ctx.problems[:MAX_PROBLEMS_SHOWN]
            more = ctx.problem_count - len(shown)
            tail = f"\n… and {more} more" if more else ""
            raise BundleError(
                f"{directory}: the bundle was not loaded:\n" + "\n".join(shown) + tail)
        batch.counts = report.counts
        batch.save(update_fields=["counts"])
        _log_load(batch, loaded_by)
        report.batch_id = batch.id
        if dry_run:
            transaction.set_rollback(True)
            report.batch_id = None
    return report


def _load_table(directory: Path, manifest: Manifest, table: str, ctx: RowContext,
                batch: LoadBatch, strict: bool = True) -> dict[str, int]:
    """Check every row of one table; write it in chunks while no problem has been found."""
    table_file = manifest.csv_file(table)
    assert table_file is not None
    parser = PARSERS[table]
    spec = SPECS.get(table)
    # Unless strict, a table the database keys uniquely is guarded by its writer instead.
    guarded = not strict and spec is not None and spec.unique_in_db
    writer: TableWriter | None = None
    chunk: list[Parsed] = []
    areas: list[Parsed] = []

    def flush() -> None:
        nonlocal writer, chunk
        if ctx.problems or not chunk:
            return
        writer = writer or TableWriter(SPECS[table], batch, guard=guarded)
        writer.write(chunk)
        chunk = []

    def check_duplicates() -> None:
        for line, earlier in keys.flush():
            ctx.line = line
            ctx.problem(None, f"duplicate of line {earlier} (the same key)")
        keys.duplicates.clear()

    try:
        with KeyIndex() as keys:
            ctx.file = table_file.file
            for line, row in _rows(directory, table_file.file, ctx):
                ctx.line = line
                for column, reason in text_problems(table, row):
                    ctx.problem(column, reason)  # the row is still parsed for its other faults
                result = parser(row, ctx)
                if result is None:
                    continue
                if not guarded:
                    keys.add(result.key, line)
                if table == "areas":
                    areas.append(result)
                    ctx.extra_areas[result.fields["slug"]] = result.fields
                    continue
                chunk.append(result)
                if len(chunk) >= CHUNK_ROWS:
                    check_duplicates()  # before writing: a repeat must never reach the table
                    flush()
            check_duplicates()
            flush()
            if writer is not None and not ctx.problems:
                writer.finish()
    finally:
        if writer is not None:
            writer.close()
    if table == "areas":
        return write_areas(areas, ctx.catalogue) if not ctx.problems else {}
    if writer is None:
        return {f"{table}_new": 0, f"{table}_revised": 0, f"{table}_unchanged": 0}
    return writer.counts


def _rows(directory: Path, file: str, ctx: RowContext) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) like ``bundle.iter_rows``, faster (no DictReader); a ragged row is a problem.

    A file that stops being UTF-8 or CSV part way, or a line longer than any row can be, is
    a problem on that line: the rest of the file is not read.
    """
    with (directory / file).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(bounded_lines(handle, MAX_LINE_CHARS))
        line = 1
        try:
            header = next(reader)
            for line, cells in enumerate(reader, start=2):  # noqa: B007 - read in except
                if len(cells) != len(header):
                    ctx.line = line
                    ctx.problem(None, f"has {len(cells)} cells; the header has {len(header)}")
                    continue
                yield line, dict(zip(header, cells, strict=False))  # lengths checked above
        except (UnicodeDecodeError, csv.Error, LineTooLong) as exc:
            ctx.line = line + 1
            # The file is decoded a block ahead, so the fault is on this line or a later one.
            reason = ("is not UTF-8 (on this line or a later one)"
                      if isinstance(exc, UnicodeDecodeError)
                      else f"cannot be read as CSV ({exc})")
            ctx.problem(None, reason)


def _log_load(batch: LoadBatch, loaded_by: str) -> None:
    """An entry in Wagtail's audit log, so administrators can read who loaded what and when."""
    user = get_user_model().objects.filter(username=loaded_by).first() if loaded_by else None
    log(instance=batch, action=DATA_LOAD_ACTION, user=user, title=str(batch)[:255], data={
        "file_name": batch.file_name, "source_sha256": batch.source_sha256,
        "source_url": batch.source_url, "loaded_by": loaded_by, "dataset": batch.dataset,
        "counts": batch.counts,
    })


def _manifest_summary(manifest: Manifest) -> dict:
    return {
        "created_at": manifest.created_at, "producer": manifest.producer,
        "catalogue_version": manifest.catalogue_version,
        "rule_versions": list(manifest.rule_versions), "disclosure": manifest.disclosure,
        "source_file": manifest.source_file, "source_sha256": manifest.source_sha256,
        "files": [{"table": f.table, "file": f.file, "format": f.format, "rows": f.rows,
                   "sha256": f.sha256} for f in manifest.files],
    }
