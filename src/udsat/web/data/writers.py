"""Write checked bundle rows to the database, a chunk at a time, and count what changed.

Each table has a writer keyed like the table's natural key. A row is new, revised (a field
differs: the row now belongs to the new batch, and for observations the old figure is kept
as an ObservationRevision), or unchanged. Called only inside ``loading``'s transaction.

A guarded writer also catches a key that the bundle repeats, without an index of every key:
for a table whose key is a unique constraint without nullable columns, the database refuses
a repeated new key; a stored row that this batch already wrote or revised is a repeat; and
only the keys of stored rows (revised or unchanged) go into a key index, checked in
``finish``. It raises ``RepeatedKey`` instead of naming lines: ``loading`` then redoes the
load with the full duplicate check, which does. A clean first load of a million rows thus
pays for no index.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, connection, models
from django.utils import timezone

from udsat.domain.catalogue import Catalogue
from udsat.domain.key_index import RepeatFinder
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


class RepeatedKey(Exception):
    """A guarded writer met a key twice; the load must be redone with the full check."""


@dataclass(frozen=True)
class Spec:
    """How one table maps to its model: the key of a stored row and the values of a parsed one.

    ``resolve`` returns the natural key and the row's values in ``columns`` order (a tuple:
    a million rows cannot afford a dict each on the way to the database).
    """

    name: str
    model: type[models.Model]
    key_fields: tuple[str, ...]  # attnames, in the order ``resolve`` builds its key
    columns: tuple[str, ...]  # attnames of the values ``resolve`` returns, in order
    resolve: Callable[[Parsed, dict, dict], tuple[tuple, tuple]]
    data_fields: tuple[str, ...]
    keeps_revisions: bool = False
    # The key (with dataset) is a unique constraint with no nullable column, so the
    # database itself refuses a repeated new key (NULLs never collide in a unique index).
    unique_in_db: bool = False

    def key_of(self, row: models.Model) -> tuple:
        return tuple(getattr(row, name) for name in self.key_fields)

    @property
    def data_positions(self) -> tuple[int, ...]:
        return tuple(self.columns.index(name) for name in self.data_fields)


def _observation(row: Parsed, areas: dict, indicators: dict) -> tuple[tuple, tuple]:
    f = row.fields
    area, indicator, period, breakdown = (
        areas[f["area"]], indicators[f["indicator"]], f["period"], f["breakdown"])
    return (area, indicator, period, breakdown), (
        area, indicator, period, breakdown, f["value"], f["absence"], f["unit"], f["source"],
        f["n_persons"], f["note"])


def _place_observation(row: Parsed, areas: dict, indicators: dict) -> tuple[tuple, tuple]:
    f = row.fields
    key = (f["place_kind"], f["place_code"], indicators[f["indicator"]], f["period"],
           f["breakdown"])
    return key, (*key, *(f[k] for k in FIGURE_FIELDS))


def _status(row: Parsed, areas: dict, indicators: dict) -> tuple[tuple, tuple]:
    f = row.fields
    key = (areas[f["area"]], f["year"], f["status"], f["origin"])
    return key, (*key, f["term"], f["rule_version"], f["source_url"], f["note"], f["on_list"],
                 f["derivation_da"], f["derivation_en"])


def _flow(row: Parsed, areas: dict, indicators: dict) -> tuple[tuple, tuple]:
    f = row.fields
    destination = areas.get(f["destination"] or "")
    key = (f["year"], areas[f["origin"]], destination, f["destination_kind"], f["move_type"])
    return key, (*key, f["n_persons"], f["suppressed"])


SPECS = {
    "observations": Spec(
        "observations", Observation, ("area_id", "indicator_id", "period", "breakdown"),
        ("area_id", "indicator_id", "period", "breakdown", *FIGURE_FIELDS),
        _observation, FIGURE_FIELDS, keeps_revisions=True, unique_in_db=True),
    "place_observations": Spec(
        "place_observations", PlaceObservation,
        ("place_kind", "place_code", "indicator_id", "period", "breakdown"),
        ("place_kind", "place_code", "indicator_id", "period", "breakdown", *FIGURE_FIELDS),
        _place_observation, FIGURE_FIELDS, unique_in_db=True),
    "statuses": Spec(
        "statuses", ListStatus, ("area_id", "year", "status", "origin"),
        ("area_id", "year", "status", "origin", "term", "rule_version", "source_url", "note",
         "on_list", "derivation_da", "derivation_en"),
        _status, ("term", "rule_version", "source_url", "note", "on_list", "derivation_da",
                  "derivation_en"), unique_in_db=True),
    "flows": Spec(
        "flows", Flow, ("year", "origin_id", "destination_id", "destination_kind", "move_type"),
        ("year", "origin_id", "destination_id", "destination_kind", "move_type", "n_persons",
         "suppressed"),
        _flow, ("n_persons", "suppressed")),
}


class TableWriter:
    """Upserts one table's rows for one batch; ``counts`` says new, revised and unchanged.

    ``guard``: the caller has not checked the bundle's keys for repeats; the writer raises
    RepeatedKey on one (see the module docstring). Only for a spec with ``unique_in_db``.
    """

    def __init__(self, spec: Spec, batch: LoadBatch, guard: bool = False) -> None:
        if guard and not spec.unique_in_db:
            raise ValueError(f"{spec.name}: only a key without nullable columns can be guarded")
        self.spec, self.batch, self.guard = spec, batch, guard
        self.areas = dict(Area.objects.values_list("slug", "id"))
        self.indicators = dict(Indicator.objects.values_list("code", "id"))
        # A dataset's first load has nothing to compare with: skip the look-ups entirely.
        self.first = not spec.model.objects.filter(dataset=batch.dataset).exists()
        self.new = self.revised = self.unchanged = 0
        self._stored_keys: RepeatFinder | None = None
        self._positions = spec.data_positions

    def finish(self) -> None:
        """After the last chunk: a stored key met twice is a repeat. Its rows may have been
        written twice meanwhile; RepeatedKey rolls the whole load back."""
        if self._stored_keys is not None and self._stored_keys.repeats():
            raise RepeatedKey(self.spec.name)

    def close(self) -> None:
        if self._stored_keys is not None:
            self._stored_keys.close()

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
        spec, batch, guard = self.spec, self.batch, self.guard
        new, revised, revisions = [], [], []
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        tail = (batch.dataset, batch.id)
        resolved = [spec.resolve(row, self.areas, self.indicators) for row in rows]
        existing = self.existing([key for key, _ in resolved])
        for key, values in resolved:
            current = existing.get(key)
            if current is None:
                new.append(values + tail)
                continue
            if guard:
                self._check_stored(key, current)
            if all(getattr(current, spec.columns[i]) == values[i] for i in self._positions):
                self.unchanged += 1
                continue
            if spec.keeps_revisions:
                revisions.append((current.id, *(getattr(current, f) for f in FIGURE_FIELDS),
                                  current.batch_id, batch.id, now))
            revised.append((*(values[i] for i in self._positions), batch.id, current.id))
        if new:
            try:
                _execute_many(_insert_sql(spec.model, [*spec.columns, "dataset", "batch_id"]),
                              new)
            except IntegrityError as exc:
                if guard:  # the unique constraint: a key repeated among the new rows
                    raise RepeatedKey(spec.name) from exc
                raise
        if revised:
            _execute_many(_update_sql(spec.model, [*spec.data_fields, "batch_id"]), revised)
        if revisions:
            names = ["observation_id", *FIGURE_FIELDS, "batch_id", "superseded_by_id",
                     "superseded_at"]
            _execute_many(_insert_sql(ObservationRevision, names), revisions)
        self.new += len(new)
        self.revised += len(revised)

    def _check_stored(self, key: tuple, current: models.Model) -> None:
        """A stored row this batch already wrote, or a stored key seen before, is a repeat."""
        if current.batch_id == self.batch.id:
            raise RepeatedKey(self.spec.name)
        if self._stored_keys is None:
            self._stored_keys = RepeatFinder()
        self._stored_keys.add(key, 0)


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
