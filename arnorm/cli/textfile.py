r"""A text file as the rules see it, and back to its exact bytes.

Rules see text with line feeds. A file is decoded as strict UTF-8; its byte order mark is set
aside, and its CRLF line ends become line feeds for the rules. Edits found on that text are
mapped back onto the file as it was, so a CRLF file keeps its CRLFs, a mixed file keeps each
line's own ending, and a line feed that a rule inserts takes the ending of the text it replaces
(or the file's usual ending). Lines and columns count characters from 1.

>>> from arnorm.edits import Edit
>>> file = TextFile.decode(b"\xef\xbb\xbfab\r\ncd\xc2\xa0e\r\n")
>>> file.text
'ab\ncd\xa0e\n'
>>> file.position(5)
(2, 3)
>>> file.encode([Edit(5, 6, " ", "AR104")])
b'\xef\xbb\xbfab\r\ncd e\r\n'
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import os
import re
import stat
import tempfile
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from arnorm.edits import Edit, apply_edits

BOM = codecs.BOM_UTF8


class InputError(Exception):
    """An input that cannot be processed; the message is for the user (after ``path: ``)."""


@dataclass(frozen=True)
class TextFile:
    """A decoded file: `original` is its text after the BOM, `text` what the rules see.

    `crlf` lists the positions in `text` of the line feeds that were CRLF in the file.
    """

    bom: bool
    original: str
    text: str
    crlf: tuple[int, ...]

    @classmethod
    def decode(cls, data: bytes) -> TextFile:
        """Decode UTF-8 `data`, or raise :class:`InputError` naming the first bad byte."""
        bom = data.startswith(BOM)
        try:
            original = data[len(BOM) if bom else 0 :].decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(f"not valid UTF-8 at byte {error.start + 3 * bom}") from None
        if "\r\n" not in original:
            return cls(bom, original, original, ())
        crlf = tuple(m.start() - i for i, m in enumerate(re.finditer("\r\n", original)))
        return cls(bom, original, original.replace("\r\n", "\n"), crlf)

    def offset(self, position: int) -> int:
        """The character offset in the decoded file (BOM included) of a position in `text`."""
        return position + bisect_left(self.crlf, position) + self.bom

    def position(self, position: int) -> tuple[int, int]:
        """The line and column (both from 1) of a position in `text`."""
        line = bisect_right(self._line_starts, position)
        return line, position - self._line_starts[line - 1] + 1

    @functools.cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(m.end() for m in re.finditer("\n", self.text))]

    def encode(self, edits: Sequence[Edit]) -> bytes:
        """The file's bytes with `edits` (on `text`) applied, line ends and BOM kept."""
        mapped = [self._on_original(edit) for edit in edits if edit.replacement is not None]
        fixed = apply_edits(self.original, mapped)
        return (BOM if self.bom else b"") + fixed.encode("utf-8")

    def render(self, edits: Sequence[Edit]) -> str:
        """The decoded file with `edits` applied (for diffs)."""
        return self.encode(edits)[len(BOM) * self.bom :].decode("utf-8")

    def _on_original(self, edit: Edit) -> Edit:
        start, end = self.offset(edit.start) - self.bom, self.offset(edit.end) - self.bom
        replacement = edit.replacement or ""
        if self.crlf and "\n" in replacement:
            replacement = replacement.replace("\n", self._newline(start, end))
        return Edit(start, end, replacement, edit.code, edit.safe)

    def _newline(self, start: int, end: int) -> str:
        """The line ending that an inserted line feed takes in ``original[start:end]``."""
        span = self.original[start:end]
        lone = span.count("\n") - span.count("\r\n")
        if "\n" in span:
            return "\n" if lone else "\r\n"
        lines = self.text.count("\n")
        return "\r\n" if 2 * len(self.crlf) >= lines else "\n"


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of `path`, refusing files larger than `limit` (they are for ``clean``) and
    anything that is not a regular file (a device or a pipe may never end)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file")
    size = info.st_size
    if size > limit:
        raise InputError(
            f"{size:,} bytes is over the {limit:,}-byte limit of check and fix"
            " (raise --max-file-bytes, or stream it with `arnorm clean`)"
        )
    return path.read_bytes()


def write_atomic(path: Path, data: bytes) -> None:
    """Replace the file at `path` with `data`: a temporary file in the same folder, renamed.

    A crash or Ctrl-C leaves the old file or the new one, never half of one. The mode bits
    are kept, a symbolic link keeps pointing at the (replaced) file, and a read-only file is
    an :class:`InputError`.
    """
    target = path.resolve()
    info = target.stat()
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file, not changed")
    mode = stat.S_IMODE(info.st_mode)
    if not mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise InputError("read-only file, not changed")
    write_new(target, data, mode)


def write_new(target: Path, data: bytes, mode: int) -> None:
    """Write `data` to a temporary file next to `target`, then rename it onto `target`."""
    with AtomicWriter(target, mode) as stream:
        stream.write(data)


def new_file_mode() -> int:
    """The mode a new file gets here: 0o666 less the umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


class AtomicWriter:
    """A file written under a temporary name next to `target`, renamed onto it at the end.

    Used as a context manager: a clean exit commits (flush, fsync, chmod to `mode`, rename);
    an exception, Ctrl-C included, deletes the temporary file and leaves `target` as it was.
    """

    def __init__(self, target: Path, mode: int) -> None:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        self._temporary = name
        self._stream = os.fdopen(fd, "wb")
        self._target = target
        self._mode = mode

    def write(self, data: bytes) -> None:
        self._stream.write(data)

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self._commit()
        else:
            self._discard()

    def _commit(self) -> None:
        try:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()
            os.chmod(self._temporary, self._mode)
            os.replace(self._temporary, self._target)
        except BaseException:
            self._discard()
            raise

    def _discard(self) -> None:
        self._stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self._temporary)
