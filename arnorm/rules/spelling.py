"""Spelling (AR601-AR606): the common orthography errors of Arabic news, one rule per family.

The decisions are made by :mod:`arnorm.lexicon.speller` (candidates, frequencies, context);
each rule here reports and fixes the corrections of its own family. Lint reports them by
default (``spelling_report``); they are fixed only when ``spelling`` is on (``clean(text,
spelling=True)``, ``arnorm clean --spelling``; ``arnorm check`` and ``arnorm fix`` switch it on),
and every fix is unsafe: applied by ``arnorm fix --unsafe-fixes``. A correction the speller is
not sure of (a name, a first-person verb, a common word) is reported with its suggestion in the
message and never applied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from arnorm.config import Config
from arnorm.edits import Edit
from arnorm.lexicon.speller import Correction, Family, Speller, speller_for
from arnorm.rules.base import Rule
from arnorm.script.chars import ARABIC_ALPHABET


def speller_of(config: Config) -> Speller:
    """The speller of `config`: wordfreq's list (shared with the splitter) and its
    never-change word lists."""
    return speller_for(config.never_respell)


def _fixes(correction: Correction, config: Config) -> bool:
    return config.spelling and correction.confident


def _finder(code: str, family: Family) -> Callable[[str, Config], Iterator[Edit]]:
    """The finder of one family's rule. It has no fast path of its own: its fixes are its
    confident corrections, which the engine applies from these edits (the others have none)."""

    def find(text: str, config: Config) -> Iterator[Edit]:
        for c in speller_of(config).corrections_of(text, family):
            replacement = c.replacement if _fixes(c, config) else None
            note = c.note if replacement is not None else f"{c.note} (not fixed: {_why(c)})"
            yield Edit(c.start, c.end, replacement, code, False, note)

    return find


def _why(correction: Correction) -> str:
    return "spelling is off" if correction.confident else "unsure"


def _trigger(config: Config) -> frozenset[str]:
    return ARABIC_ALPHABET


#: The fold (AR202-AR204) that erases the distinction a family restores: under it the family
#: is off, since the search preset would fold its fix away (and the folds' output would be
#: reported as misspelt).
_FOLDED_BY = {
    "alef-maksura": "fold_alef_maksura",
    "teh-marbuta": "fold_teh_marbuta",
    "hamza-missing": "fold_alef",
    "wasl-hamza": "fold_alef",
}


def _enabled_for(family: Family) -> Callable[[Config], bool]:
    fold = _FOLDED_BY.get(family)

    def enabled(config: Config) -> bool:
        if fold is not None and getattr(config, fold):
            return False
        return config.spelling or config.spelling_report

    return enabled


def _rule(code: str, name: str, message: str, family: Family, doc: str) -> Rule:
    return Rule(
        code=code,
        name=name,
        message=message,
        doc=doc,
        safe=False,
        enabled=_enabled_for(family),
        find=_finder(code, family),
        trigger=_trigger,
        changes=_spelling_on,
    )


def _spelling_on(config: Config) -> bool:
    return config.spelling


_SAFETY = """
## Fix safety
Unsafe (`arnorm fix --unsafe-fixes`, or `spelling = true`): the frequencies of a web word list
decide, and a rare word, a name or a house style may be meant. On the dev set the family's
precision is below the 0.998 that a safe fix needs (docs/spelling.md gives the figures and the
command). Where the speller is unsure it only reports, with the suggestion in the message. The
letter families are off under the fold that erases their distinction (the search preset).
"""

DETACHED_PROCLITIC = _rule(
    "AR605",
    "detached-proclitic",
    "A conjunction or preposition written apart from its word: join them",
    "detached",
    """
## What it does
Joins a one-letter conjunction or preposition written as a word of its own to the word after
it: `و الحكومة` becomes `والحكومة`; `ب`, `ف`, `ك` and `ل` only before a word with the article
(`ل الحكومة` becomes `للحكومة`). A `و` apart before a word without the article (`و قال`, a house
style of some papers) is reported, not joined.

## Why
و, ف, ب, ك and ل are written as part of the next word; apart, they break search and
tokenization, and they are the opposite of a run-on: a space where none belongs.

