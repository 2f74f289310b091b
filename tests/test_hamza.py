"""Decomposed hamza and madda: AR106 composes exactly where NFC does."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm.chars import ARABIC_MARKS, HAMZA_COMPOSITIONS
from arnorm.config import NONE

HAMZA, HAMZA_BELOW, MADDA = (
    "\N{ARABIC HAMZA ABOVE}",
    "\N{ARABIC HAMZA BELOW}",
    "\N{ARABIC MADDAH ABOVE}",
)
FATHA, DAMMA, SHADDA = "\N{ARABIC FATHA}", "\N{ARABIC DAMMA}", "\N{ARABIC SHADDA}"
SMALL_HIGH_SEEN = "\N{ARABIC SMALL HIGH SEEN}"  # a Quranic sign of the hamza's class (230)

ONLY = {"preset": NONE, "hamza_composition": True}

HAMZA_FIXES = [
    pytest.param("ا" + HAMZA + "حمد", "أحمد", id="alef with hamza above"),
    pytest.param("ا" + HAMZA_BELOW + "لى", "إلى", id="alef with hamza below"),
    pytest.param("ا" + MADDA + "خر", "آخر", id="alef with madda"),
    pytest.param("سو" + HAMZA + "ال", "سؤال", id="waw with hamza"),
    pytest.param("مسا" + HAMZA + "ل", "مسأل", id="inside a word"),
    pytest.param("بي" + HAMZA + "ة", "بئة", id="yeh with hamza"),
    pytest.param("ا" + FATHA + HAMZA, "أ" + FATHA, id="a haraka between does not block"),
    pytest.param("ا" + SHADDA + FATHA + HAMZA, "أ" + SHADDA + FATHA, id="other marks keep order"),
    pytest.param("ا" + HAMZA + FATHA, "أ" + FATHA, id="marks after stay after"),
    pytest.param("ا" + MADDA + HAMZA, "آ" + HAMZA, id="madda first, hamza left over"),
    pytest.param("ا" + HAMZA + HAMZA_BELOW, "إ" + HAMZA, id="hamza below sorts first in NFC"),
]
HAMZA_NOOPS = [
    pytest.param("أحمد سؤال إلى آخر", id="already composed"),
    pytest.param("ر" + HAMZA, id="no composed letter for reh with hamza"),
    pytest.param("ى" + HAMZA, id="alef maksura with hamza has no composition"),
    pytest.param("ا" + SMALL_HIGH_SEEN + HAMZA, id="blocked by a mark of the same class"),
    pytest.param(HAMZA + "ا", id="hamza before the letter"),
    pytest.param("ء", id="the hamza letter"),
]


@pytest.mark.parametrize(("text", "expected"), HAMZA_FIXES)
def test_hamza_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **ONLY) == expected
    assert {f.code for f in arnorm.lint(text, **ONLY)} == {"AR106"}


@pytest.mark.parametrize("text", HAMZA_NOOPS)
def test_hamza_noops(text: str) -> None:
    assert arnorm.clean(text, **ONLY) == text


def test_every_canonical_pair_composes() -> None:
    for (base, mark), composed in HAMZA_COMPOSITIONS.items():
        assert arnorm.clean(base + mark, **ONLY) == composed


marks = st.text(st.sampled_from(sorted(ARABIC_MARKS)), max_size=4)


@given(base=st.sampled_from(sorted({b for b, _ in HAMZA_COMPOSITIONS})), before=marks, after=marks)
def test_composes_the_letter_nfc_composes(base: str, before: str, after: str) -> None:
    """NFC is the oracle for which letter comes out; AR106 only leaves the marks unsorted."""
    for mark in (HAMZA, HAMZA_BELOW, MADDA):
        text = base + before + mark + after
        fixed = arnorm.clean(text, **ONLY)
        nfc = unicodedata.normalize("NFC", text)
        assert fixed[0] == nfc[0]
        assert sorted(fixed[1:]) == sorted(nfc[1:])
