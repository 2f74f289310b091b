"""Mojibake (AR441): UTF-8 text that was decoded with the wrong code page, read back.

UTF-8 writes every Arabic letter as two bytes, D8-DB then 80-BF. Decoded as windows-1256
(the Arabic Windows code page) those bytes become two Arabic-looking characters, "ط§ظ„" for
"ال"; decoded as latin-1 or windows-1252 they become "Ø§Ù„". Both happen when a page or a file
declares the wrong encoding. ftfy repairs the latin-1 and windows-1252 kind; this module adds
the windows-1256 kind, which ftfy does not cover and which is the most common Arabic mojibake.

Correct Arabic is full of ط ظ ع غ, so the windows-1256 layer is strict about what it repairs
(:func:`decode_windows_1256`). ISO-8859-6 is not handled: it leaves most of the bytes 80-BF
undefined, so UTF-8 read through it cannot be reversed.

The repair runs line by line and first in the pipeline: the text it recovers is what the other
rules should see. ftfy is imported only when a line looks like latin-1 mojibake.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterator

from arnorm.chars import char_class
from arnorm.edits import Edit, apply_edits
from arnorm.rules.base import Rule

# --- windows-1256 -----------------------------------------------------------------------------

#: UTF-8 lead bytes of the Arabic block (D8-DB) read as windows-1256: ط ظ ع غ.
_ARABIC_LEADS = bytes(range(0xD8, 0xDC))
#: Lead bytes of Latin-1 characters such as « » and the no-break space (C2, C3): آ أ.
_LATIN_LEADS = bytes((0xC2, 0xC3))
#: Lead byte of general punctuation (E2 80-81 ..: – — ‘ ’ “ ” … ): â.
_PUNCTUATION_LEAD = bytes((0xE2,))
#: Continuation bytes read as windows-1256 that correct Arabic text also puts after ط ظ ع غ:
#: punctuation glued to a word ("المجتمع،", "ضبط»"). A unit made of one of them is no evidence.
_WEAK = (
    "\N{ARABIC COMMA}\N{ARABIC SEMICOLON}\N{ARABIC QUESTION MARK}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{HORIZONTAL ELLIPSIS}\N{EN DASH}\N{EM DASH}\N{BULLET}\N{NO-BREAK SPACE}\N{SOFT HYPHEN}"
    "\N{ZERO WIDTH NON-JOINER}\N{ZERO WIDTH JOINER}"
)
# What a repaired span may decode to: Latin-1 symbols, Arabic, general punctuation, the euro.
_DECODED_RANGES = ((0xA0, 0xFF), (0x0600, 0x06FF), (0x2000, 0x206F), (0x20AC, 0x20AC))


@functools.cache
def _cp1256() -> tuple[str, str, str, str]:
    """(continuation bytes, Arabic leads, Latin leads, punctuation lead) read as windows-1256."""
    continuation = bytes(range(0x80, 0xC0)).decode("cp1256")
    return (
        continuation,
        _ARABIC_LEADS.decode("cp1256"),
        _LATIN_LEADS.decode("cp1256"),
        _PUNCTUATION_LEAD.decode("cp1256"),
    )


@functools.cache
def _cp1256_span() -> re.Pattern[str]:
    continuation, arabic, latin, punctuation = _cp1256()
    tail = char_class(continuation)
    unit = f"(?:{char_class(arabic + latin)}{tail}|{char_class(punctuation)}{tail}{tail})"
    return re.compile(f"{unit}(?:[ -~]*{unit})*")


@functools.cache
def _cp1256_trigger() -> re.Pattern[str]:
    continuation, arabic, _, _ = _cp1256()
    strong = "".join(ch for ch in continuation if ch not in _WEAK)
    return re.compile(char_class(arabic) + char_class(strong))


@functools.cache
def _cp1256_arabic_unit() -> re.Pattern[str]:
    continuation, arabic, _, _ = _cp1256()
    return re.compile(char_class(arabic) + char_class(continuation))


def _is_evidence(span: str) -> bool:
    """At least two Arabic letters' worth of units, one of them impossible in correct text."""
    units = [match.group() for match in _cp1256_arabic_unit().finditer(span)]
    return len(units) >= 2 and any(unit[1] not in _WEAK for unit in units)


