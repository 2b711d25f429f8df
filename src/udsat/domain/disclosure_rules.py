"""The primary disclosure rules, read from ``catalogue/disclosure.toml``.

What the gate knows about one published cell is a ``Figure``: the persons behind it, its
value, and for a share its numerator (which an attacker derives from value and n whenever
the rounding pins it), for a mean its largest contributions. ``breach`` names the first
rule a figure breaks (docs/disclosure.md cites each rule's source), or returns None.

Standard library only.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

RULES_FILE = Path(__file__).resolve().parent.parent / "catalogue" / "disclosure.toml"
DEFAULT_MIN_PERSONS = 5
SIDES = ("numerator", "complement", "both")


@dataclass(frozen=True)
class Rules:
    """Disclosure parameters (catalogue/disclosure.toml), one place for every kind of cell."""

    min_persons: int = 5
    floor: int = 5
    group_min_persons: int = 100
    dominance_n: int = 2
    dominance_k: float = 85.0
    mean_min_persons: int = 20
    min_interval: int = 5
    max_rounds: int = 200
    shares: dict[str, str] = field(default_factory=dict)  # indicator -> sensitive side
    means: frozenset[str] = frozenset()

    def as_manifest(self) -> dict[str, object]:
        return {
            "min_persons": self.min_persons,
            "numerators_and_complements": f"0 or at least {self.min_persons} persons",
            "group_disclosure": f"no sensitive share of 0 % or 100 % in a group under "
                                f"{self.group_min_persons} persons",
            "dominance": f"({self.dominance_n}, {self.dominance_k:g} %)",
            "mean_min_persons": self.mean_min_persons,
            "audit": f"integer interval of every suppressed count at least {self.min_interval}"
                     " wide",
        }


def load_rules(path: Path = RULES_FILE) -> Rules:
    """The rules file; a clear ValueError naming file, key and reason on bad input."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    shares = {str(k): str(v) for k, v in raw.get("shares", {}).items()}
    for key, side in shares.items():
        if side not in SIDES:
            raise ValueError(f"{path}: shares.{key}: {side!r} is not one of {SIDES}")
    persons, groups = raw.get("persons", {}), raw.get("groups", {})
    magnitudes, audit = raw.get("magnitudes", {}), raw.get("audit", {})
    return Rules(
        min_persons=int(persons.get("min_persons", 5)), floor=int(persons.get("floor", 5)),
        group_min_persons=int(groups.get("min_persons", 100)),
        dominance_n=int(magnitudes.get("dominance_n", 2)),
        dominance_k=float(magnitudes.get("dominance_k", 85)),
        mean_min_persons=int(magnitudes.get("mean_min_persons", 20)),
        min_interval=int(audit.get("min_interval", 5)),
        max_rounds=int(audit.get("max_rounds", 200)),
        shares=shares, means=frozenset(raw.get("means", {})),
    )


@dataclass(frozen=True)
class Policy:
    """The rules plus the minimum chosen for this run (``--min-persons``)."""

    min_persons: int = DEFAULT_MIN_PERSONS
    rules: Rules = field(default_factory=load_rules)
    override: bool = False  # an explicit, logged override of the rules' floor

    def __post_init__(self) -> None:
        if self.min_persons < 1:
            raise ValueError("min_persons must be at least 1")
        if self.min_persons < self.rules.floor and not self.override:
            raise ValueError(f"min_persons {self.min_persons} is below the floor of "
                             f"{self.rules.floor} (catalogue/disclosure.toml); refused "
                             "without an explicit override")

    def as_manifest(self) -> dict[str, object]:
        return {
            **self.rules.as_manifest(),
            "min_persons": self.min_persons,
            "override_below_floor": self.override,
            "primary": "denominators, numerators, complements, group disclosure, dominance",
            "secondary": "exact linear audit and integer interval audit over every declared "
                         "identity (hierarchy, breakdowns, flows, decomposition, years, twins)",
        }


@dataclass(frozen=True)
class Figure:
    """One published cell as the gate sees it."""

    n: int | None
    value: Decimal | None = None
    indicator: str = ""
    top: tuple[float, ...] = ()  # the largest contributions to a sum or mean, largest first
    total: float | None = None  # the sum the mean divides (for dominance)
    count: int | None = None  # the numerator when it is not value * n / 100 (a change, a
    # difference of shares, a derived cell)

    @property
    def numerator(self) -> int | None:
        """The persons with the attribute: given, or what a share implies (value * n / 100,
        as an attacker rounds it)."""
        if self.count is not None:
            return self.count
        if self.value is None or not self.n:
            return None
        return int((self.value * self.n / 100).to_integral_value())


def breach(figure: Figure, rules: Rules, min_persons: int | None = None) -> str | None:
    """The first rule the figure breaks, or None when it may be published on its own."""
    least = rules.min_persons if min_persons is None else min_persons
    n = figure.n
    if n is None or n < least:
        return "denominator"
    side = rules.shares.get(figure.indicator)
    for k in _plausible_numerators(figure) if side else ():
        if 0 < k < least:
            return "numerator"
        if 0 < n - k < least:
            return "complement"
        whole = {"numerator": k == n, "complement": k == 0, "both": k in (0, n)}[side]
        if whole and n < rules.group_min_persons:
            return "group"
    if figure.indicator in rules.means:
        if n < rules.mean_min_persons:
            return "mean_count"
        if figure.top and figure.total and figure.total > 0:
            largest = sum(sorted(figure.top, reverse=True)[: rules.dominance_n])
            if largest * 100 > rules.dominance_k * figure.total:
                return "dominance"
    return None


def _plausible_numerators(figure: Figure) -> set[int]:
    """Every count an attacker may read off a share: value * n / 100 rounded either way,
    from the exact value and from the value as published (0.1 point). A two-year mean over
    its smaller year's n is not a whole count, so both neighbours are checked."""
    if figure.count is not None:
        return {figure.count}
    if figure.value is None or not figure.n:
        return set()
    # Quantized: k * 100 / n * n / 100 comes back as 0.99...9 at 28 digits.
    exact = (figure.value * figure.n / 100).quantize(Decimal("1e-9"))
    published = figure.value.quantize(Decimal("0.1")) * figure.n / 100
    found = {int(exact.to_integral_value(rounding="ROUND_FLOOR")),
             int(exact.to_integral_value(rounding="ROUND_CEILING")),
             int(published.to_integral_value())}
    return {k for k in found if 0 <= k <= figure.n}
