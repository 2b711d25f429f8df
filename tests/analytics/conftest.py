"""A small synthetic Denmark, synthesized and computed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from udsat.analytics.compute import compute_bundle
from udsat.analytics.synthetic import synthesize
from udsat.domain.catalogue import default_catalogue

SYNTHETIC_PERSONS = 300_000  # enough for the 15 areas at their real size (>= 1,000 residents)


@pytest.fixture(scope="session")
def synthetic_microdata(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synthetic") / "microdata"
    synthesize(out, SYNTHETIC_PERSONS, 2010, 2024, seed=11, catalogue=default_catalogue())
    return out


@pytest.fixture(scope="session")
def synthetic_bundle(synthetic_microdata, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundle") / "synthetic"
    compute_bundle(synthetic_microdata, out)
    return out
