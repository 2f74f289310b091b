"""Spelling folds of the search preset: AR202 alef, AR203 alef maksura, AR204 teh marbuta."""

from __future__ import annotations

import pytest
from options import only

import arnorm
from arnorm.script.chars import ALEF_VARIANTS

HAMZA, MADDA, FATHA = "\N{ARABIC HAMZA ABOVE}", "\N{ARABIC MADDAH ABOVE}", "\N{ARABIC FATHA}"
SMALL_HIGH_SEEN = "\N{ARABIC SMALL HIGH SEEN}"  # a Quranic sign of the hamza's class (230)


FOLD_FIXES = [
    pytest.param("fold_alef", "أحمد إلى آخر ٱلكتاب", "احمد الى اخر الكتاب", id="alef: four"),
    pytest.param("fold_alef", "ٲ ٳ ٵ", "ا ا ا", id="alef: wavy and high hamza"),
    pytest.param("fold_alef", "أَحمد", "اَحمد", id="alef: marks stay"),
    pytest.param("fold_alef", "ا" + HAMZA + "حمد", "احمد", id="alef: decomposed أ"),
    pytest.param("fold_alef", "ا" + FATHA + HAMZA, "ا" + FATHA, id="alef: haraka between"),
    pytest.param("fold_alef", "آ" + MADDA, "ا", id="alef: a madda AR106 would join after"),
    pytest.param("fold_alef", "ا" + MADDA + HAMZA, "ا", id="alef: one after the other"),
    pytest.param("fold_alef_maksura", "على مستشفى", "علي مستشفي", id="maksura"),
    pytest.param("fold_teh_marbuta", "مدرسة الجامعة", "مدرسه الجامعه", id="teh marbuta"),
]
FOLD_NOOPS = [
    pytest.param("fold_alef", "اسلام ؤ ئ ء", id="alef: other hamza letters stay"),
    pytest.param("fold_alef", "ى", id="alef: maksura is not alef"),
    pytest.param("fold_alef", "ا" + FATHA, id="alef: bare alef with a haraka"),
    pytest.param("fold_alef", "ا" + SMALL_HIGH_SEEN + HAMZA, id="alef: hamza blocked as in NFC"),
    pytest.param("fold_alef", "و" + HAMZA, id="alef: hamza on waw is not alef's"),
    pytest.param("fold_alef_maksura", "في ي", id="maksura: yeh stays"),
    pytest.param("fold_teh_marbuta", "ت ه", id="teh marbuta: teh and heh stay"),
]


@pytest.mark.parametrize(("option", "text", "expected"), FOLD_FIXES)
def test_fold_fixes(option: str, text: str, expected: str) -> None:
    assert arnorm.clean(text, **only(option)) == expected


@pytest.mark.parametrize(("option", "text"), FOLD_NOOPS)
def test_fold_noops(option: str, text: str) -> None:
    assert arnorm.clean(text, **only(option)) == text


def test_clean_never_folds_and_search_does() -> None:
    text = "أحمد على مدرسة"
    assert arnorm.clean(text) == text
    assert arnorm.clean(text, preset="search") == "احمد علي مدرسه"
    codes = {f.code for f in arnorm.lint(text, preset="search")}
    assert codes == {"AR202", "AR203", "AR204"}


def test_alef_variants_are_derived_from_unicode() -> None:
    assert {"أ", "إ", "آ", "ٱ"} <= ALEF_VARIANTS
    assert not {"ا", "ى", "\N{ARABIC LETTER SUPERSCRIPT ALEF}"} & ALEF_VARIANTS
