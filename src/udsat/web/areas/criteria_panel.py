"""The criteria panel of an area page: per year the stored criterion values of ONE dataset,
the statutory classification (``domain.listing.classify_run``), the published standing, and any
disagreement.

Views gather; the domain decides. A computed status never replaces a published one: both are
shown, and a year is flagged only where both decide the same list differently. A real area is
judged on published figures only (the ``reference`` dataset): synthetic demo figures classify
synthetic areas, never a real place.
"""

from __future__ import annotations

from decimal import Decimal

from udsat.domain.classification import RESIDENTS, Classification, Measures, classify
from udsat.domain.criteria import rule_versions
from udsat.domain.explanation import LABELS, number
from udsat.domain.listing import ListYear, classify_run
from udsat.web.areas.standing import histories, record_years
from udsat.web.data.models import Area, Observation

REFERENCE = "reference"
MEASURE_FIELDS = (
    "residents", "nonwestern_pct", "outside_work_edu_pct", "convicted_pct",
    "national_convicted_pct", "basic_edu_pct", "income_pct_of_region",
)


def dataset_for(area: Area) -> str:
    """The dataset an area is judged on: published figures for a real place."""
    if not area.synthetic:
        return REFERENCE
    found = Observation.objects.filter(area=area).values_list("dataset", flat=True).first()
    return found or "synthetic"


def _observations(area: Area, dataset: str) -> dict[int, dict[str, Observation]]:
    """year -> indicator code -> the stored value, from one dataset only."""
    rows = (
        Observation.objects.filter(area=area, indicator__code__in=MEASURE_FIELDS, breakdown="",
                                   value__isnull=False, dataset=dataset)
        .select_related("indicator")
        .order_by("period")
    )
    by_year: dict[int, dict[str, Observation]] = {}
    for o in rows:
        if o.period.isascii() and o.period.isdigit():
            by_year.setdefault(int(o.period), {})[o.indicator.code] = o
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


def measures_of(year: int, stored: dict[str, Observation], dataset: str) -> Measures:
    values: dict[str, Decimal | None] = {f: None for f in MEASURE_FIELDS if f != RESIDENTS}
    base: dict[str, int] = {}
    for code, o in stored.items():
        if code == RESIDENTS:
            continue
        values[code] = Decimal(o.value)
        if o.n_persons:
            base[code] = o.n_persons
    if values["national_convicted_pct"] is None and "convicted_pct" in stored:
        values["national_convicted_pct"] = _national_average(year, dataset)
    residents = stored.get(RESIDENTS)
    return Measures(residents=int(residents.value) if residents else None, base_persons=base, **values)


def disagreeing_lists(result: Classification, published: ListYear | None) -> list[str]:
    """Lists that both the computation and the published record decide, differently."""
    if published is None:
        return []
    return [code for code, holds in result.outcome.items()
            if holds is not None and code in published.states
            and published.states[code].on_list != holds]


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


def _panel_year(year: int, result: Classification, published: ListYear | None,
                language: str) -> dict:
    disagrees = disagreeing_lists(result, published)
    return {
        "year": year,
        "rule_version": result.rule_version,
        "rule_title": result.rules.title_da if language == "da" else result.rules.title_en,
        "citation": result.rules.citation,
        "criteria": _criteria_rows(result, language),
        "computed_terms": result.terms,
        "insufficient": result.insufficient,
        "published": published if published is not None and published.known else None,
        "disagrees": bool(disagrees),
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


def criteria_panel_context(area: Area, language: str = "da") -> dict:
    """Context for ``areas/_criteria_panel.html`` and ``areas/_status_history.html``."""
    language = "en" if (language or "").startswith("en") else "da"
    dataset = dataset_for(area)
    years = record_years()
    published = {ly.year: ly for ly in histories([area.id], years)[area.id]}
    stored = _observations(area, dataset)
    measures = {year: measures_of(year, values, dataset) for year, values in stored.items()}
    known = {y: h for y, ly in published.items() if (h := ly.history_statuses) is not None}
    results = classify_run(measures, known_history=known)
    panel = []
    for year, result in sorted(results.items()):
        if set(stored[year]) == {RESIDENTS} and result.insufficient:
            continue  # a head count alone (e.g. from another list) decides nothing here
        panel.append(_panel_year(year, result, published.get(year), language))
    computed = {e["year"]: e for e in panel}
    history = []
    for year in years:
        summary = published.get(year)
        entry = computed.get(year)
        history.append({
            "year": year,
            "summary": summary,
            "sources": summary.sources if summary else (),
            "derivations": summary.derivations(language) if summary else (),
            "computed_terms": entry["computed_terms"] if entry else None,
            "insufficient": entry["insufficient"] if entry else False,
            "disagrees": entry["disagrees"] if entry else False,
        })
    return {
        "criteria_panel": panel,
        "criteria_dataset": dataset,
        "status_history": history,
        "criteria_disagreements": [e["year"] for e in panel if e["disagrees"]],
    }
