"""Render docs/indicators.md from the catalogue, so the documentation cannot drift from it."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from udsat.domain.catalogue import Catalogue
from udsat.domain.indicators import LEVELS

LEVEL_TITLES = {
    "area": "Level 1: the areas",
    "residents": "Level 2: the residents who live there",
    "movers": "Level 3: the residents who move out",
    "sector": "Level 4: the rest of the social-housing sector",
}


def _cell(text: str | None) -> str:
    return (text or "-").replace("|", "\\|").replace("\n", " ")


def render_indicators_markdown(catalogue: Catalogue) -> str:
    """The indicator catalogue as Markdown, one table per evaluation level."""
    lines = [
        "# Indicators",
        "",
        "Generated from `src/udsat/catalogue/indicators/*.toml` by `udsat docs`; do not edit by",
        "hand (a test fails when this page and the catalogue disagree). Numerators and",
        "denominators are predicates over the person-year schema in `docs/microdata.md`.",
        "",
    ]
    ordered = sorted(catalogue.indicators, key=lambda i: (LEVELS.index(i.level), i.theme, i.id))
    for level, group in groupby(ordered, key=lambda i: i.level):
        lines += [
            f"## {LEVEL_TITLES[level]}",
            "",
            "| id | Danish label | English label | unit | universe | age | years averaged "
            "| numerator | denominator | source |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for ind in group:
            cells = (
                f"`{ind.id}`", ind.label_da, ind.label_en, ind.unit, ind.universe,
                ind.age_band, str(ind.averaging_years), f"`{ind.numerator}`",
                f"`{ind.denominator}`" if ind.denominator else None, ind.source,
            )
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
    lines += ["## Sources", "", "| id | name | owner | address |", "| --- | --- | --- | --- |"]
    for source in catalogue.sources:
        lines.append(
            f"| `{source.id}` | {_cell(source.name)} | {_cell(source.owner)} | {source.url} |"
        )
    return "\n".join(lines) + "\n"


def write_indicators_doc(path: Path, catalogue: Catalogue) -> None:
    path.write_text(render_indicators_markdown(catalogue), encoding="utf-8")
