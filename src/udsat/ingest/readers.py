"""Read a source table row by row, whatever it arrived as: CSV text or an XLSX workbook.

Everything is streamed: a file is never read whole. A file-level fault (not text, an
encoding the format does not allow, a zip bomb) is a ``SourceError`` carrying one Problem;
row-level faults are left to the importers' validation.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path

from udsat.domain.bundle import LineTooLong, bounded_lines
from udsat.domain.limits import MAX_HEADER_CHARS, MAX_LINE_CHARS
from udsat.ingest.problems import Problem
from udsat.ingest.source_table import SourceError, SourceTable
from udsat.ingest.workbook import read_xlsx

UTF8 = "utf-8"
CP1252 = "cp1252"
SEPARATORS = (";", ",", "\t")
_SAMPLE = 1 << 16
_SEPARATOR_NAMES = {";": "semicolon (;)", ",": "comma (,)", "\t": "tab"}


def detect_encoding(path: Path, allowed: tuple[str, ...]) -> str:
    """UTF-8 (with or without BOM) when the first 64 KiB decode as UTF-8, else Windows-1252.

    Windows-1252 is a superset of Latin-1 for every printable character, so Latin-1 files
    read correctly too. A NUL byte means UTF-16 or a binary file: refused, never guessed.
    """
    with path.open("rb") as handle:
        sample = handle.read(_SAMPLE)
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in sample:
        raise SourceError(Problem(path.name, None, None,
                                  "is not a text file in UTF-8 or Windows-1252 (it looks like "
                                  "UTF-16 or a binary file); save it as CSV UTF-8"))
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder(UTF8)().decode(sample, final=len(sample) < _SAMPLE)
    except UnicodeDecodeError as exc:
        if CP1252 in allowed:
            return CP1252
        line = sample[: exc.start].count(b"\n") + 1
        raise SourceError(Problem(path.name, line, None,
                                  f"is not UTF-8 (byte 0x{sample[exc.start]:02X} cannot be read); "
                                  "this format must be saved as CSV UTF-8")) from None
    return UTF8


def detect_separator(header_line: str) -> str:
    """The candidate that occurs most often in the header line (outside quotes)."""
    outside: list[str] = []
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(char)
    text = "".join(outside)
    counts = {sep: text.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def read_csv(path: Path, encodings: tuple[str, ...] = (UTF8,)) -> SourceTable:
    """Stream a CSV file, detecting its encoding and separator and saying what was found."""
    if path.stat().st_size == 0:
        raise SourceError(Problem(path.name, None, None, "is empty"))
    encoding = detect_encoding(path, encodings)
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        first = handle.readline(MAX_HEADER_CHARS + 1)
    if len(first) > MAX_HEADER_CHARS and not first.endswith("\n"):
        raise SourceError(Problem(path.name, 1, None,
                                  f"the first line is longer than {MAX_HEADER_CHARS:,} "
                                  "characters; a header names a few columns".replace(",", ".")))
    separator = detect_separator(first)
    shown = "UTF-8" if encoding.startswith(UTF8) else "Windows-1252/Latin-1"
    notes = [f"{path.name}: read as {shown}, separator {_SEPARATOR_NAMES[separator]}"]
    return SourceTable(path.name, _csv_rows(path, encoding, separator), notes, encoding, separator)


def _csv_rows(path: Path, encoding: str, separator: str) -> Iterator[tuple[int, list[str]]]:
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(bounded_lines(handle, MAX_LINE_CHARS), delimiter=separator)
        number = 0
        try:
            for number, cells in enumerate(reader, start=1):  # noqa: B007
                yield number, cells
        except UnicodeDecodeError as exc:
            raise SourceError(Problem(path.name, number + 1, None,
                                      f"is not {encoding.upper()} from here on "
                                      f"(byte 0x{exc.object[exc.start]:02X}); save the whole "
                                      "file in one encoding")) from None
        except LineTooLong:
            raise SourceError(Problem(path.name, number + 1, None,
                                      f"is longer than {MAX_LINE_CHARS:,} characters; no row "
                                      "of figures is that long".replace(",", "."))) from None
        except csv.Error as exc:
            raise SourceError(Problem(path.name, number + 1, None,
                                      f"cannot be read as CSV ({exc})")) from None


def read_table(path: Path, encodings: tuple[str, ...] = (UTF8,)) -> SourceTable:
    """CSV or XLSX by the file's content (an XLSX is a zip archive), not its name."""
    if not path.is_file():
        raise SourceError(Problem(path.name, None, None, "does not exist"))
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic == b"PK\x03\x04":
        return read_xlsx(path)
    return read_csv(path, encodings)

