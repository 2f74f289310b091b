"""A letter and a combining hamza or madda, composed as canonical composition (NFC) does.

"ا" + U+0654 is "أ" to a reader, and canonically the same text (NFC composes it). Rule AR106
writes such pairs composed; it runs late, after every rule that changes letters or marks, since
they can bring a letter and a hamza together. The rules and the run-on splitter before it read
a pair that touches (through marks, as NFC reads it) as the letter it canonically is: the
splitter's lookup key, AR201 (which must see "ە" + U+0654 as the Persian "ۀ"), AR303 (which
keeps the hamza that makes a letter) and AR202 (which folds "ا" + U+0654 to bare alef). That is
canonical equivalence, not a guess at a later rule: a hamza that only a later rule brings to
its letter (on a tatweel that AR301 removes, say) is read in the engine's next pass. They all
share these functions, which sit below the lexicon and the rules.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from arnorm.script.chars import (
    ARABIC_MARKS,
    COMBINING_HAMZA_AND_MADDA,
    HAMZA_COMPOSITIONS,
    char_class,
)


def has_combining_hamza(text: str) -> bool:
    """Whether `text` holds a combining hamza or madda (U+0653-U+0655).

    A regex search: ``frozenset.isdisjoint(text)`` looks up every character of the text and
    was the slowest step of AR202 (70 MB/s against 740 on the news lines).

    >>> has_combining_hamza("سأل"), has_combining_hamza("سا\N{ARABIC HAMZA ABOVE}ل")
    (False, True)
    """
    return _combining_hamza().search(text) is not None


@functools.cache
def _combining_hamza() -> re.Pattern[str]:
    return re.compile(char_class(COMBINING_HAMZA_AND_MADDA))


#: The letters that take a combining hamza or madda (ا و ي ە ہ ے).
HAMZA_BASES = frozenset(base for base, _ in HAMZA_COMPOSITIONS)


def absorbed_mark(base: str, marks: str) -> int | None:
    """The index of the mark of `marks` that canonical composition (NFC) joins to `base`.

    NFC sorts the marks by combining class, then joins the letter with the first hamza or
    madda that no other mark of the same class stands before. Composed Arabic letters join
    nothing further, so at most one mark is absorbed. Linear in the marks (NFC itself sorts
    them, which is quadratic on a long run).

    >>> absorbed_mark("ا", "\N{ARABIC FATHA}\N{ARABIC HAMZA ABOVE}")
    1
    >>> absorbed_mark("ر", "\N{ARABIC HAMZA ABOVE}") is None
    True
    """
    classes: set[int] = set()
    found: int | None = None
    for i, mark in enumerate(marks):
        combining = unicodedata.combining(mark)
        if combining == 0:
            break  # a starter: nothing after it reaches the letter
        joins = combining not in classes and (base, mark) in HAMZA_COMPOSITIONS
        if joins and (found is None or combining < unicodedata.combining(marks[found])):
            found = i
        classes.add(combining)
    return found


@functools.cache
def decomposed_pair() -> re.Pattern[str]:
    """A letter that takes a hamza or madda, marks, and a combining hamza or madda."""
    marks = char_class(ARABIC_MARKS)
    hamza = char_class(COMBINING_HAMZA_AND_MADDA)
    return re.compile(f"{char_class(HAMZA_BASES)}{marks}*{hamza}")


def composed(match: re.Match[str]) -> str:
    """A match of :func:`decomposed_pair` with its letter composed, if NFC composes it."""
    base, marks = match.group()[0], match.group()[1:]
    i = absorbed_mark(base, marks)
    if i is None:
        return match.group()
    return HAMZA_COMPOSITIONS[base, marks[i]] + marks[:i] + marks[i + 1 :]


def compose_hamza(text: str) -> str:
    """Join a letter and a combining hamza or madda into the letter that has them, as NFC does.

    "ا" + HAMZA ABOVE is "أ" to a reader and nothing else to a program. Marks between the
    letter and the hamza are handled as NFC handles them (a fatha does not block, another
    mark of the hamza's class does) but they keep their order: canonical reordering is not
    this function's business.

    >>> compose_hamza("سا\N{ARABIC HAMZA ABOVE}ل") == "سأل"
    True
    >>> compose_hamza("ا\N{ARABIC FATHA}\N{ARABIC HAMZA ABOVE}") == "أ\N{ARABIC FATHA}"
    True
    """
    if not has_combining_hamza(text):
        return text
    return decomposed_pair().sub(composed, text)


def composed_letters(text: str) -> str:
    """`text` with each letter that NFC joins to a combining hamza or madda in its marks written
    as the letter it makes (ا as أ ...), the marks left where they are (so indices still match).

    >>> hamza = "\N{ARABIC HAMZA ABOVE}"
    >>> [composed_letters(run) for run in ("سا" + hamza + "ل", "بيـ" + hamza + "ت")]
    ['سأ\u0654ل', 'بيـ\u0654ت']
    """
    if not has_combining_hamza(text):
        return text
    letters: list[str] | None = None
    for match in decomposed_pair().finditer(text):
        base, marks = match.group()[0], match.group()[1:]
        i = absorbed_mark(base, marks)
        if i is not None:
            letters = list(text) if letters is None else letters
            letters[match.start()] = HAMZA_COMPOSITIONS[base, marks[i]]
    return text if letters is None else "".join(letters)
