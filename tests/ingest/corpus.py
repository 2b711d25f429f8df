"""The bad-input corpus: small files built on the fly, each with the one problem it must raise.

Used by tests/ingest (the problem is reported) and tests/test_cli_import.py (the database is
unchanged after each refused load). Each case: (id, importer kind, builder, expected text).
"""

from __future__ import annotations

import json
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


def sparse(name: str, size: int, head: bytes = b"") -> Callable[[Path], Path]:
    """A file of ``size`` bytes that takes no disk space (a hole after ``head``)."""
    def build(directory: Path) -> Path:
        path = directory / name
        with path.open("wb") as handle:
            handle.write(head)
            handle.truncate(size)
        return path
    return build


def jsonstat(name: str, dimension: dict, value, ids: list | None = None) -> Callable[[Path], Path]:
    payload = {"version": "2.0", "class": "dataset", "dimension": dimension, "value": value}
    if ids is not None:
        payload["id"] = ids
    return text(name, json.dumps(payload, ensure_ascii=False))


def places_and_years(codes: list, years: list) -> dict:
    """Statistikbanken's two dimensions: OMRÅDE (place codes) and Tid (years)."""
    return {
        "OMRÅDE": {"category": {"index": codes, "label": {str(c): f"place {c}" for c in codes}}},
        "Tid": {"category": {"index": years, "label": {str(y): str(y) for y in years}}},
    }


def px(name: str, codepage: str, cells: int = 1) -> Callable[[Path], Path]:
    years = ", ".join(f'"{2000 + i}"' for i in range(cells))
    return text(name, f'CHARSET="ANSI";\nCODEPAGE="{codepage}";\nSTUB="område";\n'
                      f'HEADING="tid";\nVALUES("område")="Hele landet";\n'
                      f'VALUES("tid")={years};\nDATA=\n' + " ".join(["1"] * cells) + ";\n")


