"""What ``arnorm report`` runs: the documents of its inputs found, profiled and added to a
:class:`~arnorm.report.survey.Survey`, in chunks (in ``--jobs`` processes), as a sample, or
merged from saved surveys. Imported when the command runs (see :mod:`arnorm.cli.report`)."""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import AnyStr, BinaryIO

from arnorm.cli import progress, records
from arnorm.cli.clean import CHUNK_BYTES, Reader, input_size, open_input, wanted_columns
from arnorm.cli.pool import map_in_order
from arnorm.cli.textfile import InputError
from arnorm.config import Config
from arnorm.report.survey import Survey, Surveyor


@dataclass(frozen=True)
class Task:
    """How the documents of one input are found and surveyed (picklable, for workers)."""

    config: Config
    form: records.Form
    fields: tuple[str, ...]  # JSONL keys, or CSV column names
    columns: tuple[int, ...]  # CSV: the indexes of `fields` in the header
    delimiter: str
    labels: tuple[str, ...]  # the source label of each field


def merged(paths: list[str]) -> Survey:
    """The saved surveys at `paths` (``--merge``) as one."""
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


def surveyed(args: argparse.Namespace, config: Config) -> Survey:
    """The survey of the inputs of `args` under `config`."""
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
    with open_input(path) as source:
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
    header = reader.header(args.delimiter)
    pairs = wanted_columns(header, args.delimiter, args.column or ["text"])
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


@functools.cache
def _surveyor(config: Config) -> Surveyor:
    """A worker process's Surveyor for each config."""
    return Surveyor(config)


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
