"""A table an endpoint answers with, before it becomes JSON, JSON-stat, CSV or XLSX.

Every format writes the same rows: codes and labels side by side, numbers as numbers, a
typed absence in its own column (never a zero), and the release the figures belong to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from udsat.web.api.releases import Release

TEXT, NUMBER, INTEGER, BOOLEAN = "text", "number", "integer", "boolean"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = TEXT


@dataclass(frozen=True)
class Dimension:
    """A JSON-stat dimension: the row key holding a category's code and the one its label."""

    id: str
    code: str
    label: str
    title: str  # the dimension's label, in the request's language
    role: str = ""  # "time", "geo" or "metric"


@dataclass(frozen=True)
class Cube:
    """How a table's rows form a JSON-stat cube: dimensions, the value and the absence."""

    dimensions: tuple[Dimension, ...]
    value: str = "value"
    absence: str = "absence"
    unit: Callable[[dict], dict] | None = None  # metric category -> {"label", "decimals"}


@dataclass
class Table:
    name: str  # file name stem
    columns: tuple[Column, ...]
    rows: Iterable[dict]
    release: Release | None
    title: str = ""
    cube: Cube | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def file_stem(self) -> str:
        return f"udsat-{self.name}-{self.release.tag}" if self.release else f"udsat-{self.name}"


def dataset_label(dataset: str, synthetic: bool) -> str:
    if synthetic:
        return _("Syntetiske demodata")
    if dataset == "reference":
        return _("Offentliggjorte tal")
    return dataset


def breakdown_code(breakdown: str) -> str:
    """The API's code for a breakdown: "total" for everyone in the universe (stored as "")."""
    return breakdown or "total"


def breakdown_label(breakdown: str) -> str:
    return _("I alt") if not breakdown else breakdown.replace("_", " ")
