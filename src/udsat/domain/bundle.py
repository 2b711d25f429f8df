"""The bundle: the seam between analytics (or ingest) and the web.

A bundle is a directory with ``manifest.json`` and table files. The manifest records the
schema version, what produced it, the disclosure parameters, and for every file its table,
format, columns, row count and sha256. The web reads the CSV files; Parquet copies may sit
beside them for analysts. Only the standard library is used, so any layer can check one.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from udsat.domain.limits import (
    MANIFEST_TEXT_LIMITS,
    MAX_HEADER_CELLS,
    MAX_HEADER_CHARS,
    MAX_MANIFEST_BYTES,
)

SCHEMA_VERSION = 2  # 2: statuses carry on_list and the derivation sentences
MANIFEST = "manifest.json"

# Known tables and the columns the web relies on. Other tables may travel in a bundle
# (the web loads the ones it knows and keeps the rest for downloads).
# The full contract, with what each column means, is in docs/bundle.md.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "areas": ("slug", "name", "municipality_code", "synthetic"),
    "observations": (
        "area", "indicator", "period", "breakdown", "value", "absence", "unit", "source",
        "n_persons", "note",
    ),
    "place_observations": (
        "place_kind", "place_code", "indicator", "period", "breakdown", "value", "absence", "unit",
        "source", "n_persons", "note",
    ),
    "statuses": (
        "area", "year", "status", "term", "rule_version", "origin", "source_url", "note",
        "on_list", "derivation_da", "derivation_en",
    ),
    "flows": (
        "year", "origin", "destination", "destination_kind", "move_type", "n_persons", "suppressed",
    ),
}
PLACE_KINDS = ("municipality", "region", "country", "social_housing")
DESTINATION_KINDS = ("listed_area", "other_social_housing", "outside_social_housing", "unknown")
MOVE_TYPES = ("planned_rehousing", "other")
STATUS_ORIGINS = ("official", "derived", "implied", "complete", "computed")
_DATASET = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class BundleError(ValueError):
    """The bundle cannot be loaded; the message says which file and why."""


class LineTooLong(ValueError):
    """A line of a CSV table is longer than any row of the contract can be."""


def bounded_lines(handle: Iterable[str], max_chars: int) -> Iterator[str]:
    """The lines of an open text file, refusing one longer than ``max_chars`` before it is
    read whole (``readline`` with a size never reads past it): memory stays bounded."""
    readline = handle.readline  # type: ignore[attr-defined]
    while True:
        line = readline(max_chars + 1)
        if not line:
            return
        if len(line) > max_chars and not line.endswith("\n"):
            raise LineTooLong(f"a line is longer than {max_chars:,} characters")
        yield line


@dataclass(frozen=True)
class TableFile:
    table: str
    file: str
    format: str
    columns: tuple[str, ...]
    rows: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    schema_version: int
    name: str
    created_at: str
    producer: str
    files: tuple[TableFile, ...]
    dataset: str = "reference"
    synthetic: bool = False
    catalogue_version: str = ""
    rule_versions: tuple[str, ...] = ()
    disclosure: dict[str, Any] = field(default_factory=dict)
    source_url: str = ""
    # Provenance of a bundle built from one source file by ``udsat import``.
    source_file: str = ""
    source_sha256: str = ""

    def csv_file(self, table: str) -> TableFile | None:
        return next((f for f in self.files if f.table == table and f.format == "csv"), None)

    @property
    def content_digest(self) -> str:
        """Identity of the bundle's data: equal for two builds of the same tables."""
        lines = sorted(f"{f.table}:{f.file}:{f.sha256}" for f in self.files)
        lines.append(f"dataset:{self.dataset}:{self.synthetic}")
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()

    @property
    def tables(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.table for f in self.files))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_csv_table(
    directory: Path, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> TableFile:
    """Write one table as UTF-8 CSV and describe it for the manifest."""
    path = directory / f"{table}.csv"
    count = 0

    def counted() -> Iterator[Sequence[Any]]:
        nonlocal count
        for row in rows:
            count += 1
            yield row

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(counted())  # the csv module writes None as an empty cell
    return TableFile(table, path.name, "csv", tuple(columns), count, sha256_of(path))


def write_manifest(directory: Path, manifest: Manifest) -> Path:
    payload = {
        "schema_version": manifest.schema_version,
        "name": manifest.name,
        "created_at": manifest.created_at,
        "producer": manifest.producer,
        "dataset": manifest.dataset,
        "synthetic": manifest.synthetic,
        "catalogue_version": manifest.catalogue_version,
        "rule_versions": list(manifest.rule_versions),
        "disclosure": manifest.disclosure,
        "source_url": manifest.source_url,
        "source_file": manifest.source_file,
        "source_sha256": manifest.source_sha256,
        "files": [
            {
                "table": f.table,
                "file": f.file,
                "format": f.format,
                "columns": list(f.columns),
                "rows": f.rows,
                "sha256": f.sha256,
            }
            for f in manifest.files
        ],
    }
    path = directory / MANIFEST
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def read_manifest(directory: Path, required: Sequence[str] = ()) -> Manifest:
    """Read and verify a bundle: manifest shape, every file present, checksums, row counts."""
    path = directory / MANIFEST
    if not directory.is_dir():
        raise BundleError(f"{directory}: not a directory")
    if not path.is_file():
        raise BundleError(f"{path}: missing; a bundle needs a manifest.json")
    if path.stat().st_size > MAX_MANIFEST_BYTES:
        raise BundleError(f"{path}: larger than {MAX_MANIFEST_BYTES // 1024} KB; a manifest "
                          "lists a few files")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise BundleError(f"{path}: not valid JSON ({reason})") from None
    if not isinstance(raw, dict):
        raise BundleError(f"{path}: must be a JSON object")
    if raw.get("schema_version") != SCHEMA_VERSION:
        raise BundleError(
            f"{path}: schema_version {raw.get('schema_version')!r} is not supported "
            f"(this udsat reads {SCHEMA_VERSION})"
        )
    for key in ("name", "created_at", "producer", "files", "dataset"):
        if key not in raw:
            raise BundleError(f"{path}: key {key!r} is missing")
    if not isinstance(raw["dataset"], str) or not _DATASET.match(raw["dataset"]):
        raise BundleError(f"{path}: dataset {raw['dataset']!r} must be a lower-case slug")
    if not isinstance(raw.get("synthetic", False), bool):
        raise BundleError(f"{path}: synthetic must be true or false")
    _check_manifest_types(path, raw)
    files = []
    for i, entry in enumerate(raw["files"]):
        table_file = _table_file(path, i, entry)
        _verify_file(directory, table_file)
        files.append(table_file)
    manifest = Manifest(
        schema_version=raw["schema_version"], name=raw["name"], created_at=raw["created_at"],
        producer=raw["producer"], files=tuple(files), dataset=raw["dataset"],
        synthetic=raw.get("synthetic", False),
        catalogue_version=raw.get("catalogue_version", ""),
        rule_versions=tuple(raw.get("rule_versions", ())),
        disclosure=dict(raw.get("disclosure", {})), source_url=raw.get("source_url", ""),
        source_file=raw.get("source_file", ""), source_sha256=raw.get("source_sha256", ""),
    )
    for table in required:
        if manifest.csv_file(table) is None:
            raise BundleError(f"{path}: table {table!r} is missing (needs {table}.csv)")
    return manifest


def _check_manifest_types(path: Path, raw: dict) -> None:
    """Every key the web stores has its type and length (limits.MANIFEST_TEXT_LIMITS)."""
    for key, longest in MANIFEST_TEXT_LIMITS.items():
        value = raw.get(key, "")
        if not isinstance(value, str):
            raise BundleError(f"{path}: {key} must be a string")
        if len(value) > longest:
            raise BundleError(f"{path}: {key} is {len(value)} characters; at most {longest}")
    if not isinstance(raw["files"], list):
        raise BundleError(f"{path}: files must be a list")
    if not isinstance(raw.get("disclosure", {}), dict):
        raise BundleError(f"{path}: disclosure must be an object")
    versions = raw.get("rule_versions", [])
    if not isinstance(versions, list) or not all(isinstance(v, str) for v in versions):
        raise BundleError(f"{path}: rule_versions must be a list of strings")


def _table_file(path: Path, i: int, entry: Any) -> TableFile:
    """One entry of the manifest's files, each key of its type."""
    where = f"{path}: files[{i}]"
    if not isinstance(entry, dict):
        raise BundleError(f"{where} must be an object")
    missing = [k for k in ("table", "file", "format", "columns", "rows", "sha256")
               if k not in entry]
    if missing:
        raise BundleError(f"{where} is incomplete (no {', '.join(missing)})")
    for key in ("table", "file", "format", "sha256"):
        if not isinstance(entry[key], str) or len(entry[key]) > 255:
            raise BundleError(f"{where}: {key} must be a string of at most 255 characters")
    columns = entry["columns"]
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns) \
            or len(columns) > MAX_HEADER_CELLS:
        raise BundleError(f"{where}: columns must be a list of at most {MAX_HEADER_CELLS} "
                          "strings")
    rows = entry["rows"]
    if isinstance(rows, bool) or not isinstance(rows, int) or rows < 0:
        raise BundleError(f"{where}: rows must be a whole number")
    return TableFile(table=entry["table"], file=entry["file"], format=entry["format"],
                     columns=tuple(columns), rows=rows, sha256=entry["sha256"])


