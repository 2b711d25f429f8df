"""The engine against the published lists and figures (the packaged reference copies).

- every row of official_criteria_values.csv with enough known measures is classified as the
  published status says; the others give "insufficient data";
- the lists of 2015-2020 reproduce the published hard ghetto lists of 2018-2020 wherever the
  history each area needs is complete.
"""

import csv

import pytest

from udsat.domain.catalogue import default_catalogue
from udsat.domain.classification import classify, history_holds
from udsat.domain.criteria import rule_version
from udsat.ingest.published_lists import criteria_measures, published_statuses, read_list_record
from udsat.ingest.reference import REFERENCE_DIR


@pytest.fixture(scope="module")
def geography():
    return default_catalogue().geography


@pytest.fixture(scope="module")
def history(geography):
    return read_list_record(REFERENCE_DIR, geography)


def test_published_criteria_values_are_classified_as_published(geography, history, capsys):
    file = "official_criteria_values.csv"
    checked, insufficient = [], []
    with (REFERENCE_DIR / file).open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            measures, problems = criteria_measures(file, line, row)
            assert problems == []
            year, slug = int(row["year"]), geography.area(row["area"]).slug
            result = classify(year, measures, history=history.history(slug))
            if result.insufficient:
                insufficient.append((year, row["area"]))
                assert "Insufficient data" in result.explanation("en")
                continue
            assert result.statuses == published_statuses(row["status"], year), (year, row["area"])
            checked.append((year, row["area"]))
    with capsys.disabled():
        print(f"\n{file}: {len(checked)} rows checked against the published status, "
              f"{len(insufficient)} with insufficient data")
    # Decided by hand:
    # - Gellerup 2015, 2013 rules: 6,464 residents; 80.6 > 50, 51.9 > 40, 4.43 > 2.7,
    #   58.4 > 50, 51.1 < 55: 5 of 5, ghettoområde.
    # - Tåstrupgård 2023, 2021 rules: 1,587 residents; basic education 77.3 > 60 and income
    #   54.2 < 55 (2 of 4: udsat), non-Western 66.4 > 50 (parallelsamfund), on the
    #   ghetto/parallelsamfund lists 2019-2022 (omdannelsesområde).
    # - Mjølnerparken 2023: 966 residents < 1,000: on no list.
    # - Agervang 2014, 2013 rules: 1,453 residents; 56.5 > 50, 51.2 > 40, 3.45 > 2.7,
    #   61.1 > 50: at least 3 of 5 whatever the (unpublished) income, ghettoområde.
    assert checked == [(2015, "Gellerupparken/Toveshøj"), (2023, "Tåstrupgård"),
                       (2023, "Mjølnerparken"), (2014, "Agervang")]
    # Every other row lacks the residents or most of the shares (or, Korskærparken 2018,
    # the residents and the national conviction average); Ladegårdsparken 2014 meets 2 of
    # the 4 published criteria with income unknown, Askerød 2022 has only its residents.
    assert len(insufficient) == 19


def test_the_2015_to_2020_lists_reproduce_the_hard_ghetto_lists_of_2018_to_2020(history, capsys):
    rule = next(s for s in rule_version("2018").statuses if s.code == "transformation")
    checked, undecided = {}, {}
    for year in (2018, 2019, 2020):
        assert (year, "segregated") in history.complete and (year, "transformation") in history.complete
        for slug in history.by_area:
            years = history.history(slug)
            if "segregated" not in years.get(year, ()):
                continue
            computed = history_holds(rule, year, years)  # ghetto in each of the 4 years before
            if computed is None:
                undecided[year] = undecided.get(year, 0) + 1
                continue
            assert computed == ("transformation" in years[year]), (year, slug)
            checked[year] = checked.get(year, 0) + 1
    with capsys.disabled():
        print(f"\nhard ghetto lists 2018-2020: checked {checked}, history incomplete {undecided}")
    # 2018 needs 2014-2017 (L 38's five-year transitional rule). The 2014 list is complete
    # (31 areas). For the 15 hard areas of 2018 their 2014-2017 years are partly derived from
    # that very rule (derivation "transitional"), so for them 2018 is a consistency check, not
    # an independent one; the 14 other ghetto areas miss a year in 2014-2017 and are rightly
    # not hard. 2019 (28 ghetto areas) and 2020 (15) need 2015-2019 and 2016-2020: complete.
    assert checked == {2018: 29, 2019: 28, 2020: 15}
    assert undecided == {}
