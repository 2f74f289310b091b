r"""Inline suppression: ``arnorm: ignore``, ``arnorm: ignore[CODES]``, ``arnorm: off`` / ``on``.

A style guide quotes bad examples on purpose. ``arnorm: ignore`` anywhere on a line drops
every edit on that line; ``arnorm: ignore[AR101,exotic-space]`` drops only those rules' edits
(codes, prefixes or names). Between ``arnorm: off`` and ``arnorm: on`` (both lines included;
an ``off`` without ``on`` runs to the end) the rules do not even see the text. In Markdown the
directives usually sit in HTML comments (``<!-- arnorm: off -->``); inside code they are
examples, not directives, and are skipped.

>>> text = "نص\xa0أول\nمثال\xa0خاطئ <!-- arnorm: ignore[AR104] -->\nنص\xa0أخير"
>>> found = scan(text)
>>> [(text[a:b], sorted(codes or ())) for a, b, codes in found.suppress]
[('مثال\xa0خاطئ <!-- arnorm: ignore[AR104] -->\n', ['AR104'])]
"""

from __future__ import annotations

import functools
import re
import sys
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from arnorm.engine import Suppression
from arnorm.rules import matching

Span = tuple[int, int]


@functools.cache
def _directive() -> re.Pattern[str]:
    ignore = r"(?P<ignore>ignore\b)(?:\[(?P<codes>[^\]\n]*)\])?"
    return re.compile(rf"arnorm:[ \t]*(?:{ignore}|(?P<switch>off|on)\b)")


@dataclass
class Directives:
    """What the directives of a text ask for, and the problems found in them."""

    protect: list[Span] = field(default_factory=list)
    suppress: list[Suppression] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (position, message)


def scan(text: str, skip: Sequence[Span] = ()) -> Directives:
    """The directives of `text`, outside the sorted, disjoint `skip` spans (code)."""
    found = Directives()
    off_since: int | None = None
    for match in _directive().finditer(text):
        if _inside(skip, match.start()):
            continue
        start, end = _line(text, match.start())
        switch = match.group("switch")
        if match.group("ignore"):
            found.suppress.append((start, end, _codes(match, found)))
        elif switch == "off" and off_since is None:
            off_since = start
        elif switch == "on" and off_since is not None:
            found.protect.append((off_since, end))
            off_since = None
    if off_since is not None:
        found.protect.append((off_since, len(text)))
    return found


def _codes(match: re.Match[str], found: Directives) -> frozenset[str] | None:
    """The codes of ``ignore[...]`` (None for a bare ``ignore``: every rule)."""
    listed = match.group("codes")
    if listed is None:
        return None
    codes: set[str] = set()
    for selector in filter(None, (s.strip() for s in listed.split(","))):
        try:
            codes |= matching([selector])
        except ValueError:
            found.problems.append((match.start(), f"unknown rule {selector!r} in arnorm: ignore"))
    return frozenset(codes)


def _line(text: str, position: int) -> Span:
    """The line around `position`, its line feed included."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end + 1


def _inside(spans: Sequence[Span], position: int) -> bool:
    k = bisect_right(spans, (position, sys.maxsize)) - 1
    return k >= 0 and spans[k][0] <= position < spans[k][1]
