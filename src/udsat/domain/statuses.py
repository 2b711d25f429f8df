"""The statutory list statuses, their official Danish terms by year, and how they nest.

Code names are stable across law versions; the official term changes (almenboligloven
§ 61 a as amended by L 38 (2018-19) and L 23 (2021-22)):

=================  ==========================  ==========================
code name          term up to the 2020 list    term from the 2021 list
=================  ==========================  ==========================
vulnerable         udsat boligområde (2018-)   udsat boligområde
segregated         ghettoområde (2010-)        parallelsamfund
transformation     hårdt ghettoområde (2018-)  omdannelsesområde
prevention         -                           forebyggelsesområde
=================  ==========================  ==========================
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VULNERABLE = "vulnerable"
SEGREGATED = "segregated"
TRANSFORMATION = "transformation"
PREVENTION = "prevention"
STATUSES = (VULNERABLE, SEGREGATED, TRANSFORMATION, PREVENTION)

# (status, first list year, last list year or None, official term)
_TERMS = (
    (SEGREGATED, 2010, 2020, "ghettoområde"),
    (VULNERABLE, 2018, None, "udsat boligområde"),
    (TRANSFORMATION, 2018, 2020, "hårdt ghettoområde"),
    (SEGREGATED, 2021, None, "parallelsamfund"),
    (TRANSFORMATION, 2021, None, "omdannelsesområde"),
    (PREVENTION, 2021, None, "forebyggelsesområde"),
)
OFFICIAL_TERMS = tuple(dict.fromkeys(t[3] for t in _TERMS))

# What each status implies on the same list: a transformation area is also segregated,
# a segregated area (from 2018) also vulnerable (§ 61 a stk. 1, 2 and 4).
_IMPLIES = {TRANSFORMATION: (SEGREGATED,), SEGREGATED: (VULNERABLE,)}

ENGLISH_TERMS = {
    "udsat boligområde": "vulnerable housing area",
    "ghettoområde": "ghetto area (official term until 2020)",
    "hårdt ghettoområde": "hard ghetto area (official term until 2020)",
    "parallelsamfund": "parallel society (official term)",
    "omdannelsesområde": "transformation area",
    "forebyggelsesområde": "prevention area",
}


def official_term(status: str, year: int) -> str | None:
    """The official Danish term for a status on the list of ``year``, or None if none existed."""
    for code, first, last, term in _TERMS:
        if code == status and first <= year and (last is None or year <= last):
            return term
    return None


def status_of_term(term: str) -> str:
    """The code name behind an official term (any year's)."""
    for code, _first, _last, known in _TERMS:
        if known == term:
            return code
    raise ValueError(f"unknown official status term {term!r}; known: {', '.join(OFFICIAL_TERMS)}")


def with_implied(statuses: set[str] | frozenset[str], year: int) -> frozenset[str]:
    """Add the statuses a status implies on the same list, where that list had them."""
    result = set(statuses)
    pending = list(statuses)
    while pending:
        for implied in _IMPLIES.get(pending.pop(), ()):
            if implied not in result and official_term(implied, year):
                result.add(implied)
                pending.append(implied)
    return frozenset(result)


def ordered_terms(statuses: set[str] | frozenset[str], year: int) -> list[str]:
    """Official terms for ``statuses`` in ``year``, broadest first (udsat, ghetto, hard)."""
    order = (PREVENTION, VULNERABLE, SEGREGATED, TRANSFORMATION)
    return [t for s in order if s in statuses and (t := official_term(s, year))]


def headline_status(statuses: set[str] | frozenset[str]) -> str | None:
    """The most specific status, the one a badge shows."""
    for status in (TRANSFORMATION, SEGREGATED, VULNERABLE, PREVENTION):
        if status in statuses:
            return status
    return None


@dataclass(frozen=True)
class PublishedStatus:
    """A status read from a published source's free text."""

    statuses: frozenset[str]
    left: bool
    note: str


_TERM_PATTERN = re.compile(
    "|".join(sorted((re.escape(t) for t in OFFICIAL_TERMS), key=len, reverse=True))
)


def parse_published_status(text: str, year: int) -> PublishedStatus:
    """Read statuses out of a source's wording, e.g. ``ghettoområde; hårdt ghettoområde``.

    "left ... list" rows record an exit and carry no status; "former hårdt ghettoområde"
    is history, not a status; "(hence also X and Y)" adds X and Y.
    """
    cleaned = text.strip()
    if cleaned.lower().startswith("left"):
        return PublishedStatus(frozenset(), True, cleaned)
    found: set[str] = set()
    for part in cleaned.split(";"):
        part = part.strip()
        if part.lower().startswith("former"):
            continue
        head, _, rest = part.partition("(")
        for match in _TERM_PATTERN.findall(head):
            found.add(status_of_term(match))
        if "hence also" in rest:
            for match in _TERM_PATTERN.findall(rest):
                found.add(status_of_term(match))
    if not found:
        raise ValueError(f"no official status term in {text!r}")
    note = cleaned if "(" in cleaned or "former" in cleaned.lower() else ""
    return PublishedStatus(with_implied(frozenset(found), year), False, note)
