"""Where an area stands: the newest year that says so, and the change since a start year.

Built on the resolved list years of ``udsat.domain.listing``; the web shows the result and
decides nothing itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from udsat.domain.listing import ListYear
from udsat.domain.statuses import PREVENTION

SAME, CHANGED, LEFT, UNKNOWN = "same", "changed", "left", "unknown"


def latest_known(years: Iterable[ListYear]) -> ListYear | None:
    """The newest year that says something of where the area stands: a list it is on, or a
    § 61 a list it is off. A year that only knows the area is off the forebyggelse list (a
    complete § 61 b list) says nothing of the lists the evaluation follows."""
    return next((y for y in sorted(years, key=lambda y: y.year, reverse=True)
                 if any(s.on_list or code != PREVENTION for code, s in y.states.items())), None)


def change_since(start: ListYear | None, latest: ListYear | None) -> str:
    """How ``latest`` compares with ``start``: on no list, the same headline status, off the
    start's headline list (changed), or unknown where the record cannot tell."""
    if latest is None:
        return UNKNOWN
    if latest.on_no_list:
        return LEFT
    first = start.headline_status if start is not None else None
    if first is None:
        return UNKNOWN
    if latest.headline_status == first:
        return SAME
    # Known on the start's list with another headline (a more specific list), or known off it.
    return CHANGED if latest.states.get(first) is not None else UNKNOWN
