"""Invisible characters, control characters, joiners and exotic spaces (AR101-AR104).

These are the characters a reader cannot see but a program trips over: a right-to-left mark
inside a word breaks every dictionary lookup, a no-break space between two words looks like a
space but is not one to ``str.split``, and a control character left by a caption break glues
two sentences together once it is deleted. Every fix here keeps words apart that were apart.
"""

from __future__ import annotations

import functools
import re

from arnorm.rules.base import Rule, substitution_rule
from arnorm.rules.context import (
    has_arabic_letter,
    in_arabic_context,
    line_has_arabic_letter,
    only_when,
)
from arnorm.script.chars import (
    ARABIC_LETTERS,
    ARABIC_MARKS,
    BOM,
    EXOTIC_SPACES,
    INVISIBLE_FORMAT,
    JOINERS,
    LINE_SEPARATORS,
    PRESENTATION_FORMS,
    REAL_CONTROLS,
    TATWEEL,
    WINDOWS_1252_C1,
    WORD_LIGATURES,
    char_class,
    describe,
)

# --- the fixes ------------------------------------------------------------------------------


@functools.cache
def _exotic_space() -> re.Pattern[str]:
    return re.compile(char_class(EXOTIC_SPACES | LINE_SEPARATORS))


def _plain_space(match: re.Match[str]) -> str:
    """A plain space (a line feed for a line or paragraph separator) in Arabic context: the
    nearest letter before or after is Arabic. Elsewhere the space is Latin text's own."""
    if not in_arabic_context(match.string, match.start()):
        return match.group()
    return "\n" if match.group() in LINE_SEPARATORS else " "


def replace_exotic_spaces(text: str) -> str:
    r"""Turn no-break, narrow, thin, ideographic and other special spaces into a plain space,
    in Arabic context: where the nearest letter before or after on the line is Arabic.

    They separate words on screen, so they must separate words for every tool downstream:
    deleting one would glue two words together. LINE and PARAGRAPH SEPARATOR become a line
    feed. Left alone: tabs, line feeds and ordinary spaces, and the special spaces of Latin
    text (French puts a no-break space before its colon and inside its « »).

    >>> replace_exotic_spaces("قال\N{NO-BREAK SPACE}الوزير\N{NARROW NO-BREAK SPACE}أمس")
    'قال الوزير أمس'
    >>> replace_exotic_spaces("Il a dit\N{NO-BREAK SPACE}: oui") == "Il a dit\xa0: oui"
    True
    """
    if not has_arabic_letter(text):
        return text
    return _exotic_space().sub(_plain_space, text)


@functools.cache
def _c1_character() -> re.Pattern[str]:
    return re.compile(char_class(WINDOWS_1252_C1))


def repair_c1_controls(text: str) -> str:
    r"""Turn the C1 controls that stand for windows-1252 characters into those characters.

    Text decoded as latin-1 where windows-1252 was meant keeps its curly quotes, dashes and
    ellipsis as C1 controls (U+0080-U+009F); they are characters, so they are repaired, not
    deleted, in any script (as ftfy's ``fix_c1_controls``). Left alone: the five C1 controls
    that windows-1252 does not define (U+0081, U+008D, U+008F, U+0090, U+009D), which AR102
    handles, and the mojibake that AR701 reads back first (its C1 controls are bytes of the
    broken sequences).

    >>> repair_c1_controls("He said \x93hi\x94 \x96 ok\x85 \x80 5")
    'He said \u201chi\u201d \u2013 ok\u2026 \u20ac 5'
    >>> repair_c1_controls("a\x81b")
    'a\x81b'
    """
    return _c1_character().sub(lambda match: WINDOWS_1252_C1[match.group()], text)


@functools.cache
def _controls() -> re.Pattern[str]:
    return re.compile(char_class(REAL_CONTROLS) + "+")


def _separate_or_remove(match: re.Match[str]) -> str:
    """A space where the run was the only thing between two non-space characters, else ''."""
    text, start, end = match.string, match.start(), match.end()
    between_words = start > 0 and end < len(text)
    if between_words and not text[start - 1].isspace() and not text[end].isspace():
        return " "
    return ""


