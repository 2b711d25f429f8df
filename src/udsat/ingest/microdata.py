"""The person-year microdata contract (docs/microdata.md) and its validation.

A microdata directory holds ``person_years/*.parquet`` (one row per person per year), and
optionally ``rehousing_events.parquet``, ``survey_responses.parquet`` and ``areas.csv``
(names of areas the catalogue does not know). Validation reads Parquet footers for the
schema and then the values batch by batch, so memory stays flat however many rows there are.
Problems name the file, the row (1-based within the file) and the column.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from udsat.domain.catalogue import Catalogue
from udsat.ingest.problems import Problem

PERSON_YEARS = "person_years"
REHOUSING = "rehousing_events.parquet"
SURVEY = "survey_responses.parquet"
AREAS = "areas.csv"
AREA_COLUMNS = ("slug", "name", "municipality_code")

ORIGINS = ("danish", "western", "nonwestern_immigrant", "nonwestern_descendant")
SEXES = ("female", "male")
LABOUR_STATUSES = ("employed", "unemployed", "outside")
# "unknown" stays distinct from "none": the rule versions treat it differently (L 45 counts
# it as basic schooling; L 38 counts only education taken or approved in Denmark).
EDUCATION_LEVELS = ("none", "basic", "upper_secondary", "vocational", "higher", "unknown")
HOUSEHOLD_TYPES = (
    "single", "couple", "single_with_children", "couple_with_children", "other",
)
REHOUSING_REASONS = ("demolition", "sale", "renovation", "conversion")
MAX_PROBLEMS = 50


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "int", "float", "bool", "str"
    nullable: bool = False
    allowed: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


PERSON_YEAR_COLUMNS: tuple[Column, ...] = (
    Column("person_id", "int", minimum=0),
    Column("year", "int", minimum=1980, maximum=2100),
    Column("area", "str", nullable=True),
    Column("municipality", "int", minimum=101, maximum=999),
    Column("region", "int", minimum=1081, maximum=1085),
    Column("age", "int", minimum=0, maximum=125),
    Column("sex", "str", allowed=SEXES),
    Column("origin", "str", allowed=ORIGINS),
    Column("labour_status", "str", allowed=LABOUR_STATUSES),
    Column("in_education", "bool"),
    Column("education_level", "str", allowed=EDUCATION_LEVELS),
    Column("education_danish", "bool", nullable=True),
    Column("gross_income", "float", minimum=-1e9, maximum=1e10),
    Column("taxpayer", "bool"),
    Column("student", "bool"),
    Column("convicted", "bool"),
    Column("household_type", "str", allowed=HOUSEHOLD_TYPES),
)
REHOUSING_COLUMNS: tuple[Column, ...] = (
    Column("person_id", "int", minimum=0),
    Column("date", "date"),
    Column("from_area", "str"),
    Column("reason", "str", allowed=REHOUSING_REASONS),
)
SURVEY_COLUMNS: tuple[Column, ...] = (
    Column("person_id", "int", minimum=0),
    Column("year", "int", minimum=1980, maximum=2100),
    Column("wellbeing", "float", nullable=True, minimum=0, maximum=100),
    Column("safety", "float", nullable=True, minimum=0, maximum=100),
    Column("life_mastery", "float", nullable=True, minimum=0, maximum=100),
    Column("weight", "float", minimum=0),
)


def arrow_type(column: Column) -> pa.DataType:
    """The Arrow type a writer should use for a contract column."""
    return {
        "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32(),
        "str": pa.dictionary(pa.int32(), pa.string()),
    }[column.kind]


def _kind_matches(kind: str, data_type: pa.DataType) -> bool:
    if pa.types.is_dictionary(data_type):
        data_type = data_type.value_type
    checks = {
        "int": pa.types.is_integer,
        "float": lambda t: pa.types.is_floating(t) or pa.types.is_integer(t),
        "bool": pa.types.is_boolean,
        "str": lambda t: pa.types.is_string(t) or pa.types.is_large_string(t),
        "date": pa.types.is_date,
    }
    return checks[kind](data_type)


def person_year_files(directory: Path) -> list[Path]:
    folder = directory / PERSON_YEARS
    single = directory / f"{PERSON_YEARS}.parquet"
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    return files or ([single] if single.is_file() else [])


def validate_microdata(
    directory: Path, catalogue: Catalogue, check_values: bool = True, text_values: bool = True
) -> list[Problem]:
    """Every problem with a microdata directory; an empty list means it meets the contract.

    ``text_values=False`` skips reading the person-year text columns (the costly part): a
    caller that scans them anyway (analytics counts values outside ``allowed_text_values``
    in its first pass) calls again with ``text_values=True`` only to name the rows.
    """
    directory = Path(directory)
    if not directory.is_dir():
        return [Problem(str(directory), None, None, "not a directory")]
    files = person_year_files(directory)
    if not files:
        return [Problem(str(directory / PERSON_YEARS), None, None,
                        "no person-year Parquet files (person_years/*.parquet)")]
    problems: list[Problem] = []
    extra_areas, area_problems = read_area_names(directory)
    problems += area_problems
    known_areas = {a.slug for a in catalogue.geography.areas} | set(extra_areas)
    # Files are independent and pyarrow releases the GIL while decoding: check two at once.
    with ThreadPoolExecutor(max_workers=2) as pool:
        for found in pool.map(
            lambda p: _validate_file(p, PERSON_YEAR_COLUMNS, check_values, known_areas,
                                     text_values), files
        ):
            problems += found
    for name, columns in ((REHOUSING, REHOUSING_COLUMNS), (SURVEY, SURVEY_COLUMNS)):
        if (directory / name).is_file():
            problems += _validate_file(directory / name, columns, check_values, known_areas)
    return problems[:MAX_PROBLEMS]


def read_area_names(directory: Path) -> tuple[dict[str, tuple[str, int]], list[Problem]]:
    """The optional ``areas.csv``: slug -> (name, municipality code)."""
    path = directory / AREAS
    if not path.is_file():
        return {}, []
    areas: dict[str, tuple[str, int]] = {}
    problems: list[Problem] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != AREA_COLUMNS:
            return {}, [Problem(str(path), 1, None, f"header must be {','.join(AREA_COLUMNS)}")]
        for line, row in enumerate(reader, start=2):
            try:
                areas[row["slug"]] = (row["name"], int(row["municipality_code"]))
            except ValueError:
                problems.append(Problem(str(path), line, "municipality_code", "not an integer"))
    return areas, problems


def allowed_text_values(catalogue: Catalogue, directory: Path) -> dict[str, tuple[str, ...]]:
    """The allowed values of every person-year text column (areas: catalogue + areas.csv)."""
    extra, _ = read_area_names(directory)
    areas = tuple(sorted({a.slug for a in catalogue.geography.areas} | set(extra)))
    return {c.name: c.allowed or areas for c in PERSON_YEAR_COLUMNS if c.kind == "str"}


def _validate_file(
    path: Path, columns: tuple[Column, ...], check_values: bool, known_areas: set[str],
    text_values: bool = True,
) -> list[Problem]:
    try:
        present = pq.read_schema(path).names
        parquet = pq.ParquetFile(path, read_dictionary=[
            c.name for c in columns if c.kind == "str" and c.name in present])
    except (OSError, pa.ArrowInvalid) as exc:
        return [Problem(str(path), None, None, f"not a readable Parquet file ({exc})")]
    schema = parquet.schema_arrow
    problems = []
    for column in columns:
        if column.name not in schema.names:
            problems.append(Problem(str(path), None, column.name, "column is missing"))
        elif not _kind_matches(column.kind, schema.field(column.name).type):
            problems.append(Problem(
                str(path), None, column.name,
                f"type {schema.field(column.name).type} is not {column.kind}",
            ))
    if problems or not check_values:
        return problems
    # Numbers, flags and dates are checked from the row-group statistics in the footer;
    # only a column whose statistics are missing or out of range is read to find the row.
    # Text columns are read dictionary-encoded, so only their distinct values are checked.
    to_read = [c for c in columns
               if (c.kind == "str" and text_values) or not _statistics_clean(parquet, c)]
    if not to_read:
        return problems
    offset = 0
    for batch in parquet.iter_batches(batch_size=1 << 20, columns=[c.name for c in to_read]):
        for column in to_read:
            problems += _check_values(path, column, batch.column(column.name), offset, known_areas)
            if len(problems) >= MAX_PROBLEMS:
                return problems
        offset += batch.num_rows
    return problems


def _statistics_clean(parquet: pq.ParquetFile, column: Column) -> bool:
    meta = parquet.metadata
    position = parquet.schema_arrow.get_field_index(column.name)
    low = column.minimum if column.minimum is not None else float("-inf")
    high = column.maximum if column.maximum is not None else float("inf")
    for group in range(meta.num_row_groups):
        stats = meta.row_group(group).column(position).statistics
        if stats is None or not stats.has_null_count:
            return False
        if stats.null_count and not column.nullable:
            return False
        numeric = column.kind in ("int", "float") and stats.num_values
        if numeric and (not stats.has_min_max or stats.min < low or stats.max > high):
            return False
    return True


def _first_row(mask: pa.Array, offset: int) -> int:
    return offset + pc.index(mask, True).as_py() + 1


def _check_values(
    path: Path, column: Column, values: pa.Array, offset: int, known_areas: set[str]
) -> Iterable[Problem]:
    """Cheap checks first (null counts, dictionaries, min/max); locate a row only on failure."""
    where = str(path)
    if not column.nullable and values.null_count:
        yield Problem(where, _first_row(pc.is_null(values), offset), column.name, "is empty")
    allowed = column.allowed or (
        tuple(sorted(known_areas)) if column.name in ("area", "from_area") else ()
    )
    if allowed:
        distinct = values.dictionary if pa.types.is_dictionary(values.type) else pc.unique(values)
        unknown = [v for v in distinct.to_pylist() if v is not None and v not in allowed]
        if pa.types.is_dictionary(values.type):
            used = pc.unique(values.indices).to_pylist()
            unknown = [v for i, v in enumerate(distinct.to_pylist()) if i in used and v in unknown]
        if unknown:
            plain = values.dictionary_decode() if pa.types.is_dictionary(values.type) else values
            row = _first_row(pc.fill_null(pc.equal(plain, unknown[0]), False), offset)
            reason = (f"unknown area {unknown[0]!r} (not in the catalogue or areas.csv)"
                      if column.name in ("area", "from_area")
                      else f"{unknown[0]!r} is not one of {', '.join(allowed)}")
            yield Problem(where, row, column.name, reason)
    if (column.minimum is not None or column.maximum is not None) and len(values):
        low = column.minimum if column.minimum is not None else float("-inf")
        high = column.maximum if column.maximum is not None else float("inf")
        extremes = pc.min_max(values)
        smallest, largest = extremes["min"].as_py(), extremes["max"].as_py()
        if smallest is not None and (smallest < low or largest > high):
            bad = pc.fill_null(pc.or_(pc.less(values, low), pc.greater(values, high)), False)
            row = _first_row(bad, offset)
            yield Problem(where, row, column.name,
                          f"{values[row - offset - 1].as_py()} is outside {low:g}..{high:g}")
