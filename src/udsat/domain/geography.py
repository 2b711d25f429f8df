"""Regions, municipalities and housing areas, and how source spellings resolve to them."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

_DANISH_LETTERS = (("æ", "ae"), ("ø", "oe"), ("å", "aa"))


def slugify(name: str) -> str:
    """Lower-case ASCII slug: æ ø å become ae oe aa, anything else a single hyphen.

    >>> slugify("Gellerupparken/Toveshøj")
    'gellerupparken-toveshoej'
    """
    text = name.strip().lower()
    for letter, ascii_form in _DANISH_LETTERS:
        text = text.replace(letter, ascii_form)
    # Other accented letters (é, ü) keep their base letter rather than becoming a hyphen.
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def normalise_name(name: str) -> str:
    """The key a source spelling is matched on: case, spacing and trailing dots ignored."""
    text = " ".join(name.replace("\u00a0", " ").split()).casefold()
    return text.rstrip(".").strip()


@dataclass(frozen=True)
class Region:
    code: int
    name: str
    name_en: str

    @property
    def slug(self) -> str:
        return slugify(self.name)


@dataclass(frozen=True)
class Municipality:
    code: int
    name: str
    region_code: int
    aliases: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return slugify(self.name)


@dataclass(frozen=True)
class Area:
    slug: str
    name: str
    municipality_code: int
    aliases: tuple[str, ...] = ()
    evaluated_2018: bool = False


@dataclass(frozen=True)
class Geography:
    regions: tuple[Region, ...]
    municipalities: tuple[Municipality, ...]
    areas: tuple[Area, ...]
    _area_index: dict[str, Area] = field(default_factory=dict, compare=False, repr=False)
    _municipality_index: dict[str, Municipality] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        for area in self.areas:
            for spelling in (area.name, area.slug, *area.aliases):
                self._area_index[normalise_name(spelling)] = area
        for muni in self.municipalities:
            for spelling in (muni.name, muni.slug, str(muni.code), *muni.aliases):
                self._municipality_index[normalise_name(spelling)] = muni

    def area(self, name_or_slug: str) -> Area | None:
        """The area a source spelling, alias or slug names, or None."""
        return self._area_index.get(normalise_name(name_or_slug))

    def municipality(self, name_or_code: str | int) -> Municipality | None:
        return self._municipality_index.get(normalise_name(str(name_or_code)))

    def municipality_of(self, area: Area) -> Municipality:
        found = self.municipality(area.municipality_code)
        assert found is not None  # guaranteed by catalogue validation
        return found

    def region(self, code: int) -> Region | None:
        return next((r for r in self.regions if r.code == code), None)

    def suggest_areas(self, name: str, limit: int = 3) -> list[str]:
        """The closest known area names, for an error message about an unknown name."""
        candidates = {normalise_name(a.name): a.name for a in self.areas}
        for area in self.areas:
            for alias in area.aliases:
                candidates.setdefault(normalise_name(alias), area.name)
        close = difflib.get_close_matches(normalise_name(name), list(candidates), n=limit * 2)
        names: list[str] = []
        for key in close:
            if candidates[key] not in names:
                names.append(candidates[key])
        return names[:limit]

    @property
    def evaluated_areas(self) -> tuple[Area, ...]:
        """The 15 areas that were hårde ghettoområder on 1 December 2018."""
        return tuple(a for a in self.areas if a.evaluated_2018)
