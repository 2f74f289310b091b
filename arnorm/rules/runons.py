"""Run-on words: spaces lost between Arabic words (AR501) and between words and numbers (AR502).

Bad HTML extraction glues words together where a tag or a line break stood: a headline to the
article, a caption to the text, two items of a list ("الحكومةالجديدة"). The splitter
(:mod:`arnorm.splitter.segmenter`) decides with word frequencies and clitic morphology; this
module turns its decisions into edits, one inserted space each.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from arnorm.config import Config
from arnorm.edits import Edit
from arnorm.rules.base import Rule, substitution_rule
from arnorm.rules.context import on_lines_having
from arnorm.script.chars import (
    ARABIC_INDIC_DIGITS,
    ARABIC_MARKS,
    PERSIAN_DIGITS,
    TATWEEL,
    char_class,
)
from arnorm.script.passages import crosses, persian_passages_near
from arnorm.splitter.configured import is_safe, run_on_splits, segmenter_of
from arnorm.splitter.runs import Run, run_pattern
from arnorm.splitter.segmenter import RunSplit, document_of


def split_runons(text: str, config: Config) -> str:
    """Insert a space wherever the splitter finds run-together words.

    >>> from arnorm.config import CLEAN
    >>> split_runons("قال إنالتهديداتالأمنية تتزايد", CLEAN)
    'قال إن التهديدات الأمنية تتزايد'
    """
    points = segmenter_of(config).split_points(text, document_of(text))
    if not points:
        return text  # most lines: no passage to look for (that would cost more than the split)
    passages = persian_passages_near(text, points)
    points = [point for point in points if not crosses(passages, point)]
    bounds = [0, *points, len(text)]
    return " ".join(text[i:j] for i, j in itertools.pairwise(bounds))


def _note(split: RunSplit) -> str:
    return (
        f"run-on words {' + '.join(split.pieces)}: {split.score:.1f} as "
        f"{len(split.pieces)} words against {split.whole:.1f} as one (log10)"
    )


def find_runons(text: str, config: Config) -> Iterator[Edit]:
    for split in run_on_splits(text, config):
        note = _note(split)
        for point in split.points:
            yield Edit(point, point, " ", RUN_ON_WORD.code, is_safe(split), note)


RUN_ON_WORD = Rule(
    code="AR501",
    name="run-on-word",
    message="Words run together: insert a space",
    doc="""
## What it does
Inserts a space inside a run of Arabic letters that is two or more words glued together
(`كورياالشمالية`, `بفضلالمفاوضات`), and nowhere else: not in a Persian passage (see AR201),
since its dictionary is Arabic, and not in a run that the text holds twice or more unless the
split is sure (a word is written again; an accident rarely glues the same words twice). It
weighs the most probable split of the run against the run as one word, with wordfreq's Arabic
frequencies, clitic morphology (و ف ب ل ك س ال, number and verb endings, the object pronouns)
and where the lost space was; see docs/splitter.md. Harakat and tatweel stay where they
were; nothing but spaces is added.

## Why
Bad HTML extraction drops the space where a tag or line break stood: headlines, captions and
lists glued to the text. Real news has 10 to 17 such run-ons per MB, among some 400 tokens per
MB that a naive dictionary splitter would cut wrongly (transliterated names such as شوانغجيانغ,
clitic forms such as وبتسامحهم). Run-ons break search, counting and every model trained on the text.

## Example
`أكدت كورياالشمالية بفضلالمفاوضات` becomes `أكدت كوريا الشمالية بفضل المفاوضات`;
`شوانغجيانغ` and `وبفضل` stay whole.

