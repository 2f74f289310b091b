"""Unpaired quotation marks (AR402) and brackets (AR403): reported, never guessed at.

The quote rule (AR401) converts only the quotes it can pair. A quote or a bracket left without
its partner is a real problem in the text (a lost closing quote, a bracket cut off by the
extractor), but where the partner belongs is a guess, so these rules only report it, with its
position. They run last and read the final text, with the pairing of
:func:`arnorm.rules.pairing.analyse`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from arnorm.edits import Edit
from arnorm.rules.base import Rule, unchanged
from arnorm.rules.pairing import ALL_FAMILIES, QUOTE_MARKS, Stray, analyse_lines
from arnorm.script.chars import (
    CLOSING_BRACKETS,
    DOUBLE_QUOTES,
    LEFT_GUILLEMET,
    OPENING_BRACKETS,
    RIGHT_GUILLEMET,
    SINGLE_QUOTES,
    char_class,
    describe,
)

#: The brackets that the pairing reads (braces are not paired). With the quotation marks, they
#: are the rules' triggers: a line without any has nothing to report.
_BRACKETS = "()[]"


@functools.cache
def _any_mark() -> re.Pattern[str]:
    marks = DOUBLE_QUOTES + SINGLE_QUOTES + LEFT_GUILLEMET + RIGHT_GUILLEMET
    return re.compile(char_class(marks + OPENING_BRACKETS + CLOSING_BRACKETS))


# A closing bracket after a list number or letter at the start of a line or after a space
# ("1) ", "أ) ") or after a colon or semicolon (":)") is not half of a pair.
@functools.cache
def _not_a_bracket() -> re.Pattern[str]:
    return re.compile(r"(?:(?<=\s)|^)(?:\d{1,3}|[^\W\d_])\)|[:;]-?\)|[:;]-?\(", re.MULTILINE)


def _is_list_marker_or_smiley(text: str, stray: Stray) -> bool:
    if stray.family != "round":
        return False
    start = max(0, stray.position - 4)
    return any(
        match.start() <= stray.position < match.end()
        for match in _not_a_bracket().finditer(text, start, stray.position + 1)
    )


def _message(text: str, stray: Stray) -> str:
    side = "opening" if stray.opening else "closing"
    what = "bracket" if stray.family in ("round", "square") else "quotation mark"
    partner = "closes" if stray.opening else "opens"
    return (
        f"Unpaired {side} {what} {describe(text[stray.position])}: nothing {partner} it on its line"
    )


def unpaired_marks(text: str, *, brackets: bool) -> Iterator[tuple[int, str]]:
    """The position and a message for each unpaired mark in Arabic context.

    `brackets` chooses between brackets ( ) [ ] and quotation marks (" “ ” ' « » ...). A mark
    is in Arabic context when the nearest letter before or after it on its line is Arabic.

    >>> list(unpaired_marks('قال "بوتين إن (أمس', brackets=False))
    [(4, 'Unpaired opening quotation mark U+0022 QUOTATION MARK: nothing closes it on its line')]
    >>> [index for index, _ in unpaired_marks('قال "بوتين إن (أمس', brackets=True)]
    [14]
    """
    for stray in _strays(text):
        if (stray.family in ("round", "square")) != brackets or not stray.arabic:
            continue
        if not _is_list_marker_or_smiley(text, stray):
            yield stray.position, _message(text, stray)


@functools.lru_cache(maxsize=4)
def _strays(text: str) -> tuple[Stray, ...]:
    """The unpaired marks of `text`, found once for both rules: AR402 and AR403 run one after
    the other on the same text, and the analysis costs more than either rule's filter."""
    return tuple(analyse_lines(text, _any_mark(), ALL_FAMILIES).strays)


def _findings(text: str, code: str, *, brackets: bool) -> Iterator[Edit]:
    for index, message in unpaired_marks(text, brackets=brackets):
        yield Edit(index, index + 1, None, code, safe=False, note=message)


UNBALANCED_QUOTE = Rule(
    code="AR402",
    name="unbalanced-quote",
    message="Unpaired quotation mark",
    doc="""
## What it does
Reports a quotation mark that nothing pairs with on its line: a straight or curly quote, a
single quote used as a quote, or a guillemet (« »), paired as the quote rule (AR401) pairs
them. The finding points at the mark. It reports only: where the partner belongs is a guess,
and the text is left as it is. Apostrophes (it's, O'Brien) and primes after digits (5'10")
are not quotation marks; marks in Latin text (whose nearest letters are not Arabic) are not
reported. `balance = false` switches it off.

## Why
An unpaired quote is often a real fault: a closing quote lost by the extractor or the editor.
It also stops AR401 from converting the quotes on that line whose pairing is not certain, so
reporting it tells the writer where to look.

## Example
`قال "بوتين إن` reports the quote at column 5: nothing closes it.

## Fix safety
No fix: the rule only reports.
""",
    safe=False,
    enabled=lambda config: config.balance,
    find=lambda text, config: _findings(text, "AR402", brackets=False),
    trigger=lambda config: QUOTE_MARKS,
    fast=unchanged,
)

UNBALANCED_BRACKET = Rule(
    code="AR403",
    name="unbalanced-bracket",
    message="Unpaired bracket",
    doc="""
## What it does
Reports a round or square bracket that nothing pairs with on its line, in Arabic context (the
nearest letter before or after it is Arabic). The finding points at the bracket. A closing
bracket after a list number or letter ("1)", "أ)") or in a smiley (":)") is not reported.
`balance = false` switches it off.

## Why
A lost bracket changes how a sentence reads and often marks text cut by the extractor; where
the partner belongs is a guess, so the rule reports and leaves the text alone.

## Example
`قال (رويترز إن` reports the bracket at column 5.

## Fix safety
No fix: the rule only reports.
""",
    safe=False,
    enabled=lambda config: config.balance,
    find=lambda text, config: _findings(text, "AR403", brackets=True),
    trigger=lambda config: frozenset(_BRACKETS),
    fast=unchanged,
)

RULES: tuple[Rule, ...] = (UNBALANCED_QUOTE, UNBALANCED_BRACKET)
