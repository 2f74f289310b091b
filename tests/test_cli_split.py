"""``arnorm split``: the splitter's decision on single words, and its reasons (phenomenon:
explaining a split to someone who maintains a word list)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_each_word_with_its_split_or_whole() -> None:
    outcome = run("split", "كورياالشمالية", "باشتراط")
    assert outcome.code == 0
    assert outcome.out == "كورياالشمالية -> كوريا الشمالية\nباشتراط: whole\n"


def test_candidates_show_the_readings_best_first() -> None:
    lines = run("split", "--candidates", "2", "وبفضلالمفاوضات").out.splitlines()
    assert lines[0] == "وبفضلالمفاوضات -> وبفضل المفاوضات"
    assert len(lines) == 3
    assert lines[1].strip().startswith("وبفضل المفاوضات  (")
    first, second = (float(line.split("(")[1].split(":")[0]) for line in lines[1:])
    assert first > second


def test_words_from_standard_input() -> None:
    outcome = run("split", stdin="قال إنالتهديداتالأمنية\n".encode())
    assert outcome.out == "قال: whole\nإنالتهديداتالأمنية -> إن التهديدات الأمنية\n"


def test_never_split_list_from_the_configuration_file() -> None:
    Path("keep.txt").write_text("كورياالشمالية\n", encoding="utf-8")
    Path(".arnorm.toml").write_text('never-split = ["keep.txt"]\n', encoding="utf-8")
    assert run("split", "كورياالشمالية").out == "كورياالشمالية: whole\n"
    assert run("split", "--isolated", "كورياالشمالية").out.endswith("-> كوريا الشمالية\n")


def test_splitter_switched_off_is_a_usage_error() -> None:
    outcome = run("split", "--no-split-runons", "كورياالشمالية")
    assert (outcome.code, outcome.out) == (2, "")
    assert "splitter is off" in outcome.err
