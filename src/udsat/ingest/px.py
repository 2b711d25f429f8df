"""PC-Axis (PX) files, Statistikbanken's other download format, read into the same cube.

A PX file is a list of ``KEYWORD[("lang")]["(variable)"]=value;`` statements: STUB and
HEADING name the dimensions (stub first, the last heading varies fastest), VALUES and CODES
list each dimension's categories, DATA holds the cells. ``".."`` and its kin mean the
source publishes no figure. The file's CODEPAGE says how its text is encoded.
"""

from __future__ import annotations

import re
from pathlib import Path

from udsat.domain.limits import MAX_CUBE_CELLS
from udsat.ingest.imports import Importer, Options, Tables
from udsat.ingest.statistikbanken import Cube, Dimension, place_observations, read_bounded
from udsat.ingest.validate import Checker

# Text encodings a PX file declares (Statistikbanken writes ANSI or UTF-8). A declared codec
# outside this list (say 'idna' or 'rot13') is refused rather than tried.
CODEPAGES = {"utf-8", "utf8", "cp1252", "windows-1252", "iso-8859-1", "latin-1",
             "iso-8859-15", "ascii", "us-ascii"}
MISSING_MARKS = {".", "..", "...", "....", ".....", "......", "-"}
_KEY = re.compile(r'^\s*([A-Z0-9-]+)(?:\[[^\]]*\])?(?:\("([^"]*)"\))?\s*=\s*(.*)$', re.S)
_CODEPAGE = re.compile(rb'CODEPAGE\s*=\s*"([^"]+)"')


def _statements(text: str) -> list[str]:
    """Split on the semicolons that end statements (those outside quotes)."""
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    return [p for p in parts if p.strip()]


def _strings(value: str) -> list[str]:
    """``"a","b"`` -> [a, b]; a string continued on the next line ("ab" "cd") is joined."""
    joined = re.sub(r'"\s*\n\s*"', "", value.strip())
    return re.findall(r'"([^"]*)"', joined)


def px_cube(path: Path, checker: Checker) -> Cube | None:
    raw = read_bounded(path, checker)
    if raw is None:
        return None
    match = _CODEPAGE.search(raw[:4096])
    encoding = match.group(1).decode("ascii", "replace") if match else "cp1252"
    if encoding.casefold() not in CODEPAGES:
        checker.problem(path.name, None, "CODEPAGE", f"{encoding!r} is not a code page PX "
                        f"files use ({', '.join(sorted(CODEPAGES))})")
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeError as exc:
        checker.problem(path.name, None, "CODEPAGE", f"cannot be read as {encoding!r} ({exc})")
        return None
    checker.notes.append(f"{path.name}: read as PX, codepage {encoding}")
    entries: dict[tuple[str, str], str] = {}
    for statement in _statements(text):
        found = _KEY.match(statement)
        if found:
            entries.setdefault((found.group(1), found.group(2) or ""), found.group(3))
    has_dimensions = ("STUB", "") in entries or ("HEADING", "") in entries
    if ("DATA", "") not in entries or not has_dimensions:
        checker.problem(path.name, None, None, "is not a PX file (no STUB/HEADING and DATA)")
        return None
    names = _strings(entries.get(("STUB", ""), "")) + _strings(entries.get(("HEADING", ""), ""))
    dimensions = []
    for name in names:
        labels = _strings(entries.get(("VALUES", name), ""))
        codes = _strings(entries.get(("CODES", name), "")) or labels
        if not labels or len(codes) != len(labels):
            checker.problem(path.name, None, name, "VALUES and CODES are missing or differ "
                            "in length")
            return None
        dimensions.append(Dimension(name, tuple(codes), tuple(labels)))
    total = 1
    for dimension in dimensions:
        total *= len(dimension.codes)
        if total > MAX_CUBE_CELLS:
            checker.problem(path.name, None, "VALUES", f"declares more than {MAX_CUBE_CELLS} "
                            "cells; select fewer categories in Statistikbanken")
            return None
    cells = re.findall(r'"[^"]*"|[^\s,"]+', entries[("DATA", "")])
    values = tuple(None if c.strip('"') in MISSING_MARKS else c.strip('"') for c in cells)
    if len(values) != total:
        checker.problem(path.name, None, "DATA", f"holds {len(values)} values for {total} "
                        "cells")
        return None
    return Cube(tuple(dimensions), values)


def px_tables(path: Path, checker: Checker, options: Options) -> Tables:
    cube = px_cube(path, checker)
    rows = list(place_observations(path.name, cube, checker, options)) if cube else []
    return {"place_observations": rows}


STATISTIKBANKEN_PX = Importer("statistikbanken-px", "Statistikbanken table as PX "
                              "(with --indicator)", None, px_tables)