# Statistikbanken tables hold one measure, named with --indicator by the person importing.
INDICATOR = "national_convicted_pct"
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
    # Values that validated but failed in the database or on a page (issue 15): the bounds
    # of the bundle contract (domain.limits) are checked where the file is read.
    ("figure_too_large", "tidy",
     text("huge.csv", HEADER + "Vollsmose,residents,2020,9999999999999,persons,statistikbanken,\n"),
     "huge.csv, row 2, column 'value': 9999999999999 is too large"),
    ("n_persons_past_integer", "tidy",
     text("persons.csv", HEADER.strip() + ",n_persons\n"
          "Vollsmose,nonwestern_pct,2020,40,pct,statistikbanken,,2147483648\n"),
     "persons.csv, row 2, column 'n_persons': 2147483648 is too large"),
    ("breakdown_too_long", "tidy",
     text("breakdown.csv", HEADER.strip() + ",breakdown\n"
          "Vollsmose,residents,2020,9000,persons,statistikbanken,," + "b" * 61 + "\n"),
     "breakdown.csv, row 2, column 'breakdown': is 61 characters long; at most 60"),
    ("arabic_indic_period", "tidy",
     text("arabic.csv", HEADER + "Vollsmose,residents,٢٠١٩,9000,persons,statistikbanken,\n"),
     "arabic.csv, row 2, column 'period': '٢٠١٩' is not a year"),
    ("arabic_indic_value", "tidy",
     text("arabicvalue.csv", HEADER + "Vollsmose,residents,2019,٩٠٠٠,persons,statistikbanken,\n"),
     "arabicvalue.csv, row 2, column 'value': '٩٠٠٠' is not a number"),
    ("superscript_value", "tidy",
     text("superscript.csv", HEADER + "Vollsmose,residents,2019,9²,persons,statistikbanken,\n"),
     "superscript.csv, row 2, column 'value': '9²' is not a number"),
    ("header_line_10_mb", "tidy", text("wide.csv", "area," * 2_000_000 + "\n" + GOOD),
     "wide.csv, row 1: the first line is longer than 4.096 characters"),
    ("line_too_long", "tidy", text("long.csv", HEADER + "x" * 100_000 + "\n"),
     "long.csv, row 2: is longer than 65.536 characters"),
    ("tidy_over_size_cap", "tidy", sparse("big.csv", 400 * 1024 * 1024, HEADER.encode()),
     "big.csv: is 419 MB; a tidy file above 315 MB is refused"),
    ("jsonstat_superscript_code", "statistikbanken-json",
     jsonstat("superscript.json", places_and_years(["²"], ["2019"]), [1.5]),
     "superscript.json, column 'OMRÅDE': cell 1 (place ², 2019): unknown place"),
    ("jsonstat_arabic_year", "statistikbanken-json",
     jsonstat("arabicyear.json", places_and_years(["000"], ["٢٠١٩"]), [1.5]),
     "arabicyear.json, column 'Tid': '٢٠١٩' is not a year"),
    ("jsonstat_billion_cells", "statistikbanken-json",
     jsonstat("cells.json", {**places_and_years([f"{i:03}" for i in range(1000)],
                                                [str(1000 + i) for i in range(1000)]),
                             "X": {"category": {"index": [str(i) for i in range(1000)]}}}, {}),
     "cells.json, column 'dimension': declares more than 200.000 cells"),
    ("jsonstat_deep_nesting", "statistikbanken-json",
     text("deep.json", "[" * 100_000 + "]" * 100_000),
     "deep.json: is nested more than 20 levels deep"),
    ("jsonstat_nesting_past_limit", "statistikbanken-json",
     text("nested.json", '{"dimension": {}, "value": ' + "[" * 30 + "]" * 30 + "}"),
     "nested.json: is nested more than 20 levels deep"),
    ("jsonstat_value_not_a_list", "statistikbanken-json",
     jsonstat("scalar.json", places_and_years(["000"], ["2019"]), 5),
     "scalar.json, column 'value': has a malformed JSON-stat structure"),
    ("jsonstat_codes_not_texts", "statistikbanken-json",
     jsonstat("intcodes.json", places_and_years([0], ["2019"]), [1.5]),
     "intcodes.json, column 'OMRÅDE': dimension 'OMRÅDE': category codes must be texts"),
    ("jsonstat_dimension_not_object", "statistikbanken-json",
     jsonstat("dim.json", {"OMRÅDE": 5, "Tid": []}, [1.5]),
     "dim.json, column 'OMRÅDE': has a malformed JSON-stat structure"),
    ("jsonstat_ids_not_names", "statistikbanken-json",
     jsonstat("ids.json", places_and_years(["000"], ["2019"]), [1.5], ids=[["OMRÅDE"], "Tid"]),
     "ids.json, column 'id': has a malformed JSON-stat structure"),
    ("jsonstat_value_is_object", "statistikbanken-json",
     jsonstat("objvalue.json", places_and_years(["000"], ["2019"]), [{"a": 1}]),
     'objvalue.json, column \'value\': holds {"a": 1} where a number belongs'),
    ("jsonstat_figure_too_large", "statistikbanken-json",
     jsonstat("hugejson.json", places_and_years(["000"], ["2019"]), [1e300]),
     "is too large (a figure has at most 11 digits"),
    ("jsonstat_over_size_cap", "statistikbanken-json", sparse("big.json", 30 * 1024 * 1024),
     "big.json: is 31 MB; a statistikbanken-json file above 21 MB is refused"),
    ("px_codepage_not_text", "statistikbanken-px", px("idna.px", "idna"),
     "idna.px, column 'CODEPAGE': 'idna' is not a code page PX files use"),
    ("px_too_many_cells", "statistikbanken-px", px("cells.px", "utf-8", 300_000),
     "cells.px, column 'VALUES': declares more than 200000 cells"),
]
