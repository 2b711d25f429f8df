"""Levels 2 and 3: stayers, newcomers and existing residents; movers against stayers; and
the decomposition of an area's change into stayers, out-movers and in-movers.

Decomposition (percentage points), for the share r outside work and education among
18-64-year-olds, from year Y-1 to Y, with S the stayers (in the area both years), O the
out-movers and I the in-movers:

    r(Y) - r(Y-1) = [r_S(Y) - r_S(Y-1)]        change among stayers   (decomp_stayers)
                  + [r_S(Y-1) - r(Y-1)]        effect of who moved out (decomp_outmovers)
                  + [r(Y) - r_S(Y)]            effect of who moved in  (decomp_inmovers)

The three terms telescope, so they add up to the total change exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from udsat.analytics.cells import Collection, obs_key
from udsat.analytics.indicators import figure
from udsat.domain.disclosure import Numerator
from udsat.domain.indicators import Indicator

GROUP_INDICATORS = (
    "employment_pct", "in_education_18_29_pct", "beyond_basic_edu_pct", "mean_gross_income",
)
# Movers' outcomes against stayers: the same measure, the same years.
MOVER_INDICATORS = {"employment_pct": "movers_employment_pct",
                    "mean_gross_income": "movers_mean_gross_income"}
RESIDENT_GROUPS = ("stayers", "newcomers", "existing")
MOVER_GROUPS = ("planned_rehousing", "other_moves")
CHANGE = "outside_work_edu_change_pp"


def collect_groups(collection: Collection, rows: Iterable[Mapping[str, object]],
                   indicators: tuple[Indicator, ...]) -> None:
    shares = {i.id for i in indicators if i.unit == "pct"}
    for row in rows:
        area, year, group = str(row["area"]), int(row["year"]), str(row["grp"])
        for ind in indicators:
            fig = figure(ind, row)
            extra = {"top": fig.top, "total": fig.total}
            if group in RESIDENT_GROUPS:
                collection.observation(area, ind.id, year, group, fig.value, fig.n_persons,
                                       **extra)
            mover_id = MOVER_INDICATORS.get(ind.id)
            if mover_id and (group in MOVER_GROUPS or group == "stayers"):
                collection.observation(area, mover_id, year, group, fig.value, fig.n_persons,
                                       **extra)
    _relate_groups(collection, shares)


def _relate_groups(collection: Collection, shares: set[str]) -> None:
    seen = sorted({(k[1], k[2], k[3]) for k in collection.cells if k[0] == "observations"
                   and k[4] in RESIDENT_GROUPS})
    for area, indicator, period in seen:
        year = int(period)
        relate = collection.relate_numerators if indicator in shares else \
            collection.relate_total
        whole = obs_key(area, indicator, year, "")
        stayers = obs_key(area, indicator, year, "stayers")
        existing = obs_key(area, indicator, year, "existing")
        relate(whole, [stayers, obs_key(area, indicator, year, "newcomers")])
        mover = MOVER_INDICATORS.get(indicator)
        if mover:
            movers = [obs_key(area, mover, year, g) for g in MOVER_GROUPS]
            relate(existing, [stayers, *movers])
            # The stayers row of the movers indicator repeats the stayers cell.
            collection.relate([(obs_key(area, mover, year, "stayers"), 1), (stayers, -1)])
            if indicator in shares:
                collection.relate([(Numerator(obs_key(area, mover, year, "stayers")), 1),
                                   (Numerator(stayers), -1)])
        if indicator in shares and existing in collection.cells and stayers in collection.cells:
            # Existing residents minus stayers: all movers together, published by nobody
            # but computable by anyone (a derived cell under the same rules).
            derived = _derive_movers(collection, area, indicator, year, existing, stayers)
            if derived is not None and mover:
                relate(derived, [obs_key(area, mover, year, g) for g in MOVER_GROUPS])


def _derive_movers(collection: Collection, area: str, indicator: str, year: int,
                   existing: tuple, stayers: tuple) -> tuple | None:
    before, after = collection.cells[existing], collection.cells[stayers]
    if before.value is None or after.value is None:
        return None
    n = before.n_persons - after.n_persons
    if n <= 0:
        return None
    k = before.figure("").numerator - after.figure("").numerator
    key = collection.derive((area, str(year), "movers"), indicator, n, k)
    collection.relate_numerators(existing, [stayers, key])
    return key


def collect_decomposition(collection: Collection, rows: Iterable[Mapping[str, object]]) -> None:
    counts: dict[tuple[str, int], dict[tuple[str, str], tuple[int, int]]] = {}
    for row in rows:
        key = (str(row["area"]), int(row["year"]))
        counts.setdefault(key, {})[(str(row["side"]), str(row["grp"]))] = (
            int(row["n_persons"]), int(row["outside"]))
    for (area, year), parts in sorted(counts.items()):
        terms = decompose(parts)
        if terms is None:
            continue
        total, stayers, outmovers, inmovers, persons = terms
        # The persons outside work and education behind each term: with the published
        # shares and counts, an attacker gets them back from the term's value.
        outside = {g: parts.get(g, (0, 0))[1] for g in
                   (("after", "stayers"), ("before", "outmovers"), ("after", "inmovers"))}
        keys = [
            collection.observation(area, CHANGE, year, breakdown, value, n, numerator=k)
            for breakdown, value, n, k in (
                ("decomp_stayers", stayers, persons["stayers"], outside[("after", "stayers")]),
                ("decomp_outmovers", outmovers, persons["outmovers"],
                 outside[("before", "outmovers")]),
                ("decomp_inmovers", inmovers, persons["inmovers"],
                 outside[("after", "inmovers")]),
            )
        ]
        whole = collection.observation(
            area, CHANGE, year, "", total, persons["total"],
            numerator=outside[("after", "stayers")] + outside[("after", "inmovers")])
        collection.relate_total(whole, keys, kind="value")
        # Neighbouring years: 2 * (avg(Y) - avg(Y-1)) = change(Y) + change(Y-1), because the
        # published level is the two-year average of the yearly shares.
        collection.relate([
            (obs_key(area, "outside_work_edu_pct", year, ""), 2),
            (obs_key(area, "outside_work_edu_pct", year - 1, ""), -2),
            (whole, -1), (obs_key(area, CHANGE, year - 1, ""), -1),
        ], kind="value")


def decompose(parts: Mapping[tuple[str, str], tuple[int, int]]):
    """(total, stayers, outmovers, inmovers, persons) in percentage points, or None."""
    def rate(*groups: tuple[str, str]) -> Decimal | None:
        n = sum(parts.get(g, (0, 0))[0] for g in groups)
        k = sum(parts.get(g, (0, 0))[1] for g in groups)
        return Decimal(k) * 100 / n if n else None

    before = rate(("before", "stayers"), ("before", "outmovers"))
    after = rate(("after", "stayers"), ("after", "inmovers"))
    stay_before, stay_after = rate(("before", "stayers")), rate(("after", "stayers"))
    if None in (before, after, stay_before, stay_after):
        return None
    n = {g: parts.get(g, (0, 0))[0] for g in parts}
    persons = {
        "stayers": min(n.get(("before", "stayers"), 0), n.get(("after", "stayers"), 0)),
        "outmovers": n.get(("before", "outmovers"), 0),
        "inmovers": n.get(("after", "inmovers"), 0),
        "total": min(n.get(("before", "stayers"), 0) + n.get(("before", "outmovers"), 0),
                     n.get(("after", "stayers"), 0) + n.get(("after", "inmovers"), 0)),
    }
    return (after - before, stay_after - stay_before, stay_before - before,
            after - stay_after, persons)
