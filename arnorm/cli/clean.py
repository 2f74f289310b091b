"""``arnorm clean``: the news filter, for plain text, JSONL and CSV of any size.

The input is read in chunks of complete lines (or CSV records) of about a megabyte, so memory
stays flat whatever the input's size; a line longer than ``--max-line-bytes`` is an error, not
a hang. Each chunk is cleaned by :func:`records.clean_chunk`, in this process or, with
``--jobs N``, in a pool of N processes; at most a few chunks per process are in flight and
results are written in input order, so the output is identical whatever N is.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import stat
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

from arnorm.cli import options, progress, records
from arnorm.cli.pool import map_in_order
from arnorm.cli.records import Chunk, Cleaned, Job
from arnorm.cli.textfile import BOM, AtomicWriter, InputError, new_file_mode
from arnorm.rules import BY_CODE

CHUNK_BYTES = 1 << 20
MAX_LINE_BYTES = 16 << 20


def add_parser(commands: argparse._SubParsersAction[options.Parser]) -> None:
    clean = commands.add_parser(
        "clean",
        help="clean text, JSONL or CSV as a stream",
        description="Clean a file or stdin line by line (JSONL fields, CSV columns).",
    )
    clean.add_argument("input", nargs="?", default="-", metavar="FILE", help="a file, or -")
    clean.add_argument("-o", "--output", default="-", metavar="OUT", help="written atomically")
    form = clean.add_argument_group("formats").add_mutually_exclusive_group()
    form.add_argument("--jsonl", action="store_true", help="one JSON object a line")
    form.add_argument("--csv", action="store_true", help="CSV with a header row")
    form.add_argument("--parquet", action="store_true", help="Parquet (--column: text columns)")
    form.add_argument(
        "--text", action="store_true", help="plain text, even if the input looks like JSON"
    )
    options.add_record_options(clean)
    options.add_process_options(clean)
    clean.add_argument("--statistics", action="store_true", help="count changes per rule")
    clean.add_argument(
        "--annotate",
        metavar="KEY",
        help="JSONL: write each record's profile (dirt score, findings per rule) into KEY",
    )
    clean.add_argument(
        "--max-line-bytes",
        type=options.positive,
        default=MAX_LINE_BYTES,
        metavar="N",
        help="a longer line is an error (16 MiB)",
    )
    clean.add_argument(
        "--chunk-bytes", type=options.positive, default=CHUNK_BYTES, help=argparse.SUPPRESS
    )
    options.add_rule_options(clean)
    options.add_config_options(clean)
    clean.set_defaults(run=run_clean)


def make_job(args: argparse.Namespace, columns: tuple[int, ...] = ()) -> Job:
    """The job of the options. The news filter turns ``html_tags`` on unless told otherwise."""
    defaults = {} if args.preset == "none" else {"html_tags": True}
    config = options.build_config(args, defaults=defaults)
    form: records.Form = "jsonl" if args.jsonl else "csv" if args.csv else "text"
    fields = frozenset(args.field or ["text"])
    if args.annotate is not None and (form != "jsonl" or args.annotate in fields):
        raise options.UsageError(
            "arnorm clean: error: --annotate needs --jsonl and a key that is not a --field"
        )
    columns_ = tuple(sorted(columns))
    return Job(config, form, fields, columns_, args.delimiter, args.statistics, args.annotate)


@dataclass
class Totals:
    """What a run cleaned."""

    records: int = 0
    changed: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, result: Cleaned) -> None:
        self.records += result.records
        self.changed += result.changed
        self.counts.update(result.counts)

    def lines(self, form: str) -> list[str]:
        noun = "lines" if form == "text" else "records"
        head = f"arnorm clean: {self.records:,} {noun}, {self.changed:,} changed"
        width = len(f"{max(self.counts.values(), default=0):,}")
        return [head] + [
            f"  {count:>{width},}  {code}  {BY_CODE[code].name}"
            for code, count in sorted(self.counts.items())
        ]


#: File name endings of JSON documents, which cleaning as text would break.
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson", ".geojson")


def refuse_json(kind: str) -> InputError:
    """The error for JSON given as text: cleaning it as text would turn its quotes into « »
    and its commas into ، and so write invalid JSON."""
    return InputError(
        f"{kind}: cleaning it as text would break its quotes and commas; use --jsonl --field KEY"
        " to clean the string fields of JSON lines (a JSON array: convert it to JSON lines"
        " first, e.g. jq -c '.[]'), or --text to clean it as plain text anyway"
    )


def json_kind(data: bytes, whole: bool) -> str | None:
    r"""What JSON the start of an input is, if any: a JSON array, JSON lines, or None.

    `data` is the first chunk of the input and `whole` says whether it is all of it. An array
    is recognised when it parses (a whole input) or opens with an object, an array or a
    string followed by a comma or the end of the array; JSON lines when the first line that is
    not blank parses as a JSON object.

    >>> json_kind(b'[{"text": "x"}]', True), json_kind(b'{"text": 1}\n{"text": 2}\n', True)
    ('a JSON array', 'JSON lines')
    >>> json_kind(b"[1] see note\n{braces}\n", True) is None
    True
    """
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("["):
        if whole:
            with contextlib.suppress(ValueError):
                return "a JSON array" if isinstance(json.loads(text), list) else None
        return "a JSON array" if _ARRAY_START.match(text) else None
    first = text.split("\n", 1)[0]
    if first.startswith("{"):
        with contextlib.suppress(ValueError):
            return "JSON lines" if isinstance(json.loads(first), dict) else None
    return None


_ARRAY_START = re.compile(r'\[\s*(?:\{\s*(?:"|\})|\[|"(?:[^"\\]|\\.)*"\s*[,\]])')


def _refusing_json(chunks: Iterator[Chunk]) -> Iterator[Chunk]:
    """`chunks`, after an error if the first of them is JSON."""
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    kind = json_kind(first.data, whole=second is None)
    if kind is not None:
        raise refuse_json(f"the input is {kind}")
    yield first
    if second is not None:
        yield second
        yield from chunks


def run_clean(args: argparse.Namespace) -> int:
    name = args.input
    if not (args.text or args.jsonl or args.csv) and name.lower().endswith(JSON_SUFFIXES):
        print(f"{name}: {refuse_json('a JSON file')}", file=sys.stderr)
        return 2
    if len(args.delimiter) != 1 or args.delimiter in '"\r\n':
        raise options.UsageError(
            "arnorm clean: error: --delimiter must be one character, not a quote"
        )
    job = make_job(args)
    options.warn_inactive(args, job.config)
    totals = Totals()
    try:
        if args.parquet:
            _clean_parquet(name, args, job, totals)
        else:
            with open_input(name) as source, open_output(args.output) as sink:
                _clean_stream(source, sink, args, job, totals)
    except InputError as error:
        print(f"{name}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        raise  # the reader of stdout went away: main() stops quietly
    except OSError as error:
        print(f"{error.filename or name}: {error.strerror or error}", file=sys.stderr)
        return 2
    if args.statistics:
        print("\n".join(totals.lines("records" if args.parquet else job.form)), file=sys.stderr)
    return 0


def _clean_stream(
    source: BinaryIO, sink: _Sink, args: argparse.Namespace, job: Job, totals: Totals
) -> None:
    reader = Reader(source, args.chunk_bytes, args.max_line_bytes)
    out = _Output(sink, reader)
    if job.form == "csv":
        job = make_job(args, _columns(reader, out, args))
    enabled = sys.stderr.isatty() if args.progress is None else args.progress
    chunks = reader.chunks(job)
    if job.form == "text" and not args.text:
        chunks = _refusing_json(chunks)
    results = map_in_order(chunks, args.jobs, records.clean_chunk)
    with contextlib.closing(results), progress.bar(input_size(source), enabled) as bar:
        for result in results:
            if result.error is not None:
                raise InputError(result.error)
            out.write(result.data)
            totals.add(result)
            bar.update(result.size)
    out.write(b"")


def _clean_parquet(name: str, args: argparse.Namespace, job: Job, totals: Totals) -> None:
    from arnorm.cli import parquet

    source = parquet.open_input(name)
    indexes = parquet.column_indexes(source.schema_arrow, args.column or ["text"])
    results = map_in_order(parquet.groups(source, job, indexes), args.jobs, parquet.clean_group)
    enabled = sys.stderr.isatty() if args.progress is None else args.progress
    with (
        contextlib.closing(results),
        open_output(args.output) as sink,
        progress.bar(parquet.size(source), enabled) as bar,
    ):
        for result in parquet.write(source, sink, indexes, results):
            totals.add(result)
            bar.update(result.size)


class _Output:
    """The output, with the input's byte order mark put back in front."""

    def __init__(self, sink: _Sink, reader: Reader) -> None:
        self.sink, self.reader, self.started = sink, reader, False

    def write(self, data: bytes) -> None:
        if not self.started:
            self.started = True
            if self.reader.bom:
                self.sink.write(BOM)
        self.sink.write(data)


