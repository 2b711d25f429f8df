"""Identities between level-1 cells that hold across places and indicators.

Declared right after the level-1 cells are added (areas.collect_level1), from the same
indicator list, so a new predicate indicator gets them without further code:

- hierarchy: a region's count (and a share's numerator) is the sum of its municipalities',
  the country's the sum of its regions'; a municipality holds at least the persons of its
  areas (an inequality only the integer audit uses);
- twins: shares over the same universe rest on the same persons (employment and outside
  the labour market: both 18-64 year olds);
- derived cells: the unemployed are the 18-64 year olds neither employed nor outside the
  labour force: n - employed - outside, published by nobody but computable by anyone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from udsat.analytics.cells import OBSERVATIONS, PLACE_OBSERVATIONS, Collection
from udsat.domain.disclosure import Numerator
from udsat.domain.indicators import Indicator

# Shares over one universe: (a, b, derived id) - the derived cell is n - k(a) - k(b).
COMPLEMENTS = (("employment_pct", "outside_labour_market_pct", "unemployed_18_64"),)
# Cells over the same persons (everyone resident): their counts are one.
TWINS = (("residents", "nonwestern_pct"),)
# Place-level shares computed beside the predicate indicators (areas.collect_level1); at
# area level the same id is a criterion measure with rules of its own, left out here.
PLACE_SHARES = ("nonwestern_pct",)


def declare_level1(collection: Collection, indicators: Sequence[Indicator],
                   municipality_region: Mapping[int, int],
                   area_municipality: Mapping[str, int]) -> None:
    shares = {i.id for i in indicators if i.unit == "pct"} | set(PLACE_SHARES)
    counted = {i.id for i in indicators if i.unit in ("pct", "persons", "dkk")} | shares
    places: dict[tuple[str, str, str], dict[str, tuple]] = {}
    for key, cell in collection.cells.items():
        if cell.table == PLACE_OBSERVATIONS and cell.fields[4] == "":
            kind, code, indicator, period, _ = cell.fields
            places.setdefault((indicator, period, kind), {})[code] = key
        elif cell.table == OBSERVATIONS and cell.fields[3] == "":
            area, indicator, period, _ = cell.fields
            places.setdefault((indicator, period, "area"), {})[area] = key
    for (indicator, period, kind), cells in sorted(places.items()):
        if indicator not in counted or kind == "country" or (
                kind == "area" and indicator in PLACE_SHARES):
            continue
        parts = _parts(kind, cells, places.get((indicator, period, "municipality"), {}),
                       municipality_region, area_municipality)
        for parent, children in sorted(parts.items()):
            whole = places.get((indicator, period, _PARENT[kind]), {}).get(parent)
            if whole is None:
                continue
            if kind == "area":
                _at_least(collection, whole, children, indicator in shares)
            elif indicator in shares:
                collection.relate_numerators(whole, children)
            else:
                collection.relate_total(whole, children)
    for (indicator, period, kind), cells in sorted(places.items()):
        for a, b in TWINS:
            if indicator != a or kind == "area":
                continue
            for code, key in sorted(cells.items()):
                other = places.get((b, period, kind), {}).get(code)
                if other is not None:
                    collection.relate([(other, 1), (key, -1)])
        for a, b, derived in COMPLEMENTS:
            if indicator != a:
                continue
            for code, key in sorted(cells.items()):
                other = places.get((b, period, kind), {}).get(code)
                if other is not None:
                    _complement(collection, (kind, code, period), key, other, derived)


_PARENT = {"area": "municipality", "municipality": "region", "region": "country"}


def _parts(kind: str, cells: Mapping[str, tuple], municipalities: Mapping[str, tuple],
           municipality_region: Mapping[int, int], area_municipality: Mapping[str, int]
           ) -> dict[str, list[tuple]]:
    """Children grouped by their parent's code at the level above."""
    parents: dict[str, list[tuple]] = {}
    for code, key in cells.items():
        if kind == "area":
            parent = area_municipality.get(code)
        elif kind == "municipality":
            parent = municipality_region.get(int(code))
        else:
            parent = "DK"
        if parent is not None:
            parents.setdefault(str(parent), []).append(key)
    return parents


def _at_least(collection: Collection, whole: tuple, parts: list[tuple], share: bool) -> None:
    collection.relate([(whole, 1), *((p, -1) for p in parts)], kind="at_least")
    if share:
        collection.relate([(Numerator(whole), 1), *((Numerator(p), -1) for p in parts)],
                          kind="at_least")


def _complement(collection: Collection, place: tuple, a: tuple, b: tuple, derived: str
                ) -> None:
    first, second = collection.cells[a], collection.cells[b]
    if first.value is None or second.value is None:
        return
    n = first.n_persons
    k = n - first.figure("").numerator - second.figure("").numerator
    key = collection.derive(place, derived, n, k)
    collection.relate([(b, 1), (a, -1)])  # the same persons
    collection.relate([(key, 1), (a, -1)])
    collection.relate([(Numerator(key), 1), (Numerator(a), 1), (Numerator(b), 1), (a, -1)])
