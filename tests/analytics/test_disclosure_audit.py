"""The interval audit: counts are whole, non-negative, and a listed suppressed cell holds at
least one person. Hand-sized tables, the arithmetic beside each assertion."""

from __future__ import annotations

import random

import pytest

from udsat.analytics.audit import integer_audit, integer_interval, intervals
from udsat.domain.disclosure import DisclosureError, Figure, Numerator, Relation, protect

FIVE = integer_audit(5)


def test_a_total_minus_its_published_parts_no_longer_pins_suppressed_flows_to_one():
    # shared/cases/disclosure/suppressed_flows_pinned_to_one.py: 9 out-movers, 5 to outside
    # social housing, four flows of 1. The exact audit let 9 - 5 = 4 = 4 x 1 through.
    cells = {"outmovers": 9, "to_outside": 5, "to_A": 1, "to_B": 1, "to_C": 1, "to_D": 1}
    relations = [Relation.total("outmovers", ["to_outside", "to_A", "to_B", "to_C", "to_D"])]
    hidden = {"to_A", "to_B", "to_C", "to_D"}
    assert intervals(hidden, relations, cells)["to_A"] == (1, 1)  # the old gate's output
    suppressed = protect(cells, relations, audit=FIVE)
    assert hidden <= suppressed
    found = intervals(set(suppressed), relations, cells)
    # With the total hidden as well, nothing bounds a flow from above.
    assert all(high - low >= 5 for low, high in found.values()), found


def test_the_eight_cell_case_with_a_true_numerator_relation_is_protected():
    # The share of movers to social housing rests on W (its n) and its numerator is
    # fP_h + fO_h = 1 + 6 = 7 (the case wrote S = W = 24, an identity that does not hold).
    cells = {"W": 24, "P": 4, "O": 20, "fP_out": 3, "fP_h": 1, "fO_out": 14, "fO_h": 6,
             "S": 24}
    counts = dict(cells)
    relations = [Relation.total(Numerator("S"), ["fP_h", "fO_h"]),
                 Relation((("S", 1), ("W", -1))),
                 Relation.total("O", ["fO_out", "fO_h"]), Relation.total("P", ["fP_out", "fP_h"]),
                 Relation.total("W", ["P", "O"])]
    figures = {k: Figure(v) for k, v in cells.items()}
    figures["S"] = Figure(24, None, "", count=7)
    counts[Numerator("S")] = 7
    suppressed = protect(figures, relations, audit=FIVE)
    assert {"P", "fP_out", "fP_h"} <= suppressed
    hidden = {q for r in relations for q in r.keys
              if (q.cell if isinstance(q, Numerator) else q) in suppressed}
    found = intervals(hidden, relations, counts)
    for key in ("P", "fP_out", "fP_h"):
        low, high = found[key]
        assert high - low >= 5, (key, found[key])


def test_the_eight_cells_as_the_case_wrote_them_stop_with_a_clear_error():
    # S = fP_h + fO_h = 24 while fP_h + fO_h = 7: the declared identity is false, and the
    # interval audit says so instead of trusting a contradiction (or looping).
    cells = {"W": 24, "P": 4, "O": 20, "fP_out": 3, "fP_h": 1, "fO_out": 14, "fO_h": 6,
             "S": 24}
    relations = [Relation.total("S", ["fP_h", "fO_h"]), Relation.total("O", ["fO_out", "fO_h"]),
                 Relation.total("P", ["fP_out", "fP_h"]), Relation.total("W", ["P", "O"])]
    with pytest.raises(DisclosureError, match="contradict"):
        protect(cells, relations, audit=FIVE)


def test_a_municipality_bounds_its_areas_from_above():
    # Municipality 30 >= areas a + b; a (2) hidden, b = 25 published: a <= 30 - 25 = 5,
    # a >= 1: the interval [1, 5] is 4 wide, too narrow, so more must go.
    cells = {"m": 30, "a": 2, "b": 25}
    relations = [Relation((("m", 1), ("a", -1), ("b", -1)), kind="at_least")]
    assert intervals({"a"}, relations, cells)["a"] == (1, 5)
    suppressed = protect(cells, relations, audit=FIVE)
    found = intervals(set(suppressed), relations, cells)
    assert found["a"][1] - found["a"][0] >= 5


def test_rounded_lp_bounds_equal_the_integer_programme_on_random_flow_tables():
    rng = random.Random(7)
    for _ in range(5):
        counts = {(f"o{i}", f"d{j}"): rng.choice([1, 2, 3, 6, 12]) for i in range(3)
                  for j in range(3)}
        cells = dict(counts)
        relations = []
        for i in range(3):
            cells[(f"o{i}", "all")] = sum(counts[(f"o{i}", f"d{j}")] for j in range(3))
            relations.append(Relation.total((f"o{i}", "all"),
                                            [(f"o{i}", f"d{j}") for j in range(3)]))
        for j in range(3):
            cells[("all", f"d{j}")] = sum(counts[(f"o{i}", f"d{j}")] for i in range(3))
            relations.append(Relation.total(("all", f"d{j}"),
                                            [(f"o{i}", f"d{j}") for i in range(3)]))
        hidden = {k for k, v in counts.items() if v < 5}
        lp = intervals(hidden, relations, cells)
        for key in hidden:
            assert lp[key] == integer_interval(key, hidden, relations, cells), key


def test_min_persons_below_five_is_refused_on_the_command_line(tmp_path, capsys):
    from udsat.cli import main as udsat

    code = udsat(["compute", "--microdata", str(tmp_path / "none"), "--out",
                  str(tmp_path / "bundle"), "--min-persons", "3"])
    assert code == 2
    err = capsys.readouterr().err
    assert "--min-persons" in err and "below the disclosure floor of 5" in err
    assert not (tmp_path / "bundle").exists()
