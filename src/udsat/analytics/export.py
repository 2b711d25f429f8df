"""Pass every cell through the disclosure gate and write the bundle (CSV + Parquet copies).

The bundle is written to a temporary directory beside ``out`` and renamed into place, so
a failure leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from udsat.analytics.audit import integer_audit
from udsat.analytics.cells import DERIVED, FLOWS, OBSERVATIONS, PLACE_OBSERVATIONS, Collection
from udsat.domain.bundle import (
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    Manifest,
    TableFile,
    now_utc,
    sha256_of,
    write_csv_table,
    write_manifest,
)
from udsat.domain.catalogue import Catalogue
from udsat.domain.disclosure import GateReport, Policy, protect
from udsat.domain.observations import SUPPRESSED

SURVEY_COLUMNS = ("area", "year", "indicator", "breakdown", "n_persons", "mean", "ci_low",
                  "ci_high", "suppressed")


def _rounded(value: Decimal, precision: int) -> str:
    quantum = Decimal(1).scaleb(-precision)
    return str(value.quantize(quantum, rounding=ROUND_HALF_EVEN))


def table_rows(collection: Collection, suppressed: frozenset, catalogue: Catalogue,
               source: str) -> dict[str, list[tuple]]:
    """The observations, place_observations and flows rows after disclosure control."""
    rows: dict[str, list[tuple]] = {OBSERVATIONS: [], PLACE_OBSERVATIONS: [], FLOWS: []}
    for key, cell in collection.cells.items():
        if cell.table == DERIVED:
            continue
        hidden = key in suppressed
        if cell.table == FLOWS:
            year, origin, destination, kind, move_type = cell.fields
            rows[FLOWS].append((year, origin, destination, kind, move_type,
                                "" if hidden else cell.n_persons, "true" if hidden else "false"))
            continue
        indicator = catalogue.indicator(cell.fields[-3])
        if indicator is None:
            raise ValueError(f"cell {key} names an indicator the catalogue does not know")
        if hidden:
            value, absence, persons, note = "", SUPPRESSED, "", ""
        elif cell.value is None:
            continue
        else:
            value = _rounded(cell.value, indicator.precision)
            absence, persons, note = "", cell.n_persons, cell.note
        rows[cell.table].append(
            (*cell.fields, value, absence, indicator.unit, source, persons, note))
    for table in rows.values():
        table.sort(key=lambda r: tuple(str(v) for v in r))
    return rows


def write_bundle(
    out: Path, collection: Collection, statuses: Sequence[tuple], areas: Sequence[tuple],
    survey: Sequence[tuple], catalogue: Catalogue, policy: Policy, dataset: str,
    synthetic: bool, rule_versions: Sequence[str], producer: str,
    report: GateReport | None = None, created_at: str | None = None,
) -> tuple[Manifest, int]:
    """Apply disclosure control, write every table and the manifest; return it and the
    number of suppressed cells. ``report`` receives the gate's suppressions and time per
    table; ``created_at`` fixes the manifest's time (the same input gives the same bytes)."""
    suppressed = gate(collection, policy, report)
    source = "synthetic-microdata" if synthetic else "dst-registers"
    rows = table_rows(collection, suppressed, catalogue, source)
    hidden_survey = {(a, str(y), i, g) for (_, a, i, y, g) in
                     (k for k in suppressed if k[0] == OBSERVATIONS)}
    survey_rows = sorted([
        (a, y, i, g, "" if (a, str(y), i, g) in hidden_survey else n,
         *(("", "", "") if (a, str(y), i, g) in hidden_survey
           else (f"{m:.1f}", f"{lo:.1f}", f"{hi:.1f}")),
         "true" if (a, str(y), i, g) in hidden_survey else "false")
        for a, y, i, g, n, m, lo, hi in survey
    ], key=lambda r: tuple(str(v) for v in r))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        tables: list[tuple[str, tuple[str, ...], list[tuple]]] = [
            ("areas", TABLE_COLUMNS["areas"], list(areas)),
            (OBSERVATIONS, TABLE_COLUMNS[OBSERVATIONS], rows[OBSERVATIONS]),
            (PLACE_OBSERVATIONS, TABLE_COLUMNS[PLACE_OBSERVATIONS], rows[PLACE_OBSERVATIONS]),
            ("statuses", TABLE_COLUMNS["statuses"], list(statuses)),
            (FLOWS, TABLE_COLUMNS[FLOWS], rows[FLOWS]),
            ("survey_estimates", SURVEY_COLUMNS, survey_rows),
        ]
        files: list[TableFile] = []
        for name, columns, data in tables:
            files.append(write_csv_table(staging, name, columns, data))
            files.append(_parquet_copy(staging, name, columns))
        manifest = Manifest(
            schema_version=SCHEMA_VERSION, name=out.name, created_at=created_at or now_utc(),
            producer=producer, files=tuple(files), dataset=dataset, synthetic=synthetic,
            catalogue_version=catalogue_version(catalogue), rule_versions=tuple(rule_versions),
            disclosure=policy.as_manifest(), source_url="",
        )
        write_manifest(staging, manifest)
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return manifest, len(suppressed)


def gate(collection: Collection, policy: Policy, report: GateReport | None = None
         ) -> frozenset:
    """The disclosure gate over every cell and relation of the collection: the rules of
    catalogue/disclosure.toml, the exact linear audit and the integer interval audit."""
    cells = {}
    for key, cell in collection.cells.items():
        if cell.value is not None or cell.table == DERIVED:
            indicator = "" if cell.table == FLOWS else str(cell.fields[-3])
            cells[key] = cell.figure(indicator)
    derived = [k for k, c in collection.cells.items() if c.table == DERIVED]
    return protect(cells, collection.relations, policy,
                   audit=integer_audit(policy.rules.min_interval), report=report,
                   derived=derived)


def _parquet_copy(directory: Path, table: str, columns: Sequence[str]) -> TableFile:
    """A Parquet copy of a CSV table, every column as text (exactly the CSV's content)."""
    options = pacsv.ConvertOptions(column_types={c: pa.string() for c in columns},
                                   strings_can_be_null=False)
    data = pacsv.read_csv(directory / f"{table}.csv", convert_options=options)
    path = directory / f"{table}.parquet"
    pq.write_table(data, path, compression="zstd")
    return TableFile(table, path.name, "parquet", tuple(columns), data.num_rows, sha256_of(path))


def catalogue_version(catalogue: Catalogue) -> str:
    """A digest of the catalogue's indicator definitions, so bundles name what they used."""
    text = "\n".join(repr(i) for i in catalogue.indicators)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def area_rows(names: Mapping[str, tuple[str, int]], used: set[str]) -> list[tuple]:
    return [(slug, name, code, "true") for slug, (name, code) in sorted(names.items())
            if slug in used]
