"""Quotation marks: pairing and the quote style rule AR401."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import event, example, given
from hypothesis import strategies as st

import arnorm
from arnorm.config import CLEAN, NONE, Config
from arnorm.edits import apply_edits
from arnorm.rules.pairing import ALL_FAMILIES, QUOTE_FAMILIES, analyse, analyse_lines, classify
from arnorm.rules.quotes import pair_quotes, plain_quotations

LDQ, RDQ, LOW, DPRIME = "\u201c", "\u201d", "\u201e", "\u2033"
LSQ, RSQ = "\u2018", "\u2019"


def quotes(text: str, style: str = "guillemets") -> str:
    """`text` with only the quote rule switched on."""
    return arnorm.clean(text, preset=NONE, quotes=style)


QUOTE_FIXES = [
    pytest.param('قال "بوتين" إن', "قال «بوتين» إن", id="the seed article's names"),
    pytest.param('"كيم" و"بوتين"', "«كيم» و«بوتين»", id="at the line start and after waw"),
    pytest.param('بـ"الخطير" أمس', "بـ«الخطير» أمس", id="after a tatweel"),
    pytest.param('("رويترز")', "(«رويترز»)", id="inside brackets"),
    pytest.param('قال "نعم".', "قال «نعم».", id="before punctuation"),
    pytest.param('قال:"نعم"، ثم', "قال:«نعم»، ثم", id="glued to a colon"),
    pytest.param(f"قال {LDQ}نعم{RDQ} أمس", "قال «نعم» أمس", id="English curly quotes"),
    pytest.param(f"قال {RDQ}نعم{LDQ} أمس", "قال «نعم» أمس", id="curly quotes reversed"),
    pytest.param(f"قال {LOW}نعم{LDQ} أمس", "قال «نعم» أمس", id="German quotes"),
    pytest.param(f"قال {DPRIME}نعم{DPRIME} أمس", "قال «نعم» أمس", id="double prime as a quote"),
    pytest.param('قال "OK" أمس', "قال «OK» أمس", id="Latin quoted in Arabic"),
    pytest.param('قال "في عام 2018" أمس', "قال «في عام 2018» أمس", id="closing after a digit"),
    pytest.param('قال " بوتين " إن', "قال « بوتين » إن", id="alone between spaces"),
    pytest.param(
        'قال "نيمار" ثم صحفية" نيمار لن يلعب"، وأضاف',
        "قال «نيمار» ثم صحفية« نيمار لن يلعب»، وأضاف",
        id="spaced on the wrong side: alternation",
    ),
    pytest.param("وصفه بأنه 'يميني' أمس", "وصفه بأنه «يميني» أمس", id="single quotes"),
    pytest.param(f"وصفه {LSQ}يميني{RSQ} أمس", "وصفه «يميني» أمس", id="curly single quotes"),
    pytest.param("قال و'يساري' أمس", "قال و«يساري» أمس", id="single quotes after waw"),
    pytest.param(f"وصفه {RSQ}يميني{LSQ} أمس", "وصفه «يميني» أمس", id="reversed single quotes"),
    pytest.param(
        "قال \"أنا 'هنا' الآن\" أمس", "قال «أنا 'هنا' الآن» أمس", id="nested single quotes stay"
    ),
    pytest.param('قال "أ "ب" ج" ثم', 'قال «أ "ب" ج» ثم', id="nested straight quotes stay"),
    pytest.param('قال "نعم" و"لا', 'قال «نعم» و"لا', id="a lone quote does not block a sure pair"),
    pytest.param(
        'ومنها "الأول"، الثاني"، "الثالث"، الرابع"',
        'ومنها «الأول»، الثاني"، «الثالث»، الرابع"',
        id="lost opening quotes: no alternation that opens before punctuation",
    ),
]
QUOTE_NOOPS = [
    pytest.param('He said "hi", then left.', id="Latin sentence"),
    pytest.param("it's O'Brien's", id="apostrophes"),
    pytest.param("طوله 5'10\" تقريبا", id="feet and inches"),
    pytest.param(f"طوله 12{DPRIME} تقريبا", id="a double prime after a digit"),
    pytest.param('قال "بوتين إن', id="one quote cannot be paired"),
    pytest.param('قال "أ و"ب إن "ج', id="odd count: pairs by alternation are unsure"),
    pytest.param('بوتين"إن"كيم"', id="three glued marks"),
    pytest.param("قال «بوتين» إن", id="guillemets already"),
    pytest.param('انظر http://x.org/?q="a" الآن', id="quotes inside a URL"),
    pytest.param("قال ' إن", id="a lone single quote"),
    pytest.param("l'homme قال", id="Latin apostrophe beside Arabic"),
    pytest.param('قال\n"بوتين\n" إن', id="quotes do not pair across lines"),
]


@pytest.mark.parametrize(("text", "expected"), QUOTE_FIXES)
def test_quote_fixes(text: str, expected: str) -> None:
    assert quotes(text) == expected
    assert {f.code for f in arnorm.lint(text, preset=NONE, quotes="guillemets")} == {"AR401"}


@pytest.mark.parametrize("text", QUOTE_NOOPS)
def test_quote_noops(text: str) -> None:
    assert quotes(text) == text


def test_the_issue_checks_through_the_clean_preset() -> None:
    assert arnorm.clean('قال "بوتين" إن') == "قال «بوتين» إن"
    assert arnorm.clean('He said "hi", then left.') == 'He said "hi", then left.'


def test_spacing_finishes_what_quotes_start() -> None:
    assert arnorm.clean('قال " بوتين " إن') == "قال «بوتين» إن"
    assert arnorm.clean('صحفية" نيمار لن يلعب"، وأضاف') == "صحفية «نيمار لن يلعب»، وأضاف"


STYLES = [
    pytest.param("curly", f"قال {LDQ}بوتين{RDQ} إن", id="curly"),
    pytest.param("guillemets", "قال «بوتين» إن", id="guillemets"),
    pytest.param("keep", 'قال "بوتين" إن', id="keep"),
]


def test_the_curly_style_keeps_single_quotes_single() -> None:
    assert arnorm.clean("قال 'نعم' و\"لا\"", quotes="curly") == f"قال {LSQ}نعم{RSQ} و{LDQ}لا{RDQ}"


@pytest.mark.parametrize(("style", "expected"), STYLES)
def test_the_style_is_configurable(style: str, expected: str) -> None:
    assert arnorm.clean('قال "بوتين" إن', quotes=style) == expected


def test_curly_quotes_reversed_become_curly_in_order() -> None:
    assert quotes(f"قال {RDQ}نعم{LDQ} أمس", "curly") == f"قال {LDQ}نعم{RDQ} أمس"


def test_each_converted_mark_is_one_edit_with_a_message() -> None:
    fixed = arnorm.fix('قال "بوتين" إن', preset=NONE, quotes="guillemets")
    assert [(e.start, e.end, e.replacement, e.code) for e in fixed.edits] == [
        (4, 5, "«", "AR401"),
        (10, 11, "»", "AR401"),
    ]
    [finding, _] = arnorm.lint('قال "بوتين" إن', preset=NONE, quotes="guillemets")
    assert "QUOTATION MARK" in finding.message


CLASSES = [
    pytest.param('قال "بوتين', 4, "open", id="after a space"),
    pytest.param('بوتين" إن', 5, "close", id="before a space"),
    pytest.param('("بوتين', 1, "open", id="after a bracket"),
    pytest.param('بوتين")', 5, "close", id="before a bracket"),
    pytest.param('بوتين"إن', 5, "either", id="glued on both sides"),
    pytest.param('قال " إن', 4, "either", id="alone between spaces"),
    pytest.param('قال ""بوتين', 5, "open", id="looks through another quote"),
]


@pytest.mark.parametrize(("text", "index", "expected"), CLASSES)
def test_position_decides_first(text: str, index: int, expected: str) -> None:
    assert classify(text, index) == expected


def test_pairs_know_their_context() -> None:
    marks = analyse('He said "hi" now. قال «نعم» و( كذا')
    assert [(p.family, p.open, p.arabic) for p in marks.pairs] == [
        ("double", 8, False),
        ("guillemet", 22, True),
    ]
    assert [(s.family, s.position, s.opening) for s in marks.strays] == [("round", 29, True)]


# Text dense in what the typography rules read: quotes of every kind, brackets, blanks,
# punctuation, line ends, digits, and Arabic and Latin words.
TYPOGRAPHY = st.lists(
    st.one_of(
        st.sampled_from([*"\"'«»“”„″‘’()[]،؛؟,;?.!:…ـ \t\n5", "\r\n", "  ", "http://a.b/c,d"]),
        st.sampled_from(["قال", "بوتين", "ط§ظ„", "x", "it's", "3,5", "&quot;", "<br>"]),
    ),
    max_size=30,
).map("".join)
TYPOGRAPHY_CONFIGS = {
    "clean": CLEAN,
    "quotes": dataclasses.replace(NONE, quotes="guillemets"),
    "curly+spacing": dataclasses.replace(NONE, quotes="curly", spacing=True, punctuation=True),
    "keep+spacing+punctuation": dataclasses.replace(NONE, spacing=True, punctuation=True),
}


@pytest.mark.parametrize("config", TYPOGRAPHY_CONFIGS.values(), ids=TYPOGRAPHY_CONFIGS.keys())
@given(text=TYPOGRAPHY)
@example('" "كذا" "')
@example("(\" .'")
@example("'ط§ظ„'")  # „ in mojibake is a quote; single quotes must not turn into double ones
@example('""قال" """')  # a space inside a pair must stay when a quote stands right outside
@example('(" "قال"")')  # converting a pair must not change how the leftovers pair
@example('(" ـ""")')  # tightening a pair must not change how the quotes inside it pair
def test_pairing_is_stable_under_its_own_fixes(config: Config, text: str) -> None:
    once = arnorm.clean(text, preset=config)
    assert arnorm.clean(once, preset=config) == once
    fixed = arnorm.fix(text, preset=config)
    assert fixed.text == once
    assert apply_edits(text, fixed.edits) == once


