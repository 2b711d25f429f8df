"""docs/api.md stays true: every Python example runs against a live test server holding the
reference figures and a small synthetic release (conftest.py), and prints what it promises."""

import contextlib
import io
import re
from pathlib import Path

import pytest

from conftest import synthetic_bundle

DOC = Path(__file__).resolve().parents[3] / "docs" / "api.md"
DEMO_BASE = 'BASE = "http://127.0.0.1:8000/api/v1"'


def _python_examples() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_every_python_example_names_the_demo_server():
    examples = _python_examples()
    assert len(examples) == 3
    assert all(DEMO_BASE in code for code in examples)


@pytest.mark.django_db(transaction=True)
def test_the_python_examples_run_against_the_server(live_server, reference_bundle, tmp_path):
    from udsat.web.data.loading import load_bundle

    load_bundle(reference_bundle, loaded_by="tests")
    load_bundle(synthetic_bundle(tmp_path / "synthetic"), loaded_by="tests")
    outputs = []
    for code in _python_examples():
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(code.replace(DEMO_BASE, f'BASE = "{live_server.url}/api/v1"'), {})
        outputs.append(printed.getvalue())
    requests_example, pyjstat_example, csv_example = outputs
    # period=latest: the newest year of residents in the reference figures is 2024, which
    # eight areas have (Bispehaven, Byparken-Skovparken, Gammel Jennumparken,
    # Håndværkerparken, Mølleparken, Sundparken, Vænget/Vængerne, Vollsmose).
    assert requests_example.splitlines()[0].endswith(" 8 areas")
    assert "Bispehaven 2024 1487.0 None" in requests_example
    assert "value" in pyjstat_example and "indicator" in pyjstat_example
    assert "absence" in csv_example
