"""The statutory lists year by year: what the published record says of an area on each list,
what follows from it, and the classification of a run of years.

The § 61 a lists (udsat boligområde, ghettoområde/parallelsamfund, hårdt ghettoområde/
omdannelsesområde) and the § 61 b forebyggelse list are separate lists: a source saying that an
area left one of them says nothing of the others. The record (``catalogue/reference/
list_record.csv``) therefore holds one row per area, year and list. From it:

- a state read in a source (origin ``official``) beats one derived from neighbouring lists
  (``derived``, with its derivation in Danish and English);
- the nesting the rule version of the year states (``within`` and ``excludes`` in the rule
  files) adds what follows (``implied``): an omdannelsesområde is also a parallelsamfund and an
  udsat boligområde, an area off the udsatte list is off the lists inside it, and an udsat
  boligområde is no forebyggelsesområde;
- a list we hold completely (our rows reach the published number of areas) puts every other
  area off that list (``complete``).

Nothing else is filled in: a list we know nothing of stays unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from udsat.domain.classification import Classification, Measures, classify
from udsat.domain.criteria import RuleVersion, rule_version_for_year, rule_versions
from udsat.domain.statuses import headline_status, official_term, ordered_terms

OFFICIAL, DERIVED, IMPLIED, COMPLETE, COMPUTED = (
    "official", "derived", "implied", "complete", "computed")
PUBLISHED_ORIGINS = (OFFICIAL, DERIVED, IMPLIED, COMPLETE)
# Which origin a year's summary names: the weakest link behind what it states.
_STRENGTH = {OFFICIAL: 0, DERIVED: 1, IMPLIED: 2, COMPLETE: 3, COMPUTED: 4}


class ListingError(ValueError):
    """The record contradicts itself; the message names the rows."""


@dataclass(frozen=True)
class RecordEntry:
    """One row of the record: what a source says (or a derivation gives) of one list."""

    year: int
    area: str  # slug
    list: str  # a status code from domain.statuses
    on_list: bool
    sources: tuple[str, ...] = ()
    derivation: str = ""  # "" when read in the sources; else a derivation code
    derivation_da: str = ""
    derivation_en: str = ""
    line: int = 0

    @property
    def origin(self) -> str:
        return DERIVED if self.derivation else OFFICIAL


@dataclass(frozen=True)
class ListState:
    """What is known of an area on one list in one year, and why."""

    list: str
    on_list: bool
    origin: str
    sources: tuple[str, ...] = ()
    derivation_da: str = ""
    derivation_en: str = ""
    because_of: str = ""  # for an implied state: the list it follows from


@dataclass(frozen=True)
class ListYear:
    """An area's standing in one list year, list by list (unknown lists have no state)."""

    year: int
    lists: tuple[str, ...]  # the lists that existed that year
    states: Mapping[str, ListState] = field(default_factory=dict)

    @property
    def statuses(self) -> frozenset[str]:
        return frozenset(code for code, s in self.states.items() if s.on_list)

    @property
    def known(self) -> bool:
        return bool(self.states)

    @property
    def undecided(self) -> tuple[str, ...]:
        """Lists of the year whose state no source gives."""
        return tuple(code for code in self.lists if code not in self.states)

    @property
    def decided(self) -> bool:
        return not self.undecided

    @property
    def on_no_list(self) -> bool:
        """Known to be on none of the year's lists."""
        return self.decided and not self.statuses

    @property
    def left(self) -> bool:  # the name templates and older callers use
        return self.on_no_list

    @property
    def headline_status(self) -> str | None:
        return headline_status(self.statuses)

    @property
    def headline(self) -> str | None:
        status = self.headline_status
        return official_term(status, self.year) if status else None

    @property
    def terms(self) -> list[str]:
        return ordered_terms(self.statuses, self.year)

    @property
    def off_terms(self) -> list[str]:
        """Official terms of the lists the area is known NOT to be on."""
        return ordered_terms(frozenset(c for c, s in self.states.items() if not s.on_list), self.year)

    @property
    def undecided_terms(self) -> list[str]:
        return ordered_terms(frozenset(self.undecided), self.year)

    @property
    def origin(self) -> str | None:
        """The weakest origin behind the year's summary; None when nothing is known."""
        if not self.states:
            return None
        return max((s.origin for s in self.states.values()), key=_STRENGTH.__getitem__)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(u for s in self.states.values() for u in s.sources))

    def derivations(self, language: str) -> tuple[str, ...]:
        """The public sentences that say how derived states were reached."""
        texts = []
        for state in self.states.values():
            text = state.derivation_en if language == "en" else state.derivation_da
            if text:
                texts.append(text)
        return tuple(dict.fromkeys(texts))

    @property
    def history_statuses(self) -> frozenset[str] | None:
        """What a later list's history rule may take from this year: the statuses held, when
        every list a history rule looks back at is known; else None (unknown history)."""
        looked_at = _history_lists()
        if any(code in self.lists and code not in self.states for code in looked_at):
            return None
        return self.statuses