def _is_foreign_neighbour(text: str, index: int) -> bool:
    """Whether ``text[index]`` would continue a word or a byte sequence past the span."""
    if not 0 <= index < len(text):
        return False
    ch = text[index]
    if ch.isascii():
        return False
    return ch.isalpha() or unicodedata.category(ch) == "Mn" or ch in _cp1256()[0]


def _decodes_cleanly(span: str) -> str | None:
    try:
        decoded = span.encode("cp1256").decode("utf-8")
    except UnicodeError:
        return None
    for ch in decoded:
        if not ch.isascii() and not any(lo <= ord(ch) <= hi for lo, hi in _DECODED_RANGES):
            return None
    return decoded


def _cp1256_repair(match: re.Match[str]) -> str:
    span, text = match.group(), match.string
    if not _is_evidence(span):
        return span
    if _is_foreign_neighbour(text, match.start() - 1) or _is_foreign_neighbour(text, match.end()):
        return span
    return _decodes_cleanly(span) or span


def decode_windows_1256(text: str) -> str:
    """Read back UTF-8 Arabic that was decoded as windows-1256 ("ط§ظ„" is "ال").

    A candidate span is a run of byte pairs (ط ظ ع غ, or آ أ, then a byte 80-BF read as
    windows-1256), with printable ASCII allowed between them. It is repaired only when it has
    at least two Arabic pairs, one of them impossible in correct text (ط§, ظ„: a letter before
    a symbol), when no letter, mark or stray continuation byte touches it on either side, and
    when it decodes as UTF-8 to Arabic, Latin-1 symbols or punctuation. Correct Arabic ("ظل
    الطفل ظريفا", "المجتمع،") is never a candidate.

    >>> decode_windows_1256("ط§ظ„ط¹ط±ط¨ظٹط© ظپظٹ آ«ط§ظ„ط´ط±ظ‚آ» â€” ok")
    'العربية في «الشرق» — ok'
    >>> decode_windows_1256("ظل الطفل ظريفا طوال الطريق، ع، غ؛ ط»")
    'ظل الطفل ظريفا طوال الطريق، ع، غ؛ ط»'
    """
    if not _cp1256_trigger().search(text):
        return text
    return _cp1256_span().sub(_cp1256_repair, text)


# --- latin-1 and windows-1252, through ftfy ---------------------------------------------------


@functools.cache
def _latin_trigger() -> re.Pattern[str]:
    leads = bytes(range(0xC2, 0xF5)).decode("latin-1")
    tails = bytes(range(0x80, 0xC0)).decode("latin-1")
    tails += bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
    return re.compile(char_class(leads) + char_class(tails))


def decode_latin_mojibake(text: str) -> str:
    """Read back UTF-8 that was decoded as latin-1 or windows-1252 ("Ø§Ù„" is "ال"), with ftfy.

    Only ftfy's encoding repair runs (not its quote straightening or other fixes), and not its
    fallback that turns lone C1 controls into windows-1252 characters (AR102 handles those).

    >>> decode_latin_mojibake("قال Ø§Ù„Ø¹Ø±Ø¨ÙŠØ© Â«ØªÙˆÙ†Ø³Â»")
    'قال العربية «تونس»'
    >>> decode_latin_mojibake("café «naïve»")
    'café «naïve»'
    """
    if not _latin_trigger().search(text):
        return text
    import ftfy  # costs ~40 ms: imported only when a line looks broken

    config = ftfy.TextFixerConfig(fix_c1_controls=False, explain=False)
    return ftfy.fix_encoding(text, config)


# --- both, line by line -----------------------------------------------------------------------

_MAX_ROUNDS = 3  # text broken twice (mojibake of mojibake) is repaired in two rounds


