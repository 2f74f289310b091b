"""Run-on words: the splitter, its API and the AR501 rule (phenomenon: lost spaces).

Every example is written for this project; none comes from the evaluation data.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import WORDS, arabic_text

import arnorm
from arnorm.config import NONE
from arnorm.lexicon import Lexicon, bundled_words
from arnorm.segmenter import MAX_RUN, Run, Segmenter, default_segmenter, run_pattern, segment

SPLITS = [
    pytest.param("التهديداتالأمنية", "التهديدات الأمنية", id="two words, article"),
    pytest.param("كورياالشمالية", "كوريا الشمالية", id="after a non-joining alef"),
    pytest.param("بفضلالمفاوضات", "بفضل المفاوضات", id="clitic word first"),
    pytest.param("وبفضلالمفاوضات", "وبفضل المفاوضات", id="conjunction stays on its word"),
    pytest.param("المدرسةالجديدة", "المدرسة الجديدة", id="teh marbuta ends a word"),
    pytest.param("وزارةالصحة", "وزارة الصحة", id="teh marbuta again"),
    pytest.param("رئيسالحكومة", "رئيس الحكومة", id="after a joining letter"),
    pytest.param("مجلسالنواب", "مجلس النواب", id="common phrase"),
    pytest.param("فيالمدينة", "في المدينة", id="preposition glued"),
    pytest.param("منخلال", "من خلال", id="a run-on that wordfreq lists"),
    pytest.param("وزيرالخارجيةالأمريكي", "وزير الخارجية الأمريكي", id="three words"),
    pytest.param("بِفَضْلِالمفاوضات", "بِفَضْلِ المفاوضات", id="harakat stay on their letter"),
    pytest.param("الحكومـــةالجديدة", "الحكومـــة الجديدة", id="tatweel stays"),
    pytest.param("شكراًجزيلاً", "شكراً جزيلاً", id="tanween ends a word"),
    pytest.param("قال إنالاجتماعانتهى", "قال إن الاجتماع انتهى", id="inside a sentence"),
    pytest.param("«وزارةالداخلية»", "«وزارة الداخلية»", id="between quotes"),
    pytest.param("ﻭﺯﺍﺭﺓﺍﻟﺪﺍﺧﻠﻴﺔ", "ﻭﺯﺍﺭﺓ ﺍﻟﺪﺍﺧﻠﻴﺔ", id="presentation forms"),
]
NOOPS = [
    pytest.param("شوانغجيانغ", id="unknown name"),
    pytest.param("كيمبرلاين", id="another unknown name"),
    pytest.param("ماركوفيتشيان", id="long transliterated name"),
    pytest.param("وهوبكنز", id="و + a transliterated name that reads وهو + a word"),
    pytest.param("وبتسامحهم", id="clitics around a word"),
    pytest.param("ولمصانعهم", id="lam on a plural with pronoun"),
    pytest.param("وبالمدرسة", id="proclitic chain"),
    pytest.param("فسيكتبونها", id="conjunction, future, verb and pronoun"),
    pytest.param("كتبتهما", id="verb with dual pronoun"),
    pytest.param("ساعدناهم", id="verb with plural pronoun"),
    pytest.param("اللبنانيين", id="nisba plural"),
    pytest.param("الأردنيتين", id="nisba dual"),
    pytest.param("بينما", id="joined compound"),
    pytest.param("فيما", id="joined compound, frequent"),
    pytest.param("عندما", id="joined compound, temporal"),
    pytest.param("مبادىء", id="old spelling of hamza on alef maksura"),
    pytest.param("عام2015", id="digits are another matter"),
    pytest.param("الـ76 بـ20 2018م 1436هـ", id="conventional glue"),
    pytest.param("hello world", id="no Arabic"),
    pytest.param("", id="empty"),
    pytest.param("قال الوزير إن الحكومة ستعقد اجتماعاً غداً.", id="a correct sentence"),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_splits(text: str, expected: str) -> None:
    assert segment(text) == expected
    assert arnorm.segment(text) == expected


@pytest.mark.parametrize("text", NOOPS)
def test_noops(text: str) -> None:
    assert segment(text) == text


KNOWN_FAILURES = [
    pytest.param("إنشاءالله", "إن شاء الله", id="a phrase wordfreq lists as one word"),
    pytest.param("لايوجد", "لا يوجد", id="a frequent listed run-on (Zipf above KNOWN_ZIPF)"),
    pytest.param("فالنسيانو", "فالنسيانو", id="a name made of a listed name and a word"),
]


@pytest.mark.xfail(strict=True, reason="known limits of unigram evidence")
@pytest.mark.parametrize(("text", "expected"), KNOWN_FAILURES)
def test_known_failures(text: str, expected: str) -> None:
    assert segment(text) == expected


# --- the API ------------------------------------------------------------------------------


def test_segmenter_with_its_own_lexicon() -> None:
    seg = Segmenter(Lexicon({"قلم": 5.0, "أحمر": 5.0}))
    assert seg.segment("قلمأحمر") == "قلم أحمر"
    assert seg.segment("قلمأخضر") == "قلمأخضر"  # أخضر is not a word to this lexicon


def test_extra_words_and_never_split() -> None:
    lex = Lexicon({"قلم": 5.0, "أحمر": 5.0})
    assert Segmenter(lex, never_split=["قلمأحمر"]).segment("قلمأحمر") == "قلمأحمر"
    assert Segmenter(lex.with_words(["أخضر"])).segment("قلمأخضر") == "قلم أخضر"


def test_candidates_show_the_readings() -> None:
    first, *rest = default_segmenter().candidates("كورياالشمالية")
    assert first.pieces == ("كوريا", "الشمالية")
    assert any(c.pieces == ("كورياالشمالية",) for c in rest)
    assert "كوريا" in str(first)
    whole, *_ = default_segmenter().candidates("شوانغجيانغ")
    assert whole.pieces == ("شوانغجيانغ",)


def test_candidates_of_a_clitic_form_name_its_reading() -> None:
    whole = default_segmenter().candidates("وبالمدرسة")[0]
    assert whole.pieces == ("وبالمدرسة",)
    assert "مدرسة" in whole.reading


def test_split_points_are_positions_in_the_text() -> None:
    text = "قال: وزارةالصحة"
    [point] = default_segmenter().split_points(text)
    assert text[:point].endswith("وزارة")
    assert text[point:] == "الصحة"


def test_run_reading_maps_letters_to_positions() -> None:
    run = Run.read("بِفَضْلِ\N{ARABIC TATWEEL}ال")
    assert run.key == "بفضلال"
    assert run.starts == (0, 2, 4, 6, 9, 10)


def test_no_space_inside_a_ligature() -> None:
    run = Run.read("ﻻ")  # one character, two letters
    assert run.key == "لا"
    assert run.starts == (0, -1)


def test_long_runs_are_left_whole() -> None:
    for text in ("ب" * 100_000, "بفضلالمفاوضات" * 1000, "مدرسةكبيرة" * (MAX_RUN // 10 + 1)):
        assert segment(text) == text


def test_repeated_runs_come_from_the_cache() -> None:
    seg = Segmenter(Lexicon({"قلم": 5.0, "أحمر": 5.0}))
    text = "قلمأحمر " * 50
    assert seg.segment(text) == "قلم أحمر " * 50
    assert seg.segment("قلم أحمر") == "قلم أحمر"


# --- properties ---------------------------------------------------------------------------

glued = st.lists(st.sampled_from(WORDS[:30]), min_size=1, max_size=4).map("".join)
texts = st.one_of(arabic_text, glued, st.lists(glued, max_size=5).map(" ".join))


def inserted_spaces_only(source: str, output: str) -> bool:
    i = 0
    for ch in output:
        if i < len(source) and ch == source[i]:
            i += 1
        elif ch != " ":
            return False
    return i == len(source)


@given(text=texts)
@example("بِفَضْلِالمفاوضات")
@example("\ud800وزارةالصحة")
def test_only_spaces_are_inserted(text: str) -> None:
    assert inserted_spaces_only(text, segment(text))


@given(text=texts)
@example("وزيرالخارجيةالأمريكي")
def test_segment_is_idempotent(text: str) -> None:
    once = segment(text)
    assert segment(once) == once


@given(text=texts)
def test_marks_and_tatweel_are_kept_in_order(text: str) -> None:
    def marks(s: str) -> list[str]:
        return [ch for ch in s if unicodedata.category(ch) == "Mn" or ch == "\N{ARABIC TATWEEL}"]

    assert marks(segment(text)) == marks(text)


def inserted_at(source: str, output: str) -> list[int]:
    """Positions in `output` of the spaces that are not in `source`."""
    found, i = [], 0
    for k, ch in enumerate(output):
        if i < len(source) and ch == source[i]:
            i += 1
        else:
            found.append(k)
    return found


def run_letters(text: str, *, ending_at: int | None = None, starting_at: int | None = None) -> str:
    """The letters of the run of Arabic letters that ends (or starts) at a position."""
    runs = list(run_pattern().finditer(text))
    run = next(m for m in runs if ending_at in (m.end(), None) and starting_at in (m.start(), None))
    return Run.read(run.group()).key


@given(text=texts)
@example("وبفضلالمفاوضات")
def test_never_a_lone_clitic_or_a_one_letter_piece(text: str) -> None:
    proclitics = set(bundled_words("proclitics"))
    output = segment(text)
    for space in inserted_at(text, output):
        for piece in (
            run_letters(output, ending_at=space),
            run_letters(output, starting_at=space + 1),
        ):
            assert len(piece) >= 2, (text, piece)
            assert piece not in proclitics, (text, piece)


# --- the rule -----------------------------------------------------------------------------


def test_the_clean_preset_splits_runons() -> None:
    assert arnorm.clean("قال إنوزارةالصحة أعلنت") == "قال إن وزارة الصحة أعلنت"
    assert arnorm.clean("وزارةالصحة", split_runons=False) == "وزارةالصحة"


def test_lint_reports_each_space_with_the_reading() -> None:
    [finding] = arnorm.lint("وزارةالصحة", preset=NONE, split_runons=True)
    assert (finding.code, finding.name, finding.start, finding.end) == (
        "AR501",
        "run-on-word",
        5,
        5,
    )
    assert finding.replacement == " "
    assert "وزارة" in finding.message
    assert "الصحة" in finding.message


def test_splits_after_a_word_end_are_safe() -> None:
    [finding] = arnorm.lint("المدرسةالجديدة", preset=NONE, split_runons=True)
    assert finding.safe
    assert arnorm.fix("المدرسةالجديدة", safe_only=True).text == "المدرسة الجديدة"


def test_fix_logs_one_edit_per_space() -> None:
    fixed = arnorm.fix("وزيرالخارجيةالأمريكي", preset=NONE, split_runons=True)
    assert fixed.text == "وزير الخارجية الأمريكي"
    assert [(e.start, e.end, e.replacement, e.code) for e in fixed.edits] == [
        (4, 4, " ", "AR501"),
        (12, 12, " ", "AR501"),
    ]


def test_word_list_files_from_the_config(tmp_path: Path) -> None:
    extra, never = tmp_path / "extra.txt", tmp_path / "never.txt"
    extra.write_text("# made-up words\nقلمونة\n", encoding="utf-8")
    never.write_text("وزارةالصحة\n", encoding="utf-8")
    options = {"preset": NONE, "split_runons": True}
    assert arnorm.clean("الكتابقلمونة", **options) == "الكتابقلمونة"
    assert arnorm.clean("الكتابقلمونة", extra_words=(str(extra),), **options) == "الكتاب قلمونة"
    assert arnorm.clean("وزارةالصحة", never_split=[str(never)], **options) == "وزارةالصحة"


# --- AR502: words glued to numbers ----------------------------------------------------------

NUMBER_FIXES = [
    pytest.param("في عام2015", "في عام 2015", id="word before a year"),
    pytest.param("قتل 11شخصا", "قتل 11 شخصا", id="number before a word"),
    pytest.param("منذ٢٠١٩ميلادية", "منذ ٢٠١٩ ميلادية", id="Arabic-Indic digits, both sides"),
    pytest.param("من 1990حتى2000", "من 1990 حتى 2000", id="a word between two numbers"),
]
NUMBER_NOOPS = [
    pytest.param("بـ20 والـ76", id="tatweel before a number"),
    pytest.param("ب2015 و10 ال18 لل30", id="proclitic or article before a number"),
    pytest.param("2018م 1436هـ", id="one-letter abbreviation after a number"),
    pytest.param("عام 2015", id="already spaced"),
    pytest.param("شوانغجيانغ2015", id="not a listed word"),
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_FIXES)
def test_words_glued_to_numbers(text: str, expected: str) -> None:
    assert arnorm.clean(text, preset=NONE, split_runons=True) == expected
    assert {f.code for f in arnorm.lint(text, preset=NONE, split_runons=True)} == {"AR502"}
    assert not any(f.safe for f in arnorm.lint(text, preset=NONE, split_runons=True))


@pytest.mark.parametrize("text", NUMBER_NOOPS)
def test_conventional_number_glue_stays(text: str) -> None:
    assert arnorm.clean(text, preset=NONE, split_runons=True) == text


def test_segment_leaves_numbers_to_the_rule() -> None:
    assert segment("عام2015") == "عام2015"
