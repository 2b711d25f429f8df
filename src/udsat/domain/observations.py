"""What the web stores about a figure: a value, or a typed reason why there is none.

Suppressed is never zero, and "not published" is never an empty cell without a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from udsat.domain.limits import parse_number

NOT_PUBLISHED = "not_published"
SUPPRESSED = "suppressed"
NOT_APPLICABLE = "not_applicable"
MISSING = "missing"
ABSENCES = (NOT_PUBLISHED, SUPPRESSED, NOT_APPLICABLE, MISSING)

ABSENCE_LABELS = {
    NOT_PUBLISHED: ("ikke offentliggjort", "not published"),
    SUPPRESSED: ("diskretioneret (for få personer)", "suppressed (too few persons)"),
    NOT_APPLICABLE: ("ikke relevant", "not applicable"),
    MISSING: ("mangler", "missing"),
}

# A figure whose source does not say which year it describes.
PERIOD_UNSTATED = "unstated"


def absence_label(absence: str, language: str) -> str:
    da, en = ABSENCE_LABELS[absence]
    return en if language == "en" else da


@dataclass(frozen=True)
class ObservationRow:
    """One row of a bundle's observations table."""

    area: str
    indicator: str
    period: str
    value: Decimal | None
    absence: str
    unit: str
    source: str
    n_persons: int | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if (self.value is None) == (self.absence == ""):
            raise ValueError(
                f"{self.area}/{self.indicator}/{self.period}: give a value or an absence, not "
                "both or neither"
            )
        if self.absence and self.absence not in ABSENCES:
            raise ValueError(f"unknown absence {self.absence!r}; known: {', '.join(ABSENCES)}")


def parse_decimal(text: str) -> Decimal:
    """Parse a dot-decimal number in ASCII digits exactly (no float rounding)."""
    value = parse_number(text)
    if not value.is_finite():
        raise ValueError(f"{text!r} is not a finite number")
    return value
