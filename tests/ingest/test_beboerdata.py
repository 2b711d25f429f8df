"""Beboerdata exports: Latin-1 or UTF-8, ';' or ',', Danish decimals, '-' = not published."""

import csv
from decimal import Decimal
from pathlib import Path

import openpyxl

from udsat.domain.bundle import iter_rows, read_manifest
from udsat.domain.catalogue import default_catalogue
from udsat.ingest.beboerdata import BEBOERDATA
from udsat.ingest.imports import Options, run_import
from udsat.ingest.reference import BEBOERDATA_INDICATORS, REFERENCE_DIR

FIXTURE = Path(__file__).parent / "fixtures" / "beboerdata_15_areas_latin1.csv"


def _published() -> dict[tuple[str, str], str]:
    """The seed table as published: (area, indicator id) -> '9.4' or '-'."""
    with (REFERENCE_DIR / "beboerdata_15_areas.csv").open(encoding="utf-8") as handle:
        return {(row["area"], BEBOERDATA_INDICATORS[row["indicator"]]):
                row["value_pct"] or row["published_as"] for row in csv.DictReader(handle)}


def _imported(bundle: Path) -> dict[tuple[str, str], dict]:
    manifest = read_manifest(bundle)
    return {(row["area"], row["indicator"]): row
            for _, row in iter_rows(bundle, manifest.csv_file("observations"))}


def test_the_seed_tables_import_from_a_latin1_semicolon_csv_exactly_as_published(tmp_path):
    result = run_import(BEBOERDATA, FIXTURE, tmp_path / "b",
                        Options(source_url="https://udsatteområder.dk/resultater/"))
    assert result.ok, result.problems
    assert "read as Windows-1252/Latin-1, separator semicolon (;)" in result.notes[0]
    rows = _imported(tmp_path / "b")
    published = _published()
    assert len(rows) == len(published) == 30  # 15 areas x 2 indicators
    geography = default_catalogue().geography
    for (area, indicator), shown in published.items():
        row = rows[(geography.area(area).slug, indicator)]
        if shown == "-":
            assert (row["value"], row["absence"]) == ("", "not_published")
        else:
            assert (Decimal(row["value"]), row["absence"]) == (Decimal(shown), "")
        assert (row["period"], row["unit"], row["source"]) == ("unstated", "pct", "lbf-beboerdata")
    manifest = read_manifest(tmp_path / "b")
    assert manifest.source_file == FIXTURE.name and len(manifest.source_sha256) == 64
    assert manifest.source_url == "https://udsatteområder.dk/resultater/"
    assert manifest.dataset == "reference" and not manifest.synthetic


def test_six_unpublished_cells_are_absences_and_never_zero(tmp_path):
    run_import(BEBOERDATA, FIXTURE, tmp_path / "b")
    rows = _imported(tmp_path / "b").values()
    absent = [r for r in rows if r["absence"] == "not_published"]
    # Agervang, Ringparken, Motalavej, Stengårdsvej, Sundparken, Finlandsparken: 6 '-' cells,
    # all in the youth indicator; the household indicator is published for all 15.
    assert len(absent) == 6
    assert all(r["value"] == "" for r in absent)


def test_a_utf8_comma_separated_export_reads_the_same(tmp_path):
    utf8 = tmp_path / "utf8.csv"
    text = FIXTURE.read_bytes().decode("latin-1")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    with utf8.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    result = run_import(BEBOERDATA, utf8, tmp_path / "b")
    assert result.ok and "read as UTF-8, separator comma (,)" in result.notes[0]
    assert run_import(BEBOERDATA, FIXTURE, tmp_path / "c").ok
    assert _imported(tmp_path / "b") == _imported(tmp_path / "c")


def test_an_xlsx_export_with_a_title_row_and_numbers_reads_like_the_csv(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Beboerdata, udtræk"])  # a title above the header
    sheet.append([])
    sheet.append(["Boligområde", "Indikator", "Andel (%)", "Kommentar"])
    sheet.append(["Vollsmose", "Husstande med enlige med børn", 14.2, "ok"])
    sheet.append(["Agervang", "youth_not_in_education_pct", "-", ""])
    path = tmp_path / "export.xlsx"
    book.save(path)
    result = run_import(BEBOERDATA, path, tmp_path / "b")
    assert result.ok, result.problems
    assert "export.xlsx: column 'Kommentar' is not used" in result.notes
    rows = _imported(tmp_path / "b")
    assert rows[("vollsmose", "single_parent_households_pct")]["value"] == "14.2"
    assert rows[("agervang", "youth_not_in_education_pct")]["absence"] == "not_published"


def test_a_share_written_with_danish_thousands_and_decimal_comma_is_parsed(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes("Område;Indikator;Værdi;År\nVollsmose;Indbyggere;1.234,0;2019\n"
                     .encode("cp1252"))
    result = run_import(BEBOERDATA, path, tmp_path / "b")
    # 'Indbyggere' is not a catalogue label: a problem naming row 2 and the column
    assert [str(p) for p in result.problems] == [
        "x.csv, row 2, column 'indicator': unknown indicator 'Indbyggere' (use a catalogue id or "
        "label; see docs/importing.md)"]
    path.write_bytes("Område;Indikator;Værdi;År\nVollsmose;residents;1.234,0;2019\n"
                     .encode("cp1252"))
    result = run_import(BEBOERDATA, path, tmp_path / "c")
    assert result.ok, result.problems
    # 1.234,0 in Danish notation = 1234.0 persons
    assert Decimal(_imported(tmp_path / "c")[("vollsmose", "residents")]["value"]) == 1234


def test_the_wide_layout_with_one_column_per_indicator_reads_like_the_long_one(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_bytes(
        ("Boligområde;15-17-årige med grundskole, som ikke er i gang med uddannelse;"
         "Husstande med enlige med børn;Antal lejemål\n"
         "Tingbjerg/Utterslevhuse;9,4;13,0;2400\n"
         "Agervang;-;15,6;\n").encode("cp1252"))
    result = run_import(BEBOERDATA, path, tmp_path / "b")
    assert result.ok, result.problems
    assert "wide.csv: one column per indicator (wide layout)" in result.notes
    assert "wide.csv: column 'Antal lejemål' is not used" in result.notes
    rows = {key: (row["value"], row["absence"]) for key, row in _imported(tmp_path / "b").items()}
    # 2 areas x 2 indicators; the '-' is not published
    assert rows == {
        ("tingbjerg-utterslevhuse", "youth_not_in_education_pct"): ("9.4", ""),
        ("tingbjerg-utterslevhuse", "single_parent_households_pct"): ("13.0", ""),
        ("agervang", "youth_not_in_education_pct"): ("", "not_published"),
        ("agervang", "single_parent_households_pct"): ("15.6", ""),
    }
