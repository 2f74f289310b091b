"""Spaces around punctuation and quotes, runs of blanks and line ends: AR421-AR425."""

from __future__ import annotations

import pytest

import arnorm
from arnorm.config import NONE


def spacing(text: str) -> str:
    """`text` with only the spacing rules switched on."""
    return arnorm.clean(text, preset=NONE, spacing=True)


def spacing_codes(text: str) -> set[str]:
    return {f.code for f in arnorm.lint(text, preset=NONE, spacing=True)}


SPACE_BEFORE_FIXES = [
    pytest.param("قال ، إن", "قال، إن", id="before an Arabic comma"),
    pytest.param("هل انتهى ؟", "هل انتهى؟", id="before an Arabic question mark"),
    pytest.param("أولا ؛ ثانيا", "أولا؛ ثانيا", id="before an Arabic semicolon"),
    pytest.param("وصل الوزير .", "وصل الوزير.", id="before a period"),
    pytest.param("قال : نعم", "قال: نعم", id="before a colon"),
    pytest.param("يا له من يوم !", "يا له من يوم!", id="before an exclamation mark"),
    pytest.param("في عام 2018 .", "في عام 2018.", id="a number between"),
    pytest.param("قال  \t،", "قال،", id="a run of blanks"),
    pytest.param("قالوا «نعم» ،", "قالوا «نعم»،", id="after a closing guillemet"),
    pytest.param("د . محمد", "د. محمد", id="an abbreviation"),
    pytest.param("قال ،وغادر", "قال، وغادر", id="then the missing space after"),
]
SPACE_BEFORE_NOOPS = [
    pytest.param("بنسبة .5 بالمئة", id="a decimal point starting a number"),
    pytest.param("الساعة :30", id="a colon starting a time"),
    pytest.param("وهكذا ... ثم", id="an ellipsis"),
    pytest.param("موقع .com جديد", id="a domain ending"),
    pytest.param("He said , then", id="Latin text"),
    pytest.param("قال\n، إن", id="a line break is kept"),
    pytest.param("قال « ، ثم", id="after an opening guillemet"),
    pytest.param('قال " .', id="after a lone straight quote"),
    pytest.param("3.5 و12:30 ود. محمد", id="numbers and abbreviations"),
]


@pytest.mark.parametrize(("text", "expected"), SPACE_BEFORE_FIXES)
def test_space_before_punctuation_fixes(text: str, expected: str) -> None:
    assert spacing(text) == expected
    assert "AR421" in spacing_codes(text)


@pytest.mark.parametrize("text", SPACE_BEFORE_NOOPS)
def test_space_before_punctuation_noops(text: str) -> None:
    assert spacing(text) == text


SPACE_AFTER_FIXES = [
    pytest.param("روسيا،الصين", "روسيا، الصين", id="after an Arabic comma"),
    pytest.param("أولا؛ثانيا", "أولا؛ ثانيا", id="after an Arabic semicolon"),
    pytest.param("لماذا؟قال", "لماذا؟ قال", id="after an Arabic question mark"),
]
SPACE_AFTER_NOOPS = [
    pytest.param("العدد 3،5", id="before a digit"),
    pytest.param("قال،«نعم»", id="before a quotation mark"),
    pytest.param("لماذا؟!", id="before punctuation"),
    pytest.param("انظر http://x.org/أ،ب الآن", id="inside a URL"),
]


@pytest.mark.parametrize(("text", "expected"), SPACE_AFTER_FIXES)
def test_missing_space_after_punctuation_fixes(text: str, expected: str) -> None:
    assert spacing(text) == expected
    assert spacing_codes(text) == {"AR422"}


@pytest.mark.parametrize("text", SPACE_AFTER_NOOPS)
def test_missing_space_after_punctuation_noops(text: str) -> None:
    assert spacing(text) == text


BLANK_RUN_FIXES = [
    pytest.param("قال  الوزير", "قال الوزير", id="two spaces"),
    pytest.param("قال \t الوزير", "قال الوزير", id="spaces and a tab"),
    pytest.param("line  one\nقال  نعم", "line  one\nقال نعم", id="only the Arabic lines of a text"),
]
BLANK_RUN_NOOPS = [
    pytest.param("    قال الوزير", id="indentation"),
    pytest.param("قال\t\tالوزير", id="tabs only separate columns"),
    pytest.param("two  spaces", id="a text without Arabic"),
    pytest.param("قال\n\n\nالوزير", id="blank lines"),
]


