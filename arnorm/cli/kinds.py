r"""What a file is, and which of its characters are prose that ``check`` and ``fix`` may read.

By default ``check`` and ``fix`` read prose files only, known by their name: Markdown, plain
text, reStructuredText, gettext catalogues (their translations, ``msgstr``), HTML (its text
between tags) and subtitles (SRT and WebVTT cue text). Anything else is skipped with a note:
turning ``"`` into ``«`` in a program or a data file breaks it.

The ``extend-include`` globs opt more files in. Python and JSON files are then read by their
own tokenizers and only their string literals and comments (Python) or string values (JSON)
are prose: never a key, an escape, an f-string's expression or the syntax around them. Other
source and data files (YAML, JavaScript, TOML ...) have no tokenizer here and stay out even
when opted in; a file of an unknown kind that is opted in is read as plain text.

Each kind gives :class:`~arnorm.cli.markdown.Markup`: the spans the rules must not see.

>>> kind_of("notes/guide.md"), kind_of("app.py"), kind_of("app.py", opted_in=True)
('markdown', None, 'python')
>>> text = 'X = "قال\xa0أمس"  # تعليق\xa0هنا\n'
>>> [text[a:b] for a, b in gaps(scan("python", text).spans, len(text))]
['قال\xa0أمس', ' تعليق\xa0هنا']
"""

from __future__ import annotations

import io
import json
import re
import tokenize
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal

from arnorm.cli.markdown import Markup, Span, gaps, merge, scan_html
from arnorm.cli.markdown import scan as scan_markdown
from arnorm.cli.textfile import InputError
from arnorm.edits import Edit

Kind = Literal["markdown", "text", "rst", "po", "html", "subtitles", "python", "json"]

#: File name endings of prose, read by default.
PROSE: dict[str, Kind] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".txt": "text",
    ".text": "text",
    ".rst": "rst",
    ".po": "po",
    ".pot": "po",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".srt": "subtitles",
    ".vtt": "subtitles",
}
#: File name endings read only when opted in, and then only their strings or text nodes.
OPT_IN: dict[str, Kind] = {
    ".py": "python",
    ".pyi": "python",
    ".pyw": "python",
    ".json": "json",
    ".xml": "html",  # markup: its text between tags, as HTML's
    ".svg": "html",
}
#: Source and data files that have no tokenizer here: left out even when opted in, because
#: their strings cannot be told from their syntax (a judgement list of common kinds).
NO_TOKENIZER = frozenset(
    (
        *(".yaml", ".yml", ".toml", ".ini", ".cfg", ".conf", ".lock", ".tex"),
        *(".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".vue", ".svelte"),
        *(".css", ".scss", ".sass", ".less", ".jsonl", ".ipynb", ".csv", ".tsv", ".sql"),
        *(".c", ".h", ".cc", ".cpp", ".hpp", ".cs", ".java", ".kt", ".go", ".rs", ".swift"),
        *(".rb", ".php", ".pl", ".lua", ".r", ".scala", ".dart"),
        *(".sh", ".bash", ".zsh", ".fish", ".ps1", ".bat"),
    )
)


def kind_of(name: str, *, opted_in: bool = False) -> Kind | None:
    """The kind of the file `name`; None when it is not read (see :func:`why_skipped`)."""
    suffix = _suffix(name)
    if suffix in PROSE:
        return PROSE[suffix]
    if not opted_in or suffix in NO_TOKENIZER:
        return None
    return OPT_IN.get(suffix, "text")


def why_skipped(name: str, *, opted_in: bool = False) -> str:
    """Why :func:`kind_of` does not read `name`, for the note."""
    suffix = _suffix(name) or "(no extension)"
    if opted_in:
        return f"skipped: {suffix} files have no tokenizer in arnorm, so their strings are unknown"
    return f"skipped: {suffix} is not a prose file (extend-include opts it in)"


def _suffix(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return "." + base.rsplit(".", 1)[1] if "." in base.lstrip(".") else ""


def scan(kind: Kind, text: str) -> Markup:
    """The spans of `text` that are not prose, for a file of `kind`.

    Raises :class:`InputError` when a Python or JSON file does not tokenize.
    """
    if kind == "markdown":
        return scan_markdown(text)
    if kind == "html":
        return scan_html(text)
    if kind == "text":
        return Markup((), ())
    scanners = {
        "rst": rst_prose,
        "po": po_prose,
        "subtitles": subtitle_prose,
        "python": python_prose,
        "json": json_prose,
    }
    prose = merge(list(scanners[kind](text)))
    return Markup(tuple(gaps(prose, len(text))), ())


def check_edits(kind: Kind, text: str, edits: Sequence[Edit]) -> None:
    """Raise :class:`InputError` if an edit would write syntax into a Python or JSON string:
    a quote, a backslash, a brace or a line break could end the string or change the file."""
    if kind not in ("python", "json"):
        return
    for edit in edits:
        bad = _SYNTAX[kind].search(edit.replacement or "")
        if bad is not None:
            raise InputError(
                f"{edit.code} would write {bad.group()!r} into a {kind} string; not changed"
            )


_SYNTAX = {
    "python": re.compile(r"[\"'\\{}\n\r]"),
    "json": re.compile(r'["\\\x00-\x1f]'),
}


# --- Python --------------------------------------------------------------------------------

_PY_ESCAPE = re.compile(
    r"\\(?:N\{[^}\n]*\}|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0-7]{1,3}|[\s\S])"
)
_STRING_PREFIX = re.compile(r"[A-Za-z]*")
_READ = frozenset({"COMMENT", "STRING", "FSTRING_START", "FSTRING_END", "ERRORTOKEN"})


def python_prose(text: str) -> Iterator[Span]:
    """The contents of the string literals (escapes, f-string fields and bytes left out)
    and of the comments of Python source `text`.

    >>> text = 'f"أ{x!r}ب" + b"c" + "\\\\n" # ج'
    >>> [text[a:b] for a, b in python_prose(text)]
    ['أ', 'ب', ' ج']
    """
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    fstring_start: list[int] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            name = tokenize.tok_name[token.type]
            if name == "ERRORTOKEN" and token.string.strip():
                raise SyntaxError(f"line {token.start[0]}: unexpected {token.string!r}")
            if name not in _READ:
                continue
            start = starts[token.start[0] - 1] + token.start[1]
            end = starts[token.end[0] - 1] + token.end[1]
            if name == "COMMENT":
                yield start + 1, end
            elif name == "STRING":
                yield from _string_prose(text, start, end)
            elif name == "FSTRING_START":  # Python 3.12: an f-string comes in pieces
                fstring_start.append(start)
            elif name == "FSTRING_END" and fstring_start:
                begin = fstring_start.pop()
                if not fstring_start:
                    yield from _string_prose(text, begin, end)
    except (tokenize.TokenError, SyntaxError) as error:
        raise InputError(f"not valid Python ({error.args[0]})") from None


def _string_prose(text: str, start: int, end: int) -> Iterator[Span]:
    match = _STRING_PREFIX.match(text, start)
    assert match is not None
    prefix = match.group().lower()
    if "b" in prefix:
        return  # bytes hold ASCII only
    quote = text[match.end() : match.end() + 3]
    width = 3 if quote in ('"""', "'''") else 1
    inner = (match.end() + width, end - width)
    holes = [m.span() for m in _PY_ESCAPE.finditer(text, *inner)]
    if "f" in prefix:
        holes += _fields(text, *inner)
    yield from gaps_between(merge(holes), *inner)


def _fields(text: str, start: int, end: int) -> list[Span]:
    """The replacement fields ``{...}`` of an f-string's body, and its ``{{`` and ``}}``."""
    spans: list[Span] = []
    depth, opened, i = 0, 0, start
    while i < end:
        ch = text[i]
        if depth == 0 and text.startswith(("{{", "}}"), i):
            spans.append((i, i + 2))
            i += 2
            continue
        if ch == "{":
            opened = i if depth == 0 else opened
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, i + 1))
        i += 1
    if depth:
        spans.append((opened, end))
    return spans