## Example
`الرئيس و الحكومة` becomes `الرئيس والحكومة`.
"""
    + _SAFETY,
)

ALEF_MAKSURA_YEH = _rule(
    "AR601",
    "final-yeh-alef-maksura",
    "Final ى and ي confused",
    "alef-maksura",
    """
## What it does
Corrects a final ي written for ى (`علي` for `على`, `ذكري` for `ذكرى`) and a final ى written for
ي (`فى` for `في`, `الذى` for `الذي`), with clitics (`وفى`). `علي` after a verb of saying or a
title, or before a name, is the name and stays.

## Why
Egyptian typing writes every final ي as ى, and many keyboards the reverse: about 47 and 33 per
MB of raw news. Both break search and every model trained on the text.

## Example
`بمناسبة ذكري تأسيس بلاده` becomes `بمناسبة ذكرى تأسيس بلاده`; `قال علي` stays.
"""
    + _SAFETY,
)

TEH_MARBUTA_HEH = _rule(
    "AR602",
    "final-teh-marbuta-heh",
    "Final ة and ه confused",
    "teh-marbuta",
    """
## What it does
Corrects a final ه written for ة (`مدرسه` for `مدرسة`) and a final ة written for ه (`علية` for
`عليه`, `أنة` for `أنه`), where the other spelling is far more frequent.

## Why
The two letters look alike at the end of a word and many writers drop the dots of ة: about 34
per MB of raw news. A word with the wrong one is a different word, or none.

## Example
`في المدرسه` becomes `في المدرسة`; `بأنة` becomes `بأنه`.
"""
    + _SAFETY,
)

HAMZA_MISSING = _rule(
    "AR603",
    "missing-hamza",
    "Hamzat al-qat' left off its alef",
    "hamza-missing",
    """
## What it does
Puts back the hamza of hamzat al-qat' on the alef that begins a word, after any proclitics
(`اكد` becomes `أكد`, `والادارة` becomes `والإدارة`, `بالاضافة` becomes `بالإضافة`), where the
spelling with hamza is clearly the more frequent and the text writes its other hamzas. When two
hamza spellings are both common (`احداث`: أحداث or إحداث) it only reports.

## Why
Leaving hamza off is the most frequent error of scraped news (about 94 per MB); it merges
different words (أن, إن) and hides words from a search that spells them right.

## Example
`واضاف الوزير ايضا` becomes `وأضاف الوزير أيضا`.
"""
    + _SAFETY,
)

WASL_HAMZA = _rule(
    "AR604",
    "hamza-on-wasl",
    "A hamza written on hamzat al-wasl",
    "wasl-hamza",
    """
## What it does
Takes the hamza off the alef of hamzat al-wasl, which is never written: the past verbs, imperatives
and verbal nouns of forms VII, VIII and X (`إنتخابات` becomes `انتخابات`, `إتفاق` becomes `اتفاق`).
A form that is also a first-person verb (`أحتفل`, I celebrate) is changed only when the sentence
puts it in the past (`العام الماضي`, `أمس`); otherwise it is reported.

## Why
Writers who learnt that a word-initial alef takes a hamza put one where grammar forbids it
(about 38 per MB of raw news).

## Example
`وسط إنتشار كثيف` becomes `وسط انتشار كثيف`; `أن أحتفل` stays.
"""
    + _SAFETY,
)

MISSPELT_WORD = _rule(
    "AR606",
    "misspelt-word",
    "A common misspelling of a whole word",
    "misspelt-word",
    """
## What it does
Corrects words that are commonly misspelt as a whole, from a short list written for arnorm
(`هذة` for `هذه`, `ذالك` for `ذلك`, `لاكن` for `لكن`, `شيئ` for `شيء`), with their proclitics.

## Why
These misspellings are frequent enough in web text that a frequency list cannot tell them from
words (wordfreq lists هذة at Zipf 4.7), so they are listed by hand.

## Example
`في هذة المدينة` becomes `في هذه المدينة`.
"""
    + _SAFETY,
)

RULES: tuple[Rule, ...] = (
    DETACHED_PROCLITIC,
    ALEF_MAKSURA_YEH,
    TEH_MARBUTA_HEH,
    HAMZA_MISSING,
    WASL_HAMZA,
    MISSPELT_WORD,
)