@pytest.mark.parametrize(("text", "expected"), BLANK_RUN_FIXES)
def test_repeated_whitespace_fixes(text: str, expected: str) -> None:
    assert spacing(text) == expected
    assert spacing_codes(text) == {"AR423"}


@pytest.mark.parametrize("text", BLANK_RUN_NOOPS)
def test_repeated_whitespace_noops(text: str) -> None:
    assert spacing(text) == text


TRAILING_FIXES = [
    pytest.param("قال  ", "قال", id="at the end of the text"),
    pytest.param("قال \nالوزير\t\n", "قال\nالوزير\n", id="before line feeds"),
    pytest.param("قال \r\nالوزير \r\n", "قال\r\nالوزير\r\n", id="CRLF keeps its CR"),
    pytest.param("قال \rالوزير", "قال\rالوزير", id="old Mac line end"),
    pytest.param(
        "قال \n   \nالوزير", "قال\n   \nالوزير", id="a line of blanks only is no Arabic line"
    ),
]
TRAILING_NOOPS = [
    pytest.param("trailing  \n", id="a text without Arabic"),
    pytest.param("قال\r\n\r\n  الوزير", id="indented line after CRLF blank lines"),
]


@pytest.mark.parametrize(("text", "expected"), TRAILING_FIXES)
def test_trailing_whitespace_fixes(text: str, expected: str) -> None:
    assert spacing(text) == expected
    assert spacing_codes(text) == {"AR424"}


@pytest.mark.parametrize("text", TRAILING_NOOPS)
def test_trailing_whitespace_noops(text: str) -> None:
    assert spacing(text) == text


INSIDE_FIXES = [
    pytest.param("قال « بوتين » إن", "قال «بوتين» إن", id="inside guillemets"),
    pytest.param("( رويترز )", "(رويترز)", id="inside brackets"),
    pytest.param("[ 1 ] ملحق", "[1] ملحق", id="inside square brackets"),
    pytest.param('قال " بوتين " إن', 'قال "بوتين" إن', id="inside straight quotes"),
    pytest.param("قال:« نعم »أمس", "قال: «نعم» أمس", id="spaced on the wrong side: moved out"),
    pytest.param(
        'أن "المرشح "مضيفا أن "لا"', 'أن "المرشح" مضيفا أن "لا"', id="a closing quote moved"
    ),
    pytest.param("وصف « Black Friday »", "وصف «Black Friday»", id="Latin in Arabic context"),
    pytest.param("قال و« نعم » ثم", "قال و«نعم» ثم", id="a proclitic stays glued"),
]
INSIDE_NOOPS = [
    pytest.param("He said « hi »", id="Latin text"),
    pytest.param("قال « بوتين", id="an unpaired guillemet"),
    pytest.param("« »", id="nothing but blanks inside"),
    pytest.param('قال " .كذا"', id="a straight quote before punctuation"),
    pytest.param("قال «بوتين» (رويترز)", id="tight already"),
]


@pytest.mark.parametrize(("text", "expected"), INSIDE_FIXES)
def test_space_inside_quotes_fixes(text: str, expected: str) -> None:
    assert spacing(text) == expected
    assert spacing_codes(text) == {"AR425"}


@pytest.mark.parametrize("text", INSIDE_NOOPS)
def test_space_inside_quotes_noops(text: str) -> None:
    assert spacing(text) == text


def test_a_caption_break_becomes_a_separator_through_the_clean_preset() -> None:
    caption = "صورة أرشيفية للوزير\x1a\x1aأعلن الوزير أمس"
    assert arnorm.clean(caption) == "صورة أرشيفية للوزير أعلن الوزير أمس"
    assert arnorm.clean("نهاية التعليق \x1a\x1a بداية الخبر") == "نهاية التعليق بداية الخبر"


def test_line_ends_of_every_kind_survive_the_clean_preset() -> None:
    text = 'قال "نعم" ، ثم  غادر \r\n\r\n  وعاد .\rثم\n'
    assert arnorm.clean(text) == "قال «نعم»، ثم غادر\r\n\r\n  وعاد.\rثم\n"


def test_one_pass_reaches_the_fixed_point() -> None:
    text = "قال ،وغادر  « إلى  المطار » ( أمس )  .  \n"
    once = arnorm.clean(text)
    assert once == "قال، وغادر «إلى المطار» (أمس).\n"
    assert arnorm.clean(once) == once
