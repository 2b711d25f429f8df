"""Docs that can drift are checked against the code."""

from pathlib import Path

from udsat.domain.statuses import ENGLISH_TERMS, OFFICIAL_TERMS, STATUSES

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_glossary_names_every_status_code_and_official_term():
    glossary = (DOCS / "glossary.md").read_text(encoding="utf-8")
    for code in STATUSES:
        assert f"`{code}`" in glossary, code
    for term in OFFICIAL_TERMS:
        assert term in glossary, term
    for english in ENGLISH_TERMS.values():
        assert english in glossary, english


def test_readme_starts_with_the_two_commands():
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8").splitlines()
    commands = [line.strip().split("#")[0].strip() for line in readme[:6] if line.startswith("    ")]
    assert commands == ["make demo", "make test"]
