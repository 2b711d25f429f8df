"""Duplicate detection for bundles of any size, with flat memory.

A set of a million key tuples costs hundreds of megabytes; an on-disk SQLite index (standard
library) costs a few. The index lives in a temporary file and disappears on ``close``.
(``udsat.ingest.keys`` has the same class: the web may not import ingest.)
"""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from pathlib import Path


class KeyIndex:
    """Remembers the first row each key was seen on."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="udsat-keys-")
        self._db = sqlite3.connect(Path(self._dir.name) / "keys.sqlite")
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE seen (key BLOB PRIMARY KEY, line INTEGER) WITHOUT ROWID")

    def first_line(self, key: tuple, line: int) -> int | None:
        """Record ``key`` at ``line``; return the earlier line if the key was seen before."""
        digest = hashlib.blake2b(repr(key).encode(), digest_size=16).digest()
        try:
            self._db.execute("INSERT INTO seen VALUES (?, ?)", (digest, line))
        except sqlite3.IntegrityError:
            row = self._db.execute("SELECT line FROM seen WHERE key = ?", (digest,)).fetchone()
            return int(row[0])
        return None

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()

    def __enter__(self) -> KeyIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
