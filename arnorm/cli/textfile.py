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
import hashlib
import os
import re
import stat
import tempfile
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

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
    def decode(cls, data: bytes, start: int = 0) -> TextFile:
        """Decode UTF-8 `data`, or raise :class:`InputError` naming the first bad byte.

        `start` is where `data` begins in its file (a chunk of a streamed file): only at 0
        is a byte order mark one, and error positions count from the file's start.
        """
        bom = start == 0 and data.startswith(BOM)
        try:
            original = data[len(BOM) if bom else 0 :].decode("utf-8")
        except UnicodeDecodeError as error:
            at = start + error.start + 3 * bom
            raise InputError(f"not valid UTF-8 at byte {at}") from None
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


@dataclass(frozen=True)
class Snapshot:
    """What a file was when it was read: a later write checks that it still is."""

    device: int
    inode: int
    size: int
    digest: bytes

    @classmethod
    def of(cls, info: os.stat_result, data: bytes) -> Snapshot:
        digest = hashlib.blake2b(data, digest_size=16).digest()
        return cls(info.st_dev, info.st_ino, info.st_size, digest)


def read_bytes(path: Path, limit: int) -> tuple[bytes, Snapshot]:
    """The bytes of `path` and a snapshot of it, refusing files larger than `limit` (they are
    for ``clean``) and anything that is not a regular file (a device or a pipe may never end)."""
    with open(path, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file")
        if info.st_size > limit:
            raise InputError(
                f"{info.st_size:,} bytes is over the {limit:,}-byte limit of check and fix"
                " (raise --max-file-bytes, or stream it with `arnorm clean`)"
            )
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"grew over the {limit:,}-byte limit of check and fix while read")
    return data, Snapshot.of(info, data)


def write_atomic(path: Path, data: bytes, read: Snapshot | None = None) -> None:
    """Replace the file at `path` with `data`: a temporary file in the same folder, renamed.

    A crash or Ctrl-C leaves the old file or the new one, never half of one. The new file
    keeps the old one's mode bits, owner, group and extended attributes (ACLs included, where
    the file system has them); a symbolic link keeps pointing at the (replaced) file. Refused
    with an :class:`InputError`, the file untouched: a read-only file, a file with several
    hard links (a rename would leave the other names on the old text), a file whose owner
    this user cannot give the new file, and -- given `read`, the :class:`Snapshot` taken when
    it was read -- a file that changed since (another run or an editor wrote it: writing now
    would lose that change), or that another process holds locked while writing it.
    """
    with _opened_to_replace(path) as (target, current, info):
        if read is not None and (_replaced(target, info) or _changed(current, info, read)):
            raise InputError(
                "changed since it was read (by another run or an editor?); not written,"
                " run arnorm fix again"
            )
        with _replacement(target, info) as stream:
            stream.write(data)


@contextlib.contextmanager
def _opened_to_replace(path: Path) -> Iterator[tuple[Path, BinaryIO, os.stat_result]]:
    """The file at `path` (links resolved) open for reading, its status, checked writable
    and locked until the block ends: where :func:`write_atomic` and :func:`rewriting` both
    start, so that neither can skip a check the other makes."""
    target = path.resolve()
    with open(target, "rb") as current:
        info = os.fstat(current.fileno())
        _check_writable(target, info)
        _lock(current)
        yield target, current, info


def _replacement(target: Path, info: os.stat_result) -> AtomicWriter:
    """The writer of the new `target`, which takes the mode, owner and extended attributes
    of the old one (`info`)."""
    return AtomicWriter(target, stat.S_IMODE(info.st_mode), like=info)


class Rewrite:
    """A file being rewritten in a stream (see :func:`rewriting`): read `source`, write the
    new bytes; the file is replaced only if they differ from what was read."""

    def __init__(self, source: BinaryIO, writer: AtomicWriter) -> None:
        self.source, self.writer, self.changed = source, writer, False

    def write(self, old: bytes, new: bytes) -> None:
        """Write `new`, the rewrite of the `old` bytes of the source."""
        self.changed = self.changed or new != old
        self.writer.write(new)


@contextlib.contextmanager
def rewriting(path: Path) -> Iterator[Rewrite]:
    """Rewrite the file at `path` as a stream, with the guarantees of :func:`write_atomic`.

    The file is read through the descriptor it was checked and locked on; if it changed
    under that descriptor (an editor writing in place) or was replaced meanwhile, nothing is
    written. An unchanged file is left as it was (not even its time stamp moves).
    """
    with (
        _opened_to_replace(path) as (target, current, info),
        _replacement(target, info) as writer,
    ):
        rewrite = Rewrite(current, writer)
        yield rewrite
        if not rewrite.changed:
            writer.abandon()
            return
        now = os.fstat(current.fileno())
        if (now.st_size, now.st_mtime_ns) != (info.st_size, info.st_mtime_ns) or _replaced(
            target, info
        ):
            raise InputError("changed while it was fixed; not written, run arnorm fix again")


