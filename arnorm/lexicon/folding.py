"""Letter folds: the tables of the search folds, and the spelling a lexicon is looked up in.

The search folds (AR202-AR204) write أ إ آ as ا, ى as ي, ة as ه. Under a folding config the
run-on splitter reads the text it is given, folded in the first pass of the engine and folded
already in the next: so it looks every word up by its folded key (:class:`Spelling`), in a
word list folded alike, and decides the same either way. The fold tables live here, and
:mod:`arnorm.rules.folds` applies these same tables.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from arnorm.script.chars import ALEF_VARIANTS, ARABIC_MARKS, COMBINING_HAMZA_AND_MADDA, char_class
from arnorm.script.hamza import absorbed_mark, has_combining_hamza

ALEF = "\N{ARABIC LETTER ALEF}"
YEH = "\N{ARABIC LETTER YEH}"
HEH = "\N{ARABIC LETTER HEH}"
ALEF_MAKSURA = "\N{ARABIC LETTER ALEF MAKSURA}"
TEH_MARBUTA = "\N{ARABIC LETTER TEH MARBUTA}"

#: AR202: every alef letter with hamza, madda or another sign (أ إ آ ٱ ...) to bare alef.
ALEF_FOLD: Mapping[str, str] = dict.fromkeys(sorted(ALEF_VARIANTS), ALEF)
#: AR203: alef maksura to yeh.
ALEF_MAKSURA_FOLD: Mapping[str, str] = {ALEF_MAKSURA: YEH}
#: AR204: teh marbuta to heh.
TEH_MARBUTA_FOLD: Mapping[str, str] = {TEH_MARBUTA: HEH}


@functools.cache
def alef_letter() -> re.Pattern[str]:
    """An alef variant, or a bare alef with a combining hamza or madda ahead in its marks; and
    the marks that follow it."""
    marks = char_class(ARABIC_MARKS)
    hamza = char_class(COMBINING_HAMZA_AND_MADDA)
    return re.compile(f"(?:{char_class(ALEF_FOLD)}|{ALEF}(?={marks}*{hamza})){marks}*")


def _unabsorbed(marks: str) -> str:
    """The marks of a bare alef once it has given up every hamza or madda that NFC would
    join to it: each joined one would make an alef variant, which folds to bare alef again."""
    while (i := absorbed_mark(ALEF, marks)) is not None:
        marks = marks[:i] + marks[i + 1 :]
    return marks


def folded_alef(match: re.Match[str]) -> str:
    """A match of :func:`alef_letter` folded: bare alef, and the marks it does not absorb."""
    return ALEF + _unabsorbed(match.group()[1:])


@dataclass(frozen=True)
class Spelling:
    """Which letter folds a lookup applies (those of the config's search folds).

    The folds are 1:1 letter maps, so a folded word has the letters of the word at the same
    positions (a combining hamza or madda after a folded alef goes with it, as AR202 folds it).
    The default is the identity: nothing folded.

    >>> search = Spelling(alef=True, alef_maksura=True, teh_marbuta=True)
    >>> search.fold("إلى المدرسة")
    'الي المدرسه'
    >>> Spelling().fold("إلى المدرسة"), Spelling().is_identity, search.is_identity
    ('إلى المدرسة', True, False)
    """

    alef: bool = False  # alef variants read as ا (AR202's fold)
    alef_maksura: bool = False  # ى read as ي (AR203's fold)
    teh_marbuta: bool = False  # ة read as ه (AR204's fold)

    @property
    def is_identity(self) -> bool:
        """Whether the text is read as written (the clean preset's view)."""
        return self == IDENTITY

    @property
    def folds_letters(self) -> bool:
        """Whether any letter is folded."""
        return self.alef or self.alef_maksura or self.teh_marbuta

    @functools.cached_property
    def letter_map(self) -> Mapping[str, str]:
        """Every letter that is folded, and what it becomes."""
        chosen = (
            (self.alef, ALEF_FOLD),
            (self.alef_maksura, ALEF_MAKSURA_FOLD),
            (self.teh_marbuta, TEH_MARBUTA_FOLD),
        )
        return {letter: to for on, table in chosen if on for letter, to in table.items()}

    @functools.cached_property
    def folded_letter(self) -> re.Pattern[str]:
        """A letter that is folded (a pattern that matches nothing if none is)."""
        return re.compile(char_class(self.letter_map) if self.letter_map else "(?!)")

    def fold(self, text: str) -> str:
        """`text` with the folded letters folded (nothing else changes)."""
        if not self.folds_letters:
            return text
        if self.alef and has_combining_hamza(text):
            text = alef_letter().sub(folded_alef, text)  # AR202 folds the hamza with the alef
        return self.folded_letter.sub(self._swap, text)  # faster than str.translate here

    def _swap(self, match: re.Match[str]) -> str:
        return self.letter_map[match.group()]


#: The spelling as written: what the clean preset and :func:`arnorm.segment` look up.
IDENTITY = Spelling()
