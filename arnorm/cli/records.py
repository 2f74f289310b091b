r"""Cleaning one chunk of a stream: plain text lines, JSONL records or CSV records.

This is what a worker process runs, so everything here is a pure function of a picklable
:class:`Chunk`. A line (or a JSON field, or a CSV cell) is one text for the engine. Only the
chosen fields change, and only their own bytes: every other field, the key order, the spacing
and escapes of the JSON, and the quoting of every other CSV cell stay exactly as they were.

>>> job = Job(CLEAN, "jsonl", fields=frozenset({"text"}))
>>> line = '{"id": 7, "text": "قال\\u00a0الوزير", "x": 1.50}\n'.encode()
>>> clean_chunk(Chunk(job, line, 1, 0)).data.decode()
'{"id": 7, "text": "قال الوزير", "x": 1.50}\n'
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from typing import Any, AnyStr, Literal

import arnorm
from arnorm.config import CLEAN, Config
from arnorm.engine import cleaner, explain
from arnorm.profile import Profile, combined, profiled

Form = Literal["text", "jsonl", "csv"]
_Decode = Callable[[str, int], tuple[Any, int]]
Member = tuple[str, int, int, Any]


@dataclass(frozen=True)
class Job:
    """How every chunk of a stream is cleaned."""

    config: Config = CLEAN
    form: Form = "text"
    fields: frozenset[str] = frozenset()  # JSONL: the keys whose string values are cleaned
    columns: tuple[int, ...] = ()  # CSV: the indexes of the cleaned columns
    delimiter: str = ","
    statistics: bool = False  # count edits per rule (the slower edit-log path)
    annotate: str | None = None  # JSONL: the key that gets each record's profile


@dataclass(frozen=True)
class Chunk:
    """Complete lines (or CSV records) of the input, and where they start in it."""

    job: Job
    data: bytes
    line: int  # the number of its first line, from 1
    byte: int  # the offset of its first byte


@dataclass
class Cleaned:
    """A cleaned chunk: its bytes, what changed, or the input error that stopped it."""

    data: bytes = b""
    size: int = 0  # bytes of input consumed
    records: int = 0
    changed: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    error: str | None = None


class RecordError(Exception):
    """A record that does not parse: (index of its line in the chunk, message)."""


class Cleaner:
    """Cleans values with the job's config, counting records, changes and edits per rule."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.result = Cleaned()
        self._clean = cleaner(job.config)
        self.profiles: list[Profile] = []  # of the values of the record being cleaned

    def value(self, text: str) -> str:
        if self.job.annotate is not None:
            cleaned, found = profiled(text, self.job.config)
            self.profiles.append(found)
            if self.job.statistics:
                self.result.counts.update(explain(arnorm.fix(text, preset=self.job.config).edits))
            return cleaned
        if not self.job.statistics:
            return self._clean(text)
        fixed = arnorm.fix(text, preset=self.job.config)
        self.result.counts.update(explain(fixed.edits))
        return fixed.text

    def record(self, before: str, after: str) -> str:
        self.result.records += 1
        self.result.changed += before != after
        return after


def clean_chunk(chunk: Chunk) -> Cleaned:
    """Clean one chunk; an input error is returned in ``Cleaned.error``, not raised."""
    cleaner = Cleaner(chunk.job)
    try:
        text = chunk.data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Cleaned(error=f"not valid UTF-8 at byte {chunk.byte + error.start}")
    try:
        if chunk.job.form == "csv":
            out = "".join(_csv_records(text, cleaner))
        else:
            out = "\n".join(_lines(text, cleaner))
    except RecordError as error:
        index, message = error.args
        return Cleaned(error=f"line {chunk.line + index}: {message}")
    result = cleaner.result
    result.data, result.size = out.encode("utf-8"), len(chunk.data)
    return result


def _lines(text: str, cleaner: Cleaner) -> Iterator[str]:
    """Each line cleaned (its CR kept); the empty string after a final line feed stays."""
    lines = text.split("\n")
    last = lines.pop()
    clean_line = _json_line if cleaner.job.form == "jsonl" else _text_line
    for index, line in enumerate(lines):
        yield cleaner.record(line, clean_line(line, index, cleaner))
    yield cleaner.record(last, clean_line(last, len(lines), cleaner)) if last else ""


def _text_line(line: str, index: int, cleaner: Cleaner) -> str:
    if line.endswith("\r"):
        return cleaner.value(line[:-1]) + "\r"
    return cleaner.value(line)