def input_size(source: object) -> int | None:
    """The size in bytes of a regular file, for the progress bar (None for pipes)."""
    try:
        info = os.fstat(source.fileno())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _columns(reader: Reader, sink: _Output, args: argparse.Namespace) -> tuple[int, ...]:
    """Read and copy the header; the indexes of the --column names in it."""
    header = reader.header(args.delimiter)
    sink.write(header.encode("utf-8"))
    return tuple(i for i, _ in wanted_columns(header, args.delimiter, args.column or ["text"]))


def wanted_columns(header: str, delimiter: str, wanted: list[str]) -> list[tuple[int, str]]:
    """The index and name of each column of a CSV header that is `wanted`, in header order (a
    name the header repeats, each time); an input error names the first of `wanted` it lacks."""
    body, _ = records.split_record(header)
    names = [records.unquote(body[s:e]) for s, e in records.cells(body, delimiter)]
    missing = [c for c in wanted if c not in names]
    if missing:
        raise InputError(f"no column {missing[0]!r} in the header (it has: {', '.join(names)})")
    return [(i, name) for i, name in enumerate(names) if name in wanted]


class Reader:
    """Reads complete lines (or CSV records) in chunks of about `size` bytes."""

    def __init__(self, source: BinaryIO, size: int, max_line: int) -> None:
        self.source, self.size, self.max_line = source, min(size, max_line), max_line
        self.line, self.byte, self.bom, self._fresh = 1, 0, False, True

    def _first(self, data: bytes) -> bytes:
        """`data` without the input's byte order mark, if this is the input's start."""
        if not self._fresh:
            return data
        self._fresh = False
        if data.startswith(BOM):
            self.bom, self.byte = True, len(BOM)
            return data[len(BOM) :]
        return data

    def chunks(self, job: Job) -> Iterator[Chunk]:
        read = self._records if job.form == "csv" else self._lines
        while data := read(job):
            yield Chunk(job, data, self.line, self.byte)
            self.line += data.count(b"\n")
            self.byte += len(data)

    def _lines(self, job: Job) -> bytes:
        block = self._first(self.source.read(self.size))
        if block.endswith(b"\n") or not block:
            return block
        partial = len(block) - block.rfind(b"\n") - 1
        tail = self.source.readline(self.max_line - partial + 1)
        if partial + len(tail) > self.max_line:
            line = self.line + block.count(b"\n")
            raise InputError(
                f"line {line} is longer than {self.max_line:,} bytes (--max-line-bytes)"
            )
        return block + tail

    def _records(self, job: Job) -> bytes:
        parts: list[bytes] = []
        total = 0
        while total < self.size and (record := self._record(job.delimiter, total)):
            parts.append(record)
            total += len(record)
        return b"".join(parts)

    def _record(self, delimiter: str, before: int) -> bytes:
        """The next CSV record: its first line, and more lines while a quoted cell is open.

        Each line is matched once. After a line that leaves a record incomplete, the only
        way the record's pattern can go on is inside a quoted cell (every other state ends
        the record at a line feed), so the next line is matched from inside one; matching
        the whole record again at each line made an unclosed quote quadratic.
        """
        first = records.csv_record_bytes(delimiter).fullmatch
        more = records.csv_continuation_bytes(delimiter).fullmatch
        parts: list[bytes] = []
        size = 0
        while line := self.source.readline(self.max_line + 1):
            parts.append(self._first(line) if not parts else line)
            size += len(parts[-1])
            if size > self.max_line:
                at = self.line + before
                raise InputError(f"record at line {at} is longer than {self.max_line:,} bytes")
            if len(parts) == 1:
                done = b'"' not in line or first(parts[0]) is not None
            else:
                done = b'"' in line and more(line) is not None
            if done:
                return b"".join(parts)
        if parts:
            raise InputError(f"unterminated quoted cell after line {self.line}")
        return b""

    def header(self, delimiter: str) -> str:
        record = self._record(delimiter, 0)
        try:
            text = record.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(f"not valid UTF-8 at byte {self.byte + error.start}") from None
        self.line += record.count(b"\n")
        self.byte += len(record)
        return text


