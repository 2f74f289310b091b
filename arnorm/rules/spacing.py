"""Spaces around punctuation and quotes, runs of spaces, trailing whitespace (AR421-AR425).

Scraped news has about 216 spaces before punctuation per MB ("قال ، إن"), a dozen Arabic
commas glued to the next word, spaces just inside quotes (« بوتين »), double spaces and
trailing blanks. The rules here act in Arabic text only, and each says what that means for it.
Line ends of every kind (LF, CRLF, CR), blank lines and indentation at the start of a line are
never changed. They run in this order, which reaches a fixed point in one pass: spaces inside
quotes and brackets, spaces before punctuation, missing spaces after it, runs of blanks, and
trailing blanks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator

from arnorm.edits import Edit, apply_edits
from arnorm.rules.base import Rule, ignoring_config
from arnorm.rules.context import (
    ArabicLines,
    has_arabic_letter,
    in_link,
    nearest_letter_is_arabic,
    only_when,
)
from arnorm.rules.pairing import (
    ALL_FAMILIES,
    CLOSE_CONTEXT,
    OPEN_CONTEXT,
    QUOTE_MARKS,
    Pair,
    analyse_lines,
)
from arnorm.script.chars import (
    ARABIC_COMMA,
    ARABIC_QUESTION_MARK,
    ARABIC_SCRIPT_LETTERS,
    ARABIC_SEMICOLON,
    DOUBLE_QUOTES,
    LEFT_GUILLEMET,
    OPENING_BRACKETS,
    RIGHT_GUILLEMET,
    SINGLE_QUOTES,
    TATWEEL,
    char_class,
)

ARABIC_MARKS_OF_PAUSE = ARABIC_COMMA + ARABIC_SEMICOLON + ARABIC_QUESTION_MARK
_AMBIGUOUS_QUOTES = DOUBLE_QUOTES + SINGLE_QUOTES
_QUOTES = frozenset({"double", "single", "guillemet"})
_BLANK = " \t"
_MAY_OPEN = _AMBIGUOUS_QUOTES + LEFT_GUILLEMET + "(["
_MAY_CLOSE = _AMBIGUOUS_QUOTES + RIGHT_GUILLEMET + ")]"

# --- spaces just inside quotes and brackets (AR425) ------------------------------------------


@functools.cache
def _space_inside() -> re.Pattern[str]:
    """A mark that may open followed by a blank, or a blank and a mark that may close.

    Written to start with the (rare) marks, so that the regex engine scans for them quickly.
    """
    marks, after_open, before_close = (
        char_class(_MAY_OPEN + _MAY_CLOSE),
        char_class(_MAY_OPEN),
        char_class(_MAY_CLOSE),
    )
    return re.compile(f"{marks}(?:(?<={after_open})[ \t]|(?<=[ \t].)(?<={before_close}))")


_MOVE_OUT = "Space inside the quote: move it out"


def _inner_space_edits(text: str, pair: Pair) -> Iterator[Edit]:
    """Blanks inside `pair` removed; moved outside when the mark is glued to the word there."""
    code = SPACE_INSIDE_QUOTES.code
    after_open = _skip_blanks(text, pair.open + 1, pair.close)
    if after_open == pair.close:
        return  # nothing but blanks inside: not a quotation to tighten
    if pair.family in ("double", "single") and _has_same_marks(text, pair):
        return  # tightening a straight pair would change how the straight marks inside pair
    before_close = pair.close
    while text[before_close - 1] in _BLANK:
        before_close -= 1
    if after_open > pair.open + 1 and _may_tighten(
        text, pair, after_open, pair.open - 1, opening=True
    ):
        if _glued_before(text, pair.open):
            yield Edit(pair.open, pair.open, " ", code, note=_MOVE_OUT)
        yield Edit(pair.open + 1, after_open, "", code)
    if before_close < pair.close and _may_tighten(
        text, pair, before_close - 1, pair.close + 1, opening=False
    ):
        yield Edit(before_close, pair.close, "", code)
        if pair.close + 1 < len(text) and text[pair.close + 1].isalnum():
            yield Edit(pair.close + 1, pair.close + 1, " ", code, note=_MOVE_OUT)


def _has_same_marks(text: str, pair: Pair) -> bool:
    marks = DOUBLE_QUOTES if pair.family == "double" else SINGLE_QUOTES
    return any(ch in marks for ch in text[pair.open + 1 : pair.close])


def _skip_blanks(text: str, start: int, stop: int) -> int:
    while start < stop and text[start] in _BLANK:
        start += 1
    return start


def _may_tighten(text: str, pair: Pair, inside: int, outside: int, *, opening: bool) -> bool:
    """Whether the blanks between a mark of `pair` and ``text[inside]`` may go.

    Not when a straight quote would then touch punctuation or a bracket (that changes which
    way it reads), nor when another quotation mark stands right outside: that mark reads its
    position through this one, and must read the same after the fix.
    """
    if 0 <= outside < len(text) and text[outside] in QUOTE_MARKS and pair.family in _QUOTES:
        return False
    if pair.family not in ("double", "single"):
        return True
    return text[inside] not in (CLOSE_CONTEXT if opening else OPEN_CONTEXT)


def _glued_before(text: str, index: int) -> bool:
    """Whether the opening mark at `index` touches a word or punctuation before it."""
    if index == 0:
        return False
    before = text[index - 1]
    if before.isspace() or before in OPEN_CONTEXT or before in QUOTE_MARKS:
        return False
    # A one-letter word before the mark is a proclitic (و ف ب ل ك): it stays glued, و«كذا».
    one_letter = before in ARABIC_SCRIPT_LETTERS and (index < 2 or text[index - 2].isspace())
    return not one_letter


def _space_inside_edits(text: str) -> Iterator[Edit]:
    edits: list[Edit] = []
    for pair in analyse_lines(text, _space_inside(), ALL_FAMILIES).pairs:
        if pair.confirmed and pair.arabic:
            edits.extend(_inner_space_edits(text, pair))
    edits.sort(key=lambda edit: edit.start)
    yield from edits


def remove_space_inside_quotes(text: str) -> str:
    """Remove blanks just inside paired quotation marks and brackets in Arabic context.

    Pairs are those of :func:`arnorm.rules.pairing.analyse`, in Arabic context (the quoted text
    or the nearest word outside is Arabic); a pair of straight quotes with straight quotes of
    its kind inside is left as it is. A blank inside a mark that is glued to the word
    outside moves out ("صحفية" نيمار" is a quote spaced on the wrong side). Left alone:
    unpaired marks, pairs with nothing but blanks inside, and a blank between a straight quote
    and punctuation.

    >>> remove_space_inside_quotes("قال « بوتين » و ( كيم ) إن")
    'قال «بوتين» و (كيم) إن'
    >>> remove_space_inside_quotes("قال:« نعم »أمس")
    'قال: «نعم» أمس'
    >>> remove_space_inside_quotes("He said « hi »")
    'He said « hi »'
    """
    return apply_edits(text, _space_inside_edits(text))


# --- spaces before punctuation (AR421) -------------------------------------------------------

_PAUSES = ARABIC_MARKS_OF_PAUSE + ",;?"
_STOPS = ".!:"
# Blanks after these stay: an opening quote or bracket, a tatweel (بـ "), a line break.
_KEEP_BLANKS_AFTER = frozenset(_AMBIGUOUS_QUOTES + LEFT_GUILLEMET + OPENING_BRACKETS + TATWEEL)


@functools.cache
def _punctuation_after_blank() -> re.Pattern[str]:
    """A mark of :data:`_PAUSES` or :data:`_STOPS` after a blank (the rare mark first)."""
    return re.compile(char_class(_PAUSES + _STOPS) + r"(?<=[ \t].)")


def _starts_no_number_or_word(text: str, index: int) -> bool:
    """Whether the mark at `index` is punctuation, not the start of " .5", " :30", " .com"."""
    after = text[index + 1 : index + 2]
    if text[index] in _PAUSES:
        return not after.isdecimal()
    return not (after.isalnum() or (after != "" and after in "._"))


def _may_lose_blanks_after(text: str, index: int) -> bool:
    """Whether blanks after ``text[index]`` may go: not after an opening mark, punctuation or
    a line break; after a straight quote only when it closes (a word before it)."""
    ch = text[index]
    if ch in _AMBIGUOUS_QUOTES:
        return index > 0 and not (
            text[index - 1].isspace() or text[index - 1] in _KEEP_BLANKS_AFTER
        )
    return not (ch.isspace() or ch in _KEEP_BLANKS_AFTER or ch in _PAUSES or ch in _STOPS)


def _blanks_before_punctuation(text: str) -> Iterator[Edit]:
    for match in _punctuation_after_blank().finditer(text):
        end = match.start()
        start = end
        while start > 0 and text[start - 1] in _BLANK:
            start -= 1
        if (
            start > 0
            and _starts_no_number_or_word(text, end)
            and _may_lose_blanks_after(text, start - 1)
            and nearest_letter_is_arabic(text, start - 1, -1)
        ):
            yield Edit(start, end, "", SPACE_BEFORE_PUNCTUATION.code)


def remove_space_before_punctuation(text: str) -> str:
    """Remove blanks before ، ؛ ؟ , ; ? . ! : after an Arabic word.

    The nearest letter before the blanks must be Arabic (digits may stand between: "عام 2018 .").
    Left alone: a mark that starts a number (" .5", " :30") or an ellipsis (" ..."), a period
    or colon glued to a word after it (" .com"), blanks after an opening quote or bracket,
    and line breaks.

    >>> remove_space_before_punctuation("قال ، إن الوزير وصل عام 2018 .")
    'قال، إن الوزير وصل عام 2018.'
    >>> remove_space_before_punctuation("وهكذا ... بنسبة .5")
    'وهكذا ... بنسبة .5'
    """
    return apply_edits(text, _blanks_before_punctuation(text))


# --- missing space after ، ؛ ؟ (AR422) -------------------------------------------------------


@functools.cache
def _glued_pause() -> re.Pattern[str]:
    return re.compile(f"{char_class(ARABIC_MARKS_OF_PAUSE)}(?=[^\\W\\d_])")


def _missing_spaces(text: str) -> Iterator[Edit]:
    for match in _glued_pause().finditer(text):
        if not in_link(text, match.start()):
            yield Edit(match.end(), match.end(), " ", MISSING_SPACE_AFTER_PUNCTUATION.code)


def add_space_after_punctuation(text: str) -> str:
    """Put a space between ، ؛ ؟ and a letter glued to it.

    Left alone: a mark followed by a digit, punctuation or a quotation mark, and marks inside
    URLs.

    >>> add_space_after_punctuation("روسيا،الصين؛ الهند؟نعم، 3")
    'روسيا، الصين؛ الهند؟ نعم، 3'
    """
    return apply_edits(text, _missing_spaces(text))


# --- runs of blanks and trailing blanks (AR423, AR424) ---------------------------------------


@functools.cache
def _blank_run() -> re.Pattern[str]:
    return re.compile(r"[ \t]{2,}")


def _blank_runs(text: str) -> Iterator[Edit]:
    arabic = ArabicLines(text)
    for match in _blank_run().finditer(text):
        start, end = match.span()
        inside = start > 0 and end < len(text)
        between_words = inside and not (text[start - 1].isspace() or text[end].isspace())
        if between_words and " " in match.group() and arabic.at(start):
            yield Edit(start, end, " ", REPEATED_WHITESPACE.code)


def collapse_blank_runs(text: str) -> str:
    """Turn a run of two or more blanks between two words into one space, in Arabic text.

    Left alone: indentation at the start of a line, blanks at its end (AR424), and runs of
    tabs only (they may separate columns). Acts only on the lines that have an Arabic letter.

    >>> collapse_blank_runs("قال  الوزير \\t إن\\tأمس\\n    ثم")
    'قال الوزير إن\\tأمس\\n    ثم'
    """
    if not has_arabic_letter(text):
        return text
    return apply_edits(text, _blank_runs(text))


@functools.cache
def _line_end_after_blank() -> re.Pattern[str]:
    return re.compile(r"[\r\n](?<=[ \t][\r\n])")


def _may_have_trailing_blanks(text: str) -> bool:
    if text.endswith((" ", "\t")):
        return True
    if "\n" not in text and "\r" not in text:
        return False
    return _line_end_after_blank().search(text) is not None


def _trailing_blanks(text: str) -> Iterator[Edit]:
    ends = [match.start() for match in _line_end_after_blank().finditer(text)]
    if text.endswith((" ", "\t")):
        ends.append(len(text))
    arabic = ArabicLines(text)
    for end in ends:
        start = end
        while start > 0 and text[start - 1] in _BLANK:
            start -= 1
        if arabic.at(start):
            yield Edit(start, end, "", TRAILING_WHITESPACE.code)


def remove_trailing_whitespace(text: str) -> str:
    """Remove spaces and tabs at the end of every line that has an Arabic letter.

    Line ends (LF, CRLF, CR) are kept, and so are the blanks of a line without an Arabic
    letter (a Latin line, or a line of blanks alone).

    >>> remove_trailing_whitespace("سطر  \\r\\n  \\nآخر\\t\\nLatin ")
    'سطر\\r\\n  \\nآخر\\nLatin '
    """
    if not has_arabic_letter(text):
        return text
    return apply_edits(text, _trailing_blanks(text))


def _edits_rule(
    code: str,
    name: str,
    message: str,
    doc: str,
    find: Callable[[str], Iterable[Edit]],
    fix: Callable[[str], str],
) -> Rule:
    """A spacing rule from its finder; its fast path is its fix function, which applies the
    same edits."""
    return Rule(
        code,
        name,
        message,
        doc,
        True,
        lambda config: config.spacing,
        lambda text, config: find(text),
        ignoring_config(fix),
    )


# --- the rules -------------------------------------------------------------------------------

SPACE_INSIDE_QUOTES = only_when(
    lambda text: _space_inside().search(text) is not None,
    Rule(
        code="AR425",
        name="space-inside-quotes",
        message="Space just inside quotation marks or brackets",
        doc="""
## What it does
Removes spaces and tabs just inside a pair of quotation marks or brackets: after the opening
mark and before the closing one. It covers « », straight and curly quotes, ( ) and [ ],
paired as the quote rule (AR401) pairs them, in Arabic context (the quoted text has an Arabic
letter, or the nearest word outside does).

A blank inside a mark that is glued to the word outside moves out: `صحفية" نيمار"` is a
quotation spaced on the wrong side, and becomes `صحفية «نيمار»`; a one-letter word before
the opening mark (و« ب« ...) stays glued to it.

Left alone: marks that cannot be paired (AR402, AR403 report them), pairs with nothing but
blanks inside, and blanks whose removal would change how a straight quote reads: between a
straight quote and punctuation or a bracket, next to another quotation mark outside the pair,
or inside a pair of straight quotes that holds more straight quotes.

## Why
Scraped news often pads quotations: « بوتين » or ( رويترز ). In Arabic typography, as in
English, quotation marks and brackets hug the text they enclose; the padded form also breaks
the line in the wrong place and makes the quote ambiguous for the next tool.

## Example
`قال « بوتين » إن` becomes `قال «بوتين» إن`; `( رويترز )` becomes `(رويترز)`.

## Fix safety
Safe: only blanks inside a pair are removed, never a line break.
""",
        safe=True,
        enabled=lambda config: config.spacing,
        find=lambda text, config: _space_inside_edits(text),
        fast=lambda text, config: remove_space_inside_quotes(text),
        # The marks of the gate: lines without any skip the gate's search (the scan is shared).
        trigger=lambda config: frozenset(_MAY_OPEN + _MAY_CLOSE),
    ),
)

SPACE_BEFORE_PUNCTUATION = only_when(
    lambda text: _punctuation_after_blank().search(text) is not None,
    _edits_rule(
        "AR421",
        "space-before-punctuation",
        "Space before punctuation",
        """
## What it does
Removes spaces and tabs before ، ؛ ؟ , ; ? . ! and : when the nearest letter before them is
Arabic (digits may stand between, as in `عام 2018 .`). Spaces before a closing quotation mark
or bracket are AR425's.

Left alone: a mark that starts a number (` .5`, ` :30`) or an ellipsis (` ...`), a period,
colon or exclamation mark glued to the next word (` .com`), blanks after an opening quote or
bracket, blanks in Latin text, and line breaks.

## Why
Scraped Arabic news has about 216 spaces before punctuation per MB, on one site 884. The space
lets a line break fall between a word and its comma, and tokenizers see a lone mark.

## Example
`قال ، إن` becomes `قال، إن`; `في عام 2018 .` becomes `في عام 2018.`.

## Fix safety
Safe.
""",
        _blanks_before_punctuation,
        remove_space_before_punctuation,
    ),
)

MISSING_SPACE_AFTER_PUNCTUATION = only_when(
    lambda text: _glued_pause().search(text) is not None,
    _edits_rule(
        "AR422",
        "missing-space-after-punctuation",
        "Missing space after ، ؛ ؟",
        """
## What it does
Inserts a space between the Arabic comma, semicolon or question mark and a letter glued to it.

Left alone: a mark followed by a digit, by punctuation or by a quotation mark, and marks
inside URLs.

## Why
About 12 Arabic commas per MB of scraped news have no space after them ("روسيا،الصين"). The
two words then form one token for every tool that splits on spaces.

## Example
`روسيا،الصين` becomes `روسيا، الصين`.

## Fix safety
Safe: a space is added where the mark already separates two words.
""",
        _missing_spaces,
        add_space_after_punctuation,
    ),
)

REPEATED_WHITESPACE = only_when(
    lambda text: ("  " in text or "\t" in text) and has_arabic_letter(text),
    _edits_rule(
        "AR423",
        "repeated-whitespace",
        "Run of blanks: use one space",
        """
## What it does
Turns a run of two or more spaces and tabs between two words of a line into one space, on a
line that has an Arabic letter.

Left alone: indentation at the start of a line, blanks at the end of a line (AR424), runs of
tabs only (they may separate columns), line breaks and blank lines.

## Why
Double spaces come from stripped markup and careless editing (about 8 per MB of scraped news,
20 on one site). They are invisible to a reader but break alignment and exact matching.

## Example
`قال  الوزير` becomes `قال الوزير`.

## Fix safety
Safe.
""",
        _blank_runs,
        collapse_blank_runs,
    ),
)

TRAILING_WHITESPACE = only_when(
    lambda text: _may_have_trailing_blanks(text) and has_arabic_letter(text),
    _edits_rule(
        "AR424",
        "trailing-whitespace",
        "Trailing whitespace",
        """
## What it does
Removes spaces and tabs at the end of every line that has an Arabic letter (a line is judged
on its own: `arnorm clean` cleans a file line by line, `arnorm check` reads it whole). The
line end itself (LF, CRLF or CR) and blank lines are kept.

## Why
Trailing blanks are invisible noise: they make two equal lines differ, and every diff and
pre-commit hook flags them.

## Example
`سطر  \\r\\n` becomes `سطر\\r\\n`.

## Fix safety
Safe.
""",
        _trailing_blanks,
        remove_trailing_whitespace,
    ),
)

RULES: tuple[Rule, ...] = (
    SPACE_INSIDE_QUOTES,
    SPACE_BEFORE_PUNCTUATION,
    MISSING_SPACE_AFTER_PUNCTUATION,
    REPEATED_WHITESPACE,
    TRAILING_WHITESPACE,
)
