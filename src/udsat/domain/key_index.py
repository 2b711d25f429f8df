"""Duplicate detection for source files and bundles of any size, with flat memory.

Shared by ingest (source files) and the web's bundle loader, hence in the domain.

A set of a million key tuples costs hundreds of megabytes. Two ways around it, both keeping
a 64-bit digest of each key on disk in a temporary directory that disappears on ``close``:

- ``RepeatFinder`` answers once, at the end: digests are spread over partition files by
  their top bits, and each partition is sorted on its own at the end (a million keys take
  about a second; memory holds one partition). For a file that is checked whole before
  anything is kept (ingest).
- ``KeyIndex`` answers as it goes: an on-disk SQLite index (standard library), checked in
  batches; call ``flush`` before relying on ``duplicates``. About five times slower, for a
  loader that must know of a repeat before it writes the row.
"""

from __future__ import annotations

import sqlite3
import tempfile
from array import array
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


_MASK = (1 << 64) - 1
_PARTITION_BITS = 7  # 128 partitions: a 100-million-row file sorts ~800,000 keys at a time
_SHIFT = 64 - _PARTITION_BITS
_SPILL = 2048  # digests a partition buffers (8 bytes each) before it appends them to its file
_MAX_LINE = (1 << 32) - 1


class RepeatFinder:
    """Finds the keys added more than once; each repeat is named with the first line of its key."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="udsat-keys-")
        self._digests = [array("Q") for _ in range(1 << _PARTITION_BITS)]
        self._lines = [array("Q") for _ in range(1 << _PARTITION_BITS)]
        self._spilled: set[int] = set()

    def add(self, key: tuple, line: int) -> None:
        if not 0 <= line <= _MAX_LINE:
            raise ValueError(f"line {line} is outside 0-{_MAX_LINE}")
        digest = _digest(key) & _MASK
        part = digest >> _SHIFT
        digests = self._digests[part]
        digests.append(digest)
        self._lines[part].append(line)
        if len(digests) >= _SPILL:
            self._spill(part)

    def _spill(self, part: int) -> None:
        for name, values in (("d", self._digests[part]), ("l", self._lines[part])):
            with open(self._path(part, name), "ab") as handle:
                values.tofile(handle)
            del values[:]
        self._spilled.add(part)

    def _path(self, part: int, name: str) -> Path:
        return Path(self._dir.name) / f"{part}.{name}"

    def _partition(self, part: int) -> tuple[array, array]:
        digests, lines = array("Q"), array("Q")
        if part in self._spilled:
            for name, values in (("d", digests), ("l", lines)):
                path = self._path(part, name)
                with open(path, "rb") as handle:
                    values.fromfile(handle, path.stat().st_size // values.itemsize)
        digests.extend(self._digests[part])
        lines.extend(self._lines[part])
        return digests, lines

    def repeats(self) -> list[tuple[int, int]]:
        """Every (line, first line with the same key), in line order."""
        found = []
        for part in range(1 << _PARTITION_BITS):
            digests, lines = self._partition(part)
            # One int per key, ordered by digest and then line: equal digests end up adjacent,
            # the first line of each key ahead of its repeats.
            packed = sorted([(d << 32) | n for d, n in zip(digests, lines, strict=True)])
            first_digest, first_line = -1, 0
            for value in packed:
                digest, line = value >> 32, value & _MAX_LINE
                if digest == first_digest:
                    found.append((line, first_line))
                else:
                    first_digest, first_line = digest, line
        found.sort()
        return found

    def close(self) -> None:
        self._dir.cleanup()

    def __enter__(self) -> RepeatFinder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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
