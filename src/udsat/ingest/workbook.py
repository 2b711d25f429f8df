"""XLSX workbooks, read in openpyxl's streaming (read-only) mode behind a zip-bomb guard.

An XLSX file is a zip archive; a small file can expand to gigabytes. The central directory
states every member's uncompressed size, so the guard checks the total and the compression
ratio before openpyxl opens anything.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl

from udsat.ingest.problems import Problem
from udsat.ingest.source_table import FormulaCell, SourceError, SourceTable

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # XML compresses well, but not 200-fold (a zip bomb compresses 1000-fold)
_RATIO_FLOOR = 1024 * 1024  # small members may compress extremely (empty styles, etc.)


def check_archive(path: Path, limit: int = MAX_UNCOMPRESSED_BYTES) -> None:
    """Refuse an archive that is not a zip, or that would expand beyond ``limit`` bytes."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise SourceError(Problem(path.name, None, None,
                                  f"is not a readable XLSX workbook ({exc})")) from None
    total = sum(m.file_size for m in members)
    if total > limit:
        raise SourceError(Problem(
            path.name, None, None,
            f"would expand to {total / 1e6:,.0f} MB when opened (limit {limit / 1e6:,.0f} MB); "
            "refused as a possible zip bomb - save a smaller sheet or a CSV"))
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise SourceError(Problem(
                path.name, None, None,
                f"member {member.filename} expands {ratio:,.0f}-fold (limit {MAX_RATIO}); "
                "refused as a possible zip bomb"))


def read_xlsx(path: Path, limit: int = MAX_UNCOMPRESSED_BYTES) -> SourceTable:
    """Stream the first worksheet's rows as text cells; formulas stay marked as formulas."""
    check_archive(path, limit)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise SourceError(Problem(path.name, None, None,
                                  f"is not a readable XLSX workbook ({exc})")) from None
    if not workbook.worksheets:
        workbook.close()
        raise SourceError(Problem(path.name, None, None, "has no worksheet"))
    sheet = workbook.worksheets[0]
    notes = [f"{path.name}: read as XLSX, sheet {sheet.title!r}"]
    if len(workbook.worksheets) > 1:
        notes.append(f"{path.name}: only the first sheet ({sheet.title!r}) is read")
    return SourceTable(path.name, _rows(workbook, sheet, path.name), notes, encoding="xlsx")


def _rows(workbook, sheet, file: str) -> Iterator[tuple[int, list[str]]]:
    number = 0
    try:
        for number, row in enumerate(sheet.iter_rows(), start=1):  # noqa: B007
            yield number, [_text(cell) for cell in row]
    except SourceError:
        raise
    except Exception as exc:  # a damaged sheet fails part way, with any of openpyxl's types
        raise SourceError(Problem(file, number + 1, None,
                                  f"cannot be read from here on ({type(exc).__name__}: "
                                  f"{str(exc)[:200]})")) from None
    finally:
        workbook.close()



def _text(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if cell.data_type == "f":
        return FormulaCell(str(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # repr is the shortest text that reads back as the same float: 9.4, not 9.4000000001
        return repr(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()
