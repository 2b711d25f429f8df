"""Write checked bundle rows to the database, a chunk at a time, and count what changed.

Each table has a writer keyed like the table's natural key. A row is new, revised (a field
differs: the row now belongs to the new batch, and for observations the old figure is kept
as an ObservationRevision), or unchanged. Called only inside ``loading``'s transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.utils import timezone

from udsat.domain.catalogue import Catalogue
from udsat.web.data.models import (
    Area,
    Flow,
    Indicator,
    ListStatus,
    LoadBatch,
    Observation,
    ObservationRevision,
    PlaceObservation,
)
from udsat.web.data.tables import Parsed

BATCH_SIZE = 2000
FIGURE_FIELDS = ("value", "absence", "unit", "source", "n_persons", "note")


@dataclass(frozen=True)
class Spec:
    """How one table maps to its model: the key of a stored row and the fields of a parsed one."""

    name: str
    model: type[models.Model]
    key_fields: tuple[str, ...]  # attnames, in the order ``resolve`` builds its key
    resolve: Callable[[Parsed, dict, dict], tuple[tuple, dict[str, Any]]]
    data_fields: tuple[str, ...]
    keeps_revisions: bool = False

    def key_of(self, row: models.Model) -> tuple:
        return tuple(getattr(row, name) for name in self.key_fields)


def _observation(row: Parsed, areas: dict, indicators: dict) -> tuple[tuple, dict]:
    f = row.fields
    fields = {"area_id": areas[f["area"]], "indicator_id": indicators[f["indicator"]],
              "period": f["period"], "breakdown": f["breakdown"],
              **{k: f[k] for k in FIGURE_FIELDS}}
    return (fields["area_id"], fields["indicator_id"], f["period"], f["breakdown"]), fields


def _place_observation(row: Parsed, areas: dict, indicators: dict) -> tuple[tuple, dict]:
    f = row.fields
    fields = {"place_kind": f["place_kind"], "place_code": f["place_code"],
              "indicator_id": indicators[f["indicator"]], "period": f["period"],
              "breakdown": f["breakdown"], **{k: f[k] for k in FIGURE_FIELDS}}
    key = (f["place_kind"], f["place_code"], fields["indicator_id"], f["period"], f["breakdown"])
    return key, fields


def _status(row: Parsed, areas: dict, indicators: dict) -> tuple[tuple, dict]:
    f = row.fields
    fields = {"area_id": areas[f["area"]], "year": f["year"], "status": f["status"],
              "origin": f["origin"], "term": f["term"], "rule_version": f["rule_version"],
              "source_url": f["source_url"], "note": f["note"]}
    return (fields["area_id"], f["year"], f["status"], f["origin"]), fields


def _flow(row: Parsed, areas: dict, indicators: dict) -> tuple[tuple, dict]:
    f = row.fields
    destination = areas.get(f["destination"] or "")
    fields = {"year": f["year"], "origin_id": areas[f["origin"]], "destination_id": destination,
              "destination_kind": f["destination_kind"], "move_type": f["move_type"],
              "n_persons": f["n_persons"], "suppressed": f["suppressed"]}
    key = (f["year"], fields["origin_id"], destination, f["destination_kind"], f["move_type"])
    return key, fields


SPECS = {
    "observations": Spec(
        "observations", Observation, ("area_id", "indicator_id", "period", "breakdown"),
        _observation, FIGURE_FIELDS, keeps_revisions=True),
    "place_observations": Spec(
        "place_observations", PlaceObservation,
        ("place_kind", "place_code", "indicator_id", "period", "breakdown"), _place_observation, FIGURE_FIELDS),
    "statuses": Spec(
        "statuses", ListStatus, ("area_id", "year", "status", "origin"), _status, ("term", "rule_version", "source_url", "note")),
    "flows": Spec(
        "flows", Flow, ("year", "origin_id", "destination_id", "destination_kind", "move_type"),
        _flow, ("n_persons", "suppressed")),
}


class TableWriter:
    """Upserts one table's rows for one batch; ``counts`` says new, revised and unchanged."""

    def __init__(self, spec: Spec, batch: LoadBatch) -> None:
        self.spec, self.batch = spec, batch
        self.areas = dict(Area.objects.values_list("slug", "id"))
        self.indicators = dict(Indicator.objects.values_list("code", "id"))
        # A dataset's first load has nothing to compare with: skip the look-ups entirely.
        self.first = not spec.model.objects.filter(dataset=batch.dataset).exists()
        self.new = self.revised = self.unchanged = 0

    def existing(self, keys: list[tuple]) -> dict[tuple, models.Model]:
        """The stored rows with these keys, found by joining a temporary table of the keys
        on the natural key (one query a chunk; memory holds one chunk, not the dataset)."""
        if self.first or not keys:
            return {}
        meta, quote = self.spec.model._meta, connection.ops.quote_name
        fields = [meta.get_field(name) for name in self.spec.key_fields]
        temp = quote(f"udsat_keys_{self.spec.name}")
        with connection.cursor() as cursor:
            columns = ", ".join(f"k{i} {f.db_type(connection)}" for i, f in enumerate(fields))
            cursor.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {temp} ({columns})")
            cursor.execute(f"DELETE FROM {temp}")
            cursor.executemany(f"INSERT INTO {temp} VALUES ({', '.join(['%s'] * len(fields))})",
                               keys)
        on = " AND ".join(_same(f"t.{quote(f.column)}", f"k.k{i}", f.null)
                          for i, f in enumerate(fields))
        sql = (f"SELECT t.* FROM {quote(meta.db_table)} t JOIN {temp} k ON {on} "
               f"WHERE t.{quote('dataset')} = %s")
        return {self.spec.key_of(o): o
                for o in self.spec.model.objects.raw(sql, [self.batch.dataset])}

    @property
    def counts(self) -> dict[str, int]:
        name = self.spec.name
        return {f"{name}_new": self.new, f"{name}_revised": self.revised,
                f"{name}_unchanged": self.unchanged}

    def write(self, rows: list[Parsed]) -> None:
        spec, batch = self.spec, self.batch
        new, revised, revisions = [], [], []
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        resolved = [spec.resolve(row, self.areas, self.indicators) for row in rows]
        existing = self.existing([key for key, _ in resolved])
        for key, wanted in resolved:
            current = existing.get(key)
            if current is None:
                new.append((*wanted.values(), batch.dataset, batch.id))
                continue
            if all(getattr(current, f) == wanted[f] for f in spec.data_fields):
                self.unchanged += 1
                continue
            if spec.keeps_revisions:
                revisions.append((current.id, *(getattr(current, f) for f in FIGURE_FIELDS),
                                  current.batch_id, batch.id, now))
            revised.append((*(wanted[f] for f in spec.data_fields), batch.id, current.id))
        if new:
            names = [*resolved[0][1], "dataset", "batch_id"]
            _execute_many(_insert_sql(spec.model, names), new)
        if revised:
            _execute_many(_update_sql(spec.model, [*spec.data_fields, "batch_id"]), revised)
        if revisions:
            names = ["observation_id", *FIGURE_FIELDS, "batch_id", "superseded_by_id",
                     "superseded_at"]
            _execute_many(_insert_sql(ObservationRevision, names), revisions)
        self.new += len(new)
        self.revised += len(revised)


