"""Danmarks Statistik's Statistikbanken tables (JSON-stat 2.0 or PX) as comparison figures.

A table is a cube: a place dimension (all Denmark, regions, municipalities), a time
dimension (years), and any other dimension narrowed to one category before download. Each
cell becomes a ``place_observations`` row of the indicator the data manager names; a cell the
source leaves empty (null, "..") is "not published", never 0.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from udsat.domain.observations import NOT_PUBLISHED
from udsat.ingest.imports import Importer, Options, Tables
from udsat.ingest.validate import Checker, is_share

SOURCE = "statistikbanken"
MAX_BYTES = 50 * 1024 * 1024  # a reference table is kilobytes; refuse anything absurd
PLACE_DIMENSIONS = ("område", "omrade", "omraade", "region", "komk", "kommune", "area")
TIME_DIMENSIONS = ("tid", "time", "år", "year")
COUNTRY_LABELS = ("hele landet", "all denmark", "danmark", "denmark")


@dataclass(frozen=True)
class Dimension:
    id: str
    codes: tuple[str, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Cube:
    """Cells in row-major order over ``dimensions`` (the last dimension varies fastest)."""

    dimensions: tuple[Dimension, ...]
    values: tuple[str | None, ...]  # the number as text, or None where none is published

    def cells(self) -> Iterator[tuple[dict[str, tuple[str, str]], str | None]]:
        sizes = [len(d.codes) for d in self.dimensions]
        for position, value in enumerate(self.values):
            coordinates, rest = {}, position
            for dimension, size in zip(reversed(self.dimensions), reversed(sizes), strict=True):
                rest, index = divmod(rest, size)
                coordinates[dimension.id] = (dimension.codes[index], dimension.labels[index])
            yield coordinates, value


def read_bounded(path: Path, checker: Checker) -> bytes | None:
    size = path.stat().st_size
    if size > MAX_BYTES:
        checker.problem(path.name, None, None, f"is {size / 1e6:,.0f} MB; a Statistikbanken "
                        f"table above {MAX_BYTES / 1e6:,.0f} MB is refused")
        return None
    return path.read_bytes()


def jsonstat_cube(path: Path, checker: Checker) -> Cube | None:
    raw = read_bounded(path, checker)
    if raw is None:
        return None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        checker.problem(path.name, None, None, f"is not JSON ({exc})")
        return None
    if isinstance(data, dict) and isinstance(data.get("dataset"), dict):
        data = data["dataset"]  # the API's JSON-stat 1 wrapper
    if not isinstance(data, dict) or "dimension" not in data or "value" not in data:
        checker.problem(path.name, None, None, "is not a JSON-stat dataset (no 'dimension' "
                        "and 'value'); download the table as JSON-stat 2.0")
        return None
    try:
        ids = data.get("id") or list(data["dimension"])
        dimensions = tuple(_dimension(name, data["dimension"][name]) for name in ids)
        total = 1
        for dimension in dimensions:
            total *= len(dimension.codes)
        raw_values = data["value"]
        if isinstance(raw_values, dict):  # sparse form: {"position": value}
            raw_values = [raw_values.get(str(i)) for i in range(total)]
    except (KeyError, TypeError, AttributeError) as exc:
        checker.problem(path.name, None, None, f"has a malformed JSON-stat structure ({exc})")
        return None
    if len(raw_values) != total:
        checker.problem(path.name, None, "value", f"holds {len(raw_values)} values for "
                        f"{total} cells")
        return None
    values = tuple(None if v is None else str(v) for v in raw_values)
    return Cube(dimensions, values)


def _dimension(name: str, raw: dict) -> Dimension:
    category = raw["category"]
    index = category.get("index")
    if index is None:
        codes = list(category["label"])
    elif isinstance(index, list):
        codes = index
    else:
        codes = sorted(index, key=index.get)
    labels = category.get("label", {})
    return Dimension(name, tuple(codes), tuple(labels.get(c, c) for c in codes))


def place_of(checker: Checker, code: str, label: str) -> tuple[str, str] | None:
    """(place_kind, place_code) for a Statistikbanken area code or label."""
    geography = checker.catalogue.geography
    if code == "000" or label.casefold() in COUNTRY_LABELS:
        return "country", "DK"
    if code.isdigit() and geography.region(1000 + int(code)) and int(code) >= 81:
        return "region", str(1000 + int(code))  # DST's 081-085 are 1081-1085
    region = next((r for r in geography.regions if label.casefold() in
                   (r.name.casefold(), r.name_en.casefold())), None)
    if region is not None:
        return "region", str(region.code)
    municipality = geography.municipality(code) or geography.municipality(label)
    if municipality is not None:
        return "municipality", str(municipality.code)
    return None


def place_observations(file: str, cube: Cube, checker: Checker,
                       options: Options) -> Iterator[tuple]:
    indicator = checker.catalogue.indicator(options.indicator)
    if indicator is None:
        checker.problem(file, None, None, f"name the indicator these figures measure with "
                        f"--indicator (a catalogue id; got {options.indicator!r})")
        return
    place_dim = next((d for d in cube.dimensions if d.id.casefold() in PLACE_DIMENSIONS), None)
    time_dim = next((d for d in cube.dimensions if d.id.casefold() in TIME_DIMENSIONS), None)
    if place_dim is None or time_dim is None:
        found = ", ".join(d.id for d in cube.dimensions)
        checker.problem(file, None, None, f"needs an area and a time dimension (found {found})")
        return
    for dimension in cube.dimensions:
        if dimension not in (place_dim, time_dim) and len(dimension.codes) > 1:
            checker.problem(file, None, dimension.id, f"has {len(dimension.codes)} categories; "
                            "select one in Statistikbanken before downloading")
            return
    for number, (coordinates, text) in enumerate(cube.cells(), start=1):
        code, label = coordinates[place_dim.id]
        where = f"cell {number} ({label}, {coordinates[time_dim.id][1]})"
        place = place_of(checker, code, label)
        if place is None:
            checker.problem(file, None, place_dim.id, f"{where}: unknown place {label!r}")
            continue
        period = checker.period(file, None, time_dim.id, coordinates[time_dim.id][0])
        value = None
        if text is not None:
            value = checker.number(file, None, where, text)
            if value is None or not checker.in_unit(file, None, where, value, indicator.unit,
                                                    is_share(indicator)):
                continue
        if period is None:
            continue
        checker.unique(number, (*place, period))
        yield (*place, indicator.id, period, "", value, "" if text is not None else NOT_PUBLISHED,
               indicator.unit, SOURCE, None, "")
    checker.finish(file, "place and period")


def jsonstat_tables(path: Path, checker: Checker, options: Options) -> Tables:
    cube = jsonstat_cube(path, checker)
    rows = list(place_observations(path.name, cube, checker, options)) if cube else []
    return {"place_observations": rows}


STATISTIKBANKEN_JSON = Importer(
    "statistikbanken-json", "Statistikbanken table as JSON-stat 2.0 (with --indicator)", None,
    jsonstat_tables)
