"""docs/indicators.md is generated from the catalogue and kept in step by this test."""

from pathlib import Path

from udsat.domain.catalogue import default_catalogue
from udsat.domain.indicator_docs import render_indicators_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "indicators.md"


def test_every_indicator_has_a_row_under_its_level():
    text = render_indicators_markdown(default_catalogue())
    for indicator in default_catalogue().indicators:
        assert f"| `{indicator.id}` |" in text
    assert "## Level 1: the areas" in text


def test_indicators_doc_is_up_to_date():
    expected = render_indicators_markdown(default_catalogue())
    assert DOC.read_text(encoding="utf-8") == expected, "run `udsat docs --out docs`"
