"""The effect design as data: catalogue/effects.toml read into plain records."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from udsat.domain.catalogue import Catalogue

DESIGN_FILE = Path(__file__).resolve().parents[2] / "catalogue" / "effects.toml"


@dataclass(frozen=True)
class Cohort:
    key: str
    areas: tuple[str, ...]  # slugs
    first_treated_year: int


@dataclass(frozen=True)
class Pool:
    key: str
    description: str
    on_any_list: tuple[str, ...] = ()
    never_on: tuple[str, ...] = ()
    min_residents: int | None = None


@dataclass(frozen=True)
class Design:
    cohorts: tuple[Cohort, ...]
    pools: tuple[Pool, ...]
    base_year: int
    min_residents_every_year: int
    spillover_flag_share: float
    spillover_drop_share: float
    max_donors: int
    min_donors: int
    min_comparison_areas: int
    shrinking_denominator_share: float
    outcomes: tuple[str, ...]
    cohort_outcomes: tuple[str, ...] = ()

    def first_treated_year(self, slug: str) -> int | None:
        for cohort in self.cohorts:
            if slug in cohort.areas:
                return cohort.first_treated_year
        return None

    @property
    def treated(self) -> frozenset[str]:
        return frozenset(a for c in self.cohorts for a in c.areas)


def _areas(spec: str | list[str], catalogue: Catalogue) -> tuple[str, ...]:
    if spec == "evaluated_2018":
        return tuple(a.slug for a in catalogue.geography.evaluated_areas)
    if isinstance(spec, list):
        return tuple(spec)
    raise ValueError(f"{DESIGN_FILE.name}: cohort areas {spec!r} is neither "
                     "'evaluated_2018' nor a list of slugs")


def load_design(catalogue: Catalogue, path: Path = DESIGN_FILE) -> Design:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    cohorts = tuple(Cohort(c["key"], _areas(c["areas"], catalogue), int(c["first_treated_year"]))
                    for c in data["cohort"])
    pools = tuple(Pool(p["key"], p["description"], tuple(p.get("on_any_list", ())),
                       tuple(p.get("never_on", ())), p.get("min_residents"))
                  for p in data["pool"])
    for outcome in [*data["outcomes"]["ids"], *data["outcomes"].get("cohort_ids", [])]:
        if catalogue.indicator(outcome) is None:
            raise ValueError(f"{path.name}: outcome {outcome!r} is not a catalogue indicator")
    return Design(
        cohorts=cohorts, pools=pools,
        base_year=int(data["comparison"]["base_year"]),
        min_residents_every_year=int(data["comparison"]["min_residents_every_year"]),
        spillover_flag_share=float(data["spillover"]["flag_share"]),
        spillover_drop_share=float(data["spillover"]["drop_share"]),
        max_donors=int(data["synthetic_control"]["max_donors"]),
        min_donors=int(data["synthetic_control"]["min_donors"]),
        min_comparison_areas=int(data["publication"]["min_comparison_areas"]),
        shrinking_denominator_share=float(data["caveats"]["shrinking_denominator_share"]),
        outcomes=tuple(data["outcomes"]["ids"]),
        cohort_outcomes=tuple(data["outcomes"].get("cohort_ids", ())),
    )