def repair_mojibake(line: str) -> str:
    """One line with its mojibake read back: windows-1256 first, then latin-1/windows-1252.

    >>> repair_mojibake("الخبر: ط§ظ„ط±ظٹط§ط¶ و Ø¬Ø¯Ø©")
    'الخبر: الرياض و جدة'
    """
    for _ in range(_MAX_ROUNDS):
        fixed = decode_latin_mojibake(decode_windows_1256(line))
        if fixed == line:
            break
        line = fixed
    return line


@functools.cache
def _suspect() -> re.Pattern[str]:
    """One character that every repairable line holds: a latin-1 lead or a strong 1256 tail."""
    continuation, _, _, _ = _cp1256()
    strong = {ch for ch in continuation if ch not in _WEAK}
    return re.compile(char_class(strong | set(bytes(range(0xC2, 0xF5)).decode("latin-1"))))


def _looks_broken(text: str) -> bool:
    """A cheap test first (one scan for rare characters), then the two triggers."""
    if not _suspect().search(text):
        return False
    return bool(_cp1256_trigger().search(text) or _latin_trigger().search(text))


def _line_edits(line: str, fixed: str, offset: int) -> Iterator[Edit]:
    matcher = difflib.SequenceMatcher(None, line, fixed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            before, after = line[i1:i2], fixed[j1:j2]
            note = f"Mojibake: {before!r} is {after!r} read with the wrong code page"
            yield Edit(offset + i1, offset + i2, after, MOJIBAKE.code, note=note)


def _mojibake_edits(text: str) -> Iterator[Edit]:
    if not _looks_broken(text):
        return
    offset = 0
    for line in text.splitlines(keepends=True):
        if _looks_broken(line):
            fixed = repair_mojibake(line)
            if fixed != line:
                yield from _line_edits(line, fixed, offset)
        offset += len(line)


def _repair_text(text: str) -> str:
    if not _looks_broken(text):
        return text
    return apply_edits(text, _mojibake_edits(text))


MOJIBAKE = Rule(
    code="AR441",
    name="mojibake",
    message="Mojibake: UTF-8 text read with the wrong code page",
    doc="""
## What it does
Reads back UTF-8 text that was decoded with the wrong code page, line by line, also when only
part of a line is broken:

- as windows-1256, the Arabic Windows code page: "ط§ظ„ط¹ط±ط¨ظٹط©" is "العربية" (arnorm's own
  layer: ftfy does not cover it);
- as latin-1 or windows-1252: "Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©" is "العربية" (ftfy's encoding repair, and only
  that: ftfy's other fixes, such as straightening quotes, do not run).

A windows-1256 span is repaired only when it has at least two Arabic byte pairs, one of them
impossible in correct text (a letter followed by a symbol, as in ط§ or ظ„), when no other
letter touches it, and when it decodes as UTF-8. Correct Arabic with many ط and ظ ("ظل الطفل
ظريفا طوال الطريق") or with punctuation glued to ط ظ ع غ ("المجتمع،", "ضبط»") is never a
candidate. ISO-8859-6 is not handled: it leaves most UTF-8 continuation bytes undefined, so
that mojibake cannot be reversed.

## Why
A page or a file that declares the wrong encoding turns every Arabic letter into two symbols.
Nothing downstream can read such text, and every other rule sees symbols instead of letters,
so this rule runs first. ftfy repairs the latin-1 kind but not the windows-1256 kind, which is
the most common Arabic mojibake.

## Example
`ط§ظ„ط±ظٹط§ط¶` becomes `الرياض`; `Ø¬Ø¯Ø©` becomes `جدة`.

## Fix safety
Safe: a span is repaired only when it decodes cleanly and could not be correct Arabic.
""",
    safe=True,
    enabled=lambda config: config.mojibake,
    find=lambda text, config: _mojibake_edits(text),
    fast=lambda text, config: _repair_text(text),
)

RULES: tuple[Rule, ...] = (MOJIBAKE,)