# --- JSONL ---------------------------------------------------------------------------------

_SPACE = re.compile(r"[ \t\n\r]*")


def _json_line(line: str, index: int, cleaner: Cleaner) -> str:
    if not line.strip():
        return line
    try:
        found = object_members(line)
    except ValueError as error:
        raise RecordError(index, f"invalid JSON: {error}") from None
    fields = cleaner.job.fields
    changes: list[tuple[int, int, str]] = []
    for key, start, end, value in found:
        if key in fields and isinstance(value, str):
            new = cleaner.value(value)
            if new != value:
                changes.append((start, end, _json_string(new, line[start:end])))
    if cleaner.job.annotate is not None:
        changes = sorted([*changes, _annotation(line, found, cleaner)])
    if not changes:
        return line
    parts, position = [], 0
    for start, end, new in changes:
        parts += [line[position:start], new]
        position = end
    return "".join(parts) + line[position:]


def _annotation(line: str, found: list[Member], cleaner: Cleaner) -> tuple[int, int, str]:
    """The change that writes the profile of the record's fields as the value of the annotate
    key: its value replaced where the record has the key, else a member added at the end."""
    key = cleaner.job.annotate
    value = json.dumps(combined(cleaner.profiles).as_json(), ensure_ascii=False)
    cleaner.profiles.clear()
    for name, start, end, _ in found:
        if name == key:
            return start, end, value
    close = line.rstrip().rfind("}")
    separator = ", " if found else ""
    return close, close, f"{separator}{json.dumps(key, ensure_ascii=False)}: {value}"


def _json_string(value: str, raw: str) -> str:
    """`value` as a JSON string, escaping non-ASCII if the original did (or must)."""
    ascii_only = raw.isascii() and "\\u" in raw
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        ascii_only = True  # lone surrogates can only be written as escapes
    return json.dumps(value, ensure_ascii=ascii_only)


def object_members(line: str) -> list[tuple[str, int, int, Any]]:
    """:func:`members` of `line`, all of them; ValueError when `line` is not one JSON object,
    nesting too deep for the json module (which recurses once per level) included.

    >>> object_members('{"a": "x", "b": {"a": "y"}}')[0]
    ('a', 6, 9, 'x')
    """
    try:
        return list(members(line))
    except RecursionError:
        raise ValueError("nested too deeply") from None


def members(line: str) -> Iterator[tuple[str, int, int, Any]]:
    """(key, start, end, value) of each top-level member of a JSON object; ValueError when
    `line` is not one JSON object.

    >>> [(k, s, e) for k, s, e, _ in members('{"a": [1], "b": 2}')]
    [('a', 6, 9), ('b', 16, 17)]
    """
    decode = json.JSONDecoder().raw_decode
    position = _skip(line, 0)
    if not line.startswith("{", position):
        raise ValueError("expected a JSON object")
    position = _skip(line, position + 1)
    if line.startswith("}", position):
        position += 1
    else:
        position = yield from _members(line, position, decode)
    if _skip(line, position) != len(line):
        raise ValueError(f"extra data at column {_skip(line, position) + 1}")


def _members(
    line: str, position: int, decode: _Decode
) -> Generator[tuple[str, int, int, Any], None, int]:
    """The members of an object from after its ``{``; returns the position after its ``}``."""
    while True:
        if not line.startswith('"', position):
            raise ValueError(f"expected a key at column {position + 1}")
        key, position = decode(line, position)
        position = _expect(line, _skip(line, position), ":")
        start = _skip(line, position)
        value, end = decode(line, start)
        yield key, start, end, value
        position = _skip(line, end)
        if line.startswith("}", position):
            return position + 1
        position = _skip(line, _expect(line, position, ","))


def _skip(line: str, position: int) -> int:
    match = _SPACE.match(line, position)
    assert match is not None
    return match.end()


def _expect(line: str, position: int, char: str) -> int:
    if not line.startswith(char, position):
        raise ValueError(f"expected {char!r} at column {position + 1}")
    return position + 1


# --- CSV -----------------------------------------------------------------------------------


@functools.cache
def csv_field(delimiter: str) -> re.Pattern[str]:
    """One CSV cell: quoted (``""`` escapes a quote) or not; never across a line end unquoted."""
    d = re.escape(delimiter)
    return re.compile(rf'"(?:[^"]|"")*"[^{d}\n]*|(?!")[^{d}\n]*')


