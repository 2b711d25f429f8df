"""The adversary against a real computed bundle: every identity between the published tables
(flow row and column sums, breakdown totals, decomposition parts, neighbouring years) is
turned into an equation; no suppressed cell may come out determined."""

from __future__ import annotations

import csv
import importlib.util
from fractions import Fraction
from pathlib import Path

from udsat.domain.catalogue import default_catalogue

_spec = importlib.util.spec_from_file_location(
    "adversary", Path(__file__).resolve().parents[1] / "domain" / "adversary.py")
adversary = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(adversary)


def _rows(bundle, table):
    with (bundle / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _tables(bundle):
    """Published counts and values by key, the suppressed keys, and the equations."""
    published: dict = {}
    hidden: set = set()
    flows_by_origin: dict = {}
    flows_into: dict = {}
    evaluated = {a.slug for a in default_catalogue().geography.evaluated_areas}
    for row in _rows(bundle, "flows"):
        key = ("n", "flow", row["year"], row["origin"], row["destination"],
               row["destination_kind"], row["move_type"])
        if row["suppressed"] == "true":
            hidden.add(key)
        else:
            published[key] = int(row["n_persons"])
        flows_by_origin.setdefault((row["origin"], row["year"], row["move_type"]), []).append(key)
        if row["origin"] in evaluated and row["destination"]:
            flows_into.setdefault((row["destination"], row["year"]), []).append(key)
    observations = {}
    for row in _rows(bundle, "observations"):
        cell = (row["area"], row["indicator"], row["period"], row["breakdown"])
        observations[cell] = row
        for part in ("n", "v"):
            if row["absence"] == "suppressed":
                hidden.add((part, *cell))
        if row["value"]:
            published[("v", *cell)] = Fraction(row["value"])
            published[("n", *cell)] = int(row["n_persons"])
    equations = []

    def total(whole, parts):
        if whole[1:] in observations or whole[1] == "flow":
            present = [p for p in parts if p in published or p in hidden]
            if present and (whole in published or whole in hidden):
                equations.append(((whole, 1), *((p, -1) for p in present)))

    for (origin, year, move_type), keys in flows_by_origin.items():
        breakdown = "planned_rehousing" if move_type == "planned_rehousing" else "other_moves"
        total(("v", origin, "outmovers", year, breakdown), keys)
    for area, indicator, period, breakdown in observations:
        if indicator == "outmovers" and breakdown == "":
            total(("v", area, indicator, period, ""),
                  [("v", area, indicator, period, b) for b in ("planned_rehousing", "other_moves")])
        if indicator == "inmovers_from_evaluated":
            total(("v", area, indicator, period, ""), flows_into.get((area, period), []))
        if breakdown == "" and (area, indicator, period, "stayers") in observations:
            total(("n", area, indicator, period, ""),
                  [("n", area, indicator, period, b) for b in ("stayers", "newcomers")])
        if breakdown == "existing":
            mover = {"employment_pct": "movers_employment_pct",
                     "mean_gross_income": "movers_mean_gross_income"}.get(indicator)
            if mover:
                total(("n", area, indicator, period, "existing"),
                      [("n", area, indicator, period, "stayers")]
                      + [("n", area, mover, period, b)
                         for b in ("planned_rehousing", "other_moves")])
        if indicator == "outside_work_edu_change_pp" and breakdown == "":
            total(("v", area, indicator, period, ""),
                  [("v", area, indicator, period, b)
                   for b in ("decomp_stayers", "decomp_outmovers", "decomp_inmovers")])
            before = str(int(period) - 1)
            terms = [(("v", area, "outside_work_edu_pct", period, ""), 2),
                     (("v", area, "outside_work_edu_pct", before, ""), -2),
                     (("v", area, indicator, period, ""), -1),
                     (("v", area, indicator, before, ""), -1)]
            if all(k in published or k in hidden for k, _ in terms):
                equations.append(tuple(terms))
    # Published counts of persons are the values of count cells.
    for key in list(published):
        if key[0] == "v" and key[2] in ("outmovers", "inmovers_from_evaluated"):
            published[("n", *key[1:])] = published[key]
    return published, hidden, equations


def test_the_adversary_recovers_no_suppressed_cell_from_the_published_tables(synthetic_bundle):
    published, hidden, equations = _tables(synthetic_bundle)
    assert hidden and equations  # there is something to attack
    # Count equations (flows, out-movers, breakdown sizes) and value equations
    # (decomposition, neighbouring years) are attacked separately, each on its own scale.
    for scale in ("n", "v"):
        system = [e for e in equations if e[0][0][0] == scale]
        recovered = adversary.recover(published, hidden, system)
        assert recovered == {}, list(recovered.items())[:5]


def test_the_same_adversary_breaks_a_bundle_with_primary_suppression_only(
    synthetic_microdata, tmp_path, monkeypatch
):
    # Not vacuous: with secondary suppression switched off, the equations above recover
    # suppressed cells from the very same kind of bundle.
    from udsat.analytics import export
    from udsat.analytics.areas import status_rows
    from udsat.analytics.compute import compute
    from udsat.domain.disclosure import Policy, primary

    computed = compute(synthetic_microdata, default_catalogue(), check_values=False)
    monkeypatch.setattr(export, "protect",
                        lambda cells, relations, policy, **_: frozenset(primary(cells, policy)))
    export.write_bundle(
        tmp_path / "naive", computed.collection, status_rows(computed.classified), [],
        computed.survey, default_catalogue(), Policy(), dataset="synthetic", synthetic=True,
        rule_versions=["2021"], producer="test")
    published, hidden, equations = _tables(tmp_path / "naive")
    recovered = {}
    for scale in ("n", "v"):
        recovered |= adversary.recover(
            published, hidden, [e for e in equations if e[0][0][0] == scale])
    assert recovered
