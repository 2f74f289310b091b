"""The edit log: one record of every change, from which fixes, lint, diffs and offsets come.

A rule reports :class:`Edit` objects against the text it saw. The engine runs rules one after
another, so the edits of a later rule are first expressed against an intermediate text;
:func:`compose` rewrites them against the original input, merging edits that touch the same
characters. :class:`OffsetMap` then maps spans between input and output in both directions.

>>> source = "ab\N{ZERO WIDTH SPACE}cd"
>>> first = [Edit(2, 3, "", "AR101")]
>>> middle = apply_edits(source, first)
>>> middle
'abcd'
>>> second = [Edit(2, 2, " ", "AR501")]
>>> log = compose(first, middle, second, source=source)
>>> [(e.start, e.end, e.replacement, e.code) for e in log]
[(2, 3, '', 'AR101'), (3, 3, ' ', 'AR501')]
>>> apply_edits(source, log)
'ab cd'
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with `replacement`, on behalf of the rule `code`.

    `replacement` is ``None`` for a finding that has no fix (an unpaired quote, say).
    `safe` says whether ``arnorm fix`` applies it without ``--unsafe-fixes``. `note` explains
    this particular change; `also` lists the codes of later rules whose edits were merged in.
    """

    start: int
    end: int
    replacement: str | None
    code: str
    safe: bool = True
    note: str = ""
    also: tuple[str, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        """Every rule that took part in this edit, first the one that started it."""
        return (self.code, *self.also)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply sorted, non-overlapping `edits` to `text`; report-only edits are skipped.

    Insertions at the same position are applied in the order given.

    >>> apply_edits("abc", [Edit(0, 1, "A", "X"), Edit(1, 1, "-", "X"), Edit(2, 3, None, "Y")])
    'A-bc'
    """
    parts: list[str] = []
    position = 0
    for edit in edits:
        if edit.replacement is None:
            continue
        parts.append(text[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


def _strictly_overlap(a: int, b: int, s: int, e: int) -> bool:
    """Whether spans [a, b) and [s, e) share a character, or one empty span sits inside the other.

    Spans that only touch do not overlap: their edits can stay apart without ambiguity.
    """
    if max(a, s) < min(b, e):
        return True
    if s == e and a < s < b:
        return True
    return a == b and s < a < e


def compose(log: Sequence[Edit], text: str, edits: Sequence[Edit], *, source: str) -> list[Edit]:
    """The log against the original input after `edits` (against `text`) are applied too.

    `log` turns `source`, the original input, into `text`. Edits of `edits` that overlap a
    logged edit are merged with it into one edit whose replacement is the final text of that
    span; merged edits keep every code (``also``) and are safe only if all their parts are.
    A merged edit that undoes
    itself (the final text equals the input) is dropped. Runs in linear time after a sort.
    """
    if not log:
        return _first_log(edits, source)
    return merged_log(log, text, edits, source)


def merged_log(log: Sequence[Edit], text: str, edits: Sequence[Edit], source: str) -> list[Edit]:
    """:func:`compose` in general: old and new edits placed on `text`, then merged (public so
    that a test can check compose's shortcut for an empty log against it)."""
    placed: list[tuple[int, int, int, Edit]] = []
    delta = 0
    for old in log:
        assert old.replacement is not None
        out_start = old.start + delta
        placed.append((out_start, out_start + len(old.replacement), 0, old))
        delta += len(old.replacement) - (old.end - old.start)
    placed.extend((e.start, e.end, 1, e) for e in edits if e.replacement is not None)
    placed.sort(key=lambda item: item[:3])

    result: list[Edit] = []
    delta = 0  # length change of the logged edits before the current group
    i = 0
    while i < len(placed):
        lo, hi = placed[i][0], placed[i][1]
        group = [placed[i]]
        i += 1
        while i < len(placed) and _strictly_overlap(lo, hi, placed[i][0], placed[i][1]):
            group.append(placed[i])
            hi = max(hi, placed[i][1])
            i += 1
        merged, delta = _merge(group, text, lo, hi, delta)
        if merged.replacement != source[merged.start : merged.end]:
            result.append(merged)
    return result


def _first_log(edits: Sequence[Edit], source: str) -> list[Edit]:
    """:func:`compose` with an empty log (5 in 6 calls on news lines): then `source` is the
    text the edits were made on and there is nothing to merge, so each edit stays as it is,
    unless it changes nothing."""
    fresh = sorted((e for e in edits if e.replacement is not None), key=lambda e: (e.start, e.end))
    return [e for e in fresh if e.replacement != source[e.start : e.end]]


def _merge(
    group: list[tuple[int, int, int, Edit]], text: str, lo: int, hi: int, delta: int
) -> tuple[Edit, int]:
    """One edit against the input for a group of overlapping old and new edits."""
    if len(group) == 1 and group[0][2] == 0:
        old = group[0][3]
        assert old.replacement is not None
        return old, delta + len(old.replacement) - (old.end - old.start)
    start = lo - delta
    for _, _, kind, edit in group:
        if kind == 0:
            assert edit.replacement is not None
            delta += len(edit.replacement) - (edit.end - edit.start)
    end = hi - delta
    new = [edit for _, _, kind, edit in group if kind == 1]
    replacement = apply_edits(text[lo:hi], [_shift(e, -lo) for e in new])
    if len(group) == 1:
        only = new[0]
        return Edit(start, end, replacement, only.code, only.safe, only.note, only.also), delta
    ordered = [edit for _, _, kind, edit in group if kind == 0] + new  # earlier passes first
    codes = list(dict.fromkeys(code for edit in ordered for code in edit.codes))
    merged = Edit(
        start,
        end,
        replacement,
        codes[0],
        all(edit.safe for edit in ordered),
        ordered[0].note,
        tuple(codes[1:]),
    )
    return merged, delta


def _shift(edit: Edit, by: int) -> Edit:
    return Edit(edit.start + by, edit.end + by, edit.replacement, edit.code, edit.safe)


class OffsetMap:
    """Maps spans between an input and the output of a log of edits, both ways.

    A position inside an edited span maps to the whole edited span on the other side; a
    position on a boundary maps to the widest span that corresponds, so a mapped span always
    covers what the original span came from.

    >>> m = OffsetMap([Edit(2, 3, "", "AR101"), Edit(5, 5, " ", "AR501")])
    >>> m.to_source(0, 2), m.to_source(2, 4), m.to_source(4, 5)
    ((0, 3), (2, 5), (5, 5))
    >>> m.to_output(0, 3), m.to_output(3, 6)
    ((0, 2), (2, 6))
    """

    def __init__(self, log: Sequence[Edit]) -> None:
        self._in_start: list[int] = []
        self._in_end: list[int] = []
        self._out_start: list[int] = []
        self._out_end: list[int] = []
        self._delta_before: list[int] = [0]  # output minus input length, before edit k
        delta = 0
        for edit in log:
            assert edit.replacement is not None
            self._in_start.append(edit.start)
            self._in_end.append(edit.end)
            self._out_start.append(edit.start + delta)
            delta += len(edit.replacement) - (edit.end - edit.start)
            self._out_end.append(edit.end + delta)
            self._delta_before.append(delta)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The input span that the output span ``[start, end)`` came from."""
        forward = (self._out_start, self._out_end, self._in_start, self._in_end)
        return (
            self._map(start, *forward, sign=-1, widen_left=True),
            self._map(end, *forward, sign=-1, widen_left=False),
        )

    def to_output(self, start: int, end: int) -> tuple[int, int]:
        """The output span that the input span ``[start, end)`` became."""
        backward = (self._in_start, self._in_end, self._out_start, self._out_end)
        return (
            self._map(start, *backward, sign=1, widen_left=True),
            self._map(end, *backward, sign=1, widen_left=False),
        )

    def _map(
        self,
        point: int,
        starts: list[int],
        ends: list[int],
        other_starts: list[int],
        other_ends: list[int],
        *,
        sign: int,
        widen_left: bool,
    ) -> int:
        k = bisect_left(ends, point)  # first edit ending at or after point
        if k < len(ends) and starts[k] < point < ends[k]:
            return other_starts[k] if widen_left else other_ends[k]
        if widen_left:
            # Edits before the point; an empty edit sitting at the point counts as after it.
            if k < len(ends) and ends[k] == point and starts[k] < point:
                k += 1
        else:
            k = bisect_right(ends, point)
        return point + sign * self._delta_before[k]
