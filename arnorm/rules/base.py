"""What a rule is: a code, a name, a doc, when it is on, and how it finds and fixes.

A rule finds :class:`~arnorm.edits.Edit` objects in the text it is given (the log path) and
may also have a fast path that returns the fixed text directly. The two must agree:
``rule.fix(text, config) == apply_edits(text, rule.find(text, config))``; the property tests
check it for every rule. :func:`substitution_rule` builds both paths from one pattern and one
replacement function, so they agree by construction.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from arnorm.config import Config
from arnorm.edits import Edit, apply_edits

Finder = Callable[[str, Config], Iterable[Edit]]
Fixer = Callable[[str, Config], str]
Trigger = Callable[[Config], frozenset[str]]


class Pattern(Protocol):
    """A compiled pattern (of :mod:`re`; anything with these methods will do)."""

    def finditer(self, string: str) -> Iterator[re.Match[str]]: ...
    def sub(self, repl: Callable[[re.Match[str]], str], string: str) -> str: ...
    def search(self, string: str) -> re.Match[str] | None: ...


@dataclass(frozen=True, eq=False)
class Rule:
    """One rule: a stable public code and name, its documentation, and its behaviour.

    `doc` is Markdown with the sections What it does / Why / Example / Fix safety; it is what
    ``arnorm rules CODE`` prints. `safe` is the default safety of the rule's edits (an edit may
    override it). `enabled` reads the config; the engine also drops rules whose code is in
    ``config.ignore``.

    `trigger`, when given, names the characters without which the rule has nothing to do:
    ``trigger(config)`` is a set such that a text holding none of them gets no edit. The engine
    finds the characters of all triggers in one scan and skips the rules whose trigger is
    absent, so a rule that rarely fires costs next to nothing. A test checks each trigger.

    `aliases` are the codes the rule had before it was renumbered: selections, ``ignore`` and
    suppression comments still accept them, so user configs keep working.

    `changes`, when given, says whether the rule may change text under a config at all (the
    spelling rules only report unless ``spelling`` is on): :func:`arnorm.fix` and
    :func:`arnorm.clean`, which keep changes only, skip it where it may not. Without it, a rule
    may change text unless its fast path is :func:`unchanged`.
    """

    code: str
    name: str
    message: str
    doc: str
    safe: bool
    enabled: Callable[[Config], bool]
    find: Finder
    fast: Fixer | None = None
    trigger: Trigger | None = None
    aliases: tuple[str, ...] = ()
    changes: Callable[[Config], bool] | None = None

    def runs(self, config: Config) -> bool:
        """Whether `config` switches this rule on (and ignores neither its code nor an alias)."""
        ignored = self.code in config.ignore or not config.ignore.isdisjoint(self.aliases)
        return not ignored and self.enabled(config)

    def may_change(self, config: Config) -> bool:
        """Whether the rule may change text under `config` (or only reports there)."""
        if self.fast is unchanged:
            return False
        return self.changes is None or self.changes(config)

    def fix(self, text: str, config: Config) -> str:
        """The fixed text: the fast path when the rule has one, else the edits applied."""
        if self.fast is not None:
            return self.fast(text, config)
        return apply_edits(text, self.find(text, config))

    @property
    def summary(self) -> str:
        """The first line of the doc's What section, for tables."""
        for line in self.doc.strip().splitlines():
            line = line.strip()
            if line and not line.startswith("#") and not line.endswith(":"):
                return line
        return self.message


def unchanged(text: str, config: Config) -> str:
    """The fast path of a rule that only reports: it has nothing to fix. :func:`arnorm.clean`
    skips the rules whose fast path this is."""
    return text


def with_fast(fast: Fixer, rule: Rule) -> Rule:
    """`rule` with another fast path: one measured faster for the same result (a chained
    ``str.replace`` where the pattern is a plain character, say). The property tests check
    that it still equals the rule's edits applied.
    """
    return dataclasses.replace(rule, fast=fast)


def ignoring_config(fix: Callable[[str], str]) -> Fixer:
    """A fix function of the text alone, as a fast path (which is also given the config)."""

    def fast(text: str, config: Config) -> str:
        return fix(text)

    return fast


def substitution_rule(
    *,
    code: str,
    name: str,
    message: str,
    doc: str,
    enabled: Callable[[Config], bool],
    pattern: Callable[[Config], Pattern],
    replace: Callable[[re.Match[str], Config], str],
    safe: bool = True,
    note: Callable[[re.Match[str]], str] | None = None,
    trigger: Trigger | None = None,
    aliases: tuple[str, ...] = (),
    fix: Callable[[str], str] | None = None,
) -> Rule:
    """A rule that rewrites every match of `pattern` with ``replace(match, config)``.

    `pattern` is a function of the config (cache it) so that patterns compile on first use,
    not at import. Matches whose replacement equals the matched text are not edits. `fix`,
    for a rule whose pattern and replacement do not read the config, is the rule's public fix
    function (``replace_exotic_spaces``, say): it becomes the fast path, as ftfy's fixers are
    its pipeline, and the property tests check that it equals the edits applied.
    """

    def find(text: str, config: Config) -> Iterator[Edit]:
        for match in pattern(config).finditer(text):
            replacement = replace(match, config)
            if replacement != match.group():
                detail = note(match) if note is not None else ""
                yield Edit(match.start(), match.end(), replacement, code, safe, detail)

    def fast(text: str, config: Config) -> str:
        return pattern(config).sub(lambda match: replace(match, config), text)

    fast_path = fast if fix is None else ignoring_config(fix)
    return Rule(code, name, message, doc, safe, enabled, find, fast_path, trigger, aliases)
