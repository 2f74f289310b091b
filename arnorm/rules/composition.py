"""Decomposed hamza (AR106): the last rule that changes letters.

A letter and a combining hamza or madda are one letter to a reader ("ا" + U+0654 is "أ") and
two code points to a program. The rules before this one can bring such a pair together: AR301
moves a hamza off a removed tatweel onto the letter (يـٔ), AR201 turns a Persian yeh that
carries one into an Arabic yeh (یٔ), the folds turn ى into ي (ىٔ). So the pairs are composed
last, after every rule that changes letters or marks, and one pass is enough on most text (the
engine's next pass composes what is left). The rules before it read a pair that touches as the
letter it canonically is (:mod:`arnorm.script.hamza`).
"""

from __future__ import annotations

from arnorm.rules.base import Rule, substitution_rule
from arnorm.script.chars import COMBINING_HAMZA_AND_MADDA, describe
from arnorm.script.hamza import composed, decomposed_pair

DECOMPOSED_HAMZA = substitution_rule(
    code="AR106",
    name="decomposed-hamza",
    message="Letter and combining hamza or madda: use the composed letter",
    doc="""
## What it does
Joins a letter and a following combining hamza or madda (U+0653-U+0655) into the one letter
that has them, exactly where canonical composition (NFC) does: `ا` + U+0654 becomes `أ`,
`ا` + U+0653 `آ`, `ا` + U+0655 `إ`, `و` + U+0654 `ؤ`, `ي` + U+0654 `ئ`, and the Persian and
Urdu pairs. The pairs come from Unicode's decompositions. A haraka between the letter and the
hamza does not stop it, as in NFC; the other marks keep their order. It runs after every other
rule that changes letters or marks, because they can make a pair: a hamza on a removed
tatweel moves to the letter (`يـٔ`, AR301), a Persian yeh becomes an Arabic one (`یٔ`, AR201).

## Why
Some keyboards and converters type the hamza as a separate mark. The word looks the same and
matches nothing: `سا` + U+0654 + `ل` is not `سأل` to a search engine or a dictionary.

## Example
`ا` + U+0654 + `حمد` becomes `أحمد`.

## Fix safety
Safe: the two spellings are canonically equivalent.
""",
    enabled=lambda config: config.hamza_composition,
    pattern=lambda config: decomposed_pair(),
    replace=lambda match, config: composed(match),
    trigger=lambda config: COMBINING_HAMZA_AND_MADDA,
    note=lambda match: f"{describe(match.group()[-1])} after {describe(match.group()[0])}",
)

RULES: tuple[Rule, ...] = (DECOMPOSED_HAMZA,)
