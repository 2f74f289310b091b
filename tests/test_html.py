"""HTML left in scraped text: character references (AR702) and stray tags (AR703)."""

from __future__ import annotations

import pytest

import arnorm
from arnorm.config import NONE


def entities(text: str) -> str:
    """`text` with only the HTML entity rule switched on."""
    return arnorm.clean(text, preset=NONE, html_entities=True)


def tags(text: str) -> str:
    """`text` with only the HTML tag rule switched on."""
    return arnorm.clean(text, preset=NONE, html_tags=True)


ENTITY_FIXES = [
    pytest.param("قال &quot;نعم&quot;", 'قال "نعم"', id="quot"),
    pytest.param("أ &amp; ب", "أ & ب", id="amp"),
    pytest.param("قال&nbsp;الوزير", "قال\N{NO-BREAK SPACE}الوزير", id="nbsp"),
    pytest.param("&#1575;&#1604;", "ال", id="decimal references"),
    pytest.param("&#x627;&#X644;", "ال", id="hexadecimal references"),
    pytest.param("it&#39;s", "it's", id="in English text too"),
    pytest.param("&lt;br&gt;", "<br>", id="escaped markup"),
    pytest.param("&amp;quot;نعم&amp;quot;", '"نعم"', id="escaped twice"),
    pytest.param("&amp;amp;", "&", id="an ampersand escaped twice"),
    pytest.param("&#38;#1575;", "ا", id="a numeric ampersand escaping a reference"),
    pytest.param("&amp;foo;", "&foo;", id="an escaped unknown name"),
    pytest.param("&#150;", "\N{EN DASH}", id="windows-1252 numbers as browsers read them"),
    pytest.param("&#xFFFD;", "\N{REPLACEMENT CHARACTER}", id="an explicit replacement char"),
]
ENTITY_NOOPS = [
    pytest.param("AT&T و R&D", id="ampersands that start no reference"),
    pytest.param("&copy 2018", id="a name without its semicolon"),
    pytest.param("&foo; &x;", id="unknown names"),
    pytest.param("&#0; &#1; &#xD800; &#x110000;", id="NUL, a control, a surrogate, too big"),
    pytest.param("قال نعم", id="no ampersand"),
]


@pytest.mark.parametrize(("text", "expected"), ENTITY_FIXES)
def test_entity_fixes(text: str, expected: str) -> None:
    assert entities(text) == expected
    assert {f.code for f in arnorm.lint(text, preset=NONE, html_entities=True)} == {"AR702"}


@pytest.mark.parametrize("text", ENTITY_NOOPS)
def test_entity_noops(text: str) -> None:
    assert entities(text) == text


def test_decoded_quotes_and_spaces_reach_the_later_rules() -> None:
    assert arnorm.clean("قال&nbsp;&quot;بوتين&quot; إن") == "قال «بوتين» إن"


TAG_FIXES = [
    pytest.param("السطر الأول<br>الثاني", "السطر الأول\nالثاني", id="br"),
    pytest.param("الأول <br /> الثاني", "الأول\nالثاني", id="self-closing br with blanks"),
    pytest.param("<p>فقرة</p>", "\nفقرة\n", id="paragraph tags"),
    pytest.param("<P CLASS='x'>فقرة", "\nفقرة", id="upper case with attributes"),
    pytest.param("كلمة <b>مهمة</b> جدا", "كلمة مهمة جدا", id="inline tags go"),
    pytest.param('<a href="/x">رابط</a>', "رابط", id="a link"),
    pytest.param("<div>\u0623</div>\n", "\n\u0623\n\n", id="div"),
]
TAG_NOOPS = [
    pytest.param("a < b > c", id="comparison signs"),
    pytest.param("أحبك <3", id="a heart"),
    pytest.param("<كلمة>", id="not an HTML element"),
    pytest.param("<brx>", id="a longer name"),
    pytest.param("<<b>b>", id="removing it would make a new tag"),
]


@pytest.mark.parametrize(("text", "expected"), TAG_FIXES)
def test_tag_fixes(text: str, expected: str) -> None:
    assert tags(text) == expected
    assert {f.code for f in arnorm.lint(text, preset=NONE, html_tags=True)} == {"AR703"}


@pytest.mark.parametrize("text", TAG_NOOPS)
def test_tag_noops(text: str) -> None:
    assert tags(text) == text


def test_tags_are_off_in_the_clean_preset_and_on_when_asked() -> None:
    text = "السطر الأول<br>الثاني"
    assert arnorm.clean(text) == text
    assert arnorm.clean(text, html_tags=True) == "السطر الأول\nالثاني"


def test_escaped_tags_become_line_breaks_when_tags_are_on() -> None:
    assert arnorm.clean("الأول&lt;br&gt;الثاني", html_tags=True) == "الأول\nالثاني"
