"""The criteria panel of an area page: per year the stored criterion values, the statutory
classification (domain.classification), the official status, and any disagreement.

Views gather; the domain decides. A computed status never replaces a published one: both are
shown, and where they differ the year is flagged.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from udsat.domain.classification import RESIDENTS, Classification, Measures, classify
from udsat.domain.criteria import rule_version_for_year, rule_versions
from udsat.domain.explanation import LABELS, number
from udsat.domain.history import StatusRow, YearSummary, summarise_years
from udsat.web.data.models import Area, ListStatus, Observation

HISTORY_YEARS = range(2010, 2025)
PUBLISHED = ("official", "derived")
REFERENCE = "reference"
MEASURE_FIELDS = (
    "residents", "nonwestern_pct", "outside_work_edu_pct", "convicted_pct",
    "national_convicted_pct", "basic_edu_pct", "income_pct_of_region",
)


def _observations(area: Area) -> dict[int, dict[str, Observation]]:
    """year -> indicator code -> the stored value (the reference dataset wins a tie)."""
    rows = (
        Observation.objects.filter(area=area, indicator__code__in=MEASURE_FIELDS, breakdown="",
                                   value__isnull=False)
        .select_related("indicator")
        .order_by("period")
    )
    by_year: dict[int, dict[str, Observation]] = {}
    for o in rows:
        if not o.period.isdigit():
            continue
        year_rows = by_year.setdefault(int(o.period), {})
        code = o.indicator.code
        if code not in year_rows or o.dataset == REFERENCE:
            year_rows[code] = o
    return by_year


def _national_average(year: int, dataset: str) -> Decimal | None:
    """The national conviction share is one figure per year, stored with any area."""
    found = (
        Observation.objects.filter(indicator__code="national_convicted_pct", period=str(year),
                                   dataset=dataset, value__isnull=False)
        .values_list("value", flat=True)
        .first()
    )
    return Decimal(found) if found is not None else None


def measures_of(year: int, stored: dict[str, Observation]) -> Measures:
    values: dict[str, Decimal | None] = {f: None for f in MEASURE_FIELDS if f != RESIDENTS}
    base: dict[str, int] = {}
    for code, o in stored.items():
        if code == RESIDENTS:
            continue
        values[code] = Decimal(o.value)
        if o.n_persons:
            base[code] = o.n_persons
    if values["national_convicted_pct"] is None and "convicted_pct" in stored:
        values["national_convicted_pct"] = _national_average(year, stored["convicted_pct"].dataset)
    residents = stored.get(RESIDENTS)
    return Measures(residents=int(residents.value) if residents else None, base_persons=base, **values)


def _summaries(area: Area) -> dict[int, YearSummary]:
    """Per year what the published lists say. A list read in a source and a list rebuilt from
    neighbouring lists can each know a part (e.g. the 2019 ghetto list read directly, the
    hard list of 2019 rebuilt), so their statuses are combined; the read list names the origin.
    """
    rows = {origin: [] for origin in PUBLISHED}
    for s in ListStatus.objects.filter(area=area, origin__in=PUBLISHED):
        rows[s.origin].append(StatusRow(s.year, s.status, s.origin, s.note, s.source_url))
    official, derived = (summarise_years(rows[o], HISTORY_YEARS) for o in PUBLISHED)
    merged = {}
    for first, second in zip(official, derived, strict=True):
        if first.known and second.known and second.statuses:
            statuses = first.statuses | second.statuses
            first = replace(first, statuses=statuses, left=not statuses,
                            notes=tuple(dict.fromkeys(first.notes + second.notes)))
        merged[first.year] = first if first.known else second
    return merged


def _history(published: dict[int, YearSummary], computed: dict[int, frozenset[str]],
             year: int) -> dict[int, frozenset[str]]:
    """Earlier years: what a published list says, else the decided computed status of a year
    with measures (synthetic areas have no published lists); other years stay unknown."""
    history = {y: statuses for y, statuses in computed.items() if y < year}
    history.update({y: s.statuses for y, s in published.items() if y < year and s.known})
    return history


def _text(value: Decimal | None, language: str) -> str:
    return "" if value is None else number(value, language)


def _signed(value: Decimal | None, language: str) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "−" if value < 0 else "±") + number(abs(value), language)


def _criteria_rows(result: Classification, language: str) -> list[dict]:
    rows = []
    for r in result.criteria:
        label = LABELS[r.measure][0 if language == "da" else 1]
        rows.append({
            "id": r.id,
            "label": label,
            "prevention": r.id.endswith("_prevention"),
            "value": r.value,
            "threshold": r.threshold,
            "symbol": r.criterion.symbol if r.criterion else "≥",
            "margin": r.margin,
            "value_text": _text(r.value, language),
            "threshold_text": _text(r.threshold, language),
            "margin_text": _signed(r.margin, language),
            "met": r.met,
            "unit": "" if r.measure == RESIDENTS else "%",
            "statute": r.criterion.statute if r.criterion else "",
        })
    return rows


def _panel_year(year: int, result: Classification, official: YearSummary | None, language: str) -> dict:
    official_known = official is not None and official.known
    disagrees = official_known and not result.insufficient and result.statuses != official.statuses
    return {
        "year": year,
        "rule_version": result.rule_version,
        "rule_title": result.rules.title_da if language == "da" else result.rules.title_en,
        "citation": result.rules.citation,
        "criteria": _criteria_rows(result, language),
        "computed_terms": result.terms,
        "insufficient": result.insufficient,
        "official_terms": official.terms if official_known else None,
        "official_origin": official.origin if official_known else None,
        "disagrees": disagrees,
        "explanation": result.explanation(language),
        "other_versions": _other_versions(result, language),
    }


def _other_versions(result: Classification, language: str) -> list[dict]:
    """The same year re-run under every other rule version, for comparison."""
    rows = []
    for version in rule_versions():
        if version.name == result.rule_version:
            continue
        other = classify(result.year, result.measures, history=result.history, rules=version)
        rows.append({
            "rule_version": version.name,
            "rule_title": version.title_da if language == "da" else version.title_en,
            "terms": other.terms,
            "insufficient": other.insufficient,
        })
    return rows


def _distinct_notes(notes: tuple[str, ...]) -> tuple[str, ...]:
    """Merged sources repeat derivation notes (joined with " / "); show each once."""
    return tuple(dict.fromkeys(part.strip() for note in notes for part in note.split(" / ") if part.strip()))


def criteria_panel_context(area: Area, language: str = "da") -> dict:
    """Context for ``areas/_criteria_panel.html`` and ``areas/_status_history.html``."""
    language = "en" if (language or "").startswith("en") else "da"
    published = _summaries(area)
    panel = []
    computed_by_year: dict[int, dict] = {}
    decided: dict[int, frozenset[str]] = {}
    for year, stored in sorted(_observations(area).items()):
        try:
            rule_version_for_year(year)
        except KeyError:
            continue  # before the first statutory list
        result = classify(year, measures_of(year, stored),
                          history=_history(published, decided, year))
        if result.settled_statuses is not None:
            decided[year] = result.settled_statuses
        if set(stored) == {RESIDENTS} and result.insufficient:
            continue  # a head count alone (e.g. from another list) decides nothing here
        entry = _panel_year(year, result, published.get(year), language)
        panel.append(entry)
        computed_by_year[year] = entry
    history = []
    for year in HISTORY_YEARS:
        official = published.get(year)
        computed = computed_by_year.get(year)
        history.append({
            "year": year,
            "summary": official,
            "official_terms": official.terms if official and official.known else None,
            "left": bool(official and official.left),
            "origin": official.origin if official else None,
            "notes": _distinct_notes(official.notes) if official else (),
            "computed_terms": computed["computed_terms"] if computed else None,
            "insufficient": computed["insufficient"] if computed else False,
            "disagrees": computed["disagrees"] if computed else False,
        })
    return {
        "criteria_panel": panel,
        "status_history": history,
        "criteria_disagreements": [e["year"] for e in panel if e["disagrees"]],
    }
