"""Readers detect and report encoding and separator, and guard against zip bombs."""

import zipfile

import pytest

from udsat.ingest.readers import detect_encoding, detect_separator, read_table
from udsat.ingest.source_table import SourceError
from udsat.ingest.workbook import check_archive


@pytest.mark.parametrize(("line", "separator"), [
    ("area;indicator;value\n", ";"),
    ("area,indicator,value\n", ","),
    ("area\tindicator\tvalue\n", "\t"),
    ('"Ringparken, Slagelse";x;1\n', ";"),  # the comma inside quotes does not count
    ("area\n", ","),
])
def test_the_separator_is_the_most_frequent_candidate_outside_quotes(line, separator):
    assert detect_separator(line) == separator


def test_utf8_latin1_and_bom_files_are_told_apart(tmp_path):
    (tmp_path / "u.csv").write_bytes("Tåstrupgård\n".encode())
    (tmp_path / "l.csv").write_bytes("Tåstrupgård\n".encode("latin-1"))
    (tmp_path / "b.csv").write_bytes("\ufeffTåstrupgård\n".encode())
    allowed = ("utf-8", "cp1252")
    assert detect_encoding(tmp_path / "u.csv", allowed) == "utf-8"
    assert detect_encoding(tmp_path / "l.csv", allowed) == "cp1252"
    assert detect_encoding(tmp_path / "b.csv", allowed) == "utf-8-sig"


def test_a_latin1_byte_late_in_a_utf8_file_names_the_row(tmp_path):
    path = tmp_path / "late.csv"
    path.write_bytes(b"a,b\n" + b"x,1\n" * 20000 + "Tåstrupgård,2\n".encode("latin-1"))
    table = read_table(path)
    with pytest.raises(SourceError, match=r"late.csv, row \d+: is not UTF-8 from here on"):
        list(table.rows)


def test_the_archive_guard_reads_sizes_from_the_central_directory(tmp_path):
    path = tmp_path / "small.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.xml", "x" * 5000)
    check_archive(path, limit=5000)  # exactly at the limit: accepted
    with pytest.raises(SourceError, match="would expand to 0 MB when opened"):
        check_archive(path, limit=4999)


def test_a_zip_that_is_not_a_workbook_is_refused_cleanly(tmp_path):
    path = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(SourceError, match="notes.xlsx: is not a readable XLSX workbook"):
        read_table(path)

