"""Latin punctuation in Arabic text (AR411): , ; ? after an Arabic word become ، ؛ ؟.

Arabic has its own comma, semicolon and question mark. Scraped news has about 46 ASCII commas
per MB right after an Arabic word (88 on SaudiNewsNet), typed on a Latin keyboard layout. The
rule converts them only where the word before is Arabic, so numbers (3,5 and 1,000), Latin
text, URLs and e-mail addresses keep their marks.
"""

from __future__ import annotations

import functools
import re

from arnorm.rules.base import Rule, substitution_rule
from arnorm.rules.context import in_link
from arnorm.script.chars import (
    ARABIC_COMMA,
    ARABIC_MARKS,
    ARABIC_PUNCTUATION,
    ARABIC_QUESTION_MARK,
    ARABIC_SCRIPT_LETTERS,
    ARABIC_SEMICOLON,
    CLOSING_BRACKETS,
    DOUBLE_QUOTES,
    LEFT_GUILLEMET,
    OPENING_BRACKETS,
    RIGHT_GUILLEMET,
    SINGLE_QUOTES,
    char_class,
)

# What may follow a mark that is converted: a space, the end, an Arabic letter, a quotation
# mark, a bracket, or more punctuation ("?!"). A digit or a Latin letter may not: "عام,2018"
# or "ص,ب" are not clearly sentence punctuation.
_FOLLOWERS = (
    DOUBLE_QUOTES
    + SINGLE_QUOTES
    + LEFT_GUILLEMET
    + RIGHT_GUILLEMET
    + OPENING_BRACKETS
    + CLOSING_BRACKETS
    + ".!:,;?\N{HORIZONTAL ELLIPSIS}"
    + ARABIC_COMMA
    + ARABIC_SEMICOLON
    + ARABIC_QUESTION_MARK
)
# What may stand between the Arabic word and the mark: closing quotes and brackets
# ('"روسيا",'), more marks ("لماذا?!?"), and stray spaces ("روسيا ,").
_BETWEEN = DOUBLE_QUOTES + SINGLE_QUOTES + RIGHT_GUILLEMET + CLOSING_BRACKETS + "!,;?"


@functools.cache
def _latin_punctuation() -> re.Pattern[str]:
    letter = char_class(ARABIC_SCRIPT_LETTERS)
    return re.compile(rf"[,;?](?=\s|$|{letter}|{char_class(_FOLLOWERS)})")


# Blanks may stand anywhere among them: the spacing rules may remove them later, and the
# decision must not change when they do ('"روسيا ",' is '"روسيا",' with a stray space).
_SKIPPED_BEFORE = (
    frozenset(_BETWEEN + ARABIC_COMMA + ARABIC_SEMICOLON + ARABIC_QUESTION_MARK + " \t")
    | ARABIC_MARKS
)


def follows_arabic_word(text: str, index: int) -> bool:
    """Whether an Arabic letter precedes `index`, past blanks, closing marks and harakat.

    >>> follows_arabic_word('قالوا" ,', 7), follows_arabic_word("3 ,", 2)
    (True, False)
    """
    i = index - 1
    while i >= 0 and text[i] in _SKIPPED_BEFORE:
        i -= 1
    return i >= 0 and text[i] in ARABIC_SCRIPT_LETTERS


def _arabic_mark(match: re.Match[str]) -> str:
    text, start = match.string, match.start()
    if not follows_arabic_word(text, start) or in_link(text, start):
        return match.group()
    return ARABIC_PUNCTUATION[match.group()]


def use_arabic_punctuation(text: str) -> str:
    """Turn ASCII , ; ? written after an Arabic word into ، ؛ ؟.

    The mark must follow an Arabic letter (harakat, closing quotes and spaces may stand
    between) and be followed by a space, the end, an Arabic letter, a quotation mark, a
    bracket or more punctuation. Left alone: marks between digits (3,5 and 1,000), after a
    Latin word, before a digit or a Latin letter, and inside URLs and e-mail addresses.

    >>> use_arabic_punctuation("روسيا, الصين; الهند? نعم")
    'روسيا، الصين؛ الهند؟ نعم'
    >>> use_arabic_punctuation("العدد 3,5 مليون, أي 1,000 ألف")
    'العدد 3,5 مليون، أي 1,000 ألف'
    >>> use_arabic_punctuation("Paris, London")
    'Paris, London'
    """
    return _latin_punctuation().sub(_arabic_mark, text)


LATIN_PUNCTUATION = substitution_rule(
    code="AR411",
    name="latin-punctuation",
    message="Latin punctuation after an Arabic word: use the Arabic mark",
    doc="""
## What it does
Turns an ASCII comma, semicolon or question mark that follows an Arabic word into the Arabic
comma, semicolon or question mark (، ؛ ؟). Harakat, closing quotes or brackets and stray
spaces may stand between the word and the mark; after the mark must come a space, the end of
the text, an Arabic letter, a quotation mark, a bracket or more punctuation.

Left alone: marks between digits (3,5 and 1,000), after a Latin word, before a digit or a
Latin letter, and inside URLs and e-mail addresses.

## Why
Arabic text typed on a Latin keyboard layout carries ASCII commas: about 46 per MB of scraped
news (88 on SaudiNewsNet), against 4,360 Arabic commas. Tokenizers, sentence splitters and
search treat the two differently, and the Latin comma looks wrong in right-to-left text.

## Example
`روسيا, الصين` becomes `روسيا، الصين`; `هل انتهى?` becomes `هل انتهى؟`;
`العدد 3,5 مليون` is unchanged.

## Fix safety
Safe: the mark keeps its meaning.
""",
    enabled=lambda config: config.punctuation,
    pattern=lambda config: _latin_punctuation(),
    replace=lambda match, config: _arabic_mark(match),
    fix=use_arabic_punctuation,
    note=lambda match: (
        f"ASCII {match.group()!r} after an Arabic word: use {ARABIC_PUNCTUATION[match.group()]}"
    ),
    # The engine skips the rule on lines without one of them (a scan it makes anyway).
    trigger=lambda config: frozenset(ARABIC_PUNCTUATION),
)

RULES: tuple[Rule, ...] = (LATIN_PUNCTUATION,)