def gaps_between(holes: Sequence[Span], start: int, end: int) -> Iterator[Span]:
    """The parts of ``[start, end)`` outside the sorted, disjoint `holes`."""
    for a, b in gaps([(max(0, s - start), max(0, e - start)) for s, e in holes], end - start):
        yield a + start, b + start


# --- JSON ----------------------------------------------------------------------------------

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_ESCAPE = re.compile(r"\\(?:u[0-9A-Fa-f]{4}|.)")
_AFTER_KEY = re.compile(r"[ \t\r\n]*:")


def json_prose(text: str) -> Iterator[Span]:
    """The contents of the string values (not keys, not escapes) of a JSON document.

    >>> text = '{"قال": ["أ\\\\nب", 1]}'
    >>> [text[a:b] for a, b in json_prose(text)]
    ['أ', 'ب']
    """
    validate_json(text)
    for match in _JSON_STRING.finditer(text):
        if _AFTER_KEY.match(text, match.end()):
            continue
        inner = (match.start() + 1, match.end() - 1)
        holes = [m.span() for m in _JSON_ESCAPE.finditer(text, *inner)]
        yield from gaps_between(holes, *inner)


def validate_json(text: str) -> None:
    """Raise :class:`InputError` unless `text` is one JSON document (nesting limit included)."""
    try:
        json.loads(text)
    except RecursionError:
        raise InputError("not valid JSON: nested too deeply") from None
    except ValueError as error:
        raise InputError(f"not valid JSON: {error}") from None


# --- gettext catalogues --------------------------------------------------------------------

_PO_LINE = re.compile(
    r'[ \t]*(?:(?P<keyword>msg[a-z_]+(?:\[\d+\])?)[ \t]+)?(?P<string>".*")[ \t]*$'
)
_C_ESCAPE = re.compile(r"\\.")