@given(text=TYPOGRAPHY)
def test_pairing_only_the_lines_with_marks_changes_nothing(text: str) -> None:
    every_mark = re.compile("[\"'«»“”„‟″‘’()\\[\\]]")
    assert analyse_lines(text, every_mark, ALL_FAMILIES) == analyse(text)


# --- the plain-quotation fast path of AR401 ---------------------------------------------------

WORD = st.sampled_from(["قال", "بوتين", "و", "ب", "x", "OK", "2018", "5", "ـ", "بـ", "ط§"])
GAP = st.sampled_from([" ", "  ", "\t", "\r", "\n", ".", "،", ":", "!", "(", ")", "[", "]", ""])
PHRASE = st.lists(st.one_of(WORD, GAP), min_size=1, max_size=4).map("".join)
#: Lines of words, gaps and quotations in straight double quotes, with now and then a stray
#: mark: many pair by position, and the neighbours of the marks are the cases that decide (a
#: one-letter word, a tatweel, a digit, a bracket, punctuation, a line end, another mark).
QUOTED = st.lists(
    st.one_of(
        WORD,
        GAP,
        st.just(" "),
        PHRASE.map(lambda phrase: f'"{phrase}"'),
        PHRASE.map(lambda phrase: f' "{phrase}" '),
        st.sampled_from(['"', "'", "«", "»", "“", "@", "www."]),
    ),
    max_size=10,
).map("".join)


