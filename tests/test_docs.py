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


def test_bundle_doc_lists_every_bound_of_the_contract():
    from udsat.domain.limits import MANIFEST_TEXT_LIMITS, MAX_COUNT, TEXT_LIMITS

    doc = (DOCS / "bundle.md").read_text(encoding="utf-8")
    for table, columns in TEXT_LIMITS.items():
        listed = ", ".join(f"{c} {limit.max_length}" for c, limit in columns.items())
        assert f"`{table}`: {listed}" in doc
    assert "manifest: " + ", ".join(f"{k} {v}" for k, v in MANIFEST_TEXT_LIMITS.items()) in doc
    assert str(MAX_COUNT) in doc
