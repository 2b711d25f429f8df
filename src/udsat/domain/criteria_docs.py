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
    lines += _counting(version)
    if version.notes:
        lines += ["", "Choices and doubts:", ""] + [f"- {note}" for note in version.notes]
    return lines + [""]


TREATMENT_WORDS = {
    "basic": "counts as basic education only",
    "own_level": "counts at the level of the foreign education",
    "excluded": "is left out of the share",
}


def _counting(version: RuleVersion) -> list[str]:
    """How the ministry counts (the [counting] table), and where we cannot count the same."""
    c = version.counting
    if c is None:
        return []

    def year(offset: int) -> str:
        return "t" if offset == 0 else f"t{offset:+d}"

    lines = [
        "", "Counting as the ministry counts (`[counting]`):", "",
        f"- A resident aged 30-59 with unknown (uoplyst) education {TREATMENT_WORDS[c.unknown_education]}; "
        f"one with education taken abroad and not approved in Denmark {TREATMENT_WORDS[c.foreign_education]}. "
        f"Source: {c.education_source}",
        f"- Data years behind the list of year t (published {version.list_day}/{version.list_month}): the population "
        f"(residents, non-Western share, education) of 1 January {year(c.population_year)}; the yearly registers "
        f"(work, convictions, income) up to {year(c.register_year)}, the averaged measures ending with that year. "
        f"Source: {c.data_years_source}",
    ]
    if c.deviations:
        lines += ["", "Known deviations (where the registers cannot give the ministry's measure):", ""]
        lines += [f"- {d}" for d in c.deviations]
    return lines


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
        "`udsat classify` writes one row per area-year: `statuses` lists the statuses that hold",
        "(official terms; empty means the area holds no status), `undecided` the statuses that cannot",
        "be decided from the input (a missing value or an unknown earlier list year; empty when every",
        "status is decided). A national conviction share of 0 or less is refused with its file, row",
        "and column: \"mindst 3 gange landsgennemsnittet\" of 0 would be met by any conviction.",
        "",
        "\"What would change it\" (in each explanation) moves one criterion at a time. Persons who",
        "leave change the denominator: a share k/n over the threshold t stops holding once",
        "x >= (k - t n)/(1 - t) of the counted persons move out, not k - t n. A measure averaged over",
        "two years moves by half a change in the latest year alone, so that change takes about twice",
        "as many persons. Income (a percentage of the region's mean) is not counted in persons and is",
        "shown beside the smallest change in persons, never ranked against it. A change whose effect",
        "depends on list years that are not known is shown with those years.",
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