def po_prose(text: str) -> Iterator[Span]:
    """The contents of the translations (``msgstr``) of a gettext catalogue, escapes left
    out; the header entry (the translation of ``msgid ""``) is metadata, not prose.

    >>> text = 'msgid "Hello"\\nmsgstr "مرحبا\\\\n"\\n"بكم"\\n'
    >>> [text[a:b] for a, b in po_prose(text)]
    ['مرحبا', 'بكم']
    """
    keyword, msgid_empty, position = "", True, 0
    for line in text.split("\n"):
        match = _PO_LINE.match(line)
        if match is None:
            keyword = "" if line.strip() else keyword
        else:
            if match.group("keyword"):
                keyword = match.group("keyword")
                if keyword == "msgid":
                    msgid_empty = match.group("string") == '""'
            elif keyword == "msgid" and match.group("string") != '""':
                msgid_empty = False
            if keyword.startswith("msgstr") and not msgid_empty:
                start, end = match.span("string")
                inner = (position + start + 1, position + end - 1)
                holes = [m.span() for m in _C_ESCAPE.finditer(text, *inner)]
                yield from gaps_between(holes, *inner)
        position += len(line) + 1


# --- subtitles -----------------------------------------------------------------------------

_CUE_TAG = re.compile(r"<[^<>\n]*>|\{\\[^{}\n]*\}")
_NOT_TEXT = ("WEBVTT", "NOTE", "STYLE", "REGION")


def subtitle_prose(text: str) -> Iterator[Span]:
    """The text lines of SRT and WebVTT cues: not their numbers, identifiers, timings,
    settings or tags, nor WebVTT's header, NOTE, STYLE and REGION blocks.

    >>> text = "1\\n00:00:01,000 --> 00:00:02,000\\n<i>قال</i> أمس\\n"
    >>> [text[a:b] for a, b in subtitle_prose(text)]
    ['قال', ' أمس']
    """
    position = 0
    for block in re.split(r"(\n[ \t]*\n)", text):
        if not block.strip() or block.lstrip().startswith(_NOT_TEXT):
            position += len(block)
            continue
        lines = block.split("\n")
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        offset = position
        for number, line in enumerate(lines):
            if timing is not None and number > timing:
                holes = [m.span() for m in _CUE_TAG.finditer(line)]
                for a, b in gaps(holes, len(line)):
                    yield offset + a, offset + b
            offset += len(line) + 1
        position += len(block)


# --- reStructuredText ----------------------------------------------------------------------

_RST_INLINE = re.compile(r"``[^`\n]+``|:[A-Za-z][\w:+.-]*:`[^`\n]*`|`[^`\n]*<[^<>\n]*>`_{0,2}")
_RST_DIRECTIVE = re.compile(r"[ \t]*\.\.[ \t]+(?:(?P<name>[\w:+.-]+)::|\S)")
#: Directives whose content is code, not prose.
_CODE_DIRECTIVES = frozenset({"code", "code-block", "sourcecode", "literalinclude", "math"})


def rst_prose(text: str) -> Iterator[Span]:
    """reStructuredText without its inline literals, roles, link targets, directive lines,
    literal blocks (after ``::``) and code directives.

    >>> text = "قال ``x\\xa0y`` أمس::\\n\\n    code\\xa0here\\n\\nنص\\n"
    >>> [text[a:b] for a, b in rst_prose(text)]
    ['قال ', ' أمس::\\n', '\\n\\nنص\\n']
    """
    holes = [m.span() for m in _RST_INLINE.finditer(text)] + list(_rst_blocks(text))
    yield from gaps(merge(holes), len(text))


def _rst_blocks(text: str) -> Iterator[Span]:
    """Directive lines, and the indented blocks of literal blocks and code directives."""
    literal_next, block, indent = False, None, 0
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        width = len(line) - len(line.lstrip())
        if block is not None and (not line.strip() or width > indent):
            block = (block[0], end) if line.strip() else block
        else:
            if block is not None:
                yield block
                block = None
            directive = _RST_DIRECTIVE.match(line)
            if directive:
                yield position, end
            if (directive and directive.group("name") in _CODE_DIRECTIVES) or literal_next:
                block, indent = (end, end), width
            literal_next = line.rstrip().endswith("::") and not directive
        position = end + 1
    if block is not None:
        yield block


def opted_in(globs: Iterable[str], relative: str) -> bool:
    """Whether the relative path matches one of the ``extend-include`` globs."""
    from arnorm.cli.files import matches

    return any(matches(glob, relative) for glob in globs)


#: The pre-commit (identify) tags of the prose kinds: the hooks' ``types_or``. Subtitles have
#: no tag; a hook widened to ``types_or: [text]`` passes them, and arnorm still skips the rest.
HOOK_TYPES = ("markdown", "plain-text", "rst", "pofile", "html")
