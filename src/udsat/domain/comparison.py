"""Plain-language comparisons: "about twice the municipality's share".

A pure function of two numbers, the kind of place and the unit, in Danish or English. The
bands are deliberately coarse: the phrase helps a reader, the figures beside it are exact.
"""

from __future__ import annotations

from decimal import Decimal

# place kind -> (Danish, English) for a share ("pct") and for any other level.
REFERENCES = {
    "municipality": (("kommunens andel", "the municipality's share"),
                     ("kommunens niveau", "the municipality's level")),
    "region": (("regionens andel", "the region's share"),
               ("regionens niveau", "the region's level")),
    "social_housing": (("andelen i hele den almene sektor", "the share in all social housing"),
                       ("niveauet i hele den almene sektor", "the level in all social housing")),
    "country": (("landsgennemsnittet", "the national share"),
                ("landsgennemsnittet", "the national level")),
}

# (lower bound of the ratio, Danish, English); the first band whose bound the ratio reaches.
_BELOW = (
    (Decimal("0.90"), "på niveau med", "about the same as"),
    (Decimal("0.75"), "lidt under", "a little below"),
    (Decimal("0.42"), "omkring halvdelen af", "about half"),
    (Decimal("0.29"), "omkring en tredjedel af", "about a third of"),
    (Decimal("0.20"), "omkring en fjerdedel af", "about a quarter of"),
    (Decimal("0"), "under en fjerdedel af", "less than a quarter of"),
)


def _multiple(ratio: Decimal, language: str) -> str:
    """'about twice', 'about 1.5 times', 'about 3 times': the ratio to the nearest half."""
    halves = (ratio * 2).quantize(Decimal(1), rounding="ROUND_HALF_UP") / 2
    if halves == 2:
        return "omkring dobbelt så høj som" if language == "da" else "about twice"
    text = f"{halves.normalize():f}"
    if language == "da":
        return f"omkring {text.replace('.', ',')} gange"
    return f"about {text} times"


def comparison_phrase(
    value: Decimal, reference: Decimal, place_kind: str, unit: str, language: str
) -> str | None:
    """The phrase, or None when a ratio means nothing (a zero or negative reference)."""
    if reference is None or value is None or reference <= 0 or value < 0:
        return None
    share, level = REFERENCES[place_kind]
    da, en = share if unit == "pct" else level
    place = en if language == "en" else da
    ratio = Decimal(value) / Decimal(reference)
    if ratio >= Decimal("1.25"):
        return f"{_multiple(ratio, language)} {place}"
    if ratio >= Decimal("1.10"):
        return ("lidt over " if language == "da" else "a little above ") + place
    for bound, words_da, words_en in _BELOW:
        if ratio >= bound:
            return f"{words_en if language == 'en' else words_da} {place}"
    return None
