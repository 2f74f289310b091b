"""Tatweel and diacritics (AR301, AR302, AR303).

Tatweel (kashida) stretches a word; harakat, shadda, tanween and the Quranic signs sit on its
letters. Both are legitimate, so the clean preset keeps them and only repairs what is broken:
a kashida between two letters, a mark typed twice or with no letter under it. The search
preset strips them, because a query is typed without them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from arnorm.config import Config
from arnorm.edits import Edit
from arnorm.rules.base import Rule, substitution_rule, with_fast
from arnorm.script.chars import (
    ARABIC_LETTERS,
    ARABIC_MARKS,
    COMBINING_HAMZA_AND_MADDA,
    DOTTED_CIRCLE,
    PRESENTATION_FORMS,
    PRESENTATION_LETTERS,
    SHADDA,
    TATWEEL,
    WORD_LIGATURES,
    char_class,
    describe,
)
from arnorm.script.hamza import absorbed_mark

#: Letters a kashida stretches between (presentation forms count, for text not unfolded yet).
_LETTERS = ARABIC_LETTERS | PRESENTATION_LETTERS
#: What an Arabic mark may sit on: a letter, a tatweel, a presentation form, or DOTTED CIRCLE
#: (the conventional base for showing a mark on its own).
MARK_BASES = ARABIC_LETTERS | PRESENTATION_FORMS | WORD_LIGATURES | {TATWEEL, DOTTED_CIRCLE}

# --- tatweel (AR301) ------------------------------------------------------------------------


@functools.cache
def _tatweel_run() -> re.Pattern[str]:
    """A tatweel and the tatweels and marks that follow it (the marks ride on the tatweel)."""
    return re.compile(TATWEEL + char_class(ARABIC_MARKS | {TATWEEL}) + "*")


def _letter_before(text: str, start: int) -> int:
    """The index of the letter that stands before `start`, marks aside (-1 if none does)."""
    i = start - 1
    while i >= 0 and text[i] in ARABIC_MARKS:
        i -= 1
    return i if i >= 0 and text[i] in _LETTERS else -1


def _decorative(match: re.Match[str]) -> str:
    """The run without its decoration: gone between letters, a single tatweel elsewhere."""
    text, start, end = match.string, match.start(), match.end()
    run = match.group()
    marks = run.replace(TATWEEL, "")
    letter = _letter_before(text, start)
    if letter < 0:
        return run
    if end < len(text) and text[end] in _LETTERS:
        return run if marks and _marks_clash(text[letter:start], marks) else marks
    return TATWEEL + marks if len(run) - len(marks) > 1 else run


def _marks_clash(letter: str, marks: str) -> bool:
    """Whether the letter (with its marks) and the tatweel after it both carry a mark: moving
    the tatweel's marks to the letter would stack them. Read as the text is: when a later rule
    takes a mark away (AR303 strips it, AR106 joins a hamza into its letter), the engine's
    next pass finds no clash and removes the kashida then."""
    return not ARABIC_MARKS.isdisjoint(letter) and not ARABIC_MARKS.isdisjoint(marks)


def _stripped(match: re.Match[str]) -> str:
    """The run without tatweel; its marks go to the letter before, or go with no letter."""
    if _letter_before(match.string, match.start()) < 0:
        return ""
    return match.group().replace(TATWEEL, "")


def _tatweel_fix(match: re.Match[str], config: Config) -> str:
    return _stripped(match) if config.tatweel == "strip" else _decorative(match)


def _remove_decorative_tatweel(text: str) -> str:
    """Remove kashida between two letters; keep the tatweel that Arabic writes on purpose.

    Before a digit, a Latin letter, a quote, a bracket, a space or the end of the text,
    tatweel marks an attached prefix or an abbreviation (الـ15, بـ30, لـ"…", بـBBC, 1440هـ):
    it stays, a run of them shortened to one. A mark on a removed tatweel goes to the letter
    before it, unless that letter has marks of its own (then the run stays, as the marks
    would clash). A tatweel with no letter before it (ـه, a line of ـــ) is not a kashida.

    >>> _remove_decorative_tatweel("جـــميل الـ15 بــ30 1440هـ")
    'جميل الـ15 بـ30 1440هـ'
    >>> _remove_decorative_tatweel("يـ\N{ARABIC DAMMA}كتب") == "ي\N{ARABIC DAMMA}كتب"
    True
    """
    return _tatweel_run().sub(_decorative, text)


def strip_tatweel(text: str) -> str:
    """Remove every tatweel (search). Marks on a tatweel after a letter stay on that letter.

    >>> strip_tatweel("جـــميل الـ15")
    'جميل ال15'
    """
    return _tatweel_run().sub(_stripped, text)


def _fix_tatweel(text: str, config: Config) -> str:
    """The fast path of AR301: one substitution with the mode's replacement, not the mode
    read again at each match."""
    return strip_tatweel(text) if config.tatweel == "strip" else _remove_decorative_tatweel(text)


# --- diacritic repairs (AR302) --------------------------------------------------------------


@functools.cache
def _marks() -> re.Pattern[str]:
    return re.compile(char_class(ARABIC_MARKS) + "+")


def _order_key(mark: str) -> int:
    """Canonical combining class, with the harakat, tanween, shadda and sukun as one class.

    Unicode puts fatha (class 30) before shadda (33), but Arabic is typed shadda first as
    often as not, and both orders render alike: merging those classes keeps either order.
    """
    combining = unicodedata.combining(mark)
    return 30 if 27 <= combining <= 34 else combining


def order_marks(marks: str) -> str:
    """`marks` in canonical order, with shadda and the harakat left in the order typed.

    >>> fatha, shadda, hamza = "\N{ARABIC FATHA}", "\N{ARABIC SHADDA}", "\N{ARABIC HAMZA ABOVE}"
    >>> order_marks(hamza + fatha) == fatha + hamza
    True
    >>> order_marks(shadda + fatha) == shadda + fatha, order_marks(fatha + shadda) == fatha + shadda
    (True, True)
    """
    if len(marks) < 2:
        return marks
    out: list[str] = []
    pending: list[str] = []
    for mark in marks:
        if unicodedata.combining(mark) == 0:  # a starter: nothing moves across it
            out.extend(sorted(pending, key=_order_key))
            out.append(mark)
            pending = []
        else:
            pending.append(mark)
    out.extend(sorted(pending, key=_order_key))
    return "".join(out)


def _repaired(match: re.Match[str]) -> str:
    text, start = match.string, match.start()
    if start == 0 or text[start - 1] not in MARK_BASES:
        return ""
    marks = match.group()
    if len(marks) == 1:
        return marks
    return order_marks("".join(dict.fromkeys(marks)))


def _repair_note(match: re.Match[str]) -> str:
    text, start = match.string, match.start()
    if start == 0 or text[start - 1] not in MARK_BASES:
        return f"{describe(match.group()[0])} with no letter under it"
    if len(set(match.group())) < len(match.group()):
        return "the same mark twice on one letter"
    return "marks out of canonical order"


def find_diacritic_repairs(text: str, config: Config) -> Iterator[Edit]:
    """Edits for marks typed twice, marks with no letter, marks out of order."""
    for match in _marks().finditer(text):
        repaired = _repaired(match)
        if repaired != match.group():
            safe = repaired != ""
            note = _repair_note(match)
            yield Edit(match.start(), match.end(), repaired, "AR302", safe, note)


def _fix_diacritics(text: str, config: Config) -> str:
    """Drop a mark repeated on one letter and marks with no letter; put marks in order (the
    same under both modes that repair, so the config is not read)."""
    return _marks().sub(_repaired, text)


# --- diacritic stripping (AR303) ------------------------------------------------------------


def _strip_run(match: re.Match[str], keep_shadda: bool) -> str:
    """What is left of a run of marks: the shadda (keep-shadda), and a hamza or madda that NFC
    would join to the letter before, which is part of that letter, not a vowel sign."""
    marks, start = match.group(), match.start()
    hamza = None
    if start > 0 and not COMBINING_HAMZA_AND_MADDA.isdisjoint(marks):
        hamza = absorbed_mark(match.string[start - 1], marks)
    if hamza is None:
        return SHADDA * marks.count(SHADDA) if keep_shadda else ""
    return "".join(m for i, m in enumerate(marks) if i == hamza or (keep_shadda and m == SHADDA))


def strip_diacritics(text: str) -> str:
    """Remove every Arabic combining mark: harakat, tanween, shadda, sukun, the dagger alef
    and the Quranic signs. A combining hamza or madda that makes a letter (ا + U+0654 is أ)
    stays; one on any other letter goes.

    >>> strip_diacritics("بِفَضْلِ هٰذا")
    'بفضل هذا'
    """
    if any(ch in text for ch in COMBINING_HAMZA_AND_MADDA):
        return _marks().sub(lambda match: _strip_run(match, keep_shadda=False), text)
    return _marks().sub("", text)  # nothing to keep: a plain substitution is 3x faster


def _fix_strip(text: str, config: Config) -> str:
    if config.diacritics == "keep-shadda":
        return _marks().sub(lambda match: _strip_run(match, keep_shadda=True), text)
    return strip_diacritics(text)


# --- the rules ------------------------------------------------------------------------------

TATWEEL_RULE = with_fast(
    _fix_tatweel,
    substitution_rule(
        code="AR301",
        name="tatweel",
        message="Decorative tatweel (kashida)",
        doc="""
