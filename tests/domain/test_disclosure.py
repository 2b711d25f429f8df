"""Disclosure control: primary and secondary suppression, and the adversary who must fail."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from adversary import recover  # tests/domain/adversary.py

from udsat.domain.disclosure import (
    DisclosureError,
    Figure,
    GateReport,
    Numerator,
    Policy,
    Relation,
    primary,
    protect,
    recoverable,
)
from udsat.domain.disclosure_rules import breach, load_rules


def _table(counts: dict[tuple[str, str], int]):
    """A two-way table with row, column and grand totals: cells, relations, equations."""
    rows = sorted({r for r, _ in counts})
    cols = sorted({c for _, c in counts})
    cells: dict = dict(counts)
    relations = []
    for r in rows:
        cells[(r, "total")] = sum(v for (rr, _), v in counts.items() if rr == r)
        relations.append(Relation.total((r, "total"), [(r, c) for c in cols if (r, c) in counts]))
    for c in cols:
        cells[("total", c)] = sum(v for (_, cc), v in counts.items() if cc == c)
        relations.append(Relation.total(("total", c), [(r, c) for r in rows if (r, c) in counts]))
    cells[("total", "total")] = sum(counts.values())
    relations.append(Relation.total(("total", "total"), [("total", c) for c in cols]))
    relations.append(Relation.total(("total", "total"), [(r, "total") for r in rows]))
    return cells, relations


def _attack(cells, relations, suppressed):
    published = {k: v for k, v in cells.items() if k not in suppressed}
    return recover(published, suppressed, [r.terms for r in relations])


def test_cells_below_the_minimum_are_suppressed_and_the_minimum_itself_is_published():
    cells = {"a": 4, "b": 5, "c": 0, "d": None}
    assert primary(cells, Policy()) == {"a", "c", "d"}
    assert primary(cells, Policy(min_persons=6)) == {"a", "b", "c", "d"}


def test_the_minimum_is_configurable_but_never_below_one():
    with pytest.raises(ValueError):
        Policy(min_persons=0)


def test_a_lone_suppressed_part_of_a_published_total_takes_a_neighbour_with_it():
    # total 30 = 3 + 12 + 15: publishing the total and two parts gives 3 away (30 - 12 - 15).
    cells = {"total": 30, "a": 3, "b": 12, "c": 15}
    relations = [Relation.total("total", ["a", "b", "c"])]
    assert _attack(cells, relations, {"a"}) == {"a": 3}  # the naive table leaks
    suppressed = protect(cells, relations)
    assert suppressed == {"a", "b"}  # the smallest other part goes too
    assert _attack(cells, relations, suppressed) == {}


def test_the_adversary_cannot_recover_any_cell_of_protected_flow_tables():
    rng = random.Random(2024)
    for _ in range(25):
        counts = {(f"o{i}", f"d{j}"): rng.choice([0, 1, 2, 3, 4, 6, 9, 15, 40])
                  for i in range(5) for j in range(6)}
        counts = {k: v for k, v in counts.items() if v}  # zero flows are not published
        cells, relations = _table(counts)
        suppressed = protect(cells, relations)
        assert {k for k, v in cells.items() if v < 5} <= suppressed
        recovered = _attack(cells, relations, suppressed)
        assert recovered == {}, recovered


def test_a_cell_on_no_cycle_is_found_even_when_every_line_hides_two_cells():
    # Hidden cells a1 a2 / b1 b2 form a cycle, c3 c4 / d3 d4 another, and the bridge b2-c3
    # ... is a cell whose row and column each hide two cells, yet it is determined: the
    # simple "two per line" rule is not enough, the exact audit is.
    hidden = {("a", "1"), ("a", "2"), ("b", "1"), ("b", "2"), ("b", "3"),
              ("c", "3"), ("c", "4"), ("d", "3"), ("d", "4")}
    counts = {(r, c): (2 if (r, c) in hidden else 20) for r in "abcd" for c in "1234"}
    cells, relations = _table(counts)
    leaked = recoverable(hidden, relations)
    assert ("b", "3") in leaked
    assert _attack(cells, relations, hidden)  # the adversary agrees: the layout leaks
    suppressed = protect(cells, relations)
    assert _attack(cells, relations, suppressed) == {}


def test_neighbouring_years_cannot_be_differenced():
    # A two-year average and a yearly change published for consecutive years obey
    # 2 * (avg(Y) - avg(Y-1)) = change(Y) + change(Y-1). With one of them hidden, the
    # other three give it away; protect hides a second one.
    # 2 * (50 - 55) = -10 = chg2019 + chg2018 = -4 + -6.
    values = {"avg2019": 50, "avg2018": 55, "chg2019": -4, "chg2018": -6}
    persons = {"avg2019": 900, "avg2018": 880, "chg2019": 4, "chg2018": 850}
    relation = Relation((("avg2019", 2), ("avg2018", -2), ("chg2019", -1), ("chg2018", -1)))
    equations = [relation.terms]
    # chg2019 rests on 4 persons (below the minimum): primary suppression alone leaks it.
    published = {k: v for k, v in values.items() if k != "chg2019"}
    assert recover(published, {"chg2019"}, equations) == {"chg2019": -4}
    suppressed = protect(persons, [relation])
    assert "chg2019" in suppressed and len(suppressed) == 2
    published = {k: v for k, v in values.items() if k not in suppressed}
    assert recover(published, suppressed, equations) == {}


# --- The gate always ends (issue 13) -------------------------------------------------------

EIGHT_CELLS = {"W": 24, "P": 4, "O": 20, "fP_out": 3, "fP_h": 1, "fO_out": 14, "fO_h": 6,
               "S": 24}
EIGHT_RELATIONS = [Relation.total("S", ["fP_h", "fO_h"]), Relation.total("O", ["fO_out", "fO_h"]),
                   Relation.total("P", ["fP_out", "fP_h"]), Relation.total("W", ["P", "O"])]


def test_the_eight_cell_case_that_hung_ends_with_nothing_recoverable():
    # shared/cases/disclosure/gate_never_ends.py: fP_out = W - fO_out - S was recoverable
    # while every relation holding it was fully suppressed, and protect() looped forever.
    # P (4), fP_out (3) and fP_h (1) are under 5: they go first; the rest follows.
    suppressed = protect(EIGHT_CELLS, EIGHT_RELATIONS)
    assert {"P", "fP_out", "fP_h"} <= suppressed
    assert recoverable(suppressed, EIGHT_RELATIONS) == set()
    assert _attack(EIGHT_CELLS, EIGHT_RELATIONS, suppressed) == {}


def test_a_cell_tied_only_to_suppressed_cells_is_protected_through_their_relations():
    # x (2) = a + b; a = c + d, all of x's relation is hidden except through a's relation:
    # c is the only published cell within reach, so it goes.
    cells = {"x": 2, "y": 30, "a": 20, "c": 12, "d": 8}
    relations = [Relation.total("y", ["x", "a"]), Relation.total("a", ["c", "d"])]
    suppressed = protect(cells, relations)
    assert "x" in suppressed
    assert _attack(cells, relations, suppressed) == {}


def test_a_table_that_cannot_be_protected_raises_a_clear_error():
    # x = 3 is its own total (x - x' = 0 with x' absent is a known zero): nothing published is
    # left to hide, so the gate stops with an error instead of looping.
    cells = {"x": 3}
    relations = [Relation((("x", 1), ("gone", -1)), kind="value")]
    # "gone" is never published: an unknown, so x stays safe ...
    assert protect(cells, relations) == {"x"}
    # ... but a count identity with an absent member makes it a known zero: x = 0 is
    # "recoverable" with nothing to hide.
    with pytest.raises(DisclosureError, match="cannot protect"):
        protect({"x": 3, "y": 3}, [Relation((("x", 1), ("y", -1))), Relation((("x", 1),))])


def test_every_round_adds_a_cell_so_rounds_are_bounded_by_the_cells():
    rng = random.Random(13)
    for _ in range(10):
        counts = {(f"o{i}", f"d{j}"): rng.choice([1, 2, 3, 7, 30]) for i in range(4)
                  for j in range(4)}
        cells, relations = _table(counts)
        report = GateReport()
        protect(cells, relations, report=report)
        assert report.rounds <= len(cells) + 1


# --- Rules as data ---------------------------------------------------------------------------

def test_min_persons_below_the_floor_is_refused_without_an_override():
    assert load_rules().floor == 5
    with pytest.raises(ValueError, match="floor"):
        Policy(min_persons=3)
    assert Policy(min_persons=3, override=True).as_manifest()["override_below_floor"] is True


def test_numerators_and_complements_under_five_are_suppressed():
    rules = load_rules()
    # 2 of 40 convicted: 5.0 % of 40 gives 2 persons back -> numerator rule.
    assert breach(Figure(40, Decimal("5.0"), "convicted_pct"), rules) == "numerator"
    # 38 of 40 employed: the 2 not employed are the complement -> complement rule.
    assert breach(Figure(40, Decimal("95.0"), "employment_pct"), rules) == "complement"
    # 0 of 40 employed: everyone lacks work, a group of 40 < 100 -> group disclosure.
    assert breach(Figure(40, Decimal("0"), "employment_pct"), rules) == "group"
    # 0 of 400 employed: a large group may be shown at 0 %.
    assert breach(Figure(400, Decimal("0"), "employment_pct"), rules) is None
    # 0 % convicted is not sensitive (the sensitive side, convicted, is empty).
    assert breach(Figure(40, Decimal("0"), "convicted_pct"), rules) is None
    # 10 of 40 convicted (25 %): numerator 10 and complement 30 are both fine.
    assert breach(Figure(40, Decimal("25"), "convicted_pct"), rules) is None


def test_means_need_twenty_persons_and_no_dominant_pair():
    rules = load_rules()
    assert breach(Figure(19, Decimal(300000), "mean_gross_income"), rules) == "mean_count"
    # 20 incomes summing to 6,000,000 where the two largest are 4,000,000 + 1,200,000 =
    # 86.7 % > 85 % of the total: dominance (2, 85).
    top = (4_000_000.0, 1_200_000.0)
    assert breach(Figure(20, Decimal(300000), "mean_gross_income", top, 6_000_000.0),
                  rules) == "dominance"
    # 5,000,000 of 6,000,000 = 83.3 %: allowed.
    assert breach(Figure(20, Decimal(300000), "mean_gross_income", (4e6, 1e6), 6e6),
                  rules) is None


# --- Every identity declared -----------------------------------------------------------------

def test_a_relation_with_an_empty_member_is_kept_not_dropped():
    # whole = stayers + newcomers, newcomers empty (n = 0, not published): whole and stayers
    # are twins. The old gate dropped the relation and published whole while hiding stayers.
    relations = [Relation.total("whole", ["stayers", "newcomers"])]
    cells = {"whole": 3, "stayers": 3}
    suppressed = protect(cells, relations)
    assert suppressed == {"whole", "stayers"}


def test_a_derived_cell_that_breaks_a_rule_is_protected():
    # unemployed = n - employed - outside: 40 - 30 - 8 = 2 persons, published by nobody.
    n, employed, outside = 40, 30, 8
    cells = {"emp": Figure(n, Decimal(employed * 100) / n, "employment_pct"),
             "out": Figure(n, Decimal(outside * 100) / n, "outside_labour_market_pct"),
             "unemp": Figure(n, None, "unemployed_18_64", count=n - employed - outside)}
    relations = [
        Relation((("out", 1), ("emp", -1))), Relation((("unemp", 1), ("emp", -1))),
        Relation(((Numerator("unemp"), 1), (Numerator("emp"), 1), (Numerator("out"), 1),
                  ("emp", -1)))]
    suppressed = protect(cells, relations, derived=["unemp"])
    assert "unemp" not in suppressed  # never a published row
    assert {"emp", "out"} & suppressed  # one of its sources is hidden
