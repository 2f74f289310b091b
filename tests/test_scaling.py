"""A whole document costs what its lines cost: O(n) in the length of one call.

Library users pass whole files and ``arnorm fix`` reads a whole file, so no rule may scan the
whole text per match or hold a loop over everything found so far. The measure is the number of
Python lines executed (a deterministic count, the same on any machine) for a document of n
copies of a paragraph against one of 8n copies, after a warm-up so that the splitter's caches
hold the paragraph's words in both. A generous ratio of CPU times guards the work done in C
(regular expressions), which the count does not see.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

import arnorm

# Written for the project: each line carries a kind of noise that sends a rule down its
# slower path (a run-on, Persian letters and a Persian quotation, straight and single quotes,
# a word glued to a number, a no-break space, a zero width space, kashida, presentation forms,
# a comma after an Arabic word, double spaces, a stray bracket).
PARAGRAPH = "\n".join(
    [
        "قال الوزير إن كورياالشمالية وافقت على الحوار فی عام2015 بعد جولة طويلة",
        'وأضاف "إن المدرسة الجديدة ستفتح أبوابها" للطلاب یوم الأحد، وقال «گفت وزیر خارجه»',
        "وذكر\N{NO-BREAK SPACE}التقرير أن المكتبة\N{ZERO WIDTH SPACE} العامة  تضم كتبا نادرة",
        "وصفه بأنه 'يميني' ثم قال: \"الجمـــيل\" في ﺍﻟﻤﻜﺘﺒﺔ , وأشار إلى 11شخصا (أمس",
        "ثم عاد الوزير الى مدرسةكبيرة في الریاض  وقال انه سعيد ",
    ]
)
#: Words glued two by two into run-ons that differ from copy to copy, so that the number of
#: distinct tokens to split grows with the document, as it does in real news.
WORDS = ("المدرسة", "الجديدة", "الوزير", "المكتبة", "العامة", "الحكومة", "الشمالية", "الكبيرة")


def _copy(i: int) -> str:
    """The paragraph with a run-on of its own and a Persian quotation on its last line."""
    run_on = WORDS[i % len(WORDS)] + WORDS[i // len(WORDS) % len(WORDS)]
    return f"{PARAGRAPH}\nوقال «گفت وزیر» إن {run_on} فی عام2015"


def _document(copies: int) -> str:
    return "\n".join(_copy(i) for i in range(copies))


COPIES = 16


def _lines_executed(job: Callable[[], object]) -> int:
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        job()
    finally:
        sys.settrace(None)
    return count


JOBS: dict[str, Callable[[str], object]] = {
    "clean": arnorm.clean,
    "clean search": lambda text: arnorm.clean(text, preset="search"),
    "fix": arnorm.fix,
}


@pytest.mark.parametrize("name", JOBS)
def test_a_document_costs_linear_python_work(name: str) -> None:
    job = JOBS[name]
    small, large = _document(COPIES), _document(8 * COPIES)
    job(large)  # warm-up: lexicon, patterns, the splitter's caches
    ratio = _lines_executed(lambda: job(large)) / _lines_executed(lambda: job(small))
    assert ratio < 8 * 1.15, f"{name}: 8x the text cost {ratio:.1f}x the Python lines"


@pytest.mark.parametrize("name", ["clean", "fix"])
def test_a_document_costs_linear_time(name: str) -> None:
    job = JOBS[name]
    small, large = _document(COPIES), _document(8 * COPIES)
    job(large)

    def best(text: str) -> float:
        times = []
        for _ in range(3):
            start = time.process_time()
            job(text)
            times.append(time.process_time() - start)
        return min(times)

    ratio = best(large) / best(small)
    assert ratio < 8 * 3, f"{name}: 8x the text took {ratio:.1f}x the CPU time"


SHORT_LINE_JOBS: dict[str, Callable[[str], object]] = {
    "clean": arnorm.clean,
    "fix": arnorm.fix,
    "lint": arnorm.lint,
    "profile": arnorm.profile,
}


@pytest.mark.parametrize("name", SHORT_LINE_JOBS)
@pytest.mark.parametrize("line", ["", "ب", "قال"], ids=["blank", "one letter", "one word"])
def test_many_short_lines_cost_little_python_work(name: str, line: str) -> None:
    # the engine runs a long text in groups of lines: run one call per line, a file of blank
    # or one-word lines cost some 30 Python lines per character (3 s for a megabyte), far
    # more than the rules; in groups, under one
    job = SHORT_LINE_JOBS[name]
    text = "\n".join([line] * 50_000)
    job(text)
    assert _lines_executed(lambda: job(text)) < 2 * len(text)
