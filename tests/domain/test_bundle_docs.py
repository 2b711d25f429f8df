"""docs/bundle.md names every table's columns in the order the contract fixes them."""

import re
from pathlib import Path

from udsat.domain.bundle import SCHEMA_VERSION, TABLE_COLUMNS

DOC = Path(__file__).resolve().parents[2] / "docs" / "bundle.md"
ENTRY = re.compile(r"^- `(\w+)`(?: \(optional\))?: (.*?)(?= — |\n  -|\n-|\n\n)", re.M | re.S)


def _documented() -> dict[str, tuple[str, ...]]:
    text = DOC.read_text(encoding="utf-8")
    tables = text[text.index("Tables ("):]
    return {name: tuple(c.strip() for c in " ".join(cols.split()).split(","))
            for name, cols in ENTRY.findall(tables)}


def test_bundle_doc_lists_every_tables_columns_in_contract_order():
    documented = _documented()
    for table, columns in TABLE_COLUMNS.items():
        assert documented.get(table) == columns, table


def test_bundle_doc_names_the_schema_version():
    assert f"(schema_version {SCHEMA_VERSION})" in DOC.read_text(encoding="utf-8").splitlines()[0]
