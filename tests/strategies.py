"""Hypothesis strategies for Arabic-aware text: the raw material of every property test.

Real dirt is a mix: Arabic words with harakat and tatweel, invisible and bidi characters,
presentation forms, Persian look-alikes, straight and curly quotes, Arabic and Latin
punctuation, three digit systems, Latin words, emoji with joiners, HTML bits and odd spaces.
The pieces are drawn from derived tables where one exists, so the strategy grows with Unicode.
"""

from __future__ import annotations

from hypothesis import strategies as st

from arnorm.script.chars import (
    ARABIC_INDIC_DIGITS,
    ARABIC_LETTERS,
    ARABIC_MARKS,
    CONTROLS,
    EXOTIC_SPACES,
    INVISIBLE_FORMAT,
    JOINERS,
    PERSIAN_DIGITS,
    PRESENTATION_FORMS,
    TATWEEL,
)

BASIC_LETTERS = sorted(ch for ch in ARABIC_LETTERS if "\u0621" <= ch <= "\u064a")
WORDS = [
    "في",
    "من",
    "على",
    "إلى",
    "قال",
    "الوزير",
    "بفضل",
    "المفاوضات",
    "التهديدات",
    "الأمنية",
    "كوريا",
    "الشمالية",
    "مدرسة",
    "السعودية",
    "باشتراط",
    "لصداقة",
    "جينبينغ",
    "بوتين",
    "الحكومة",
    "وزارة",
    "عام",
    "الرئيس",
    "هذا",
    "التي",
    "أن",
    "لا",
    "ما",
    "عن",
    "مع",
    "فی",
    "علی",
    "کتاب",
    "الھیئة",
    "پنجره",
    "گفت",
    "شـروع",
    "بِفَضْلِ",
    "اﻟﻤﻘﺎﻭﻣﺔ",
    "ﻹقالة",
    "ط§ظ„",
    "Ø§Ù„",
    "الـ",
    "بـ",
    "لـ",
]
LATIN = [
    "the",
    "He said",
    "it's",
    "O'Brien",
    "COVID-19",
    "mp3",
    "http://x.org/a?b=1,2",
    "a@b.com",
    "5'10\"",
    "Dr.",
    "e.g.",
]
PUNCT = list("،؛؟,;?.!:()[]{}«»\"'“”„‟″‘’-–—…/\\&#<>%@_*")
HTML = ["&quot;", "&amp;", "&nbsp;", "&#1575;", "&#x627;", "<br>", "<p>", "</p>", "&lt;"]
SPACES = [" ", " ", " ", "\t", "\n", "\r\n", *sorted(EXOTIC_SPACES), "\u2028"]
EMOJI = [
    "\N{GRINNING FACE}",
    "\N{MAN}\N{ZERO WIDTH JOINER}\N{WOMAN}",
    "\U0001f3f4\U000e0067\U000e0062\U000e007f",
    "\N{THUMBS UP SIGN}\N{EMOJI MODIFIER FITZPATRICK TYPE-4}",
    "\u2764\ufe0f",
]
DIGITS = list("0123456789") + list(ARABIC_INDIC_DIGITS) + list(PERSIAN_DIGITS)

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(BASIC_LETTERS),
    st.sampled_from(sorted(ARABIC_MARKS)),
    st.just(TATWEEL),
    st.sampled_from(sorted(INVISIBLE_FORMAT | JOINERS)),
    st.sampled_from(sorted(CONTROLS)),
    st.sampled_from(sorted(PRESENTATION_FORMS)),
    st.sampled_from(PUNCT),
    st.sampled_from(SPACES),
    st.sampled_from(DIGITS),
    st.sampled_from(LATIN),
    st.sampled_from(HTML),
    st.sampled_from(EMOJI),
    st.characters(codec=None),  # anything at all, lone surrogates included
)

#: Mixed Arabic-aware text, up to a few dozen pieces.
arabic_text = st.lists(piece, max_size=40).map("".join)


#: Text without any Arabic letter or Arabic-script character at all.
def _is_arabic_script(ch: str) -> bool:
    return "\u0600" <= ch <= "\u08ff" or "\ufb50" <= ch <= "\ufeff"


non_arabic_text = st.text(
    alphabet=st.characters(codec=None).filter(lambda ch: not _is_arabic_script(ch)),
    max_size=60,
)

#: Sentences of known words joined by single spaces, for the splitter.
arabic_words = st.lists(st.sampled_from(WORDS[:30]), min_size=1, max_size=12).map(" ".join)

#: Words the spelling rules (AR60x) act on or must leave alone, written for arnorm's tests:
#: misspelt forms of each family, their right forms, names and first-person verbs.
SPELLING_WORDS = [
    "علي",
    "على",
    "فى",
    "الذى",
    "اكد",
    "والادارة",
    "بالاضافة",
    "مدرسه",
    "علية",
    "إنتخابات",
    "أحتفل",
    "احتفل",
    "و",
    "ب",
    "ل",
    "هذة",
    "ذكري",
    "الماضي",
    "قال",
    "لن",
    "ايضا",
]

#: Text dense in spelling errors, with the other dirt of :data:`arabic_text` mixed in.
spelling_text = st.lists(
    st.one_of(st.sampled_from(SPELLING_WORDS), st.sampled_from(SPACES[:3]), piece), max_size=30
).map("".join)
