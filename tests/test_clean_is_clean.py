"""What ``clean`` leaves is clean: ``check`` of its output, with the same config, finds nothing
that a rule of ``clean`` would fix (report-only findings may remain), also when ``clean`` went
line by line and ``check`` reads the whole text; a markup's tags are treated alike
(phenomenon: clean then check)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import arabic_text

import arnorm
from arnorm.config import CLEAN, Config
from arnorm.engine import active_rules

NEWS = dataclasses.replace(CLEAN, html_tags=True)  # what ``arnorm clean`` runs


def fixable(text: str, config: Config) -> list[arnorm.Finding]:
    """The findings on `text` that a rule of `config`'s clean would fix."""
    applies = {rule.code for rule in active_rules(config) if rule.may_change(config)}
    return [
        f
        for f in arnorm.lint(text, preset=config)
        if f.replacement is not None and f.code in applies
    ]


@pytest.mark.parametrize("config", [CLEAN, NEWS], ids=["clean", "news"])
@given(lines=st.lists(arabic_text, max_size=4))
@example(["قال \xa0", "</URL>\xa0"])  # a trailing NBSP became a trailing space
@example(["<TIME>x</TIME>", "<URL>y</URL> قال"])
def test_check_of_clean_output_line_by_line_finds_nothing_to_fix(
    config: Config, lines: list[str]
) -> None:
    lines = [part for line in lines for part in line.split("\n")]
    cleaned = "\n".join(arnorm.clean(line, preset=config) for line in lines)
    assert fixable(cleaned, config) == []


@pytest.mark.parametrize("config", [CLEAN, NEWS], ids=["clean", "news"])
@given(text=arabic_text)
def test_check_of_clean_output_finds_nothing_to_fix(config: Config, text: str) -> None:
    assert fixable(arnorm.clean(text, preset=config), config) == []


ANT_LIKE = (
    "<DOC>\n<DOCNO>XX-1</DOCNO>\n<URL>https://example.org/a</URL>\n"
    "<TITLE>عنوان الخبر</TITLE>\n<TIME>Sat, 03 Mar 2018 09:27:21 +0000</TIME>\n"
    "<TEXT>\nقال الوزير <b>أمس</b> إن\n</TEXT>\n</DOC>\n"
)


def test_the_tags_of_another_markup_are_all_kept() -> None:
    cleaned = arnorm.clean(ANT_LIKE, preset=NEWS)
    assert "<TIME>Sat, 03 Mar 2018 09:27:21 +0000</TIME>" in cleaned
    assert "قال الوزير أمس إن" in cleaned  # a stray HTML tag in the text still goes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("<time>أمس</time> قال", "أمس قال", id="an HTML5 tag in lower case"),
        pytest.param("<TIME>أمس</TIME> قال", "<TIME>أمس</TIME> قال", id="in capitals"),
        pytest.param("<B>أمس</B> قال", "أمس قال", id="an HTML 4 tag in capitals"),
        pytest.param("<URL>x</URL> <b>أمس</b>", "<URL>x</URL> <b>أمس</b>", id="a line of XML"),
    ],
)
def test_a_line_keeps_all_its_tags_or_none(text: str, expected: str) -> None:
    assert arnorm.clean(text, preset=NEWS) == expected
