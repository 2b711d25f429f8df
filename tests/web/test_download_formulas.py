"""No download the site serves carries a formula (a note is the figure's free text)."""

import csv
import io

import pytest

from udsat.domain.bundle import (
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    Manifest,
    write_csv_table,
    write_manifest,
)
from udsat.web.data.loading import load_bundle

FORMULA = '=HYPERLINK("https://evil.example","Klik her")'


def _load(directory):
    directory.mkdir()
    columns = TABLE_COLUMNS["observations"]
    rows = [{"area": "vollsmose", "indicator": "residents", "period": "2031", "breakdown": "",
             "value": "9000", "absence": "", "unit": "persons", "source": "statistikbanken",
             "n_persons": "", "note": FORMULA},
            {"area": "vollsmose", "indicator": "residents", "period": "2032", "breakdown": "",
             "value": "9100", "absence": "", "unit": "persons", "source": "statistikbanken",
             "n_persons": "", "note": "@SUM(A1)"}]
    files = (write_csv_table(directory, "observations", columns,
                             [[r[c] for c in columns] for r in rows]),)
    write_manifest(directory, Manifest(SCHEMA_VERSION, "formulas", "2026-01-01", "tests", files))
    load_bundle(directory)


def _cells(content: bytes) -> list[str]:
    text = content.decode("utf-8-sig")
    delimiter = ";" if ";" in text.splitlines()[0] else ","  # the site may use either
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


@pytest.mark.parametrize("url", ["/omraader/vollsmose/data/residents.csv",
                                 "/sammenlign/data.csv?indikator=residents&periode=2031",
                                 "/en/omraader/vollsmose/data/residents.csv"])
def test_no_cell_of_a_download_starts_a_formula(client, tmp_path, loaded_reference, url):
    _load(tmp_path / "b")
    response = client.get(url)
    assert response.status_code == 200
    cells = _cells(response.content)
    assert "'" + FORMULA in cells  # shown as text: the quote tells the spreadsheet
    for cell in cells:
        assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
        if cell.startswith("-"):
            float(cell)  # only numbers may start with a minus
