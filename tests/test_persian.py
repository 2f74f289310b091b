"""Persian and Urdu look-alike letters in Arabic words, and Persian passages: AR201."""

from __future__ import annotations

import pytest

import arnorm
import arnorm.lexicon.words
from arnorm.config import NONE
from arnorm.script.passages import PASSAGE_REACH, persian_passages

ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
HAMZA = "\N{ARABIC HAMZA ABOVE}"
ONLY = {"preset": NONE, "persian_letters": True}

PERSIAN_FIXES = [
    pytest.param("کتاب", "كتاب", id="keheh to kaf"),
    pytest.param("مھرجان", "مهرجان", id="heh doachashmee to heh"),
    pytest.param("ہذا", "هذا", id="heh goal to heh"),
    pytest.param("وجە", "وجه", id="ae to heh"),
    pytest.param("مدرسۃ", "مدرسة", id="teh marbuta goal to teh marbuta"),
    pytest.param("المدینة", "المدينة", id="farsi yeh inside a word is yeh"),
    pytest.param("یوم", "يوم", id="farsi yeh at the start is yeh"),
    pytest.param("فی البیت", "في البيت", id="final: yeh by frequency"),
    pytest.param("مھرجان المدینة فی", "مهرجان المدينة في", id="each word of a sentence"),
    pytest.param("علی", "على", id="final: alef maksura by frequency"),
    pytest.param("مستشفی", "مستشفى", id="final alef maksura in a longer word"),
    pytest.param("الذی", "الذي", id="final yeh in a longer word"),
    pytest.param("زنقلیطی", "زنقليطي", id="unknown word: yeh"),
    pytest.param(
        "علی\N{ARABIC LETTER SUPERSCRIPT ALEF}",
        "على\N{ARABIC LETTER SUPERSCRIPT ALEF}",
        id="marks after",
    ),
    pytest.param("ڤیلا", "ڤيلا", id="maghrebi veh stays, the yeh is fixed"),
    pytest.param("فی" + HAMZA, "في" + HAMZA, id="final yeh with hamza is the yeh of ئ"),
    pytest.param(
        "گفت هنا و ثم قال إن المدینة",
        "گفت هنا و ثم قال إن المدينة",
        id="beyond the passage's reach",
    ),
]
PERSIAN_NOOPS = [
    pytest.param("كتاب المدينة في", id="arabic letters"),
    pytest.param("پیام", id="word with peh is persian"),
    pytest.param("گفت وزیر خارجه", id="persian passage"),
    pytest.param("وزیر امور خارجه ایران گفت", id="the marker may come last"),
    pytest.param(f"می{ZWNJ}شود", id="zwnj inside a word marks persian"),
    pytest.param("ڨالمة ڤيديو ڭناوة", id="maghrebi letters are arabic"),
    pytest.param("ۀ ے ڵ", id="other foreign letters"),
    pytest.param("قال خانە" + HAMZA, id="ae + combining hamza is the persian ۀ"),
    pytest.param("قال ہ" + HAMZA, id="heh goal + combining hamza is the urdu ۂ"),
]


@pytest.mark.parametrize(("text", "expected"), PERSIAN_FIXES)
def test_persian_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **ONLY) == expected
    assert {f.code for f in arnorm.lint(text, **ONLY)} == {"AR201"}


@pytest.mark.parametrize("text", PERSIAN_NOOPS)
def test_persian_noops(text: str) -> None:
    assert arnorm.clean(text, **ONLY) == text


SAFETY = [
    pytest.param("فی", True, id="في is far more frequent than فى"),
    pytest.param("الذی", True, id="الذي is far more frequent than الذى"),
    pytest.param("علی", False, id="على and علي are both common words"),
    pytest.param("زنقلیطی", False, id="unknown word: a guess"),
    pytest.param("فی" + HAMZA, True, id="with a hamza above it can only be yeh"),
]


@pytest.mark.parametrize(("text", "safe"), SAFETY)
def test_final_yeh_is_unsafe_without_strong_evidence(text: str, safe: bool) -> None:
    final = [f for f in arnorm.lint(text, **ONLY) if f.end == len(text.rstrip(HAMZA))]
    assert [f.safe for f in final] == [safe]


def test_yeh_inside_a_word_is_always_safe() -> None:
    assert all(f.safe for f in arnorm.lint("بیت", **ONLY))


