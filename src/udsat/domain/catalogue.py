"""Load the catalogue (TOML data files) into frozen dataclasses and validate it once.

A bad reference fails with the file and the key that holds it, e.g.
``geography.toml: area[12].municipality: unknown municipality code 999``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from udsat.domain.geography import Area, Geography, Municipality, Region, normalise_name
from udsat.domain.indicators import LEVELS, UNITS, Indicator

CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "catalogue"
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class CatalogueError(ValueError):
    """A catalogue file is malformed; names the file and the key."""

    def __init__(self, file: str, key: str, reason: str) -> None:
        self.file, self.key, self.reason = file, key, reason
        super().__init__(f"{file}: {key}: {reason}")


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    owner: str
    url: str


@dataclass(frozen=True)
class Catalogue:
    geography: Geography
    indicators: tuple[Indicator, ...]
    sources: tuple[Source, ...]
    root: Path

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)


def _read_toml(root: Path, relative: str) -> dict[str, Any]:
    path = root / relative
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise CatalogueError(relative, "-", "file is missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(relative, "-", f"not valid TOML ({exc})") from None


def _build(cls: type, file: str, key: str, raw: dict[str, Any], renames: dict[str, str]):
    """Instantiate a frozen dataclass, turning missing or unknown keys into CatalogueError."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for name, value in raw.items():
        target = renames.get(name, name)
        if target not in fields or target.startswith("_"):
            raise CatalogueError(file, f"{key}.{name}", "unknown key")
        values[target] = tuple(value) if isinstance(value, list) else value
    required = [
        n
        for n, f in fields.items()
        if not n.startswith("_")
        and f.default is dataclasses.MISSING
        and f.default_factory is dataclasses.MISSING
    ]
    for name in required:
        if name not in values:
            source_name = next((k for k, v in renames.items() if v == name), name)
            raise CatalogueError(file, f"{key}.{source_name}", "missing")
    return cls(**values)


def _load_geography(root: Path) -> Geography:
    file = "geography.toml"
    data = _read_toml(root, file)
    regions = tuple(
        _build(Region, file, f"region[{i}]", r, {}) for i, r in enumerate(data.get("region", []))
    )
    region_codes = {r.code for r in regions}
    municipalities = []
    for i, raw in enumerate(data.get("municipality", [])):
        muni = _build(Municipality, file, f"municipality[{i}]", raw, {"region": "region_code"})
        if muni.region_code not in region_codes:
            raise CatalogueError(
                file, f"municipality[{i}].region", f"unknown region code {muni.region_code}"
            )
        municipalities.append(muni)
    muni_codes = {m.code for m in municipalities}
    _require_unique(file, "municipality", [m.code for m in municipalities])
    areas = []
    seen_spellings: dict[str, str] = {}
    for i, raw in enumerate(data.get("area", [])):
        key = f"area[{i}]"
        area = _build(Area, file, key, raw, {"municipality": "municipality_code"})
        if not _SLUG.match(area.slug):
            raise CatalogueError(file, f"{key}.slug", f"{area.slug!r} is not a lower-case slug")
        if area.municipality_code not in muni_codes:
            raise CatalogueError(
                file, f"{key}.municipality", f"unknown municipality code {area.municipality_code}"
            )
        for spelling in (area.name, area.slug, *area.aliases):
            owner = seen_spellings.setdefault(normalise_name(spelling), area.slug)
            if owner != area.slug:
                raise CatalogueError(
                    file, f"{key}.aliases", f"{spelling!r} already names area {owner!r}"
                )
        areas.append(area)
    _require_unique(file, "area", [a.slug for a in areas])
    return Geography(tuple(regions), tuple(municipalities), tuple(areas))


def _require_unique(file: str, table: str, keys: list) -> None:
    seen = set()
    for i, key in enumerate(keys):
        if key in seen:
            raise CatalogueError(file, f"{table}[{i}]", f"duplicate {key!r}")
        seen.add(key)


def _load_sources(root: Path) -> tuple[Source, ...]:
    file = "sources.toml"
    data = _read_toml(root, file)
    sources = tuple(
        _build(Source, file, f"source[{i}]", s, {}) for i, s in enumerate(data.get("source", []))
    )
    _require_unique(file, "source", [s.id for s in sources])
    return sources


def _load_indicators(root: Path, source_ids: set[str]) -> tuple[Indicator, ...]:
    indicators: list[Indicator] = []
    files = sorted((root / "indicators").glob("*.toml"))
    if not files:
        raise CatalogueError("indicators/", "-", "no indicator files")
    for path in files:
        file = f"indicators/{path.name}"
        data = _read_toml(root, file)
        for i, raw in enumerate(data.get("indicator", [])):
            key = f"indicator[{i}]"
            ind = _build(Indicator, file, key, raw, {})
            if ind.level not in LEVELS:
                raise CatalogueError(file, f"{key}.level", f"{ind.level!r} is not one of {LEVELS}")
            if ind.unit not in UNITS:
                raise CatalogueError(file, f"{key}.unit", f"{ind.unit!r} is not one of {UNITS}")
            if ind.source not in source_ids:
                raise CatalogueError(file, f"{key}.source", f"unknown source {ind.source!r}")
            if any(i.id == ind.id for i in indicators):
                raise CatalogueError(file, f"{key}.id", f"duplicate indicator {ind.id!r}")
            indicators.append(ind)
    return tuple(indicators)


def load_catalogue(root: Path | None = None) -> Catalogue:
    """Read and validate every catalogue file under ``root`` (default: the packaged one)."""
    root = root or CATALOGUE_DIR
    geography = _load_geography(root)
    sources = _load_sources(root)
    indicators = _load_indicators(root, {s.id for s in sources})
    return Catalogue(geography=geography, indicators=indicators, sources=sources, root=root)


@functools.cache
def default_catalogue() -> Catalogue:
    """The packaged catalogue, loaded on first use (never at import time)."""
    return load_catalogue()
