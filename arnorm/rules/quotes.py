"""Quotation marks (AR401): straight and English quotes around Arabic become « ».

Scraped Arabic news writes most quotations with the typewriter quote: about 1,900 ASCII ``"``
per MB against 250 pairs of « ». Turning them into guillemets needs to know which quote opens
and which closes, and a straight quote does not say. This module pairs quotation marks line by
line (:func:`analyse`); the quote rule, the rule against spaces inside quotes (AR425, in
:mod:`arnorm.rules.spacing`) and the balance rules (AR402, AR403) all read the same pairing,
so they never disagree about which marks belong together.

How a mark is paired:

* its **position** decides first: after the start of the line, a space, an opening bracket, a
  tatweel (بـ"...") or a one-letter word (و"...") it opens; before the end of the line, a
  space or punctuation it closes.
  Other quotation marks next to it are looked through, so ``""`` is read like ``"``;
* a double quote whose position says nothing (glued on both sides, or alone between spaces)
  pairs by **alternation**: it closes the quote that is open, else it opens one. Such pairs
  are trusted only when every double quote of the line pairs up;
* the double quotes that position leaves unpaired, if they are an even number, pair among
  themselves by alternation (quotes spaced on the wrong side), unless that would open a quote
  right before punctuation or close one right after a bracket;
* straight quotes on a line with an unpaired guillemet are not trusted: which quotation lies
  inside which would be a guess;
* a single quote whose position says nothing is an apostrophe (it's, O'Brien), never a quote,
  unless Arabic letters touch it on both sides (و'كلمة'): then it pairs like a double quote;
* a ``"`` or ``'`` (or ″) right after a digit, when no quote of its kind is open, is a prime
  (5'10", 12″);
* guillemets and brackets have a fixed direction;
* marks inside URLs and e-mail addresses are not quotation marks.

A pair sits in Arabic context when the quoted text has an Arabic letter, or the nearest letter
before the opening mark or after the closing mark is Arabic.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Literal, NamedTuple

from arnorm.config import Quotes
from arnorm.edits import Edit
from arnorm.rules.base import Rule
from arnorm.rules.context import has_arabic_letter, in_link, may_hold_links, nearest_letter
from arnorm.script.chars import (
    ARABIC_SCRIPT_LETTERS,
    CLOSING_BRACKETS,
    DOUBLE_QUOTES,
    LEFT_GUILLEMET,
    OPENING_BRACKETS,
    RIGHT_GUILLEMET,
    SINGLE_QUOTES,
    TATWEEL,
    char_class,
    describe,
)

Family = Literal["double", "single", "guillemet", "round", "square"]
QUOTE_FAMILIES: frozenset[Family] = frozenset({"double", "single", "guillemet"})
ALL_FAMILIES: frozenset[Family] = frozenset({"double", "single", "guillemet", "round", "square"})

#: Every quotation mark: they are looked through when the position of a mark is read.
QUOTE_MARKS = frozenset(DOUBLE_QUOTES + SINGLE_QUOTES + LEFT_GUILLEMET + RIGHT_GUILLEMET)
#: What may stand right before an opening quote: opening brackets and the tatweel of بـ"...".
OPEN_CONTEXT = frozenset(OPENING_BRACKETS + TATWEEL)
#: What may stand right after a closing quote: punctuation and closing brackets.
CLOSE_CONTEXT = frozenset(
    ".,;:!?\N{ARABIC COMMA}\N{ARABIC SEMICOLON}\N{ARABIC QUESTION MARK}"
    "\N{HORIZONTAL ELLIPSIS}" + CLOSING_BRACKETS
)

_FAMILY: dict[str, Family] = {
    **dict.fromkeys(DOUBLE_QUOTES, "double"),
    **dict.fromkeys(SINGLE_QUOTES, "single"),
    LEFT_GUILLEMET: "guillemet",
    RIGHT_GUILLEMET: "guillemet",
    "(": "round",
    ")": "round",
    "[": "square",
    "]": "square",
}
_OPENS = frozenset(LEFT_GUILLEMET + "([")
_STRAIGHT: frozenset[Family] = frozenset({"double", "single"})

#: The marks a style writes for a double and for a single quotation: (opening, closing).
#: Arabic uses one kind of guillemet for every quotation, so single quotes become « » too;
#: the curly style keeps single quotes single, as English typography does.
STYLES: dict[Quotes, dict[Family, tuple[str, str]]] = {
    "guillemets": {
        "double": (LEFT_GUILLEMET, RIGHT_GUILLEMET),
        "single": (LEFT_GUILLEMET, RIGHT_GUILLEMET),
    },
    "curly": {
        "double": ("\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"),
        "single": ("\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"),
    },
}

OPEN, CLOSE, EITHER = "open", "close", "either"


class Pair(NamedTuple):
    """Two marks of one family that belong together, at ``text[open]`` and ``text[close]``.

    `confirmed` is False for a pair found only by alternation on a line where some quote of
    its family stays unpaired, and for straight and curly quotes on a line with an unpaired
    guillemet; `nested` is True inside another quotation; `arabic` tells whether the pair sits
    in Arabic context.
    """

    family: Family
    open: int
    close: int
    confirmed: bool
    arabic: bool
    nested: bool


class Stray(NamedTuple):
    """A mark that nothing pairs with, at ``text[position]``; `opening` is its direction."""

    family: Family
    position: int
    opening: bool
    arabic: bool


class Marks(NamedTuple):
    """The pairing of a text: its pairs and its stray marks, in order of position."""

    pairs: list[Pair]
    strays: list[Stray]


@functools.cache
def _mark_pattern(families: frozenset[Family]) -> re.Pattern[str]:
    chars = [ch for ch, family in _FAMILY.items() if family in families]
    return re.compile(char_class([*chars, "\n"]))


def _neighbour_at(text: str, index: int, step: int) -> int | None:
    """Where the character next to `index` in direction `step` is, looking through quotation
    marks; None at the start or end of the line."""
    i = index + step
    while 0 <= i < len(text) and text[i] in QUOTE_MARKS:
        i += step
    if not 0 <= i < len(text) or text[i] in "\r\n":
        return None
    return i


def _neighbour(text: str, index: int, step: int) -> str | None:
    """The character next to `index` in direction `step`, looking through quotation marks.

    None at the start or end of the line.
    """
    i = _neighbour_at(text, index, step)
    return None if i is None else text[i]


def _opens_after(text: str, i: int | None) -> bool:
    """Whether a quote right after ``text[i]`` opens: after an opening bracket, a tatweel
    (بـ"), or a one-letter Arabic word, the conjunction or preposition glued to the quotation
    it introduces (و" ب" ل" ف" ك")."""
    if i is None:
        return False
    ch = text[i]
    if ch in OPEN_CONTEXT:
        return True
    return ch in ARABIC_SCRIPT_LETTERS and (i == 0 or not text[i - 1].isalpha())


def classify(text: str, index: int) -> str:
    """Whether the quotation mark at `index` opens, closes, or could do either, by position.

    >>> [classify('قال "بوتين" إن', i) for i in (4, 10)]
    ['open', 'close']
    >>> classify('بوتين"إن', 5), classify('a " b', 2), classify('قال و"نعم', 5)
    ('either', 'either', 'open')
    """
    at = _neighbour_at(text, index, -1)
    after = _neighbour(text, index, 1)
    space_before = at is None or text[at].isspace()
    space_after = after is None or after.isspace()
    can_open = (space_before or _opens_after(text, at)) and not space_after
    can_close = (space_after or after in CLOSE_CONTEXT) and not space_before
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    return EITHER


def _strongly(text: str, index: int) -> str | None:
    """OPEN for a mark right after an opening bracket or a tatweel, CLOSE for one right
    before punctuation, when the other side is not blank; else None."""
    before, after = _neighbour(text, index, -1), _neighbour(text, index, 1)
    opens = before in OPEN_CONTEXT and not (after is None or after.isspace())
    closes = after in CLOSE_CONTEXT and not (before is None or before.isspace())
    if opens != closes:
        return OPEN if opens else CLOSE
    return None


class _Line:
    """The marks of one line while they are being paired."""

    __slots__ = ("found", "stacks", "strays", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.stacks: dict[Family, list[tuple[int, bool]]] = {}
        self.found: list[tuple[Family, int, int, bool]] = []  # (family, open, close, strong)
        self.strays: list[tuple[Family, int, bool]] = []  # (family, index, opening)

    def add(self, index: int, family: Family) -> None:
        stack = self.stacks.setdefault(family, [])
        if family not in ("double", "single"):
            self._push_or_pop(family, index, OPEN if self.text[index] in _OPENS else CLOSE)
        elif not stack and self._is_prime(index):
            return
        else:
            kind = classify(self.text, index)
            if family == "double" or kind != EITHER or self._between_arabic_letters(index):
                self._push_or_pop(family, index, kind)

    def _between_arabic_letters(self, index: int) -> bool:
        """A single quote glued to Arabic letters on both sides quotes (و'كلمة'): Arabic
        has no apostrophe. Glued to a Latin letter it is an apostrophe (it's, O'Brien)."""
        before, after = _neighbour(self.text, index, -1), _neighbour(self.text, index, 1)
        return _is_arabic(before) and _is_arabic(after)

    def _is_prime(self, index: int) -> bool:
        return index > 0 and self.text[index - 1].isdigit()

    def _push_or_pop(self, family: Family, index: int, kind: str) -> None:
        stack = self.stacks.setdefault(family, [])
        if kind == OPEN or (kind == EITHER and not stack):
            stack.append((index, kind == OPEN))
        elif stack:
            start, strong = stack.pop()
            self.found.append((family, start, index, strong and kind == CLOSE))
        else:
            self.strays.append((family, index, False))

    def finish(self, marks: Marks) -> None:
        for family, stack in self.stacks.items():
            self.strays.extend((family, index, True) for index, _ in stack)
        if self.strays:
            self._alternate_doubles()
        unsure = {family for family, _, _ in self.strays}
        nested = _nested(self.found)
        # With a guillemet unpaired, which quotation lies inside which is a guess.
        broken = "guillemet" in unsure
        for family, start, end, strong in sorted(self.found, key=lambda item: item[1]):
            confirmed = (strong or family not in unsure) and not (broken and family in _STRAIGHT)
            arabic = _pair_is_arabic(self.text, start, end)
            marks.pairs.append(Pair(family, start, end, confirmed, arabic, (start, end) in nested))
        for family, index, opening in sorted(self.strays, key=lambda item: item[1]):
            arabic = _stray_is_arabic(self.text, index)
            marks.strays.append(Stray(family, index, opening, arabic))

    def _alternate_doubles(self) -> None:
        """The fallback: the double quotes that position leaves unpaired, if there is an even
        number of them, pair by alternation (first with second, third with fourth ...).

        Quotes spaced on the wrong side (`صحفية" نيمار ... صحيح"`) defeat the position test
        and are common in scraped news. Only the leftovers are paired, so the pairs that
        position found stay, and converting them does not change what is left over. A leftover
        that would open right before punctuation, or close right after a bracket, stops it.
        """
        strays = sorted(index for family, index, _ in self.strays if family == "double")
        if not strays or len(strays) % 2:
            return
        opens, closes = strays[::2], strays[1::2]
        if any(_strongly(self.text, i) == CLOSE for i in opens) or any(
            _strongly(self.text, i) == OPEN for i in closes
        ):
            return
        pairs = zip(opens, closes, strict=True)
        self.found += [("double", start, end, False) for start, end in pairs]
        self.strays = [item for item in self.strays if item[0] != "double"]


def _nested(found: Iterable[tuple[Family, int, int, bool]]) -> set[tuple[int, int]]:
    """The spans of quotation pairs that lie inside another quotation pair (brackets aside)."""
    spans = sorted((start, end) for family, start, end, _ in found if family in QUOTE_FAMILIES)
    inside: set[tuple[int, int]] = set()
    furthest = -1
    for start, end in spans:
        if furthest > end:
            inside.add((start, end))
        furthest = max(furthest, end)
    return inside


def _pair_is_arabic(text: str, start: int, end: int) -> bool:
    return (
        has_arabic_letter(text, start + 1, end)
        or _is_arabic(nearest_letter(text, start - 1, -1))
        or _is_arabic(nearest_letter(text, end + 1, 1))
    )


def _stray_is_arabic(text: str, index: int) -> bool:
    before = nearest_letter(text, index - 1, -1)
    return _is_arabic(before) or _is_arabic(nearest_letter(text, index + 1, 1))


def _is_arabic(letter: str | None) -> bool:
    return letter in ARABIC_SCRIPT_LETTERS


def analyse(text: str, families: frozenset[Family] = ALL_FAMILIES) -> Marks:
    """Pair the quotation marks and brackets of `families` in `text`, line by line.

    >>> marks = analyse('قال "بوتين" إن (أمس')
    >>> [(p.family, p.open, p.close, p.confirmed, p.arabic) for p in marks.pairs]
    [('double', 4, 10, True, True)]
    >>> [(s.family, s.position, s.opening) for s in marks.strays]
    [('round', 15, True)]
    """
    marks = Marks([], [])
    links = may_hold_links(text)
    line = _Line(text)
    for match in _mark_pattern(families).finditer(text):
        index = match.start()
        char = match.group()
        if char == "\n":
            line.finish(marks)
            line = _Line(text)
        elif not (links and in_link(text, index)):
            line.add(index, _FAMILY[char])
    line.finish(marks)
    return marks


def analyse_lines(text: str, having: re.Pattern[str], families: frozenset[Family]) -> Marks:
    """:func:`analyse` for the lines of `text` where `having` matches, the others skipped.

    Lines are paired independently, so the pairs and strays found are those that
    :func:`analyse` finds on those lines; a long text pays only for its lines with marks.
    """
    match = having.search(text)
    if match and "\n" not in text:
        return analyse(text, families)
    marks = Marks([], [])
    while match:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start())
        end = len(text) if end < 0 else end
        line = analyse(text[start:end], families)
        marks.pairs.extend(
            p._replace(open=p.open + start, close=p.close + start) for p in line.pairs
        )
        marks.strays.extend(s._replace(position=s.position + start) for s in line.strays)
        match = having.search(text, end + 1) if end < len(text) else None
    return marks


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
        yield from (("double", *pair) for pair in plain if _pair_is_arabic(text, *pair))
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
