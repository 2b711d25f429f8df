"""The synthetic population: seeded, streamed in chunks, and within the microdata contract."""

from __future__ import annotations

import pyarrow.compute as pc
import pyarrow.parquet as pq

from udsat.analytics.synthetic import REHOUSING_FROM, synthesize
from udsat.analytics.targets import read_targets
from udsat.domain.catalogue import default_catalogue
from udsat.ingest.microdata import validate_microdata


def _files(directory):
    return {p.relative_to(directory).as_posix(): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def test_the_same_seed_gives_the_same_bytes(tmp_path):
    catalogue = default_catalogue()
    synthesize(tmp_path / "a", 5_000, 2018, 2020, seed=4, catalogue=catalogue, chunk_persons=2_000)
    synthesize(tmp_path / "b", 5_000, 2018, 2020, seed=4, catalogue=catalogue, chunk_persons=2_000)
    synthesize(tmp_path / "c", 5_000, 2018, 2020, seed=5, catalogue=catalogue, chunk_persons=2_000)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_persons_are_written_in_chunks_so_memory_does_not_grow_with_n(tmp_path):
    synthesize(tmp_path / "m", 5_000, 2018, 2020, seed=4, catalogue=default_catalogue(),
               chunk_persons=2_000)
    files = sorted((tmp_path / "m" / "person_years").glob("*.parquet"))
    # 5,000 persons in chunks of 2,000: 2,000 + 2,000 + 1,000 persons, 3 years each,
    # two row groups per year (residents of areas, everyone else).
    assert [pq.ParquetFile(f).metadata.num_rows for f in files] == [6_000, 6_000, 3_000]
    assert [pq.ParquetFile(f).metadata.num_row_groups for f in files] == [6, 6, 6]


def test_residents_of_areas_have_row_groups_of_their_own_ordered_by_area(tmp_path):
    synthesize(tmp_path / "m", 5_000, 2018, 2019, seed=4, catalogue=default_catalogue(),
               chunk_persons=5_000)
    parquet = pq.ParquetFile(next((tmp_path / "m" / "person_years").glob("*.parquet")))
    area = parquet.schema_arrow.get_field_index("area")
    for group in range(parquet.metadata.num_row_groups):
        rows = parquet.metadata.row_group(group)
        nulls = rows.column(area).statistics.null_count
        # even groups: residents of an area (no NULL area); odd: everyone else (all NULL)
        assert nulls == (0 if group % 2 == 0 else rows.num_rows)
        if group % 2 == 0:
            codes = parquet.read_row_group(group, columns=["area"]).column(0).combine_chunks()
            assert codes.indices.to_pylist() == sorted(codes.indices.to_pylist())


def test_synthetic_microdata_meets_the_contract(synthetic_microdata):
    assert validate_microdata(synthetic_microdata, default_catalogue()) == []


def test_planned_rehousing_starts_in_2019_from_areas_with_a_development_plan(synthetic_microdata):
    events = pq.read_table(synthetic_microdata / "rehousing_events.parquet")
    planned = {t.slug for t in read_targets(synthetic_microdata / "targets.csv")
               if t.development_plan}
    years = pc.year(events.column("date"))
    assert events.num_rows > 0
    assert pc.min(years).as_py() == REHOUSING_FROM
    assert set(events.column("from_area").to_pylist()) <= planned


def test_the_population_covers_all_of_denmark_not_only_social_housing(synthetic_microdata):
    table = pq.read_table(synthetic_microdata / "person_years", columns=["area", "region"],
                          filters=[("year", "=", 2024)])
    outside = pc.sum(pc.is_null(table.column("area"))).as_py()
    assert outside > table.num_rows / 2
    assert set(table.column("region").to_pylist()) == {1081, 1082, 1083, 1084, 1085}


def test_every_municipality_lies_in_one_region_the_catalogues(tmp_path):
    # The region lookup was a binary search over municipalities listed by region, not by
    # code: 22 municipalities had persons in two regions. Now each has exactly one, its own.
    synthesize(tmp_path / "m", 3000, 2018, 2019, 2, default_catalogue())
    table = pq.read_table(tmp_path / "m" / "person_years", columns=["municipality", "region"])
    pairs = set(zip(table["municipality"].to_pylist(), table["region"].to_pylist(),
                    strict=True))
    expected = {m.code: m.region_code for m in default_catalogue().geography.municipalities}
    assert len({m for m, _ in pairs}) > 50  # persons are spread over many municipalities
    assert pairs == {(m, expected[m]) for m, _ in pairs}
