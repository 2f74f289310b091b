"""Mojibake (AR701, formerly AR441): UTF-8 decoded with the wrong code page, read back.

UTF-8 writes an Arabic letter as two bytes, D8-DB then 80-BF. Decoded as windows-1256 (the
Arabic Windows code page) those bytes become two Arabic-looking characters, "ط§ظ„" for "ال";
decoded as latin-1 or windows-1252 they become "Ø§Ù„". Both happen when a page or a file
declares the wrong encoding.

The repair reads the text back one byte sequence at a time: a lead character, then the
continuation characters its byte announces. Decoding sequence by sequence composes (two broken
words decode the same together or apart), and characters that carry no bytes (controls,
invisible format characters, exotic spaces) are looked through, so the result does not change
when the later rules (AR101-AR104) remove them. The rule reads the text it is given: a
presentation form that hides a sequence is judged again in the engine's next pass, once AR105
has written it out.

Correct Arabic is full of ط ظ ع غ followed by punctuation ("المجتمع،", "ضبط»"), so a span is
repaired only on evidence (:func:`decode_mojibake`). ISO-8859-6 is not handled: it leaves most
of the bytes 80-BF undefined, so UTF-8 read through it cannot be reversed.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from arnorm.config import Config
from arnorm.edits import Edit
from arnorm.lexicon.words import default_lexicon
from arnorm.rules.base import Rule
from arnorm.script.chars import (
    ARABIC_INDIC_DIGITS,
    ARABIC_LETTERS,
    ARABIC_MARKS,
    INVISIBLE_FORMAT,
    JOINERS,
    REAL_CONTROLS,
    TATWEEL,
    WINDOWS_1252_C1,
    char_class,
)
from arnorm.script.codepages import ARABIC_LETTER_LEADS, ARABIC_MOJIBAKE_PAGES, byte_chars

#: Continuation characters that correct text also puts right after a letter: punctuation and
#: spaces glued to a word. A sequence ending in one of them is no evidence of mojibake.
_WEAK = frozenset(
    "\N{ARABIC COMMA}\N{ARABIC SEMICOLON}\N{ARABIC QUESTION MARK}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{HORIZONTAL ELLIPSIS}\N{EN DASH}\N{EM DASH}\N{BULLET}\N{NO-BREAK SPACE}\N{SOFT HYPHEN}"
    "\N{ZERO WIDTH NON-JOINER}\N{ZERO WIDTH JOINER}"
)
#: Evidence a span needs: a sequence of three or four bytes counts 2, one of two bytes 1, one
#: with a weak character 0 (the spacing and quote rules may glue a weak character to a lead
#: that a space kept apart, so such a sequence must not decide anything).
_EVIDENCE = 2
#: What a sequence may decode to, for the text arnorm cleans: Latin-1 and Latin Extended,
#: Arabic and its supplements and presentation forms, general punctuation, currency and
#: letter-like symbols, and emoji. Anything else (CJK from three stray symbols, say) is left.
_DECODED_RANGES = (
    (0x00A0, 0x024F),
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x214F),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x1F300, 0x1FAFF),
)
_LATIN_LETTER_LEADS = bytes(range(0xC2, 0xF5))  # every lead byte of UTF-8


class CodePage(NamedTuple):
    """How a wrong code page shows UTF-8: the characters that stand for its bytes 80-FF."""

    name: str
    byte_of: dict[str, int]  # a lead or continuation character -> the byte it stands for
    length: dict[str, int]  # a lead character -> how many continuation bytes follow it
    tails: frozenset[str]  # the characters of the continuation bytes 80-BF
    noise: frozenset[str]  # characters that later rules remove: dropped inside a sequence
    deletable: frozenset[str]  # continuation characters that later rules remove (SHY, ZWNJ)
    # Lead characters one of which a span must hold to be repaired (none: any span may be);
    # the pages read after windows-1256 want an Arabic letter, not punctuation alone.
    letter_leads: frozenset[str] = frozenset()


def _code_page(
    name: str, decodings: tuple[str, ...], leads: bytes, *, sloppy: bool = False
) -> CodePage:
    byte_of: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        for codec in decodings:
            shown = byte_chars(codec)[byte] if sloppy else bytes([byte]).decode(codec, "ignore")
            byte_of.update(dict.fromkeys(shown, byte))
    if sloppy:  # an undefined byte shows as a C1 control, which AR108 may write as windows-1252
        for ch, written in WINDOWS_1252_C1.items():
            if ch in byte_of:
                byte_of.setdefault(written, byte_of[ch])
    tails = frozenset(ch for ch, byte in byte_of.items() if byte < 0xC0)
    length = {ch: _tail_count(byte) for ch, byte in byte_of.items() if byte in leads}
    removed_later = REAL_CONTROLS | INVISIBLE_FORMAT | JOINERS | ARABIC_MARKS | {TATWEEL}
    noise = removed_later - tails
    letter_leads = frozenset(ch for ch, b in byte_of.items() if b in ARABIC_LETTER_LEADS)
    return CodePage(
        name,
        byte_of,
        length,
        tails,
        noise,
        tails & (INVISIBLE_FORMAT | JOINERS),
        letter_leads if sloppy else frozenset(),
    )


def _tail_count(lead: int) -> int:
    return 1 if lead < 0xE0 else 2 if lead < 0xF0 else 3


@functools.cache
def windows_1256() -> CodePage:
    """UTF-8 read as windows-1256. Only the lead bytes of Arabic (D8-DB: ط ظ ع غ), of Latin-1
    symbols such as « » (C2, C3: آ أ) and of general punctuation (E2: â) count: the other leads
    read as Arabic letters, and correct Arabic puts those before punctuation all the time."""
    leads = bytes((0xC2, 0xC3, 0xD8, 0xD9, 0xDA, 0xDB, 0xE2))
    return _code_page("windows-1256", ("cp1256",), leads)


@functools.cache
def latin() -> CodePage:
    """UTF-8 read as latin-1 or windows-1252 (they agree on A0-FF; 80-9F read as either)."""
    return _code_page("latin-1/windows-1252", ("latin-1", "cp1252"), _LATIN_LETTER_LEADS)


@functools.cache
def other_pages() -> tuple[CodePage, ...]:
    """The code pages read after windows-1256 and before latin-1 (see
    :data:`arnorm.script.codepages.ARABIC_MOJIBAKE_PAGES`): windows-1250, 1251, 1253, 1257,
    MacRoman and cp437, each with its undefined bytes shown as latin-1 controls. A span read
    through one of them must hold an Arabic letter.

    >>> decode_mojibake("Ř§Ů„ŘąŘ±Ř¨ŮŠŘ©", other_pages()[0])
    'العربية'
    """
    return tuple(
        _code_page(spec.name, spec.codecs, spec.leads, sloppy=True)
        for spec in ARABIC_MOJIBAKE_PAGES
    )


@functools.cache
def _page_named(name: str) -> CodePage:
    return next(page for page in (windows_1256(), latin(), *other_pages()) if page.name == name)


# --- finding and decoding sequences ----------------------------------------------------------


def _patterns(page: CodePage) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(one sequence, a span of sequences) of `page`, compiled once per code page."""
    return _compiled(page.name)


