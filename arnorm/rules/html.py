"""HTML left in scraped text: character references (AR702) and stray tags (AR703).

Both were AR431 and AR432 before the scraping repairs got a prefix of their own (AR7xx); the
old codes stay accepted as aliases.

Text extracted from web pages keeps some of the page's markup: ``&quot;`` and ``&#39;`` where
quotes were (about 3 per MB of news, 6 on SaudiNewsNet), ``&nbsp;`` between words, and now and
then a ``<br>`` or ``<p>``. These rules run right after the mojibake repair and before every
rule that reads quotes, spaces or letters, so that a decoded ``&quot;`` is paired like any
other quote and a decoded ``&nbsp;`` becomes a plain space (AR104).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from arnorm.rules.base import Rule, substitution_rule
from arnorm.rules.context import PerLine

# --- character references (AR702) ------------------------------------------------------------

# An escaped ampersand before a reference ("&amp;quot;") is scraped text escaped twice: the
# chain decodes at once, so that the fix reaches its fixed point in one pass.
_AMPERSAND = r"(?:amp|#0*38|#[xX]0*26);"
_REFERENCE = r"(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"


@functools.cache
def _reference() -> re.Pattern[str]:
    return re.compile(f"&(?P<chain>(?:{_AMPERSAND})*)(?P<reference>{_REFERENCE})")


def _decoded(reference: str) -> str | None:
    """What ``&reference`` stands for, or None when it stands for nothing usable.

    Names must be HTML5 names written in full. Numbers beyond Unicode, surrogates, NUL and
    control characters other than tab and line breaks are not decoded: they would become
    nothing or U+FFFD.
    """
    import html  # imported on first use: most texts have no "&"
    import html.entities

    if not reference.startswith("#"):
        return html.entities.html5.get(reference)
    text = html.unescape(f"&{reference}")
    return text if text and _is_usable_number(reference, text) else None


def _is_usable_number(reference: str, text: str) -> bool:
    digits = reference[1:-1]
    number = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
    if text == "\N{REPLACEMENT CHARACTER}":
        return number == 0xFFFD
    return len(text) > 1 or text in "\t\n\r" or unicodedata.category(text) != "Cc"


def _decode_reference(match: re.Match[str]) -> str:
    decoded = _decoded(match.group("reference"))
    if decoded is not None:
        return decoded
    if match.group("chain"):
        return "&" + match.group("reference")  # the escaped ampersands still decode
    return match.group()


def decode_html_entities(text: str) -> str:
    """Decode HTML character references: ``&quot;`` ``&amp;`` ``&nbsp;`` ``&#1575;`` ``&#x627;``.

    A reference must end with its semicolon, so "AT&T", "R&D" and "&copy" stay. Escaped
    ampersands before a reference ("&amp;quot;", text escaped twice) decode with it. Left
    alone: unknown names, and numbers that stand for no character, a surrogate or a control.

    >>> decode_html_entities("قال &quot;بوتين&quot; &amp; &#1575;&#x644; AT&T &amp;quot;")
    'قال "بوتين" & ال AT&T "'
    >>> decode_html_entities("&foo; &#0; &#xD800; &amp;foo;")
    '&foo; &#0; &#xD800; &foo;'
    """
    if "&" not in text:
        return text
    return _reference().sub(_decode_reference, text)


# --- stray tags (AR703) ----------------------------------------------------------------------

#: Elements that break a line where they stand.
BLOCK_ELEMENTS = (
    *("br", "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "hr", "tr", "td", "th", "pre"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "blockquote"),
    *("section", "article", "header", "footer", "aside", "nav", "figure", "figcaption"),
)
#: Elements that only style the words inside them.
INLINE_ELEMENTS = (
    *("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "em", "font", "i", "img"),
    *("ins", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u"),
)


@functools.cache
def _tag() -> re.Pattern[str]:
    block = "|".join(BLOCK_ELEMENTS)
    inline = "|".join(INLINE_ELEMENTS)
    return re.compile(
        rf"[ \t]*<(?P<block>/?(?:{block}))\b[^<>]*>[ \t]*|<(?P<inline>/?(?:{inline}))\b[^<>]*>",
        re.IGNORECASE,
    )


#: Elements that HTML5 added. Pages write them in lower case, so a tag of one in capitals is
#: another markup's: the ANT news corpus wraps its dates in <TIME> beside <URL> and <DOCNO>.
HTML5_ELEMENTS = frozenset(
    {"section", "article", "header", "footer", "aside", "nav", "figure", "figcaption"}
    | {"bdi", "mark", "time"}
)


@functools.cache
def _any_tag() -> re.Pattern[str]:
    return re.compile(r"</?(?P<name>[A-Za-z][A-Za-z0-9]*)\b[^<>]*>")


@functools.cache
def _html_names() -> frozenset[str]:
    return frozenset(BLOCK_ELEMENTS + INLINE_ELEMENTS)


def _is_other_markup(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` is another markup than HTML: it has a tag of an
    element HTML does not have (<URL>, <DOCNO>, <TITLE>), or of an HTML5 element in capitals
    (<TIME>). Such a line keeps all its tags, so that a markup's tags are treated alike."""
    return any(map(_foreign, _any_tag().finditer(text, start, end)))


def _foreign(tag: re.Match[str]) -> bool:
    name = tag.group("name")
    return name.lower() not in _html_names() or (name.isupper() and name.lower() in HTML5_ELEMENTS)