def remove_control_characters(text: str) -> str:
    r"""Remove the control characters that carry no character: C0 controls other than tab,
    line feed and carriage return, DELETE, and the C1 controls undefined in windows-1252 (the
    others are characters: AR108 repairs them).

    A run of them between two non-space characters becomes one space: in scraped news they
    stand where a caption or a line break used to be, so deleting them would glue the caption
    to the text. Next to a space, or at either end of the text, they simply go.

    >>> remove_control_characters("نهاية التعليق\x1a\x1aبداية الخبر")
    'نهاية التعليق بداية الخبر'
    >>> remove_control_characters("كلمة \x1a\x00")
    'كلمة '
    >>> remove_control_characters("a\tb\r\n")
    'a\tb\r\n'
    """
    return _controls().sub(_separate_or_remove, text)


@functools.cache
def _invisible() -> re.Pattern[str]:
    # A byte order mark at the very start of the text is the one invisible that belongs there.
    # The class comes first so that the scan for it is fast (a leading lookbehind is slow).
    invisible = char_class(INVISIBLE_FORMAT)
    return re.compile(f"{invisible}(?<!\\A{BOM}){invisible}*")


def _unless_latin(match: re.Match[str]) -> str:
    """Nothing, on a line that has an Arabic letter; else the characters themselves."""
    return "" if line_has_arabic_letter(match.string, match.start()) else match.group()


def remove_invisible_characters(text: str) -> str:
    r"""Remove zero width spaces, bidi marks, embeddings, overrides and isolates, soft hyphens,
    word joiners and byte order marks after the start of the text, on the lines that have an
    Arabic letter (a soft hyphen in a Latin line is its own business).

    In real news these sit inside words ("إ\N{LEFT-TO-RIGHT MARK}لون") or wrap the space
    between words ("أحالت\N{LEFT-TO-RIGHT OVERRIDE} \N{POP DIRECTIONAL FORMATTING}وزارة"),
    so removing them never glues two words: where a real space is missing, the run-on
    splitter (AR501) decides with the dictionary. Joiners (ZWNJ, ZWJ) have their own rule,
    and tag characters inside emoji flags are kept.

    >>> remove_invisible_characters("إ\N{LEFT-TO-RIGHT MARK}لون")
    'إلون'
    >>> remove_invisible_characters("\N{BYTE ORDER MARK}نص\N{BYTE ORDER MARK}")
    '\ufeffنص'
    >>> remove_invisible_characters("soft\N{SOFT HYPHEN}ware")
    'soft\xadware'
    """
    if not has_arabic_letter(text):
        return text
    return _invisible().sub(_unless_latin, text)


@functools.cache
def _joiner_in_word() -> re.Pattern[str]:
    # Presentation forms and word ligatures are letters too: AR105 and AR107 unfold them later
    # in the pipeline, and a joiner left beside them would be inside a word on the next run
    # (the ligatures spelled by hand, such as U+FD40, have no NFKC form to be found by).
    letters = ARABIC_LETTERS | PRESENTATION_FORMS | WORD_LIGATURES
    arabic = char_class(letters | ARABIC_MARKS | {TATWEEL})
    joiners = char_class(JOINERS)
    # The joiner comes first so that the scan for it is fast (a leading lookbehind is slow).
    return re.compile(f"{joiners}(?<={arabic}{joiners}){joiners}*(?={arabic})")


def remove_joiners_in_arabic_words(text: str) -> str:
    r"""Remove zero width non-joiners and joiners between two Arabic letters.

    Inside an Arabic word they only change how letters connect, and they break dictionary
    lookups and search. Persian writes ZWNJ on purpose (the option ``joiners="keep"`` keeps
    it); joiners elsewhere, as in emoji sequences, are left alone.

    >>> remove_joiners_in_arabic_words("مدر\N{ZERO WIDTH NON-JOINER}سة")
    'مدرسة'
    >>> family = "\N{MAN}\N{ZERO WIDTH JOINER}\N{WOMAN}"
    >>> remove_joiners_in_arabic_words(family) == family
    True
    """
    return _joiner_in_word().sub("", text)


