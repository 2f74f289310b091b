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
    pytest.param("قال soft\u00adhyphen", "قال softhyphen", id="soft hyphen on an Arabic line"),
    pytest.param("ب a\u2066b\u2069c", "ب abc", id="isolates"),
    pytest.param("x\u061cy ب", "xy ب", id="arabic letter mark"),
]
INVISIBLE_NOOPS = [
    pytest.param(f"{BOM}قال", id="BOM at the very start"),
    pytest.param("\u0600\u0661", id="arabic number sign renders"),
    pytest.param(
        "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", id="tag flag"
    ),
    pytest.param(f"مدر{ZWNJ}سة", id="joiners are another rule"),
    pytest.param("قال الوزير", id="plain text"),
    pytest.param("soft\u00adhyphen", id="soft hyphen in Latin"),
    pytest.param("قال\nsoft\u00adhyphen\u200e\n", id="on a Latin line of an Arabic text"),
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
    pytest.param("a\x81b", "a b", id="C1 undefined in windows-1252 between words"),
    pytest.param("a\x9d\x90", "a", id="C1 undefined in windows-1252 at the end"),
    pytest.param("a\x7f", "a", id="delete at the end"),
]
CONTROL_NOOPS = [
    pytest.param("a\tb", id="tab"),
    pytest.param("سطر\nسطر\r\n", id="line ends"),
]


C1_FIXES = [
    pytest.param(
        "He said \x93hi\x94 \x96 ok\x85", "He said \u201chi\u201d \u2013 ok\u2026", id="latin"
    ),
    pytest.param("parl\xe9\x85", "parl\xe9\u2026", id="ftfy's C1 case"),
    pytest.param("\x80 5 \x97 \x91x\x92", "\u20ac 5 \u2014 \u2018x\u2019", id="euro, dash, quotes"),
    pytest.param("قال\x85", "قال\u2026", id="in Arabic too"),
    pytest.param("a\x85b", "a\u2026b", id="U+0085 is the ellipsis, as in ftfy"),
]


@pytest.mark.parametrize(("text", "expected"), C1_FIXES)
def test_c1_controls_are_repaired_not_deleted(text: str, expected: str) -> None:
    assert arnorm.clean(text, **only("controls")) == expected
    assert {f.code for f in arnorm.lint(text, **only("controls"))} == {"AR108"}


def test_every_c1_control_is_repaired_or_is_undefined_in_windows_1252() -> None:
    for point in range(0x80, 0xA0):
        ch = chr(point)
        fixed = arnorm.clean(f"a{ch}b", **only("controls"))
        try:
            expected = f"a{bytes([point]).decode('cp1252')}b"
        except UnicodeDecodeError:
            expected = "a b"
        assert fixed == expected, hex(point)


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
    pytest.param("ا\u202fب\u2009ج\u3000د", "ا ب ج د", id="narrow, thin, ideographic"),
    pytest.param("ا\u2028ب\u2029ج", "ا\nب\nج", id="line and paragraph separators"),
    pytest.param(f"بلغ 10{NBSP}000", "بلغ 10 000", id="the nearest letter before is Arabic"),
    pytest.param(f"Paris{NBSP}: قال", "Paris : قال", id="the nearest letter after is Arabic"),
]
SPACE_NOOPS = [
    pytest.param(f"Il a dit{NBSP}: «{NBSP}bonjour{NBSP}»", id="French typography"),
    pytest.param(f"قال: Il a dit{NBSP}: «\u202fbonjour\u2009»", id="French on an Arabic line"),
    pytest.param(f"SELK\u00c4{NBSP}EDELL\u00c4", id="Finnish"),
    pytest.param(f"قال\n</URL>{NBSP}\n", id="a Latin line of an Arabic text"),
    pytest.param(f"10{NBSP}km", id="Latin text"),
    pytest.param(f"قال\n2018{NBSP}03\n", id="no letter on the line"),
]


@pytest.mark.parametrize("text", SPACE_NOOPS)
def test_spaces_of_latin_text_are_kept(text: str) -> None:
    assert arnorm.clean(text, **only("spaces")) == text
    assert arnorm.clean(text) == text


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
