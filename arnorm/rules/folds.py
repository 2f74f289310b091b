"""Spelling folds for search (AR202, AR203, AR204).

Arabic writers and keyboards differ on a few letters: hamza on alef is often left out (احمد
for أحمد), final yeh is written as alef maksura in Egypt (فى for في), teh marbuta as heh
(مدرسه for مدرسة). A search index must match them all, so the search preset folds each group
to one letter. These folds lose a distinction on purpose, so the clean preset never makes
them: على and علي are different words.
"""

from __future__ import annotations

import functools
import re

from arnorm.lexicon.folding import (
    ALEF_FOLD,
    ALEF_MAKSURA,
    ALEF_MAKSURA_FOLD,
    TEH_MARBUTA,
    TEH_MARBUTA_FOLD,
    alef_letter,
    folded_alef,
)
from arnorm.rules.base import Rule, substitution_rule, with_fast
from arnorm.script.chars import COMBINING_HAMZA_AND_MADDA, describe
from arnorm.script.hamza import has_combining_hamza

# The tables of arnorm.lexicon.folding, which the run-on splitter reads through (one source).
YEH = ALEF_MAKSURA_FOLD[ALEF_MAKSURA]
HEH = TEH_MARBUTA_FOLD[TEH_MARBUTA]


def fold_alef(text: str) -> str:
    """Write every alef as bare alef: أ إ آ ٱ and the other alef letters become ا.

    A combining hamza or madda that AR106 would join to the folded alef goes with the fold,
    so that "ا" + U+0654 (a decomposed أ) and "آ" + U+0653 fold to bare alef in one pass;
    the other marks stay.

    >>> fold_alef("أحمد إلى آخر ٱلكتاب")
    'احمد الى اخر الكتاب'
    >>> fold_alef("ا\N{ARABIC HAMZA ABOVE}\N{ARABIC FATHA}خ آ\N{ARABIC MADDAH ABOVE}")
    'اَخ ا'
    """
    if has_combining_hamza(text):
        return alef_letter().sub(folded_alef, text)
    for variant, alef in ALEF_FOLD.items():  # chained str.replace: the fastest (benchmarks/)
        text = text.replace(variant, alef)
    return text


def fold_alef_maksura(text: str) -> str:
    """Write alef maksura as yeh: ى becomes ي.

    >>> fold_alef_maksura("على مستشفى")
    'علي مستشفي'
    """
    return text.replace(ALEF_MAKSURA, YEH)


def fold_teh_marbuta(text: str) -> str:
    """Write teh marbuta as heh: ة becomes ه.

    >>> fold_teh_marbuta("مدرسة")
    'مدرسه'
    """
    return text.replace(TEH_MARBUTA, HEH)


@functools.cache
def _letter(ch: str) -> re.Pattern[str]:
    return re.compile(re.escape(ch) + "+")


_SAFETY = """
## Fix safety
Safe when asked for: the fold loses a distinction by design, for search, and is never on in
the clean preset.
"""

FOLD_ALEF = with_fast(
    lambda text, config: fold_alef(text),
    substitution_rule(
        code="AR202",
        name="fold-alef",
        message="Alef variant: fold to bare alef",
        doc="""
## What it does
With `fold_alef = true` (the search preset), writes alef with hamza above or below, alef with
madda, alef wasla and the other alef letters of Unicode (derived from their names) as bare
alef `ا`. A combining hamza or madda (U+0653-U+0655) that canonical composition would join to
the folded alef goes too: `ا` + U+0654 is a decomposed `أ`, and `آ` + U+0653 would become
`آ` again once AR106 composed it; the other marks stay.

## Why
Hamza on alef is left out as often as it is written (`احمد`, `اسلام`), so a search for one
spelling must find the other.

## Example
`أحمد إلى آخر ٱلكتاب` becomes `احمد الى اخر الكتاب`.
"""
        + _SAFETY,
        enabled=lambda config: config.fold_alef,
        pattern=lambda config: alef_letter(),
        replace=lambda match, config: folded_alef(match),
        trigger=lambda config: frozenset(ALEF_FOLD) | COMBINING_HAMZA_AND_MADDA,
        note=lambda match: f"{describe(match.group()[0])}: fold to alef",
    ),
)

FOLD_ALEF_MAKSURA = with_fast(
    lambda text, config: text.replace(ALEF_MAKSURA, YEH),
    substitution_rule(
        code="AR203",
        name="fold-alef-maksura",
        message="Alef maksura: fold to yeh",
        doc="""
## What it does
With `fold_alef_maksura = true` (the search preset), writes alef maksura `ى` as yeh `ي`.

## Why
Egyptian and much web writing puts `ى` for final `ي` (`فى` for `في`), and the reverse happens
too, so a search must treat them as one letter. It makes `على` and `علي` one key: the price
of matching both spellings.

## Example
`على مستشفى` becomes `علي مستشفي`.
"""
        + _SAFETY,
        enabled=lambda config: config.fold_alef_maksura,
        pattern=lambda config: _letter(ALEF_MAKSURA),
        replace=lambda match, config: YEH * len(match.group()),
        trigger=lambda config: frozenset(ALEF_MAKSURA),
        note=lambda match: "alef maksura: fold to yeh",
    ),
)

FOLD_TEH_MARBUTA = with_fast(
    lambda text, config: text.replace(TEH_MARBUTA, HEH),
    substitution_rule(
        code="AR204",
        name="fold-teh-marbuta",
        message="Teh marbuta: fold to heh",
        doc="""
## What it does
With `fold_teh_marbuta = true` (the search preset), writes teh marbuta `ة` as heh `ه`.

## Why
Final teh marbuta is often typed as heh (`مدرسه`), so a search must treat them as one letter.

## Example
`مدرسة` becomes `مدرسه`.
"""
        + _SAFETY,
        enabled=lambda config: config.fold_teh_marbuta,
        pattern=lambda config: _letter(TEH_MARBUTA),
        replace=lambda match, config: HEH * len(match.group()),
        trigger=lambda config: frozenset(TEH_MARBUTA),
        note=lambda match: "teh marbuta: fold to heh",
    ),
)

RULES: tuple[Rule, ...] = (FOLD_ALEF, FOLD_ALEF_MAKSURA, FOLD_TEH_MARBUTA)