# --- the rules ------------------------------------------------------------------------------

C1_CONTROL = substitution_rule(
    code="AR108",
    name="windows-control",
    message="C1 control that stands for a windows-1252 character",
    doc="""
## What it does
Replaces each C1 control character (U+0080-U+009F) that windows-1252 defines with the
character it stands for: U+0093 and U+0094 are the curly quotes \u201c \u201d, U+0096 the en
dash, U+0085 the ellipsis, U+0080 the euro sign, and so on (27 of the 32). Acts in every
script, as ftfy's `fix_c1_controls` does.

Left alone: the five C1 controls that windows-1252 leaves undefined (U+0081, U+008D, U+008F,
U+0090, U+009D; AR102 removes them where they carry nothing), and C1 controls that belong to
a mojibake span, which AR701 reads back before this rule runs.

## Why
Text decoded as latin-1 where windows-1252 was meant (an old web page, a mislabelled file)
carries its punctuation as C1 controls. Deleting them, as a control-character filter does,
loses the quotes, the dashes and the ellipsis: `He said \x93hi\x94 \x96 ok\x85` became
`He said hi  ok`.

## Example
`He said \x93hi\x94 \x96 ok\x85` becomes `He said \u201chi\u201d \u2013 ok\u2026`; the quote
rule may then turn Arabic quotations into « ».

## Fix safety
Safe: each control becomes the character it stands for.
""",
    enabled=lambda config: config.controls,
    pattern=lambda config: _c1_character(),
    replace=lambda match, config: WINDOWS_1252_C1[match.group()],
    fix=repair_c1_controls,
    trigger=lambda config: frozenset(WINDOWS_1252_C1),
    note=lambda match: (
        f"{describe(match.group())}: windows-1252 {WINDOWS_1252_C1[match.group()]!r}"
    ),
)

EXOTIC_SPACE = only_when(
    has_arabic_letter,
    substitution_rule(
        code="AR104",
        name="exotic-space",
        message="Special space character: use a plain space",
        doc="""
## What it does
Replaces no-break spaces (U+00A0), narrow no-break spaces, the en, em, thin and hair spaces
(U+2000-U+200A), the ideographic space and every other space separator (Unicode category Zs)
with a plain space. LINE SEPARATOR and PARAGRAPH SEPARATOR become a line feed. Acts in
Arabic context only: where the nearest letter before or after the space, on its line, is
Arabic (digits, punctuation and other spaces are looked through).

Left alone: the special spaces of Latin text, also on a line that has Arabic elsewhere: French
writes `Il a dit\u00a0: «\u00a0bonjour\u00a0»` with no-break spaces on purpose, and a space
between a Latin word and a number (`10\u00a0km` after `Paris`) is Latin text's. A space with no
letter on its line is left too.

## Why
Scraped Arabic news carries about 370 no-break spaces per MB; on some sites they are the only
separator between two words. They look like spaces but `str.split`, tokenizers and search
engines may not treat them as spaces. Deleting them instead (as some cleaners do) glues words
together.

## Example
`قال\\u00a0الوزير` becomes `قال الوزير`; `Paris\\u00a0: قال` becomes `Paris : قال` (the
letter after it is Arabic); `Il a dit\\u00a0: oui` is left alone.

## Fix safety
Safe: the text reads the same.
""",
        enabled=lambda config: config.spaces,
        pattern=lambda config: _exotic_space(),
        replace=lambda match, config: _plain_space(match),
        fix=replace_exotic_spaces,
        trigger=lambda config: EXOTIC_SPACES | LINE_SEPARATORS,
        note=lambda match: f"{describe(match.group())}: use a plain space",
    ),
)

