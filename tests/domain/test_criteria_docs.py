"""docs/criteria.md is generated from catalogue/criteria/*.toml and kept in step by this test."""

from pathlib import Path

from udsat.domain.criteria import load_rule_versions
from udsat.domain.criteria_docs import render_criteria_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "criteria.md"


def test_every_criterion_and_status_is_documented_with_its_statute():
    versions = load_rule_versions()
    text = render_criteria_markdown(versions)
    for version in versions:
        assert f"## {version.name}: {version.title_en}" in text
        for criterion in version.criteria:
            assert f"| `{criterion.id}` | `{criterion.measure}` |" in text
            assert criterion.statute in text
    assert "lists 2018-2020: 5 years (transitional rule)" in text
    assert "## 2021-l194: Former hard ghetto areas with a development plan (L 194)" in text


def test_criteria_doc_is_up_to_date():
    expected = render_criteria_markdown(load_rule_versions())
    assert DOC.read_text(encoding="utf-8") == expected, (
        "run: python -m udsat.domain.criteria_docs docs/criteria.md")
