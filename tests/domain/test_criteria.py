"""The rule versions load from catalogue/criteria/*.toml and pick the law of each list year."""

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from udsat.domain.criteria import (
    CRITERIA_DIR,
    CriteriaError,
    load_rule_versions,
    rule_version,
    rule_version_for_year,
)


def test_every_version_loads_oldest_first_with_legal_reference():
    versions = load_rule_versions()
    assert [v.name for v in versions] == ["2010", "2013", "2018", "2021"]
    assert all("almenboligloven § 61 a" in v.legal_reference for v in versions)
    assert "§ 61 b" in rule_version("2021").legal_reference


@pytest.mark.parametrize(
    ("year", "version", "list_date"),
    [
        (2010, "2010", dt.date(2010, 10, 1)),
        (2012, "2010", dt.date(2012, 10, 1)),
        (2013, "2013", dt.date(2013, 12, 1)),
        (2017, "2013", dt.date(2017, 12, 1)),
        (2018, "2018", dt.date(2018, 12, 1)),
        (2020, "2018", dt.date(2020, 12, 1)),
        (2021, "2021", dt.date(2021, 12, 1)),
        (2024, "2021", dt.date(2024, 12, 1)),
    ],
)
def test_each_year_is_classified_under_the_law_in_force_on_its_list_date(year, version, list_date):
    rules = rule_version_for_year(year)
    assert rules.name == version
    assert rules.list_date(year) == list_date
    assert rules.in_force_on(list_date)


def test_a_year_before_the_first_statutory_list_has_no_rules():
    with pytest.raises(KeyError, match="2009"):
        rule_version_for_year(2009)


def test_the_l194_clarification_amends_the_2018_and_2021_versions_from_1_july_2021():
    for name in ("2018", "2021"):
        (amendment,) = rule_version(name).amendments
        assert amendment.effective_from == dt.date(2021, 7, 1)
        assert amendment.letting_clear_years == 4
    assert rule_version("2018").amendment_for(2020) is None  # list of 1.12.2020 is before July 2021
    assert rule_version("2013").amendments == ()


def test_thresholds_are_exact_decimals_and_the_conviction_rule_is_a_multiple_from_2018():
    assert rule_version("2013").criterion("convicted").threshold == Decimal("2.7")
    convicted = rule_version("2018").criterion("convicted")
    assert (convicted.threshold, convicted.factor, convicted.comparison) == (None, Decimal("3"), "at_least")
    assert rule_version("2021").criterion("convicted_prevention").factor == Decimal("2")


def test_the_2018_transformation_rule_is_five_years_on_the_2018_to_2020_lists_and_four_after():
    rule = next(s for s in rule_version("2018").statuses if s.code == "transformation")
    assert [rule.history_years_for(y) for y in (2018, 2020, 2021)] == [5, 5, 4]
    rule_2021 = next(s for s in rule_version("2021").statuses if s.code == "transformation")
    assert rule_2021.history_years_for(2021) == 5


def test_the_2013_rules_number_the_criteria_as_l45_does():
    # L 45 (2013-14) numbers the non-Western share nr. 1, outside work or education nr. 2.
    version = rule_version("2013")
    assert [(c.id, c.statute) for c in version.criteria[:2]] == [
        ("nonwestern", "§ 61 a stk. 1 nr. 1 (L 45)"), ("outside_work_edu", "§ 61 a stk. 1 nr. 2 (L 45)")]


def test_each_version_says_how_the_ministry_counts_with_its_source():
    for version in (rule_version(n) for n in ("2010", "2013", "2018", "2021")):
        counting = version.counting
        assert counting.unknown_education == "basic"  # "inkl. uoplyst uddannelse"
        assert counting.education_source and counting.data_years_source
        assert any("full-time persons" in d for d in counting.deviations)
    # Foreign education: at its own level until L 38 limited the data to Danish education.
    assert rule_version("2013").counting.foreign_education == "own_level"
    assert rule_version("2018").counting.foreign_education == "basic"
    assert "bl.dk/politik-og-analyser/analyser/2020/11" in rule_version("2018").counting.education_source


def test_the_data_years_behind_a_list():
    # The list of 1 December 2019: the population of 1 January 2019, the two register years
    # before it (2017, 2018) for the averaged measures, income from 2018.
    version = rule_version("2018")
    assert version.data_years(2019, "nonwestern_pct") == (2019,)
    assert version.data_years(2019, "basic_edu_pct") == (2019,)
    assert version.data_years(2019, "outside_work_edu_pct") == (2017, 2018)
    assert version.data_years(2019, "national_convicted_pct") == (2017, 2018)
    assert version.data_years(2019, "income_pct_of_region") == (2018,)
    # The 2010 rules average four years: the list of 1 October 2011 reads 2007-2010.
    assert rule_version("2010").data_years(2011, "convicted_pct") == (2007, 2008, 2009, 2010)


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "criteria"
    shutil.copytree(CRITERIA_DIR, root)
    return root


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("2018.toml", 'comparison = "less"', 'comparison = "lt"',
         "2018.toml: criterion[3].comparison: unknown comparison 'lt'"),
        ("2013.toml", 'threshold = "2.7"', 'threshold = "2,7"',
         "2013.toml: criterion[2].threshold: '2,7' is not a decimal number"),
        ("2013.toml", "threshold = \"50\"\nwording_da = \"Andelen af indvandrere",
         "threshold = 50\nwording_da = \"Andelen af indvandrere",
         "2013.toml: criterion[0].threshold: expected str, got 50"),
        ("2021.toml", 'of = ["outside_work_edu", "convicted", "basic_edu", "income"]',
         'of = ["outside_work_edu", "crime", "basic_edu", "income"]',
         "2021.toml: status[0].of: unknown name 'crime'"),
        ("2021.toml", 'within = "vulnerable"', 'within = "prevention"',
         "2021.toml: status[1].within: 'prevention' is not a status defined earlier"),
        ("2010.toml", "minimum_residents = 1000", "", "2010.toml: version.minimum_residents: is missing"),
        ("2010.toml", "effective_to = 2013-11-30", "effective_to = 2014-01-01",
         "2010.toml: version.effective_to: overlaps 2013.toml"),
        ("2021-l194.toml", 'applies_to = ["2018", "2021"]', 'applies_to = ["2019"]',
         "2021-l194.toml: amendment.applies_to: unknown version '2019'"),
        ("2018.toml", 'foreign_education = "basic"', 'foreign_education = "abroad"',
         "2018.toml: counting.foreign_education: unknown treatment 'abroad'"),
        ("2021.toml", "register_year = -1", "register_year = 1",
         "2021.toml: counting.register_year: 1 is not an offset from the list year"),
        ("2013.toml", "education_source = ", "education_note = ",
         "2013.toml: counting.education_note: unknown key"),
        ("2010.toml", "\n[counting]\n", "\n[counting_]\n", "2010.toml: counting: expected a table"),
    ],
)
def test_a_bad_criteria_file_fails_naming_file_and_key(tmp_path, file, old, new, message):
    root = _copy(tmp_path)
    text = (root / file).read_text(encoding="utf-8")
    assert old in text
    (root / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CriteriaError) as excinfo:
        load_rule_versions(root)
    assert str(excinfo.value).startswith(message)