@functools.lru_cache(maxsize=1)
def _other_markup(text: str) -> PerLine:
    """Which lines of `text` are another markup, each line read once (the rule asks for its
    tags in order, and reading the line's tags again for each tag was quadratic)."""
    return PerLine(text, _is_other_markup)


def _tag_replacement(match: re.Match[str]) -> str:
    text, start = match.string, match.start()
    if _other_markup(text).at(start + (match.group().find("<"))):
        return match.group()
    if match.group("block"):
        return "\n"
    if text.rfind("<", 0, start) > text.rfind(">", 0, start):
        return match.group()  # deleting it would close the "<" before it into a new tag
    return ""


def replace_html_tags(text: str) -> str:
    """Turn stray block tags (<br>, <p>, </div> ...) into line breaks and drop inline ones.

    Blanks around a block tag go with it. An inline tag (<b>, <span ...>, </a>) is removed:
    it did not separate words on the page either. Left alone: anything that is not a tag of a
    known HTML element ("<3", "a < b", "<كلمة>"), and every tag of a line of another markup
    (a line with <URL> or </DOCNO>, or an HTML5 element in capitals such as the ANT corpus's
    <TIME>): a markup's tags are all kept or all replaced.

    >>> replace_html_tags("السطر الأول <br/> الثاني<p class='x'>الثالث <b>مهم</b></p>")
    'السطر الأول\\nالثاني\\nالثالث مهم\\n'
    >>> replace_html_tags("x < y and <3")
    'x < y and <3'
    >>> replace_html_tags("<TIME>Sat, 03 Mar</TIME>\\n<URL>x</URL> <b>y</b>\\n<i>z</i>")
    '<TIME>Sat, 03 Mar</TIME>\\n<URL>x</URL> <b>y</b>\\nz'
    """
    if "<" not in text:
        return text
    return _tag().sub(_tag_replacement, text)


def _tag_note(match: re.Match[str]) -> str:
    if match.group("block"):
        return f"HTML tag <{match.group('block')}>: a line break"
    return f"HTML tag <{match.group('inline')}>: removed"


# --- the rules -------------------------------------------------------------------------------


# Both rules are triggered by a rare character ("&", "<"): the engine's one scan of the line
# skips them on lines without it, for less than the call of a gate per line would cost.
HTML_ENTITY = substitution_rule(
    code="AR702",
    name="html-entity",
    message="HTML character reference",
    doc="""
## What it does
Decodes HTML character references: named ones (`&quot;`, `&amp;`, `&nbsp;`, `&lt;`, ...),
decimal ones (`&#1575;`) and hexadecimal ones (`&#x627;`). A reference must end with its
semicolon. Escaped ampersands before a reference (`&amp;quot;`, text escaped twice) decode
with it, so one pass is enough.

Left alone: an ampersand that starts no reference ("AT&T", "R&D", "&copy" without its
semicolon), unknown names, and numbers that stand for no character, a surrogate, NUL or a
control character.

## Why
Text scraped from web pages keeps references where the extractor did not decode them: about
3 per MB of news, 6 on SaudiNewsNet (`&#39;`, `&quot;`). Undecoded, they hide the quotes and
spaces the other rules should see, and they break search. The rule runs before the quote and
space rules for that reason. HTML and Markdown source files keep their references: the
command line switches this rule off for them.

## Example
`قال &quot;بوتين&quot;` becomes `قال "بوتين"` (and then `قال «بوتين»` by AR401);
`&#1575;&#x644;` becomes `ال`.

## Fix safety
Safe: each reference becomes the character it stands for.
""",
    enabled=lambda config: config.html_entities,
    pattern=lambda config: _reference(),
    replace=lambda match, config: _decode_reference(match),
    fix=decode_html_entities,
    note=lambda match: f"HTML reference {match.group()}: write {_decode_reference(match)!r}",
    trigger=lambda config: frozenset("&"),
    aliases=("AR431",),
)

HTML_TAG = substitution_rule(
    code="AR703",
    name="html-tag",
    message="Stray HTML tag",
    doc="""
## What it does
Turns stray tags of block elements (`<br>`, `<p>`, `</p>`, `<div>`, `<li>`, `<h1>`, ...) into
a line break, taking the blanks around them along, and removes tags of inline elements (`<b>`,
`<span class="x">`, `</a>`, ...). Off in the `clean` preset (`html_tags = true` switches it
on); the command line's news cleanup switches it on.

Left alone: anything that is not the tag of a known HTML element ("<3", "a < b", "<كلمة>"),
an inline tag whose removal would join a "<" before it into a new tag, and every tag of a
line of another markup: a line with a tag of an element HTML does not have (`<URL>`,
`<DOCNO>`, `<TITLE>`) or of an HTML5 element written in capitals (the ANT corpus's `<TIME>`;
pages write the elements HTML5 added in lower case). A markup's tags are treated alike: all
kept, or all replaced.

## Why
Extractors sometimes keep the markup that separated paragraphs or captions. Left in, `<br>`
glues the caption to the article and shows up in search results and training data.

## Example
`السطر الأول <br> الثاني` becomes `السطر الأول` and `الثاني` on two lines;
`<b>مهم</b>` becomes `مهم`.

## Fix safety
Safe when switched on for scraped text (it is off by default): the words stay and stay apart.
""",
    enabled=lambda config: config.html_tags,
    pattern=lambda config: _tag(),
    replace=lambda match, config: _tag_replacement(match),
    fix=replace_html_tags,
    note=_tag_note,
    trigger=lambda config: frozenset("<"),
    aliases=("AR432",),
)

RULES: tuple[Rule, ...] = (HTML_ENTITY, HTML_TAG)
