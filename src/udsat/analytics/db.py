"""The one module that talks to DuckDB: connections, views over the microdata, named queries.

Every query lives in ``sql/<name>.sql`` with a header comment (grain of a row, inputs,
parameters). Parameters are bound by DuckDB (``$name``); the only text substitution is
the catalogue_measures slot, filled from catalogue predicates (reviewed data).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

SQL_DIR = Path(__file__).resolve().parent / "sql"
DEFAULT_MEMORY_LIMIT = "4GB"


def sql_text(name: str, **fragments: str) -> str:
    text = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
    for key, value in fragments.items():
        text = text.replace("{" + key + "}", value)
    return text


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


class Database:
    """An in-process DuckDB with views ``person_years``, ``rehousing_events``, ``survey_responses``."""

    def __init__(self, memory_limit: str = DEFAULT_MEMORY_LIMIT, threads: int = 2,
                 temp_directory: Path | None = None) -> None:
        self.connection = duckdb.connect(":memory:")
        self.connection.execute(f"SET memory_limit = '{memory_limit}'")
        self.connection.execute(f"SET threads = {int(threads)}")
        self.connection.execute("SET preserve_insertion_order = false")
        self.connection.execute("SET enable_progress_bar = false")
        if temp_directory is not None:
            self.connection.execute(f"SET temp_directory = {_literal(temp_directory)}")

    def attach_parquet(self, view: str, files: Sequence[Path]) -> None:
        listing = ", ".join(_literal(p) for p in files)
        self.connection.execute(
            f"CREATE OR REPLACE VIEW {view} AS SELECT * FROM read_parquet([{listing}])"
        )

    def attach_empty(self, view: str, columns: dict[str, str]) -> None:
        body = ", ".join(f"NULL::{kind} AS {name}" for name, kind in columns.items())
        self.connection.execute(f"CREATE OR REPLACE VIEW {view} AS SELECT {body} WHERE false")

    def execute(self, name: str, params: dict[str, Any] | None = None, **fragments: str) -> None:
        self.connection.execute(sql_text(name, **fragments), params or {})

    def rows(self, name: str, params: dict[str, Any] | None = None,
             **fragments: str) -> tuple[list[str], list[tuple]]:
        """Run a named query; return its column names and rows."""
        cursor = self.connection.execute(sql_text(name, **fragments), params or {})
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()

    def dicts(self, name: str, params: dict[str, Any] | None = None,
              **fragments: str) -> list[dict[str, Any]]:
        columns, rows = self.rows(name, params, **fragments)
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def copy_parquet(self, query_name: str, target: Path, params: dict[str, Any] | None = None,
                     **fragments: str) -> None:
        body = sql_text(query_name, **fragments).strip().rstrip(";")
        self.connection.execute(
            f"COPY ({body}) TO {_literal(target)} (FORMAT parquet)", params or {})

    def close(self) -> None:
        self.connection.close()
