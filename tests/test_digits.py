"""Digit systems: AR304 in its keep, arabic-indic and ascii modes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm.config import NONE
from arnorm.script.chars import ARABIC_INDIC_DIGITS, ASCII_DIGITS, PERSIAN_DIGITS


def mode(value: str) -> dict[str, object]:
    return {"preset": NONE, "digits": value}


KEEP_FIXES = [
    pytest.param("عام ۱۴۴۰هـ", "عام ١٤٤٠هـ", id="persian digits in arabic text"),
    pytest.param("سعر ۴۵٫۵ ريال", "سعر ٤٥٫٥ ريال", id="with the arabic decimal separator"),
    pytest.param("رقم ۱۲٣", "رقم ١٢٣", id="persian and arabic-indic mixed"),
    pytest.param("رقم 12۳", "رقم 123", id="mostly ascii: the persian digit joins them"),
    pytest.param("رقم 1.۵", "رقم ١.٥", id="half and half: arabic-indic"),
    pytest.param("۲۰۱۹ في المدينة", "٢٠١٩ في المدينة", id="nearest letter after the number"),
    pytest.param("في ۰،A", "في ٠،A", id="spaces take no room: the arabic letter is nearer"),
    pytest.param("في۰،A", "في٠،A", id="the comma ends the word around the number"),
    pytest.param("theفي,ء۰", "theفي,ء٠", id="so does a latin comma"),
]
KEEP_NOOPS = [
    pytest.param("عام ١٤٤٠ و 2019", id="arabic-indic and ascii are the writer's choice"),
    pytest.param("۱۲۳", id="no letter: not arabic text"),
    pytest.param("page ۱۲", id="latin context"),
    pytest.param("في ۰ A", id="as near a latin letter as an arabic one"),
    pytest.param("گفت ۱۲ وزیر", id="persian passage"),
    pytest.param("قال: گفت۱۲", id="glued to a persian word"),
]


@pytest.mark.parametrize(("text", "expected"), KEEP_FIXES)
def test_keep_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **mode("keep")) == expected
    assert {f.code for f in arnorm.lint(text, **mode("keep"))} == {"AR304"}


@pytest.mark.parametrize("text", KEEP_NOOPS)
def test_keep_noops(text: str) -> None:
    assert arnorm.clean(text, **mode("keep")) == text


ARABIC_INDIC_FIXES = [
    pytest.param("سعر 12 دولارا", "سعر ١٢ دولارا", id="ascii number in arabic text"),
    pytest.param("يوم 2019/03/01 هنا", "يوم ٢٠١٩/٠٣/٠١ هنا", id="a date is one number"),
    pytest.param("عام ۱۴۴۰", "عام ١٤٤٠", id="persian digits too"),
    pytest.param("بـ30", "بـ٣٠", id="after a prefix tatweel"),
    pytest.param("طائرات F-16 عددها 12", "طائرات F-16 عددها ١٢", id="only the arabic number"),
]
ARABIC_INDIC_NOOPS = [
    pytest.param("طائرات F-16 الجديدة", id="glued to a latin letter"),
    pytest.param("قال iPhone 12 الجديد", id="latin letter as near as the arabic one"),
    pytest.param("mp3 في", id="latin letter in the token"),
    pytest.param("COVID-19", id="latin only"),
    pytest.param("12 34", id="no letter at all"),
    pytest.param("گفت 12 وزیر", id="persian passage"),
]


@pytest.mark.parametrize(("text", "expected"), ARABIC_INDIC_FIXES)
def test_arabic_indic_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **mode("arabic-indic")) == expected


@pytest.mark.parametrize("text", ARABIC_INDIC_NOOPS)
def test_arabic_indic_noops(text: str) -> None:
    assert arnorm.clean(text, **mode("arabic-indic")) == text


ASCII_FIXES = [
    pytest.param("عام ١٤٤٠", "عام 1440", id="arabic-indic"),
    pytest.param("عام ۱۴۴۰", "عام 1440", id="persian"),
    pytest.param("١٢٣", "123", id="anywhere, for the index"),
    pytest.param("گفت ۱۲ وزیر", "گفت 12 وزیر", id="persian passages too"),
    pytest.param("عام ١٤٣٦ و ۲۰۱۵", "عام 1436 و 2015", id="both systems"),
]
ASCII_NOOPS = [pytest.param("عام 1440 F-16", id="ascii already")]


@pytest.mark.parametrize(("text", "expected"), ASCII_FIXES)
def test_ascii_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **mode("ascii")) == expected


@pytest.mark.parametrize("text", ASCII_NOOPS)
def test_ascii_noops(text: str) -> None:
    assert arnorm.clean(text, **mode("ascii")) == text


def systems_in(number: str) -> int:
    return sum(any(d in number for d in digits) for digits in (ASCII_DIGITS, ARABIC_INDIC_DIGITS))


digits = st.sampled_from(ASCII_DIGITS + ARABIC_INDIC_DIGITS + PERSIAN_DIGITS)
context = st.sampled_from(["قال ", "في ", "x ", "", " "])


@pytest.mark.parametrize("value", ["keep", "arabic-indic", "ascii"])
@given(number=st.text(digits, min_size=1, max_size=8), before=context, after=context)
def test_a_changed_number_is_in_one_system(
    value: str, number: str, before: str, after: str
) -> None:
    fixed = arnorm.fix(before + number + " " + after, **mode(value))
    for edit in fixed.edits:
        assert edit.replacement is not None
        assert systems_in(edit.replacement) == 1
        assert not any(d in edit.replacement for d in PERSIAN_DIGITS)


def test_a_stray_mark_takes_no_room_in_the_context() -> None:
    """Dropping the stray mark (an unsafe AR302 fix) must not decide the nearest letter."""
    text = "t; ۱۲ \N{ARABIC SIGN SALLALLAHOU ALAYHE WASSALLAM}في"
    assert arnorm.clean(text, **mode("keep")) == text.replace("۱۲", "١٢")
    fixed = arnorm.fix(text, safe_only=True).text
    assert [f.code for f in arnorm.lint(fixed) if f.safe and f.replacement is not None] == []