@functools.cache
def _compiled(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    page = _page_named(name)
    noise, tail = char_class(page.noise | page.deletable), char_class(page.tails)
    units = [
        char_class(lead for lead, count in page.length.items() if count == n)
        + f"(?:{noise}*{tail}){{{n}}}"
        for n in (1, 2, 3)
        if any(count == n for count in page.length.values())
    ]
    unit = "(?:" + "|".join(units) + ")"
    # Between sequences: anything but a non-ASCII letter (tatweel and stray continuation
    # letters aside). No later rule turns a character of the gap into a letter or back.
    gap = f"(?:[\\W\\d_]|[A-Za-z]|{char_class(page.tails | page.noise)})"
    return re.compile(unit), re.compile(f"{unit}(?:{gap}*{unit})*")


def _tails_of(page: CodePage, unit: str) -> str:
    """The continuation characters of one sequence: noise dropped, and as many characters
    that a later rule deletes (a soft hyphen, say) as the lead byte leaves no room for."""
    tails = [ch for ch in unit[1:] if ch not in page.noise]
    while len(tails) > page.length[unit[0]]:
        tails.remove(next(ch for ch in tails if ch in page.deletable))
    return "".join(tails)


def _decode_unit(page: CodePage, unit: str) -> str | None:
    """What one sequence stands for, or None when it is not valid UTF-8 or decodes to a
    character outside :data:`_DECODED_RANGES` or unassigned."""
    data = bytes(page.byte_of[ch] for ch in unit[0] + _tails_of(page, unit))
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    point = ord(decoded)
    if not any(lo <= point <= hi for lo, hi in _DECODED_RANGES):
        return None
    return None if unicodedata.category(decoded) == "Cn" else decoded


def _weight(page: CodePage, unit: str) -> int:
    if any(ch in _WEAK for ch in _tails_of(page, unit)):
        return 0
    return 2 if page.length[unit[0]] > 1 else 1


def _glued(page: CodePage, text: str, index: int, step: int) -> bool:
    """Whether a non-ASCII letter or mark sits at `index` or beyond it in direction `step`,
    looking through the characters that later rules remove. A control character separates:
    between two words, AR102 turns it into a space. The text is read as it is: a presentation
    form that AR105 writes out, or a word ligature that AR107 spells out with a space, is
    judged again in the engine's next pass, once they have."""
    while 0 <= index < len(text):  # by index: a slice or islice would walk from the start
        ch = text[index]
        index += step
        if ch in page.noise:
            if ch in REAL_CONTROLS:
                return False
            continue
        if ch.isascii() or ch in page.length:
            return False  # a lead character may start a sequence once a later rule drops a space
        return ch.isalpha() or unicodedata.category(ch) == "Mn"
    return False


def _repair_span(page: CodePage, match: re.Match[str], text: str) -> str:
    """The span that `match` found in `text`, repaired if the evidence holds."""
    span = text[match.start() : match.end()]
    units = list(_patterns(page)[0].finditer(match.group()))
    # A sequence glued to a word outside the span ("فقط،": ط، is a letter and a comma) is
    # part of that word: it neither counts nor changes.
    found = len(units)
    if units and _glued(page, text, match.start() - 1, -1):
        units = units[1:]
    if units and _glued(page, text, match.end(), 1):
        units = units[:-1]
    decoded = [(unit, _decode_unit(page, unit.group())) for unit in units]
    if page.letter_leads and not any(u.group()[0] in page.letter_leads for u, v in decoded if v):
        return span
    evidence = sum(_weight(page, unit.group()) for unit, value in decoded if value)
    alone = len(units) == found and _alone(text, match.start(), match.end())
    if evidence < _EVIDENCE and not (alone and _unambiguous(page, decoded, span)):
        return span
    parts: list[str] = []
    position = 0
    for unit, value in decoded:
        parts += (span[position : unit.start()], value or span[unit.start() : unit.end()])
        position = unit.end()
    parts.append(span[position:])
    return "".join(parts)


def _alone(text: str, start: int, end: int) -> bool:
    """Whether no letter (a Latin one included) touches ``text[start:end]`` on either side."""
    return not (start > 0 and text[start - 1].isalpha()) and not (
        end < len(text) and text[end].isalpha()
    )


#: How frequent (Zipf) a word must be for a short span that decodes to it to be repaired.
_KNOWN_WORD_ZIPF = 3.0


def _unambiguous(
    page: CodePage, decoded: list[tuple[re.Match[str], str | None]], span: str
) -> bool:
    """Whether a short span that stands alone, too light for the evidence of weights, can only
    be mojibake: two or more sequences and nothing between them, that decode to Arabic letters
    and digits only (read through latin-1 or another non-Arabic code page, where correct text
    never shows Ù… for م), or to a known word (through windows-1256 too, when the span is not
    letters itself: ظ…ظ† has the symbols … and † inside).

    >>> decode_mojibake("Ù…Ù†", latin()), decode_mojibake("ظ…ظ†", windows_1256())
    ('من', 'من')
    >>> decode_mojibake("OÙ…", latin()), decode_mojibake("عع", windows_1256())
    ('OÙ…', 'عع')
    """
    values = [value for _, value in decoded]
    if len(values) < 2 or None in values:
        return False
    if any(a.end() != b.start() for (a, _), (b, _) in itertools.pairwise(decoded)):
        return False
    if decoded[0][0].start() != 0 or decoded[-1][0].end() != len(span):
        return False
    word = "".join(value for value in values if value)
    if page is not windows_1256() and all(ch in _ARABIC_LETTERS_AND_DIGITS for ch in word):
        return True
    if span.isalpha():
        return False  # windows-1256 shows correct Arabic as letters
    return default_lexicon().zipf(word) >= _KNOWN_WORD_ZIPF


_ARABIC_LETTERS_AND_DIGITS = ARABIC_LETTERS | frozenset(ARABIC_INDIC_DIGITS)


@functools.cache
def _zero_before_digit() -> re.Pattern[str]:
    # "Ù " is ٠ (D9 A0) whose no-break space became a plain space: so read when more
    # Arabic-Indic digits follow it, or when it follows one and a blank or the end follows.
    digit = "\u00d9[\u00a0-\u00a9]"
    return re.compile(f"\u00d9 (?=(?:\u00d9 )*{digit})|(?<={digit})\u00d9 (?=[ \\t]|$)")


def _restore_a0(text: str) -> str:
    """`text` with each lost byte A0 of an Arabic-Indic digit restored, for the latin-1 page
    (same length): ftfy's known failure "أكثر Ù…Ù† Ù Ù Ù¡ بلد" is "أكثر من ٠٠١ بلد"."""
    if "\u00d9 " not in text:
        return text
    return _zero_before_digit().sub("\u00d9\u00a0", text)


def decode_mojibake(text: str, page: CodePage) -> str:
    """Read back the UTF-8 sequences of `text` that show through `page`.

    A span is a run of sequences with no non-ASCII letter between them (a letter that starts
    no sequence ends the span). It is repaired when its sequences weigh at least 2: a sequence
    of three bytes, or two of two bytes that could not be correct text (a letter before a
    symbol, as in ط§ or Ø§; a letter before punctuation, as in "المجتمع،", weighs nothing).
    Each sequence decodes on its own; what lies between them is kept for the later rules, and
    a sequence at either end that is glued to a word outside the span is part of that word.
    Controls, invisible characters, harakat and tatweel inside a sequence are dropped with it:
    the later rules would remove them and join the sequence anyway.

    >>> decode_mojibake("ط§ظ„ط¹ط±ط¨ظٹط© ظپظٹ آ«ط§ظ„ط´ط±ظ‚آ» â€” ok", windows_1256())
    'العربية في «الشرق» — ok'
    >>> decode_mojibake("قال Ø§Ù„Ø¹Ø±Ø¨ÙŠØ© Â«ØªÙˆÙ†Ø³Â»", latin())
    'قال العربية «تونس»'
    >>> decode_mojibake("ظل الطفل ظريفا طوال الطريق، ع، غ؛ ط»", windows_1256())
    'ظل الطفل ظريفا طوال الطريق، ع، غ؛ ط»'
    """
    parts: list[str] = []
    position = 0
    view = _restore_a0(text) if page is latin() else text
    for match in _patterns(page)[1].finditer(view):
        parts += (text[position : match.start()], _repair_span(page, match, text))
        position = match.end()
    return "".join(parts) + text[position:] if parts else text


# --- the rule: line by line -------------------------------------------------------------------

_MAX_ROUNDS = 3  # text broken twice (mojibake of mojibake) is repaired in two rounds


def repair_mojibake(line: str) -> str:
    """One line with its mojibake read back: windows-1256 first, then the other pages of
    :func:`other_pages`, then latin-1/windows-1252.

    >>> repair_mojibake("الخبر: ط§ظ„ط±ظٹط§ط¶ و Ø¬Ø¯Ø©")
    'الخبر: الرياض و جدة'
    """
    for _ in range(_MAX_ROUNDS):
        fixed = decode_mojibake(line, windows_1256())
        # The other pages want a lead of an Arabic letter, so they come before latin-1, which
        # would read a MacRoman "ŸÅŸÇ" (فق) as the Latin letters "şǟ".
        for page in other_pages():
            fixed = decode_mojibake(fixed, page)
        fixed = decode_mojibake(fixed, latin())
        if fixed == line:
            break
        line = fixed
    return line


@functools.cache
def _suspects() -> frozenset[str]:
    """The characters one of which every repairable line holds: a latin-1 lead (rare in
    correct text, and also the windows-1256 lead of punctuation, â) or a windows-1256
    continuation character that is not punctuation (the windows-1256 leads of Arabic are
    common letters). They are the rule's trigger: the engine's scan for them costs 0.1 ms on
    the news lines, where this rule's own search cost 3.7 ms."""
    strong_1256 = {ch for ch in windows_1256().tails if ch not in _WEAK}
    others = {ch for page in other_pages() for ch in page.letter_leads}
    return frozenset(strong_1256 | set(_LATIN_LETTER_LEADS.decode("latin-1")) | others)


@functools.cache
def _suspect() -> re.Pattern[str]:
    return re.compile(char_class(_suspects()))


def _line_edits(line: str, fixed: str, offset: int) -> Iterator[Edit]:
    """The edits that turn `line` into its repair `fixed`: the words that differ, found by
    comparing the two as words, then each differing stretch compared letter by letter. A
    comparison of the whole line letter by letter took time cubic in a long line of mojibake
    (14 KB of it: three minutes); difflib's own heuristic for long sequences (an element that
    makes up over 1 % of 200 or more is not used to align them) keeps a line of thousands of
    repeated words linear, at the price of coarser edits there only."""
    import difflib  # only for the rare broken line: it costs 2 ms to import

    words, repaired = _TOKEN.findall(line), _TOKEN.findall(fixed)
    starts = [0, *itertools.accumulate(map(len, words))]
    by_word = difflib.SequenceMatcher(None, words, repaired)
    for tag, i1, i2, j1, j2 in by_word.get_opcodes():
        if tag == "equal":
            continue
        old, new = "".join(words[i1:i2]), "".join(repaired[j1:j2])
        base = offset + starts[i1]
        by_letter = difflib.SequenceMatcher(None, old, new)
        for kind, k1, k2, l1, l2 in by_letter.get_opcodes():
            if kind != "equal":
                before, after = old[k1:k2], new[l1:l2]
                note = f"Mojibake: {before!r} is {after!r} read with the wrong code page"
                yield Edit(base + k1, base + k2, after, MOJIBAKE.code, note=note)


#: A word or a run of blanks: the units in which a line and its repair are compared first.
_TOKEN = re.compile(r"\S+|\s+")


def _repairs(text: str) -> tuple[list[str], list[str]]:
    """The lines of `text` and their repairs (a line with no suspect character is its own);
    no lines at all when the text has no suspect character."""
    search = _suspect().search
    if not search(text):
        return [], []
    lines = text.split("\n")
    return lines, [repair_mojibake(line) if search(line) else line for line in lines]


def _mojibake_edits(text: str, config: Config) -> Iterator[Edit]:
    offset = 0
    for line, fixed in zip(*_repairs(text), strict=True):
        if fixed != line:
            yield from _line_edits(line, fixed, offset)
        offset += len(line) + 1


def _repair_text(text: str, config: Config) -> str:
    """The fast path: each suspect line repaired, with no edits to find (what applying the
    edits of :func:`_mojibake_edits` gives, since they turn each line into its repair)."""
    lines, fixed = _repairs(text)
    return text if fixed == lines else "\n".join(fixed)


MOJIBAKE = Rule(
    code="AR701",
    name="mojibake",
    message="Mojibake: UTF-8 text read with the wrong code page",
    doc="""
## What it does
Reads back UTF-8 text that was decoded with the wrong code page, line by line, also when only
part of a line is broken:

- as windows-1256, the Arabic Windows code page: "ط§ظ„ط¹ط±ط¨ظٹط©" is "العربية" (ftfy does not
  cover this one);
- as latin-1 or windows-1252: "Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©" is "العربية" (the kind ftfy repairs; arnorm
  gives the same result on it, and is checked against ftfy in its tests).
- as the other code pages ftfy knows: windows-1250 ("Ř§Ů„ŘąŘ±Ř¨ŮŠŘ©"), windows-1251
  ("Ш§Щ„Ш№Ш±ШЁЩЉШ©", which ftfy does not repair), windows-1253, windows-1257, MacRoman
  ("ÿßŸÑÿπÿ±ÿ®Ÿäÿ©") and cp437, their undefined bytes shown as C1 controls as ftfy's sloppy
  codecs show them. A span read through one of them must hold an Arabic letter. ISO-8859-2
  is left out: where it differs from windows-1250 a span could be read through either.

A short span alone (no letter touches it) that is too light for that evidence is repaired
when it can only be mojibake: two sequences or more, nothing between them, that decode to
Arabic letters and digits only through a non-Arabic code page ("Ù…Ù†" is "من"), or to a
known word through windows-1256 ("ظ…ظ†" is "من"). Latin-1 text whose no-break spaces became
spaces has lost the byte A0 of ٠ (D9 A0): "Ù " before more Arabic-Indic digits is read as ٠,
so ftfy's known failure "أكثر Ù…Ù† Ù Ù Ù¡ بلد" becomes "أكثر من ٠٠١ بلد".

Each byte sequence is decoded on its own. A span of sequences is repaired only when its
sequences could not be correct text (a sequence of three bytes, or two of two bytes such as
ط§ or Ø§: a letter before a symbol) and no other letter touches it. Correct Arabic with many
ط and ظ ("ظل الطفل ظريفا طوال الطريق") or with punctuation glued to ط ظ ع غ ("المجتمع،",
"ضبط»") is never repaired. Controls and invisible characters inside a broken sequence go with
the repair; between sequences they stay for AR101 and AR102. ISO-8859-6 is not handled: it
leaves most UTF-8 continuation bytes undefined, so that mojibake cannot be reversed.

## Why
A page or a file that declares the wrong encoding turns every Arabic letter into two symbols.
Nothing downstream can read such text, and every other rule sees symbols instead of letters,
so this rule runs first. ftfy repairs the latin-1 kind but not the windows-1256 kind, the most
common Arabic mojibake; and ftfy judges a whole line, so a stray control character next to
the broken text can stop its repair until another rule removes the control.

## Example
`ط§ظ„ط±ظٹط§ط¶` becomes `الرياض`; `Ø¬Ø¯Ø©` becomes `جدة`.

## Fix safety
Safe: a span is repaired only when it decodes cleanly and could not be correct text.
""",
    safe=True,
    enabled=lambda config: config.mojibake,
    find=_mojibake_edits,
    fast=_repair_text,
    trigger=lambda config: _suspects(),
    aliases=("AR441",),
)

RULES: tuple[Rule, ...] = (MOJIBAKE,)
