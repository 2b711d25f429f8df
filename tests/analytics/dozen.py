"""A dozen synthetic persons over 2017-2019, small enough to compute every figure by hand.

Areas: A = mjoelnerparken (one of the 15 evaluated areas, København, Region Hovedstaden),
B = bispeparken (København, not evaluated). Ages are given for 2017 and rise by one a year.

  p1  A all years, 30, employed, basic (Danish), 200k
  p2  A all years, 40, outside, education unknown, 100k, convicted in 2018
  p3  A all years, 50, unemployed, higher (Danish), 100k, non-Western immigrant
  p4  A all years, 20, in education (student), basic, 50k
  p5  A 2017-2018, then B: planned rehousing (demolition) 1 June 2018; 35, outside in
      2017-2018, employed in 2019, basic (Danish), 100k/100k/300k, non-Western descendant
  p6  B 2017-2018, then A (an ordinary move during 2018); 45, employed, vocational, 400k
  p7  outside social housing, København, 40, employed, 600k, convicted in 2019
  p8  outside social housing, København, 70, outside, 150k
  p9  outside social housing, Aarhus (Region Midtjylland), 30, employed, 300k
  p10 A all years, 10, child, non-Western descendant
  p11 B all years, 60, outside, basic (Danish), 120k
  p12 A in 2017, then outside social housing (an ordinary move during 2017); 25, employed, 250k
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from udsat.ingest.microdata import PERSON_YEAR_COLUMNS, REHOUSING_COLUMNS, arrow_type

A, B = "mjoelnerparken", "bispeparken"
YEARS = (2017, 2018, 2019)

_DEFAULTS = dict(
    municipality=101, region=1084, sex="female", origin="danish", labour_status="employed",
    in_education=False, education_level="basic", education_danish=True, gross_income=0.0,
    taxpayer=True, student=False, convicted=False, household_type="single",
)


def _person(pid: int, age2017: int, areas: tuple, **attrs) -> list[dict]:
    rows = []
    for i, year in enumerate(YEARS):
        row = dict(_DEFAULTS, person_id=pid, year=year, area=areas[i], age=age2017 + i)
        for key, value in attrs.items():
            row[key] = value[i] if isinstance(value, tuple) else value
        if row["education_level"] == "unknown":
            row["education_danish"] = None
        rows.append(row)
    return rows


def person_years() -> list[dict]:
    return [
        *_person(1, 30, (A, A, A), gross_income=200_000.0),
        *_person(2, 40, (A, A, A), labour_status="outside", education_level="unknown",
                 gross_income=100_000.0, convicted=(False, True, False)),
        *_person(3, 50, (A, A, A), labour_status="unemployed", education_level="higher",
                 gross_income=100_000.0, origin="nonwestern_immigrant"),
        *_person(4, 20, (A, A, A), labour_status="outside", in_education=True, student=True,
                 gross_income=50_000.0),
        *_person(5, 35, (A, A, B), labour_status=("outside", "outside", "employed"),
                 gross_income=(100_000.0, 100_000.0, 300_000.0),
                 origin="nonwestern_descendant"),
        *_person(6, 45, (B, B, A), education_level="vocational", gross_income=400_000.0),
        *_person(7, 40, (None, None, None), gross_income=600_000.0,
                 convicted=(False, False, True)),
        *_person(8, 70, (None, None, None), labour_status="outside", gross_income=150_000.0),
        *_person(9, 30, (None, None, None), municipality=751, region=1082,
                 gross_income=300_000.0),
        *_person(10, 10, (A, A, A), labour_status="outside", education_level="none",
                 in_education=True, taxpayer=False, gross_income=0.0,
                 origin="nonwestern_descendant"),
        *_person(11, 60, (B, B, B), labour_status="outside", gross_income=120_000.0),
        *_person(12, 25, (A, None, None), gross_income=250_000.0),
    ]


def write_dozen(directory: Path, rows: list[dict] | None = None) -> Path:
    """Write the dozen (or ``rows``) as a microdata directory; return it."""
    rows = person_years() if rows is None else rows
    (directory / "person_years").mkdir(parents=True, exist_ok=True)
    schema = pa.schema([(c.name, arrow_type(c)) for c in PERSON_YEAR_COLUMNS])
    table = pa.table({c.name: [r[c.name] for r in rows] for c in PERSON_YEAR_COLUMNS})
    pq.write_table(table.cast(schema), directory / "person_years" / "part-0.parquet")
    events = pa.table({
        "person_id": [5], "date": [dt.date(2018, 6, 1)], "from_area": [A],
        "reason": ["demolition"],
    })
    events = events.cast(pa.schema([(c.name, arrow_type(c)) for c in REHOUSING_COLUMNS]))
    pq.write_table(events, directory / "rehousing_events.parquet")
    return directory
