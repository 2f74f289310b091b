"""Invisible characters, controls, joiners and exotic spaces: AR101-AR104."""

from __future__ import annotations

import pytest
from options import only

import arnorm

RLM, LRM, ZWSP, ZWNJ, ZWJ = "\u200f", "\u200e", "\u200b", "\u200c", "\u200d"
LRO, PDF, NBSP, BOM = "\u202d", "\u202c", "\u00a0", "\ufeff"


INVISIBLE_FIXES = [
    pytest.param(f"إ{LRM}لون", "إلون", id="mark inside a word goes"),
    pytest.param(f"فبرا{LRO}{PDF}{PDF}ير", "فبراير", id="override run inside a word goes"),
    pytest.param(f"أحالت{LRO} {PDF}وزارة", "أحالت وزارة", id="overrides wrapping a space go"),
    pytest.param(f"ما{ZWSP}{ZWSP}دامت", "مادامت", id="zero width spaces inside a word"),
    pytest.param(f"{RLM}قال", "قال", id="mark at the start"),
    pytest.param(f"قال{RLM}", "قال", id="mark at the end"),
    pytest.param(f"نص{BOM}نص", "نصنص", id="BOM after the start"),
    pytest.param("soft\u00adhyphen", "softhyphen", id="soft hyphen in Latin"),
    pytest.param("a\u2066b\u2069c", "abc", id="isolates"),
    pytest.param("x\u061cy", "xy", id="arabic letter mark"),
]
INVISIBLE_NOOPS = [
    pytest.param(f"{BOM}قال", id="BOM at the very start"),
    pytest.param("\u0600\u0661", id="arabic number sign renders"),
    pytest.param(
        "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", id="tag flag"
    ),
    pytest.param(f"مدر{ZWNJ}سة", id="joiners are another rule"),
    pytest.param("قال الوزير", id="plain text"),
]


@pytest.mark.parametrize(("text", "expected"), INVISIBLE_FIXES)
def test_invisible_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **only("invisibles")) == expected
    assert {f.code for f in arnorm.lint(text, **only("invisibles"))} == {"AR101"}


@pytest.mark.parametrize("text", INVISIBLE_NOOPS)
def test_invisible_noops(text: str) -> None:
    assert arnorm.clean(text, **only("invisibles")) == text


CONTROL_FIXES = [
    pytest.param("التعليق\x1a\x1aبداية", "التعليق بداية", id="caption break becomes a space"),
    pytest.param("كلمة \x1a\x00", "كلمة ", id="next to a space it goes"),
    pytest.param("\x1aكلمة", "كلمة", id="at the start it goes"),
    pytest.param("a\x0bb", "a b", id="vertical tab between words"),
    pytest.param("a\x85b", "a b", id="C1 next line between words"),
    pytest.param("a\x7f", "a", id="delete at the end"),
]
CONTROL_NOOPS = [
    pytest.param("a\tb", id="tab"),
    pytest.param("سطر\nسطر\r\n", id="line ends"),
]


@pytest.mark.parametrize(("text", "expected"), CONTROL_FIXES)
def test_control_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **only("controls")) == expected


@pytest.mark.parametrize("text", CONTROL_NOOPS)
def test_control_noops(text: str) -> None:
    assert arnorm.clean(text, **only("controls")) == text


RAHIMAHU = "\N{ARABIC LIGATURE RAHIMAHU ALLAAH}"  # a word ligature without an NFKC form
JOINER_FIXES = [
    pytest.param(f"مدر{ZWNJ}سة", "مدرسة", id="ZWNJ between letters"),
    pytest.param(f"مدر{ZWJ}سة", "مدرسة", id="ZWJ between letters"),
    pytest.param(f"بِ{ZWNJ}سم", "بِسم", id="after a haraka"),
    pytest.param(RAHIMAHU + ZWNJ + "في", RAHIMAHU + "في", id="after a ligature"),
]
JOINER_NOOPS = [
    pytest.param("\N{MAN}\N{ZERO WIDTH JOINER}\N{WOMAN}", id="emoji sequence"),
    pytest.param(f"मन{ZWJ}्", id="another script"),
    pytest.param(f"كلمة{ZWNJ} ", id="at the end of a word"),
]


@pytest.mark.parametrize(("text", "expected"), JOINER_FIXES)
def test_joiner_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **only("joiners", "remove")) == expected


@pytest.mark.parametrize("text", JOINER_NOOPS)
def test_joiner_noops(text: str) -> None:
    assert arnorm.clean(text, **only("joiners", "remove")) == text


def test_joiners_can_be_kept_for_persian() -> None:
    text = f"می{ZWNJ}شود"
    assert arnorm.clean(text, joiners="keep") == text


SPACE_FIXES = [
    pytest.param(f"قال{NBSP}الوزير", "قال الوزير", id="NBSP between words"),
    pytest.param("a\u202fb\u2009c\u3000d", "a b c d", id="narrow, thin, ideographic"),
    pytest.param("a\u2028b\u2029c", "a\nb\nc", id="line and paragraph separators"),
    pytest.param(f"10{NBSP}km", "10 km", id="in Latin text too"),
]


@pytest.mark.parametrize(("text", "expected"), SPACE_FIXES)
def test_space_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **only("spaces")) == expected


def test_spaces_are_never_deleted() -> None:
    text = f"قال{NBSP}{NBSP}الوزير"
    assert arnorm.clean(text, **only("spaces")).split() == ["قال", "الوزير"]


def test_lint_names_the_character() -> None:
    [finding] = arnorm.lint(f"قال{RLM}", **only("invisibles"))
    assert (finding.code, finding.name, finding.start, finding.end) == (
        "AR101",
        "invisible-character",
        3,
        4,
    )
    assert "RIGHT-TO-LEFT MARK" in finding.message
