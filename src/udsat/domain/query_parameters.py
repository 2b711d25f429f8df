"""The query parameters the public pages read, and what each may hold.

A value outside its form is a bad request (400), never a server error: ``/soeg/?year=²``
once reached ``int()`` and answered 500. Parameters not listed here are ignored by every
view (``utm_source`` and the like), so they are not checked.
"""

from __future__ import annotations

import re
import unicodedata

MAX_QUERY_TEXT = 200
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*\Z")
_YEAR = re.compile(r"[0-9]{4}\Z")

# name -> (pattern the value matches, longest value, what it is)
PARAMETERS: dict[str, tuple[re.Pattern | None, int, str]] = {
    "kommune": (None, 100, "a municipality"),  # a name, as the area list's filter sends it
    "status": (_SLUG, 40, "a status code"),
    "indikator": (_SLUG, 80, "an indicator id"),
    "alle": (re.compile(r"[01]\Z"), 1, "0 or 1"),
    "periode": (re.compile(r"(?:[0-9]{4}|unstated)\Z"), 8, "a year or 'unstated'"),
    "datasaet": (_SLUG, 60, "a dataset"),
    "area": (_SLUG, 100, "an area"),
    "track": (_SLUG, 40, "a track"),
    "type": (_SLUG, 40, "a report type"),
    "year": (_YEAR, 4, "a year (four digits 0-9)"),
    "q": (None, MAX_QUERY_TEXT * 5, "search words"),  # cut to 200 by the view
}


def parameter_problem(name: str, value: str) -> str:
    """Why ``value`` is not a valid ``name`` parameter, or "" (also for unknown names)."""
    rule = PARAMETERS.get(name)
    if rule is None:
        return ""
    pattern, longest, meaning = rule
    if len(value) > longest:
        return f"{name} is longer than {longest} characters"
    if any(unicodedata.category(c) in ("Cc", "Cs") and c not in "\t\n\r " for c in value):
        return f"{name} holds control characters"
    if pattern is not None and value and not pattern.match(value):
        return f"{name} must be {meaning}"
    return ""
