"""Run-on words: the splitter, its API and the AR501 rule (phenomenon: lost spaces).

Every example is written for this project; none comes from the evaluation data.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import WORDS, arabic_text, arabic_words

import arnorm
from arnorm.config import CLEAN, NONE, SEARCH, Config
from arnorm.lexicon.folding import IDENTITY, Spelling
from arnorm.lexicon.words import Lexicon, bundled_words
from arnorm.rules.folds import fold_alef, fold_alef_maksura, fold_teh_marbuta
from arnorm.splitter.configured import spelling_of
from arnorm.splitter.segmenter import (
    MAX_PARTIAL_FINDS,
    MAX_PARTIAL_TOKENS,
    MAX_RUN,
    MAX_SEARCHED_RUNS,
    Document,
    Run,
    Segmenter,
    _searched,
    default_segmenter,
    run_pattern,
    segment,
    segmenter_for,
    tokens_among,
)

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
    pytest.param("كتبتهاالوزارة", "كتبتها الوزارة", id="an inflected verb, then a word"),
    pytest.param("حكومتهماالجديدة", "حكومتهما الجديدة", id="a dual pronoun, then a word"),
    pytest.param("بِفَضْلِالمفاوضات", "بِفَضْلِ المفاوضات", id="harakat stay on their letter"),
    pytest.param("الحكومـــةالجديدة", "الحكومـــة الجديدة", id="tatweel stays"),
    pytest.param("شكراًجزيلاً", "شكراً جزيلاً", id="tanween ends a word"),
    pytest.param("قال إنالاجتماعانتهى", "قال إن الاجتماع انتهى", id="inside a sentence"),
    pytest.param("«وزارةالداخلية»", "«وزارة الداخلية»", id="between quotes"),
    pytest.param("ﻭﺯﺍﺭﺓﺍﻟﺪﺍﺧﻠﻴﺔ", "ﻭﺯﺍﺭﺓ ﺍﻟﺪﺍﺧﻠﻴﺔ", id="presentation forms"),
    pytest.param("وصلالىالمدينة", "وصل الى المدينة", id="hamza-less الى is a word"),
    pytest.param("الخطةالى", "الخطة الى", id="hamza-less الى after a word end"),
]
NOOPS = [
    pytest.param("شوانغجيانغ", id="unknown name"),
    pytest.param("كيمبرلاين", id="another unknown name"),
    pytest.param("ماركوفيتشيان", id="long transliterated name"),
    pytest.param("غرينستون", id="a name of two listed transliteration chunks (letter model)"),
    pytest.param("وهوبكنز", id="و + a transliterated name that reads وهو + a word"),
    pytest.param("وبتسامحهم", id="clitics around a word"),
    pytest.param("ولمصانعهم", id="lam on a plural with pronoun"),
    pytest.param("وبالمدرسة", id="proclitic chain"),
    pytest.param("فسيكتبونها", id="conjunction, future, verb and pronoun"),
    pytest.param("كتبتهما", id="verb with dual pronoun"),
    pytest.param("ساعدناهم", id="verb with plural pronoun"),
    pytest.param("كتبتماه", id="dual subject ending and a pronoun"),
    pytest.param("ضربتموهم", id="تم written تمو before a pronoun"),
    pytest.param("يساعدونكما", id="imperfect plural keeps its noon, dual pronoun"),
    pytest.param("سيارتاهما", id="a noun's dual loses its noon before a pronoun"),
    pytest.param("اتفاقياتهما", id="plural ات and a dual pronoun"),
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


def test_the_article_and_one_letter_is_a_piece_only_when_a_frequent_word() -> None:
    # الت is listed as an extraction fragment; الى is إلى written without its hamza
    seg = Segmenter(Lexicon({"الت": 3.3, "قرير": 4.5, "الى": 6.0, "المدينة": 5.0}))
    assert seg.segment("التقرير") == "التقرير"
    assert seg.segment("الىالمدينة") == "الى المدينة"


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
@example("فاز بأكثرمن نصفها")  # a glued listing, split when sure
@example("وصلالىالمدينة كلشخص")
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


def test_persian_passages_are_not_split() -> None:
    """The dictionary is Arabic; and a space next to a ZWNJ would take away the sign that made
    the passage Persian, so AR201 would read it as Arabic in the next pass."""
    persian = "قال: «گفت وزارةالصحة»"
    assert arnorm.clean(persian) == persian
    joined = "اا\N{ZERO WIDTH JOINER}\N{ZERO WIDTH NON-JOINER}فیًعلى"
    assert arnorm.clean(joined, joiners="keep") == joined
    assert arnorm.clean("قال: وزارةالصحة") == "قال: وزارة الصحة"


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
    pytest.param("فيـ\N{ARABIC MADDAH ABOVE}20", id="a mark on the tatweel before a number"),
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


# --- under the search folds: the splitter looks words up folded -----------

SEARCH_VIEW = Spelling(alef=True, alef_maksura=True, teh_marbuta=True)
SPELLINGS = [
    pytest.param(CLEAN, IDENTITY, id="clean: as written"),
    pytest.param(SEARCH, SEARCH_VIEW, id="search: every fold"),
    pytest.param(
        dataclasses.replace(SEARCH, ignore=frozenset({"AR202", "AR303"})),
        Spelling(alef_maksura=True, teh_marbuta=True),
        id="an ignored fold does not run",
    ),
    pytest.param(
        dataclasses.replace(CLEAN, diacritics="keep-shadda"),
        IDENTITY,
        id="marks are read as they are, stripped or not",
    ),
]


@pytest.mark.parametrize(("config", "spelling"), SPELLINGS)
def test_the_spelling_the_splitter_reads(config: Config, spelling: Spelling) -> None:
    assert spelling_of(config) == spelling


SEARCH_FIXES = [
    pytest.param("0فيآ", "0 فيا", id="a word listed only once folded (hypothesis found it)"),
    pytest.param("كورياالشمالية", "كوريا الشماليه", id="split, then folded"),
    pytest.param("وزارةالصحة", "وزاره الصحه", id="teh marbuta as written"),
    pytest.param("وزارهالصحه", "وزاره الصحه", id="teh marbuta already folded: the same split"),
    pytest.param("علىالأرض", "علي الارض", id="alef maksura and hamza"),
    pytest.param("عامـ2015", "عام 2015", id="a tatweel that the search preset strips"),
]
SEARCH_WHOLE = [
    pytest.param("شوانغجيانغ", "شوانغجيانغ", id="unknown name"),
    pytest.param("إنما", "انما", id="protected compound, folded"),
    pytest.param("وبالمدرسة", "وبالمدرسه", id="proclitic chain on a folded word"),
    pytest.param("الأردنيتين", "الاردنيتين", id="nisba dual"),
    pytest.param("بـ20", "ب20", id="a proclitic before a number loses only its tatweel"),
]


@pytest.mark.parametrize(("text", "expected"), SEARCH_FIXES)
def test_search_splits_on_the_folded_letters(text: str, expected: str) -> None:
    assert arnorm.clean(text, preset="search") == expected
    assert arnorm.clean(expected, preset="search") == expected


@pytest.mark.parametrize(("text", "folded"), SEARCH_WHOLE)
def test_search_leaves_whole(text: str, folded: str) -> None:
    assert arnorm.clean(text, preset="search") == folded
    assert arnorm.clean(folded, preset="search") == folded


def test_runs_are_read_as_the_folds_leave_them() -> None:
    assert Run.read("بِفَضْلِأحمد", Spelling(alef=True)) == Run.read("بِفَضْلِاحمد")
    assert Run.read("مدرسةكبيرة", Spelling(teh_marbuta=True)).ends == frozenset()
    assert Run.read("علىالأرض", Spelling(alef_maksura=True)).ends == frozenset()
    # ً before أ: the fold will write ًا, the other spelling of كتاباً
    assert (Run.read("كتابًأحمد").ends, Run.read("كتابًأحمد", Spelling(alef=True)).ends) == (
        frozenset({4}),
        frozenset({5}),
    )


TANWEEN_ENDS = [
    pytest.param("كتاباًجديد", [5], id="fathatan on its alef"),
    pytest.param("كتابًاجديد", [5], id="fathatan before its alef"),
    pytest.param("كتابًّاجديد", [5], id="a mark between: AR302 may reorder them"),
    pytest.param("كتابًًاجديد", [5], id="tanween typed twice: AR302 keeps one"),
    pytest.param("كتابًـاجديد", [5], id="a tatweel between: AR301 may remove it"),
    pytest.param("كتاب\u200bًجديد", [], id="no letter under it: AR302 drops it"),
]


@pytest.mark.parametrize(("run", "ends"), TANWEEN_ENDS)
def test_tanween_ends_a_word_whatever_the_mark_repairs_do(run: str, ends: list[int]) -> None:
    assert sorted(Run.read(run).ends) == ends


def test_a_segmenter_reads_through_its_spelling() -> None:
    lex = Lexicon({"قلم": 5.0, "أحمر": 5.0})
    alef = Segmenter(lex, spelling=Spelling(alef=True))
    assert alef.segment("قلماحمر") == "قلم احمر"
    assert alef.segment("قلمأحمر") == "قلم أحمر"  # the letters as written: only a space
    assert alef.key("أَحمر") == "احمر"
    assert Segmenter(lex).segment("قلماحمر") == "قلماحمر"


def test_segmenters_are_kept_per_spelling() -> None:
    assert segmenter_for((), (), IDENTITY) is default_segmenter()
    assert segmenter_for((), (), SEARCH_VIEW) is segmenter_for((), (), SEARCH_VIEW)
    assert segmenter_for((), (), SEARCH_VIEW).lexicon is not default_segmenter().lexicon


def test_word_list_files_are_folded_too(tmp_path: Path) -> None:
    extra, never = tmp_path / "extra.txt", tmp_path / "never.txt"
    extra.write_text("قلمونة\n", encoding="utf-8")
    never.write_text("وزارةالصحة\n", encoding="utf-8")
    options = {"preset": "search", "extra_words": (str(extra),), "never_split": (str(never),)}
    assert arnorm.clean("الكتابقلمونة", **options) == "الكتاب قلمونه"
    assert arnorm.clean("وزارةالصحة", **options) == "وزارهالصحه"
    assert arnorm.clean("وزارهالصحه", **options) == "وزارهالصحه"


def test_the_folded_word_list_is_built_only_when_a_folding_config_splits() -> None:
    code = """
