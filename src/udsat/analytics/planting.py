"""Planted effects: a known change of known size and timing, on chosen areas only, written
into synthetic person-years so the effect estimators can be checked against the truth.

A planted effect of ``size`` percentage points on ``outside_work_edu_pct`` (the statutory
measure of § 61 a stk. 1 nr. 1: residents aged 18-64 neither in work nor in education) from
``first_year`` on: in each chosen area and year, among the persons of that area-year in a
Parquet file, a random set of about ``|size|`` % of the 18-64-year-olds changes status -
from outside work and education to employed (size < 0) or from employed to unemployed
(size > 0). The expected change of the area's share is exactly ``size``; nothing changes
elsewhere, and nothing else about those persons changes (no knock-on on moves or income).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from udsat.analytics.population import COMPRESSION
from udsat.analytics.targets import SYNTHETIC_PREFIX
from udsat.ingest.microdata import LABOUR_STATUSES
from udsat.ingest.problems import Problem

PLANTABLE = ("outside_work_edu_pct",)
AGE_MIN, AGE_MAX = 18, 64  # the measure's age band (catalogue/indicators/criteria.toml)
EVALUATED = "evaluated_2018"
_SPEC = re.compile(r"(?P<outcome>[a-z_]+):(?P<size>[+-]?\d+(\.\d+)?):(?P<year>\d{4})"
                   r"(:(?P<areas>[a-z0-9,-]+))?")


@dataclass(frozen=True)
class PlantedEffect:
    outcome: str
    size: float  # percentage points
    first_year: int
    areas: tuple[str, ...]

    def as_json(self) -> dict[str, object]:
        return {"outcome": self.outcome, "size_pp": self.size, "first_year": self.first_year,
                "areas": list(self.areas)}


def parse_plant(text: str, evaluated: Sequence[str],
                known: Collection[str] = ()) -> PlantedEffect | Problem:
    """``OUTCOME:SIZE:FIRST_YEAR[:AREA,AREA...]``; areas default to the 15 evaluated areas.

    An area must be in ``known`` (the catalogue's slugs) or a synthetic area's slug."""
    match = _SPEC.fullmatch(text.strip())
    if not match:
        return Problem("--plant", None, None, f"{text!r} is not OUTCOME:SIZE:FIRST_YEAR[:AREAS],"
                       " e.g. outside_work_edu_pct:-5:2019")
    if match["outcome"] not in PLANTABLE:
        return Problem("--plant", None, None, f"cannot plant {match['outcome']!r}; "
                       f"plantable outcomes: {', '.join(PLANTABLE)}")
    areas = match["areas"] or EVALUATED
    chosen = tuple(evaluated) if areas == EVALUATED else tuple(areas.split(","))
    unknown = [a for a in chosen if known and a not in known
               and not a.startswith(SYNTHETIC_PREFIX)]
    if unknown:
        return Problem("--plant", None, None, f"unknown area(s) {', '.join(unknown)}; "
                       "use slugs from catalogue/geography.toml")
    return PlantedEffect(match["outcome"], float(match["size"]), int(match["year"]), chosen)


def plant(folder: Path, effects: Sequence[PlantedEffect], seed: int) -> None:
    """Rewrite every Parquet file in ``folder`` with the effects planted (row groups kept)."""
    for index, path in enumerate(sorted(folder.glob("*.parquet"))):
        rng = np.random.default_rng([seed, index, 1018])
        source = pq.ParquetFile(path)
        staged = path.with_suffix(".planting")
        with pq.ParquetWriter(staged, source.schema_arrow, compression=COMPRESSION) as writer:
            for group in range(source.num_row_groups):
                table = source.read_row_group(group)
                for effect in effects:
                    table = _planted(table, effect, rng)
                writer.write_table(table)
        staged.replace(path)


def _planted(table: pa.Table, effect: PlantedEffect, rng: np.random.Generator) -> pa.Table:
    area = table["area"].to_pylist()
    year = table["year"].to_numpy()
    age = table["age"].to_numpy()
    status = np.array(table["labour_status"].to_pylist(), dtype=object)
    in_edu = table["in_education"].to_numpy(zero_copy_only=False)
    chosen = set(effect.areas)
    eligible = ((year >= effect.first_year) & (age >= AGE_MIN) & (age <= AGE_MAX)
                & np.array([a in chosen for a in area]))
    if not eligible.any():
        return table
    outside = (status != "employed") & ~in_edu
    employed = (status == "employed") & ~in_edu
    keys = np.array([f"{a}|{y}" for a, y in zip(area, year, strict=True)], dtype=object)
    for key in np.unique(keys[eligible]):
        cell = eligible & (keys == key)
        donors = cell & (outside if effect.size < 0 else employed)
        if not donors.any():
            continue
        # Flip |size| % of the cell's persons: each eligible person with this probability.
        p = min(1.0, abs(effect.size) / 100 * cell.sum() / donors.sum())
        flip = donors & (rng.random(len(status)) < p)
        status[flip] = "employed" if effect.size < 0 else "unemployed"
    codes = np.array([LABOUR_STATUSES.index(s) for s in status], dtype=np.int32)
    field = table.schema.field("labour_status")
    column = pa.DictionaryArray.from_arrays(pa.array(codes), pa.array(LABOUR_STATUSES))
    return table.set_column(table.schema.get_field_index("labour_status"), field,
                            column.cast(field.type))
