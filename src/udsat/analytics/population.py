"""The simulated population of one chunk: people age, work, study, move and are convicted.

Used by analytics/synthetic.py, which streams chunks to Parquet. Each chunk is a small
Denmark holding its share of every area; its random stream is derived from (seed, chunk).

Model, per year: people age; find and lose work (a two-state Markov chain whose stationary
share outside work and education is the area's target for that year); start and finish
education; are convicted with the area's rate; move (ordinary moves, and from 2019 planned
rehousing out of areas with a development plan, to other social housing or out of it).
Areas are refilled from outside by people resembling the area's target composition.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from udsat.analytics.targets import AreaTarget
from udsat.domain.catalogue import Catalogue
from udsat.ingest.microdata import (
    EDUCATION_LEVELS,
    HOUSEHOLD_TYPES,
    LABOUR_STATUSES,
    ORIGINS,
    PERSON_YEAR_COLUMNS,
    REHOUSING_REASONS,
    SEXES,
    arrow_type,
)

NATIONAL_CONVICTED = 0.0075  # yearly share of adults convicted, outside listed areas
RESIDUAL = {"nonwestern": 6.0, "outside": 16.0, "basic": 22.0}  # persons outside areas
REGION_INCOME = {1081: 318_000, 1082: 335_000, 1083: 326_000, 1084: 398_000, 1085: 330_000}
TURNOVER = 0.09
PLANNED_EXTRA = 0.04
REHOUSING_FROM = 2019
FIND_WORK = 0.35
SURVEY_YEARS = (2020, 2022, 2024)
SURVEY_SHARE = 0.05
EMPLOYED, UNEMPLOYED, OUTSIDE = 0, 1, 2
BASIC, NONE, UNKNOWN = EDUCATION_LEVELS.index("basic"), 0, EDUCATION_LEVELS.index("unknown")


class AreaParameters:
    """Per-area parameter vectors; index len(targets) is 'outside social housing'."""

    def __init__(self, targets: list[AreaTarget], catalogue: Catalogue, persons: int) -> None:
        geo = catalogue.geography
        region_of = {m.code: m.region_code for m in geo.municipalities}
        self.targets = targets
        self.slugs = [t.slug for t in targets]
        n = len(targets)
        self.n = n
        self.muni = np.array([t.municipality_code for t in targets], dtype=np.int64)
        self.region = np.array([region_of[t.municipality_code] for t in targets], dtype=np.int64)
        self.size = np.array([t.residents for t in targets], dtype=np.float64)
        self.pick_p = self.size / self.size.sum() if n else np.array([])
        self.nonwestern = np.append([t.nonwestern_pct for t in targets],
                                    RESIDUAL["nonwestern"]) / 100
        self.basic = np.append([t.basic_edu_pct for t in targets], RESIDUAL["basic"]) / 100
        self.plan = np.array([t.development_plan for t in targets] + [False])
        share = min(0.9, self.size.sum() / max(persons, 1))
        ratios = np.array([t.convicted_ratio for t in targets])
        mean_ratio = float((ratios * self.size).sum() / self.size.sum()) if n else 1.0
        # Calibrate so that an area's share divided by the national share is its target ratio.
        k = (1 - share) / max(0.1, 1 - share * mean_ratio)
        self.convicted = np.append(ratios * k, 1.0) * NATIONAL_CONVICTED
        income = np.array([t.income_pct_of_region for t in targets]) / 100
        self.income = np.append(income * self._income_scale(income, share), 1.0)
        self.municipalities = np.array([m.code for m in geo.municipalities], dtype=np.int64)
        # Sorted by code for the region lookup (``region_of``, a binary search): the
        # catalogue lists municipalities by region, not by code.
        ordered = sorted(geo.municipalities, key=lambda m: m.code)
        self._sorted_codes = np.array([m.code for m in ordered], dtype=np.int64)
        self._sorted_regions = np.array([m.region_code for m in ordered], dtype=np.int64)

    def region_of(self, municipality: np.ndarray) -> np.ndarray:
        """The region of each municipality code (the catalogue's geography)."""
        return self._sorted_regions[np.searchsorted(self._sorted_codes, municipality)]

    def _income_scale(self, income: np.ndarray, share: float) -> float:
        mean = float((income * self.size).sum() / self.size.sum()) if self.n else 1.0
        return (1 - share) / max(0.1, 1 - share * mean)

    def outside_rate(self, year: int, first: int, last: int) -> np.ndarray:
        rates = [t.outside_work_edu_pct(year, first, last) for t in self.targets]
        return np.append(rates, RESIDUAL["outside"]) / 100

_COLUMNS = {c.name: c for c in PERSON_YEAR_COLUMNS}
# zstd, except for income: near-random doubles shrink little and cost the most to unpack,
# and the criterion counts read them for everyone (LZ4 there: files 12 % larger, the
# criterion counts about 13 % faster; docs/microdata.md).
COMPRESSION = {name: "lz4" if name == "gross_income" else "zstd" for name in _COLUMNS}
_EXTRA_TYPES = {"date": pa.date32(), "from_area": pa.dictionary(pa.int32(), pa.string()),
                "reason": pa.dictionary(pa.int32(), pa.string()), "wellbeing": pa.float64(),
                "safety": pa.float64(), "life_mastery": pa.float64(), "weight": pa.float64()}


def schema(names: tuple[str, ...]) -> pa.Schema:
    return pa.schema([
        (n, arrow_type(_COLUMNS[n]) if n in _COLUMNS else _EXTRA_TYPES[n]) for n in names
    ])

def _dictionary(codes: np.ndarray, values: tuple[str, ...] | list[str]) -> pa.Array:
    mask = codes < 0
    indices = pa.array(np.where(mask, 0, codes).astype(np.int32), mask=mask)
    return pa.DictionaryArray.from_arrays(indices, pa.array(list(values), pa.string()))

class Chunk:
    def __init__(self, areas: AreaParameters, chunk: int, size: int, persons: int, seed: int,
                 first_year: int, last_year: int, chunk_persons: int) -> None:
        self.a, self.chunk, self.n = areas, chunk, size
        self.first, self.last = first_year, last_year
        self.rng = np.random.default_rng([seed, chunk])
        self.ids = np.arange(size, dtype=np.int64) + chunk * chunk_persons + 1
        self._initial_population(persons)

    def _initial_population(self, persons: int) -> None:
        a, rng, n = self.a, self.rng, self.n
        in_area = rng.random(n) < (a.size.sum() / persons if a.n else 0)
        self.area = np.where(in_area, rng.choice(max(a.n, 1), n, p=a.pick_p if a.n else None),
                             a.n).astype(np.int64)
        self.birth = self.first - rng.integers(0, 86, n)
        self.sex = rng.integers(0, 2, n)
        nonwestern = rng.random(n) < a.nonwestern[self.area]
        descendant = rng.random(n) < 0.4
        self.origin = np.where(
            nonwestern, np.where(descendant, 3, 2), np.where(rng.random(n) < 0.05, 1, 0))
        self.education, self.education_dk = self._draw_education(self.area, self.origin)
        outside_muni = rng.choice(a.municipalities, n)
        self.muni = np.where(self.area < a.n, a.muni[np.minimum(self.area, a.n - 1)]
                             if a.n else outside_muni, outside_muni)
        self.household = rng.integers(0, len(HOUSEHOLD_TYPES), n)
        self.in_edu = np.zeros(n, dtype=bool)
        self.labour = np.full(n, EMPLOYED)
        self.labour = self._step_labour(self.first, initial=True)

    def _draw_education(self, area: np.ndarray, origin: np.ndarray):
        rng, n = self.rng, len(area)
        immigrant = origin == 2
        p_unknown = np.where(immigrant, 0.10, 0.015)
        p_foreign = np.where(immigrant, 0.15, 0.0)
        unknown = rng.random(n) < p_unknown
        # The target is the share as the ministry counts it from the 2018 rules (the rule
        # files' [counting]): unknown and foreign education count as basic. So a person is
        # counted as basic when unknown, or drawn basic, or foreign: P = u + (1 - u)(1 - (1 - b)
        # (1 - f)) = target gives the probability b of drawing basic below.
        target = self.a.basic[area]
        p_basic = np.clip(1 - (1 - target) / ((1 - p_unknown) * (1 - p_foreign)), 0.0, 1.0)
        basic = rng.random(n) < p_basic
        higher = rng.choice([2, 3, 4], n, p=[0.3, 0.4, 0.3])
        level = np.where(unknown, UNKNOWN, np.where(basic, BASIC, higher))
        danish = np.where(immigrant, rng.random(n) < 1 - p_foreign, True)
        return level, danish

    def _step_labour(self, year: int, initial: bool = False) -> np.ndarray:
        rng, n, a = self.rng, self.n, self.a
        age = year - self.birth
        p_edu = np.select(
            [age < 16, age < 20, age < 25, age < 30, age < 65], [1.0, 0.6, 0.35, 0.12, 0.03], 0.0)
        self.in_edu = rng.random(n) < p_edu
        q = np.minimum(0.95, a.outside_rate(year, self.first, self.last)[self.area] / 0.93)
        lose = np.minimum(1.0, q * FIND_WORK / np.maximum(1e-6, 1 - q))
        draw = rng.random(n)
        if initial:
            working = draw >= q
        else:
            working = np.where(self.labour == EMPLOYED, draw >= lose, draw < FIND_WORK)
        status = np.where(working, EMPLOYED, np.where(rng.random(n) < 0.3, UNEMPLOYED, OUTSIDE))
        status = np.where((age < 16) | (age > 66), OUTSIDE, status)
        # Students work part time or not at all; they are not counted as outside either way.
        return np.where(self.in_edu & (age >= 16), np.where(draw < 0.4, EMPLOYED, OUTSIDE), status)

    def write(self, path: Path, rehousing, survey) -> int:
        """Simulate every year and write it; planned moves and survey answers go to the
        given writers (objects with ``write(table)`` and a ``schema``)."""
        rows = 0
        with pq.ParquetWriter(path, schema(tuple(_COLUMNS)), compression=COMPRESSION) as writer:
            for year in range(self.first, self.last + 1):
                if year > self.first:
                    self._move(year - 1, rehousing)
                    self.labour = self._step_labour(year)
                    self._finish_education(year)
                table = self._table(year)
                # The layout docs/microdata.md recommends: residents of areas in row groups
                # of their own, ordered by area; everyone else after them.
                order = np.argsort(np.where(self.area < self.a.n, self.area, self.a.n),
                                   kind="stable")
                residents = int((self.area < self.a.n).sum())
                table = table.take(pa.array(order))
                for part in (table.slice(0, residents), table.slice(residents)):
                    if part.num_rows:
                        writer.write_table(part)
                rows += table.num_rows
                if year in SURVEY_YEARS:
                    survey.write(self._survey(year))
        return rows

    def _finish_education(self, year: int) -> None:
        age = year - self.birth
        finishing = (~self.in_edu) & (self.education == BASIC) & (age >= 20) & (age <= 29)
        upgrade = finishing & (self.rng.random(self.n) < 0.01)
        self.education = np.where(upgrade, self.rng.choice([2, 3, 4], self.n), self.education)

    def _table(self, year: int) -> pa.Table:
        a, rng, n = self.a, self.rng, self.n
        age = year - self.birth
        area_codes = np.where(self.area < a.n, self.area, -1)
        region = a.region_of(self.muni)
        youth = age <= 15
        education = np.where(youth, NONE, self.education)
        noise = np.exp(rng.normal(0, 0.45, n) - 0.45**2 / 2)
        base = np.vectorize(REGION_INCOME.get)(region) * 1.02 ** (year - 2010)
        student = self.in_edu & (age >= 15)
        income = np.where(age < 15, 0.0, base * a.income[self.area] * noise)
        income = np.round(np.where(student, income * 0.3, income), 0)
        convicted = (age >= 15) & (rng.random(n) < a.convicted[self.area])
        columns = {
            "person_id": pa.array(self.ids),
            "year": pa.array(np.full(n, year, dtype=np.int64)),
            "area": _dictionary(area_codes, a.slugs),
            "municipality": pa.array(self.muni),
            "region": pa.array(region),
            "age": pa.array(age),
            "sex": _dictionary(self.sex, SEXES),
            "origin": _dictionary(self.origin, ORIGINS),
            "labour_status": _dictionary(self.labour, LABOUR_STATUSES),
            "in_education": pa.array(self.in_edu & (age >= 6)),
            "education_level": _dictionary(education, EDUCATION_LEVELS),
            "education_danish": pa.array(
                np.where(education == UNKNOWN, False, self.education_dk),
                mask=education == UNKNOWN),
            "gross_income": pa.array(income),
            "taxpayer": pa.array(age >= 15),
            "student": pa.array(student & (age >= 15)),
            "convicted": pa.array(convicted),
            "household_type": _dictionary(self.household, HOUSEHOLD_TYPES),
        }
        return pa.table(columns, schema=schema(tuple(_COLUMNS)))

    def _move(self, year: int, rehousing) -> None:
        """Moves during ``year``: residence on 1 January ``year + 1`` changes."""
        a, rng, n = self.a, self.rng, self.n
        if not a.n:
            return
        resident = self.area < a.n
        planned_rate = np.where(a.plan[self.area] & (year >= REHOUSING_FROM), PLANNED_EXTRA, 0.0)
        draw = rng.random(n)
        planned = resident & (draw < planned_rate)
        ordinary = resident & ~planned & (draw < planned_rate + TURNOVER)
        movers = planned | ordinary
        to_area = np.where(planned, rng.random(n) < 0.4, rng.random(n) < 0.25) & movers
        origin_area = self.area.copy()
        new_area = np.where(to_area, rng.choice(a.n, n, p=a.pick_p), a.n)
        new_area = np.where(new_area == origin_area, a.n, new_area)
        self.area = np.where(movers, new_area, self.area)
        lands = movers & (self.area < a.n)
        self.muni = np.where(lands, a.muni[np.minimum(self.area, a.n - 1)], self.muni)
        self._refill(origin_area, movers, lands)
        self._record_rehousing(year, planned, origin_area, rehousing)

    def _refill(self, origin_area: np.ndarray, movers: np.ndarray, lands: np.ndarray) -> None:
        """Fill each area's vacancies from outside with people like its target composition."""
        a, rng = self.a, self.rng
        deficit = np.bincount(origin_area[movers], minlength=a.n + 1)[: a.n] - np.bincount(
            self.area[lands], minlength=a.n + 1)[: a.n]
        deficit = np.maximum(deficit, 0)
        if not deficit.sum():
            return
        slots = np.repeat(np.arange(a.n), deficit)
        nonwestern = rng.random(len(slots)) < a.nonwestern[slots]
        slot_type = np.where(nonwestern, 1, 0)
        pool = (self.area == a.n) & ~movers
        person_type = (self.origin >= 2).astype(np.int64)
        for kind in (0, 1):
            wanted = slots[slot_type == kind]
            candidates = np.flatnonzero(pool & (person_type == kind))
            if len(candidates) < len(wanted):
                candidates = np.flatnonzero(pool)
            chosen = rng.choice(candidates, min(len(wanted), len(candidates)), replace=False)
            self.area[chosen] = wanted[: len(chosen)]
            self.muni[chosen] = a.muni[wanted[: len(chosen)]]
            pool[chosen] = False
            # In-movers bring the education profile the area's lettings attract.
            level, danish = self._draw_education(wanted[: len(chosen)], self.origin[chosen])
            adult = self.birth[chosen] <= self.first - 16
            self.education[chosen] = np.where(adult, level, self.education[chosen])
            self.education_dk[chosen] = np.where(adult, danish, self.education_dk[chosen])

    def _record_rehousing(self, year: int, planned: np.ndarray, origin_area: np.ndarray,
                          rehousing) -> None:
        index = np.flatnonzero(planned)
        if not len(index):
            return
        days = self.rng.integers(0, 365, len(index))
        start = np.datetime64(f"{year}-01-01")
        table = pa.table({
            "person_id": pa.array(self.ids[index]),
            "date": pa.array((start + days).astype("datetime64[D]")),
            "from_area": _dictionary(origin_area[index], self.a.slugs),
            "reason": _dictionary(self.rng.choice(4, len(index), p=[0.4, 0.2, 0.3, 0.1]),
                                  REHOUSING_REASONS),
        }, schema=rehousing.schema)
        rehousing.write(table)

    def _survey(self, year: int) -> pa.Table:
        a, rng = self.a, self.rng
        age = year - self.birth
        sample = np.flatnonzero((self.area < a.n) & (age >= 18) & (rng.random(self.n) < SURVEY_SHARE))
        employed = (self.labour[sample] == EMPLOYED).astype(float)
        hardship = a.outside_rate(year, self.first, self.last)[self.area[sample]]

        def item(mean: float) -> np.ndarray:
            raw = mean + 8 * employed - 20 * hardship + rng.normal(0, 15, len(sample))
            return np.round(np.clip(raw, 0, 100), 1)

        return pa.table({
            "person_id": pa.array(self.ids[sample]),
            "year": pa.array(np.full(len(sample), year, dtype=np.int64)),
            "wellbeing": pa.array(item(62)), "safety": pa.array(item(70)),
            "life_mastery": pa.array(item(58)),
            "weight": pa.array(np.round(rng.uniform(0.8, 1.2, len(sample)) / SURVEY_SHARE, 3)),
        }, schema=schema(("person_id", "year", "wellbeing", "safety", "life_mastery", "weight")))
