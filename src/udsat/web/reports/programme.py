"""The evaluation's planned programme (catalogue/programme.toml) and each item's status.

Pure Python on purpose (no Django): the status of a planned item is a rule about dates that
tests can pin with a handful of values. The web layer supplies the published reports.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from udsat.domain.catalogue import CATALOGUE_DIR, CatalogueError

PROGRAMME_FILE = "programme.toml"
KINDS = ("report", "event")
TRACKS = ("physical", "social", "cross_cutting")
# Status of a planned item against today's date (see ``status_of``).
PUBLISHED, PLANNED, DUE, OVERDUE = "published", "planned", "due", "overdue"
STATUSES = (PUBLISHED, DUE, OVERDUE, PLANNED)


@dataclass(frozen=True)
class PlannedItem:
    key: str
    kind: str
    track: str
    year: int
    title_da: str
    title_en: str
    area_slug: str = ""
    round: int | None = None
    series: bool = False

    def title(self, language: str) -> str:
        return self.title_en if language == "en" else self.title_da


def status_of(item: PlannedItem, published_count: int, today: date) -> str:
    """published if a report is matched; else planned, due (this year) or overdue (past)."""
    if published_count > 0:
        return PUBLISHED
    if today.year < item.year:
        return PLANNED
    if today.year == item.year:
        return DUE
    return OVERDUE


def load_programme(area_slugs: list[str], root: Path | None = None) -> tuple[PlannedItem, ...]:
    """Read programme.toml; area rounds are expanded over ``area_slugs`` (in that order)."""
    root = root or CATALOGUE_DIR
    path = root / PROGRAMME_FILE
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise CatalogueError(PROGRAMME_FILE, "-", "file is missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(PROGRAMME_FILE, "-", f"not valid TOML ({exc})") from None
    items: list[PlannedItem] = []
    for i, raw in enumerate(data.get("area_round", [])):
        key = f"area_round[{i}]"
        round_no = _required(raw, key, "round", int)
        year = _required(raw, key, "year", int)
        title_da = _required(raw, key, "title_da", str)
        title_en = _required(raw, key, "title_en", str)
        for slug in area_slugs:
            items.append(
                PlannedItem(
                    key=f"physical-{round_no}-{slug}",
                    kind="report",
                    track="physical",
                    year=year,
                    title_da=title_da,
                    title_en=title_en,
                    area_slug=slug,
                    round=round_no,
                )
            )
    for i, raw in enumerate(data.get("item", [])):
        key = f"item[{i}]"
        unknown = set(raw) - {"key", "kind", "track", "year", "title_da", "title_en", "series"}
        if unknown:
            raise CatalogueError(PROGRAMME_FILE, f"{key}.{sorted(unknown)[0]}", "unknown key")
        item = PlannedItem(
            key=_required(raw, key, "key", str),
            kind=_required(raw, key, "kind", str),
            track=_required(raw, key, "track", str),
            year=_required(raw, key, "year", int),
            title_da=_required(raw, key, "title_da", str),
            title_en=_required(raw, key, "title_en", str),
            series=bool(raw.get("series", False)),
        )
        if item.kind not in KINDS:
            raise CatalogueError(PROGRAMME_FILE, f"{key}.kind", f"must be one of {KINDS}")
        if item.track not in TRACKS:
            raise CatalogueError(PROGRAMME_FILE, f"{key}.track", f"must be one of {TRACKS}")
        items.append(item)
    seen: set[str] = set()
    for item in items:
        if item.key in seen:
            raise CatalogueError(PROGRAMME_FILE, item.key, "duplicate key")
        seen.add(item.key)
    return tuple(items)


def _required(raw: dict, key: str, name: str, kind: type):
    if name not in raw:
        raise CatalogueError(PROGRAMME_FILE, f"{key}.{name}", "missing")
    value = raw[name]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
        raise CatalogueError(PROGRAMME_FILE, f"{key}.{name}", f"must be {kind.__name__}")
    return value
