"""The word list and clitic morphology the splitter stands on (phenomenon: what is a word)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from arnorm.lexicon.clitics import (
    Clitics,
    ending_chains,
    forms_before_pronoun,
    proclitic_cost,
    stem_forms,
)
from arnorm.lexicon.folding import Spelling
from arnorm.lexicon.letters import STEP, LetterModel, rare_words
from arnorm.lexicon.words import (
    Lexicon,
    _bundled_text,
    bundled_words,
    default_lexicon,
    lookup_key,
    parse_words,
    read_word_file,
    read_wordfreq,
)
from arnorm.splitter.segmenter import Segmenter, default_segmenter, letter_model

KEY_CHANGES = [
    pytest.param("بِفَضْلِ", "بفضل", id="harakat go"),
    pytest.param("بـفـضـل", "بفضل", id="tatweel goes"),
    pytest.param("مدر\u200cسة", "مدرسة", id="joiner goes"),
    pytest.param("إ\u200eلون", "إلون", id="bidi mark goes"),
    pytest.param("ﻹقالة", "لإقالة", id="lam-alef ligature unfolds"),
    pytest.param("ﺍﻟﻤﻘﺎﻭﻣﺔ", "المقاومة", id="presentation forms fold"),
]
KEY_NOOPS = [
    pytest.param("مدرسة", id="plain word"),
    pytest.param("أإآ", id="hamza letters are kept (wordfreq keeps them)"),
    pytest.param("ى", id="alef maksura is kept"),
    pytest.param("abc", id="ASCII"),
]


@pytest.mark.parametrize(("word", "key"), KEY_CHANGES)
def test_lookup_key_changes(word: str, key: str) -> None:
    assert lookup_key(word) == key


@pytest.mark.parametrize("word", KEY_NOOPS)
def test_lookup_key_noops(word: str) -> None:
    assert lookup_key(word) == word


def test_lexicon_looks_up_by_key() -> None:
    lex = Lexicon({"كتاب": 5.0})
    assert lex.zipf("كِتَابٌ") == 5.0
    assert lex.zipf("كتب") == 0.0
    assert "كتاب" in lex
    assert "كتب" not in lex
    assert 3 not in lex
    assert len(lex) == 1


def test_with_words_adds_without_lowering() -> None:
    lex = Lexicon({"كتاب": 5.0}).with_words(["كتاب", "قلمون"], zipf=4.0)
    assert (lex.zipf("كتاب"), lex.zipf("قلمون")) == (5.0, 4.0)


def test_parse_words_skips_comments_and_blanks() -> None:
    text = "# names\nكلمة\n\n  كَلِمَتان  # with harakat\n#\n"
    assert parse_words(text) == ["كلمة", "كلمتان"]


def test_read_word_file(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("زيدونيا\nعمرويه\n", encoding="utf-8")
    assert read_word_file(str(path)) == ("زيدونيا", "عمرويه")


def test_wordfreq_list_is_loaded_through_its_api() -> None:
    lex = default_lexicon()
    assert len(lex) > 500_000
    assert lex.zipf("في") > 7
    assert 3 < lex.zipf("المدرسة") < 6
    assert lex.zipf("قلمونيابس") == 0.0
    assert all(0 < z <= 9 for z in list(read_wordfreq().values())[:1000])


STEM_FORMS = [
    pytest.param("مدرست", "مدرسة", id="teh marbuta written teh before a pronoun"),
    pytest.param("مستوا", "مستوى", id="alef maksura written alef"),
    pytest.param("معلمو", "معلمون", id="plural noon dropped"),
    pytest.param("كتبو", "كتبوا", id="verb alef dropped"),
    pytest.param("معلمي", "معلمين", id="oblique noon dropped"),
    pytest.param("أبنائ", "أبناء", id="hamza on a seat"),
]


@pytest.mark.parametrize(("stem", "listed"), STEM_FORMS)
def test_stem_forms(stem: str, listed: str) -> None:
    assert listed in stem_forms(stem)


TOY = Lexicon({"مكتبة": 4.0, "كتب": 5.0, "كتاب": 5.0, "مدرسة": 5.0, "معلمون": 4.0, "أمريكا": 5.0})
READINGS = [
    pytest.param("ومكتبة", "و+مكتبة", id="conjunction"),
    pytest.param("وبالكتاب", "وبال+كتاب", id="proclitic chain with the article"),
    pytest.param("سيكتب", None, id="future seen needs a listed verb"),
    pytest.param("مدرستها", "مدرسة+ها", id="pronoun after teh marbuta"),
    pytest.param("معلموها", "معلمون+ها", id="pronoun after a plural"),
    pytest.param("الكتابان", "ال+كتاب+ان", id="article and dual"),
    pytest.param("أمريكية", "أمريكا+ية", id="nisba replaces alef"),
    pytest.param("كتابينه", None, id="a noun's noon drops before a pronoun"),
    pytest.param("وكتب", "و+كتب", id="three-letter stem"),
    pytest.param("وكت", None, id="stems have three letters or more"),
    pytest.param("كتبتماه", "كتب+تما+ه", id="perfect dual subject and a pronoun"),
    pytest.param("كتبتموها", "كتب+تم+ها", id="تم takes a waw before a pronoun"),
    pytest.param("كتبتمها", None, id="no تم without its waw before a pronoun"),
]


@pytest.mark.parametrize(("word", "reading"), READINGS)
def test_clitic_readings(word: str, reading: str | None) -> None:
    best = Clitics(TOY).best(word)
    assert (str(best) if best else None) == reading


FOLDED_SPELLING = Spelling(alef=True, alef_maksura=True, teh_marbuta=True)
FOLDED_TOY = TOY.with_words(["مستوى", "أكتب"]).folded(FOLDED_SPELLING)
FOLDED_READINGS = [
    pytest.param("والمدرسه", "وال+مدرسه", id="proclitics on a folded stem"),
    pytest.param("مدرستها", "مدرسه+ها", id="the teh before a pronoun reads as a folded ة"),
    pytest.param("مستواها", "مستوي+ها", id="the alef before a pronoun reads as a folded ى"),
    pytest.param("الامريكيه", "ال+امريكا+يه", id="the nisba suffix ية folded"),
    pytest.param("ساكتب", "س+اكتب", id="the future seen before a folded أ"),
    pytest.param("مدرسه", None, id="a folded listed word has no clitic"),
]


@pytest.mark.parametrize(("word", "reading"), FOLDED_READINGS)
def test_clitic_readings_under_the_folds(word: str, reading: str | None) -> None:
    best = Clitics(FOLDED_TOY, spelling=FOLDED_SPELLING).best(word)
    assert (str(best) if best else None) == reading


CHANGED_BEFORE_A_PRONOUN = [
    pytest.param("كتبوه", "كتب", "ه", id="the verb's alef drops before a pronoun"),
    pytest.param("كتاباه", "كتاب", "ه", id="a noun's dual noon drops before a pronoun"),
    pytest.param("مدرستاهما", "مدرسة", "هما", id="dual after teh marbuta, dual pronoun"),
]


@pytest.mark.parametrize(("word", "stem", "pronoun"), CHANGED_BEFORE_A_PRONOUN)
def test_endings_that_change_before_a_pronoun_are_read(word: str, stem: str, pronoun: str) -> None:
    best = Clitics(TOY).best(word)
    assert best is not None
    assert (best.stem, best.enclitic) == (stem, pronoun)


def test_only_an_imperfect_verb_keeps_its_noon_before_a_pronoun() -> None:
    clitics = Clitics(Lexicon({"يكتب": 4.5, "كتاب": 5.0}))
    assert str(clitics.best("يكتبونها")) == "يكتب+ون+ها"
    assert clitics.best("كتابونها") is None


def test_every_chain_is_an_inflection_then_a_pronoun() -> None:
    pronouns = set(bundled_words("enclitics"))
    inflections = set(bundled_words("suffixes")) | set(bundled_words("subject_endings"))
    for written, chains in ending_chains().items():
        for chain in chains:
            assert chain.inflection in inflections | {""}, written
            assert chain.pronoun in pronouns | {""}, written
            assert written.endswith(chain.pronoun)
            assert chain.inflection or chain.pronoun


def test_endings_change_before_a_pronoun() -> None:
    assert [f for f, _ in forms_before_pronoun("وا", verb=True)] == ["و"]
    assert [f for f, _ in forms_before_pronoun("تان", verb=False)] == ["تا"]
    assert forms_before_pronoun("ية", verb=False) == ()
    assert ("ون", True) in forms_before_pronoun("ون", verb=True)


def test_proclitic_readings_only() -> None:
    assert Clitics(TOY).best("مدرستها", endings=False) is None
    assert str(Clitics(TOY).best("والمدرسة", endings=False)) == "وال+مدرسة"


def test_proclitic_chain_costs_add_up() -> None:
    assert proclitic_cost("") == 0
    assert proclitic_cost("لل") == proclitic_cost("ل") + proclitic_cost("ال")
    assert proclitic_cost("وبال") > proclitic_cost("بال") > proclitic_cost("ال")


GENUINE = [
    pytest.param({"من": 7.5, "خلال": 6.2, "منخلال": 1.7}, "منخلال", 0.0, id="listed run-on"),
    pytest.param({"كتاب": 5.0}, "كتاب", 5.0, id="no split at all"),
    pytest.param({"من": 3.0, "خلال": 3.0, "منخلال": 2.0}, "منخلال", 2.0, id="too rare to explain"),
]


@pytest.mark.parametrize(("zipf", "word", "genuine"), GENUINE)
def test_genuine_frequency_discounts_listed_run_ons(
    zipf: dict[str, float], word: str, genuine: float
) -> None:
    assert Segmenter(Lexicon(zipf)).genuine_zipf(word) == pytest.approx(genuine, abs=0.05)


# --- folded lexicons (what the splitter looks up under the search preset) -------------------

SPELLINGS = Lexicon({"على": 7.2, "علي": 6.5, "أن": 6.8, "إن": 6.6, "ان": 5.0, "مدرسة": 5.0})


def test_a_folded_lexicon_is_keyed_by_folded_letters() -> None:
    folded = SPELLINGS.folded(Spelling(alef=True, alef_maksura=True, teh_marbuta=True))
    assert folded.zipf("علي") == folded.zipf("على") == 7.2  # the most frequent spelling
    assert folded.zipf("ان") == folded.zipf("إن") == 6.8
    assert (folded.key_zipf("مدرسه"), folded.key_zipf("مدرسة")) == (5.0, 0.0)
    assert "مدرسة" in folded
    assert len(folded) == 3


def test_a_folded_lexicon_is_built_once_per_spelling() -> None:
    alef = SPELLINGS.folded(Spelling(alef=True))
    assert SPELLINGS.folded(Spelling(alef=True)) is alef
    assert alef.folded(Spelling(alef=True)) is alef
    assert SPELLINGS.folded(Spelling()) is SPELLINGS


def test_a_folded_lexicon_folds_further_but_never_back() -> None:
    alef = SPELLINGS.folded(Spelling(alef=True))
    assert alef.folded(Spelling(alef=True, teh_marbuta=True)).key_zipf("مدرسه") == 5.0
    with pytest.raises(ValueError, match="cannot be read"):
        alef.folded(Spelling(teh_marbuta=True))


def test_words_added_to_a_folded_lexicon_are_folded() -> None:
    folded = SPELLINGS.folded(Spelling(teh_marbuta=True)).with_words(["قلمونة"])
    assert folded.key_zipf("قلمونه") == folded.zipf("قلمونة") == 4.0


def test_the_folded_wordfreq_list() -> None:
    plain = default_lexicon()
    folded = plain.folded(FOLDED_SPELLING)
    assert len(folded) < len(plain)
    assert folded.zipf("الى") == folded.zipf("إلى") == max(map(plain.zipf, ["إلى", "إلي", "الي"]))
    assert folded.zipf("مدرسه") == plain.zipf("مدرسة")
    assert folded.max_zipf < 7.6  # the bound the splitter's search relies on


# --- the letter model of unknown words --------------------------------------------------------


def test_the_letter_model_learns_from_the_rarest_words_only() -> None:
    zipf = {"مدرسة": 5.0} | {f"كلمة{i}": 1.0 for i in range(3 * STEP)} | {"كتاب": 5.0}
    assert rare_words(zipf) == [f"كلمة{i}" for i in range(0, 3 * STEP, STEP)]


def test_the_letter_model_prefers_the_letters_it_has_seen() -> None:
    model = LetterModel(["غرين", "ستون", "هامبشاير", "بلاكستون"] * 300)
    assert model.logp("غرينستون") > model.logp("ظثضغقف")
    assert model.logp("ستون") > model.logp("نوتس")  # order matters: trigrams, not letters


def test_names_score_as_likely_unknown_words_with_the_real_list() -> None:
    seg = default_segmenter()

    # per letter, transliteration chunks score well as one word, a glued pair of words worse
    def per_letter(word: str) -> float:
        return seg.unknown_score(word) / len(word)

    assert per_letter("هامبشاير") > per_letter("ضمجزر")
    assert per_letter("كيمبرلاين") > per_letter("ضمجزر")


def test_a_small_lexicon_has_no_letter_model() -> None:
    assert letter_model(Lexicon({"في": 7.5, "بفضل": 4.6})) is None


@pytest.mark.parametrize("name", ["protected.txt", "function_words.txt", "proclitics.txt"])
def test_bundled_lists_read_from_the_folder_or_through_the_resource_api(
    name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    package = importlib.import_module("arnorm.wordlists")
    expected = (Path(package.__file__ or "").parent / name).read_text("utf-8")
    assert _bundled_text(name) == expected  # from the package's folder
    monkeypatch.setattr(package, "__path__", [str(tmp_path)])  # no such file there: a zip
    assert _bundled_text(name) == expected  # through importlib.resources
