"""arnorm's own word lists are clean: sorted, unique, NFC, Arabic letters only, documented
(phenomenon: the lists the splitter's morphology stands on)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from arnorm.lexicon.words import bundled_words
from arnorm.script.chars import ARABIC_LETTERS

WORDLISTS = Path(__file__).resolve().parent.parent / "wordlists"
FILES = sorted(WORDLISTS.glob("*.txt"))


def test_there_are_lists() -> None:
    assert {f.stem for f in FILES} >= {"proclitics", "suffixes", "enclitics", "protected"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_list_is_sorted_unique_nfc_arabic(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert "\r" not in text
    lines = text.splitlines()
    assert lines == sorted(lines), "sorted"
    assert len(lines) == len(set(lines)), "unique"
    for line in lines:
        assert line, "no blank lines"
        assert unicodedata.normalize("NFC", line) == line, line
        assert set(line) <= ARABIC_LETTERS, f"only Arabic letters: {line!r}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_list_is_documented(path: Path) -> None:
    readme = (WORDLISTS / "README.md").read_text(encoding="utf-8")
    assert f"`{path.name}`" in readme


def test_bundled_words_reads_the_lists() -> None:
    assert "وال" in bundled_words("proclitics")
    assert "هما" in bundled_words("enclitics")


def test_proclitic_chains_are_built_from_proclitics() -> None:
    parts = set("وفبكلسال")
    for chain in bundled_words("proclitics"):
        assert set(chain) <= parts, chain
        assert chain.count("و") + chain.count("ف") <= 1 or chain.startswith(("و", "ف")), chain