@functools.cache
def csv_record(delimiter: str) -> re.Pattern[str]:
    """One whole CSV record with its line end."""
    cell = csv_field(delimiter).pattern
    return re.compile(rf"(?:{cell})(?:{re.escape(delimiter)}(?:{cell}))*(?:\n|\Z)")


@functools.cache
def csv_record_bytes(delimiter: str) -> re.Pattern[bytes]:
    """:func:`csv_record` for bytes, to find record ends before decoding."""
    return re.compile(csv_record(delimiter).pattern.encode("utf-8"))


@functools.cache
def csv_continuation_bytes(delimiter: str) -> re.Pattern[bytes]:
    """The rest of a CSV record from inside a quoted cell: the cell's end, then more cells.

    >>> bool(csv_continuation_bytes(",").fullmatch(b'end of cell",2\\n'))
    True
    """
    d = re.escape(delimiter)
    cell = csv_field(delimiter).pattern
    rest = rf'(?:[^"]|"")*"[^{d}\n]*(?:{d}(?:{cell}))*(?:\n|\Z)'
    return re.compile(rest.encode("utf-8"))


def cells(body: str, delimiter: str) -> list[tuple[int, int]]:
    """The spans of the cells of one record (without its line end).

    >>> body = 'a,"b,""c"" d",e'
    >>> [body[s:e] for s, e in cells(body, ",")]
    ['a', '"b,""c"" d"', 'e']
    """
    pattern, spans, position = csv_field(delimiter), [], 0
    while True:
        match = pattern.match(body, position)
        assert match is not None
        spans.append(match.span())
        position = match.end()
        if not body.startswith(delimiter, position):
            return spans
        position += len(delimiter)


def unquote(raw: str) -> str:
    """A cell's value: quotes removed and ``""`` unescaped; an unquoted cell as it is."""
    if not raw.startswith('"'):
        return raw
    closing = raw.rindex('"')
    return raw[1:closing].replace('""', '"') + raw[closing + 1 :]


def quote(value: str, delimiter: str, quoted: bool) -> str:
    """`value` as a cell: quoted if it was, or if it must be."""
    if quoted or any(c in value for c in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


def split_record(raw: str) -> tuple[str, str]:
    """A record's body and its line end."""
    for end in ("\r\n", "\n"):
        if raw.endswith(end):
            return raw[: -len(end)], end
    return raw, ""


def csv_records(data: AnyStr, delimiter: str, first: int = 0) -> Iterator[tuple[AnyStr, int]]:
    """Each whole record of `data` (its line end included) and the number of its first line,
    counted from `first`: the one walk over CSV records that cleaning, surveying and sampling
    share, as text or as bytes not yet decoded. A quoted cell that never closes raises
    :class:`RecordError` with the number of the line its record starts on.

    >>> list(csv_records('a,"b\\nc"\\nd\\n', ",", 1))
    [('a,"b\\nc"\\n', 1), ('d\\n', 3)]
    """
    pattern, position, line = _record_pattern(data, delimiter), 0, first
    while position < len(data):
        match = pattern.match(data, position)
        if match is None or match.end() == position:
            raise RecordError(line, "unterminated quoted cell")
        raw = match.group()
        yield raw, line
        position, line = match.end(), line + _count_line_feeds(raw)


def _record_pattern(data: AnyStr, delimiter: str) -> re.Pattern[AnyStr]:
    if isinstance(data, str):
        return csv_record(delimiter)
    return csv_record_bytes(delimiter)


def _count_line_feeds(data: AnyStr) -> int:
    if isinstance(data, str):
        return data.count("\n")
    return data.count(b"\n")


def _csv_records(text: str, cleaner: Cleaner) -> Iterator[str]:
    for raw, _ in csv_records(text, cleaner.job.delimiter):
        yield cleaner.record(raw, _csv_record(raw, cleaner))


def _csv_record(raw: str, cleaner: Cleaner) -> str:
    body, end = split_record(raw)
    spans, delimiter = cells(body, cleaner.job.delimiter), cleaner.job.delimiter
    parts, position = [], 0
    for column in cleaner.job.columns:
        if column >= len(spans):
            continue
        start, stop = spans[column]
        value = unquote(body[start:stop])
        new = cleaner.value(value)
        if new != value:
            parts += [body[position:start], quote(new, delimiter, body.startswith('"', start))]
            position = stop
    return "".join(parts) + body[position:] + end if parts else raw
