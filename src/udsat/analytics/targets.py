"""The targets table of the synthetic population: what each area's rates should look like.

One row per social-housing area. The 15 evaluated areas take hand-set defaults
(``targets/evaluated.csv``) that resemble their published figures where known
(catalogue/reference/official_criteria_values.csv); other catalogue areas and the synthetic
areas are drawn from the seed. Rates are in the statute's terms under the current rules
(2018 onwards), so a target row implies a classification (see tests/analytics).
"""

from __future__ import annotations

import csv
import random
from dataclasses import astuple, dataclass, fields, replace
from pathlib import Path

from udsat.domain.catalogue import Catalogue

EVALUATED_DEFAULTS = Path(__file__).resolve().parent / "targets" / "evaluated.csv"
SYNTHETIC_PREFIX = "syntetisk-omraade-"
# Share of all persons who live in a social-housing area at full scale; small populations
# get a larger share so the 15 evaluated areas keep their real size (statutory minimum
# population is 1,000 residents, so shrinking areas would change their status).
AREA_SHARE_FULL = 0.10
AREA_SHARE_SMALL = 0.20
FULL_SCALE = 2_000_000
SYNTHETIC_AREAS_FULL = 320


@dataclass(frozen=True)
class AreaTarget:
    slug: str
    name: str
    municipality_code: int
    synthetic: bool
    residents: int
    nonwestern_pct: float
    outside_work_edu_pct_start: float  # first year; moves linearly to the end value
    outside_work_edu_pct_end: float
    convicted_ratio: float  # share convicted as a multiple of the national share
    basic_edu_pct: float  # among 30-59-year-olds, as the ministry counts it from 2018 (unknown
    # and foreign education as basic: the rule files' [counting])
    income_pct_of_region: float
    development_plan: bool  # planned rehousing out of the area from 2019

    def outside_work_edu_pct(self, year: int, first: int, last: int) -> float:
        if last == first:
            return self.outside_work_edu_pct_start
        weight = (year - first) / (last - first)
        return self.outside_work_edu_pct_start + weight * (
            self.outside_work_edu_pct_end - self.outside_work_edu_pct_start
        )


COLUMNS = tuple(f.name for f in fields(AreaTarget))


def _parse(row: dict[str, str]) -> AreaTarget:
    values = {}
    for f in fields(AreaTarget):
        text = row[f.name]
        if f.type == "bool":
            values[f.name] = text.strip().lower() == "true"
        elif f.type == "int":
            values[f.name] = int(text)
        elif f.type == "float":
            values[f.name] = float(text)
        else:
            values[f.name] = text
    return AreaTarget(**values)


def read_targets(path: Path) -> list[AreaTarget]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [_parse(row) for row in csv.DictReader(handle)]


def write_targets(path: Path, targets: list[AreaTarget]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for target in targets:
            writer.writerow(
                [str(v).lower() if isinstance(v, bool) else v for v in astuple(target)]
            )


def _away(value: float, threshold: float, margin: float) -> float:
    """Keep a drawn rate clear of a statutory threshold, so the implied status is unambiguous."""
    if abs(value - threshold) < margin:
        return threshold + margin if value >= threshold else threshold - margin
    return value


def _drawn(rng: random.Random, slug: str, name: str, municipality: int, synthetic: bool,
           listed_profile: bool) -> AreaTarget:
    if listed_profile:
        nonwestern = rng.uniform(35, 80)
        start = rng.uniform(36, 55)
        ratio = rng.uniform(1.5, 4.5)
        basic = rng.uniform(50, 75)
        income = rng.uniform(45, 65)
    else:
        nonwestern = rng.uniform(8, 70)
        start = rng.uniform(15, 50)
        ratio = rng.uniform(0.5, 4.0)
        basic = rng.uniform(25, 72)
        income = rng.uniform(45, 95)
    end = max(8.0, start - rng.uniform(0, 14))
    residents = int(min(7000, max(400, rng.lognormvariate(7.35, 0.5))))
    return AreaTarget(
        slug=slug, name=name, municipality_code=municipality, synthetic=synthetic,
        residents=residents,
        nonwestern_pct=round(_away(nonwestern, 50, 4), 1),
        outside_work_edu_pct_start=round(start, 1), outside_work_edu_pct_end=round(end, 1),
        convicted_ratio=round(_away(ratio, 3, 0.4), 2),
        basic_edu_pct=round(_away(basic, 60, 4), 1),
        income_pct_of_region=round(_away(income, 55, 4), 1),
        development_plan=False,
    )


def default_targets(catalogue: Catalogue, persons: int, seed: int,
                    area_residents: tuple[int, int] | None = None) -> list[AreaTarget]:
    """The targets for a population of ``persons``: evaluated areas first, then others.

    ``area_residents`` (low, high) gives every area a size drawn from that range instead:
    small areas for testing disclosure control (areas of 40-150 residents)."""
    rng = random.Random(f"targets-{seed}")
    evaluated = {t.slug: t for t in read_targets(EVALUATED_DEFAULTS)}
    if area_residents is not None:
        sizes = random.Random(f"sizes-{seed}")
        evaluated = {slug: replace(t, residents=sizes.randint(*area_residents))
                     for slug, t in evaluated.items()}
    others: list[AreaTarget] = []
    for area in catalogue.geography.areas:
        if area.slug not in evaluated:
            others.append(_drawn(rng, area.slug, area.name, area.municipality_code, False, True))
    municipalities = [m.code for m in catalogue.geography.municipalities]
    synthetic = [
        _drawn(rng, f"{SYNTHETIC_PREFIX}{i:03d}", f"Syntetisk område {i:03d}",
               rng.choice(municipalities), True, False)
        for i in range(1, SYNTHETIC_AREAS_FULL + 1)
    ]
    # Interleave the other catalogue areas with the synthetic ones so a small population
    # still has some of each.
    rest: list[AreaTarget] = []
    for i in range(max(len(others), len(synthetic))):
        rest += others[i : i + 1] + synthetic[i : i + 1]
    if area_residents is not None:
        rest = [replace(t, residents=sizes.randint(*area_residents)) for t in rest]
    share = AREA_SHARE_FULL if persons >= FULL_SCALE else AREA_SHARE_SMALL
    budget = share * persons
    chosen: list[AreaTarget] = []
    used = 0
    for target in [*evaluated.values(), *rest]:
        if used + target.residents > budget:
            continue
        chosen.append(target)
        used += target.residents
    return chosen
