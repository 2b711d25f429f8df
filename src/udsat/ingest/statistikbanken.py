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

from udsat.domain.limits import MAX_CUBE_CELLS, MAX_JSON_DEPTH, MAX_SOURCE_BYTES, is_ascii_whole
from udsat.domain.observations import NOT_PUBLISHED
from udsat.ingest.imports import Importer, Options, Tables
from udsat.ingest.validate import Checker, is_share

SOURCE = "statistikbanken"
MAX_BYTES = MAX_SOURCE_BYTES["statistikbanken-json"]  # a table is kilobytes
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


class MalformedCube(ValueError):
    """The JSON-stat structure is not what the format says; the message says where."""


def jsonstat_cube(path: Path, checker: Checker) -> Cube | None:
    raw = read_bounded(path, checker)
    if raw is None:
        return None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        checker.problem(path.name, None, None, f"is not JSON ({exc})")
        return None
    except RecursionError:
        checker.problem(path.name, None, None, f"is nested more than {MAX_JSON_DEPTH} levels "
                        "deep; a JSON-stat table is not")
        return None
    if _depth(data) > MAX_JSON_DEPTH:
        checker.problem(path.name, None, None, f"is nested more than {MAX_JSON_DEPTH} levels "
                        "deep; a JSON-stat table is not")
        return None
    if isinstance(data, dict) and isinstance(data.get("dataset"), dict):
        data = data["dataset"]  # the API's JSON-stat 1 wrapper
    if not isinstance(data, dict) or "dimension" not in data or "value" not in data:
        checker.problem(path.name, None, None, "is not a JSON-stat dataset (no 'dimension' "
                        "and 'value'); download the table as JSON-stat 2.0")
        return None
    try:
        return _cube(data)
    except MalformedCube as exc:
        checker.problem(path.name, None, exc.args[1], exc.args[0])
        return None


def _depth(data: object) -> int:
    """Nesting depth, walked without recursion (json.loads already bounded the recursion)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            break
        children = item.values() if isinstance(item, dict) else item if \
            isinstance(item, list) else ()
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, dict | list))
    return deepest


def _cube(data: dict) -> Cube:
    """The cube of a JSON-stat dataset; every part checked for its type, the cell count for
    its size before any cell is made (a few bytes can declare a billion cells)."""
    dimensions_raw = data["dimension"]
    if not isinstance(dimensions_raw, dict):
        raise MalformedCube("has a malformed JSON-stat structure ('dimension' is not an "
                            "object)", "dimension")
    ids = data.get("id") or list(dimensions_raw)
    if not isinstance(ids, list) or not all(isinstance(i, str) and i in dimensions_raw
                                            for i in ids):
        raise MalformedCube("has a malformed JSON-stat structure ('id' must list the "
                            "dimensions by name)", "id")
    dimensions = tuple(_dimension(name, dimensions_raw[name]) for name in ids)
    total = 1
    for dimension in dimensions:
        total *= len(dimension.codes)
        if total > MAX_CUBE_CELLS:
            raise MalformedCube(f"declares more than {MAX_CUBE_CELLS:,} cells; select fewer "
                                "categories in Statistikbanken".replace(",", "."), "dimension")
    raw_values = data["value"]
    if isinstance(raw_values, dict):  # sparse form: {"position": value}
        raw_values = [raw_values.get(str(i)) for i in range(total)]
    if not isinstance(raw_values, list):
        raise MalformedCube("has a malformed JSON-stat structure ('value' is neither a list "
                            "nor an object)", "value")
    if len(raw_values) != total:
        raise MalformedCube(f"holds {len(raw_values)} values for {total} cells", "value")
    values = []
    for v in raw_values:
        if v is not None and (isinstance(v, bool) or not isinstance(v, int | float | str)):
            raise MalformedCube(f"holds {json.dumps(v)[:40]} where a number belongs", "value")
        values.append(None if v is None else str(v))
    return Cube(dimensions, tuple(values))


def _dimension(name: str, raw: object) -> Dimension:
    """One dimension; codes and labels are strings (JSON-stat 2.0, section category)."""
    category = raw.get("category") if isinstance(raw, dict) else None
    if not isinstance(category, dict):
        raise MalformedCube(f"has a malformed JSON-stat structure (dimension {name!r} has no "
                            "category)", name)
    index, labels = category.get("index"), category.get("label", {})
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise MalformedCube(f"dimension {name!r}: category labels must be texts", name)
    if index is None:
        codes = list(labels)
    elif isinstance(index, list):
        codes = index
    elif isinstance(index, dict) and all(isinstance(v, int) and not isinstance(v, bool)
                                         for v in index.values()):
        codes = sorted(index, key=index.get)
    else:
        raise MalformedCube(f"dimension {name!r}: category index must be a list of codes or "
                            "an object of positions", name)
    if not all(isinstance(c, str) for c in codes):
        raise MalformedCube(f"dimension {name!r}: category codes must be texts", name)
    if len(codes) > MAX_CUBE_CELLS:
        raise MalformedCube(f"dimension {name!r} has more than {MAX_CUBE_CELLS} categories",
                            name)
    return Dimension(name, tuple(codes), tuple(labels.get(c, c) for c in codes))


def place_of(checker: Checker, code: str, label: str) -> tuple[str, str] | None:
    """(place_kind, place_code) for a Statistikbanken area code or label."""
    geography = checker.catalogue.geography
    if code == "000" or label.casefold() in COUNTRY_LABELS:
        return "country", "DK"
    if is_ascii_whole(code) and int(code) >= 81 and geography.region(1000 + int(code)):
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
    places: dict[tuple[str, str], tuple[str, str] | None] = {}  # looked up once per place
    for number, (coordinates, text) in enumerate(cube.cells(), start=1):
        code, label = coordinates[place_dim.id]
        where = f"cell {number} ({label[:80]}, {coordinates[time_dim.id][1][:80]})"
        if (code, label) not in places:
            places[(code, label)] = place_of(checker, code, label)
        place = places[(code, label)]
        if place is None:
            checker.problem(file, None, place_dim.id, f"{where}: unknown place {label[:80]!r}")
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
