"""`udsat classify`: the exact CSV contract other tools depend on, and exit code 2 on bad input."""

import csv

from udsat.cli import main
from udsat.ingest.classify_input import VALUE_COLUMNS

HEADER = ",".join(VALUE_COLUMNS)
RESULT_HEADER = ["area", "year", "rule_version", "criteria_met", "statuses", "undecided",
                 "explanation_da", "explanation_en"]


def _rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_classify_writes_the_result_contract(tmp_path, capsys):
    values = tmp_path / "values.csv"
    # B 2015 (2013 rules): 80.6 > 50, 51.9 > 40, 4.43 > 2.7, 58.4 > 50, 51.1 < 55: all 5.
    # A 2018 (2018 rules): 45 > 40 and 65 > 60 (2 of 4), 55 > 50: ghetto; on the ghetto
    #   list 2014-2017 (history), so 5 years: hard ghetto (transitional rule).
    # C 2022: 999 residents: on no list whatever the shares.
    values.write_text(
        HEADER + "\n"
        "A,2018,1200,55,45,1.00,0.70,65,70\n"
        "B,2015,6464,80.6,51.9,4.43,,58.4,51.1\n"
        "C,2022,999,80,60,5,0.70,80,40\n",
        encoding="utf-8",
    )
    history = tmp_path / "statuses.csv"
    history.write_text(
        "area,year,status\n" + "".join(f"A,{y},ghettoområde\n" for y in range(2014, 2018)),
        encoding="utf-8",
    )
    out = tmp_path / "result.csv"
    code = main(["classify", "--input", str(values), "--history", str(history), "--out", str(out)])
    assert code == 0
    assert "classified 3 area-years" in capsys.readouterr().out
    header, a, b, c = _rows(out)
    assert header == RESULT_HEADER
    assert a[:6] == ["A", "2018", "2018", "outside_work_edu;basic_edu;nonwestern",
                     "udsat boligområde;ghettoområde;hårdt ghettoområde", ""]
    assert b[:6] == ["B", "2015", "2013", "nonwestern;outside_work_edu;convicted;basic_edu;income",
                     "ghettoområde", ""]
    # C: every criterion met but under 1,000 residents: no status, and decided ("undecided" empty).
    assert c[:6] == ["C", "2022", "2021",
                     "outside_work_edu;convicted;basic_edu;income;nonwestern;nonwestern_prevention;"
                     "outside_work_edu_prevention;convicted_prevention;income_prevention", "", ""]
    assert a[6].startswith("Listen 2018") and a[7].startswith("The 2018 list")


def test_rules_can_be_forced_for_comparison(tmp_path):
    values = tmp_path / "values.csv"
    values.write_text(HEADER + "\nA,2018,1200,55,45,1.00,0.70,65,70\n", encoding="utf-8")
    out = tmp_path / "result.csv"
    assert main(["classify", "--input", str(values), "--rules", "2013", "--out", str(out)]) == 0
    # 2013 rules: 55 > 50, 45 > 40, 65 > 50: 3 of 5, a ghettoområde on the 2018 list.
    assert _rows(out)[1][:6] == ["A", "2018", "2013", "nonwestern;outside_work_edu;basic_edu",
                                 "ghettoområde", ""]


def test_without_history_the_hard_status_is_left_undecided(tmp_path):
    values = tmp_path / "values.csv"
    values.write_text(HEADER + "\nA,2018,1200,55,45,1.00,0.70,65,70\n", encoding="utf-8")
    out = tmp_path / "result.csv"
    assert main(["classify", "--input", str(values), "--out", str(out)]) == 0
    row = _rows(out)[1]
    assert row[4] == "udsat boligområde;ghettoområde"
    assert row[5] == "hårdt ghettoområde"  # 2014-2017 unknown: said, not left blank
    assert "Insufficient data: cannot decide whether the area is hard ghetto area" in row[7]


