"""Duplicate detection for source files and bundles of any size, with flat memory.

Shared by ingest (source files) and the web's bundle loader, hence in the domain.

A set of a million key tuples costs hundreds of megabytes; an on-disk SQLite index (standard
library) costs a few. Keys are buffered and checked in batches (one query per few thousand
rows, not one per row); call ``flush`` before relying on ``duplicates``. The index lives in
a temporary file and disappears on ``close``.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

BATCH = 5000
_QUERY_PARAMS = 500  # well below SQLite's limit on bound parameters


def _digest(key: tuple) -> int:
    """A 64-bit digest of the key (Python's own tuple hash: consistent within one process).

    Two different keys share a digest with odds of about 3 in 100 million for a million rows;
    the cost of that is a refused file naming two rows that are not duplicates, never a
    wrong figure stored.
    """
    return hash(key)


class KeyIndex:
    """Remembers the first row each key was seen on; collects (row, earlier row) repeats."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="udsat-keys-")
        self._db = sqlite3.connect(Path(self._dir.name) / "keys.sqlite")
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE seen (key INTEGER PRIMARY KEY, line INTEGER)")
        self._pending: dict[int, int] = {}
        self.duplicates: list[tuple[int, int]] = []

    def add(self, key: tuple, line: int) -> None:
        digest = _digest(key)
        earlier = self._pending.get(digest)
        if earlier is not None:
            self.duplicates.append((line, earlier))
            return
        self._pending[digest] = line
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> list[tuple[int, int]]:
        """Check the buffered keys against the index; return the repeats found so far."""
        pending = list(self._pending.items())
        for start in range(0, len(pending), _QUERY_PARAMS):
            part = [digest for digest, _ in pending[start:start + _QUERY_PARAMS]]
            marks = ",".join("?" * len(part))
            for digest, earlier in self._db.execute(
                    f"SELECT key, line FROM seen WHERE key IN ({marks})", part):
                self.duplicates.append((self._pending.pop(digest), earlier))
        self._db.executemany("INSERT INTO seen VALUES (?, ?)", self._pending.items())
        self._pending.clear()
        self.duplicates.sort()
        return self.duplicates

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()

    def __enter__(self) -> KeyIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