def _check_writable(target: Path, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file, not changed")
    mode = stat.S_IMODE(info.st_mode)
    if not mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise InputError("read-only file, not changed")
    if info.st_nlink > 1:
        raise InputError(
            f"has {info.st_nlink} hard links, and replacing it would leave the others on the"
            " old text; not changed (fix it with `arnorm check --diff | patch`)"
        )


def _lock(stream: BinaryIO) -> None:
    """Hold an advisory lock on the open file until it is closed: two ``arnorm fix`` runs on
    one file cannot both replace it (the second is told, and changes nothing)."""
    try:
        import fcntl
    except ImportError:  # no advisory locks on this system: the snapshot check remains
        return
    try:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise InputError("another process is writing it; not changed, run again") from None


def _replaced(target: Path, info: os.stat_result) -> bool:
    """Whether `target` no longer names the file opened as `info`: another run renamed its
    new text over it after this one opened it (and let go of its lock before this one took
    it, so the lock alone does not tell)."""
    there = os.stat(target)
    return (there.st_dev, there.st_ino) != (info.st_dev, info.st_ino)


def _changed(current: BinaryIO, info: os.stat_result, read: Snapshot) -> bool:
    if (info.st_dev, info.st_ino, info.st_size) != (read.device, read.inode, read.size):
        return True
    return Snapshot.of(info, current.read()).digest != read.digest


def new_file_mode() -> int:
    """The mode a new file gets here: 0o666 less the umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


#: The temporary files of :class:`AtomicWriter`: ``.NAME.arnorm-PID-XXXXXXXX.tmp``. Walks skip
#: them, and a later write to NAME removes those of processes that are gone.
TEMPORARY = re.compile(r"\..+\.arnorm-(?P<pid>\d+)-\w+\.tmp")


def is_temporary(name: str) -> bool:
    """Whether `name` is one of arnorm's temporary files.

    >>> is_temporary(".notes.md.arnorm-4242-k2j4h1xz.tmp"), is_temporary("notes.md")
    (True, False)
    """
    return TEMPORARY.fullmatch(name) is not None


def remove_stale(target: Path) -> None:
    """Remove the temporary files for `target` that a killed arnorm left (owned by this user,
    named after a process that no longer runs)."""
    prefix = f".{target.name}.arnorm-"
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            if not entry.name.startswith(prefix):  # most of a folder: no regex run on it
                continue
            match = TEMPORARY.fullmatch(entry.name)
            if match is None:
                continue
            if _is_running(int(match.group("pid"))):
                continue
            with contextlib.suppress(OSError):
                if entry.stat(follow_symlinks=False).st_uid == os.getuid():
                    os.unlink(entry.path)


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


class AtomicWriter:
    """A file written under a temporary name next to `target`, renamed onto it at the end.

    Used as a context manager: a clean exit commits (flush, fsync, chmod to `mode`, owner and
    extended attributes of `like`, rename); an exception, Ctrl-C included, deletes the
    temporary file and leaves `target` as it was. Failures name `target`, never the
    temporary file.
    """

    def __init__(self, target: Path, mode: int, like: os.stat_result | None = None) -> None:
        remove_stale(target)
        try:
            fd, name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.arnorm-{os.getpid()}-", suffix=".tmp"
            )
        except OSError as error:
            where = "" if target.parent.is_dir() else " (its folder does not exist)"
            raise OSError(error.errno, f"{error.strerror}{where}", str(target)) from None
        self._temporary = name
        self._stream = os.fdopen(fd, "wb")
        self._target = target
        self._mode = mode
        self._like = like
        self._abandoned = False

    def write(self, data: bytes) -> None:
        try:
            self._stream.write(data)
        except OSError as error:
            raise OSError(error.errno, error.strerror, str(self._target)) from None

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if self._abandoned:
            return
        if kind is None:
            self._commit()
        else:
            self._discard()

    def abandon(self) -> None:
        """Delete the temporary file and leave the target as it is."""
        self._discard()
        self._abandoned = True

    def _commit(self) -> None:
        try:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            if self._like is not None:
                self._keep_owner(self._like)
                copy_extended_attributes(self._target, self._stream.fileno())
            self._stream.close()
            os.chmod(self._temporary, self._mode)
            os.replace(self._temporary, self._target)
        except OSError as error:
            self._discard()
            if error.filename is not None and error.filename != self._temporary:
                raise
            raise OSError(error.errno, error.strerror, str(self._target)) from None
        except BaseException:
            self._discard()
            raise

    def _keep_owner(self, like: os.stat_result) -> None:
        """Give the temporary file the owner and group of the file it replaces, or refuse."""
        mine = os.fstat(self._stream.fileno())
        if (mine.st_uid, mine.st_gid) == (like.st_uid, like.st_gid):
            return
        try:
            os.fchown(self._stream.fileno(), like.st_uid, like.st_gid)
        except PermissionError:
            raise InputError(
                f"owned by user {like.st_uid} and group {like.st_gid}, which this user cannot"
                " give the rewritten file; not changed"
            ) from None

    def _discard(self) -> None:
        self._stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self._temporary)


def copy_extended_attributes(source: Path, fd: int) -> None:
    """Copy the extended attributes of `source` (ACLs, SELinux labels, user data) onto the
    open file `fd`, each where this system and user can; the others are left behind."""
    listxattr = getattr(os, "listxattr", None)
    if listxattr is None:
        return
    try:
        names = listxattr(source)
    except OSError:
        return
    for name in names:
        with contextlib.suppress(OSError):
            os.setxattr(fd, name, os.getxattr(source, name))
