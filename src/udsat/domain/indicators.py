"""Indicator definitions: what is measured, for whom, and how it is published."""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("area", "residents", "movers", "sector")
UNITS = ("pct", "persons", "ratio", "dkk", "households", "dwellings", "index")


@dataclass(frozen=True)
class Indicator:
    id: str
    theme: str
    label_da: str
    label_en: str
    description_da: str
    description_en: str
    level: str
    unit: str
    universe: str
    numerator: str
    source: str
    denominator: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    averaging_years: int = 1
    disclosure_min: int | None = None
    precision: int = 1

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_da

    def description(self, language: str) -> str:
        return self.description_en if language == "en" else self.description_da

    @property
    def age_band(self) -> str | None:
        if self.age_min is None and self.age_max is None:
            return None
        if self.age_max is None:
            return f"{self.age_min}+"
        return f"{self.age_min or 0}-{self.age_max}"