## What it does
With `tatweel = "decorative"` (the default), removes tatweel (U+0640) between two letters
(`جـــميل` becomes `جميل`) and keeps the tatweel Arabic writes on purpose, before a digit, a
Latin letter, a quote, a bracket, a space or the end of the text (`الـ15`, `بـ30`, `لـ"…"`,
`1440هـ`), where a run of them is shortened to one. A tatweel with no letter before it
(`ـه` in grammar, a line drawn with `ــــ`) is kept whole. A mark on a removed tatweel goes to
the letter before it (`يـُكتب` becomes `يُكتب`), unless that letter already has marks: then
the run stays, since the marks would clash. With `"strip"` (the search preset) every tatweel
goes; its marks go to the letter before, or go with it when no letter stands before. `"off"`
keeps everything.

## Why
Scraped news has about 190 tatweel per MB. Three in four are the legitimate prefix use, which
a blind `strip_tatweel` turns into `ال15` and `ب30`; the kashida between letters (22 runs per
MB) only stretches a word and hides it from search.

## Example
`جـــميل الـ15 بــ30` becomes `جميل الـ15 بـ30`.

## Fix safety
Safe: the letters and marks are all kept.
""",
        enabled=lambda config: config.tatweel != "off",
        pattern=lambda config: _tatweel_run(),
        replace=_tatweel_fix,
        trigger=lambda config: frozenset(TATWEEL),
        note=lambda match: "tatweel",
    ),
)

DIACRITIC_REPAIR = Rule(
    code="AR302",
    name="diacritic-repair",
    message="Broken diacritics",
    doc="""