## Fix safety
A split is safe when the left piece ends in ة or ى (such a letter inside a word means a lost
space) or when the split is at least 1,000 times more probable than the run as one word
(`SAFE_MARGIN` = 3 in log10); other splits are unsafe and need `--unsafe-fixes`. On the dev
sets the safe splits have a precision of 0.9955, 3,999 of 4,017 spaces
(`benchmarks/safe_precision.py`, docs/splitter.md).
""",
    safe=False,
    enabled=lambda config: config.split_runons,
    find=find_runons,
    fast=split_runons,
)

# --- words glued to numbers ---------------------------------------------------------------

#: A word glued to a number is split off only if it is listed at least this frequent (or is a
#: clitic form of such a word): a rarer "word" may be a brand or a code (فرانس24, إتش5).
DIGIT_GLUE_ZIPF = 3.0
DIGITS = "0123456789" + ARABIC_INDIC_DIGITS + PERSIAN_DIGITS
_MARKS = "".join(sorted(ARABIC_MARKS))


@functools.cache
def _word_and_number() -> re.Pattern[str]:
    letters = run_pattern().pattern[:-1]  # the character class of a run of Arabic letters
    digit = char_class(DIGITS)
    return re.compile(f"(?<!{letters}){letters}+(?={digit})|(?<={digit}){letters}+")


def _is_word(word: str, config: Config) -> bool:
    """A listed word (or clitic form) of two letters or more, not a bare proclitic (ب ال)."""
    segmenter = segmenter_of(config)
    key = Run.read(word, segmenter.spelling).key
    if len(key) < 2 or key in segmenter.clitics.proclitics:
        return False
    reading = segmenter.clitics.best(key)
    zipf = max(segmenter.lexicon.key_zipf(key), reading.logp + 9.0 if reading else 0.0)
    return zipf >= DIGIT_GLUE_ZIPF


def _space_from_number(match: re.Match[str], config: Config) -> str:
    """The word with a space on each side where a number touches it (both sides at once, so
    that a word between two numbers is done in one pass)."""
    word, text, start, end = match.group(), match.string, match.start(), match.end()
    if not _is_word(word, config):
        return word  # ب2015, ال18, 2018م, 1436هـ: a proclitic or a one-letter abbreviation
    after_number = start > 0 and text[start - 1] in DIGITS
    before_number = end < len(text) and text[end] in DIGITS
    # بـ20 and الـ76 are written that way on purpose; marks may ride on that tatweel
    on_purpose = word.rstrip(_MARKS).endswith(TATWEEL)
    return " " * after_number + word + " " * (before_number and not on_purpose)


def _separate_words_from_numbers(text: str, config: Config) -> str:
    """Put a space between a listed Arabic word and a number glued to it.

    Conventional glue stays: a proclitic or the article before a number (ب2015, ال18), tatweel
    before a number (بـ20, الـ76), a one-letter abbreviation after one (2018م, 1436هـ).

    >>> from arnorm.config import CLEAN
    >>> _separate_words_from_numbers("في عام2015 قتل 11شخصا", CLEAN)
    'في عام 2015 قتل 11 شخصا'
    >>> _separate_words_from_numbers("بـ20 و2018م وال18", CLEAN)
    'بـ20 و2018م وال18'
    """
    return _word_and_number().sub(lambda match: _space_from_number(match, config), text)


@functools.cache
def _glue() -> re.Pattern[str]:
    letter = run_pattern().pattern[:-1]
    digit = char_class(DIGITS)  # first: digits are rarer than letters, so the scan is quick
    return re.compile(f"{digit}(?:(?={letter})|(?<={letter}{digit}))")


WORD_GLUED_TO_NUMBER = substitution_rule(
    code="AR502",
    name="word-glued-to-number",
    message="A word glued to a number: insert a space",
    doc="""
## What it does
Inserts a space between an Arabic word and a number written against it (`عام2015`,
`11شخصا`), when the word is a listed word or a clitic form of one (Zipf 3 or more).

## Why
Scraped news has about 118 digits glued to an Arabic letter per MB. Most of that glue is
conventional and stays: a proclitic or the article before a number (`ب2015`, `ال18`), tatweel
before a number (`بـ20`, `الـ76`), a one-letter abbreviation after one (`2018م`, `1436هـ`).
What remains is a lost space, which breaks search and tokenization of both the word and the
number.

## Example
`في عام2015 قتل 11شخصا` becomes `في عام 2015 قتل 11 شخصا`; `بـ20` and `2018م` stay.

## Fix safety
Unsafe: brands and codes glue words to numbers on purpose (فرانس24), and a listed word may be
part of one. Apply with `--unsafe-fixes` after a look at the diff.
""",
    enabled=lambda config: config.split_runons,
    pattern=lambda config: _word_and_number(),
    replace=_space_from_number,
    safe=False,
    note=lambda match: f"{match.group()!r} glued to a number",
)
# The test for glue runs at ten times the speed of the pattern: a document goes through the
# pattern on its lines with glue only (a word or a number never runs across a line break).
WORD_GLUED_TO_NUMBER = on_lines_having(_glue, WORD_GLUED_TO_NUMBER)

RULES: tuple[Rule, ...] = (RUN_ON_WORD, WORD_GLUED_TO_NUMBER)
