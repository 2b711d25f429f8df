"""A seeded synthetic population of all of Denmark, written as person-year microdata.

Everyone is simulated, not only social-housing residents: the regional income and the
national conviction average need the whole population. Persons are generated in chunks of
CHUNK_PERSONS (analytics/population.py); each chunk is simulated over all years and written
to its own Parquet file, so memory does not grow with the number of persons. Each chunk has
its own random stream derived from (seed, chunk), so the same seed gives the same bytes.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from udsat.analytics.population import REHOUSING_FROM, AreaParameters, Chunk, schema
from udsat.analytics.targets import AreaTarget, default_targets, write_targets
from udsat.domain.catalogue import Catalogue, default_catalogue
from udsat.ingest.microdata import AREA_COLUMNS, PERSON_YEARS, REHOUSING, SURVEY
from udsat.ingest.problems import Problem, ProblemsFound

CHUNK_PERSONS = 200_000
__all__ = ["CHUNK_PERSONS", "REHOUSING_FROM", "SynthResult", "synthesize", "synthesize_cli"]


@dataclass(frozen=True)
class SynthResult:
    persons: int
    rows: int
    areas: int
    files: int

def synthesize_cli(out: Path, persons: int, years: str, seed: int) -> str:
    """Check the arguments, synthesize, and say what was written."""
    match = re.fullmatch(r"(\d{4})-(\d{4})", years.strip())
    problems = []
    if not match or int(match.group(1)) > int(match.group(2)):
        problems.append(Problem("--years", None, None, f"{years!r} is not FIRST-LAST, e.g. 2010-2024"))
    if persons < 1:
        problems.append(Problem("--persons", None, None, "must be at least 1"))
    if Path(out).exists() and any(Path(out).iterdir()):
        problems.append(Problem(str(out), None, None, "exists and is not empty; choose a new directory"))
    if problems:
        raise ProblemsFound(problems)
    assert match is not None
    result = synthesize(Path(out), persons, int(match.group(1)), int(match.group(2)), seed,
                        default_catalogue())
    return (f"synthetic microdata written to {out}: {result.persons} persons, "
            f"{result.rows} person-years, {result.areas} areas, {result.files} files")


def synthesize(
    out: Path, persons: int, first_year: int, last_year: int, seed: int, catalogue: Catalogue,
    chunk_persons: int = CHUNK_PERSONS, area_residents: tuple[int, int] | None = None,
) -> SynthResult:
    """Write a synthetic microdata directory (docs/microdata.md) to ``out``.

    Written into a staging directory beside ``out`` and renamed at the end, so an
    interrupted run leaves nothing half-written.
    """
    final = Path(out)
    final.parent.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
    try:
        result = _synthesize(out, persons, first_year, last_year, seed, catalogue, chunk_persons,
                             area_residents)
        if final.exists():
            final.rmdir()  # an empty directory (checked by the caller)
        out.rename(final)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise
    return result


def _synthesize(
    out: Path, persons: int, first_year: int, last_year: int, seed: int, catalogue: Catalogue,
    chunk_persons: int, area_residents: tuple[int, int] | None = None,
) -> SynthResult:
    (out / PERSON_YEARS).mkdir(parents=True, exist_ok=True)
    targets = default_targets(catalogue, persons, seed, area_residents)
    areas = AreaParameters(targets, catalogue, persons)
    write_targets(out / "targets.csv", targets)
    _write_area_names(out, targets)
    rehousing = _Writer(out / REHOUSING, schema(("person_id", "date", "from_area", "reason")))
    survey = _Writer(out / SURVEY, schema(
        ("person_id", "year", "wellbeing", "safety", "life_mastery", "weight")))
    rows = 0
    chunks = (persons + chunk_persons - 1) // chunk_persons
    for chunk in range(chunks):
        size = min(chunk_persons, persons - chunk * chunk_persons)
        path = out / PERSON_YEARS / f"part-{chunk:05d}.parquet"
        rows += Chunk(areas, chunk, size, persons, seed, first_year, last_year, chunk_persons).write(
            path, rehousing, survey)
    rehousing.close()
    survey.close()
    meta = {"seed": seed, "persons": persons, "years": [first_year, last_year],
            "chunk_persons": chunk_persons, "areas": len(targets)}
    if area_residents is not None:
        meta["area_residents"] = list(area_residents)
    (out / "synthetic.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return SynthResult(persons, rows, len(targets), chunks)


def _write_area_names(out: Path, targets: list[AreaTarget]) -> None:
    lines = [",".join(AREA_COLUMNS)]
    lines += [f"{t.slug},{t.name},{t.municipality_code}" for t in targets if t.synthetic]
    (out / "areas.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")

class _Writer:
    """A Parquet file written table by table; created on first write."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path, self.schema, self.writer = path, schema, None

    def write(self, table: pa.Table) -> None:
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.path, self.schema, compression="zstd")
        self.writer.write_table(table)

    def close(self) -> None:
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.path, self.schema, compression="zstd")
        self.writer.close()

