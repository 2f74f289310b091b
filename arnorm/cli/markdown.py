r"""Markdown: the spans of a ``.md`` file that are code or markup, not prose.

Fenced and indented code blocks, inline code, URLs (autolinks and bare), link and image
targets with their titles, reference definitions, HTML comments, HTML tags and character
entities are passed to the engine as protected spans: the rules neither change nor report
them. The scanner is line-based for blocks and one regular expression for inline markup; where
it is unsure it protects more, never less (a list item's indented paragraph counts as code).

>>> text = "قال\xa0الوزير `x\xa0y` [رابط](https://example.org/a\u200fb)"
>>> [text[a:b] for a, b in scan(text).spans]
['`x\xa0y`', '(https://example.org/a\u200fb)']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

Span = tuple[int, int]

#: File name endings read as Markdown.
SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})([^\n]*)")
#: Punctuation that ends the sentence around a bare URL rather than the URL.
_URL_TAIL = ".,;:!?'\")]}" + "\N{ARABIC COMMA}\N{ARABIC SEMICOLON}\N{ARABIC QUESTION MARK}\u2026"
_GUILLEMETS = (
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
)


@functools.cache
def _inline() -> re.Pattern[str]:
    not_blank_line = r"(?:(?!\n[ \t]*\n)[\s\S])"
    target = r"(?:<[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
    title = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?"""
    return re.compile(
        "|".join(
            (
                r"(?P<comment><!--[\s\S]*?(?:-->|\Z))",
                rf"(?P<code>(?<!`)(?P<ticks>`+)(?!`){not_blank_line}+?(?<!`)(?P=ticks)(?!`))",
                rf"\](?P<link>\(\s*{target}{title}\s*\))",
                rf"(?m:^[ ]{{0,3}}\[[^\]\n]+\]:(?P<ref>[ \t]*\S+{title})[ \t]*$)",
                r"(?P<autolink><[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>@]+>)",
                rf"(?P<url>(?:https?://|ftp://|www\.)[^\s<>\"{_GUILLEMETS}]+)",
                r"(?P<tag></?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>)",
                r"(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)",
            )
        )
    )


@dataclass(frozen=True)
class Markup:
    """The protected spans of a Markdown text: `code` (blocks and inline) and `other` markup.

    Inline suppression comments are not read inside code: there they are examples.
    """

    code: tuple[Span, ...]
    other: tuple[Span, ...]

    @property
    def spans(self) -> list[Span]:
        return merge([*self.code, *self.other])


@functools.cache
def _html_markup() -> re.Pattern[str]:
    raw_text = r"<(?P<raw>script|style)\b[^>]*>[\s\S]*?(?:</(?P=raw)\s*>|\Z)"
    return re.compile(
        "|".join(
            (
                r"<!--[\s\S]*?(?:-->|\Z)",
                r"<!\[CDATA\[[\s\S]*?(?:\]\]>|\Z)",
                r"<[!?][^<>]*>",
                raw_text,
                r"</?[A-Za-z][A-Za-z0-9:\-]*(?:\s[^<>]*)?/?>",
                r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});",
            )
        ),
        re.IGNORECASE,
    )


def scan_html(text: str) -> Markup:
    r"""The markup spans of an HTML or XML source: tags with their attributes, comments,
    declarations, script and style contents, and character entities. Only the text between
    tags is prose.

    >>> text = '<p title="x\xa0y">قال\xa0الوزير &amp; <!-- x\xa0 --></p>'
    >>> [text[a:b] for a, b in scan_html(text).spans]
    ['<p title="x\xa0y">', '&amp;', '<!-- x\xa0 --></p>']
    """
    return Markup((), tuple(match.span() for match in _html_markup().finditer(text)))


def scan(text: str) -> Markup:
    """The code and markup spans of `text`."""
    blocks = code_blocks(text)
    code: list[Span] = list(blocks)
    other: list[Span] = []
    for lo, hi in gaps(blocks, len(text)):
        for match in _inline().finditer(text, lo, hi):
            if match.group("code") is not None:
                code.append(match.span())
            else:
                other.append(_markup_span(match))
    return Markup(tuple(sorted(code)), tuple(sorted(other)))


def _markup_span(match: re.Match[str]) -> Span:
    for group in ("link", "ref"):
        if match.group(group) is not None:
            return match.span(group)
    if match.group("url") is not None:
        start = match.start()
        return start, start + len(trim_url(match.group()))
    return match.span()


def trim_url(url: str) -> str:
    """A bare URL without the punctuation that ends the sentence around it.

    >>> trim_url("https://example.org/a_(b)."), trim_url("www.example.org),")
    ('https://example.org/a_(b)', 'www.example.org')
    """
    while url and url[-1] in _URL_TAIL:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def code_blocks(text: str) -> list[Span]:
    """Fenced code blocks (fence lines included) and indented code blocks, line by line."""
    spans: list[Span] = []
    fence: tuple[str, int, int] | None = None  # fence character, length, start
    indented: Span | None = None
    after_blank = True
    for start, line in _lines(text):
        end = start + len(line)
        if fence is not None:
            if _closes(line, fence):
                spans.append((fence[2], end))
                fence = None
            continue
        blank = not line.strip()
        if _is_indented(line) and not blank and (after_blank or indented):
            indented = (indented[0] if indented else start, end)
        elif not blank:
            if indented:
                spans.append(indented)
                indented = None
            fence = _opens(line, start)
        after_blank = blank
    if fence is not None:
        spans.append((fence[2], len(text)))
    if indented:
        spans.append(indented)
    return sorted(spans)


def _opens(line: str, start: int) -> tuple[str, int, int] | None:
    match = _FENCE.fullmatch(line)
    if match is None:
        return None
    ticks, info = match.groups()
    if ticks[0] == "`" and "`" in info:
        return None  # inline code at the start of a line, not a fence
    return ticks[0], len(ticks), start


def _closes(line: str, fence: tuple[str, int, int]) -> bool:
    stripped = line.strip()
    return len(stripped) >= fence[1] and stripped == fence[0] * len(stripped)


def _is_indented(line: str) -> bool:
    return line.startswith(("    ", "\t"))


def gaps(spans: Sequence[Span], length: int) -> Iterator[Span]:
    """The parts of ``[0, length)`` outside the sorted, disjoint `spans`."""
    position = 0
    for start, end in spans:
        if start > position:
            yield position, start
        position = max(position, end)
    if position < length:
        yield position, length


def merge(spans: Sequence[Span]) -> list[Span]:
    """Sorted spans with overlapping and touching ones joined.

    >>> merge([(5, 8), (0, 2), (2, 3), (7, 9)])
    [(0, 3), (5, 9)]
    """
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
