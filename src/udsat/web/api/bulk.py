"""A release's bulk download: its dataset as it stood at the release, as a bundle in a zip.

The zip holds, per table, the bundle contract's CSV and a typed Parquet copy, plus a
``manifest.json`` in the bundle format (so the unzipped folder loads with ``load_bundle``)
and ``release.json`` with the release and the manifest of the bundle that made it. It is
written as it is sent: rows come from the database a chunk at a time, the zip is written
to a sink that hands its bytes on after every chunk, and each Parquet copy is built in a
temporary file, a row group at a time. Memory stays flat whatever the release's size.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tempfile
import zipfile
from collections.abc import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from udsat.domain.bundle import (
    BOOLEAN,
    DOUBLE,
    INTEGER,
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    column_type,
    typed_cell,
)
from udsat.web.api.releases import Release, as_of, observations_as_of
from udsat.web.data.models import (
    Area,
    Flow,
    ListStatus,
    LoadBatch,
    Observation,
    PlaceObservation,
)

CHUNK_ROWS = 20_000
_ARROW = {INTEGER: pa.int64(), DOUBLE: pa.float64(), BOOLEAN: pa.bool_()}


class _Sink(io.RawIOBase):
    """A write-only stream that keeps what was written until ``take`` hands it on."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._offset = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        self._offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self._offset

    def take(self) -> bytes:
        out = b"".join(self._chunks)
        self._chunks.clear()
        return out


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "normalize"):  # Decimal: the bundle's dot decimal, no exponent
        return f"{value.normalize():f}"
    return str(value)


def _tables(release: Release) -> list[tuple[str, Iterable[tuple]]]:
    dataset = release.dataset
    observations = observations_as_of(Observation.objects.filter(dataset=dataset), release)
    places = as_of(PlaceObservation.objects.filter(dataset=dataset), release)
    statuses = as_of(ListStatus.objects.filter(dataset=dataset), release)
    flows = as_of(Flow.objects.filter(dataset=dataset), release)
    figure = ("value", "absence", "unit", "source", "n_persons", "note")
    return [
        ("areas", Area.objects.filter(synthetic=True).order_by("slug").values_list(
            "slug", "name", "municipality_code", "synthetic")),
        ("observations", observations.order_by("area__slug", "indicator__code", "period",
                                               "breakdown").values_list(
            "area__slug", "indicator__code", "period", "breakdown",
            *(f"r_{f}" for f in figure))),
        ("place_observations", places.order_by(
            "place_kind", "place_code", "indicator__code", "period", "breakdown").values_list(
            "place_kind", "place_code", "indicator__code", "period", "breakdown", *figure)),
        ("statuses", statuses.order_by("area__slug", "year", "status", "origin").values_list(
            "area__slug", "year", "status", "term", "rule_version", "origin", "source_url",
            "note", "on_list", "derivation_da", "derivation_en")),
        ("flows", flows.order_by("year", "origin__slug", "destination_kind", "move_type",
                                 "destination__slug").values_list(
            "year", "origin__slug", "destination__slug", "destination_kind", "move_type",
            "n_persons", "suppressed")),
    ]


def _schema(table: str) -> pa.Schema:
    return pa.schema([(c, _ARROW.get(column_type(table, c), pa.string()))
                      for c in TABLE_COLUMNS[table]])


def stream(release: Release) -> Iterator[bytes]:
    """The zip's bytes, a chunk at a time."""
    sink = _Sink()
    files: list[dict] = []
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table, rows in _tables(release):
            columns = TABLE_COLUMNS[table]
            kinds = [column_type(table, c) for c in columns]
            digest, count = hashlib.sha256(), 0
            with tempfile.TemporaryFile() as parquet_file:
                writer = pq.ParquetWriter(parquet_file, _schema(table), compression="zstd")
                with archive.open(f"{table}.csv", "w", force_zip64=True) as member:
                    header = _csv_line(columns)
                    member.write(header)
                    digest.update(header)
                    batch: list[list[str]] = []
                    for row in rows.iterator(chunk_size=CHUNK_ROWS):
                        batch.append([_text(v) for v in row])
                        if len(batch) >= CHUNK_ROWS:
                            count += _write_chunk(batch, member, digest, writer, table, kinds)
                            batch = []
                            yield sink.take()
                    count += _write_chunk(batch, member, digest, writer, table, kinds)
                writer.close()
                files.append(_entry(table, f"{table}.csv", "csv", columns, count, digest))
                yield sink.take()
                parquet_file.seek(0)
                digest = hashlib.sha256()
                with archive.open(f"{table}.parquet", "w", force_zip64=True) as member:
                    for block in iter(lambda f=parquet_file: f.read(1 << 20), b""):
                        member.write(block)
                        digest.update(block)
                        yield sink.take()
                files.append(_entry(table, f"{table}.parquet", "parquet", columns, count,
                                    digest))
        archive.writestr("manifest.json", _manifest(release, files))
        archive.writestr("release.json", json.dumps(
            {**release.as_dict(), "bundle_manifest": _loaded_manifest(release)},
            indent=2, ensure_ascii=False))
    yield sink.take()


def _csv_line(cells: Iterable[str]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue().encode("utf-8")


def _write_chunk(batch: list[list[str]], member, digest, writer, table: str,
                 kinds: list[str]) -> int:
    if not batch:
        return 0
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(batch)
    data = buffer.getvalue().encode("utf-8")
    member.write(data)
    digest.update(data)
    columns = list(zip(*batch, strict=True))
    arrays = [pa.array([typed_cell(v, kind) for v in column], type=writer.schema.field(i).type)
              for i, (column, kind) in enumerate(zip(columns, kinds, strict=True))]
    writer.write_table(pa.Table.from_arrays(arrays, schema=writer.schema))
    return len(batch)


def _entry(table: str, file: str, fmt: str, columns, rows: int, digest) -> dict:
    return {"table": table, "file": file, "format": fmt, "columns": list(columns),
            "rows": rows, "sha256": digest.hexdigest()}


def _manifest(release: Release, files: list[dict]) -> str:
    """The bundle manifest of the zip's own files (loadable with ``load_bundle``)."""
    loaded = _loaded_manifest(release)
    return json.dumps({
        "schema_version": SCHEMA_VERSION, "name": f"{release.name}-{release.tag}",
        "created_at": release.loaded_at, "producer": f"udsat API release {release.id}",
        "dataset": release.dataset, "synthetic": release.synthetic,
        "catalogue_version": loaded.get("catalogue_version", ""),
        "rule_versions": loaded.get("rule_versions", []),
        "disclosure": loaded.get("disclosure", {}), "source_url": "",
        "source_file": "", "source_sha256": "", "files": files,
    }, indent=2, ensure_ascii=False)


def _loaded_manifest(release: Release) -> dict:
    return LoadBatch.objects.get(id=release.id).manifest
