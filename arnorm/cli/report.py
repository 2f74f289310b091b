"""``arnorm report``: what is wrong with a corpus, as one self-contained HTML page.

Each document (a line of text, a JSONL field, a CSV cell) is profiled
(:func:`arnorm.profile.profiled`) and added to a :class:`~arnorm.report.survey.Survey`.
Inputs are read in chunks of complete lines or records, as ``arnorm clean`` reads them, so
memory stays flat; with ``--jobs N`` chunks are surveyed in N processes and the surveys
merged. ``--sample N`` surveys N records drawn at random from each input (the input is read
twice, once to count its records, but profiled only where drawn). ``--json`` saves the
survey, and ``--merge`` renders saved surveys (of shards surveyed elsewhere) as one.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import AnyStr, BinaryIO

from arnorm.cli import options, progress, records
from arnorm.cli.clean import (
    CHUNK_BYTES,
    MAX_LINE_BYTES,
    Reader,
    header_names,
    input_size,
    open_output,
)
from arnorm.cli.pool import map_in_order
from arnorm.cli.textfile import InputError
from arnorm.config import Config
from arnorm.report.page import render
from arnorm.report.survey import Survey, Surveyor


def add_parser(commands: argparse._SubParsersAction[options.Parser]) -> None:
    report = commands.add_parser(
        "report",
        help="an HTML report of what is wrong with a corpus",
        description="Profile every document of text, JSONL or CSV files and write one "
        "self-contained HTML page (and, with --json, the numbers).",
    )
    report.add_argument("paths", nargs="+", metavar="PATH", help="files (or - for stdin)")
    report.add_argument(
        "-o", "--output", metavar="HTML", help="the HTML page (report.html unless --json only)"
    )
    report.add_argument("--json", metavar="FILE", help="also save the survey as JSON")
    report.add_argument(
        "--merge", action="store_true", help="the PATHs are JSON surveys: render them as one"
    )
    form = report.add_argument_group(
        "formats (default: by extension)"
    ).add_mutually_exclusive_group()
    form.add_argument("--text", action="store_true", help="one document a line")
    form.add_argument("--jsonl", action="store_true", help="one JSON object a line")
    form.add_argument("--csv", action="store_true", help="CSV with a header row")
    options.add_record_options(report)
    report.add_argument(
        "--sample", type=options.positive, metavar="N", help="N records drawn from each input"
    )
    report.add_argument("--seed", type=int, default=0, help="the seed of --sample (0)")
    options.add_process_options(report)
    report.add_argument(
        "--max-line-bytes", type=options.positive, default=MAX_LINE_BYTES, help=argparse.SUPPRESS
    )
    options.add_rule_options(report)
    options.add_config_options(report)
    report.set_defaults(run=run_report)


@dataclass(frozen=True)
class Task:
    """How the documents of one input are found and surveyed (picklable, for workers)."""

    config: Config
    form: records.Form
    fields: tuple[str, ...]  # JSONL keys, or CSV column names
    columns: tuple[int, ...]  # CSV: the indexes of `fields` in the header
    delimiter: str
    labels: tuple[str, ...]  # the source label of each field


def run_report(args: argparse.Namespace) -> int:
    if len(args.delimiter) != 1 or args.delimiter in '"\r\n':
        raise options.UsageError("arnorm report: error: --delimiter must be one character")
    config = options.build_config(
        args, defaults={} if args.preset == "none" else {"html_tags": True}
    )
    options.warn_inactive(args, config)
    try:
        survey = _merged(args.paths) if args.merge else _surveyed(args, config)
    except InputError as error:
        print(error, file=sys.stderr)
        return 2
    except OSError as error:
        print(f"{error.filename}: {error.strerror or error}", file=sys.stderr)
        return 2
    output = args.output or (None if args.json else "report.html")
    if args.json:
        data = json.dumps(survey.to_json(), ensure_ascii=False, indent=1)
        with open_output(args.json) as sink:
            sink.write((data + "\n").encode("utf-8"))
    if output:
        with open_output(output) as sink:
            sink.write(render(survey, config).encode("utf-8"))
    print(
        f"arnorm report: {survey.documents:,} documents, {survey.findings:,} findings"
        + (f" -> {output}" if output else ""),
        file=sys.stderr,
    )
    return 0


def _merged(paths: list[str]) -> Survey:
    survey = Survey()
    for path in paths:
        try:
            data = json.loads(Path(path).read_text("utf-8"))
            survey.merge(Survey.from_json(data))
        except (ValueError, UnicodeDecodeError) as error:
            raise InputError(
                f"{path}: not a survey saved by arnorm report --json ({error})"
            ) from None
    return survey


def _surveyed(args: argparse.Namespace, config: Config) -> Survey:
    survey = Survey(config=_describe(args))
    enabled = sys.stderr.isatty() if args.progress is None else args.progress
    for path in args.paths:
        try:
            survey.merge(_survey_path(path, args, config, enabled))
        except InputError as error:
            message = str(error)
            raise InputError(
                message if message.startswith(path) else f"{path}: {message}"
            ) from None
        survey.inputs.append(path)
    return survey


def _survey_path(path: str, args: argparse.Namespace, config: Config, enabled: bool) -> Survey:
    with _open(path) as source:
        reader = Reader(source, CHUNK_BYTES, args.max_line_bytes)
        task = _task(args, config, path, reader)
        if args.sample:
            return _sampled(source, task, args, path, reader.line)
        with progress.bar(input_size(source), enabled) as bar:
            return _survey_input(reader, task, args, path, bar)


def _describe(args: argparse.Namespace) -> str:
    preset = args.preset or "clean"
    sample = f", a sample of {args.sample:,} per input (seed {args.seed})" if args.sample else ""
    return f"preset {preset}{sample}"


def _task(args: argparse.Namespace, config: Config, path: str, reader: Reader) -> Task:
    form: records.Form = (
        "jsonl" if args.jsonl else "csv" if args.csv else "text" if args.text else _form_of(path)
    )
    fields: tuple[str, ...] = ("line",)
    columns: tuple[int, ...] = ()
    if form == "jsonl":
        fields = tuple(args.field or ["text"])
    elif form == "csv":
        fields, columns = _header(reader, args)
    name = path if len(args.paths) == 1 else os.path.basename(path)
    labels = tuple(f"{name}:{f}" if len(fields) > 1 else name for f in fields)
    return Task(config, form, fields, columns, args.delimiter, labels)


def _form_of(path: str) -> records.Form:
    suffix = Path(path).suffix.lower()
    return "jsonl" if suffix in (".jsonl", ".ndjson") else "csv" if suffix == ".csv" else "text"


def _header(reader: Reader, args: argparse.Namespace) -> tuple[tuple[str, ...], tuple[int, ...]]:
    wanted = args.column or ["text"]
    names = header_names(reader.header(args.delimiter), args.delimiter, wanted)
    pairs = sorted((names.index(c), c) for c in dict.fromkeys(wanted))
    return tuple(c for _, c in pairs), tuple(i for i, _ in pairs)


def _survey_input(
    reader: Reader, task: Task, args: argparse.Namespace, path: str, bar: progress.Bar
) -> Survey:
    job = records.Job(form=task.form, delimiter=task.delimiter)
    chunks = ((chunk.data, chunk.line, chunk.byte) for chunk in reader.chunks(job))
    surveys = map_in_order(chunks, args.jobs, _ChunkSurveyor(task, path))
    total = Survey()
    for partial, size in surveys:
        total.merge(partial)
        bar.update(size)
    return total


Block = tuple[bytes, int, int]  # data, number of its first line, offset of its first byte


class _ChunkSurveyor:
    """Surveys the chunks of one input with one Surveyor, which remembers the examples it has
    kept in all its surveys. Its copy in a worker process surveys with that process's Surveyor
    for the config, made once for the life of the pool (not once per chunk)."""

    def __init__(self, task: Task, path: str) -> None:
        self.task, self.path = task, path
        self.surveyor: Surveyor | None = None  # made on first use: not in a pool's parent

    def __getstate__(self) -> tuple[Task, str]:
        return self.task, self.path

    def __setstate__(self, state: tuple[Task, str]) -> None:
        self.task, self.path = state
        self.surveyor = _surveyor(self.task.config)

    def __call__(self, block: Block) -> tuple[Survey, int]:
        if self.surveyor is None:
            self.surveyor = Surveyor(self.task.config)
        return _survey_block(self.task, block, self.path, self.surveyor), len(block[0])


_SURVEYORS: dict[Config, Surveyor] = {}  # a worker process's Surveyor for each config


def _surveyor(config: Config) -> Surveyor:
    if config not in _SURVEYORS:
        _SURVEYORS[config] = Surveyor(config)
    return _SURVEYORS[config]


def _survey_block(
    task: Task, block: Block, path: str, surveyor: Surveyor, survey: Survey | None = None
) -> Survey:
    """The documents of one chunk added to `survey` (a new one by default)."""
    survey = Survey() if survey is None else survey
    for label, line, text in _documents(task, block, path):
        surveyor.add(survey, text, label, f"line {line}")
    return survey


def _documents(task: Task, block: Block, path: str) -> Iterator[tuple[str, int, str]]:
    """(source label, line number, text) of each document of a chunk."""
    data, first, byte = block
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not valid UTF-8 at byte {byte + error.start}") from None
    if task.form == "csv":
        yield from _csv_documents(task, text, first, path)
        return
    for index, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        if task.form == "text":
            yield task.labels[0], first + index, line.removesuffix("\r")
            continue
        try:
            values = {
                key: value
                for key, _, _, value in records.object_members(line)
                if key in task.fields and isinstance(value, str)
            }
        except ValueError as error:
            raise InputError(f"{path}: line {first + index}: invalid JSON: {error}") from None
        for field, label in zip(task.fields, task.labels, strict=True):
            if field in values:
                yield label, first + index, values[field]


def _csv_documents(task: Task, text: str, first: int, path: str) -> Iterator[tuple[str, int, str]]:
    for raw, line in _csv_records(text, task, first, path):
        body, _ = records.split_record(raw)
        spans = records.cells(body, task.delimiter)
        for column, label in zip(task.columns, task.labels, strict=True):
            if column < len(spans):
                value = records.unquote(body[slice(*spans[column])])
                if value.strip():
                    yield label, line, value


def _csv_records(data: AnyStr, task: Task, first: int, path: str) -> Iterator[tuple[AnyStr, int]]:
    """:func:`records.csv_records`, with its error as an input error that names the file."""
    try:
        yield from records.csv_records(data, task.delimiter, first)
    except records.RecordError as error:
        line, message = error.args
        raise InputError(f"{path}: line {line}: {message}") from None


# --- sampling ------------------------------------------------------------------------------


def _sampled(
    source: BinaryIO, task: Task, args: argparse.Namespace, path: str, line: int
) -> Survey:
    """The survey of `args.sample` records drawn at random from the input: a seekable file
    is read twice (to count its records, then to take the drawn ones), a stream once with a
    reservoir of the records drawn so far."""
    rng = random.Random(args.seed)
    surveyor = Surveyor(task.config)
    start = source.tell() if source.seekable() else None
    if start is None:
        taken: list[tuple[bytes, int]] = []
        count = 0
        for count, item in enumerate(_records(_blocks(source, task, args, line), task, path), 1):
            if len(taken) < args.sample:
                taken.append(item)
            elif (slot := rng.randrange(count)) < args.sample:
                taken[slot] = item
        taken.sort(key=lambda item: item[1])
    else:
        count = sum(1 for _ in _records(_blocks(source, task, args, line), task, path))
        drawn = set(rng.sample(range(count), min(args.sample, count)))
        source.seek(start)
        every = _records(_blocks(source, task, args, line), task, path)
        taken = [item for index, item in enumerate(every) if index in drawn]
    survey = Survey(sampled=count)
    for data, line in taken:
        _survey_block(task, (data, line, 0), path, surveyor, survey)
    return survey


def _blocks(source: BinaryIO, task: Task, args: argparse.Namespace, line: int) -> Iterator[Block]:
    reader = Reader(source, CHUNK_BYTES, args.max_line_bytes)
    reader.line = line
    job = records.Job(form=task.form, delimiter=task.delimiter)
    return ((chunk.data, chunk.line, chunk.byte) for chunk in reader.chunks(job))


def _records(chunks: Iterator[Block], task: Task, path: str) -> Iterator[tuple[bytes, int]]:
    """Each record of the input as bytes, with its line number."""
    for data, first, _ in chunks:
        if task.form == "csv":
            yield from _csv_records(data, task, first, path)
            continue
        for index, line_bytes in enumerate(data.split(b"\n")):
            if line_bytes.strip():
                yield line_bytes, first + index


# --- files ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _open(path: str) -> Iterator[BinaryIO]:
    if path == "-":
        yield sys.stdin.buffer
        return
    if Path(path).is_dir():
        raise InputError(f"{path}: is a directory (give the files)")
    with open(path, "rb") as stream:
        yield stream
