"""Crafted input runs in linear time, and the linear code reads the text as before.

The cost of a call is counted, not timed: the lines of arnorm's Python that run (a trace),
which is deterministic; code that runs in the regular-expression engine is not counted there,
so each case also compares the best CPU time of size n with size 8n, with a generous bound
(linear is about 8, quadratic about 64). The old, quadratic readings are kept here as
references, and hypothesis checks that the new code agrees with them on the hostile alphabets
of tests/strategies.py (quotation marks, brackets, marks, invisibles, in long runs).
"""

from __future__ import annotations

import fnmatch
import gc
import io
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import hostile_text

import arnorm
from arnorm.cli import clean as clean_command
from arnorm.cli import records
from arnorm.cli.files import matches
from arnorm.cli.textfile import InputError
from arnorm.rules import pairing as quotes
from arnorm.rules.context import NEIGHBOURHOOD, letter_positions, nearest_letter

PACKAGE = str(Path(arnorm.__file__).parent)


def steps(call: Callable[[], object]) -> int:
    """How many lines of arnorm's own Python `call` runs."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    sys.settrace(tracer)
    try:
        call()
    finally:
        sys.settrace(None)
    return count


def best_time(call: Callable[[], object], repeat: int = 5) -> float:
    """The best CPU time of `call` (this process's, so other tenants of the machine do not
    count), without the garbage collector: a full collection walks the lexicon's millions of
    objects, a cost of the heap, not of the input."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            call()
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def assert_linear(make: Callable[[int], Callable[[], object]], n: int) -> None:
    """The cost of ``make(8 * n)()`` is about 8 times that of ``make(n)()``, not 64.

    Steps are counted at a fifth of `n` (tracing is slow); times are taken at `n`, large
    enough for fixed costs not to hide the growth.
    """
    small, large = make(max(1, n // 5)), make(8 * max(1, n // 5))
    # Warm the lexicon and the compiled patterns with another size: a cache keyed by the text
    # (AR402 and AR403 share one analysis) would otherwise make the measured call free.
    make(max(1, n // 5) + 1)()
    step_ratio = steps(large) / max(1, steps(small))
    assert step_ratio < 12, f"{step_ratio:.1f} times the steps for 8 times the input"
    small, large = make(n), make(8 * n)
    time_ratio = best_time(large, 3) / best_time(small, 3)
    assert time_ratio < 30, f"{time_ratio:.1f} times the time for 8 times the input"


#: (A run of quotes between two words is converted only within NEIGHBOURHOOD characters of
#: them, so its cost changes regime with its length: the run without letters stands for it.)
CRAFTED = {
    "a run of single quotes": lambda n: "قال " + "'" * n + " الوزير",
    "quotes with no letter near": lambda n: '"' * n,
    "nested brackets": lambda n: "قال " + "(" * n + ")" * n + " الوزير",
    "nested straight quotes": lambda n: ' "ق' * n + 'ق" ' * n,
    "nested brackets with spaces inside": lambda n: "( ق " * n + " ) " * n,
    "guillemets and quotes": lambda n: "«" * n + '"ق' * n + "»" * n,
    "many tags on one line": lambda n: "قال <b>الوزير</b> " * n,
    "soft hyphens on a long Latin line": lambda n: "word\u00ad " * n + "قال",
    "mojibake sequences on one line": lambda n: "ط§ظ„ط¹ط±ط¨ظٹط© x " * n,
}


@pytest.mark.parametrize("craft", CRAFTED.values(), ids=CRAFTED.keys())
def test_crafted_text_takes_linear_time(craft: Callable[[int], str]) -> None:
    def make(n: int) -> Callable[[], object]:
        text = craft(n)
        # lint runs AR402 and AR403, clean with html_tags AR703
        return lambda: (arnorm.fix(text), arnorm.lint(text), arnorm.clean(text, html_tags=True))

    assert_linear(make, 1000)


def _read_records(data: bytes) -> list[bytes]:
    reader = clean_command.Reader(io.BytesIO(data), 1 << 20, 1 << 24)
    found = []
    try:
        while record := reader._record(",", 0):
            found.append(record)
    except InputError as error:
        found.append(str(error).encode())
    return found


def test_an_unclosed_csv_quote_is_found_in_linear_time() -> None:
    def make(n: int) -> Callable[[], object]:
        data = ('id,text\n1,"بداية\n' + "1,نص عادي\n" * n).encode()
        return lambda: _read_records(data)

    assert_linear(make, 4000)
    assert _read_records(b'a,b\n1,"x\n2,y\n')[-1] == b"unterminated quoted cell after line 1"


def test_a_glob_of_many_double_stars_matches_in_linear_time() -> None:
    path = "/".join("abcdefghijklmnopqrstuvwxyz")

    def make(n: int) -> Callable[[], object]:
        glob = "/".join(["**"] * n) + "/none.md"
        return lambda: matches(glob, path)

    assert_linear(make, 5)


# --- the references: the old readings ---------------------------------------------------


def reference_classify(text: str, index: int) -> str:
    """quotes.classify as it was: each neighbour found by walking through the marks."""

    def neighbour_at(step: int) -> int | None:
        i = index + step
        while 0 <= i < len(text) and text[i] in quotes.QUOTE_MARKS:
            i += step
        return None if not 0 <= i < len(text) or text[i] in "\r\n" else i

    at, after_at = neighbour_at(-1), neighbour_at(1)
    after = None if after_at is None else text[after_at]
    space_before = at is None or text[at].isspace()
    space_after = after is None or after.isspace()
    can_open = (space_before or quotes._opens_after(text, at)) and not space_after
    can_close = (space_after or after in quotes.CLOSE_CONTEXT) and not space_before
    if can_open != can_close:
        return quotes.OPEN if can_open else quotes.CLOSE
    return quotes.EITHER


def reference_nearest_letter(text: str, index: int, step: int) -> str | None:
    stop = max(-1, index - NEIGHBOURHOOD) if step < 0 else min(len(text), index + NEIGHBOURHOOD)
    for i in range(index, stop, step):
        if text[i] == "\n":
            return None
        if text[i].isalpha():
            return text[i]
    return None


def reference_matches(glob: str, path: str) -> bool:
    """files.matches as it was: the glob as one regular expression."""
    glob = glob.strip().removeprefix("./").rstrip("/")
    parts = path.split("/")
    if "/" not in glob:
        return any(fnmatch.fnmatchcase(part, glob) for part in parts)
    pieces = re.split(r"(\*\*/?|\*|\?)", glob.lstrip("/"))
    table = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
    pattern = re.compile("".join(table.get(p) or re.escape(p) for p in pieces))
    return any(pattern.fullmatch("/".join(parts[:n])) for n in range(1, len(parts) + 1))


def reference_records(data: bytes) -> list[bytes]:
    """Reader._record as it was: the whole pending record matched again at each line."""
    complete = records.csv_record_bytes(",").fullmatch
    source, found = io.BytesIO(data), []
    while True:
        pending = b""
        while line := source.readline():
            pending += line
            if b'"' not in pending or complete(pending):
                break
        else:
            if pending:
                found.append(b"unterminated quoted cell")
            return found
        found.append(pending)


@given(text=hostile_text)
def test_quotes_read_their_neighbours_as_before(text: str) -> None:
    runs = quotes._Runs(text)
    for index, ch in enumerate(text):
        if ch in quotes.QUOTE_MARKS:
            assert quotes.classify(text, index, runs) == reference_classify(text, index)


@given(text=hostile_text.filter(bool), data=st.data())
def test_nearest_letters_are_found_as_before(text: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(text) - 1))
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    line = quotes._Letters(text, start, len(text) if end < 0 else end)
    for step in (-1, 1):
        expected = reference_nearest_letter(text, index, step)
        assert nearest_letter(text, index, step) == expected
        if text[index] != "\n":
            assert line.nearest(text, index, step) == expected
    assert letter_positions(text, 0, len(text)) == [i for i, c in enumerate(text) if c.isalpha()]


@given(text=hostile_text)
def test_hostile_text_is_fixed_the_same_both_ways_and_once(text: str) -> None:
    fixed = arnorm.fix(text)
    assert fixed.text == arnorm.clean(text)
    assert arnorm.clean(fixed.text) == fixed.text


@settings(max_examples=40)
@given(text=hostile_text.filter(bool))
def test_hostile_text_costs_grow_linearly(text: str) -> None:
    once = steps(lambda: arnorm.lint(text))
    assert steps(lambda: arnorm.lint(text * 8)) <= 16 * once + 5_000


_GLOB_PART = st.sampled_from(["a", "b", "*", "**", "?", "a*", "*b"])


@given(
    glob=st.lists(_GLOB_PART, min_size=1, max_size=5).map("/".join),
    path=st.lists(st.sampled_from(["a", "b", "ab", "ba"]), min_size=1, max_size=6).map("/".join),
)
def test_globs_match_as_before(glob: str, path: str) -> None:
    assert matches(glob, path) == reference_matches(glob, path)


@given(data=st.text(alphabet='",\nab\r', max_size=60))
def test_csv_records_end_where_they_did(data: str) -> None:
    found = _read_records(data.encode())
    expected = reference_records(data.encode())
    if expected and expected[-1] == b"unterminated quoted cell":
        assert found[-1].startswith(b"unterminated quoted cell")
        found, expected = found[:-1], expected[:-1]
    assert found == expected
