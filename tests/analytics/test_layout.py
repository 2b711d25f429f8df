"""The recommended Parquet layout (docs/microdata.md) changes speed, never a figure."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq

from udsat.analytics.compute import compute
from udsat.analytics.synthetic import synthesize
from udsat.domain.catalogue import default_catalogue


def test_one_shuffled_row_group_per_file_gives_the_same_cells_and_statuses(tmp_path):
    catalogue = default_catalogue()
    laid_out = tmp_path / "laid-out"
    synthesize(laid_out, 40_000, 2016, 2020, seed=3, catalogue=catalogue)
    shuffled = tmp_path / "shuffled"
    shutil.copytree(laid_out, shuffled)
    for path in (shuffled / "person_years").glob("*.parquet"):
        table = pq.read_table(path)
        # every year and area mixed into one row group, in a scrambled order
        order = sorted(range(table.num_rows), key=lambda i: (i * 7919) % table.num_rows)
        pq.write_table(table.take(order), path, row_group_size=table.num_rows)
        assert pq.ParquetFile(path).metadata.num_row_groups == 1

    first, second = compute(laid_out, catalogue), compute(shuffled, catalogue)
    assert len(first.collection.cells) > 1000
    assert first.collection.cells == second.collection.cells
    assert {k: (v.statuses, v.insufficient) for k, v in first.classified.items()} == {
        k: (v.statuses, v.insufficient) for k, v in second.classified.items()}