## What it does
With `diacritics = "keep"` (the default) or `"keep-shadda"`, repairs marks without removing
the ones that carry meaning: a mark typed twice on one letter is kept once (`بَّّ` becomes
`بَّ`), marks with no letter under them (after a space, a digit, at the start) are dropped,
and the marks of a letter are put in canonical order, except that shadda and the harakat
keep the order they were typed in. A mark may sit on a letter, a tatweel, a presentation
form, or U+25CC DOTTED CIRCLE (the conventional way to show a mark on its own).

## Why
Unicode's canonical order puts fatha before shadda, but correct Arabic is typed both ways:
reordering them would change 11 of the 2,983 correct lines of the dev set, and 19 of 5,442
raw news lines, for no visible difference. Merging the classes of harakat, tanween, shadda
and sukun changes none of them. A doubled mark or one with no letter is always a typing
error, and breaks comparison of otherwise equal words.

## Example
`بَّّ` becomes `بَّ`; `كتاب ٌ` becomes `كتاب `.

## Fix safety
Safe, except dropping a mark with no letter, which is unsafe: the writer meant it for some
letter, and the fix cannot know which.
""",
    safe=True,
    enabled=lambda config: config.diacritics in ("keep", "keep-shadda"),
    find=find_diacritic_repairs,
    fast=_fix_diacritics,
    trigger=lambda config: ARABIC_MARKS,
)

DIACRITIC_STRIP = with_fast(
    _fix_strip,
    substitution_rule(
        code="AR303",
        name="diacritic-strip",
        message="Diacritics: strip",
        doc="""
## What it does
With `diacritics = "strip"` (the search preset), removes every Arabic combining mark: the
harakat, tanween, shadda and sukun, the dagger alef (U+0670) and the Quranic annotation
signs, all derived from Unicode (category Mn in the Arabic blocks). With `"keep-shadda"` the
shadda stays. The dagger alef goes like a haraka, so `هٰذا` and `الرحمٰن` become `هذا` and
`الرحمن`, their usual spelling. A combining hamza or madda (U+0653-U+0655) that NFC would join
to the letter before it is part of that letter (`ا` + U+0654 is `أ`) and stays; AR106 composes
it when on. Elsewhere (a Quranic madda on a waw) it goes like any mark.

## Why
Search queries are typed without harakat, so an index must strip them; a 9-character list of
harakat misses the other marks. PyArabic's `strip_tashkeel` gives the same result on harakat,
tanween, shadda and sukun, and leaves the dagger alef and the Quranic signs.

## Example
With `diacritics = "strip"`: `بِفَضْلِ` becomes `بفضل`; with `"keep-shadda"`: `مُحَمَّد` becomes
`محمّد`.

## Fix safety
Safe when asked for: the marks are removed by design, for search.
""",
        enabled=lambda config: config.diacritics in ("strip", "keep-shadda"),
        pattern=lambda config: _marks(),
        replace=lambda match, config: _strip_run(match, config.diacritics == "keep-shadda"),
        trigger=lambda config: ARABIC_MARKS,
        note=lambda match: "diacritics",
    ),
)

RULES: tuple[Rule, ...] = (TATWEEL_RULE, DIACRITIC_REPAIR, DIACRITIC_STRIP)
