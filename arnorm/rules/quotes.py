"""Quotation marks (AR401): straight and English quotes around Arabic become « ».

Scraped Arabic news writes most quotations with the typewriter quote: about 1,900 ASCII ``"``
per MB against 250 pairs of « ». Turning them into guillemets needs to know which quote opens
and which closes, and a straight quote does not say: :mod:`arnorm.rules.pairing` pairs the
marks (and explains how), and this rule, the rule against spaces inside quotes (AR425) and the
balance rules (AR402, AR403) all read that one pairing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from arnorm.config import Quotes
from arnorm.edits import Edit
from arnorm.rules.base import Rule
from arnorm.rules.context import may_hold_links
from arnorm.rules.pairing import (
    CLOSE_CONTEXT,
    OPEN_CONTEXT,
    QUOTE_FAMILIES,
    QUOTE_MARKS,
    STYLES,
    Family,
    analyse_lines,
    pair_is_arabic,
)
from arnorm.script.chars import (
    ARABIC_SCRIPT_LETTERS,
    DOUBLE_QUOTES,
    SINGLE_QUOTES,
    char_class,
    describe,
)

# --- the fix ---------------------------------------------------------------------------------


@functools.cache
def _any_quote() -> re.Pattern[str]:
    return re.compile(char_class(DOUBLE_QUOTES + SINGLE_QUOTES))


# Most quoted lines of news hold nothing but straight double quotes that pair in turn (1,581
# of the 1,687 lines with a straight, curly or single quote): one pattern finds their pairs in
# a single scan, for a third of the cost of the full analysis (benchmarks/bench_clean.py).
@functools.cache
def _plain_quotation() -> re.Pattern[str]:
    """Two straight double quotes, the first of which may open and the second may close.

    A mark may open after the start or a blank (it cannot close there), or after an Arabic
    letter, a tatweel or an opening bracket when neither a blank nor punctuation follows it
    (it cannot close then either, and it is no prime after a digit). A mark may close before
    the end or a blank, or before punctuation when no blank precedes it (it cannot open
    there). Such marks, taken in turn, are what :func:`analyse` pairs when nothing is left
    over; that is :func:`plain_quotations`' test.
    """
    after_open = char_class(OPEN_CONTEXT | ARABIC_SCRIPT_LETTERS)[1:-1]
    punctuation = char_class(CLOSE_CONTEXT)[1:-1]
    opening = rf'"(?:(?<!\S")|(?<=[{after_open}]")(?![\s{punctuation}]))'
    closing = rf'"(?:(?!\S)|(?<=\S")(?=[{punctuation}]))'
    return re.compile(rf'{opening}[^"\n]+{closing}')


@functools.cache
def _other_quote() -> re.Pattern[str]:
    return re.compile(char_class(QUOTE_MARKS - {'"'}))


def plain_quotations(text: str) -> list[tuple[int, int]] | None:
    """The (opening, closing) positions of the quotations of `text` when its quotation marks
    are all straight double quotes that pair in turn (see :func:`_plain_quotation`); None
    when some mark needs the full analysis of :func:`analyse`.

    The full analysis finds the very same pairs, all of them confirmed, none nested: each
    mark that may open finds no quote open and opens one, each mark that may close closes
    it, and no mark is left over to make a pair unsure (a property test checks it).

    >>> plain_quotations('قال "بوتين" إن "نعم".'), plain_quotations('قال "نعم ".')
    ([(4, 10), (15, 19)], None)
    """
    if may_hold_links(text) or _other_quote().search(text):
        return None
    spans = [(match.start(), match.end() - 1) for match in _plain_quotation().finditer(text)]
    return spans if 2 * len(spans) == text.count('"') else None


def _convertible(text: str) -> Iterator[tuple[Family, int, int]]:
    """(family, opening, closing) of the quotations that AR401 rewrites, in order."""
    plain = plain_quotations(text)
    if plain is not None:
        yield from (("double", *pair) for pair in plain if pair_is_arabic(text, *pair))
        return
    for pair in analyse_lines(text, _any_quote(), QUOTE_FAMILIES).pairs:
        if pair.family != "guillemet" and pair.confirmed and pair.arabic and not pair.nested:
            yield pair.family, pair.open, pair.close


def _conversions(text: str, style: Quotes) -> list[tuple[int, str]]:
    """(position, new mark) for every quotation mark to rewrite, in order of position."""
    if style == "keep" or not _any_quote().search(text):
        return []
    marks = STYLES[style]
    changes: list[tuple[int, str]] = []
    for family, start, end in _convertible(text):
        opening, closing = marks[family]
        if text[start] != opening:
            changes.append((start, opening))
        if text[end] != closing:
            changes.append((end, closing))
    changes.sort()
    return changes


def _quote_edits(text: str, style: Quotes) -> Iterator[Edit]:
    for index, mark in _conversions(text, style):
        note = f"{describe(text[index])} in Arabic text: use {mark}"
        yield Edit(index, index + 1, mark, QUOTE_STYLE.code, note=note)


def pair_quotes(text: str, style: Quotes = "guillemets") -> str:
    """Write the quotation marks of Arabic quotations in `style`: « » (default) or “ ”.

    Straight quotes and English curly quotes around Arabic are paired by position, with
    alternation as the fallback; a quote that cannot be paired is left as it is (the balance
    rule AR402 reports it). Left alone: quotes in Latin text, apostrophes inside words, primes
    after digits, and quotations nested inside another quotation (they already differ from the
    outer marks).

    >>> pair_quotes('قال "بوتين" إن')
    'قال «بوتين» إن'
    >>> pair_quotes("وصفه بأنه 'يميني' أمس")
    'وصفه بأنه «يميني» أمس'
    >>> pair_quotes('وصفه بأنه "يميني" و' + "'يساري'", "curly")
    'وصفه بأنه “يميني” و‘يساري’'
    >>> pair_quotes('He said "hi", then left.')
    'He said "hi", then left.'
    """
    changes = _conversions(text, style)
    if not changes:
        return text
    parts: list[str] = []
    position = 0
    for index, mark in changes:
        parts += (text[position:index], mark)
        position = index + 1
    parts.append(text[position:])
    return "".join(parts)


# --- the rule --------------------------------------------------------------------------------

QUOTE_STYLE = Rule(
    code="AR401",
    name="quote-style",
    message="Quotation marks in Arabic text: use « »",
    doc="""
