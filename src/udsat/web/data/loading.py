"""Load a bundle into the database in one transaction: all or nothing, and idempotent.

Every row is checked before anything is written; a bundle with any problem is refused whole
with messages that name the file, line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from udsat.domain.bundle import BundleError, Manifest, iter_rows, read_manifest
from udsat.domain.catalogue import Catalogue, default_catalogue
from udsat.domain.observations import ABSENCES, parse_decimal
from udsat.domain.statuses import STATUSES, official_term
from udsat.web.data.catalogue_sync import sync_catalogue
from udsat.web.data.models import Area, Indicator, ListStatus, LoadBatch, Observation

ORIGINS = ("official", "derived", "computed")


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


def load_bundle(directory: Path, loaded_by: str = "", catalogue: Catalogue | None = None):
    """Verify and load the bundle at ``directory``. Raises BundleError; writes nothing then."""
    catalogue = catalogue or default_catalogue()
    manifest = read_manifest(directory)
    if not any(manifest.csv_file(t) for t in ("observations", "statuses")):
        raise BundleError(f"{directory}: the bundle has neither observations.csv nor statuses.csv")
    report = LoadReport(bundle=manifest.name)
    if LoadBatch.objects.filter(digest=manifest.content_digest).exists():
        report.already_loaded = True
        return report
    observations = _checked_observations(directory, manifest, catalogue)
    statuses = _checked_statuses(directory, manifest, catalogue)
    with transaction.atomic():
        sync_catalogue(catalogue)
        batch = LoadBatch.objects.create(
            kind="bundle", name=manifest.name, digest=manifest.content_digest,
            file_name=str(directory.name), source_url=manifest.source_url,
            loaded_by=loaded_by, manifest=_manifest_summary(manifest),
        )
        report.counts.update(_write_observations(observations, batch))
        report.counts.update(_write_statuses(statuses, batch))
        batch.counts = report.counts
        batch.save(update_fields=["counts"])
    return report


def _manifest_summary(manifest: Manifest) -> dict:
    return {
        "created_at": manifest.created_at, "producer": manifest.producer,
        "catalogue_version": manifest.catalogue_version,
        "rule_versions": list(manifest.rule_versions), "disclosure": manifest.disclosure,
        "files": [{"file": f.file, "rows": f.rows, "sha256": f.sha256} for f in manifest.files],
    }


def _fail(problems: list[str]) -> None:
    if problems:
        shown = problems[:50]
        more = f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise BundleError("the bundle was not loaded:\n" + "\n".join(shown) + more)


def _checked_observations(directory: Path, manifest: Manifest, catalogue: Catalogue) -> list:
    table = manifest.csv_file("observations")
    if table is None:
        return []
    indicators = {i.id for i in catalogue.indicators}
    rows, problems, seen = [], [], set()
    for line, row in iter_rows(directory, table):
        where = f"{table.file}, line {line}"
        area = catalogue.geography.area(row["area"])
        if area is None:
            hints = ", ".join(catalogue.geography.suggest_areas(row["area"])) or "none"
            problems.append(f"{where}, column 'area': unknown area {row['area']!r} (closest: {hints})")
        if row["indicator"] not in indicators:
            problems.append(f"{where}, column 'indicator': unknown indicator {row['indicator']!r}")
        value: Decimal | None = None
        if row["value"].strip():
            try:
                value = parse_decimal(row["value"])
            except ValueError as exc:
                problems.append(f"{where}, column 'value': {exc}")
        absence = row["absence"].strip()
        if absence and absence not in ABSENCES:
            problems.append(f"{where}, column 'absence': {absence!r} is not one of {ABSENCES}")
        if (value is None) == (absence == "") and not any(where in p for p in problems):
            problems.append(f"{where}: give a value or an absence (suppressed is never zero)")
        n_persons = _optional_int(row.get("n_persons", ""), f"{where}, column 'n_persons'", problems)
        key = (area.slug if area else row["area"], row["indicator"], row["period"])
        if key in seen:
            problems.append(f"{where}: duplicate key {key}")
        seen.add(key)
        rows.append((key, value, absence, row["unit"], row["source"], n_persons, row["note"]))
    _fail(problems)
    return rows


def _checked_statuses(directory: Path, manifest: Manifest, catalogue: Catalogue) -> list:
    table = manifest.csv_file("statuses")
    if table is None:
        return []
    rows, problems = [], []
    for line, row in iter_rows(directory, table):
        where = f"{table.file}, line {line}"
        area = catalogue.geography.area(row["area"])
        if area is None:
            hints = ", ".join(catalogue.geography.suggest_areas(row["area"])) or "none"
            problems.append(f"{where}, column 'area': unknown area {row['area']!r} (closest: {hints})")
        year = _optional_int(row["year"], f"{where}, column 'year'", problems)
        status = row["status"].strip()
        if status and status not in STATUSES:
            problems.append(f"{where}, column 'status': {status!r} is not one of {STATUSES}")
        elif status and year is not None and official_term(status, year) != row["term"]:
            problems.append(
                f"{where}, column 'term': {row['term']!r} is not the official term for "
                f"{status} in {year} ({official_term(status, year)!r})"
            )
        if row["origin"] not in ORIGINS:
            problems.append(f"{where}, column 'origin': {row['origin']!r} is not one of {ORIGINS}")
        if area is not None and year is not None:
            rows.append((area.slug, year, status, row))
    _fail(problems)
    return rows


def _optional_int(text: str, where: str, problems: list[str]) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        problems.append(f"{where}: {text!r} is not a whole number")
        return None


def _write_observations(rows: list, batch: LoadBatch) -> dict[str, int]:
    areas = {a.slug: a for a in Area.objects.all()}
    indicators = {i.code: i for i in Indicator.objects.all()}
    existing = {
        (o.area.slug, o.indicator.code, o.period): o
        for o in Observation.objects.select_related("area", "indicator")
    }
    new, revised, unchanged = [], [], 0
    fields = ("value", "absence", "unit", "source", "n_persons", "note")
    for key, value, absence, unit, source, n_persons, note in rows:
        wanted = dict(zip(fields, (value, absence, unit, source, n_persons, note), strict=True))
        current = existing.get(key)
        if current is None:
            new.append(Observation(area=areas[key[0]], indicator=indicators[key[1]],
                                   period=key[2], batch=batch, **wanted))
        elif all(getattr(current, f) == v for f, v in wanted.items()):
            unchanged += 1
        else:
            for f, v in wanted.items():
                setattr(current, f, v)
            current.batch = batch
            revised.append(current)
    Observation.objects.bulk_create(new, batch_size=2000)
    Observation.objects.bulk_update(revised, [*fields, "batch"], batch_size=2000)
    return {"observations_new": len(new), "observations_revised": len(revised),
            "observations_unchanged": unchanged}


def _write_statuses(rows: list, batch: LoadBatch) -> dict[str, int]:
    areas = {a.slug: a for a in Area.objects.all()}
    existing = {(s.area.slug, s.year, s.status, s.origin): s
                for s in ListStatus.objects.select_related("area")}
    new, revised, unchanged = [], [], 0
    fields = ("term", "rule_version", "source_url", "note")
    for slug, year, status, row in rows:
        wanted = {f: row[f] for f in fields}
        current = existing.get((slug, year, status, row["origin"]))
        if current is None:
            new.append(ListStatus(area=areas[slug], year=year, status=status,
                                  origin=row["origin"], batch=batch, **wanted))
        elif all(getattr(current, f) == v for f, v in wanted.items()):
            unchanged += 1
        else:
            for f, v in wanted.items():
                setattr(current, f, v)
            current.batch = batch
            revised.append(current)
    ListStatus.objects.bulk_create(new, batch_size=2000)
    ListStatus.objects.bulk_update(revised, [*fields, "batch"], batch_size=2000)
    return {"statuses_new": len(new), "statuses_revised": len(revised),
            "statuses_unchanged": unchanged}
