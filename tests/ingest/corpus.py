"""The bad-input corpus: small files built on the fly, each with the one problem it must raise.

Used by tests/ingest (the problem is reported) and tests/test_cli_import.py (the database is
unchanged after each refused load). Each case: (id, importer kind, builder, expected text).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

HEADER = "area,indicator,period,value,unit,source,absence\n"
GOOD = "Vollsmose,residents,2020,9000,persons,statistikbanken,\n"


def text(name: str, content: str, encoding: str = "utf-8") -> Callable[[Path], Path]:
    def build(directory: Path) -> Path:
        path = directory / name
        path.write_bytes(content.encode(encoding))
        return path
    return build


def workbook(name: str, rows: list[list]) -> Callable[[Path], Path]:
    def build(directory: Path) -> Path:
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        path = directory / name
        book.save(path)
        return path
    return build


def zip_bomb(name: str, megabytes: int) -> Callable[[Path], Path]:
    """A well-formed zip whose one member expands to ``megabytes`` of zeros (~200 KB on disk)."""
    def build(directory: Path) -> Path:
        path = directory / name
        block = bytes(1 << 20)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, \
                archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(block)
        return path
    return build


BEBOERDATA_HEADER = ["Boligområde", "Indikator", "Andel (%)"]
LABEL = "Husstande med enlige med børn"

CASES: list[tuple[str, str, Callable[[Path], Path], str]] = [
    ("wrong_encoding", "tidy",
     text("latin1.csv", HEADER + "Mjølnerparken,residents,2020,2000,persons,statistikbanken,\n",
          "latin-1"),
     "latin1.csv, row 2: is not UTF-8 (byte 0xF8 cannot be read)"),
    ("utf16", "beboerdata",
     text("utf16.csv", "Boligområde;Indikator;Andel\nVollsmose;x;1\n", "utf-16"),
     "utf16.csv: is not a text file in UTF-8 or Windows-1252 (it looks like UTF-16"),
    ("wrong_separator", "tidy", text("semicolons.csv", HEADER.replace(",", ";") +
                                     GOOD.replace(",", ";")),
     "semicolons.csv, row 1: is separated by ';'; this format is separated by ','"),
    ("missing_column", "tidy",
     text("missing.csv", HEADER.replace(",unit", "") +
          "Vollsmose,residents,2020,9000,statistikbanken,\n"),
     "missing.csv, row 1, column 'unit': column is missing"),
    ("extra_column", "tidy", text("extra.csv", HEADER.strip() + ",colour\n" + GOOD.strip() +
                                  ",blue\n"),
     "extra.csv, row 1, column 'colour': unexpected column"),
    ("empty_file", "tidy", text("empty.csv", ""), "empty.csv: is empty"),
    ("header_only", "tidy", text("header.csv", HEADER), "header.csv: has a header but no data rows"),
    ("duplicate_rows", "tidy", text("dupes.csv", HEADER + GOOD + GOOD),
     "dupes.csv, row 3: duplicate of row 2"),
    ("text_in_numbers", "tidy",
     text("words.csv", HEADER + "Vollsmose,residents,2020,ni tusind,persons,statistikbanken,\n"),
     "words.csv, row 2, column 'value': 'ni tusind' is not a number"),
    ("share_over_100", "tidy",
     text("share.csv", HEADER + "Vollsmose,nonwestern_pct,2019,101,pct,statistikbanken,\n"),
     "share.csv, row 2, column 'value': 101 % is outside 0-100 %"),
    ("negative_count", "tidy",
     text("negative.csv", HEADER + "Vollsmose,residents,2019,-4,persons,statistikbanken,\n"),
     "negative.csv, row 2, column 'value': -4 is a negative count"),
    ("unknown_area", "tidy",
     text("area.csv", HEADER + "Mjolnerparken,residents,2019,2000,persons,statistikbanken,\n"),
     "area.csv, row 2, column 'area': unknown area 'Mjolnerparken'; did you mean: Mjølnerparken"),
    ("future_year", "tidy",
     text("future.csv", HEADER + "Vollsmose,residents,2999,9000,persons,statistikbanken,\n"),
     "future.csv, row 2, column 'period': 2999 is in the future"),
    ("mixed_units", "tidy",
     text("units.csv", HEADER + GOOD + "Vollsmose,residents,2019,0.9,pct,statistikbanken,\n"),
     "units.csv, row 3, column 'unit': mixed units: residents is in 'persons' on row 2"),
    ("unknown_indicator", "tidy",
     text("indicator.csv", HEADER + "Vollsmose,happiness,2019,9,pct,statistikbanken,\n"),
     "indicator.csv, row 2, column 'indicator': unknown indicator 'happiness'"),
    ("value_and_absence", "tidy",
     text("both.csv", HEADER + "Vollsmose,residents,2019,9,persons,statistikbanken,suppressed\n"),
     "both.csv, row 2, column 'absence': give a value or an absence, not both"),
    ("formula_cell", "beboerdata",
     workbook("formula.xlsx", [BEBOERDATA_HEADER, ["Vollsmose", LABEL, "=10+4.2"]]),
     "formula.xlsx, row 2, column 'value': holds the formula '=10+4.2' where a number belongs"),
    ("oversized_xlsx", "beboerdata", zip_bomb("bomb.xlsx", 210),
     "bomb.xlsx: would expand to 220 MB when opened (limit 210 MB)"),
    ("compression_ratio", "beboerdata", zip_bomb("ratio.xlsx", 20),
     "ratio.xlsx: member xl/worksheets/sheet1.xml expands"),
]
