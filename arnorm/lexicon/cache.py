"""A local copy of wordfreq's list in a form that loads fast, kept in the user's cache folder.

Reading wordfreq's list costs a fresh process about a quarter of a second before the
dictionary is built: importing wordfreq (it imports langcodes, ftfy and regex: about 0.1 s)
and decoding its gzipped msgpack file (about 0.12 s). Every ``arnorm check`` of a pre-commit
hook and every worker of a parallel run pays it. So the first process that reads the list
through wordfreq's API also writes its words, bucket by bucket, as plain UTF-8 text to the
cache folder; later processes read that file (one decode and one split, about 0.05 s) and
never import wordfreq. This is what jieba does with its dictionary.

The copy stays on the user's machine, next to the wordfreq it was read from (CC BY-SA 4.0,
like the list); nothing of it is in arnorm. It is keyed by the path, size and modification
time of wordfreq's data file and by this module's format, so each wordfreq install has its own
copy and upgrading wordfreq writes a new one (copies unread for :data:`STALE_DAYS` days are
removed when another is written). A copy that does not match, or cannot be read whole, is
ignored (and rewritten); a folder that cannot be written leaves the list read through the API
every time.

The folder is ``$ARNORM_CACHE_DIR``, else ``$XDG_CACHE_HOME/arnorm``, else
``~/.cache/arnorm``; ``ARNORM_CACHE_DIR=off`` (or empty) turns the copy off.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import tempfile
import time
import zlib
from collections.abc import Sequence
from pathlib import Path

#: The first line of a copy, before its stamp and bucket sizes: a change of layout changes it.
FORMAT = "arnorm-wordlist/1"
#: A copy unread for this many days is removed when another copy of its list is written (a
#: copy that is read is touched, so its age is that of its last use).
STALE_DAYS = 30
_OFF = ("", "0", "off", "no", "false")


def cache_dir() -> Path | None:
    """The cache folder, or None when the copy is turned off (or there is no home folder).

    >>> import os
    >>> before = os.environ.get("ARNORM_CACHE_DIR")
    >>> os.environ["ARNORM_CACHE_DIR"] = "off"
    >>> cache_dir() is None
    True
    >>> if before is None:
    ...     del os.environ["ARNORM_CACHE_DIR"]
    ... else:
    ...     os.environ["ARNORM_CACHE_DIR"] = before
    """
    given = os.environ.get("ARNORM_CACHE_DIR")
    if given is not None:
        return None if given.strip().lower() in _OFF else Path(given)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "arnorm"
    try:
        return Path.home() / ".cache" / "arnorm"
    except RuntimeError:  # no HOME and no password entry (a bare container)
        return None


def source_stamp(lang: str, wordlist: str) -> str | None:
    """What identifies wordfreq's file for `lang` and `wordlist`: its path, size and
    modification time, found without importing wordfreq; None if it is not where wordfreq
    3 keeps it (then no copy is used)."""
    try:
        spec = importlib.util.find_spec("wordfreq")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "data" / f"{wordlist}_{lang}.msgpack.gz"
        with contextlib.suppress(OSError):
            status = path.stat()
            return f"{path} {status.st_size} {status.st_mtime_ns}"
    return None


def located(lang: str, wordlist: str) -> tuple[Path, str] | None:
    """Where the copy of wordfreq's list for `lang` and `wordlist` is kept, and the stamp it
    must carry; None when copies are off or wordfreq's file is not where it is expected."""
    folder = cache_dir()
    stamp = source_stamp(lang, wordlist) if folder is not None else None
    if folder is None or stamp is None:
        return None
    return copy_path(folder, lang, wordlist, stamp), stamp


def copy_path(folder: Path, lang: str, wordlist: str, stamp: str) -> Path:
    """Where the copy made from the file `stamp` names is kept: one per wordfreq install, so
    that two environments (a project's and its pre-commit hook's) do not overwrite each
    other's copy on every start.

    >>> copy_path(Path("c"), "ar", "large", "x 1 2").name
    'wordfreq-large_ar-d74809a8.txt'
    """
    return folder / f"wordfreq-{wordlist}_{lang}-{zlib.crc32(stamp.encode()):08x}.txt"


def _forget_stale(path: Path) -> None:
    """Remove the copies of the same list beside `path` that no process has read for
    :data:`STALE_DAYS` days (those of an uninstalled or upgraded wordfreq)."""
    prefix = path.name.rsplit("-", 1)[0] + "-"
    limit = time.time() - STALE_DAYS * 86_400
    for other in path.parent.glob(prefix + "*.txt"):
        with contextlib.suppress(OSError):
            if other != path and other.stat().st_mtime < limit:
                other.unlink()


def load(path: Path, stamp: str) -> list[list[str]] | None:
    """The buckets of words in the copy at `path`, or None when it is missing, made from
    another file than `stamp`, or not whole.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "list.txt"
    ...     saved = save(path, "v1", [["في", "من"], [], ["على"]])
    ...     load(path, "v1"), load(path, "v2")
    ([['في', 'من'], [], ['على']], None)
    """
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    header, line_break, body = text.partition("\n")
    fields = header.split("\t")
    if not line_break or len(fields) != 3 or fields[0] != FORMAT or fields[1] != stamp:
        return None
    try:
        sizes = [int(size) for size in fields[2].split(",")]
    except ValueError:
        return None
    words = body.split("\n") if body else []
    if sum(sizes) != len(words) or any(size < 0 for size in sizes):
        return None  # cut short (a full disk), or written by hand
    buckets, start = [], 0
    for size in sizes:
        buckets.append(words[start : start + size])
        start += size
    with contextlib.suppress(OSError):
        os.utime(path)  # in use: not stale
    return buckets


def save(path: Path, stamp: str, buckets: Sequence[Sequence[str]]) -> bool:
    """Write `buckets` to `path` atomically (a temporary file renamed over it); False, and
    nothing written, when a word holds a line break or the folder cannot be written."""
    if any("\n" in word or "\r" in word for bucket in buckets for word in bucket):
        return False
    sizes = ",".join(str(len(bucket)) for bucket in buckets)
    body = "\n".join(word for bucket in buckets for word in bucket)
    data = f"{FORMAT}\t{stamp}\t{sizes}\n{body}".encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".wordlist-", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    _forget_stale(path)
    return True
