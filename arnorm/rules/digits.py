"""Digit systems (AR304).

Arabic text writes numbers in ASCII digits (0-9) or Arabic-Indic digits (٠-٩); Persian and
Urdu use the Extended Arabic-Indic digits (۰-۹), which look alike for most digits and are
different characters. Text typed on a Persian keyboard puts those in Arabic text, where no
search for ٤٥ finds ۴۵. This module puts each number in one system, chosen by the config.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from arnorm.config import Config
from arnorm.edits import Edit, apply_edits
from arnorm.rules.base import Rule
from arnorm.script.chars import (
    ARABIC_INDIC_DIGITS,
    ARABIC_LETTERS,
    ARABIC_MARKS,
    ASCII_DIGITS,
    PERSIAN_DIGITS,
    PRESENTATION_LETTERS,
    SPACED_PUNCTUATION,
    TATWEEL,
    WORD_LIGATURES,
    char_class,
)
from arnorm.script.passages import persian_passages

#: How far (in characters, within the line) to look for the letters around a number.
CONTEXT_REACH = 64

_ALL_DIGITS = ASCII_DIGITS + ARABIC_INDIC_DIGITS + PERSIAN_DIGITS
_ARABIC_SCRIPT_LETTERS = ARABIC_LETTERS | PRESENTATION_LETTERS | WORD_LIGATURES | {TATWEEL}
# Which characters each mode rewrites (the trigger), and into which digits.
_SOURCES = {"keep": PERSIAN_DIGITS, "ascii": ARABIC_INDIC_DIGITS + PERSIAN_DIGITS}
_SOURCES["arabic-indic"] = ASCII_DIGITS + PERSIAN_DIGITS


@functools.cache
def _number() -> re.Pattern[str]:
    """Digits of any system, joined by single separators (3.5, 12,500, 2018/03/01, 12:30)."""
    digits = char_class(_ALL_DIGITS) + "+"
    return re.compile(f"{digits}(?:[.,:/\\-\N{ARABIC DECIMAL SEPARATOR}]{digits})*")


@functools.cache
def _trigger(mode: str) -> re.Pattern[str]:
    return re.compile(char_class(_SOURCES[mode]))


@functools.cache
def _to(system: str) -> dict[int, str]:
    return {ord(d): system[i % 10] for i, d in enumerate(_ALL_DIGITS)}


def _nearest_letter(chars: Iterable[str]) -> tuple[int, bool]:
    """The distance to the first letter in `chars`, and whether it is Arabic (or -1).

    Marks and spaces (other than a line break) take no room: the distance is the same with or
    without them, so dropping a stray mark (AR302) or the spacing rules (AR421, AR422: "في ۰،A"
    becomes "في ۰، A") never change which letter is nearest.
    """
    distance = 0
    for ch in chars:
        if ch in ARABIC_MARKS or (ch.isspace() and ch != "\n"):
            continue
        if ch == "\n" or distance > CONTEXT_REACH:
            break
        if ch.isalpha():
            return distance, ch in _ARABIC_SCRIPT_LETTERS
        distance += 1
    return -1, False


@functools.cache
def _word_break() -> re.Pattern[str]:
    """What ends the word around a number: a space, or punctuation that AR411 and AR422 may
    rewrite or space (so the word is the same before and after them)."""
    return re.compile(r"\s|" + char_class(SPACED_PUNCTUATION))


def _foreign_token(text: str, start: int, end: int) -> bool:
    """Whether the word around the number holds a letter of another script (F-16, mp3)."""
    before = _word_break().split(text[max(0, start - CONTEXT_REACH) : start])[-1]
    after = _word_break().split(text[end : end + CONTEXT_REACH], maxsplit=1)[0]
    return any(ch.isalpha() and ch not in _ARABIC_SCRIPT_LETTERS for ch in before + after)


def in_arabic_text(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is in Arabic text.

    It is when the nearest letter on its line (within :data:`CONTEXT_REACH` characters) is an
    Arabic one, strictly nearer than any other letter, and no letter of another script is
    glued to it: "سعر 12 دولارا" is Arabic, "iPhone 12" and "F-16" are not, nor is a line
    of numbers alone.

    >>> in_arabic_text("سعر 12 دولارا", 4, 6), in_arabic_text("قال iPhone 12 جديد", 11, 13)
    (True, False)
    """
    reach = CONTEXT_REACH * 8  # room for marks, still a bound on the work per number
    left = _nearest_letter(reversed(text[max(0, start - reach) : start]))
    right = _nearest_letter(text[end : end + reach])
    found = [hit for hit in (left, right) if hit[0] >= 0]
    if not found:
        return False
    _, arabic = min(found, key=lambda hit: (hit[0], hit[1]))
    return arabic and not _foreign_token(text, start, end)