# The ORM's bulk_create and bulk_update spend ~40 µs a row building model instances and SQL
# for each field (bulk_update a CASE per field and row); a million-row load cannot afford
# it. Rows are written with one executemany per BATCH_SIZE rows instead. The values are
# what the ORM would send (Decimal, int, str, bool, None; datetimes adapted above): the
# parsers checked them.
def _insert_sql(model: type[models.Model], names: list[str]) -> str:
    meta, quote = model._meta, connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in names)
    return (f"INSERT INTO {quote(meta.db_table)} ({columns}) "
            f"VALUES ({', '.join(['%s'] * len(names))})")


def _update_sql(model: type[models.Model], names: list[str]) -> str:
    meta, quote = model._meta, connection.ops.quote_name
    assignments = ", ".join(f"{quote(meta.get_field(name).column)} = %s" for name in names)
    return f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"


def _execute_many(sql: str, rows: list[tuple]) -> None:
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH_SIZE):
            cursor.executemany(sql, rows[start:start + BATCH_SIZE])


def _same(left: str, right: str, nullable: bool) -> str:
    """SQL equality that also matches NULL with NULL where the column may be empty."""
    return f"({left} = {right} OR ({left} IS NULL AND {right} IS NULL))" if nullable \
        else f"{left} = {right}"


def write_areas(rows: list[Parsed], catalogue: Catalogue) -> dict[str, int]:
    """Areas the catalogue does not know (synthetic ones): created or updated by slug."""
    geography = catalogue.geography
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
