"""Levels 3 and 4: out-movers by destination and move type, the origin-destination flow
table, and the waterbed effect in the receiving areas.

A destination is a "listed area" when it holds a computed list status in the move year,
"other social housing" when it is another area, "outside social housing" when the person
lives in no area the next year, and "unknown" when the person has no row the next year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from udsat.analytics.cells import FLOWS, Collection, flow_key
from udsat.domain.classification import Classification
from udsat.domain.disclosure import Numerator

MOVE_TYPES = {"planned_rehousing": "planned_rehousing", "other": "other_moves"}
THRESHOLD = Decimal(40)  # the outside-work-and-education threshold of § 61 a stk. 1 nr. 1


def destination_kind(kind: str, destination: str | None, year: int,
                     statuses: Mapping[tuple[str, int], Classification]) -> str:
    if kind != "social_housing":
        return kind
    result = statuses.get((destination or "", year))
    return "listed_area" if result is not None and result.statuses else "other_social_housing"


def collect_moves(collection: Collection, rows: Iterable[Mapping[str, object]],
                  statuses: Mapping[tuple[str, int], Classification]) -> None:
    totals: dict[tuple[str, int, str], int] = {}
    to_housing: dict[tuple[str, int], list[tuple]] = {}
    flows_by_row: dict[tuple[str, int, str], list[tuple]] = {}
    for row in rows:
        year, origin = int(row["year"]), str(row["origin"])
        destination = row["destination"]
        move_type = str(row["move_type"])
        kind = destination_kind(str(row["destination_kind"]), destination, year, statuses)
        n = int(row["n_persons"])
        key = collection.add(FLOWS, flow_key(year, origin, destination or "", kind,
                                             move_type)[1:], Decimal(n), n)
        flows_by_row.setdefault((origin, year, move_type), []).append(key)
        totals[(origin, year, move_type)] = totals.get((origin, year, move_type), 0) + n
        if destination is not None:
            to_housing.setdefault((origin, year), []).append(key)
    for origin, year in sorted({(o, y) for o, y, _ in totals}):
        parts = []
        for move_type, breakdown in MOVE_TYPES.items():
            n = totals.get((origin, year, move_type), 0)
            if n:
                part = collection.observation(origin, "outmovers", year, breakdown,
                                              Decimal(n), n)
                collection.relate_total(part, flows_by_row[(origin, year, move_type)])
                parts.append(part)
        all_moves = sum(totals.get((origin, year, t), 0) for t in MOVE_TYPES)
        whole = collection.observation(origin, "outmovers", year, "", Decimal(all_moves),
                                       all_moves)
        collection.relate_total(whole, parts)
        housed = to_housing.get((origin, year), [])
        moved_to = sum(collection.cells[k].n_persons for k in housed)
        share = collection.observation(origin, "outmovers_to_social_housing_pct", year, "",
                                       Decimal(moved_to) * 100 / all_moves, all_moves,
                                       numerator=moved_to)
        # Twins: the share rests on the same persons as the out-movers count, and its
        # numerator (share times n) is the sum of the flows into social housing.
        collection.relate([(share, 1), (whole, -1)])
        collection.relate_total(Numerator(share), housed)


def collect_waterbed(collection: Collection, rows: Iterable[Mapping[str, object]],
                     evaluated: set[str]) -> None:
    per_year: dict[int, list[tuple[Decimal, Decimal, int]]] = {}
    cells_by_year: dict[int, list[tuple]] = {}
    from_evaluated: dict[tuple[str, str], list[tuple]] = {}
    for k in collection.cells:
        if k[0] == FLOWS and k[2] in evaluated:
            from_evaluated.setdefault((k[1], k[3]), []).append(k)
    for row in rows:
        year, area = int(row["year"]), str(row["area"])
        inmovers = int(row["inmovers_from_evaluated"])
        if inmovers:
            # Counted on 1 January of ``year``: they moved during the year before.
            key = collection.observation(area, "inmovers_from_evaluated", year - 1, "",
                                         Decimal(inmovers), inmovers)
            collection.relate_total(key, from_evaluated.get((str(year - 1), area), []))
        n_all, n_from = int(row["n_all"]), int(row["n_from"])
        if not n_from or n_all == n_from:
            continue
        with_movers = Decimal(int(row["outside_all"])) * 100 / n_all
        without = Decimal(int(row["outside_all"]) - int(row["outside_from"])) * 100 / (
            n_all - n_from)
        # The value times the movers' count gives the movers outside work and education
        # back (with the published shares of the area): that count is its numerator.
        key = collection.observation(area, "waterbed_outside_work_edu_pp", year, "",
                                     with_movers - without, n_from,
                                     numerator=int(row["outside_from"]))
        per_year.setdefault(year, []).append((with_movers, without, n_from))
        cells_by_year.setdefault(year, []).append(key)
    for year, areas in sorted(per_year.items()):
        persons = sum(n for _, _, n in areas)
        closer = sum(1 for w, wo, _ in areas if w > wo)
        crossing = sum(1 for w, wo, _ in areas if w > THRESHOLD >= wo)
        for indicator, value in (("waterbed_areas_closer", closer),
                                 ("waterbed_areas_crossing", crossing)):
            key = collection.place("social_housing", "all", indicator, year, "",
                                   Decimal(value), persons)
            # How many areas moved closer tells the sign of the one area left out; declared
            # as a value identity with the areas' cells, so the gate never leaves one alone.
            collection.relate_total(key, cells_by_year[year], kind="value")
            # The persons behind it are the movers of every area (a count identity).
            collection.relate(
                [(key, 1), *((k, -1) for k in cells_by_year[year])], kind="count")

