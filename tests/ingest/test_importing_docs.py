"""docs/importing.md describes every importer and every column its schema declares."""

from pathlib import Path

import pytest

from udsat.ingest.kinds import IMPORTERS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "importing.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", sorted(IMPORTERS))
def test_every_importer_has_a_section_naming_each_of_its_columns(kind):
    assert f"`{kind}`" in DOC
    schema = IMPORTERS[kind].schema
    for column in schema.columns if schema else ():
        assert f"`{column.name}`" in DOC, f"{kind}: column {column.name} is not documented"
