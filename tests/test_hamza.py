"""Decomposed hamza and madda: AR106 composes exactly where NFC does, after every rule that
can bring a letter and a combining hamza together."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm.config import NONE
from arnorm.lexicon.words import lookup_key
from arnorm.rules import RULES
from arnorm.script.chars import ARABIC_MARKS, HAMZA_COMPOSITIONS
from arnorm.splitter.runs import Run

HAMZA, HAMZA_BELOW, MADDA = (
    "\N{ARABIC HAMZA ABOVE}",
    "\N{ARABIC HAMZA BELOW}",
    "\N{ARABIC MADDAH ABOVE}",
)
FATHA, DAMMA, SHADDA = "\N{ARABIC FATHA}", "\N{ARABIC DAMMA}", "\N{ARABIC SHADDA}"
SMALL_HIGH_SEEN = "\N{ARABIC SMALL HIGH SEEN}"  # a Quranic sign of the hamza's class (230)

ONLY = {"preset": NONE, "hamza_composition": True}

HAMZA_FIXES = [
    pytest.param("ا" + HAMZA + "حمد", "أحمد", id="alef with hamza above"),
    pytest.param("ا" + HAMZA_BELOW + "لى", "إلى", id="alef with hamza below"),
    pytest.param("ا" + MADDA + "خر", "آخر", id="alef with madda"),
    pytest.param("سو" + HAMZA + "ال", "سؤال", id="waw with hamza"),
    pytest.param("مسا" + HAMZA + "ل", "مسأل", id="inside a word"),
    pytest.param("بي" + HAMZA + "ة", "بئة", id="yeh with hamza"),
    pytest.param("ا" + FATHA + HAMZA, "أ" + FATHA, id="a haraka between does not block"),
    pytest.param("ا" + SHADDA + FATHA + HAMZA, "أ" + SHADDA + FATHA, id="other marks keep order"),
    pytest.param("ا" + HAMZA + FATHA, "أ" + FATHA, id="marks after stay after"),
    pytest.param("ا" + MADDA + HAMZA, "آ" + HAMZA, id="madda first, hamza left over"),
    pytest.param("ا" + HAMZA + HAMZA_BELOW, "إ" + HAMZA, id="hamza below sorts first in NFC"),
]
HAMZA_NOOPS = [
    pytest.param("أحمد سؤال إلى آخر", id="already composed"),
    pytest.param("ر" + HAMZA, id="no composed letter for reh with hamza"),
    pytest.param("ى" + HAMZA, id="alef maksura with hamza has no composition"),
    pytest.param("ا" + SMALL_HIGH_SEEN + HAMZA, id="blocked by a mark of the same class"),
    pytest.param(HAMZA + "ا", id="hamza before the letter"),
    pytest.param("ء", id="the hamza letter"),
]


@pytest.mark.parametrize(("text", "expected"), HAMZA_FIXES)
def test_hamza_fixes(text: str, expected: str) -> None:
    assert arnorm.clean(text, **ONLY) == expected
    assert {f.code for f in arnorm.lint(text, **ONLY)} == {"AR106"}


@pytest.mark.parametrize("text", HAMZA_NOOPS)
def test_hamza_noops(text: str) -> None:
    assert arnorm.clean(text, **ONLY) == text


def test_every_canonical_pair_composes() -> None:
    for (base, mark), composed in HAMZA_COMPOSITIONS.items():
        assert arnorm.clean(base + mark, **ONLY) == composed


marks = st.text(st.sampled_from(sorted(ARABIC_MARKS)), max_size=4)


@given(base=st.sampled_from(sorted({b for b, _ in HAMZA_COMPOSITIONS})), before=marks, after=marks)
def test_composes_the_letter_nfc_composes(base: str, before: str, after: str) -> None:
    """NFC is the oracle for which letter comes out; AR106 only leaves the marks unsorted."""
    for mark in (HAMZA, HAMZA_BELOW, MADDA):
        text = base + before + mark + after
        fixed = arnorm.clean(text, **ONLY)
        nfc = unicodedata.normalize("NFC", text)
        assert fixed[0] == nfc[0]
        assert sorted(fixed[1:]) == sorted(nfc[1:])


# Pairs that another rule makes: AR106 runs after it, so one pass composes them (the engine's
# next pass would, if not).
MADE_BY_OTHER_RULES = [
    pytest.param({"preset": "search"}, "فيـ" + HAMZA, "فئ", id="AR301 strips the tatweel"),
    pytest.param({}, "بيـ" + HAMZA + "ت", "بئت", id="AR301 removes a kashida"),
    pytest.param({}, "فی" + HAMZA, "فئ", id="AR201 makes the farsi yeh a yeh"),
    pytest.param({"fold_alef_maksura": True}, "ى" + HAMZA, "ئ", id="AR203 folds maksura"),
    pytest.param({"fold_alef": True}, "آ" + MADDA, "ا", id="AR202 takes the madda along"),
    pytest.param({"fold_alef": True}, "ا" + HAMZA + "حمد", "احمد", id="AR202: decomposed alef"),
    pytest.param({"preset": "search"}, "ا" + FATHA + HAMZA, "ا", id="search: marks and hamza go"),
    pytest.param({}, "ا" + HAMZA + HAMZA, "أ", id="AR302 keeps one hamza of two"),
    pytest.param({}, "قال خانە" + HAMZA, "قال خانۀ", id="ae + hamza is persian: AR201 keeps"),
]


@pytest.mark.parametrize(("options", "text", "expected"), MADE_BY_OTHER_RULES)
def test_pairs_made_by_other_rules_compose_in_one_pass(
    options: dict[str, object], text: str, expected: str
) -> None:
    once = arnorm.clean(text, **options)  # type: ignore[arg-type]
    assert once == expected
    assert arnorm.clean(once, **options) == once  # type: ignore[arg-type]


def test_composition_runs_after_every_rule_that_changes_letters_or_marks() -> None:
    codes = [rule.code for rule in RULES]
    changers = ("AR105", "AR107", "AR201", "AR301", "AR302", "AR303", "AR202", "AR203", "AR204")
    assert max(codes.index(code) for code in changers) < codes.index("AR106")


SPLITTER_READS_COMPOSED = [
    pytest.param("سا" + HAMZA + "ل", "سأل", id="alef + hamza"),
    pytest.param("سو" + HAMZA + "ال", "سؤال", id="waw + hamza"),
    pytest.param("ا" + FATHA + HAMZA + "حمد", "أحمد", id="a haraka between"),
    pytest.param("ا" + SMALL_HIGH_SEEN + HAMZA + "حمد", "احمد", id="blocked as in NFC"),
]


@pytest.mark.parametrize(("word", "key"), SPLITTER_READS_COMPOSED)
def test_the_splitter_reads_a_pair_as_the_letter_it_will_be(word: str, key: str) -> None:
    assert lookup_key(word) == key
    assert Run.read(word).key == key
    assert Run.read(arnorm.clean(word, **ONLY)).key == key


def test_the_splitter_reads_a_hamza_on_a_tatweel_as_written_and_the_next_pass_composed() -> None:
    between = "بيـ" + HAMZA + "ت"  # AR301 removes the kashida, AR106 composes in the next pass
    at_the_end = "بيـ" + HAMZA  # the tatweel stays, and the hamza on it
    assert (Run.read(between).key, Run.read(arnorm.clean(between)).key) == ("بيت", "بئت")
    assert Run.read(at_the_end).key == Run.read(arnorm.clean(at_the_end)).key == "بي"