CONTROL_CHARACTER = substitution_rule(
    code="AR102",
    name="control-character",
    message="Control character",
    doc="""
## What it does
Removes the control characters that carry no character: C0 controls (U+0000-U+001F) other
than tab, line feed and carriage return, DELETE (U+007F), and the five C1 controls that
windows-1252 leaves undefined (U+0081, U+008D, U+008F, U+0090, U+009D). A run of them that
stands alone between two non-space characters becomes one space. The other C1 controls are
windows-1252 characters: AR108 repairs them.

## Why
Controls have no place in text. In scraped news they mark lost structure: one Saudi site has
pairs of U+001A (SUBSTITUTE) where a photo caption ended and the article began. Deleting them
outright would glue the caption's last word to the article's first.

## Example
`التعليق\\x1a\\x1aبداية` becomes `التعليق بداية`; `كلمة \\x00` becomes `كلمة `.

## Fix safety
Safe.
""",
    enabled=lambda config: config.controls,
    pattern=lambda config: _controls(),
    replace=lambda match, config: _separate_or_remove(match),
    fix=remove_control_characters,
    trigger=lambda config: REAL_CONTROLS,
    note=lambda match: ", ".join(sorted({describe(ch) for ch in match.group()})),
)

INVISIBLE_CHARACTER = only_when(
    has_arabic_letter,
    substitution_rule(
        code="AR101",
        name="invisible-character",
        message="Invisible character",
        doc="""
## What it does
Removes invisible format characters: ZERO WIDTH SPACE, WORD JOINER, SOFT HYPHEN, the
LEFT-TO-RIGHT, RIGHT-TO-LEFT and ARABIC LETTER MARKs, the bidi embeddings, overrides and
isolates with their terminators, invisible operators, and byte order marks after the start of
the text. The set is Unicode's format category (Cf) minus the characters that render (Arabic
number signs, END OF AYAH), the joiners (AR103) and the tag characters of emoji flags. Acts on
the lines that have an Arabic letter; a line without one (a Latin line with its soft hyphens)
is left alone.

## Why
News sites leave about 17 of them per MB. Inside a word they break dictionary lookups and
search ("إ\\u200eلون" does not match "إلون"); around spaces they are noise. In the measured
news they sit inside words or beside the spaces between words, never as the only separator,
so removing them does not glue words; where a space really is missing, the run-on splitter
(AR501) restores it with dictionary evidence.

## Example
`فبرا\\u202d\\u202cير` becomes `فبراير`; `أحالت\\u202d \\u202cوزارة` becomes `أحالت وزارة`.

## Fix safety
Safe.
""",
        enabled=lambda config: config.invisibles,
        pattern=lambda config: _invisible(),
        replace=lambda match, config: _unless_latin(match),
        fix=remove_invisible_characters,
        trigger=lambda config: INVISIBLE_FORMAT,
        note=lambda match: ", ".join(sorted({describe(ch) for ch in match.group()})),
    ),
)

JOINER_IN_WORD = substitution_rule(
    code="AR103",
    name="joiner-in-word",
    message="Zero width (non-)joiner inside an Arabic word",
    doc="""
## What it does
Removes ZERO WIDTH NON-JOINER (U+200C) and ZERO WIDTH JOINER (U+200D) between two Arabic
letters (harakat and tatweel count as part of the word). With `joiners = "keep"` they stay.

## Why
In Arabic they only change how two letters connect; they make a word differ from its
dictionary form and from every other copy of it. Persian uses ZWNJ on purpose (می‌شود), so
text that mixes Persian should set `joiners = "keep"`. Joiners outside Arabic words, such as
those inside emoji sequences, are not touched.

## Example
`مدر\\u200cسة` becomes `مدرسة`.

## Fix safety
Safe.
""",
    enabled=lambda config: config.joiners == "remove",
    pattern=lambda config: _joiner_in_word(),
    replace=lambda match, config: "",
    fix=remove_joiners_in_arabic_words,
    trigger=lambda config: JOINERS,
    note=lambda match: ", ".join(sorted({describe(ch) for ch in match.group()})),
)

RULES: tuple[Rule, ...] = (
    C1_CONTROL,
    EXOTIC_SPACE,
    CONTROL_CHARACTER,
    INVISIBLE_CHARACTER,
    JOINER_IN_WORD,
)
