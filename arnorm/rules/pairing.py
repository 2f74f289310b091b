"""Pairing quotation marks and brackets, shared by the quote rule (AR401), the rule against
spaces inside quotes (AR425) and the balance rules (AR402, AR403): a lower module, not a rule,
so that no rule module imports another.

A straight quote does not say whether it opens or closes. This module pairs quotation marks
line by line (:func:`analyse`); the three rules all read the same pairing, so they never
disagree about which marks belong together.

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

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from typing import Literal, NamedTuple

from arnorm.config import Quotes
from arnorm.rules.context import (
    NEIGHBOURHOOD,
    arabic_letter,
    in_link,
    letter_positions,
    lines_having,
    may_hold_links,
    nearest_letter,
)
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


class _Runs:
    """The run of quotation marks around a mark, found once per run.

    A mark's neighbours are read past the other quotation marks beside it; on a line of n
    quotes in a row, reading each mark's neighbours afresh costs n steps each (quadratic).
    The marks of a line are read in order, so the last run found serves every mark in it.
    """

    __slots__ = ("end", "start", "text")

    def __init__(self, text: str) -> None:
        self.text, self.start, self.end = text, 0, 0

    def around(self, index: int) -> tuple[int, int]:
        """The span of the run of quotation marks at `index` (just `index` for another mark)."""
        text = self.text
        if text[index] not in QUOTE_MARKS:
            return _run_around(text, index)
        if not self.start <= index < self.end:
            self.start, self.end = _run_around(text, index)
        return self.start, self.end


def _run_around(text: str, index: int) -> tuple[int, int]:
    start, end = index, index + 1
    while start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1
    while end < len(text) and text[end] in QUOTE_MARKS:
        end += 1
    return start, end


def _neighbour_at(text: str, index: int, step: int, runs: _Runs | None = None) -> int | None:
    """Where the character next to `index` in direction `step` is, looking through quotation
    marks; None at the start or end of the line."""
    start, end = (runs or _Runs(text)).around(index)
    i = start - 1 if step < 0 else end
    if not 0 <= i < len(text) or text[i] in "\r\n":
        return None
    return i


def _neighbour(text: str, index: int, step: int, runs: _Runs | None = None) -> str | None:
    """The character next to `index` in direction `step`, looking through quotation marks.

    None at the start or end of the line.
    """
    i = _neighbour_at(text, index, step, runs)
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


def classify(text: str, index: int, runs: _Runs | None = None) -> str:
    """Whether the quotation mark at `index` opens, closes, or could do either, by position.

    >>> [classify('قال "بوتين" إن', i) for i in (4, 10)]
    ['open', 'close']
    >>> classify('بوتين"إن', 5), classify('a " b', 2), classify('قال و"نعم', 5)
    ('either', 'either', 'open')
    """
    at = _neighbour_at(text, index, -1, runs)
    after = _neighbour(text, index, 1, runs)
    space_before = at is None or text[at].isspace()
    space_after = after is None or after.isspace()
    can_open = (space_before or _opens_after(text, at)) and not space_after
    can_close = (space_after or after in CLOSE_CONTEXT) and not space_before
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    return EITHER


def _strongly(text: str, index: int, runs: _Runs) -> str | None:
    """OPEN for a mark right after an opening bracket or a tatweel, CLOSE for one right
    before punctuation, when the other side is not blank; else None."""
    before, after = _neighbour(text, index, -1, runs), _neighbour(text, index, 1, runs)
    opens = before in OPEN_CONTEXT and not (after is None or after.isspace())
    closes = after in CLOSE_CONTEXT and not (before is None or before.isspace())
    if opens != closes:
        return OPEN if opens else CLOSE
    return None


class _Line:
    """The marks of one line while they are being paired."""

    __slots__ = ("found", "runs", "stacks", "strays", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.runs = _Runs(text)
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
            kind = classify(self.text, index, self.runs)
            if family == "double" or kind != EITHER or self._between_arabic_letters(index):
                self._push_or_pop(family, index, kind)

    def _between_arabic_letters(self, index: int) -> bool:
        """A single quote glued to Arabic letters on both sides quotes (و'كلمة'): Arabic
        has no apostrophe. Glued to a Latin letter it is an apostrophe (it's, O'Brien)."""
        before = _neighbour(self.text, index, -1, self.runs)
        after = _neighbour(self.text, index, 1, self.runs)
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

    def finish(self, marks: Marks, start: int, end: int) -> None:
        """Pair what is left and record the line's pairs and strays; it is ``text[start:end]``."""
        for family, stack in self.stacks.items():
            self.strays.extend((family, index, True) for index, _ in stack)
        if self.strays:
            self._alternate_doubles()
        unsure = {family for family, _, _ in self.strays}
        nested = _nested(self.found)
        # With a guillemet unpaired, which quotation lies inside which is a guess.
        broken = "guillemet" in unsure
        many = len(self.found) + len(self.strays) > _MANY_MARKS
        nearest = _Letters(self.text, start, end).nearest if many else None
        ahead = ArabicAhead(self.text)
        for family, open_, close, strong in sorted(self.found, key=lambda item: item[1]):
            confirmed = (strong or family not in unsure) and not (broken and family in _STRAIGHT)
            arabic = pair_is_arabic(self.text, open_, close, ahead, nearest)
            is_nested = (open_, close) in nested
            marks.pairs.append(Pair(family, open_, close, confirmed, arabic, is_nested))
        for family, index, opening in sorted(self.strays, key=lambda item: item[1]):
            arabic = _stray_is_arabic(self.text, index, nearest)
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
        runs = _Runs(self.text)
        if any(_strongly(self.text, i, runs) == CLOSE for i in opens) or any(
            _strongly(self.text, i, runs) == OPEN for i in closes
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


class ArabicAhead:
    """Where the first Arabic letter at or after a position is, for positions in rising order.

    Asking each pair of n nested pairs whether it holds an Arabic letter would search the
    same characters n times; the last answer stands for every position up to the letter.
    """

    __slots__ = ("asked", "found", "text")

    def __init__(self, text: str) -> None:
        self.text, self.asked, self.found = text, 0, -1

    def first(self, start: int) -> int:
        """The position of the first Arabic letter at or after `start` (len(text) if none)."""
        if not self.asked <= start <= self.found:
            match = arabic_letter().search(self.text, start)
            self.asked, self.found = start, len(self.text) if match is None else match.start()
        return self.found


#: Above this many marks on a line, the nearest letters are found by binary search over the
#: line's letters (listed once) rather than by searching a window around each mark.
_MANY_MARKS = 32

_Nearest = Callable[[str, int, int], "str | None"]


class _Letters:
    """:func:`nearest_letter` on one line, ``text[start:end]``, by binary search."""

    __slots__ = ("positions", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.positions = letter_positions(text, start, end)

    def nearest(self, text: str, index: int, step: int) -> str | None:
        positions = self.positions
        if step < 0:
            i = bisect.bisect_right(positions, index) - 1
            found = positions[i] if i >= 0 else None
        else:
            i = bisect.bisect_left(positions, index)
            found = positions[i] if i < len(positions) else None
        if found is None or abs(found - index) >= NEIGHBOURHOOD:
            return None
        return text[found]


def pair_is_arabic(
    text: str,
    start: int,
    end: int,
    ahead: ArabicAhead | None = None,
    nearest: _Nearest | None = None,
) -> bool:
    """Whether the pair at `start` and `end` sits in Arabic context. `ahead` (shared by the
    pairs of a text, asked in rising order) and `nearest` make many pairs cost linear time."""
    nearest = nearest or nearest_letter
    holds_arabic = (ahead or ArabicAhead(text)).first(start + 1) < end
    return (
        holds_arabic
        or _is_arabic(nearest(text, start - 1, -1))
        or _is_arabic(nearest(text, end + 1, 1))
    )


def _stray_is_arabic(text: str, index: int, nearest: _Nearest | None = None) -> bool:
    nearest = nearest or nearest_letter
    return _is_arabic(nearest(text, index - 1, -1)) or _is_arabic(nearest(text, index + 1, 1))


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
    line, start = _Line(text), 0
    for match in _mark_pattern(families).finditer(text):
        index = match.start()
        char = match.group()
        if char == "\n":
            line.finish(marks, start, index)
            line, start = _Line(text), index + 1
        elif not (links and in_link(text, index)):
            line.add(index, _FAMILY[char])
    line.finish(marks, start, len(text))
    return marks


def analyse_lines(text: str, having: re.Pattern[str], families: frozenset[Family]) -> Marks:
    """:func:`analyse` for the lines of `text` where `having` matches, the others skipped.

    Lines are paired independently, so the pairs and strays found are those that
    :func:`analyse` finds on those lines; a long text pays only for its lines with marks.
    """
    if "\n" not in text:
        return analyse(text, families) if having.search(text) else Marks([], [])
    marks = Marks([], [])
    for start, end in lines_having(text, having):
        line = analyse(text[start:end], families)
        marks.pairs.extend(
            p._replace(open=p.open + start, close=p.close + start) for p in line.pairs
        )
        marks.strays.extend(s._replace(position=s.position + start) for s in line.strays)
    return marks
