"""Tatweel (kashida): AR301, decorative (the default) and strip (search)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm.config import NONE

T, FATHA, DAMMA, KASRA = (
    "\N{ARABIC TATWEEL}",
    "\N{ARABIC FATHA}",
    "\N{ARABIC DAMMA}",
    "\N{ARABIC KASRA}",
)
TANWEEN, SHADDA, HAMZA = "\N{ARABIC FATHATAN}", "\N{ARABIC SHADDA}", "\N{ARABIC HAMZA ABOVE}"
DECORATIVE = {"preset": NONE, "tatweel": "decorative"}
STRIP = {"preset": NONE, "tatweel": "strip"}

DECORATIVE_FIXES = [
    pytest.param(f"جـ{T}{T}ميل", "جميل", id="kashida run between letters"),
    pytest.param(f"ال{T}مدرسة", "المدرسة", id="one kashida"),
    pytest.param("مُـحَـمَّـد", "مُحَمَّد", id="marks before the kashida stay"),
    pytest.param(f"ي{T}{DAMMA}كتب", f"ي{DAMMA}كتب", id="mark on the tatweel goes to the letter"),
    pytest.param(f"ب{T}{FATHA}{T}ت", f"ب{FATHA}ت", id="mark between two tatweels"),
    pytest.param(f"ال{T}{T}15", f"ال{T}15", id="a run before a digit becomes one"),
    pytest.param(f'ل{T}{T}{T}"نص"', f'ل{T}"نص"', id="a run before a quote becomes one"),
    pytest.param(f"ﺍﻟ{T}ﻤﻜﺘﺒﺔ", "ﺍﻟﻤﻜﺘﺒﺔ", id="between presentation forms"),
]
DECORATIVE_NOOPS = [
    pytest.param(f"ال{T}15 ب{T}30", id="prefix before digits"),
    pytest.param(f'ل{T}"نص"', id="prefix before a quote"),
    pytest.param(f"ل{T}«نص»", id="prefix before guillemets"),
    pytest.param(f"ب{T}BBC", id="prefix before Latin"),
    pytest.param(f"1440ه{T}", id="abbreviation at the end"),
    pytest.param(f"1440ه{T} ثم", id="abbreviation before a space"),
    pytest.param(f"ال{T}(15)", id="prefix before a bracket"),
    pytest.param(f"{T}ه", id="suffix shown on its own"),
    pytest.param(T * 10, id="a line drawn with tatweel"),
    pytest.param(f"ب{FATHA}{T}{KASRA}ت", id="marks on both would clash"),
    pytest.param(f"a{T}b", id="between Latin letters"),
]


@pytest.mark.parametrize(("text", "expected"), DECORATIVE_FIXES)
def test_decorative_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **DECORATIVE) == expected
    assert {f.code for f in arnorm.lint(text, **DECORATIVE)} == {"AR301"}


@pytest.mark.parametrize("text", DECORATIVE_NOOPS)
def test_decorative_noops(text: str) -> None:
    assert arnorm.clean(text, **DECORATIVE) == text


# Marks "clash" only if both the letter and the tatweel keep one once the rules after AR301
# have run: the diacritics policy, AR106 and AR202 decide, so a second pass decides the same.
# The word is موسى, listed and never split: a tanween inside فيفي (في + في, a listing the
# splitter explains as a run-on) ends a word, and AR501 splits there.
CLASHES = [
    pytest.param({}, f"ب{FATHA}{T}{FATHA}ت", f"ب{FATHA}{T}{FATHA}ت", id="keep: both marked"),
    pytest.param(
        {"diacritics": "strip"}, f"مو{TANWEEN}{T}{TANWEEN}سى", "موسى", id="strip: no marks left"
    ),
    pytest.param(
        {"diacritics": "keep-shadda"},
        f"مو{TANWEEN}{T}{TANWEEN}سى",
        "موسى",
        id="keep-shadda: tanween goes",
    ),
    pytest.param(
        {"diacritics": "keep-shadda"},
        f"في{SHADDA}{T}{SHADDA}في",
        f"في{SHADDA}{T}{SHADDA}في",
        id="keep-shadda: shadda on both",
    ),
    pytest.param(
        {"diacritics": "keep-shadda"},
        f"مو{SHADDA}{T}{TANWEEN}سى",
        f"مو{SHADDA}سى",
        id="keep-shadda: only the letter's shadda stays",
    ),
    pytest.param({}, f"ا{HAMZA}{T}{FATHA}ب", f"أ{FATHA}ب", id="the hamza becomes أ: no clash"),
    pytest.param(
        {"hamza_composition": False},
        f"ا{HAMZA}{T}{FATHA}ب",
        f"ا{HAMZA}{T}{FATHA}ب",
        id="no AR106: the hamza stays a mark",
    ),
    pytest.param(
        {"fold_alef": True}, f"ا{HAMZA}{T}{FATHA}ب", f"ا{FATHA}ب", id="AR202 folds the hamza"
    ),
]


@pytest.mark.parametrize(("options", "text", "expected"), CLASHES)
def test_marks_clash_only_if_both_keep_one(
    options: dict[str, object], text: str, expected: str
) -> None:
    once = arnorm.clean(text, **options)  # type: ignore[arg-type]
    assert once == expected
    assert arnorm.clean(once, **options) == once  # type: ignore[arg-type]


STRIP_FIXES = [
    pytest.param(f"جـ{T}ميل ال{T}15", "جميل ال15", id="all tatweel"),
    pytest.param(f"ي{T}{DAMMA}كتب", f"ي{DAMMA}كتب", id="mark goes to the letter"),
    pytest.param(f"{T}{FATHA} علامة", " علامة", id="mark with no letter goes with it"),
    pytest.param(T * 3, "", id="a line"),
]
STRIP_NOOPS = [pytest.param("جميل", id="no tatweel")]


@pytest.mark.parametrize(("text", "expected"), STRIP_FIXES)
def test_strip_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **STRIP) == expected


@pytest.mark.parametrize("text", STRIP_NOOPS)
def test_strip_noops(text: str) -> None:
    assert arnorm.clean(text, **STRIP) == text


def test_off_keeps_every_tatweel() -> None:
    text = f"جـ{T}ميل"
    assert arnorm.clean(text, tatweel="off") == text


letters_and_tatweel = st.text(st.sampled_from(["ب", "ل", "ا", T, "1", " ", '"']), max_size=30)


@given(text=letters_and_tatweel)
def test_strip_agrees_with_pyarabic_without_marks(text: str) -> None:
    """PyArabic's strip_tatweel is the oracle where no mark rides on a tatweel."""
    araby = pytest.importorskip("pyarabic.araby")
    assert arnorm.clean(text, **STRIP) == araby.strip_tatweel(text)


@given(text=letters_and_tatweel)
def test_decorative_never_touches_a_tatweel_before_a_non_letter(text: str) -> None:
    fixed = arnorm.clean(text, **DECORATIVE)
    assert fixed.replace(T, "") == text.replace(T, "")
    kept = [i for i, ch in enumerate(text) if ch == T and text[i + 1 : i + 2] in ("1", " ", '"')]
    assert len(kept) <= fixed.count(T)
