"""Disclosure control: primary and secondary suppression, and the adversary who must fail."""

from __future__ import annotations

import random

import pytest
from adversary import recover  # tests/domain/adversary.py

from udsat.domain.disclosure import Policy, Relation, primary, protect, recoverable


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
