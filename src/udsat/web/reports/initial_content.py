"""Initial content of the reports library: reports.csv (metadata, links) joined with
report_texts.toml (our slugs, vocabulary, areas and short texts). Pure Python; validated on
load, every error naming the file and the key.
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from udsat.domain.catalogue import CATALOGUE_DIR, CatalogueError
from udsat.domain.indicators import LEVELS

TEXTS_FILE = "report_texts.toml"
CSV_FILE = "reference/reports.csv"
EVALUATED = "evaluated"
_YEAR = re.compile(r"^\s*(\d{4})\b")
_KEYS = {
    "csv_title",
    "slug",
    "title",
    "title_language",
    "title_en",
    "track",
    "type",
    "deliverable",
    "areas",
    "levels",
    "summary_da",
    "summary_en",
    "finding",
    "publication_date",
    "url",
    "authors",
    "institution",
}


@dataclass(frozen=True)
class SeedFinding:
    text_da: str
    text_en: str
    area: str = ""
    indicator: str = ""
    period: str = ""


@dataclass(frozen=True)
class SeedReport:
    slug: str
    title: str
    title_en: str
    track: str
    report_type: str
    deliverable: str
    areas: tuple[str, ...]
    levels: tuple[str, ...]
    publication_year: int | None
    publication_date: date | None
    authors: str
    institution: str
    url: str
    summary_da: str
    summary_en: str
    findings: tuple[SeedFinding, ...] = field(default=())
    title_language: str = ""  # "en" when the original title is English (shown with lang="en")


def publication_year(text: str) -> int | None:
    """The year a reports.csv cell starts with ("2023 (January)" -> 2023), else None."""
    match = _YEAR.match(text)
    return int(match.group(1)) if match else None


def split_authors(text: str) -> tuple[str, str]:
    """reports.csv's "names – institution" cell; no dash means an institution only."""
    if " – " in text:
        authors, institution = text.split(" – ", 1)
        return authors.strip(), institution.strip()
    return "", text.strip()


def load_initial_reports(
    *,
    track_codes: set[str],
    type_codes: set[str],
    deliverable_keys: set[str],
    area_slugs: set[str],
    root: Path | None = None,
) -> list[SeedReport]:
    root = root or CATALOGUE_DIR
    with (root / CSV_FILE).open(encoding="utf-8", newline="") as handle:
        rows = {row["title"]: row for row in csv.DictReader(handle)}
    try:
        with (root / TEXTS_FILE).open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(TEXTS_FILE, "-", f"not valid TOML ({exc})") from None
    reports: list[SeedReport] = []
    for i, raw in enumerate(data.get("report", [])):
        key = f"report[{i}]"

        def fail(name: str, reason: str, key: str = key) -> CatalogueError:
            return CatalogueError(TEXTS_FILE, f"{key}.{name}", reason)

        unknown = sorted(set(raw) - _KEYS)
        if unknown:
            raise fail(unknown[0], "unknown key")
        for name in ("csv_title", "slug", "track", "type", "summary_da", "summary_en"):
            if not isinstance(raw.get(name), str) or not raw[name].strip():
                raise fail(name, "missing")
        row = rows.get(raw["csv_title"])
        if row is None:
            raise fail("csv_title", f"no row with this title in {CSV_FILE}")
        if raw["track"] not in track_codes:
            raise fail("track", f"must be one of {sorted(track_codes)}")
        if raw["type"] not in type_codes:
            raise fail("type", f"must be one of {sorted(type_codes)}")
        deliverable = raw.get("deliverable", "")
        if deliverable and deliverable not in deliverable_keys:
            raise fail("deliverable", f"unknown planned item {deliverable!r}")
        areas = tuple(raw.get("areas", []))
        for slug in areas:
            if slug != EVALUATED and slug not in area_slugs:
                raise fail("areas", f"unknown area {slug!r}")
        levels = tuple(raw.get("levels", []))
        for level in levels:
            if level not in LEVELS:
                raise fail("levels", f"{level!r} is not one of {LEVELS}")
        findings = []
        for j, f in enumerate(raw.get("finding", [])):
            fkey = f"{key}.finding[{j}]"
            if not f.get("text_da") or not f.get("text_en"):
                raise CatalogueError(TEXTS_FILE, f"{fkey}.text_da", "text_da and text_en needed")
            if f.get("area") and f["area"] not in area_slugs:
                raise CatalogueError(TEXTS_FILE, f"{fkey}.area", f"unknown area {f['area']!r}")
            findings.append(
                SeedFinding(
                    f["text_da"],
                    f["text_en"],
                    f.get("area", ""),
                    f.get("indicator", ""),
                    str(f.get("period", "")),
                )
            )
        authors, institution = split_authors(row["authors_institution"])
        published_on = raw.get("publication_date")
        if published_on is not None and not isinstance(published_on, date):
            raise fail("publication_date", "must be a TOML date (YYYY-MM-DD)")
        reports.append(
            SeedReport(
                slug=raw["slug"],
                title=raw.get("title", row["title"]),
                title_language=raw.get("title_language", ""),
                title_en=raw.get("title_en", ""),
                track=raw["track"],
                report_type=raw["type"],
                deliverable=deliverable,
                areas=areas,
                levels=levels,
                publication_year=(
                    published_on.year if published_on else publication_year(row["year"])
                ),
                publication_date=published_on,
                authors=raw.get("authors", authors),
                institution=raw.get("institution", institution),
                url=raw.get("url", row["url"]),
                summary_da=raw["summary_da"],
                summary_en=raw["summary_en"],
                findings=tuple(findings),
            )
        )
    slugs = [r.slug for r in reports]
    duplicate = next((s for s in slugs if slugs.count(s) > 1), None)
    if duplicate:
        raise CatalogueError(TEXTS_FILE, duplicate, "duplicate slug")
    return reports
