"""Render docs/criteria.md from catalogue/criteria/*.toml, so the page cannot drift from the rules."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from udsat.domain.criteria import Amendment, Criterion, RuleVersion, StatusRule, load_rule_versions
from udsat.domain.statuses import official_term

COMPARISON_WORDS = {
    "greater": "> (\"overstiger\": strictly greater)",
    "at_least": "≥ (\"mindst\"/\"udgør mindst\": greater or equal)",
    "less": "< (\"mindre end\": strictly less)",
}


def _cell(text: object) -> str:
    return str(text if text not in (None, "") else "-").replace("|", "\\|").replace("\n", " ")


def _threshold(criterion: Criterion) -> str:
    if criterion.factor is not None:
        return f"{criterion.factor} × `{criterion.reference}`"
    return f"{criterion.threshold} %"


def _lists(version: RuleVersion) -> str:
    last = version.last_list_year or "today"
    return f"{version.first_list_year}-{last}"


def _status_rule(rule: StatusRule, version: RuleVersion) -> str:
    parts = [f"at least {version.minimum_residents:,} residents"]
    if rule.min_criteria is not None:
        parts.append(f"at least {rule.min_criteria} of {', '.join(f'`{c}`' for c in rule.of)}")
    parts += [f"`{c}` met" for c in rule.requires]
    if rule.within:
        parts.append(f"is `{rule.within}`")
    parts += [f"is not `{c}`" for c in rule.excludes]
    if rule.history_status:
        parts.append(
            f"`{rule.history_status}` in each of the last {rule.history_years} years, the list year included"
        )
        parts += [
            f"lists {t.first_list_year}-{t.last_list_year}: {t.history_years} years (transitional rule)"
            for t in rule.transitional
        ]
    return "; ".join(parts)


def _terms(code: str, version: RuleVersion) -> str:
    last = version.last_list_year or version.first_list_year
    terms = dict.fromkeys(t for y in range(version.first_list_year, last + 1) if (t := official_term(code, y)))
    return ", ".join(terms) or "-"


def _version(version: RuleVersion) -> list[str]:
    to = version.effective_to.isoformat() if version.effective_to else "-"
    lines = [
        f"## {version.name}: {version.title_en}",
        "",
        f"*{version.title_da}*. File `src/udsat/catalogue/criteria/{version.file}`.",
        "",
        f"- Legal basis: {version.legal_reference}",
        f"- In force: {version.effective_from.isoformat()} to {to}; lists {_lists(version)}, "
        f"published {version.list_day}/{version.list_month} each year",
        f"- Minimum population: at least {version.minimum_residents:,} residents (\"mindst\")",
        "- Sources: " + ", ".join(version.sources),
        "",
        "| criterion | measure | comparison | threshold | age band | years averaged | statute | wording |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for c in version.criteria:
        lines.append(
            f"| `{c.id}` | `{c.measure}` | {_cell(COMPARISON_WORDS[c.comparison])} | {_cell(_threshold(c))} "
            f"| {_cell(c.age_band)} | {_cell(c.years_averaged)} | {_cell(c.statute)} | {_cell(c.wording_da)} |"
        )
    lines += ["", "| status | official term | holds when | legal reference |", "| --- | --- | --- | --- |"]
    for rule in version.statuses:
        lines.append(
            f"| `{rule.code}` | {_terms(rule.code, version)} | {_cell(_status_rule(rule, version))} "
            f"| {_cell(rule.legal_reference)} |"
        )
    if version.notes:
        lines += ["", "Choices and doubts:", ""] + [f"- {note}" for note in version.notes]
    return lines + [""]


def _amendment(amendment: Amendment, applies_to: Sequence[str]) -> list[str]:
    lines = [
        f"## {amendment.name}: {amendment.title_en}",
        "",
        f"*{amendment.title_da}*. File `src/udsat/catalogue/criteria/{amendment.file}`; amends "
        f"{', '.join(applies_to)}.",
        "",
        f"- Legal basis: {amendment.legal_reference}",
        f"- In force: {amendment.effective_from.isoformat()}",
        f"- A former `{amendment.former_status}` area with a development plan keeps the plan's special "
        f"rules until the plan is completed, at the latest {amendment.plan_deadline.isoformat()}.",
        f"- Its letting rules stop after {amendment.letting_clear_years} consecutive list years in which "
        f"it was none of {', '.join(f'`{s}`' for s in amendment.letting_clear_of)}.",
        "- Sources: " + ", ".join(amendment.sources),
    ]
    return lines + [f"- {note}" for note in amendment.notes] + [""]


def render_criteria_markdown(versions: Sequence[RuleVersion]) -> str:
    """Every rule version (and amendment) as Markdown."""
    lines = [
        "# Statutory list criteria",
        "",
        "Generated from `src/udsat/catalogue/criteria/*.toml` by `udsat.domain.criteria_docs`; do",
        "not edit by hand (a test fails when this page and the rule files disagree).",
        "",
        "A year is classified under the version in force on its list date; any year can be re-run",
        "under another version (`udsat classify --rules`). The statute's wording decides each",
        "comparison: \"overstiger\" is strictly greater, \"mindst\" greater or equal, \"mindre end\"",
        "strictly less; thresholds are compared exactly as decimals (2.10 meets \"at least 3 × 0.70\").",
        "A missing input makes a criterion unknown, never \"not met\"; a status that cannot be decided",
        "makes the outcome \"insufficient data\".",
        "",
        "| version | lists | in force from | statuses | legal basis |",
        "| --- | --- | --- | --- | --- |",
    ]
    for v in versions:
        statuses = ", ".join(f"`{s.code}`" for s in v.statuses)
        lines.append(f"| {v.name} | {_lists(v)} | {v.effective_from.isoformat()} | {statuses} | {_cell(v.legal_reference)} |")
    lines.append("")
    amendments: dict[str, tuple[Amendment, list[str]]] = {}
    for v in versions:
        lines += _version(v)
        for a in v.amendments:
            amendments.setdefault(a.name, (a, []))[1].append(v.name)
    for amendment, applies_to in amendments.values():
        lines += _amendment(amendment, applies_to)
    return "\n".join(lines).rstrip("\n") + "\n"


def write_criteria_doc(path: Path) -> None:
    """Write the page (``udsat docs`` or ``python -m udsat.domain.criteria_docs docs/criteria.md``)."""
    path.write_text(render_criteria_markdown(load_rule_versions()), encoding="utf-8")


if __name__ == "__main__":
    write_criteria_doc(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/criteria.md"))