def test_lexicon_is_loaded_only_for_a_final_yeh(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> None:
        raise AssertionError("lexicon loaded")

    monkeypatch.setattr(arnorm.lexicon.words, "default_lexicon", fail)
    assert arnorm.clean("مھرجان کتاب المدینة", **ONLY) == "مهرجان كتاب المدينة"


def test_passage_reaches_five_words_within_the_sentence() -> None:
    words = ["قال", "هنا", "إن", "ثم", "لنا", "فيه", "گفت", "وزیر", "خارجه", "ایران", "ثم", "لا"]
    text = " ".join(words)
    [(start, end)] = persian_passages(text)
    assert PASSAGE_REACH == 5
    assert text[start:end] == " ".join(words[1:])
    assert persian_passages("گفت\nالمدینة") == [(0, 3)]


def test_a_passage_ends_at_a_comma_as_at_a_space() -> None:
    # AR422 may put a space after the comma: the number is outside the passage either way
    assert persian_passages("۱۲،پنجره") == [(3, 8)]
    assert persian_passages("۱۲، پنجره") == [(4, 9)]


def test_passages_of_two_foreign_words_merge() -> None:
    words = ["گفت", *["كلمة"] * 10, "پیام", "ثم"]
    text = " ".join(words)
    assert persian_passages(text) == [(0, len(text))]


def test_persian_passage_inside_an_arabic_article() -> None:
    text = "قال الوزیر في المدینة أمس: گفت وزیر خارجه. وأضاف الوزیر في مدینة أخرى هذا اليوم"
    expected = "قال الوزير في المدينة أمس: گفت وزیر خارجه. وأضاف الوزير في مدينة أخرى هذا اليوم"
    assert arnorm.clean(text, **ONLY) == expected


def test_a_finding_that_builds_on_an_unsafe_fix_is_unsafe() -> None:
    """Search folds the ى that the unsafe final-yeh choice wrote: that fold is unsafe too."""
    findings = arnorm.lint("علی", preset="search")
    assert {f.code for f in findings} == {"AR201", "AR203"}
    assert not any(f.safe for f in findings)
    assert arnorm.fix("علی", preset="search", safe_only=True).text == "علی"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("ب\N{ARABIC LETTER ALEF WASLA ISOLATED FORM}ی", id="alef folded later"),
        pytest.param("\N{ARABIC LETTER TEH MARBUTA GOAL}ی", id="teh marbuta folded later"),
    ],
)
def test_final_yeh_choice_survives_the_search_folds(text: str) -> None:
    """The evidence reads the word as folded too, so folding it does not change the choice."""
    fixed = arnorm.fix(text, preset="search", safe_only=True).text
    assert [f for f in arnorm.lint(fixed, preset="search") if f.safe and f.replacement] == []


RUN_ONS = [
    pytest.param("مدرسةعلی", "مدرسة على", "مدرسة علی", id="على, judged on the piece: unsafe"),
    pytest.param("مدرسةفی", "مدرسة في", "مدرسة في", id="في, judged on the piece: safe"),
    pytest.param("الھیئةفی", "الهيئة في", "الهيئة في", id="other look-alikes in the run"),
]


@pytest.mark.parametrize(("text", "fixed", "safe_fixed"), RUN_ONS)
def test_final_yeh_of_a_run_on_is_judged_on_the_last_piece(
    text: str, fixed: str, safe_fixed: str
) -> None:
    """The splitter runs after AR201 and safely cuts after ة: the yeh ends the last piece, and
    a safe-only fix must leave nothing that lint would then find safe to fix."""
    assert arnorm.clean(text) == fixed
    assert arnorm.fix(text, safe_only=True).text == safe_fixed
    assert [f for f in arnorm.lint(safe_fixed) if f.safe and f.replacement] == []


def test_a_hamza_on_a_stripped_tatweel_makes_the_final_yeh_a_yeh() -> None:
    """A hamza on the yeh's kashida rides on the yeh: ی + hamza is ئ, no choice between ي and
    ى, whether AR301 then moves the hamza to the yeh or keeps the tatweel."""
    text = "علیـ" + HAMZA
    assert arnorm.clean(text, tatweel="strip") == "علئ"
    assert arnorm.clean(text) == "عليـ" + HAMZA  # before the fixpoint engine: ى, a guess
    assert [f.safe for f in arnorm.lint(text, tatweel="strip") if f.code == "AR201"] == [True]
    assert [f.safe for f in arnorm.lint(text) if f.code == "AR201"] == [True]
