"""The rule registry: every rule, in the order the engine runs them.

The order is part of the design. Scraping repairs come first because they recover the text
the other rules should see (mojibake before anything reads letters or quotes); invisible and
Unicode-level repairs next, so that letters are letters; the run-on splitter runs on
normalised letters but before diacritics are stripped or spelling is folded (its dictionary
knows the unfolded spelling); the spelling rules (AR60x) read the words it leaves, before the
folds; typography comes last, and the balance check sees the final text.

A rule that reads what a later rule will change reads it as that rule will leave it, so that
cleaning twice gives what cleaning once gave: the splitter reads runs folded and composed as
the folds and AR106 will leave them, AR201 reads a letter and a combining hamza as the letter
AR106 will make, AR301 weighs only the marks that AR302, AR303, AR202 and AR106 will leave.
The hamza composition (AR106) comes after every rule that changes letters or marks, since
each of them can bring a letter and a combining hamza together.

To add a rule, define it in the module of its theme and list it in that module's ``RULES``.
Codes are public and never reused.
"""

from __future__ import annotations

from collections.abc import Iterable

from arnorm.rules import (
    balance,
    composition,
    digits,
    folds,
    html,
    invisibles,
    letters,
    marks,
    mojibake,
    punctuation,
    quotes,
    runons,
    spacing,
    spelling,
)
from arnorm.rules.base import Rule

RULES: tuple[Rule, ...] = (
    *mojibake.RULES,
    *html.RULES,
    *invisibles.RULES,
    *letters.RULES,
    *runons.RULES,
    *spelling.RULES,
    *marks.RULES,
    *digits.RULES,
    *folds.RULES,
    *composition.RULES,
    *quotes.RULES,
    *punctuation.RULES,
    *spacing.RULES,
    *balance.RULES,
)

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}


def matching(selectors: Iterable[str]) -> frozenset[str]:
    """The codes of the rules that `selectors` name: codes, code prefixes, or rule names.

    >>> sorted(matching(["AR10"])) == sorted(c for c in BY_CODE if c.startswith("AR10"))
    True
    >>> matching(["ALL"]) == frozenset(BY_CODE)
    True
    >>> matching(["no-such-rule"])
    Traceback (most recent call last):
    ...
    ValueError: no rule matches 'no-such-rule'
    """
    codes: set[str] = set()
    for selector in selectors:
        found = _match_one(selector.strip())
        if not found:
            raise ValueError(f"no rule matches {selector!r}")
        codes |= found
    return frozenset(codes)


def _match_one(selector: str) -> set[str]:
    if selector.upper() == "ALL":
        return set(BY_CODE)
    if selector in BY_NAME:
        return {BY_NAME[selector].code}
    return {code for code in BY_CODE if code.startswith(selector.upper())}
