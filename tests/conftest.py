"""Fixtures every test folder may use. No Django here: the analytics-only venv loads this too."""

import pytest

from udsat.ingest.reference import build_reference_bundle


@pytest.fixture(scope="session")
def reference_bundle(tmp_path_factory):
    """A bundle directory with the packaged reference data (real published figures)."""
    out = tmp_path_factory.mktemp("reference-bundle")
    build_reference_bundle(out)
    return out
