"""`schemathesis run` against the served /api/v1/openapi.json on a live test server: every
operation, every stateless phase (examples, coverage, fuzzing), valid and invalid data
(positive and negative), all checks: no 500, answers match their schema, content types and
status codes are the documented ones, invalid parameters answer 4xx. Runs on SQLite and, with
DATABASE_URL, on PostgreSQL.

Deterministic and bounded (5 examples per operation and phase), so CI never flakes on a new
random draw; explore further with UDSAT_SCHEMATHESIS_EXAMPLES=200 (random generation).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import synthetic_bundle

EXPLORE = os.environ.get("UDSAT_SCHEMATHESIS_EXAMPLES")


@pytest.mark.django_db(transaction=True)
def test_schemathesis_run_against_the_served_document_finds_no_failure(
        live_server, reference_bundle, tmp_path):
    from udsat.web.data.loading import load_bundle

    load_bundle(reference_bundle, loaded_by="tests")
    load_bundle(synthetic_bundle(tmp_path / "synthetic"), loaded_by="tests")
    command = [
        str(Path(sys.executable).parent / "schemathesis"), "run",
        f"{live_server.url}/api/v1/openapi.json", "--checks", "all",
        "--phases", "examples,coverage,fuzzing", "--mode", "all",
        "--max-examples", EXPLORE or "5", "--request-timeout", "60", "--no-color",
    ]
    if not EXPLORE:
        command.append("--generation-deterministic")
    # In tmp_path: the command keeps a cache folder (.schemathesis) where it runs.
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800, cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert "No issues found" in done.stdout
    # The eight data endpoints and the three release endpoints, not an empty document.
    assert "11 selected / 11 total" in done.stdout, done.stdout[:2000]
