"""The area-year panel the effect estimators read, aggregated by DuckDB from person-years.

Each outcome keeps its numerator and denominator: the denominator is the persons behind the
cell (the disclosure gate reads it) and shows denominators that fall (demolition, sale).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from udsat.analytics.db import Database
from udsat.analytics.indicators import measures_sql, predicate_indicators
from udsat.domain.catalogue import Catalogue


@dataclass(frozen=True)
class Panel:
    """``frame``: area, year, residents, and per outcome ``<id>__num``, ``<id>__den``."""

    frame: pd.DataFrame
    outcomes: tuple[str, ...]

    def outcome(self, outcome: str) -> pd.DataFrame:
        """area, year, y (percent), n (persons behind the cell), num (its numerator)."""
        num, den = self.frame[f"{outcome}__num"], self.frame[f"{outcome}__den"]
        y = (num.astype(float) * 100 / den.where(den > 0)).astype(float)
        return pd.DataFrame({"area": self.frame["area"], "year": self.frame["year"],
                             "y": y, "n": den.fillna(0).astype(int),
                             "num": num.fillna(0).astype(int)})


def area_panel(db: Database, catalogue: Catalogue, outcomes: Sequence[str]) -> Panel:
    indicators = predicate_indicators(catalogue, outcomes)
    columns, rows = db.rows("effect_panel", catalogue_measures=measures_sql(indicators))
    frame = pd.DataFrame(rows, columns=columns)
    frame["year"] = frame["year"].astype(int)
    return Panel(frame, tuple(outcomes))


def spillover_movers(db: Database, treated: Sequence[str]) -> pd.DataFrame:
    """year, destination, movers_from_treated."""
    columns, rows = db.rows("effect_spillover", {"treated": list(treated)})
    return pd.DataFrame(rows, columns=columns)
