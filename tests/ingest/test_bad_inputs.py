"""Every file of the bad-input corpus is refused with the problem it contains, and no bundle."""

import pytest
from corpus import CASES, INDICATOR

from udsat.ingest.imports import Options, run_import
from udsat.ingest.kinds import IMPORTERS


@pytest.mark.parametrize(("kind", "build", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_bad_input_is_refused_with_a_problem_naming_file_row_and_column(
    tmp_path, kind, build, expected
):
    source = build(tmp_path)
    out = tmp_path / "bundle"
    options = Options(indicator=INDICATOR if kind.startswith("statistikbanken") else "")
    result = run_import(IMPORTERS[kind], source, out, options)
    messages = [str(p) for p in result.problems]
    assert not result.ok
    assert any(expected in m for m in messages), messages
    assert not out.exists()  # nothing half-written is left behind
