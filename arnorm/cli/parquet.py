"""``arnorm clean --parquet``: the text columns of a Parquet file cleaned, one row group at a time.

Memory is bounded by the row groups in flight (one, or ``2 x --jobs`` with a pool), not by the
file. Every other column is copied as it is, the schema (with its metadata), the row order and
the row groups stay, and each column keeps the compression it had. Nulls stay null. The output
is written under a temporary name and renamed at the end, like every output of ``clean``.

pyarrow comes with the ``arnorm[parquet]`` extra and is imported only here.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from arnorm.cli.records import Cleaned, Cleaner, Job
from arnorm.cli.textfile import InputError

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

#: Parquet's codec names as ParquetWriter spells them.
_CODECS = {"UNCOMPRESSED": "none", "LZ4_RAW": "lz4"}


@dataclass(frozen=True)
class Group:
    """The values of the cleaned columns of one row group (what a worker process gets)."""

    job: Job
    columns: tuple[list[str | None], ...]


@dataclass
class CleanedGroup:
    """A row group's cleaned columns, and what changed."""

    columns: tuple[list[str | None], ...]
    result: Cleaned


def clean_group(group: Group) -> CleanedGroup:
    """Each value of each column cleaned; a row is changed when any of its values changed.

    >>> from arnorm.config import CLEAN
    >>> done = clean_group(Group(Job(CLEAN), (["قال\N{NO-BREAK SPACE}الوزير", None, "لا"],)))
    >>> done.columns, done.result.records, done.result.changed
    ((['قال الوزير', None, 'لا'],), 3, 1)
    """
    cleaner = Cleaner(group.job)
    columns = tuple([_value(cleaner, v) for v in column] for column in group.columns)
    rows = len(columns[0]) if columns else 0
    for row in range(rows):
        before = tuple(column[row] for column in group.columns)
        cleaner.record("", "" if before == tuple(column[row] for column in columns) else "*")
    return CleanedGroup(columns, cleaner.result)


def _value(cleaner: Cleaner, value: str | None) -> str | None:
    return None if value is None else cleaner.value(value)


def open_input(name: str) -> pq.ParquetFile:
    """The Parquet file `name`; an InputError if it is not one (stdin cannot be: Parquet is
    read from its end)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if name == "-":
        raise InputError("Parquet is read from a file, not from stdin")
    try:
        return pq.ParquetFile(name)
    except pa.ArrowInvalid as error:
        raise InputError(f"not a Parquet file ({error})") from None


def column_indexes(schema: pa.Schema, wanted: Sequence[str]) -> tuple[int, ...]:
    """The indexes of the `wanted` columns, each of which must exist and hold strings."""
    import pyarrow as pa

    names = schema.names
    for name in wanted:
        if name not in names:
            raise InputError(f"no column {name!r} (the file has: {', '.join(names)})")
        kind = schema.field(name).type
        if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
            raise InputError(f"column {name!r} holds {kind}, not strings")
    return tuple(i for i, name in enumerate(names) if name in wanted)


def groups(source: pq.ParquetFile, job: Job, indexes: tuple[int, ...]) -> Iterator[Group]:
    """The cleaned columns of each row group, in order."""
    for number in range(source.num_row_groups):
        table = source.read_row_group(
            number, columns=[source.schema_arrow.names[i] for i in indexes]
        )
        yield Group(job, tuple(table.column(i).to_pylist() for i in range(len(indexes))))


def compression(source: pq.ParquetFile) -> dict[str, str] | str:
    """Each column's codec as the input's first row group has it (snappy for an empty file)."""
    metadata = source.metadata
    if metadata.num_row_groups == 0:
        return "snappy"
    first = metadata.row_group(0)
    codecs = {}
    for i in range(first.num_columns):
        chunk = first.column(i)
        codecs[chunk.path_in_schema] = _CODECS.get(chunk.compression, chunk.compression.lower())
    return codecs


class Stream(io.RawIOBase):
    """A write-only file object over `sink` (what pyarrow's writer needs: write, tell)."""

    def __init__(self, sink: Any) -> None:
        super().__init__()
        self.sink, self.position = sink, 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        size = len(data)
        self.sink.write(bytes(data))
        self.position += size
        return size

    def tell(self) -> int:
        return self.position


def write(
    source: pq.ParquetFile,
    sink: Any,
    indexes: tuple[int, ...],
    results: Iterator[CleanedGroup],
) -> Iterator[Cleaned]:
    """Write each row group with its cleaned columns put back; yield what each one changed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = source.schema_arrow
    stream = Stream(sink)
    try:
        writer = pq.ParquetWriter(stream, schema, compression=compression(source))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as error:
        raise InputError(f"cannot write this schema as Parquet ({error})") from None
    kept_columns = _kept_reader(source, indexes)
    with writer:
        for number, done in enumerate(results):
            columns = dict(zip(indexes, done.columns, strict=True))
            kept = iter(kept_columns(number))
            arrays = [
                pa.array(columns[i], type=field.type) if i in columns else next(kept)
                for i, field in enumerate(schema)
            ]
            table = pa.Table.from_arrays(arrays, schema=schema)
            writer.write_table(table, row_group_size=max(table.num_rows, 1))
            done.result.size = source.metadata.row_group(number).total_byte_size
            yield done.result


def _kept_reader(
    source: pq.ParquetFile, indexes: tuple[int, ...]
) -> Callable[[int], list[pa.ChunkedArray]]:
    """The reader of the columns of a row group that are not cleaned, in order: by name, so
    that the cleaned ones (already read by :func:`groups`) are not read and decoded again. A
    name picks out all the columns so named, and those nested under it: when the columns read
    are not the ones wanted (duplicate or dotted names, a fact of the schema found on the
    first row group), whole row groups are read."""
    import pyarrow as pa

    schema = source.schema_arrow
    kept = [i for i in range(len(schema.names)) if i not in indexes]
    wanted = pa.schema([schema.field(i) for i in kept])
    names = list(dict.fromkeys(wanted.names))
    by_name = True

    def read(number: int) -> list[pa.ChunkedArray]:
        nonlocal by_name
        if by_name:
            table = source.read_row_group(number, columns=names)
            if table.schema.equals(wanted):
                return list(table.columns)
            by_name = False
        whole = source.read_row_group(number)
        return [whole.column(i) for i in kept]

    return read


def size(source: pq.ParquetFile) -> int:
    """The bytes of all row groups, uncompressed (what the progress bar counts)."""
    metadata = source.metadata
    return sum(metadata.row_group(i).total_byte_size for i in range(metadata.num_row_groups))
