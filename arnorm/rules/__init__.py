"""The rule registry: every rule, in the order the engine runs them.

The order is part of the design. Scraping repairs come first because they recover the text
the other rules should see (mojibake before anything reads letters or quotes); invisible and
Unicode-level repairs next, so that letters are letters; the run-on splitter runs on
normalised letters but before diacritics are stripped or spelling is folded (its dictionary
knows the unfolded spelling); the spelling rules (AR60x) read the words it leaves, before the
folds; typography comes last, and the balance check sees the final text.

Each rule reads the text it is given. What a later rule leaves for an earlier one (a hamza that
AR301 moves onto a letter, a fold that makes a run-on visible) the engine finds on its next
pass (:mod:`arnorm.engine`, ``docs/engine.md``), so no rule predicts another. The order still
matters for speed: most text reaches its fixpoint in one pass. The hamza composition (AR106)
comes after every rule that changes letters or marks, since each of them can bring a letter and
a combining hamza together.

To add a rule, define it in the module of its theme and list it in that module's ``RULES``.
Codes are public and never reused. The prefixes group them by theme: AR1xx invisible and
Unicode-level repairs, AR2xx letters, AR3xx marks and digits, AR4xx typography, AR5xx run-on
words, AR7xx scraping repairs (mojibake and HTML). A rule that was renumbered keeps its old
code as an alias (:data:`ALIASES`): the scraping repairs were AR441, AR431 and AR432 under the
typography prefix until they got their own.
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
#: The old code of each renumbered rule, with its current code.
ALIASES: dict[str, str] = {alias: rule.code for rule in RULES for alias in rule.aliases}


def rule_of(code: str) -> Rule | None:
    """The rule of `code`, a current code or an old one (:data:`ALIASES`), if there is one.

    >>> rule_of("AR441").name, rule_of("ar701").name, rule_of("AR999")
    ('mojibake', 'mojibake', None)
    """
    code = code.upper()
    return BY_CODE.get(ALIASES.get(code, code))


def matching(selectors: Iterable[str]) -> frozenset[str]:
    """The codes of the rules that `selectors` name: codes, code prefixes, or rule names.

    >>> sorted(matching(["AR10"])) == sorted(c for c in BY_CODE if c.startswith("AR10"))
    True
    >>> matching(["ALL"]) == frozenset(BY_CODE)
    True

    A prefix selects by the current codes: ``AR4`` is the typography rules, no longer the
    scraping repairs that once shared its prefix. A selector that matches no current code is
    read against the old codes, so ``AR441`` (and ``AR44``) still name the mojibake rule:

    >>> sorted(matching(["AR441", "AR43"]))
    ['AR701', 'AR702', 'AR703']
    >>> "AR701" in matching(["AR4"])
    False
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
    prefix = selector.upper()
    found = {code for code in BY_CODE if code.startswith(prefix)}
    return found or {code for alias, code in ALIASES.items() if alias.startswith(prefix)}