def full_pairs(text: str) -> list[tuple[int, int]] | None:
    """The pairs of the full analysis, when they are all sure and none is nested."""
    pairs = analyse_lines(text, re.compile("[\"'«»“”„‟″‘’]"), QUOTE_FAMILIES).pairs
    if any(p.family != "double" or not p.confirmed or p.nested for p in pairs):
        return None
    return [(p.open, p.close) for p in pairs]


def converted_by_full_analysis(text: str) -> str:
    chars = list(text)
    for pair in analyse_lines(text, re.compile("[\"'“”„‟″‘’]"), QUOTE_FAMILIES).pairs:
        if pair.family != "guillemet" and pair.confirmed and pair.arabic and not pair.nested:
            chars[pair.open], chars[pair.close] = "«", "»"
    return "".join(chars)


@given(text=QUOTED)
@example('قال "بوتين" إن')
@example('و"نعم".')  # a one-letter word before a closing mark and punctuation: full analysis
@example('بـ"نعم"ـ.')  # a tatweel before the closing mark and punctuation
@example('5"ب"')  # a prime after a digit
@example('"OK".')
@example('قال بوتين".x" ثم')  # glued to a word and before punctuation: it closes
@example('قال بوتين"". ثم')  # two marks side by side read through each other
def test_plain_quotations_are_those_of_the_full_analysis(text: str) -> None:
    plain = plain_quotations(text)
    event("plain" if plain else "full analysis" if plain is None else "no quote")
    if plain is not None:
        assert plain == full_pairs(text)
    assert pair_quotes(text) == converted_by_full_analysis(text)


PLAIN = [
    pytest.param('قال "بوتين" إن', [(4, 10)], id="between spaces"),
    pytest.param('"كيم" و("بوتين").', [(0, 4), (8, 14)], id="line start and brackets"),
    pytest.param('قال "نعم"، ثم "لا".', [(4, 8), (14, 17)], id="before punctuation"),
    pytest.param('قال و"نعم" ثم', [(5, 9)], id="after a one-letter word"),
    pytest.param('قال بوتين"إن" ثم', [(9, 12)], id="glued on both sides: in turn"),
    pytest.param('قال " نعم "', [(4, 10)], id="alone between spaces: in turn"),
    pytest.param("بلا اقتباس", [], id="no quote at all"),
]
NOT_PLAIN = [
    pytest.param('قال "نعم', id="unpaired"),
    pytest.param('قال "أ "ب" ج"', id="nested"),
    pytest.param('طوله 5"ب" ثم', id="a prime after a digit"),
    pytest.param('قال "نعم ".', id="a blank before the closing mark and punctuation"),
    pytest.param('قال" نعم" ثم', id="spaced on the wrong side"),
    pytest.param('قال "نعم""لا"', id="two marks side by side"),
    pytest.param('قال «نعم» و"لا"', id="another kind of mark"),
    pytest.param('انظر "a@b.com" الآن', id="a link"),
]


@pytest.mark.parametrize(("text", "expected"), PLAIN)
def test_plain_quotations_found(text: str, expected: list[tuple[int, int]]) -> None:
    assert plain_quotations(text) == expected


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_other_lines_take_the_full_analysis(text: str) -> None:
    assert plain_quotations(text) is None
