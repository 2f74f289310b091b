"""Unpaired quotes (AR402) and brackets (AR403): reported with their position, never fixed."""

from __future__ import annotations

import pytest

import arnorm
from arnorm.config import NONE


def findings(text: str) -> list[tuple[str, int]]:
    """(code, position) of every balance finding, with only the balance rules on."""
    return [(f.code, f.start) for f in arnorm.lint(text, preset=NONE, balance=True)]


BALANCE_FINDINGS = [
    pytest.param('قال "بوتين إن', [("AR402", 4)], id="quote never closed"),
    pytest.param('قال بوتين" إن', [("AR402", 9)], id="quote never opened"),
    pytest.param("قال «بوتين إن", [("AR402", 4)], id="guillemet never closed"),
    pytest.param("قال بوتين» إن", [("AR402", 9)], id="guillemet never opened"),
    pytest.param("قال (رويترز إن", [("AR403", 4)], id="bracket never closed"),
    pytest.param("قال رويترز] إن", [("AR403", 10)], id="square bracket never opened"),
    pytest.param("قال (أ] ب", [("AR403", 4), ("AR403", 6)], id="mismatched brackets"),
    pytest.param('أ "ب" ج "د\nه', [("AR402", 8)], id="one line's stray, found on its line"),
    pytest.param('قال "أ" ب "ج', [("AR402", 10)], id="an odd quote after a pair"),
    pytest.param(
        'قال "أ و"ب إن "ج', [("AR402", 4), ("AR402", 8), ("AR402", 14)], id="three openers"
    ),
]
BALANCE_NOOPS = [
    pytest.param('قال "بوتين" إن', id="paired quotes"),
    pytest.param("قال «بوتين» (رويترز) [1]", id="paired guillemets and brackets"),
    pytest.param("it's O'Brien's", id="apostrophes"),
    pytest.param("طوله 5'10\" أي 12\u2033", id="primes after digits"),
    pytest.param("1) أولا\nأ) ثانيا\nب) ثالثا", id="list markers"),
    pytest.param("رائع :) جدا", id="a smiley"),
    pytest.param('He said "hi', id="Latin text"),
    pytest.param('قال "نيمار" ثم صحفية" نيمار"، وأضاف', id="paired by alternation"),
]


@pytest.mark.parametrize(("text", "expected"), BALANCE_FINDINGS)
def test_balance_findings(text: str, expected: list[tuple[str, int]]) -> None:
    assert findings(text) == expected
    assert arnorm.clean(text) == arnorm.clean(text, balance=False)


@pytest.mark.parametrize("text", BALANCE_NOOPS)
def test_balance_noops(text: str) -> None:
    assert findings(text) == []


def test_findings_are_report_only_with_a_clear_message() -> None:
    text = 'قال "بوتين إن'
    [finding] = arnorm.lint(text)
    assert (finding.code, finding.name, finding.replacement) == ("AR402", "unbalanced-quote", None)
    assert finding.message.startswith("Unpaired opening quotation mark U+0022 QUOTATION MARK")
    assert (finding.start, finding.end) == (4, 5)
    assert not arnorm.fix(text, preset=NONE, balance=True).changed


def test_positions_are_in_the_input_after_other_fixes() -> None:
    text = "\u200fقال  (رويترز"  # an RLM and a double space go before the bracket
    [finding] = [f for f in arnorm.lint(text) if f.code == "AR403"]
    assert text[finding.start] == "("


def test_balance_can_be_switched_off() -> None:
    assert arnorm.lint('قال "بوتين إن', balance=False) == []
