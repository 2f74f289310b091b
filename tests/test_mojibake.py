"""Mojibake: UTF-8 read as windows-1256, latin-1 or windows-1252 (AR701, formerly AR441)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import arnorm
from arnorm.config import NONE

CASES = Path(__file__).resolve().parent / "cases"
NEGATIVE = [
    line
    for line in (CASES / "arabic_negative.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


def mojibake(text: str) -> str:
    """`text` with only the mojibake rule switched on."""
    return arnorm.clean(text, preset=NONE, mojibake=True)


def broken(text: str, codec: str) -> str:
    """`text` as a program that read its UTF-8 bytes with `codec` would show it."""
    return text.encode("utf-8").decode(codec)


SENTENCE = "قال الوزير «العربية» — في الرياض، أمس: نعم"
# windows-1252 leaves five bytes undefined, one of them the second byte of ف: none here.
SENTENCE_1252 = "قال الوزير «العربية» — بالرياض، أمس: نعم"

MOJIBAKE_FIXES = [
    pytest.param(broken(SENTENCE, "cp1256"), SENTENCE, id="windows-1256, a whole line"),
    pytest.param(broken(SENTENCE, "latin-1"), SENTENCE, id="latin-1, a whole line"),
    pytest.param(broken(SENTENCE_1252, "cp1252"), SENTENCE_1252, id="windows-1252"),
    pytest.param(
        "الخبر: " + broken("الرياض وجدة", "cp1256") + " ثم",
        "الخبر: الرياض وجدة ثم",
        id="windows-1256 inside a correct line",
    ),
    pytest.param(
        "الخبر: " + broken("الرياض وجدة", "latin-1") + " ثم",
        "الخبر: الرياض وجدة ثم",
        id="latin-1 inside a correct line",
    ),
    pytest.param(
        broken("جدة", "cp1256") + "\n" + broken("مكة", "latin-1") + "\r\nسليم",
        "جدة\nمكة\r\nسليم",
        id="two codecs on two lines, line ends kept",
    ),
    pytest.param(broken("في", "cp1256"), "في", id="a two-letter word alone"),
    pytest.param(broken("COVID-19 في", "cp1256"), "COVID-19 في", id="ASCII inside the span"),
    pytest.param(broken(broken("عمان", "cp1256"), "latin-1"), "عمان", id="broken twice"),
    pytest.param(
        "السلة فقط، " + broken("ودخلت في", "cp1256"),
        "السلة فقط، ودخلت في",
        id="a correct word ending in ط، before the broken part",
    ),
    pytest.param(
        "BRCA1 " + broken("و", "cp1256") + " BRCA2 " + broken("في", "cp1256"),
        "BRCA1 و BRCA2 في",
        id="Latin words inside the span",
    ),
]
MOJIBAKE_NOOPS = [pytest.param(line, id=f"negative {i}") for i, line in enumerate(NEGATIVE, 1)]


@pytest.mark.parametrize(("text", "expected"), MOJIBAKE_FIXES)
def test_mojibake_fixes(text: str, expected: str) -> None:
    assert mojibake(text) == expected
    assert {f.code for f in arnorm.lint(text, preset=NONE, mojibake=True)} == {"AR701"}


@pytest.mark.parametrize("text", MOJIBAKE_NOOPS)
def test_mojibake_noops(text: str) -> None:
    assert mojibake(text) == text


KNOWN_FAILURES = [
    pytest.param(broken("و", "cp1256"), "و", id="a one-letter word alone is too little evidence"),
    pytest.param(
        "الخبر: " + "في المدينة".encode().decode("cp1252", errors="replace"),
        "الخبر: في المدينة",
        id="windows-1252 with a byte lost to U+FFFD: only the rest is repaired",
    ),
]


@pytest.mark.parametrize(("text", "expected"), KNOWN_FAILURES)
@pytest.mark.xfail(strict=True, reason="known limits: too little evidence, or a byte lost")
def test_known_failures(text: str, expected: str) -> None:
    assert mojibake(text) == expected


def test_the_repair_runs_before_the_quote_rule() -> None:
    text = broken('قال "بوتين" إن', "cp1256")
    assert arnorm.clean(text) == "قال «بوتين» إن"


def test_edits_cover_the_broken_words_only() -> None:
    text = "الخبر: " + broken("جدة", "cp1256")
    [edit] = arnorm.fix(text, preset=NONE, mojibake=True).edits
    assert text[edit.start : edit.end] == broken("جدة", "cp1256")
    assert edit.replacement == "جدة"


ORACLE_SENTENCES = [
    "قال الوزير إن المفاوضات مستمرة",
    "وصل الوفد إلى «الرياض» — ثم غادر؛ أليس كذلك؟",
    "ارتفع المؤشر 3.5% في عام 2018",
    "وصل الوزير إلى جدة أمس «مبكرا» — نعم",  # no byte that windows-1252 leaves undefined
]


def decodable(text: str, codec: str) -> bool:
    """Whether every UTF-8 byte of `text` is defined in `codec` (windows-1252 lacks five)."""
    try:
        text.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return False
    return True


ORACLE_CASES = [
    pytest.param(prefix + broken(sentence, codec), id=f"{codec}, {where}, sentence {i}")
    for i, sentence in enumerate(ORACLE_SENTENCES, 1)
    for codec in ("latin-1", "cp1252")
    for where, prefix in (("whole line", ""), ("after Arabic", "الخبر: "))
    if decodable(sentence, codec)
]


@pytest.mark.parametrize("text", ORACLE_CASES)
def test_agrees_with_ftfy_where_ftfy_applies(text: str) -> None:
    ftfy = pytest.importorskip("ftfy")
    expected = ftfy.fix_encoding(text, ftfy.TextFixerConfig(fix_c1_controls=False))
    assert expected != text
    assert mojibake(text) == expected


NOISY = [
    pytest.param("\x80" + broken("الرياض", "latin-1"), id="a stray C1 control before"),
    pytest.param(broken("الرياض", "latin-1") + "\x1a", id="a control after"),
    pytest.param("ط§\u200bظ„ط±", id="a zero width space inside a sequence"),
    pytest.param("ط§\x00ظ„", id="NUL between sequences"),
    pytest.param("Ø§\xa0Ù„", id="a no-break space between sequences"),
]


@pytest.mark.parametrize("text", NOISY)
def test_noise_does_not_change_the_repair(text: str) -> None:
    """Controls, invisible characters and special spaces next to or inside broken text are
    removed by later rules; the repair must not wait for them (ftfy would)."""
    once = arnorm.clean(text)
    assert arnorm.clean(once) == once
    assert not any("\u0600" > ch > "\u00bf" for ch in once)  # no mojibake left


def test_the_repair_does_not_need_ftfy_at_run_time() -> None:
    # The splitter is off: it reads wordfreq's list, and wordfreq itself imports ftfy.
    script = (
        "import sys, arnorm; arnorm.clean('Ø§Ù„ ط§ظ„', split_runons=False);"
        " print('ftfy' in sys.modules)"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False"]


# Broken text next to the characters that later rules remove or turn into spaces.
NOISY_MOJIBAKE = st.lists(
    st.sampled_from(
        [
            *"Ø§Ù\x84طظ„«»”™\x80\x1a\x00\u200b\u200e\xa0\xad\u200c \t\nاaéÃ©ðŸ˜ع،",
            *("ط§ظ„", "Ø§Ù„", "آ«", "Â«", "â€"),
        ]
    ),
    max_size=25,
).map("".join)


@given(text=NOISY_MOJIBAKE)
@example("\x80Ø§Ù„")  # ftfy leaves this until AR102 removes the control
@example("Øâ€\x80§ط§ظ„")
@example("ط§ظ„ع،Ø§Ù„")
@example("آ«é© »")  # a space that AR425 removes kept the sequence apart
@example("â€\xad©")  # the soft hyphen that AR101 removes sat inside the sequence
@example("في\x00ط§ظ„")  # AR102 turns the NUL into a space
@example('"ط§ظ„\xa0",')
@example("آ«Ø§Ù„Ø\u2009»")  # once the thin space goes, Ø» is a (weak) sequence
def test_one_pass_reaches_the_fixed_point_next_to_noise(text: str) -> None:
    once = arnorm.clean(text)
    assert arnorm.clean(once) == once
    assert arnorm.fix(text).text == once
