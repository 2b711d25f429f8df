"""Areas, indicator sheets, list statuses, flows, list counts and reports as table rows."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from udsat.domain.bundle import STATUS_ORIGINS
from udsat.domain.catalogue import default_catalogue
from udsat.domain.criteria import rule_versions
from udsat.domain.statuses import ENGLISH_TERMS
from udsat.web.api.releases import Release, as_of
from udsat.web.api.tabular import BOOLEAN, INTEGER, Column, Table, dataset_label
from udsat.web.data.models import Area, Flow, Indicator, ListStatus, LoadBatch, Observation

AREA_COLUMNS = (
    Column("slug"), Column("name"), Column("aliases"), Column("municipality_code", INTEGER),
    Column("municipality_name"), Column("region_code", INTEGER), Column("region_name"),
    Column("evaluated_2018", BOOLEAN), Column("synthetic", BOOLEAN), Column("statuses"),
)
INDICATOR_COLUMNS = (
    Column("code"), Column("label"), Column("label_da"), Column("label_en"),
    Column("description"), Column("theme"), Column("level"), Column("unit"),
    Column("universe"), Column("numerator"), Column("denominator"), Column("age_band"),
    Column("averaging_years", INTEGER), Column("precision", INTEGER), Column("source"),
    Column("source_name"), Column("source_url"), Column("law_references"), Column("years"),
)
STATUS_COLUMNS = (
    Column("area"), Column("area_name"), Column("year", INTEGER), Column("status"),
    Column("term"), Column("term_label"), Column("on_list", BOOLEAN), Column("origin"),
    Column("derivation"), Column("rule_version"), Column("source_url"), Column("note"),
    Column("dataset"), Column("release", INTEGER),
)
FLOW_COLUMNS = (
    Column("year", INTEGER), Column("origin"), Column("origin_name"), Column("destination"),
    Column("destination_name"), Column("destination_kind"), Column("move_type"),
    Column("n_persons", INTEGER), Column("suppressed", BOOLEAN), Column("dataset"),
    Column("dataset_label"), Column("synthetic", BOOLEAN), Column("release", INTEGER),
)
LIST_COUNT_COLUMNS = (
    Column("year", INTEGER), Column("status"), Column("term"), Column("term_label"),
    Column("areas", INTEGER), *(Column(origin, INTEGER) for origin in STATUS_ORIGINS),
    Column("dataset"),
)
def _term_label(term: str, language: str) -> str:
    return ENGLISH_TERMS.get(term, term) if language == "en" else term


def _derivation(s, language: str) -> str:
    return s.derivation_en if language == "en" else s.derivation_da


def status_rows(queryset: QuerySet, language: str) -> Iterator[dict]:
    for s in queryset.select_related("area"):
        yield {"area": s.area.slug, "area_name": s.area.name, "year": s.year,
               "status": s.status, "term": s.term, "term_label": _term_label(s.term, language),
               "on_list": s.on_list, "origin": s.origin,
               "derivation": _derivation(s, language), "rule_version": s.rule_version,
               "source_url": s.source_url, "note": s.note, "dataset": s.dataset,
               "release": s.batch_id}


def statuses(query: dict, release: Release | None) -> QuerySet:
    queryset = as_of(ListStatus.objects.all(), release)
    if query.get("area"):
        queryset = queryset.filter(area__slug__in=query["area"])
    if query.get("status"):
        queryset = queryset.filter(status__in=query["status"])
    if query.get("on_list") is not None:
        queryset = queryset.filter(on_list=query["on_list"])
    if query.get("origin"):
        queryset = queryset.filter(origin=query["origin"])
    if query.get("dataset"):
        queryset = queryset.filter(dataset__in=query["dataset"])
    queryset = _years(queryset, query, "year")
    return queryset.order_by("dataset", "area__slug", "year", "status", "origin", "id")


def _years(queryset: QuerySet, query: dict, field: str) -> QuerySet:
    if "year_from" in query:
        queryset = queryset.filter(**{f"{field}__gte": query["year_from"]})
    if "year_to" in query:
        queryset = queryset.filter(**{f"{field}__lte": query["year_to"]})
    return queryset


def status_table(queryset: QuerySet, language: str, release: Release | None) -> Table:
    return Table("statuses", STATUS_COLUMNS, status_rows(queryset, language), release,
                 _("Status på listerne"))


def areas(query: dict) -> QuerySet:
    queryset = Area.objects.all()
    if query.get("area"):
        queryset = queryset.filter(slug__in=query["area"])
    if query.get("municipality"):
        queryset = queryset.filter(municipality_code__in=query["municipality"])
    if query.get("evaluated_2018") is not None:
        queryset = queryset.filter(evaluated_2018=query["evaluated_2018"])
    return queryset.order_by("slug")


def area_rows(queryset, language: str, release: Release | None) -> Iterator[dict]:
    for area in queryset:
        history = as_of(ListStatus.objects.filter(area=area), release).order_by(
            "dataset", "year", "status", "origin")
        yield {
            "slug": area.slug, "name": area.name, "aliases": list(area.aliases),
            "municipality_code": area.municipality_code,
            "municipality_name": area.municipality_name, "region_code": area.region_code,
            "region_name": area.region_name, "evaluated_2018": area.evaluated_2018,
            "synthetic": area.synthetic,
            "statuses": [{"year": s.year, "status": s.status, "term": s.term,
                          "term_label": _term_label(s.term, language), "on_list": s.on_list,
                          "origin": s.origin, "derivation": _derivation(s, language),
                          "rule_version": s.rule_version, "source_url": s.source_url,
                          "note": s.note, "dataset": s.dataset} for s in history],
        }


def flat_area_rows(rows: Iterator[dict]) -> Iterator[dict]:
    """For CSV and XLSX: aliases joined, statuses as ``year:term`` pairs."""
    for row in rows:
        yield {**row, "aliases": " | ".join(row["aliases"]),
               "statuses": " | ".join(
                   f"{s['year']}:{s['term']}:{'on' if s['on_list'] else 'off'}:{s['origin']}"
                   for s in row["statuses"])}


def indicators(query: dict) -> QuerySet:
    queryset = Indicator.objects.all()
    if query.get("indicator"):
        queryset = queryset.filter(code__in=query["indicator"])
    if query.get("level"):
        queryset = queryset.filter(level=query["level"])
    return queryset.order_by("code")


def indicator_rows(queryset, language: str) -> Iterator[dict]:
    catalogue = default_catalogue()
    statutes: dict[str, list[str]] = {}
    for version in rule_versions():
        for criterion in version.criteria:
            statutes.setdefault(criterion.measure, []).append(
                f"{version.name}: {criterion.statute}")
    years: dict[str, list[str]] = {}
    for code, period in (Observation.objects.values_list("indicator__code", "period")
                         .distinct().order_by("period")):
        years.setdefault(code, []).append(period)
    for row in queryset:
        entry = catalogue.indicator(row.code)
        source = catalogue.source(row.source)
        yield {
            "code": row.code, "label": row.label(language), "label_da": row.label_da,
            "label_en": row.label_en,
            "description": row.description_en if language == "en" else row.description_da,
            "theme": row.theme, "level": row.level, "unit": row.unit, "universe": row.universe,
            "numerator": entry.numerator if entry else "",
            "denominator": (entry.denominator or "") if entry else "",
            "age_band": (entry.age_band or "") if entry else "",
            "averaging_years": entry.averaging_years if entry else 1,
            "precision": row.precision, "source": row.source,
            "source_name": source.name if source else "",
            "source_url": source.url if source else "",
            "law_references": statutes.get(row.code, []),
            "years": years.get(row.code, []),
        }


def flat_indicator_rows(rows: Iterator[dict]) -> Iterator[dict]:
    for row in rows:
        yield {**row, "law_references": " | ".join(row["law_references"]),
               "years": " | ".join(row["years"])}


def flows(query: dict, release: Release | None) -> QuerySet:
    queryset = as_of(Flow.objects.all(), release)
    if query.get("area"):
        queryset = queryset.filter(origin__slug__in=query["area"])
    if query.get("dataset"):
        queryset = queryset.filter(dataset__in=query["dataset"])
    if query.get("move_type"):
        queryset = queryset.filter(move_type=query["move_type"])
    queryset = _years(queryset, query, "year")
    return queryset.select_related("origin", "destination").order_by(
        "dataset", "year", "origin__slug", "destination_kind", "move_type", "id")


def flow_rows(queryset) -> Iterator[dict]:
    synthetic = set(LoadBatch.objects.filter(synthetic=True).values_list("dataset", flat=True))
    for f in queryset:
        yield {"year": f.year, "origin": f.origin.slug, "origin_name": f.origin.name,
               "destination": f.destination.slug if f.destination else None,
               "destination_name": f.destination.name if f.destination else None,
               "destination_kind": f.destination_kind, "move_type": f.move_type,
               "n_persons": f.n_persons, "suppressed": f.suppressed, "dataset": f.dataset,
               "dataset_label": dataset_label(f.dataset, f.dataset in synthetic),
               "synthetic": f.dataset in synthetic, "release": f.batch_id}


def list_count_rows(query: dict, release: Release | None, language: str) -> list[dict]:
    """Areas per list and year: how many areas our record holds on each list, by how each
    state is known (origin)."""
    queryset = as_of(ListStatus.objects.filter(on_list=True).exclude(status=""), release)
    if query.get("dataset"):
        queryset = queryset.filter(dataset__in=query["dataset"])
    queryset = _years(queryset, query, "year")
    grouped = (queryset.values("dataset", "year", "status", "term", "origin")
               .annotate(n=Count("area", distinct=True)))
    rows: dict[tuple, dict] = {}
    for g in grouped:
        key = (g["dataset"], g["year"], g["status"], g["term"])
        row = rows.setdefault(key, {
            "year": g["year"], "status": g["status"], "term": g["term"],
            "term_label": _term_label(g["term"], language), "areas": 0,
            **dict.fromkeys(STATUS_ORIGINS, 0), "dataset": g["dataset"]})
        row[g["origin"]] += g["n"]
    for key, row in rows.items():
        dataset, year, status, term = key
        row["areas"] = (queryset.filter(dataset=dataset, year=year, status=status, term=term)
                        .values("area").distinct().count())
    return [rows[k] for k in sorted(rows)]