def test_an_empty_statuses_cell_means_no_status_only_when_undecided_is_empty(tmp_path):
    values = tmp_path / "values.csv"
    # D 2019: outside work 45 > 40 met, the other three of the four blank (unknown): 1 met and 3
    # unknown can still make 2 of 4, so no status holds yet none is ruled out: udsat, ghetto
    # (55 > 50 non-Western) and hard ghetto (no history either) are all undecided.
    # E 2019: every value given, none met: no status, decided.
    values.write_text(HEADER + "\nD,2019,1200,55,45,,,,\nE,2019,1200,20,20,0.10,0.70,20,90\n",
                      encoding="utf-8")
    out = tmp_path / "result.csv"
    assert main(["classify", "--input", str(values), "--out", str(out)]) == 0
    d, e = _rows(out)[1:]
    assert (d[4], d[5]) == ("", "udsat boligområde;ghettoområde;hårdt ghettoområde")
    assert (e[4], e[5]) == ("", "")


def test_a_national_conviction_share_of_zero_exits_2(tmp_path, capsys):
    values = tmp_path / "values.csv"
    values.write_text(HEADER + "\nA,2019,1200,55,45,1.00,0,65,70\n", encoding="utf-8")
    out = tmp_path / "result.csv"
    assert main(["classify", "--input", str(values), "--out", str(out)]) == 2
    assert (f"{values}, row 2, column 'national_convicted_pct': 0 is not a positive reference value"
            in capsys.readouterr().err)
    assert not out.exists()


def test_bad_input_exits_2_names_file_row_column_and_leaves_no_output(tmp_path, capsys):
    values = tmp_path / "values.csv"
    values.write_text(HEADER + "\nA,2018,1200,155,45,1.00,0.70,65,70\n", encoding="utf-8")
    out = tmp_path / "result.csv"
    code = main(["classify", "--input", str(values), "--out", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert f"{values}, row 2, column 'nonwestern_pct': 155 is outside 0-100" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == [values]


def test_a_bad_history_file_also_exits_2(tmp_path, capsys):
    values = tmp_path / "values.csv"
    values.write_text(HEADER + "\nA,2018,1200,55,45,1.00,0.70,65,70\n", encoding="utf-8")
    history = tmp_path / "statuses.csv"
    history.write_text("area,year,state\n", encoding="utf-8")
    out = tmp_path / "result.csv"
    assert main(["classify", "--input", str(values), "--history", str(history), "--out", str(out)]) == 2
    assert f"{history}, row 1, column 'state': unknown column" in capsys.readouterr().err
    assert not out.exists()


def test_an_unwritable_output_exits_2(tmp_path, capsys):
    values = tmp_path / "values.csv"
    values.write_text(HEADER + "\nA,2018,1200,55,45,1.00,0.70,65,70\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    out = blocker / "result.csv"  # a directory that is a file
    assert main(["classify", "--input", str(values), "--out", str(out)]) == 2
    assert f"{out}: cannot write the result" in capsys.readouterr().err


def test_without_history_earlier_rows_of_the_same_area_serve_as_history(tmp_path):
    values = tmp_path / "values.csv"
    # Every year 2017-2021: 60 > 50 non-Western, 45 > 40 outside work, 65 > 60 basic
    # education: a ghetto area/parallelsamfund each year (2017 under the 2013 rules, 3 of 5).
    rows = "".join(f"A,{y},1500,60,45,1.00,0.70,65,70\n" for y in range(2017, 2022))
    values.write_text(HEADER + "\n" + rows, encoding="utf-8")
    out = tmp_path / "result.csv"
    assert main(["classify", "--input", str(values), "--out", str(out)]) == 0
    result = {row[1]: row[4] for row in _rows(out)[1:]}
    undecided = {row[1]: row[5] for row in _rows(out)[1:]}
    assert result["2017"] == "ghettoområde"
    assert result["2018"] == "udsat boligområde;ghettoområde"  # 2014-2016 unknown: hard undecided
    assert undecided["2018"] == "hårdt ghettoområde"
    # 2021 rules: parallelsamfund in each of 2017-2021, all in the file: omdannelsesområde.
    assert result["2021"] == "udsat boligområde;parallelsamfund;omdannelsesområde"
