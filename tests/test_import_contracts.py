"""The layer contracts are checked in every test run, and a violation fails it."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(src: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=src.parent, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=300,
    )


def test_the_layer_contracts_hold():
    result = _lint(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("domain/_violation.py", "import django\n", "domain is pure"),
        ("web/_violation.py", "import udsat.analytics\n", "web sees aggregates only"),
        ("ingest/_violation.py", "import udsat.cli\n", "Layers flow"),
    ],
)
def test_a_deliberate_violation_fails_the_check(tmp_path, module, line, contract):
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    (src / "udsat" / module).write_text(line, encoding="utf-8")
    result = _lint(src)
    assert result.returncode != 0
    assert f"{contract}" in result.stdout and "BROKEN" in result.stdout
