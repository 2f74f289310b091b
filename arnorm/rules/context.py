"""Where the typography rules may act: Arabic context, and links they must leave alone.

The quote, punctuation, spacing, invisible-character and balance rules change only Arabic
text, so that a Latin sentence, a URL or a number keeps its own conventions (French puts a
no-break space before its colon and inside its « »). Each rule states its context with the
helpers here: whether a text has an Arabic letter at all, whether the line of a position has
one, and which letter is nearest to a position on its line. URLs and e-mail addresses are
never touched by those rules.

Context is always judged on the line, never on the whole text: ``arnorm clean`` cleans a file
line by line and ``arnorm check`` reads it whole, and both must see the same context.

>>> has_arabic_letter("He said hi"), has_arabic_letter("قال hi")
(False, True)
>>> nearest_letter_is_arabic("قال 3 ,", 6, -1)
True
>>> in_link("see http://x.org/a?b,c now", 18)
True
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterator

from arnorm.config import Config
from arnorm.edits import Edit, apply_edits
from arnorm.rules.base import Rule
from arnorm.script.chars import ARABIC_SCRIPT_LETTERS, char_class

#: How far (in characters, on the same line) a rule looks for the nearest letter or for the
#: ends of a token. Beyond that the context is unknown and the rules leave the text alone.
NEIGHBOURHOOD = 200

_LINK_HINTS = ("://", "www.", "@")


@functools.cache
def arabic_letter() -> re.Pattern[str]:
    """A pattern for one letter of the Arabic script (tatweel and presentation forms included)."""
    return re.compile(char_class(ARABIC_SCRIPT_LETTERS))


def has_arabic_letter(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds a letter of the Arabic script.

    >>> has_arabic_letter("«x»"), has_arabic_letter("«س»", 1, 2)
    (False, True)
    """
    return arabic_letter().search(text, start, len(text) if end is None else end) is not None


def line_has_arabic_letter(text: str, index: int) -> bool:
    r"""Whether the line of `text` that holds `index` has a letter of the Arabic script.

    >>> text = "He said\nقال\n"
    >>> line_has_arabic_letter(text, 2), line_has_arabic_letter(text, 9)
    (False, True)
    """
    return _arabic_lines(text).at(index)


class PerLine:
    r"""The answer of ``ask(text, start, end)`` for the line of `text` that holds an index,
    each line asked once: a rule asks about the positions of its matches in order, often
    several on one line, and asking again for each was quadratic in a long line.

    >>> lines = PerLine("He said\nقال", has_arabic_letter)
    >>> lines.at(2), lines.at(9)
    (False, True)
    """

    def __init__(self, text: str, ask: Callable[[str, int, int], bool]) -> None:
        self.text = text
        self._ask = ask
        self._start, self._end, self._answer = 0, -1, False

    def at(self, index: int) -> bool:
        """The answer for the line that holds `index`."""
        if not self._start <= index <= self._end:
            text = self.text
            self._start = text.rfind("\n", 0, index) + 1
            end = text.find("\n", index)
            self._end = len(text) if end < 0 else end
            self._answer = self._ask(text, self._start, self._end)
        return self._answer


class ArabicLines(PerLine):
    """Which lines of a text have an Arabic letter, each line searched once."""

    def __init__(self, text: str) -> None:
        super().__init__(text, has_arabic_letter)


#: The lines of the last text asked about: a rule asks for its matches in order, and a new
#: ArabicLines per match searched a long line again for each (quadratic in the line).
_arabic_lines = functools.lru_cache(maxsize=1)(ArabicLines)


def in_arabic_context(text: str, index: int) -> bool:
    """Whether the nearest letter before or after `index` on its line is an Arabic one: the
    context of a character between words, such as a space (a space between a Latin and an
    Arabic word separates Arabic text; one between two Latin words, or between a Latin word
    and a number, is Latin text's, even on a line that also has Arabic).

    >>> in_arabic_context("Il a dit : x قال", 8), in_arabic_context("Il a dit : x قال", 12)
    (False, True)
    """
    return nearest_letter_is_arabic(text, index - 1, -1) or nearest_letter_is_arabic(
        text, index + 1, 1
    )


def nearest_letter(text: str, index: int, step: int) -> str | None:
    """The first letter from `index` on in direction `step` (1 or -1), on the same line.

    Marks, digits, spaces and punctuation are skipped; None when the line ends first or no
    letter is within :data:`NEIGHBOURHOOD` characters. The window is searched by the regular
    expression engine: the quote and bracket rules ask once per mark, and a line of marks
    with no letter near would cost NEIGHBOURHOOD Python steps per mark.

    >>> nearest_letter("ab 12 .", 6, -1), nearest_letter("x\\n 1", 2, 1)
    ('b', None)
    """
    if step < 0:
        low = max(0, index - NEIGHBOURHOOD + 1)
        window = text[low : index + 1][::-1] if index >= 0 else ""
    else:
        window = text[index : min(len(text), index + NEIGHBOURHOOD)]
    for match in _letter_or_line_end().finditer(window):
        ch = match.group()
        if ch == "\n":
            return None
        if ch.isalpha():  # the pattern also takes digits that are not decimal (²): skip them
            return ch
    return None


