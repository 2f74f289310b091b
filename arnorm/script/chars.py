"""Character facts: the bottom layer of arnorm.

Every table here is derived from :mod:`unicodedata` at import time (a few milliseconds), so it
follows the Unicode version of the running Python instead of a hand-typed list that silently
misses code points. Hand-picked entries exist only where a judgement is made, and each says why.

Nothing here changes text; the rules in :mod:`arnorm.rules` use these sets to build patterns.

>>> "\N{ARABIC FATHA}" in ARABIC_MARKS
True
>>> "\N{ARABIC SMALL HIGH LIGATURE SAD WITH LAM WITH ALEF MAKSURA}" in ARABIC_MARKS
True
>>> "\N{ARABIC TATWEEL}" in ARABIC_MARKS
False
>>> sorted(INVISIBLE_FORMAT) == sorted(set(INVISIBLE_FORMAT))
True
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping

from arnorm.script.codepages import byte_chars

# Blocks that hold Arabic-script characters (Basic, Supplement, Extended-B, Extended-A,
# Presentation Forms-A and -B). Ranges are inclusive.
ARABIC_BLOCKS: tuple[tuple[int, int], ...] = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x089F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
PRESENTATION_BLOCKS: tuple[tuple[int, int], ...] = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

TATWEEL = "\N{ARABIC TATWEEL}"
SHADDA = "\N{ARABIC SHADDA}"
ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
ZWJ = "\N{ZERO WIDTH JOINER}"
BOM = "\N{ZERO WIDTH NO-BREAK SPACE}"
JOINERS = frozenset({ZWNJ, ZWJ})


def chars_where(
    predicate: Callable[[str], bool], ranges: Iterable[tuple[int, int]]
) -> frozenset[str]:
    """All characters in the inclusive code point `ranges` for which `predicate` holds.

    >>> sorted(chars_where(str.isdigit, [(0x30, 0x39)])) == list("0123456789")
    True
    """
    return frozenset(ch for lo, hi in ranges for ch in map(chr, range(lo, hi + 1)) if predicate(ch))


def _category(*categories: str) -> Callable[[str], bool]:
    return lambda ch: unicodedata.category(ch) in categories


def _in(ch: str, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(lo <= ord(ch) <= hi for lo, hi in ranges)


# --- Arabic letters and marks -------------------------------------------------------------

#: Every Arabic combining mark: harakat, tanween, shadda, sukun, the dagger alef, the combining
#: hamza and madda, and the Quranic annotation signs (general category Mn in the Arabic blocks).
ARABIC_MARKS: frozenset[str] = chars_where(_category("Mn"), ARABIC_BLOCKS)

#: Arabic letters in their base (not presentation) form, Persian and Urdu letters included.
ARABIC_LETTERS: frozenset[str] = chars_where(
    lambda ch: unicodedata.category(ch) == "Lo" and not _in(ch, PRESENTATION_BLOCKS),
    ARABIC_BLOCKS,
)

#: Letters, ligatures and marks of the presentation-form blocks that NFKC maps to base text.
PRESENTATION_FORMS: frozenset[str] = chars_where(
    lambda ch: unicodedata.normalize("NFKC", ch) != ch, PRESENTATION_BLOCKS
)

#: Arabic-Indic digits ٠-٩ and Extended Arabic-Indic (Persian/Urdu) digits ۰-۹.
ARABIC_INDIC_DIGITS = "".join(chr(0x0660 + i) for i in range(10))
PERSIAN_DIGITS = "".join(chr(0x06F0 + i) for i in range(10))

# --- Invisible characters -------------------------------------------------------------------

# Format characters (Cf) that are not invisible noise, with the reason they are kept:
_VISIBLE_FORMAT = frozenset(
    chr(c)
    for c in (
        *range(0x0600, 0x0606),  # Arabic number signs: prepended marks that render visibly
        0x06DD,  # ARABIC END OF AYAH: a visible sign
        0x070F,  # SYRIAC ABBREVIATION MARK: visible
        0x0890,
        0x0891,  # ARABIC POUND/PIASTRE MARK ABOVE: visible currency marks
        0x08E2,  # ARABIC DISPUTED END OF AYAH: visible
        0x110BD,
        0x110CD,  # KAITHI NUMBER SIGNs: visible
    )
)
# Blocks that hold every format (Cf) and separator (Zs, Zl, Zp) character of Unicode 15.1.
# Scanning only these keeps the import fast; tests/test_chars.py scans the whole code space of
# the running Python and fails if a newer Unicode adds one elsewhere.
FORMAT_AND_SPACE_BLOCKS: tuple[tuple[int, int], ...] = (
    (0x0000, 0x00FF),
    (0x0600, 0x08FF),
    (0x1680, 0x1680),
    (0x1800, 0x18FF),
    (0x2000, 0x206F),
    (0x3000, 0x303F),
    (0xFE00, 0xFFFF),
    (0x11000, 0x110FF),
    (0x13430, 0x1345F),
    (0x1BC00, 0x1BCAF),
    (0x1D100, 0x1D1FF),
    (0xE0000, 0xE007F),
)
# Tag characters (U+E0000-U+E007F) spell subdivision flags inside emoji sequences, and the
# joiners have a rule of their own (they are letters' business, not noise).
_TAGS = (0xE0000, 0xE007F)

#: Invisible format characters that are noise in text: zero width space, word joiner, soft
#: hyphen, the byte order mark, the bidi marks (LRM, RLM, ALM), embeddings, overrides, isolates
#: and their terminators, invisible operators, and the like (Cf minus the exceptions above).
INVISIBLE_FORMAT: frozenset[str] = frozenset(
    ch
    for ch in chars_where(_category("Cf"), FORMAT_AND_SPACE_BLOCKS)
    if ch not in _VISIBLE_FORMAT and ch not in JOINERS and not _in(ch, [_TAGS])
)

#: C0 and C1 control characters other than tab, line feed and carriage return.
CONTROLS: frozenset[str] = chars_where(_category("Cc"), [(0x0000, 0x009F)]) - frozenset("\t\n\r")


#: The C1 controls (U+0080-U+009F) that stand for a windows-1252 character, mapped to it: text
#: decoded as latin-1 where windows-1252 was meant keeps its curly quotes, dashes, ellipsis
#: and euro sign as these controls (U+0093 is U+201C, U+0096 U+2013, U+0085 U+2026). Read
#: from the code page table of :func:`~arnorm.script.codepages.byte_chars`, where a byte that
#: windows-1252 leaves undefined shows as its own control (and so is left out here).
WINDOWS_1252_C1: dict[str, str] = {
    chr(byte): ch for byte, ch in byte_chars("cp1252").items() if byte < 0xA0 and ch != chr(byte)
}

#: The control characters that carry no character: C0 controls other than tab, line feed and
#: carriage return, DELETE, and the five C1 controls that windows-1252 leaves undefined (81,
#: 8D, 8F, 90, 9D). These are the only controls a rule removes (AR102).
REAL_CONTROLS: frozenset[str] = CONTROLS - frozenset(WINDOWS_1252_C1)

#: Every character that a rule of the ``clean`` preset may delete outright (an edit whose
#: replacement is empty): the controls that carry no character (AR102), invisible format
#: characters (AR101), joiners inside Arabic words (AR103), tatweel (AR301), harakat typed
#: twice or left with no letter (AR301-AR303), and spaces and tabs where a rule leaves one
#: space or none (AR421-AR425). Anything else that changes is replaced by what it stands for,
#: and the edit says so. The HTML tag rule (AR703, off in the preset) deletes inline tags.
DELETABLE: frozenset[str] = (
    REAL_CONTROLS | INVISIBLE_FORMAT | JOINERS | ARABIC_MARKS | frozenset({TATWEEL, " ", "\t"})
)

#: Space separators other than the ASCII space: NBSP, narrow NBSP, en/em/thin/hair spaces,
#: the ideographic space, and so on (general category Zs).
EXOTIC_SPACES: frozenset[str] = chars_where(_category("Zs"), FORMAT_AND_SPACE_BLOCKS) - {" "}

#: LINE SEPARATOR and PARAGRAPH SEPARATOR (categories Zl, Zp).
LINE_SEPARATORS: frozenset[str] = chars_where(_category("Zl", "Zp"), FORMAT_AND_SPACE_BLOCKS)


def char_class(chars: Iterable[str], *, negate: bool = False) -> str:
    r"""A regular-expression character class for `chars`, written with escapes and ranges.

    Escapes keep Arabic out of patterns (bidi reordering makes raw Arabic in a class
    unreadable), and ranges keep the class short.

    >>> char_class("\N{ARABIC FATHA}\N{ARABIC DAMMA}\N{ARABIC KASRA}x")
    '[\\x78\\u064e-\\u0650]'
    >>> char_class("ab", negate=True)
    '[^\\x61-\\x62]'
    """
    points = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        parts.append(_escape(points[i]) if i == j else f"{_escape(points[i])}-{_escape(points[j])}")
        i = j + 1
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


def _escape(point: int) -> str:
    if point <= 0xFF:
        return f"\\x{point:02x}"
    if point <= 0xFFFF:
        return f"\\u{point:04x}"
    return f"\\U{point:08x}"


def describe(ch: str) -> str:
    """A character as ``U+XXXX NAME`` for messages.

    >>> describe("\N{RIGHT-TO-LEFT MARK}")
    'U+200F RIGHT-TO-LEFT MARK'
    >>> describe("\x1a")
    'U+001A SUBSTITUTE'
    """
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ch, "<unnamed>")
    return f"U+{ord(ch):04X} {name}"


# unicodedata has no names for control characters; these are the ones seen in scraped news.
_CONTROL_NAMES = {
    "\x00": "NULL",
    "\x08": "BACKSPACE",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\x1a": "SUBSTITUTE",
    "\x1b": "ESCAPE",
    "\x1c": "FILE SEPARATOR",
    "\x1d": "GROUP SEPARATOR",
    "\x1e": "RECORD SEPARATOR",
    "\x1f": "UNIT SEPARATOR",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}


# --- Letters, ligatures, marks and digits of the core rules (AR105-AR304) ------------------

ARABIC_BASE_BLOCKS: tuple[tuple[int, int], ...] = tuple(
    block for block in ARABIC_BLOCKS if block not in PRESENTATION_BLOCKS
)
DOTTED_CIRCLE = "\N{DOTTED CIRCLE}"  # the conventional base for showing a mark on its own
COMBINING_HAMZA_AND_MADDA = frozenset(
    "\N{ARABIC MADDAH ABOVE}\N{ARABIC HAMZA ABOVE}\N{ARABIC HAMZA BELOW}"
)
ASCII_DIGITS = "0123456789"
#: The Quranic annotation signs, U+06D6-U+06ED: marks, and among them five signs that are not
#: (end of ayah, start of rub el hizb, place of sajdah, small waw, small yeh) but sit inside
#: the words of a Quranic text all the same.
QURANIC_SIGNS: frozenset[str] = frozenset(map(chr, range(0x06D6, 0x06EE)))


def _nfkc(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


def _is_word_ligature(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    named_for_a_word = name.startswith("ARABIC LIGATURE") and " WITH " not in name
    return named_for_a_word or unicodedata.category(ch) in ("So", "Sc")


#: Presentation forms that stand for a whole word or phrase: ﷲ ﷺ ﷻ ﷼ ﷽ and the honorifics.
#: Letter ligatures are named "X WITH Y" (LAM WITH ALEF); word ligatures are named after their
#: word (ALLAH, JALLAJALALOUHOU) or are symbols (RIAL SIGN, the basmala, which has no
#: decomposition, like the honorifics U+FD40-U+FD4F).
WORD_LIGATURES: frozenset[str] = chars_where(_is_word_ligature, PRESENTATION_BLOCKS)

#: Isolated presentation forms of harakat (ﹰ ﹶ ...), which NFKC maps to a space and the mark.
SPACING_MARK_FORMS: frozenset[str] = chars_where(
    lambda ch: _nfkc(ch).startswith(" "), PRESENTATION_BLOCKS
)

#: Presentation forms of letters and letter ligatures (ﺏ ﻻ ﲀ ...): those whose NFKC
#: decomposition holds a letter, word ligatures excepted.
PRESENTATION_LETTERS: frozenset[str] = frozenset(
    ch
    for ch in PRESENTATION_FORMS - WORD_LIGATURES
    if any(unicodedata.category(c) == "Lo" for c in _nfkc(ch))
)


def _hamza_pairs() -> dict[tuple[str, str], str]:
    pairs = {}
    for ch in chars_where(lambda c: bool(unicodedata.decomposition(c)), ARABIC_BASE_BLOCKS):
        parts = unicodedata.decomposition(ch).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            base, mark = (chr(int(part, 16)) for part in parts)
            if mark in COMBINING_HAMZA_AND_MADDA:
                pairs[base, mark] = ch
    return pairs


#: What canonical composition (NFC) makes of a letter followed by a combining hamza or madda:
#: ("ا", U+0654) -> "أ", ("و", U+0654) -> "ؤ", ("ی"-like heh goal, U+0654) -> "ۂ" ...
HAMZA_COMPOSITIONS: dict[tuple[str, str], str] = _hamza_pairs()


def _is_alef_variant(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    is_letter = unicodedata.category(ch) == "Lo" and name != "ARABIC LETTER ALEF"
    return is_letter and "ALEF" in name.split() and "MAKSURA" not in name


#: Alef with hamza or madda, alef wasla and the other alef letters (أ إ آ ٱ ٲ ...).
ALEF_VARIANTS: frozenset[str] = chars_where(_is_alef_variant, ARABIC_BASE_BLOCKS)

#: The letters of the Arabic alphabet (hamza to yeh, without tatweel).
ARABIC_ALPHABET: frozenset[str] = chars_where(
    lambda ch: unicodedata.category(ch) == "Lo", [(0x0621, 0x064A)]
)

#: Persian and Urdu letters that stand for an Arabic letter when they appear inside an Arabic
#: word (AR201). Hand-picked, one judgement per entry:
PERSIAN_LOOKALIKES: dict[str, str] = {
    # The Persian kaf: the same letter, drawn without the hamza-like stroke.
    "\N{ARABIC LETTER KEHEH}": "\N{ARABIC LETTER KAF}",
    # Urdu keyboards type this for heh at the start and in the middle of a word.
    "\N{ARABIC LETTER HEH DOACHASHMEE}": "\N{ARABIC LETTER HEH}",
    # Urdu's ordinary heh.
    "\N{ARABIC LETTER HEH GOAL}": "\N{ARABIC LETTER HEH}",
    # A Kurdish and Uyghur vowel letter, drawn like a final heh.
    "\N{ARABIC LETTER AE}": "\N{ARABIC LETTER HEH}",
    # Urdu's teh marbuta.
    "\N{ARABIC LETTER TEH MARBUTA GOAL}": "\N{ARABIC LETTER TEH MARBUTA}",
    # The Persian yeh: dotless at the end of a word, where it is Arabic yeh or alef maksura;
    # AR201 decides that case with the word frequencies.
    "\N{ARABIC LETTER FARSI YEH}": "\N{ARABIC LETTER YEH}",
}

#: Letters that Maghrebi Arabic writes (ڤ for v, ڨ for g ...): Arabic letters in Arabic text.
MAGHREBI_LETTERS = frozenset(
    "\N{ARABIC LETTER VEH}"  # ڤ: v in foreign words and names, all over the Arab world
    "\N{ARABIC LETTER FEH WITH THREE DOTS BELOW}"  # ڥ: the Maghrebi veh
    "\N{ARABIC LETTER FEH WITH DOT MOVED BELOW}"  # ڢ: the Maghrebi feh
    "\N{ARABIC LETTER QAF WITH DOT ABOVE}"  # ڧ: the Maghrebi qaf
    "\N{ARABIC LETTER QAF WITH THREE DOTS ABOVE}"  # ڨ: g in Tunisia and Algeria
    "\N{ARABIC LETTER NG}"  # ڭ: g in Morocco
)

#: Letters that mark a word as Persian, Urdu, Kurdish or another language written in Arabic
#: script (پ چ ژ گ ۀ ے ڵ ...): every base-form Arabic-script letter outside the Arabic
#: alphabet, except the alef variants, the look-alikes above and the Maghrebi letters.
FOREIGN_LETTERS: frozenset[str] = (
    ARABIC_LETTERS - ARABIC_ALPHABET - ALEF_VARIANTS - set(PERSIAN_LOOKALIKES) - MAGHREBI_LETTERS
)


# --- Typography -----------------------------------------------------------------------------

#: Letters of the Arabic script in every Arabic block, presentation forms and tatweel included
#: (categories Lo and Lm): what "an Arabic word" means to the typography rules, which decide
#: whether a quote, a comma or a space sits in Arabic text.
ARABIC_SCRIPT_LETTERS: frozenset[str] = chars_where(
    lambda ch: unicodedata.category(ch) in ("Lo", "Lm"), ARABIC_BLOCKS
)

ARABIC_COMMA = "\N{ARABIC COMMA}"
ARABIC_SEMICOLON = "\N{ARABIC SEMICOLON}"
ARABIC_QUESTION_MARK = "\N{ARABIC QUESTION MARK}"
#: ASCII punctuation and the Arabic mark AR411 writes for it after an Arabic word.
ARABIC_PUNCTUATION: Mapping[str, str] = {
    ",": ARABIC_COMMA,
    ";": ARABIC_SEMICOLON,
    "?": ARABIC_QUESTION_MARK,
}
#: Those marks in either form: AR411 swaps the one for the other and AR422 may put a space
#: after the Arabic one, so a rule that reads words must end a word at each of them.
SPACED_PUNCTUATION: frozenset[str] = frozenset(ARABIC_PUNCTUATION) | frozenset(
    ARABIC_PUNCTUATION.values()
)

# Which marks quote is a judgement call, so the quotation tables are hand-picked.
#: Double quotation marks whose direction Arabic text does not fix: writers open and close
#: with each of them, so their position decides.
DOUBLE_QUOTES = (
    '"'  # QUOTATION MARK: the typewriter quote, ~1,900 per MB of news
    "\N{LEFT DOUBLE QUOTATION MARK}"  # opens English quotes; closes some right-to-left ones
    "\N{RIGHT DOUBLE QUOTATION MARK}"  # closes English quotes; opens some right-to-left ones
    "\N{DOUBLE LOW-9 QUOTATION MARK}"  # opens German-style quotes
    "\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}"  # rare, used like the left double quote
    "\N{DOUBLE PRIME}"  # a quote on some Saudi sites; a prime (inches, seconds) after a digit
)
#: Single quotation marks; between two letters they are apostrophes (it's, O'Brien).
SINGLE_QUOTES = (
    "'"  # APOSTROPHE: also a prime after a digit (5'10")
    "\N{LEFT SINGLE QUOTATION MARK}"
    "\N{RIGHT SINGLE QUOTATION MARK}"  # also the typographic apostrophe
)
#: Guillemets: the Arabic quotation marks. « always opens and » always closes in Arabic text.
LEFT_GUILLEMET = "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
RIGHT_GUILLEMET = "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
#: Brackets, as they stand around a quotation: ``("...")``.
OPENING_BRACKETS = "([{"
CLOSING_BRACKETS = ")]}"
