"""AR701 through every code page it reads, short spans, mixed spans (phenomenon: mojibake
beyond latin-1 and windows-1256). The sentences are written for the project."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from options import only

import arnorm
from arnorm.rules.invisibles import repair_c1_controls
from arnorm.script.codepages import ARABIC_MOJIBAKE_PAGES, byte_chars

SENTENCES = [
    "قال الوزير إن الحكومة «ستعمل» على ١٠٠ مشروع — في عام ٢٠٢٤",
    'في المدينة، قالت المعلمة: "نعم".',
    "ذهب ظافر إلى غزة وصنعاء… ثم عاد",
    "وافق المجلس على الخطة (بالإجماع)؛ أليس كذلك؟",
    "من",
    "هو",
    "الساعة ٩:٣٠ صباحًا",
]
CODECS = ["cp1256", "latin-1", "cp1252", *(spec.codecs[0] for spec in ARABIC_MOJIBAKE_PAGES)]


def through(text: str, codec: str) -> str:
    """`text`'s UTF-8 bytes as `codec` shows them, undefined bytes as latin-1 controls."""
    table = byte_chars(codec)
    return "".join(table[b] if b >= 0x80 else chr(b) for b in text.encode("utf-8"))


def mojibake(text: str) -> str:
    return arnorm.clean(text, **only("mojibake"))


@pytest.mark.parametrize("codec", CODECS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_code_page_is_read_back(sentence: str, codec: str) -> None:
    assert mojibake(through(sentence, codec)) == sentence


@pytest.mark.parametrize("codec", CODECS)
@pytest.mark.parametrize("sentence", SENTENCES[:4])
def test_a_broken_second_half_is_read_back(sentence: str, codec: str) -> None:
    words = sentence.split(" ")
    head, tail = " ".join(words[:3]), " ".join(words[3:])
    assert mojibake(f"{head} {through(tail, codec)}") == sentence


@pytest.mark.parametrize("codec", ["cp1250", "cp1253"])
def test_undefined_bytes_written_by_ar108_are_read_back_too(codec: str) -> None:
    # An undefined byte shows as a C1 control, which AR108 may have written as windows-1252
    # (U+0088 as U+02C6) before the text came back. windows-1257 is not tested: the U+0160
    # that AR108 writes for U+008A is its own byte D0. In one run AR701 comes first anyway.
    broken = through("في الوزير والمدير", codec)
    written = repair_c1_controls(broken)
    assert written != broken
    assert mojibake(written) == "في الوزير والمدير"


SHORT_AND_MIXED = [
    pytest.param("Ù…Ù†", "من", id="من alone, windows-1252"),
    pytest.param("ظ…ظ†", "من", id="من alone, windows-1256: a known word"),
    pytest.param("قال Ù…Ù† هنا", "قال من هنا", id="a short span inside Arabic"),
    pytest.param("أكثر Ù…Ù† Ù Ù Ù¡ بلد", "أكثر من ٠٠١ بلد", id="ftfy's known failure"),
    pytest.param("العدد Ù¡Ù  فقط", "العدد ١٠ فقط", id="a zero whose no-break space became a space"),
]


@pytest.mark.parametrize(("text", "expected"), SHORT_AND_MIXED)
def test_short_and_mixed_spans(text: str, expected: str) -> None:
    assert mojibake(text) == expected


NEGATIVE = [
    pytest.param("OÙ… est-il", id="French capitals before an ellipsis"),
    pytest.param("Ù… est", id="one sequence alone"),
    pytest.param("Щ„ ... Это Шёлк", id="Russian"),
    pytest.param("ΩΣ Ψ§ ΨΥΧΗ", id="Greek"),
    pytest.param("ظل الطفل ظريفا طوال الطريق، ع، غ؛ ط»", id="Arabic with ط ظ ع غ"),
    pytest.param("عع غغ طط", id="Arabic letters that read as windows-1256 leads"),
    pytest.param("Bremer/Mccoy – DrÃ¥ber", id="ftfy's inconsistent case"),
    pytest.param("Ÿ€ ÿ", id="MacRoman leads alone"),
    pytest.param("┘é ╪ß", id="cp437 box drawing"),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_text_that_only_looks_broken_is_left_alone(text: str) -> None:
    assert mojibake(text) == text


@given(
    words=st.lists(st.sampled_from([s.split(" ")[0] for s in SENTENCES] + ["و", "في"]), max_size=6),
    codec=st.sampled_from(CODECS),
)
def test_a_repair_is_idempotent_and_reaches_what_fix_reaches(words: list[str], codec: str) -> None:
    text = through(" ".join(words), codec)
    once = arnorm.clean(text)
    assert arnorm.clean(once) == once
    assert arnorm.fix(text).text == once
