"""The edit log: composing passes, replaying edits, and offset maps (phenomenon: bookkeeping)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from arnorm.edits import Edit, OffsetMap, apply_edits, compose, merged_log


@st.composite
def edits_for(draw: st.DrawFn, text: str) -> list[Edit]:
    """Sorted, non-overlapping random edits (replacements, deletions, insertions) of `text`."""
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits: list[Edit] = []
    previous = 0
    for a, b in zip(points[::2], points[1::2], strict=False):
        if a < previous or (edits and a == previous == b and edits[-1].start == edits[-1].end):
            continue
        replacement = draw(st.text(alphabet="XYZ ", max_size=3))
        code = draw(st.sampled_from(["AR101", "AR201", "AR501"]))
        edits.append(Edit(a, b, replacement, code, draw(st.booleans())))
        previous = b
    return edits


@st.composite
def passes(draw: st.DrawFn) -> tuple[str, list[str], list[Edit]]:
    """A source text, the texts after each of up to five passes, and the composed log."""
    source = draw(st.text(alphabet="abcdef", max_size=15))
    texts = [source]
    log: list[Edit] = []
    for _ in range(draw(st.integers(1, 5))):
        edits = draw(edits_for(texts[-1]))
        log = compose(log, texts[-1], edits, source=source)
        texts.append(apply_edits(texts[-1], edits))
    return source, texts, log


@given(passes())
@example(("ab", ["ab", "a", "aX"], [Edit(1, 2, "X", "AR101")]))
def test_composed_log_replays_to_the_final_text(case: tuple[str, list[str], list[Edit]]) -> None:
    source, texts, log = case
    assert apply_edits(source, log) == texts[-1]


@given(passes())
def test_composed_log_is_sorted_disjoint_and_real(case: tuple[str, list[str], list[Edit]]) -> None:
    source, _, log = case
    for before, after in itertools.pairwise(log):
        assert before.end <= after.start
    for edit in log:
        assert edit.replacement != source[edit.start : edit.end]


@given(passes(), st.data())
def test_offset_maps_cover_what_a_span_came_from(
    case: tuple[str, list[str], list[Edit]], data: st.DataObject
) -> None:
    source, texts, log = case
    output = texts[-1]
    offsets = OffsetMap(log)
    start = data.draw(st.integers(0, len(output)))
    end = data.draw(st.integers(start, len(output)))
    in_start, in_end = offsets.to_source(start, end)
    assert 0 <= in_start <= in_end <= len(source)
    back_start, back_end = offsets.to_output(in_start, in_end)
    assert back_start <= start
    assert end <= back_end


@given(passes(), st.data())
def test_offset_maps_are_exact_away_from_edits(
    case: tuple[str, list[str], list[Edit]], data: st.DataObject
) -> None:
    source, _, log = case
    offsets = OffsetMap(log)
    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, len(source)))
    untouched = all(e.end < start or e.start > end for e in log)
    out_start, out_end = offsets.to_output(start, end)
    if untouched:
        assert offsets.to_source(out_start, out_end) == (start, end)
        assert apply_edits(source, log)[out_start:out_end] == source[start:end]


MERGES = [
    pytest.param(
        "aXb",
        [[Edit(1, 2, "YZ", "AR105")], [Edit(1, 2, "W", "AR201")]],
        [(1, 2, "WZ", ("AR105", "AR201"))],
        id="a later rule rewrites part of an earlier replacement",
    ),
    pytest.param(
        "abc",
        [[Edit(1, 2, "", "AR101")], [Edit(1, 1, " ", "AR501")]],
        [(1, 2, "", ("AR101",)), (2, 2, " ", ("AR501",))],
        id="insertion where a character was deleted stays a separate edit",
    ),
    pytest.param(
        "ab",
        [[Edit(1, 1, "X", "AR501")], [Edit(1, 2, "", "AR101")]],
        [(1, 1, "", ("AR501", "AR101"))],
        id="an insertion removed again leaves nothing",
    ),
]


@pytest.mark.parametrize(("source", "steps", "expected"), MERGES)
def test_merges(source: str, steps: list[list[Edit]], expected: list[tuple[object, ...]]) -> None:
    text, log = source, []
    for edits in steps:
        log = compose(log, text, edits, source=source)
        text = apply_edits(text, edits)
    got = [(e.start, e.end, e.replacement, e.codes) for e in log]
    assert got == [e for e in expected if e[2] != source[e[0] : e[1]]]


@given(st.text(alphabet="abc", max_size=12).flatmap(lambda s: st.tuples(st.just(s), edits_for(s))))
@example(("ab", [Edit(1, 1, "X", "AR101"), Edit(1, 2, "b", "AR201")]))  # a no-op edit is dropped
def test_the_first_pass_is_composed_as_any_other(case: tuple[str, list[Edit]]) -> None:
    source, edits = case
    assert compose([], source, edits, source=source) == merged_log([], source, edits, source)
