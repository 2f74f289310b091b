"""Character tables are derived from Unicode and complete (phenomenon: character facts)."""

from __future__ import annotations

import unicodedata

from arnorm.script.chars import (
    ARABIC_MARKS,
    CONTROLS,
    EXOTIC_SPACES,
    FORMAT_AND_SPACE_BLOCKS,
    INVISIBLE_FORMAT,
    PRESENTATION_FORMS,
)


def test_scanned_blocks_hold_every_format_and_separator_character() -> None:
    wanted = {"Cf", "Zs", "Zl", "Zp"}
    missing = [
        f"U+{point:04X}"
        for point in range(0x110000)
        if unicodedata.category(chr(point)) in wanted
        and not any(lo <= point <= hi for lo, hi in FORMAT_AND_SPACE_BLOCKS)
    ]
    assert missing == []


def test_arabic_marks_cover_harakat_quranic_signs_and_dagger_alef() -> None:
    for name in (
        "ARABIC FATHATAN",
        "ARABIC SUKUN",
        "ARABIC SHADDA",
        "ARABIC LETTER SUPERSCRIPT ALEF",
        "ARABIC HAMZA ABOVE",
        "ARABIC SMALL HIGH ROUNDED ZERO",
        "ARABIC SMALL HIGH SEEN",
    ):
        assert unicodedata.lookup(name) in ARABIC_MARKS, name
    assert len(ARABIC_MARKS) > 80  # a hand-typed list of 9 harakat misses most of them


def test_invisibles_and_controls() -> None:
    for ch in "\u200b\u200e\u200f\u061c\u202a\u202e\u2066\u2069\u00ad\u2060\ufeff":
        assert ch in INVISIBLE_FORMAT, hex(ord(ch))
    for ch in "\u200c\u200d\u0600\u06dd\U000e0067":
        assert ch not in INVISIBLE_FORMAT, hex(ord(ch))
    assert "\x1a" in CONTROLS
    assert not {"\t", "\n", "\r"} & CONTROLS


def test_spaces_and_presentation_forms() -> None:
    assert {"\u00a0", "\u202f", "\u2009", "\u3000"} <= EXOTIC_SPACES
    assert " " not in EXOTIC_SPACES
    assert {"\ufef7", "\ufe8d", "\ufdf2"} <= PRESENTATION_FORMS
