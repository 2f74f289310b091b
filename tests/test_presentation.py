"""Presentation forms and word ligatures: AR105 and AR107."""

from __future__ import annotations

import unicodedata

import pytest
from options import only

import arnorm
from arnorm.script.chars import PRESENTATION_FORMS, SPACING_MARK_FORMS, WORD_LIGATURES

FATHA, SHADDA, KASRATAN = "\N{ARABIC FATHA}", "\N{ARABIC SHADDA}", "\N{ARABIC KASRATAN}"
FATHA_ISOLATED = "\N{ARABIC FATHA ISOLATED FORM}"
KASRATAN_ISOLATED = "\N{ARABIC KASRATAN ISOLATED FORM}"
SHADDA_MEDIAL = "\N{ARABIC SHADDA MEDIAL FORM}"


PRESENTATION_FIXES = [
    pytest.param("ﺍﻟﻤﻜﺘﺒﺔ ﺍﻟﻌﺎﻣﺔ", "المكتبة العامة", id="whole words in contextual forms"),
    pytest.param("اﻟﻤﺪﺭﺳﺔ", "المدرسة", id="base alef then contextual forms"),
    pytest.param("ﻷن", "لأن", id="lam-alef with hamza above keeps the hamza"),
    pytest.param("ﻹصلاح", "لإصلاح", id="lam-alef with hamza below inside a word"),
    pytest.param("ﻵخر", "لآخر", id="lam-alef with madda keeps the madda"),
    pytest.param("ﻻ ﻼ", "لا لا", id="plain lam-alef, isolated and final"),
    pytest.param("ﺑ" + FATHA_ISOLATED, "ب" + FATHA, id="isolated fatha joins the letter"),
    pytest.param("ب" + KASRATAN_ISOLATED, "ب" + KASRATAN, id="after a base letter too"),
    pytest.param("ب" + FATHA_ISOLATED + FATHA_ISOLATED, "ب" + FATHA + FATHA, id="a run joins"),
    pytest.param("ﺑ" + SHADDA_MEDIAL, "بـ" + SHADDA, id="medial form is tatweel and mark"),
    pytest.param("\N{ARABIC LETTER KEHEH ISOLATED FORM}", "ک", id="persian letters too"),
    pytest.param("\N{ARABIC LIGATURE TEH WITH REH FINAL FORM}", "تر", id="letter ligature"),
]
PRESENTATION_NOOPS = [
    pytest.param("المكتبة العامة", id="base letters"),
    pytest.param(FATHA_ISOLATED, id="isolated fatha on its own is a symbol"),
    pytest.param("الفتحة ( " + FATHA_ISOLATED + " )", id="isolated fatha after a space"),
    pytest.param("\N{ARABIC LIGATURE ALLAH ISOLATED FORM}", id="word ligature is AR107's"),
    pytest.param("\N{ARABIC LIGATURE BISMILLAH AR-RAHMAN AR-RAHEEM}", id="basmala"),
    pytest.param("\N{ORNATE LEFT PARENTHESIS}١\N{ORNATE RIGHT PARENTHESIS}", id="ornate brackets"),
    pytest.param("\N{ZERO WIDTH NO-BREAK SPACE}نص", id="BOM is in the block, not a form"),
]


@pytest.mark.parametrize(("text", "expected"), PRESENTATION_FIXES)
def test_presentation_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **only("presentation_forms")) == expected
    assert {f.code for f in arnorm.lint(text, **only("presentation_forms"))} == {"AR105"}


@pytest.mark.parametrize("text", PRESENTATION_NOOPS)
def test_presentation_noops(text: str) -> None:
    assert arnorm.clean(text, **only("presentation_forms")) == text


def test_no_form_becomes_a_space() -> None:
    """NFKC maps isolated harakat to a space and the mark; AR105 never makes a space."""
    for ch in sorted(SPACING_MARK_FORMS):
        assert " " not in arnorm.clean("ب" + ch, **only("presentation_forms")), hex(ord(ch))


def test_every_letter_form_unfolds_to_its_nfkc_letters() -> None:
    for ch in sorted(PRESENTATION_FORMS - WORD_LIGATURES - SPACING_MARK_FORMS):
        expected = unicodedata.normalize("NFKC", ch)
        assert arnorm.clean(ch, **only("presentation_forms")) == expected, hex(ord(ch))


SALLA = "\N{ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM}"
ALLAH = "\N{ARABIC LIGATURE ALLAH ISOLATED FORM}"
RIAL = "\N{RIAL SIGN}"
BASMALA = "\N{ARABIC LIGATURE BISMILLAH AR-RAHMAN AR-RAHEEM}"

LIGATURE_FIXES = [
    pytest.param("النبي " + SALLA, "النبي صلى الله عليه وسلم", id="honorific after a space"),
    pytest.param("النبي" + SALLA + "قال", "النبي صلى الله عليه وسلم قال", id="glued: spaced"),
    pytest.param(ALLAH, "الله", id="allah"),
    pytest.param("ب" + ALLAH, "بالله", id="one-letter proclitic joins"),
    pytest.param("ل" + ALLAH, "لله", id="lam drops the article's alef and lam"),
    pytest.param("عبد" + ALLAH, "عبدالله", id="glued to a word: joined"),
    pytest.param("50" + RIAL, "50 ريال", id="rial sign after a digit, Arabic yeh"),
    pytest.param(BASMALA, "بسم الله الرحمن الرحيم", id="basmala has no decomposition"),
    pytest.param("\N{ARABIC LIGATURE JALLAJALALOUHOU}", "جل جلاله", id="jalla jalaluhu"),
    pytest.param("\N{ARABIC LIGATURE RADI ALLAAHU ANH}", "رضي الله عنه", id="honorific by hand"),
]
LIGATURE_NOOPS = [
    pytest.param("\N{ARABIC LIGATURE SALLA USED AS KORANIC STOP SIGN ISOLATED FORM}", id="stop"),
    pytest.param("\N{ARABIC LIGATURE QALA USED AS KORANIC STOP SIGN ISOLATED FORM}", id="qala"),
    pytest.param("صلى الله عليه وسلم", id="already spelled out"),
]


@pytest.mark.parametrize(("text", "expected"), LIGATURE_FIXES)
def test_ligature_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **only("word_ligatures", "expand")) == expected
    assert {f.code for f in arnorm.lint(text, **only("word_ligatures", "expand"))} == {"AR107"}


@pytest.mark.parametrize("text", LIGATURE_NOOPS)
def test_ligature_noops(text: str) -> None:
    assert arnorm.clean(text, **only("word_ligatures", "expand")) == text


@pytest.mark.parametrize("ligature", [SALLA, ALLAH, RIAL, BASMALA])
def test_clean_keeps_word_ligatures_and_search_spells_them(ligature: str) -> None:
    text = f"قال {ligature} هنا"
    assert arnorm.clean(text) == text
    assert ligature not in arnorm.clean(text, preset="search")


def test_every_word_ligature_but_the_pause_signs_is_spelled_out() -> None:
    for ch in sorted(WORD_LIGATURES):
        spelled = arnorm.clean(ch, **only("word_ligatures", "expand"))
        is_pause_sign = "KORANIC STOP SIGN" in unicodedata.name(ch)
        assert (spelled == ch) == is_pause_sign, hex(ord(ch))
        assert "\N{ARABIC LETTER FARSI YEH}" not in spelled