class _Sink(Protocol):
    def write(self, data: bytes, /) -> object: ...


@contextlib.contextmanager
def open_input(name: str) -> Iterator[BinaryIO]:
    """The input `name` (``-``: stdin) opened for reading in binary; a folder is refused."""
    if name == "-":
        yield sys.stdin.buffer
        return
    if os.path.isdir(name):
        raise InputError("is a directory (give the files)")
    with open(name, "rb") as stream:
        yield stream


class _Named:
    """A device written directly and completely, whose failures name it (not the input).

    Unbuffered, so that nothing is left to fail again, unnamed, when it is closed.
    """

    def __init__(self, stream: io.RawIOBase, name: str) -> None:
        self.stream, self.name = stream, name

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[self.stream.write(view) or 0 :]
        except OSError as error:
            raise OSError(error.errno, error.strerror, self.name) from None


@contextlib.contextmanager
def open_output(name: str) -> Iterator[_Sink]:
    """stdout, or a file written under a temporary name and renamed when all went well.

    A device or a pipe (``-o /dev/null``) is written directly: renaming over it would replace it.
    """
    if name == "-":
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = Path(name).resolve()
    info = target.stat() if target.exists() else None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(target, "wb", buffering=0) as device:
            yield _Named(device, name)
        return
    if info is not None and not info.st_mode & stat.S_IWUSR:
        raise InputError(f"{name} is read-only, not written")
    mode = stat.S_IMODE(info.st_mode) if info is not None else new_file_mode()
    with AtomicWriter(target, mode) as writer:
        yield writer