def _verify_file(directory: Path, table_file: TableFile) -> None:
    target = (directory / table_file.file).resolve()
    if directory.resolve() not in target.parents:
        raise BundleError(f"{table_file.file}: points outside the bundle directory")
    if not target.is_file():
        raise BundleError(f"{directory / table_file.file}: listed in the manifest but missing")
    actual = sha256_of(target)
    if actual != table_file.sha256:
        raise BundleError(
            f"{directory / table_file.file}: checksum mismatch (manifest {table_file.sha256[:12]}…, "
            f"file {actual[:12]}…); the file changed after the bundle was made"
        )
    expected_columns = TABLE_COLUMNS.get(table_file.table)
    if table_file.format == "csv":
        try:
            with target.open(encoding="utf-8", newline="") as handle:
                header = next(csv.reader(bounded_lines(handle, MAX_HEADER_CHARS)), [])
        except (UnicodeDecodeError, csv.Error, LineTooLong) as exc:
            reason = "is not UTF-8" if isinstance(exc, UnicodeDecodeError) else str(exc)
            raise BundleError(f"{target}, line 1: the header cannot be read ({reason})") from None
        if tuple(header) != table_file.columns:
            raise BundleError(f"{target}: header {header} differs from the manifest's columns")
        if expected_columns and tuple(header) != expected_columns:
            raise BundleError(
                f"{target}: table {table_file.table!r} needs columns {list(expected_columns)}, "
                f"found {header}"
            )


def iter_rows(directory: Path, table_file: TableFile) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for a CSV table; line 1 is the header."""
    with (directory / table_file.file).open(encoding="utf-8", newline="") as handle:
        yield from enumerate(csv.DictReader(handle), start=2)
