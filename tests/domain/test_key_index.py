"""Both duplicate finders name each repeated key's line and the first line with that key."""

from pathlib import Path

import pytest

from udsat.domain import key_index
from udsat.domain.key_index import KeyIndex, RepeatFinder


def _keys(n):
    return [("area", f"i{i % 7}", str(2000 + i // 7)) for i in range(n)]


@pytest.mark.parametrize("spill", [2048, 3])  # 3: every partition spills to its files
def test_repeat_finder_names_every_repeat_with_the_first_line_of_its_key(monkeypatch, spill):
    monkeypatch.setattr(key_index, "_SPILL", spill)
    keys = _keys(5000)
    keys[4000] = keys[10]  # line 4002 repeats line 12
    keys[4999] = keys[10]  # and so does line 5001 (a third occurrence)
    keys[2500] = keys[2499]  # adjacent: line 2502 repeats line 2501
    with RepeatFinder() as finder:
        for line, key in enumerate(keys, start=2):
            finder.add(key, line)
        assert finder.repeats() == [(2502, 2501), (4002, 12), (5001, 12)]


def test_repeat_finder_without_repeats_finds_none_and_leaves_no_files():
    finder = RepeatFinder()
    folder = Path(finder._dir.name)
    for line, key in enumerate(_keys(20_000), start=2):
        finder.add(key, line)
    assert finder.repeats() == []
    finder.close()
    assert not folder.exists()


def test_repeat_finder_refuses_a_line_it_cannot_store():
    with RepeatFinder() as finder, pytest.raises(ValueError, match="outside"):
        finder.add(("a",), 1 << 32)


def test_key_index_reports_repeats_as_they_are_flushed():
    with KeyIndex() as index:
        for line, key in enumerate(_keys(12_000), start=2):
            index.add(key, line)
        assert index.flush() == []
        index.add(_keys(1)[0], 99_999)
        assert index.flush() == [(99_999, 2)]
