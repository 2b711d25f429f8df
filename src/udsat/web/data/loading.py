"""Load a bundle into the database in one transaction: all or nothing, and idempotent.

Every row of every known table is checked before anything is written; a bundle with any
problem is refused whole, with messages that name the file, line and column. A bundle whose
content was loaded before changes nothing. Rows are keyed within the bundle's dataset, so a
synthetic demo bundle never overwrites a published figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from udsat.domain.bundle import BundleError, Manifest, iter_rows, read_manifest
from udsat.domain.catalogue import Catalogue, default_catalogue
from udsat.web.data.catalogue_sync import sync_catalogue
from udsat.web.data.models import (
    Area,
    Flow,
    Indicator,
    ListStatus,
    LoadBatch,
    Observation,
    PlaceObservation,
)
from udsat.web.data.tables import PARSERS, Parsed, RowContext

MAX_PROBLEMS_SHOWN = 50


@dataclass
class LoadReport:
    bundle: str
    already_loaded: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        if self.already_loaded:
            return f"{self.bundle}: already loaded; nothing changed"
        parts = ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items()))
        return f"{self.bundle}: loaded ({parts})"


def load_bundle(
    directory: Path, loaded_by: str = "", catalogue: Catalogue | None = None
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
    report = LoadReport(bundle=manifest.name)
    if LoadBatch.objects.filter(digest=manifest.content_digest).exists():
        report.already_loaded = True
        return report
    parsed = check_tables(directory, manifest, catalogue)
    with transaction.atomic():
        sync_catalogue(catalogue)
        batch = LoadBatch.objects.create(
            kind="bundle", name=manifest.name, digest=manifest.content_digest,
            dataset=manifest.dataset, synthetic=manifest.synthetic,
            file_name=str(directory.name), source_url=manifest.source_url,
            loaded_by=loaded_by, manifest=_manifest_summary(manifest),
        )
        for table, rows in parsed.items():
            report.counts.update(_WRITERS[table](rows, batch))
        batch.counts = report.counts
        batch.save(update_fields=["counts"])
    return report


def check_tables(
    directory: Path, manifest: Manifest, catalogue: Catalogue
) -> dict[str, list[Parsed]]:
    """Parse every known table; raise BundleError listing every problem found."""
    ctx = RowContext(catalogue=catalogue)
    parsed: dict[str, list[Parsed]] = {}
    for table, parser in PARSERS.items():
        table_file = manifest.csv_file(table)
        if table_file is None:
            continue
        rows: list[Parsed] = []
        seen: dict[tuple, int] = {}
        for line, row in iter_rows(directory, table_file):
            ctx.where = f"{table_file.file}, line {line}"
            result = parser(row, ctx)
            if result is None:
                continue
            if result.key in seen:
                ctx.problem(None, f"duplicate of line {seen[result.key]} (key {result.key})")
            seen.setdefault(result.key, line)
            rows.append(result)
        parsed[table] = rows
        if table == "areas":
            ctx.extra_areas = {r.fields["slug"]: r.fields for r in rows}
    if ctx.problems:
        shown = ctx.problems[:MAX_PROBLEMS_SHOWN]
        more = len(ctx.problems) - len(shown)
        tail = f"\n… and {more} more" if more else ""
        raise BundleError(f"{directory}: the bundle was not loaded:\n" + "\n".join(shown) + tail)
    return parsed


def _manifest_summary(manifest: Manifest) -> dict:
    return {
        "created_at": manifest.created_at, "producer": manifest.producer,
        "catalogue_version": manifest.catalogue_version,
        "rule_versions": list(manifest.rule_versions), "disclosure": manifest.disclosure,
        "files": [{"table": f.table, "file": f.file, "format": f.format, "rows": f.rows,
                   "sha256": f.sha256} for f in manifest.files],
    }


def _upsert(model, dataset: str, rows: list[tuple[tuple, dict[str, Any]]], existing: dict,
            batch: LoadBatch, name: str) -> dict[str, int]:
    """Create new rows, update changed ones (now owned by ``batch``), count the unchanged."""
    new, revised, unchanged = [], [], 0
    fields: list[str] = []
    for key, wanted in rows:
        fields = list(wanted)
        current = existing.get(key)
        if current is None:
            new.append(model(dataset=dataset, batch=batch, **wanted))
        elif all(getattr(current, f) == v for f, v in wanted.items()):
            unchanged += 1
        else:
            for f, v in wanted.items():
                setattr(current, f, v)
            current.batch = batch
            revised.append(current)
    model.objects.bulk_create(new, batch_size=2000)
    if revised:
        model.objects.bulk_update(revised, [*fields, "batch"], batch_size=2000)
    return {f"{name}_new": len(new), f"{name}_revised": len(revised),
            f"{name}_unchanged": unchanged}


def _write_areas(rows: list[Parsed], batch: LoadBatch) -> dict[str, int]:
    geography = default_catalogue().geography
    created = 0
    for row in rows:
        muni = geography.municipality(row.fields["municipality_code"])
        region = geography.region(muni.region_code) if muni else None
        wanted = {
            "name": row.fields["name"], "municipality_code": muni.code if muni else 0,
            "municipality_name": muni.name if muni else "",
            "region_code": muni.region_code if muni else 0,
            "region_name": region.name if region else "",
            "synthetic": row.fields["synthetic"],
        }
        _, was_created = Area.objects.update_or_create(slug=row.fields["slug"], defaults=wanted)
        created += was_created
    return {"areas_new": created, "areas_known": len(rows) - created}


def _write_observations(rows: list[Parsed], batch: LoadBatch) -> dict[str, int]:
    areas = {a.slug: a for a in Area.objects.all()}
    indicators = {i.code: i for i in Indicator.objects.all()}
    existing = {
        (o.area.slug, o.indicator.code, o.period, o.breakdown): o
        for o in Observation.objects.filter(dataset=batch.dataset).select_related(
            "area", "indicator")
    }
    resolved = [
        (r.key, {**r.fields, "area": areas[r.fields["area"]],
                 "indicator": indicators[r.fields["indicator"]]})
        for r in rows
    ]
    return _upsert(Observation, batch.dataset, resolved, existing, batch, "observations")


def _write_place_observations(rows: list[Parsed], batch: LoadBatch) -> dict[str, int]:
    indicators = {i.code: i for i in Indicator.objects.all()}
    existing = {
        (o.place_kind, o.place_code, o.indicator.code, o.period, o.breakdown): o
        for o in PlaceObservation.objects.filter(dataset=batch.dataset).select_related(
            "indicator")
    }
    resolved = [(r.key, {**r.fields, "indicator": indicators[r.fields["indicator"]]})
                for r in rows]
    return _upsert(PlaceObservation, batch.dataset, resolved, existing, batch,
                   "place_observations")


def _write_statuses(rows: list[Parsed], batch: LoadBatch) -> dict[str, int]:
    areas = {a.slug: a for a in Area.objects.all()}
    existing = {
        (s.area.slug, s.year, s.status, s.origin): s
        for s in ListStatus.objects.filter(dataset=batch.dataset).select_related("area")
    }
    resolved = [(r.key, {**r.fields, "area": areas[r.fields["area"]]}) for r in rows]
    return _upsert(ListStatus, batch.dataset, resolved, existing, batch, "statuses")


def _write_flows(rows: list[Parsed], batch: LoadBatch) -> dict[str, int]:
    areas = {a.slug: a for a in Area.objects.all()}
    existing = {
        (f.year, f.origin.slug, f.destination.slug if f.destination else None,
         f.destination_kind, f.move_type): f
        for f in Flow.objects.filter(dataset=batch.dataset).select_related(
            "origin", "destination")
    }
    resolved = [
        (r.key, {**r.fields, "origin": areas[r.fields["origin"]],
                 "destination": areas.get(r.fields["destination"] or "")})
        for r in rows
    ]
    return _upsert(Flow, batch.dataset, resolved, existing, batch, "flows")


_WRITERS = {
    "areas": _write_areas,
    "observations": _write_observations,
    "place_observations": _write_place_observations,
    "statuses": _write_statuses,
    "flows": _write_flows,
}