def letter_positions(text: str, start: int, end: int) -> list[int]:
    """The positions of the letters of ``text[start:end]``, in order.

    >>> letter_positions("a1 bc", 0, 5)
    [0, 3, 4]
    """
    found = _letter_or_line_end().finditer(text, start, end)
    return [match.start() for match in found if match.group().isalpha()]


@functools.cache
def _letter_or_line_end() -> re.Pattern[str]:
    """A letter (a word character that is no decimal digit or underscore) or a line feed."""
    return re.compile(r"[^\W\d_]|\n")


def nearest_letter_is_arabic(text: str, index: int, step: int) -> bool:
    """Whether the nearest letter from `index` in direction `step` is an Arabic one."""
    return nearest_letter(text, index, step) in ARABIC_SCRIPT_LETTERS


def token_at(text: str, index: int) -> tuple[int, int]:
    """The span of the run of non-space characters around `index` (bounded, on one line).

    The regular expression engine walks the window: the quote rules ask once per mark, and
    a link full of marks would cost up to 2 x NEIGHBOURHOOD Python steps per mark.

    >>> token_at("ab cd ef", 4)
    (3, 5)
    """
    low = max(0, index - NEIGHBOURHOOD)
    before = _non_blanks().match(text[low:index][::-1])
    after = _non_blanks().match(text, index, min(len(text), index + NEIGHBOURHOOD))
    assert before is not None
    assert after is not None
    return index - before.end(), after.end()


@functools.cache
def _non_blanks() -> re.Pattern[str]:
    return re.compile(r"\S*")


def may_hold_links(text: str) -> bool:
    """A cheap test: False when `text` cannot hold a URL or an e-mail address."""
    return any(hint in text for hint in _LINK_HINTS)


def in_link(text: str, index: int) -> bool:
    """Whether `index` falls in a URL (``scheme://...`` or ``www....``) or an e-mail address.

    The test is made on the whitespace-delimited token around `index`.

    >>> in_link("راسلنا على a@b.com, أو", 16), in_link("روسيا, الصين", 5)
    (True, False)
    """
    start, end = token_at(text, index)
    token = text[start:end]
    return "://" in token or token.startswith("www.") or "@" in token


def lines_having(text: str, having: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    r"""The (start, end) of each line of `text` where `having` matches, in order.

    >>> list(lines_having('a\n"b"\nc "d"', re.compile('"')))
    [(2, 5), (6, 11)]
    """
    match = having.search(text)
    while match:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start())
        end = len(text) if end < 0 else end
        yield start, end
        match = having.search(text, end + 1) if end < len(text) else None


def on_lines_having(pattern: Callable[[], re.Pattern[str]], rule: Rule) -> Rule:
    """`rule` acting only on the lines of a text where ``pattern()`` matches: the lines of a
    whole document one at a time, as if each line had come alone. For a rule whose edits and
    decisions never reach across a line break, and whose pattern is far cheaper than the
    rule: a document then costs what its lines cost, not the rule's pass over all of it.
    """
    find, fix = rule.find, rule.fix

    def lined_find(text: str, config: Config) -> Iterator[Edit]:
        for start, end in lines_having(text, pattern()):
            for edit in find(text[start:end], config):
                yield dataclasses.replace(edit, start=edit.start + start, end=edit.end + start)

    def lined_fast(text: str, config: Config) -> str:
        parts: list[str] = []
        position = 0
        for start, end in lines_having(text, pattern()):
            parts += (text[position:start], fix(text[start:end], config))
            position = end
        if not parts:
            return text
        parts.append(text[position:])
        return "".join(parts)

    return dataclasses.replace(rule, find=lined_find, fast=lined_fast)


def only_when(applies: Callable[[str], bool], rule: Rule) -> Rule:
    """`rule` acting only on texts for which `applies` holds (a cheap test comes first).

    Both paths of the rule are gated by the same test, so they still agree.
    """
    find, fast = rule.find, rule.fast

    def gated_find(text: str, config: Config) -> Iterator[Edit]:
        if applies(text):
            yield from find(text, config)

    def gated_fast(text: str, config: Config) -> str:
        if not applies(text):
            return text
        return fast(text, config) if fast is not None else apply_edits(text, find(text, config))

    return dataclasses.replace(rule, find=gated_find, fast=gated_fast)