def _history_lists() -> frozenset[str]:
    return frozenset(r.history_status for v in rule_versions() for r in v.statuses
                     if r.history_status)


def first_list_year() -> int:
    """The year of the first statutory list, from the rule files."""
    return min(v.first_list_year for v in rule_versions())


def lists_of_year(year: int) -> tuple[str, ...]:
    """The lists the rules in force on the list date of ``year`` define (none before 2010)."""
    try:
        rules = rule_version_for_year(year)
    except (LookupError, ValueError):
        return ()
    return tuple(rule.code for rule in rules.statuses)


def _nesting(year: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(inner, outer) pairs from ``within`` and (a, b) exclusion pairs from ``excludes``."""
    try:
        rules = rule_version_for_year(year)
    except (LookupError, ValueError):
        return [], []
    within = [(r.code, r.within) for r in rules.statuses if r.within]
    excludes = [(r.code, other) for r in rules.statuses for other in r.excludes]
    return within, excludes


class _Year:
    """The states of one area-year while they are being resolved."""

    def __init__(self, area: str, year: int) -> None:
        self.area, self.year = area, year
        self.lists = lists_of_year(year)
        self.states: dict[str, ListState] = {}
        self.entry_lines: dict[str, int] = {}

    def set(self, state: ListState, line: int = 0) -> bool:
        """Record ``state``; True if it is new. A contradiction raises ListingError."""
        known = self.states.get(state.list)
        if known is None:
            self.states[state.list] = state
            self.entry_lines[state.list] = line
            return True
        if known.on_list != state.on_list:
            where = f"row {self.entry_lines.get(state.list) or '?'}"
            raise ListingError(
                f"{self.area} {self.year}: the record says both on and off the {state.list} list "
                f"({known.origin}, {where}; {state.origin}"
                + (f", because of {state.because_of}" if state.because_of else "")
                + (f", row {line}" if line else "") + ")")
        return False

    def imply(self) -> None:
        """Add what the year's nesting rules give, until nothing changes."""
        within, excludes = _nesting(self.year)
        changed = True
        while changed:
            changed = False
            for inner, outer in within:
                a, b = self.states.get(inner), self.states.get(outer)
                if a is not None and a.on_list and outer in self.lists:
                    changed |= self.set(ListState(outer, True, IMPLIED, because_of=inner))
                if b is not None and not b.on_list:
                    changed |= self.set(ListState(inner, False, IMPLIED, because_of=outer))
            for first, second in excludes:
                for one, other in ((first, second), (second, first)):
                    state = self.states.get(one)
                    if state is not None and state.on_list and other in self.lists:
                        changed |= self.set(ListState(other, False, IMPLIED, because_of=one))


@dataclass(frozen=True)
class ListRecord:
    """Every area's standing list by list and year, resolved from the record."""

    years: tuple[int, ...]
    by_area: Mapping[str, Mapping[int, ListYear]]
    sizes: Mapping[tuple[int, str], int]  # (year, list) -> published number of areas
    complete: frozenset[tuple[int, str]]

    def year(self, area: str, year: int) -> ListYear:
        found = self.by_area.get(area, {}).get(year)
        return found if found is not None else ListYear(year, lists_of_year(year))

    def area_years(self, area: str) -> list[ListYear]:
        return [self.year(area, y) for y in self.years]

    def history(self, area: str) -> dict[int, frozenset[str]]:
        """Years whose history-relevant lists are known -> the statuses held."""
        out = {}
        for y in self.years:
            held = self.year(area, y).history_statuses
            if held is not None:
                out[y] = held
        return out

    def count(self, year: int, code: str) -> int:
        """Areas known to be on ``code``'s list in ``year``."""
        return sum(1 for years in self.by_area.values()
                   if (ly := years.get(year)) is not None and code in ly.statuses)


def resolve(entries: Iterable[RecordEntry], sizes: Mapping[tuple[int, str], int],
            areas: Iterable[str]) -> ListRecord:
    """Resolve the record for ``areas``; raise ListingError where it contradicts itself."""
    entries = list(entries)
    area_set = list(dict.fromkeys(areas))
    first = first_list_year()
    last = max([e.year for e in entries] + [y for y, _ in sizes] + [first])
    years = tuple(range(first, last + 1))
    grid = {a: {y: _Year(a, y) for y in years} for a in area_set}
    # Sources read directly first, derivations after: a read state wins over a derived one.
    for entry in sorted(entries, key=lambda e: (e.origin != OFFICIAL, e.line)):
        cell = grid.get(entry.area, {}).get(entry.year)
        if cell is None:
            raise ListingError(f"row {entry.line}: unknown area {entry.area!r}")
        if entry.list not in cell.lists:
            raise ListingError(f"row {entry.line}: no {entry.list} list existed in {entry.year}")
        if entry.origin == DERIVED and entry.list in cell.states:
            if cell.states[entry.list].on_list == entry.on_list:
                continue  # a source confirms what the derivation gives
            if cell.states[entry.list].origin == OFFICIAL:
                continue  # a read source beats a derivation
        cell.set(ListState(entry.list, entry.on_list, entry.origin, entry.sources,
                           entry.derivation_da, entry.derivation_en), entry.line)
    complete: set[tuple[int, str]] = set()
    changed = True
    while changed:
        changed = False
        for years_ in grid.values():
            for cell in years_.values():
                cell.imply()
        for (year, code), size in sorted(sizes.items()):
            on = [a for a in area_set if (s := grid[a][year].states.get(code)) and s.on_list]
            if len(on) > size:
                raise ListingError(f"{len(on)} areas on the {code} list of {year}, "
                                   f"but the published list has {size}: {', '.join(sorted(on))}")
            if len(on) == size and (year, code) not in complete:
                complete.add((year, code))
                changed = True
                for a in area_set:
                    if code not in grid[a][year].states:
                        grid[a][year].set(ListState(code, False, COMPLETE))
    by_area = {a: {y: ListYear(y, c.lists, dict(c.states)) for y, c in ys.items() if c.lists}
               for a, ys in grid.items()}
    return ListRecord(years, by_area, dict(sizes), frozenset(complete))


def classify_run(
    measures: Mapping[int, Measures],
    known_history: Mapping[int, frozenset[str]] | None = None,
    rules: RuleVersion | None = None,
) -> dict[int, Classification]:
    """Classify a run of years in order, each under the rules of its list date (or ``rules``).

    A year's history is, for each earlier year, the published statuses where the record knows
    them (``known_history``: ``ListRecord.history``), else the settled statuses this run
    computed for that year; other years stay unknown. A ghetto year whose hard status is still
    undecided is history all the same: later lists look back only at the segregated status
    (almenboligloven § 61 a, stk. 4).
    """
    known = dict(known_history or {})
    computed: dict[int, frozenset[str]] = {}
    results: dict[int, Classification] = {}
    for year in sorted(measures):
        if rules is None and not lists_of_year(year):
            continue  # no statutory list that year
        history = {y: s for y, s in computed.items() if y < year}
        history.update({y: s for y, s in known.items() if y < year})
        result = classify(year, measures[year], history=history, rules=rules)
        results[year] = result
        if result.settled_statuses is not None:
            computed[year] = result.settled_statuses
    return results
