"""A small synthetic Denmark for checking the effect estimators: a few treated areas and
enough comparison areas, all small, so a planted effect can be checked over many seeds in
minutes (tests/analytics/test_effects_planted.py, benchmarks/effects_coverage.py).

The areas are given equal, moderate rates drawn from the seed; none is near a statutory
threshold that matters here, because the effect design does not classify areas.
"""

from __future__ import annotations

import random
from dataclasses import replace

from udsat.analytics.effects.design import Design, Pool
from udsat.analytics.targets import SYNTHETIC_PREFIX, AreaTarget
from udsat.domain.catalogue import Catalogue


def small_targets(catalogue: Catalogue, treated: int, comparison: int, residents: int,
                  seed: int) -> list[AreaTarget]:
    """``treated`` of the evaluated areas and ``comparison`` synthetic areas, each with
    ``residents`` residents and rates drawn from the seed."""
    rng = random.Random(f"effects-{seed}")
    evaluated = catalogue.geography.evaluated_areas[:treated]
    municipalities = [m.code for m in catalogue.geography.municipalities]
    areas = [(a.slug, a.name, a.municipality_code, False) for a in evaluated]
    areas += [(f"{SYNTHETIC_PREFIX}{i:03d}", f"Syntetisk område {i:03d}",
               rng.choice(municipalities), True) for i in range(1, comparison + 1)]
    targets = []
    for slug, name, municipality, synthetic in areas:
        start = rng.uniform(30, 50)
        targets.append(AreaTarget(
            slug=slug, name=name, municipality_code=municipality, synthetic=synthetic,
            residents=residents, nonwestern_pct=round(rng.uniform(20, 70), 1),
            outside_work_edu_pct_start=round(start, 1),
            outside_work_edu_pct_end=round(start - rng.uniform(0, 8), 1),
            convicted_ratio=round(rng.uniform(1, 3), 2),
            basic_edu_pct=round(rng.uniform(30, 60), 1),
            income_pct_of_region=round(rng.uniform(50, 80), 1), development_plan=False))
    return targets


def small_design(design: Design, treated: list[str], min_residents: int) -> Design:
    """The catalogue design for a small population: the given areas treated, and every
    other area of at least ``min_residents`` residents a candidate comparison area."""
    cohort = replace(design.cohorts[0], areas=tuple(treated))
    pool = Pool("small_population", "any other area (small synthetic population)",
                min_residents=min_residents)
    return replace(design, cohorts=(cohort,), pools=(pool,),
                   min_residents_every_year=min(design.min_residents_every_year,
                                                min_residents // 2))
