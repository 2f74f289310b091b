"""Runs of Arabic letters as the splitter reads them: letters, positions and word-end evidence.

A run is a maximal stretch of Arabic letters, with the harakat, tatweel and invisible characters
that ride along. The splitter looks its letters up (the lookup key), may put a space only before
a letter (never inside a lam-alef ligature), and reads the signs that end a word: ة, ى before a
letter other than ء, and tanween. Everything here is derived from the character tables.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import NamedTuple

from arnorm.lexicon.folding import IDENTITY, Spelling
from arnorm.lexicon.words import lookup_key
from arnorm.script.chars import (
    ARABIC_LETTERS,
    ARABIC_MARKS,
    INVISIBLE_FORMAT,
    JOINERS,
    PRESENTATION_FORMS,
    TATWEEL,
    char_class,
)
from arnorm.script.hamza import composed_letters

ALEF = "\N{ARABIC LETTER ALEF}"
ALEF_MAKSURA = "\N{ARABIC LETTER ALEF MAKSURA}"
TEH_MARBUTA = "\N{ARABIC LETTER TEH MARBUTA}"
HAMZA = "\N{ARABIC LETTER HAMZA}"
ARTICLE = ALEF + "\N{ARABIC LETTER LAM}"
LONG_VOWELS = ALEF + "\N{ARABIC LETTER WAW}\N{ARABIC LETTER YEH}"

#: Letters that do not join the next one: the writer sees a gap after them even when the space
#: is missing, so real run-ons cluster there.
NON_JOINING = frozenset(
    "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}"
    "\N{ARABIC LETTER ALEF WITH HAMZA BELOW}\N{ARABIC LETTER ALEF WITH MADDA ABOVE}"
    "\N{ARABIC LETTER ALEF WASLA}\N{ARABIC LETTER DAL}\N{ARABIC LETTER THAL}"
    "\N{ARABIC LETTER REH}\N{ARABIC LETTER ZAIN}\N{ARABIC LETTER WAW}"
    "\N{ARABIC LETTER WAW WITH HAMZA ABOVE}\N{ARABIC LETTER HAMZA}"
)
#: Tanween (fathatan, dammatan, kasratan, in all their forms) ends a word.
TANWEEN = frozenset(ch for ch in ARABIC_MARKS if unicodedata.name(ch, "").endswith("TAN"))
IGNORABLE = ARABIC_MARKS | INVISIBLE_FORMAT | JOINERS | {TATWEEL}
#: What rides on a letter: a tanween counts only on a letter, through these (a mark after an
#: invisible character has no letter under it, and AR302 drops it).
_RIDERS = ARABIC_MARKS | {TATWEEL}


def _is_letter_form(ch: str) -> bool:
    """A presentation form that folds to letters only (not a spaced ligature or a mark)."""
    folded = lookup_key(ch)
    return bool(folded) and all(c in ARABIC_LETTERS for c in folded)


@functools.cache
def run_pattern() -> re.Pattern[str]:
    """A run of Arabic letters (presentation forms included) and what rides along."""
    forms = {ch for ch in PRESENTATION_FORMS if _is_letter_form(ch)}
    return re.compile(char_class(ARABIC_LETTERS | forms | IGNORABLE) + "+")


@functools.cache
def _plain_letters() -> re.Pattern[str]:
    return re.compile(char_class(ARABIC_LETTERS) + "*")


class Run(NamedTuple):
    """A run of Arabic letters as the search sees it.

    `key` is its lookup key, `starts[k]` the index in the run of key letter k (-1 inside a
    ligature, where no space can go), and `ends` the key positions before which a word ended
    (after ة, after ى not followed by ء, after a tanween).
    """

    key: str
    starts: tuple[int, ...]
    ends: frozenset[int]

    @classmethod
    def read(cls, run: str, spelling: Spelling = IDENTITY) -> Run:
        """The run as it is written, its key folded by `spelling` (the folds are 1:1, so key
        positions still map back to the run). A letter and a combining hamza or madda are one
        letter where they touch, as canonical composition reads them
        (:func:`~arnorm.script.hamza.composed_letters`); what AR301 and AR106 make of a hamza on
        a tatweel is read in the engine's next pass.

        >>> Run.read("بِفَضْلِ")
        Run(key='بفضل', starts=(0, 2, 4, 6), ends=frozenset())
        >>> sorted(Run.read("شكراًجزيلاً").ends), sorted(Run.read("مدرسةكبيرة").ends)
        ([4], [5])
        >>> sorted(Run.read("كتابًًا").ends), sorted(Run.read("كتابًّاجديد").ends)
        ([], [5])
        >>> search = Spelling(alef_maksura=True, teh_marbuta=True)
        >>> Run.read("مدرسةكبيرة", search).key, sorted(Run.read("شكراًجزيلاً", search).ends)
        ('مدرسهكبيره', [4])
        >>> Run.read("سا\N{ARABIC HAMZA ABOVE}ل").key, Run.read("سأل").key
        ('سأل', 'سأل')
        """
        if _plain_letters().fullmatch(run):
            key = spelling.fold(run)
            return cls(key, tuple(range(len(run))), word_ends(key))
        letters: list[str] = []
        starts: list[int] = []
        tanween: set[int] = set()
        on_letter = False  # whether a mark here sits on a letter (through marks and tatweel)
        run = composed_letters(run)
        for index, ch in enumerate(run):
            if ch in IGNORABLE:
                if ch in TANWEEN and on_letter:
                    tanween.add(len(letters) + _alef_follows(run, index + 1, spelling))
                on_letter = on_letter and ch in _RIDERS
                continue
            on_letter = True
            folded = ch if ch in ARABIC_LETTERS else lookup_key(ch)
            letters.append(folded)
            starts.extend([index] + [-1] * (len(folded) - 1))
        key = spelling.fold("".join(letters))
        return cls(key, tuple(starts), word_ends(key, tanween))


def _alef_follows(run: str, index: int, spelling: Spelling) -> bool:
    """Whether the first letter from `index` on, past marks and tatweel, is alef as `spelling`
    reads it: the fathatan of كتاباً may be typed before its alef (كتابًا)."""
    for ch in itertools.islice(run, index, None):
        if ch not in _RIDERS:
            return spelling.fold(ch) == ALEF
    return False


def word_ends(key: str, tanween: set[int] | frozenset[int] = frozenset()) -> frozenset[int]:
    """Positions inside `key` before which a word ended: after ة, after ى unless ء follows
    (ىء is an old spelling of ئ), and the given positions after a tanween.

    >>> sorted(word_ends("مدرسةكبيرة")), sorted(word_ends("مبادىء")), sorted(word_ends("على"))
    ([5], [], [])
    """
    ends = {e for e in tanween if 0 < e < len(key)}
    for index, letter in enumerate(key[:-1]):
        if letter == TEH_MARBUTA or (letter == ALEF_MAKSURA and key[index + 1] != HAMZA):
            ends.add(index + 1)
    return frozenset(ends)
