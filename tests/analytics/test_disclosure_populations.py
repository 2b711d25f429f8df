"""The attack suite (tests/domain/adversary.py) against bundles of small seeded populations:
areas of 40-150 residents (most flows and groups small) and of 150-900 residents. It uses
only what the bundle publishes plus public geography, and checks cell by cell against the
truth computed from the synthetic microdata. It must recover nothing and find no numerator,
complement or group below the rules. The same input must give byte-identical bundles."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
from pathlib import Path

import pytest

from udsat.analytics.areas import status_rows
from udsat.analytics.compute import compute, compute_bundle
from udsat.analytics.export import write_bundle
from udsat.analytics.synthetic import synthesize
from udsat.domain.catalogue import default_catalogue
from udsat.domain.disclosure import Policy
from udsat.domain.disclosure_rules import load_rules

_spec = importlib.util.spec_from_file_location(
    "adversary", Path(__file__).resolve().parents[1] / "domain" / "adversary.py")
adversary = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(adversary)

POPULATIONS = {"areas_40_150": (2000, (40, 150), 3), "areas_150_900": (3000, (150, 900), 4)}
RULES = load_rules()


@pytest.fixture(scope="module", params=sorted(POPULATIONS))
def population(request, tmp_path_factory):
    persons, sizes, seed = POPULATIONS[request.param]
    root = tmp_path_factory.mktemp(request.param)
    synthesize(root / "microdata", persons, 2016, 2021, seed, default_catalogue(),
               area_residents=sizes)
    computed = compute(root / "microdata", default_catalogue(), check_values=False)
    write_bundle(root / "bundle", computed.collection, status_rows(computed.classified), [],
                 computed.survey, default_catalogue(), Policy(), dataset="synthetic",
                 synthetic=True, rule_versions=["2021"], producer="test")
    return root, computed


def _rows(bundle: Path, table: str) -> list[dict]:
    with (bundle / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _key(table: str, row: dict) -> tuple:
    if table == "flows":
        return ("flows", row["year"], row["origin"], row["destination"],
                row["destination_kind"], row["move_type"])
    if table == "observations":
        return ("observations", row["area"], row["indicator"], row["period"], row["breakdown"])
    return ("place_observations", row["place_kind"], row["place_code"], row["indicator"], row["period"],
            row["breakdown"])


def _attack_system(bundle: Path, microdata: Path):
    """What the attacker sees: counts ("n", key) and share numerators ("k", key), published
    or hidden, and the identities between them (written from the bundle's tables and the
    public geography, independently of analytics' relations)."""
    published, hidden, numerators = {}, set(), set()
    rows = {t: _rows(bundle, t) for t in ("flows", "observations", "place_observations")}
    present = set()
    for table, table_rows in rows.items():
        for row in table_rows:
            key = _key(table, row)
            present.add(key)
            is_hidden = row.get("suppressed") == "true" or row.get("absence") == "suppressed"
            share = RULES.shares.get(row.get("indicator", "")) and row.get("unit") == "pct"
            if is_hidden:
                hidden.add(("n", key))
                if share:
                    hidden.add(("k", key))
                    numerators.add(("k", key))
                continue
            if row.get("n_persons"):
                published[("n", key)] = int(row["n_persons"])
                k = adversary.share_numerator(row.get("value", ""), int(row["n_persons"]))
                if share and k is not None:
                    published[("k", key)] = k
    equations, at_least = [], []

    def total(whole, parts):
        parts = [p for p in parts if p[1] in present]
        if whole[1] in present and parts:
            equations.append(((whole, 1), *((p, -1) for p in parts)))

    by_row: dict = {}
    for row in rows["flows"]:
        by_row.setdefault((row["origin"], row["year"], row["move_type"]), []).append(
            _key("flows", row))
    for (origin, year, move_type), keys in by_row.items():
        breakdown = "planned_rehousing" if move_type == "planned_rehousing" else "other_moves"
        total(("n", ("observations", origin, "outmovers", year, breakdown)),
              [("n", k) for k in keys])
    for row in rows["observations"]:
        area, indicator, period, breakdown = (row["area"], row["indicator"], row["period"],
                                              row["breakdown"])
        if indicator == "outmovers" and breakdown == "":
            whole = ("observations", area, indicator, period, "")
            total(("n", whole), [("n", ("observations", area, indicator, period, b))
                                 for b in ("planned_rehousing", "other_moves")])
            share = ("observations", area, "outmovers_to_social_housing_pct", period, "")
            total(("n", share), [("n", whole)])  # twins: the same persons
            housed = [("n", k) for (o, y, _), keys in by_row.items() if o == area
                      and y == period for k in keys if k[3]]
            total(("k", share), housed)
        if breakdown == "" and indicator in RULES.shares or indicator == "mean_gross_income":
            parts = [("observations", area, indicator, period, b) for b in ("stayers",
                                                                           "newcomers")]
            if parts[0] in present:
                total(("n", ("observations", area, indicator, period, "")),
                      [("n", p) for p in parts])
                if indicator in RULES.shares:
                    total(("k", ("observations", area, indicator, period, "")),
                          [("k", p) for p in parts])
    geography = default_catalogue().geography
    region = {str(m.code): str(m.region_code) for m in geography.municipalities}
    municipality = {a.slug: str(a.municipality_code) for a in geography.areas}
    with (microdata / "areas.csv").open(encoding="utf-8") as handle:
        municipality |= {r["slug"]: r["municipality_code"] for r in csv.DictReader(handle)}
    places: dict = {}
    for row in rows["place_observations"]:
        if row["breakdown"] == "":
            places.setdefault((row["indicator"], row["period"]), []).append(row)
    for (indicator, period), place_rows in places.items():
        kinds = {"n"} | ({"k"} if indicator in RULES.shares else set())
        by_kind = {(r["place_kind"], r["place_code"]): _key("place_observations", r) for r in place_rows}
        for q in kinds:
            for (kind, code), key in by_kind.items():
                if kind == "region":
                    total((q, key), [(q, k) for (kk, c), k in by_kind.items()
                                     if kk == "municipality" and region.get(c) == code])
                if kind == "country":
                    total((q, key), [(q, k) for (kk, _), k in by_kind.items() if kk == "region"])
                if kind == "municipality":
                    areas = [(q, ("observations", a, indicator, period, ""))
                             for a, m in municipality.items() if m == code]
                    areas = [a for a in areas if a[1] in present]
                    if areas:
                        at_least.append((((q, key), 1), *((a, -1) for a in areas)))
    return published, hidden, numerators, equations, at_least


def test_the_attack_recovers_no_suppressed_count(population):
    root, computed = population
    published, hidden, numerators, equations, at_least = _attack_system(
        root / "bundle", root / "microdata")
    assert hidden and equations  # there is something to attack
    # A share's numerator over more than 1,000 persons is not pinned by its rounding: an
    # identity holding one is unknown to the attacker.
    known = [e for e in equations if all(k in published or k in hidden for k, _ in e)]
    exact = adversary.recover(published, hidden, known)
    assert exact == {}, list(exact.items())[:5]
    bounds = adversary.count_bounds(published, hidden, equations, at_least, numerators)
    pinned = {k: b for k, b in bounds.items() if b[1] - b[0] < 1 - 1e-6}
    assert pinned == {}, list(pinned.items())[:5]
    # Cell by cell against the truth: every hidden count under 5 persons keeps an
    # interval at least 5 wide.
    cells = computed.collection.cells
    narrow = {}
    for (quantity, key), (low, high) in bounds.items():
        cell = cells.get(key)
        if cell is None or quantity != "n" or cell.n_persons >= RULES.min_persons:
            continue
        if high - low < RULES.min_interval - 1e-6:
            narrow[key] = (cell.n_persons, low, high)
    assert narrow == {}, list(narrow.items())[:5]


def test_no_published_numerator_complement_or_group_breaks_the_rules(population):
    root, _ = population
    rows = _rows(root / "bundle", "observations") + _rows(root / "bundle", "place_observations")
    # Shares only: a change in percentage points does not give its numerator by itself.
    shares = {k: v for k, v in RULES.shares.items() if not k.endswith("_pp")}
    found = adversary.attribute_findings(rows, shares, RULES.min_persons,
                                         RULES.group_min_persons)
    assert found == [], found[:5]
    # Dominance, cell by cell against the truth: no published mean income whose two largest
    # incomes exceed 85 % of its total (the SQL's top two, from the microdata).
    cells, published = population[1].collection.cells, _published_keys(root / "bundle")
    for key, cell in cells.items():
        if cell.top and cell.total and key in published:
            assert sum(cell.top[:2]) * 100 <= RULES.dominance_k * cell.total, key
    # Derived figures: the unemployed (n - employed - outside the labour force) and the
    # movers among existing residents (existing - stayers).
    values = {(_place(r), r["indicator"], r["period"], r["breakdown"]): r for r in rows
              if r["value"]}
    for (place, indicator, period, breakdown), row in values.items():
        if indicator == "employment_pct" and breakdown == "":
            other = values.get((place, "outside_labour_market_pct", period, ""))
            n = int(row["n_persons"])
            k_employed = adversary.share_numerator(row["value"], n)
            if other is None or k_employed is None:
                continue
            unemployed = n - k_employed - adversary.share_numerator(other["value"], n)
            assert not 0 < unemployed < RULES.min_persons, (place, period, unemployed)
        if breakdown == "existing" and indicator in RULES.shares:
            stayers = values.get((place, indicator, period, "stayers"))
            if stayers is None:
                continue
            n = int(row["n_persons"]) - int(stayers["n_persons"])
            k = (adversary.share_numerator(row["value"], int(row["n_persons"]))
                 - adversary.share_numerator(stayers["value"], int(stayers["n_persons"])))
            assert not (0 < n < RULES.min_persons or 0 < k < RULES.min_persons
                        or 0 < n - k < RULES.min_persons), (place, indicator, period, n, k)


def _published_keys(bundle: Path) -> set:
    found = set()
    for table in ("observations", "place_observations"):
        found |= {_key(table, r) for r in _rows(bundle, table) if r["value"]}
    return found


def _place(row: dict) -> tuple:
    return (row["place_kind"], row["place_code"]) if "place_kind" in row else ("area", row["area"])


def test_the_same_input_gives_byte_identical_bundles(tmp_path):
    # A population of its own (1,200 persons, areas of 40-150 residents, 2017-2020).
    synthesize(tmp_path / "microdata", 1200, 2017, 2020, 9, default_catalogue(),
               area_residents=(40, 150))
    digests = []
    for run in ("first", "second"):
        out = tmp_path / run / "bundle"  # the bundle's name is its directory's
        compute_bundle(tmp_path / "microdata", out)
        digests.append({p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                        for p in sorted(out.iterdir())})
    assert digests[0] == digests[1]
    assert "survey_estimates.csv" in digests[0]
