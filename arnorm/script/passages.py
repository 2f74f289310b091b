"""Persian passages: the stretches of a text in Persian, Urdu or Kurdish, which Arabic rules
leave alone.

News in Arabic quotes Persian ("گفت وزیر خارجه"), whose words use Persian letters on purpose
and would be "corrected" or cut apart by rules made for Arabic. Three rules read the passages:
AR201 keeps their letters, AR304 their digits, and the run-on splitter (AR501) does not split
them (its dictionary is Arabic). They must all see the same passages, in every pass, so the
passages are found here, once, below the rules.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from arnorm.script.chars import (
    ARABIC_LETTERS,
    ARABIC_MARKS,
    ARABIC_QUESTION_MARK,
    ARABIC_SEMICOLON,
    DOUBLE_QUOTES,
    FOREIGN_LETTERS,
    LEFT_GUILLEMET,
    RIGHT_GUILLEMET,
    SINGLE_QUOTES,
    SPACED_PUNCTUATION,
    TATWEEL,
    ZWNJ,
    char_class,
)
from arnorm.script.hamza import composed_letters

#: Words around a word of another language that are taken to be in that language too.
PASSAGE_REACH = 5

Span = tuple[int, int]


@functools.cache
def arabic_word() -> re.Pattern[str]:
    """A word in Arabic script: letters, marks, tatweel and ZWNJ (which Persian writes inside
    a word)."""
    return re.compile(char_class(ARABIC_LETTERS | ARABIC_MARKS | {TATWEEL, ZWNJ}) + "+")


@functools.cache
def _foreign() -> re.Pattern[str]:
    return re.compile(char_class(FOREIGN_LETTERS | {ZWNJ}))


@functools.cache
def _segment() -> re.Pattern[str]:
    """A stretch of text without a line break, sentence punctuation, quotes or brackets.

    Every quotation mark ends a stretch, not only the ones AR401 writes: it turns „ into «,
    and a passage must end at the same place before and after it."""
    quotes = DOUBLE_QUOTES + SINGLE_QUOTES + LEFT_GUILLEMET + RIGHT_GUILLEMET
    stops = set("\n.!?:;()[]" + ARABIC_QUESTION_MARK + ARABIC_SEMICOLON + quotes)
    return re.compile(char_class(stops, negate=True) + "+")


@functools.cache
def _letter() -> re.Pattern[str]:
    return re.compile(char_class(ARABIC_LETTERS))


def persian_passages(text: str) -> list[Span]:
    """Spans of `text` taken to be Persian (or Urdu, Kurdish ...), not Arabic.

    A word is foreign when it has a letter Arabic does not use (پ چ ژ گ ۀ ے ...) or a ZWNJ
    inside it (Persian writes one in می‌شود; a kept one is a sign). The passage reaches
    :data:`PASSAGE_REACH` words either side of each foreign word, and stops at a line break,
    sentence punctuation (. ! ? ؟ ; ؛ :), quotes and brackets, where a quotation starts or
    ends. So a quoted Persian phrase stays whole even where its other words look Arabic
    ("گفت وزیر"), and the Arabic sentence around it is still fixed.

    A letter and a combining hamza are read as the letter they canonically are (ە + U+0654 as
    ۀ); a hamza that only AR301 brings to its letter is read in the engine's next pass.

    >>> text = "قال الوزیر: «گفت وزیر خارجه ایران» ثم مضى"
    >>> [text[a:b] for a, b in persian_passages(text)]
    ['گفت وزیر خارجه ایران']
    """
    view = composed_letters(text)  # same length: the spans are the text's
    if not _foreign().search(view):
        return []
    spans: list[Span] = []
    for segment in _segment().finditer(view):
        if _foreign().search(view, segment.start(), segment.end()):
            spans.extend(_passages_in_segment(view, segment.start(), segment.end()))
    return spans


def inside(spans: list[Span], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside one of `spans`."""
    return any(lo <= start and end <= hi for lo, hi in spans)


def _passages_in_segment(text: str, start: int, end: int) -> Iterator[Span]:
    """Each passage of the segment ``text[start:end]``, widened to whole space-separated
    tokens (a number glued to a Persian word is Persian too)."""
    letter = _letter()
    spans = (m.span() for m in arabic_word().finditer(text, start, end))
    words = [(a, b) for a, b in spans if letter.search(text, a, b)]  # marks alone: no word
    for first, last in _reaches(text, words):
        lo, hi = words[first][0], words[last][1]
        while lo > start and not _token_break(text[lo - 1]):
            lo -= 1
        while hi < end and not _token_break(text[hi]):
            hi += 1
        yield lo, hi


def _token_break(ch: str) -> bool:
    """A space, or punctuation after which AR411 and AR422 may put a space, so that a token
    that runs through it is cut there in any pass."""
    return ch.isspace() or ch in SPACED_PUNCTUATION


def _reaches(text: str, words: list[Span]) -> Iterator[tuple[int, int]]:
    """Runs of word indices within :data:`PASSAGE_REACH` of a foreign word, merged."""
    first = last = -1
    foreign = _foreign()
    for i, (a, b) in enumerate(words):
        if not foreign.search(text, a, b):
            continue
        lo, hi = max(0, i - PASSAGE_REACH), min(len(words) - 1, i + PASSAGE_REACH)
        if first >= 0 and lo > last + 1:
            yield first, last
            first = -1
        first, last = (lo if first < 0 else first), hi
    if first >= 0:
        yield first, last