def _target(number: str, mode: str) -> str:
    """The digit system a number is written in, in `mode`; never a mix."""
    if mode == "ascii":
        return ASCII_DIGITS
    ascii_digits = sum(ch in ASCII_DIGITS for ch in number)
    if mode == "keep" and ascii_digits * 2 > sum(ch in _ALL_DIGITS for ch in number):
        return ASCII_DIGITS  # mostly ASCII already: the Persian digits join them
    return ARABIC_INDIC_DIGITS


def find_digit_systems(text: str, config: Config) -> Iterator[Edit]:
    """Edits that write each number in the system `config.digits` asks for."""
    mode = config.digits
    if not _trigger(mode).search(text):
        return
    passages = persian_passages(text) if mode != "ascii" else []
    for match in _number().finditer(text):
        number, start, end = match.group(), match.start(), match.end()
        if not _trigger(mode).search(number):
            continue
        if mode != "ascii" and not _arabic_context(text, start, end, passages):
            continue
        converted = number.translate(_to(_target(number, mode)))
        if converted != number:
            yield Edit(start, end, converted, "AR304", True, f"digits: write {mode}")


def _arabic_context(text: str, start: int, end: int, passages: list[tuple[int, int]]) -> bool:
    in_passage = any(lo <= start and end <= hi for lo, hi in passages)
    return not in_passage and in_arabic_text(text, start, end)


@functools.cache
def _eastern_digit() -> re.Pattern[str]:
    return re.compile(char_class(_SOURCES["ascii"]))


def _fix_digits(text: str, config: Config) -> str:
    if config.digits == "ascii":  # every digit on its own: 4x faster than number by number
        table = _to(ASCII_DIGITS)
        return _eastern_digit().sub(lambda match: table[ord(match.group())], text)
    return apply_edits(text, find_digit_systems(text, config))


DIGIT_SYSTEM = Rule(
    code="AR304",
    name="digit-system",
    message="Digits of another system",
    doc="""
## What it does
Writes each number in one digit system, chosen by `digits`. `"keep"` (the default) keeps the
writer's choice between ASCII and Arabic-Indic digits and rewrites the Persian digits
`۰-۹` of a number in Arabic text as `٠-٩` (or as `0-9` when most of that number's digits are
ASCII). `"arabic-indic"` writes every number in Arabic text with `٠-٩`; `"ascii"` (the search
preset) writes every number with `0-9`, wherever it is. A number is digits joined by single
separators (`3.5`, `12,500`, `2018/03/01`), and it is never left mixing systems. It is in
Arabic text when the nearest letter on its line, within 64 characters, is an Arabic one
(strictly nearer than any other letter), no Latin or other letter is glued to it (`F-16`,
`mp3`), and it is not in a Persian passage (see AR201). Separators are left as they are.

## Why
Persian keyboards type Persian digits, which differ from Arabic-Indic ones in code point (and
for 4, 5, 6 in shape): `۲۰۱۵` in Arabic text matches no search for `٢٠١٥`. A search index
wants one system for all numbers, whatever the script around them.

## Example
`عام ۱۴۳۶هـ` becomes `عام ١٤٣٦هـ`; with `digits = "ascii"`, `١٤٣٦` becomes `1436`.

## Fix safety
Safe: every number keeps its value.
""",
    safe=True,
    enabled=lambda config: config.digits != "off",
    find=find_digit_systems,
    fast=_fix_digits,
    trigger=lambda config: frozenset(_SOURCES[config.digits]),
)

RULES: tuple[Rule, ...] = (DIGIT_SYSTEM,)
