"""Diacritics: repairs under the keep policy (AR302) and stripping (AR303)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm.config import NONE
from arnorm.script.chars import ARABIC_MARKS

FATHA, DAMMA, KASRA, SUKUN = (
    "\N{ARABIC FATHA}",
    "\N{ARABIC DAMMA}",
    "\N{ARABIC KASRA}",
    "\N{ARABIC SUKUN}",
)
SHADDA, FATHATAN, DAMMATAN = "\N{ARABIC SHADDA}", "\N{ARABIC FATHATAN}", "\N{ARABIC DAMMATAN}"
DAGGER, HAMZA, MADDA = (
    "\N{ARABIC LETTER SUPERSCRIPT ALEF}",
    "\N{ARABIC HAMZA ABOVE}",
    "\N{ARABIC MADDAH ABOVE}",
)
SMALL_HIGH_SEEN = "\N{ARABIC SMALL HIGH SEEN}"
SALA = "\N{ARABIC SMALL HIGH LIGATURE SAD WITH LAM WITH ALEF MAKSURA}"
HARAKAT = FATHATAN + DAMMATAN + "\N{ARABIC KASRATAN}" + FATHA + DAMMA + KASRA + SHADDA + SUKUN

KEEP = {"preset": NONE, "diacritics": "keep"}
STRIP = {"preset": NONE, "diacritics": "strip"}
KEEP_SHADDA = {"preset": NONE, "diacritics": "keep-shadda"}

REPAIR_FIXES = [
    pytest.param(f"ب{SHADDA}{FATHA}{SHADDA}", f"ب{SHADDA}{FATHA}", id="shadda typed twice"),
    pytest.param(f"كتب{FATHA}{FATHA}", f"كتب{FATHA}", id="fatha typed twice"),
    pytest.param(f"كتاب {DAMMATAN}", "كتاب ", id="tanween after a space"),
    pytest.param(
        f"ب{FATHA}{SHADDA}{SHADDA} {DAMMATAN}", f"ب{FATHA}{SHADDA} ", id="both in one text"
    ),
    pytest.param(f"{FATHA}بدأ", "بدأ", id="mark at the start"),
    pytest.param(f"5{FATHATAN}", "5", id="mark on a digit"),
    pytest.param(f"ب{DAGGER}{FATHA}", f"ب{FATHA}{DAGGER}", id="dagger alef after the haraka"),
    pytest.param(f"ب{SMALL_HIGH_SEEN}{FATHA}", f"ب{FATHA}{SMALL_HIGH_SEEN}", id="quranic sign"),
    pytest.param(f"ب{HAMZA}{KASRA}", f"ب{KASRA}{HAMZA}", id="hamza above after the haraka"),
    pytest.param(f"ب{FATHA}{DAGGER}{FATHA}", f"ب{FATHA}{DAGGER}", id="duplicate and order"),
]
REPAIR_NOOPS = [
    pytest.param(f"ب{SHADDA}{FATHA}", id="shadda then fatha, as typed"),
    pytest.param(f"ب{FATHA}{SHADDA}", id="fatha then shadda, canonical"),
    pytest.param(f"ب{SHADDA}{FATHATAN} ب{FATHATAN}{SHADDA}", id="tanween with shadda"),
    pytest.param("مُحَمَّدٌ رَسُولُ", id="vocalized words"),
    pytest.param(f"ب\N{ARABIC TATWEEL}{FATHA}", id="mark on a tatweel"),
    pytest.param(f"\N{DOTTED CIRCLE}{FATHA}", id="mark shown on a dotted circle"),
    pytest.param(f"\N{ARABIC LETTER BEH INITIAL FORM}{FATHA}", id="mark on a presentation form"),
    pytest.param(f"ب{FATHA}{SUKUN}", id="two different harakat are not a repair"),
]


@pytest.mark.parametrize(("text", "expected"), REPAIR_FIXES)
def test_repair_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **KEEP) == expected
    assert {f.code for f in arnorm.lint(text, **KEEP)} == {"AR302"}


@pytest.mark.parametrize("text", REPAIR_NOOPS)
def test_repair_noops(text: str) -> None:
    assert arnorm.clean(text, **KEEP) == text


def test_dropping_a_mark_with_no_letter_is_unsafe() -> None:
    [finding] = arnorm.lint(f"كتاب {DAMMATAN}", **KEEP)
    assert not finding.safe
    assert "no letter" in finding.message
    [finding] = arnorm.lint(f"ب{SHADDA}{SHADDA}", **KEEP)
    assert finding.safe


STRIP_FIXES = [
    pytest.param("بِفَضْلِ", "بفضل", id="harakat and sukun"),
    pytest.param("مُحَمَّدٌ", "محمد", id="shadda and tanween"),
    pytest.param(f"ه{DAGGER}ذا", "هذا", id="dagger alef goes"),
    pytest.param(f"كلمة{SALA}", "كلمة", id="quranic sign goes"),
    pytest.param(f"ا{FATHA}{HAMZA}", f"ا{HAMZA}", id="hamza that makes alef stays"),
    pytest.param(f"و{MADDA}", "و", id="madda on a waw goes"),
    pytest.param(f"ا{SMALL_HIGH_SEEN}{HAMZA}", "ا", id="hamza that NFC would not join goes"),
    pytest.param(f" {FATHA}", " ", id="mark with no letter"),
]
STRIP_NOOPS = [
    pytest.param("محمد أحمد", id="unvocalized"),
    pytest.param("\N{ARABIC FATHA ISOLATED FORM}", id="presentation form is not a mark"),
]


@pytest.mark.parametrize(("text", "expected"), STRIP_FIXES)
def test_strip_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **STRIP) == expected
    assert {f.code for f in arnorm.lint(text, **STRIP)} == {"AR303"}


@pytest.mark.parametrize("text", STRIP_NOOPS)
def test_strip_noops(text: str) -> None:
    assert arnorm.clean(text, **STRIP) == text


KEEP_SHADDA_FIXES = [
    pytest.param("مُحَمَّدٌ", f"محم{SHADDA}د", id="shadda stays"),
    pytest.param(f"ب{SHADDA}{SHADDA}{FATHA}", f"ب{SHADDA}", id="repaired and stripped"),
]


@pytest.mark.parametrize(("text", "expected"), KEEP_SHADDA_FIXES)
def test_keep_shadda_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **KEEP_SHADDA) == expected


def test_search_strips_every_mark_and_keeps_hamza_letters() -> None:
    text = f"أَحْمَدُ ا{HAMZA}{FATHA}"
    assert arnorm.clean(text, preset="search") == "احمد ا"
    assert arnorm.clean(text, preset="search", fold_alef=False) == "أحمد أ"


vocalized = st.text(st.sampled_from(["ب", "ت", "ا", "و", "ي", " ", *HARAKAT]), max_size=40)


@given(text=vocalized)
def test_strip_agrees_with_pyarabic_on_harakat(text: str) -> None:
    araby = pytest.importorskip("pyarabic.araby")
    assert arnorm.clean(text, **STRIP) == araby.strip_tashkeel(text)


@given(text=vocalized)
def test_keep_shadda_agrees_with_pyarabic_strip_harakat(text: str) -> None:
    """PyArabic keeps a doubled shadda and one on a space; AR302 repairs those first."""
    araby = pytest.importorskip("pyarabic.araby")
    expected = arnorm.clean(araby.strip_harakat(text), **KEEP)
    assert arnorm.clean(text, **KEEP_SHADDA) == expected


def test_deliberate_differences_from_pyarabic() -> None:
    """PyArabic strips 8 harakat; the dagger alef and the Quranic signs stay with it."""
    araby = pytest.importorskip("pyarabic.araby")
    for mark in (DAGGER, SALA, SMALL_HIGH_SEEN):
        assert araby.strip_tashkeel("ب" + mark) == "ب" + mark
        assert arnorm.clean("ب" + mark, **STRIP) == "ب"
    assert len(ARABIC_MARKS) > len(HARAKAT) * 5
