"""Which files to check: paths walked into files, filtered by include and exclude globs.

Files named on the command line are always checked. Folders are walked recursively (their files
in sorted order), skipping the default excludes (version control, virtual environments, caches,
node_modules) or the ``exclude`` globs that replace them, plus ``extend-exclude``, and keeping
only the files that match ``include`` when it is given.

Globs are matched against the path relative to the project root (the folder of the
configuration file, else the current folder). A glob without a slash matches any single
component (``node_modules``, ``*.min.md``); one with a slash is anchored at the root and may
use ``**`` for any number of folders (``docs/legacy/**``).

>>> matches("*.md", "docs/guide.md"), matches("docs/**/*.md", "docs/a/b/guide.md")
(True, True)
>>> matches("legacy", "docs/legacy/old.txt"), matches("docs/*.md", "notes/docs/x.md")
(True, False)
"""

from __future__ import annotations

import errno
import fnmatch
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from arnorm.cli.textfile import is_temporary

#: Folders never walked into unless ``exclude`` replaces this list (ruff's list, trimmed).
DEFAULT_EXCLUDES: tuple[str, ...] = (
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".hg",
    ".mypy_cache",
    ".nox",
    ".pytest_cache",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    "__pycache__",
    "__pypackages__",
    "node_modules",
    "site-packages",
    "venv",
)


@dataclass(frozen=True)
class Filters:
    """Where globs are relative to, and which walked files to keep."""

    root: Path
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES

    def excluded(self, path: Path) -> bool:
        relative = relative_to(path, self.root)
        return any(matches(glob, relative) for glob in self.exclude)

    def included(self, path: Path) -> bool:
        relative = relative_to(path, self.root)
        return not self.include or any(matches(glob, relative) for glob in self.include)


def relative_to(path: Path, root: Path) -> str:
    """`path` relative to `root` with forward slashes, or absolute when it is outside."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, root)
    return Path(absolute if relative.startswith("..") else relative).as_posix()


def matches(glob: str, path: str) -> bool:
    """Whether `glob` matches the relative `path` or one of the folders it is in.

    A glob with a slash is matched folder by folder: the set of places in `path` that the
    glob's segments so far can reach is carried from segment to segment, and ``**`` reaches
    every place from the first it is given (a final ``**`` one more: ``docs/**`` matches what
    is in docs, not docs itself). That is at most (segments x folders) matches of
    one name against one segment, whatever the glob (a regular expression built from
    ``**/**/**/...`` backtracks exponentially). A ``**`` inside a segment (``a**b``) is a
    ``*``: it does not span folders.
    """
    glob = glob.strip().removeprefix("./").rstrip("/")
    parts = path.split("/")
    if "/" not in glob:
        return any(fnmatch.fnmatchcase(part, glob) for part in parts)
    reach = {0}
    segments = glob.lstrip("/").split("/")
    for number, segment in enumerate(segments, 1):
        if segment == "**":  # any folders; at the end, something in them (not the folder)
            reach = set(range(min(reach) + (number == len(segments)), len(parts) + 1))
        else:
            reach = {i + 1 for i in reach if i < len(parts) and _segment_matches(parts[i], segment)}
        if not reach:
            return False
    return max(reach) >= 1


def _segment_matches(name: str, segment: str) -> bool:
    """Whether a file or folder name matches one segment of a glob (``*`` stays in it)."""
    return fnmatch.fnmatchcase(name, re.sub(r"\*{2,}", "*", segment))


def is_virtual_environment(folder: Path) -> bool:
    """A Python virtual environment has a pyvenv.cfg, whatever the folder is called."""
    return (folder / "pyvenv.cfg").is_file()


def expand(
    paths: Sequence[str],
    filters: Filters,
    errors: list[str],
    notes: list[str] | None = None,
    seen: set[tuple[int, int]] | None = None,
) -> Iterator[Path]:
    """The files to check for `paths`: files as they are, folders walked.

    Symbolic links are not followed out of their root (the project root for a named file, the
    folder for a walked one): they are left with a note in `notes`. A file reached twice (a
    link inside the tree to a file inside it, a hard link) is checked once: `seen` holds the
    (device, inode) of the files given so far. A path that does not exist, or a loop of
    links, is reported in `errors`.
    """
    notes = [] if notes is None else notes
    seen = set() if seen is None else seen
    for name in paths:
        path = Path(name)
        problem = _unreadable(path)
        if problem is not None:
            errors.append(f"{name}: {problem}")
        elif path.is_dir():
            yield from _walk(path, filters, errors, notes, seen)
        elif _escapes(path, filters.root, notes) or not _first_time(path, seen):
            continue
        else:
            yield path


def _unreadable(path: Path) -> str | None:
    """Why `path` cannot be read at all (missing, a loop of links), or None."""
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop (too many levels of symbolic links)"
        if path.is_symlink():
            return f"symbolic link to nothing ({os.readlink(path)})"
        return error.strerror or str(error)
    return None


def _escapes(path: Path, root: Path, notes: list[str]) -> bool:
    """Whether `path` is a symbolic link to something outside `root` (noted)."""
    if not path.is_symlink():
        return False
    real, real_root = os.path.realpath(path), os.path.realpath(root)
    if os.path.commonpath([real, real_root]) == real_root:
        return False
    notes.append(f"{path}: skipped: symbolic link to {real}, outside {real_root}")
    return True


def _first_time(path: Path, seen: set[tuple[int, int]]) -> bool:
    info = path.stat()
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(
    top: Path,
    filters: Filters,
    errors: list[str],
    notes: list[str],
    seen: set[tuple[int, int]],
) -> Iterator[Path]:
    """The files under `top`, in sorted order; links to folders are not walked into, and
    files reached through a link come after the files themselves (so a file is named by
    its own path when both are in the tree)."""
    files: list[Path] = []
    links: list[Path] = []
    for folder, dirs, names in os.walk(top):
        here = Path(folder)
        dirs[:] = sorted(
            d
            for d in dirs
            if not filters.excluded(here / d) and not is_virtual_environment(here / d)
        )
        for name in sorted(names):
            path = here / name
            if is_temporary(name) or filters.excluded(path) or not filters.included(path):
                continue
            if path.is_symlink():
                links.append(path)
            elif path.is_file():
                files.append(path)
    for path in sorted(files):
        if _first_time(path, seen):
            yield path
    for path in sorted(links):
        problem = _unreadable(path)
        if problem is not None and "loop" in problem:
            errors.append(f"{path}: {problem}")
        elif problem is not None or not path.is_file() or _escapes(path, top, notes):
            continue  # a link to nothing or to a folder; or out of the tree (noted)
        elif _first_time(path, seen):
            yield path
