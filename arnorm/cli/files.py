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

import fnmatch
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

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


def expand(paths: Sequence[str], filters: Filters, errors: list[str]) -> Iterator[Path]:
    """The files to check for `paths`: files as they are, folders walked.

    A path that does not exist is reported in `errors` (``path: No such file or directory``).
    """
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(_walk(path, filters))
        elif path.exists():
            yield path
        else:
            errors.append(f"{name}: No such file or directory")


def _walk(top: Path, filters: Filters) -> Iterator[Path]:
    for folder, dirs, files in os.walk(top):
        here = Path(folder)
        dirs[:] = sorted(
            d
            for d in dirs
            if not filters.excluded(here / d) and not is_virtual_environment(here / d)
        )
        for name in sorted(files):
            path = here / name
            if path.is_file() and filters.included(path) and not filters.excluded(path):
                yield path