## What it does
Writes the quotation marks of Arabic quotations in the configured style: `quotes =
"guillemets"` (the default) gives « », `"curly"` gives “ ”, `"keep"` switches the rule off.
It converts pairs of straight double quotes ("), English and German curly quotes (“ ” „ ‟),
the double prime (″) used as a quote, and single quotes (' ‘ ’) that pair by position or sit
between Arabic letters (و'كلمة').

A mark opens after the start of the line, a space, an opening bracket, a tatweel (بـ"...") or
a one-letter word (و"...") and closes before the end of the line, a space or punctuation. A
double quote whose position says neither (glued on both sides, or alone between spaces) pairs
by alternation. The double quotes that position leaves unpaired, if they are an even number
(quotes spaced on the wrong side: `صحفية" نيمار لن يلعب"`), pair among themselves by
alternation, unless that would open a quote right before punctuation or close one right after
a bracket. A pair found by alternation is converted only when every double quote of the line
pairs up; nothing is converted on a line with an unpaired guillemet (which quotation lies
inside which would be a guess). A pair is converted when it is in Arabic context: the quoted
text has an Arabic letter, or the nearest letter before it or after it is Arabic.

Left alone: quotes in Latin text, apostrophes (it's, O'Brien), primes after a digit (5'10",
12″), quotes inside URLs, quotations nested inside another quotation (they already differ from
the outer marks), and quotes that cannot be paired (AR402 reports them).

Single quotes around Arabic become « » as well: Arabic typography has one kind of quotation
mark, and news sites use 'كلمة' exactly like "كلمة". The curly style writes them ‘ ’, as
English typography does.

## Why
Straight quotes are the most frequent typographic fault in Arabic news: about 1,900 per MB of
scraped news, against 250 pairs of « ». They do not say which end is which, so search,
alignment and display cannot match them; « » do. ftfy's quote fix goes the other way (it
straightens curly quotes) and no Arabic tool pairs them.

## Example
`قال "بوتين" إن` becomes `قال «بوتين» إن`; `بـ"الخطير"` becomes `بـ«الخطير»`;
`He said "hi", then left.` is unchanged.

## Fix safety
Safe: only the quotation marks change, and a pair is converted only when its marks were paired
by position or every quote of the line paired.
""",
    safe=True,
    enabled=lambda config: config.quotes != "keep",
    find=lambda text, config: _quote_edits(text, config.quotes),
    fast=lambda text, config: pair_quotes(text, config.quotes),
    # Two lines in three have no quote: the engine's scan skips the rule there.
    trigger=lambda config: frozenset(DOUBLE_QUOTES + SINGLE_QUOTES),
)

RULES: tuple[Rule, ...] = (QUOTE_STYLE,)