import arnorm
from arnorm.lexicon.words import default_lexicon
built = lambda: len(default_lexicon()._folded)
arnorm.clean("قال إنوزارةالصحة أعلنت")
arnorm.clean("قال إنوزارةالصحة أعلنت", preset="search", split_runons=False)
print(built(), end=" ")
arnorm.clean("قال إنوزارةالصحة أعلنت", preset="search")
print(built())
"""
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert run.stdout.split() == ["0", "1"], run.stderr


# The search folds as the rule functions apply them, and the spelling that reads through them.
Folds = Sequence[Callable[[str], str]]
LETTER_FOLDS: dict[str, tuple[Spelling, Folds]] = {
    "alef": (Spelling(alef=True), (fold_alef,)),
    "alef maksura": (Spelling(alef_maksura=True), (fold_alef_maksura,)),
    "teh marbuta": (Spelling(teh_marbuta=True), (fold_teh_marbuta,)),
    "all three": (SEARCH_VIEW, (fold_alef, fold_alef_maksura, fold_teh_marbuta)),
}
# The letter folds commute with splitting: the splitter looks words up folded. Stripping
# harakat and tatweel need not: the splitter reads tanween where it is written, and the
# engine's next pass reads the stripped text (the configs below check the fixpoint).
FOLDING_VIEWS: dict[str, tuple[Spelling, Folds]] = LETTER_FOLDS


def apply_all(folds: Folds, text: str) -> str:
    for fold in folds:
        text = fold(text)
    return text


@pytest.mark.parametrize(("spelling", "folds"), LETTER_FOLDS.values(), ids=LETTER_FOLDS.keys())
@given(text=arabic_text)
@example("آ\N{ARABIC MADDAH ABOVE}")  # AR202 folds a madda after the alef with it
def test_the_spelling_folds_as_the_fold_rules_do(
    spelling: Spelling, folds: Folds, text: str
) -> None:
    assert spelling.fold(text) == apply_all(folds, text)


@pytest.mark.parametrize(("spelling", "folds"), FOLDING_VIEWS.values(), ids=FOLDING_VIEWS.keys())
@given(text=st.one_of(texts, arabic_words))
@example("كتابًأحمد")
def test_splitting_then_folding_is_folding_then_splitting(
    spelling: Spelling, folds: Folds, text: str
) -> None:
    split = segmenter_for((), (), spelling).segment
    assert apply_all(folds, split(text)) == split(apply_all(folds, text))


SPLITTING = dataclasses.replace(NONE, split_runons=True)
FOLDING_CONFIGS = {
    f"{name}={value}": dataclasses.replace(SPLITTING, **{name: value})
    for name, value in (
        ("fold_alef", True),
        ("fold_alef_maksura", True),
        ("fold_teh_marbuta", True),
        ("diacritics", "strip"),
        ("diacritics", "keep-shadda"),
        ("tatweel", "strip"),
    )
}
FOLDING_CONFIGS["all of them"] = dataclasses.replace(
    SPLITTING,
    fold_alef=True,
    fold_alef_maksura=True,
    fold_teh_marbuta=True,
    diacritics="strip",
    tatweel="strip",
)


@pytest.mark.parametrize("config", FOLDING_CONFIGS.values(), ids=FOLDING_CONFIGS.keys())
@given(text=st.one_of(texts, arabic_words))
@example("0فيآ")  # a word listed only in its folded spelling
@example("عامـ2015")  # a tatweel before a number, stripped after the splitter ran
@example("كتابًأحمد")  # a tanween before a folded alef
def test_clean_with_a_fold_and_the_splitter_is_idempotent(config: Config, text: str) -> None:
    once = arnorm.clean(text, preset=config)
    assert arnorm.clean(once, preset=config) == once


# --- a whole document in one call -----------------------------------------------------------

DOCUMENT_TOKENS = ["كورياالشمالية", "كوريا", "الشمالية،", "بفضلالمفاوضات", "«كورياالشمالية»"]
SEPARATORS = [" ", "\n", "\t", "\N{NO-BREAK SPACE}", "  "]


@given(
    st.lists(st.tuples(st.sampled_from(DOCUMENT_TOKENS), st.sampled_from(SEPARATORS)), min_size=1)
)
def test_a_document_splits_as_its_lines_do(pieces: list[tuple[str, str]]) -> None:
    # a long text is searched for its run-on tokens by one pattern, a line token by token
    chunk = "".join(token + gap for token, gap in pieces)
    document = chunk * (1 + 1000 // len(pieces))
    lines = document.split("\n")
    assert arnorm.segment(document).split("\n") == [arnorm.segment(line) for line in lines]


@given(st.text(alphabet="اب،\N{NO-BREAK SPACE} \n\t", max_size=60), st.data())
def test_a_long_text_finds_the_tokens_a_line_finds(text: str, data: st.DataObject) -> None:
    tokens = text.split()
    wanted = data.draw(st.sets(st.sampled_from(tokens))) if tokens else set()
    wanted_cuts = {token: [0] for token in wanted}
    by_walk = tokens_among(text, wanted_cuts, 0)
    by_search = tokens_among(text, wanted_cuts, 10**6)
    assert (
        by_walk
        == by_search
        == [(m.start(), m.group()) for m in re.finditer(r"\S+", text) if m.group() in wanted]
    )


# --- the document as evidence ---------------------------------------------------------------

REPEATED = [
    pytest.param("قال دوسانتوس إن دوسانتوس", "قال دوسانتوس إن دوسانتوس", id="a name twice"),
    pytest.param("كورياالشمالية و كورياالشمالية", "كوريا الشمالية و كوريا الشمالية", id="sure"),
    pytest.param("المدرسةالجديدة المدرسةالجديدة", "المدرسة الجديدة المدرسة الجديدة", id="word end"),
]


@pytest.mark.parametrize(("text", "expected"), REPEATED)
def test_a_run_the_document_repeats_is_split_only_when_sure(text: str, expected: str) -> None:
    assert segment(text, Document(text)) == expected
    assert arnorm.clean(text) == expected  # AR501 reads the text it is given as the document


def test_once_in_the_document_the_run_is_judged_alone() -> None:
    assert segment("دوسانتوس") == "دو سانتوس"
    assert segment("دوسانتوس", Document("قال دوسانتوس")) == "دو سانتوس"


def test_lint_agrees_with_the_document_evidence() -> None:
    text = "قال دوسانتوس إن دوسانتوس"
    assert [e for e in arnorm.lint(text) if e.code == "AR501"] == []


@given(st.text(alphabet="دوسانت ،ـَ\n", max_size=80), st.sampled_from(["دو", "سانتوس", "دوسانتوس"]))
def test_a_document_repeats_a_run_as_it_counts_it(text: str, run: str) -> None:
    assert Document(text).repeats(run) == (Document(text).count(run) >= 2)


def test_a_run_found_inside_many_longer_runs_is_counted() -> None:
    # each find of سانتوس inside دوسانتوس is no whole run; past MAX_PARTIAL_FINDS the count
    text = " ".join(["دوسانتوس"] * (MAX_PARTIAL_FINDS + 5) + ["سانتوس", "قال", "سانتوس"])
    twice, once = Document(text), Document(text[: text.rindex(" قال")])
    assert twice.repeats("سانتوس")
    assert not once.repeats("سانتوس")
    assert twice._counts is not None  # answered by the count
    assert once._counts is not None


def test_a_document_asked_about_many_runs_counts_them() -> None:
    # past MAX_SEARCHED_RUNS runs, one count of the document answers, the same
    runs = [f"كيم{'ب' * n}رلاين" for n in range(1, MAX_SEARCHED_RUNS + 10)]
    document = Document(" ".join(runs + runs[:3]))
    assert [document.repeats(run) for run in runs] == [n < 3 for n in range(len(runs))]
    assert document._counts is not None  # the last runs were answered by the count


def test_a_token_found_inside_many_longer_tokens_is_walked_to() -> None:
    # more finds inside longer tokens than MAX_PARTIAL_TOKENS: the walk answers, the same
    text = " ".join(["أبكورياالشمالية"] * (MAX_PARTIAL_TOKENS + 5) + ["كورياالشمالية"])
    assert _searched(text, ["كورياالشمالية"]) is None  # the search gives up, the walk answers
    assert tokens_among(text, {"كورياالشمالية": [0]}, 10**6) == [
        (text.rindex(" ") + 1, "كورياالشمالية")
    ]


@given(arabic_text)
def test_segment_with_its_document_is_idempotent(text: str) -> None:
    once = segment(text, Document(text))
    assert segment(once, Document(once)) == once


# --- listed merges and the words that are written as one -------------------------------------


@pytest.mark.parametrize("word", bundled_words("protected"))
def test_protected_words_stay_whole_however_rare_the_list_makes_them(word: str) -> None:
    # the parts as frequent as the most frequent words, the whole barely listed: still whole
    parts = {word[:cut]: 7.0 for cut in range(2, len(word) - 1)}
    parts |= {word[cut:]: 7.0 for cut in range(2, len(word) - 1)}
    seg = Segmenter(Lexicon({**parts, word: 1.0}))
    assert seg.segment(word) == word
    assert seg.segment("و" + word) == "و" + word


@pytest.mark.parametrize(
    "word", ["عندما", "بينما", "مثلما", "ربما", "إنما", "كلما", "مما", "عما", "حسبما", "آنذاك"]
)
def test_the_fused_words_are_protected(word: str) -> None:
    assert word in bundled_words("protected")
    assert segment(word) == word


LISTED_MERGES = [
    pytest.param("منخلال", "من خلال", id="function word + frequent word, rarely listed"),
    pytest.param("فيالمدينة", "في المدينة", id="preposition glued to an article word"),
]


# A listed run that a two-letter function word glued to a listed word explains: split when sure.
GLUED_LISTINGS = [
    pytest.param("زارها أكثرمن مرة", "زارها أكثر من مرة", id="a word + من, listed"),
    pytest.param("وصل بعدأن انتهى", "وصل بعد أن انتهى", id="a word + أن, listed"),
    pytest.param("فاز بأكثرمن نصفها", "فاز بأكثر من نصفها", id="a proclitic on such a listing"),
]
# Listed words that such a meeting also explains, or that begin or end with a function word,
# but whose split is not sure: real words and names stay whole.
GLUED_KEPT = [
    pytest.param("لامع", id="لا + مع explain it, but it is a word (shining)"),
    pytest.param("أوان", id="أو + ان explain it, but it is a word (time)"),
    pytest.param("مصرفي", id="مصر + في explain it, but it is a word (banking)"),
    pytest.param("فيمن", id="في + من, a fused word (protected, as ممن and عمن)"),
    pytest.param("ماما", id="ما + ما"),
    pytest.param("منزل", id="begins with من, listed far above the meeting"),
    pytest.param("فيلم", id="begins with في, listed far above the meeting"),
]


@pytest.mark.parametrize(("text", "expected"), GLUED_LISTINGS)
def test_listings_of_a_glued_function_word_are_split(text: str, expected: str) -> None:
    assert segment(text) == expected
    safe = [f.safe for f in arnorm.lint(text, preset=NONE, split_runons=True)]
    assert safe == [True]  # split only when sure, so a safe fix


# A run that begins with a two-letter function word may read as a proclitic and a word too.
FUNCTION_WORD_SPLITS = [
    pytest.param("لميعد", "لم يعد", id="لم + يعد: ميعد is rare"),
    pytest.param("كلشخص", "كل شخص", id="كل + شخص, not ك + لشخص (ك and ل do not chain)"),
    pytest.param("كلقطاع", "كل قطاع", id="كل + قطاع, not ك + لقطاع"),
]
FUNCTION_WORD_KEPT = [
    pytest.param("فيقول", id="ف + يقول, a verb after the conjunction"),
    pytest.param("فيكتب", id="ف + يكتب"),
    pytest.param("فيذهب", id="ف + يذهب, although في + ذهب are two words"),
    pytest.param("فيرسل", id="ف + يرسل, although في + رسل are two words"),
    pytest.param("لميس", id="a name"),
    pytest.param("فيليب", id="a transliterated name"),
    pytest.param("بلبنان", id="ب + لبنان: لبنان is a word, not ل + بنان"),
    pytest.param("وللشخص", id="و + ل + الشخص: a chain the proclitic list holds"),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS + LISTED_MERGES + FUNCTION_WORD_SPLITS)
def test_splits(text: str, expected: str) -> None:
    assert segment(text) == expected
    assert arnorm.segment(text) == expected


@pytest.mark.parametrize("text", NOOPS + GLUED_KEPT + FUNCTION_WORD_KEPT)
def test_noops(text: str) -> None:
    assert segment(text) == text


def test_a_listed_clitic_form_is_no_stem_for_another_proclitic() -> None:
    zipf = {"كل": 6.6, "شخص": 5.8, "لشخص": 4.6}
    assert Segmenter(Lexicon(zipf)).segment("كلشخص") == "كل شخص"
    assert Segmenter(Lexicon({**zipf, "لشخص": 6.0})).segment("كلشخص") == "كلشخص"


GLUED_LEXICONS = [
    pytest.param({"من": 7.5, "أكثر": 6.1, "أكثرمن": 2.9}, "أكثر من", id="explained"),
    pytest.param({"من": 7.5, "أكثر": 6.1, "أكثرمن": 4.3}, "أكثرمن", id="listed above the meeting"),
    pytest.param({"من": 5.0, "أكثر": 6.1, "أكثرمن": 2.9}, "أكثرمن", id="من no function word"),
    pytest.param({"من": 7.5, "أكثر": 3.0, "أكثرمن": 2.9}, "أكثرمن", id="the split not sure"),
]


@pytest.mark.parametrize(("zipf", "expected"), GLUED_LEXICONS)
def test_a_glued_listing_is_split_only_when_explained_and_sure(
    zipf: dict[str, float], expected: str
) -> None:
    assert Segmenter(Lexicon(zipf)).segment("أكثرمن") == expected
    # the listing is no stem of a clitic reading either: ب + أكثرمن is no reading of بأكثرمن
    with_clitic = "ب" + expected
    assert Segmenter(Lexicon(zipf)).segment("بأكثرمن") == with_clitic
