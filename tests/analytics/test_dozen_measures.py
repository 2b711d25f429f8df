"""Every measure of levels 1-4 pinned on a dozen hand-made persons (tests/analytics/dozen.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from udsat.analytics.compute import compute
from udsat.domain.catalogue import default_catalogue
from udsat.domain.criteria import rule_version

from .dozen import A, B, write_dozen


@pytest.fixture(scope="module")
def computed(tmp_path_factory):
    directory = write_dozen(tmp_path_factory.mktemp("dozen"))
    return compute(directory, default_catalogue())


def cell(computed, area, indicator, year, breakdown=""):
    return computed.collection.cells[("observations", area, indicator, str(year), breakdown)]


def value(computed, area, indicator, year, breakdown=""):
    return cell(computed, area, indicator, year, breakdown).value


def test_residents_count_everyone_living_in_the_area_on_1_january(computed):
    # 2017: p1 p2 p3 p4 p5 p10 p12; 2018: p12 has left; 2019: p5 left, p6 arrived.
    assert [value(computed, A, "residents", y) for y in (2017, 2018, 2019)] == [7, 6, 6]


def test_nonwestern_share_counts_immigrants_and_descendants(computed):
    # 2019: p3 (immigrant) and p10 (descendant) of 6 residents = 33.33 %.
    assert value(computed, A, "nonwestern_pct", 2019) == Decimal(2) * 100 / 6


def test_outside_work_and_education_is_the_two_year_average_of_yearly_shares(computed):
    # 18-64 in A: 2017 p1 p2 p3 p4 p5 p12 (outside: p2 p3 p5) = 3/6 = 50 %;
    # 2018 p1-p5 = 3/5 = 60 %; 2019 p1 p2 p3 p4 p6 (outside: p2 p3) = 2/5 = 40 %.
    # Average 2018 = (50 + 60) / 2 = 55; 2019 = (60 + 40) / 2 = 50.
    assert value(computed, A, "outside_work_edu_pct", 2018) == 55
    assert value(computed, A, "outside_work_edu_pct", 2019) == 50
    # The first year has no year before it: no two-year average is published.
    assert ("observations", A, "outside_work_edu_pct", "2017", "") not in computed.collection.cells


def test_convictions_average_two_years_and_compare_with_the_national_share(computed):
    # A, 18+: 2018 p2 convicted of 5 = 20 %; 2019 none of 5 = 0 %; average 10 %.
    assert value(computed, A, "convicted_pct", 2019) == 10
    # Country, 18+: 11 persons both years (everyone but p10); one convicted each year
    # (p2 in 2018, p7 in 2019): (100/11 + 100/11) / 2 = 9.09 %.
    national = computed.collection.cells[
        ("place_observations", "country", "DK", "national_convicted_pct", "2019", "")]
    ninth = Decimal("0.000000001")
    assert national.value.quantize(ninth) == (Decimal(100) / 11).quantize(ninth)
    measures = computed.tables.measures(A, 2019, rule_version("2018"))
    assert measures.convicted_pct == 10
    assert measures.national_convicted_pct.quantize(ninth) == (Decimal(100) / 11).quantize(ninth)


def test_income_is_compared_with_the_same_group_in_the_region(computed):
    # A 2019, taxpayers 15-64 excluding students: p1 200k, p2 100k, p3 100k, p6 400k
    # -> 200k. Region Hovedstaden, same group: those four + p5 300k + p7 600k + p11 120k
    # + p12 250k = 2,070k / 8 = 258.75k (p8 is 72, p9 lives in Region Midtjylland).
    # 200 / 258.75 = 77.29 %.
    assert value(computed, A, "income_pct_of_region", 2019) == Decimal(200_000) * 100 / Decimal(
        "258750")
    assert value(computed, A, "mean_gross_income", 2019) == 200_000


def test_unknown_education_counts_as_basic_as_the_ministry_counts_it(computed):
    # A 2019, 30-59: p1 basic, p2 unknown, p3 higher, p6 vocational (both taken in Denmark).
    # Every rule file's [counting] has unknown education count as basic: (p1 + p2) / 4 = 50 %;
    # the 2018 rules also count foreign education as basic, and none of the four has one.
    assert rule_version("2018").counting.unknown_education == "basic"
    assert computed.tables.measures(A, 2019, rule_version("2013")).basic_edu_pct == 50
    assert computed.tables.measures(A, 2019, rule_version("2018")).basic_edu_pct == 50
    assert value(computed, A, "basic_edu_pct", 2019) == 50


def test_the_2010_rules_average_over_four_years_so_three_years_of_data_give_no_measure(computed):
    assert computed.tables.measures(A, 2019, rule_version("2010")).outside_work_edu_pct is None


def test_stayers_newcomers_and_existing_residents_split_employment(computed):
    # 2019, base year 2018. Stayers in A: p1 p2 p3 p4 (18-64), employed p1 = 1/4 = 25 %.
    # Newcomers: p6, employed = 100 %. Everyone: 2/5 = 40 %.
    # Existing (in A in 2018, wherever now): p1-p4 and p5 (employed in B) = 2/5 = 40 %.
    assert value(computed, A, "employment_pct", 2019, "stayers") == 25
    assert value(computed, A, "employment_pct", 2019, "newcomers") == 100
    assert value(computed, A, "employment_pct", 2019, "") == 40
    assert value(computed, A, "employment_pct", 2019, "existing") == 40
    assert cell(computed, A, "employment_pct", 2019, "stayers").n_persons == 4


def test_a_planned_rehousing_mover_is_counted_in_the_right_places(computed):
    cells = computed.collection.cells
    # p5 moved from A to B during 2018 with a rehousing event from A: one flow row ...
    flow = ("flows", "2018", A, B, "other_social_housing", "planned_rehousing")
    assert cells[flow].n_persons == 1
    # ... one out-mover of A in 2018, through planned rehousing, to social housing ...
    assert value(computed, A, "outmovers", 2018, "planned_rehousing") == 1
    assert value(computed, A, "outmovers", 2018, "") == 1
    assert ("observations", A, "outmovers", "2018", "other_moves") not in cells
    assert value(computed, A, "outmovers_to_social_housing_pct", 2018) == 100
    # ... one in-mover to B from the 15 areas (move year 2018) ...
    assert value(computed, B, "inmovers_from_evaluated", 2018) == 1
    # ... a planned-rehousing mover among A's base-year residents, employed in 2019,
    # compared with A's stayers (25 %), and a newcomer in B in 2019.
    assert value(computed, A, "movers_employment_pct", 2019, "planned_rehousing") == 100
    assert value(computed, A, "movers_employment_pct", 2019, "stayers") == 25
    assert value(computed, B, "employment_pct", 2019, "newcomers") == 100
    # An ordinary move out of social housing (p12, 2017) is an "other" move to outside.
    assert cells[("flows", "2017", A, "", "outside_social_housing", "other")].n_persons == 1


def test_waterbed_compares_a_receiving_area_with_and_without_movers_from_the_15(computed):
    # B 2019, 18-64: p5 (from A, employed) and p11 (outside): with p5 1/2 = 50 %,
    # without p5 1/1 = 100 % -> -50 percentage points.
    assert value(computed, B, "waterbed_outside_work_edu_pp", 2019) == -50
    closer = computed.collection.cells[
        ("place_observations", "social_housing", "all", "waterbed_areas_closer", "2019", "")]
    assert closer.value == 0  # the only receiving area got lower, not closer


def test_decomposition_splits_the_change_and_adds_up(computed):
    # A, 2018 -> 2019. Before: stayers p1-p4 (p2 p3 outside = 50 %), out-mover p5 (outside);
    # all 3/5 = 60 %. After: stayers p1-p4 = 50 %, in-mover p6 employed; all 2/5 = 40 %.
    # stayers 50 - 50 = 0; out-movers 50 - 60 = -10; in-movers 40 - 50 = -10; total -20.
    parts = {b: value(computed, A, "outside_work_edu_change_pp", 2019, b)
             for b in ("decomp_stayers", "decomp_outmovers", "decomp_inmovers")}
    assert parts == {"decomp_stayers": 0, "decomp_outmovers": -10, "decomp_inmovers": -10}
    total = value(computed, A, "outside_work_edu_change_pp", 2019)
    assert total == -20 == sum(parts.values())
    # The neighbouring-year identity the disclosure gate relies on:
    # 2 * (avg 2019 - avg 2018) = change 2019 + change 2018: 2 * (50 - 55) = -20 + 10.
    change_2018 = value(computed, A, "outside_work_edu_change_pp", 2018)
    assert total + change_2018 == 2 * (50 - 55)


def test_areas_below_1000_residents_are_classified_but_never_listed(computed):
    result = computed.classified[(A, 2019)]
    assert result.rule_version == "2018"
    assert result.statuses == frozenset()


def test_compute_refuses_microdata_outside_the_contract_naming_the_row(tmp_path):
    from udsat.analytics.compute import compute_bundle
    from udsat.ingest.problems import ProblemsFound

    from .dozen import person_years

    rows = person_years()
    rows[4]["origin"] = "martian"  # row 5 of the file
    directory = write_dozen(tmp_path / "bad", rows)
    with pytest.raises(ProblemsFound) as raised:
        compute_bundle(directory, tmp_path / "bundle")
    (problem,) = raised.value.problems
    assert (problem.row, problem.column) == (5, "origin")
    assert not (tmp_path / "bundle").exists()  # nothing half-written
