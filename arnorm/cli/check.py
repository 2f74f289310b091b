"""``arnorm check`` and ``arnorm fix``: whole files, for writers and pre-commit.

Each file is decoded (:mod:`textfile`), its Markdown code and markup and its ``arnorm: off``
regions are protected, its ``arnorm: ignore`` lines suppressed, and the engine lints or fixes
it. ``check`` exits 1 when it finds something, ``fix`` when it changes a file (pre-commit's
convention), both 2 when an input cannot be read.
"""

from __future__ import annotations

import argparse
import codecs
import dataclasses
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

import arnorm
from arnorm.cli import findings, kinds, markdown, options, suppress
from arnorm.cli.files import DEFAULT_EXCLUDES, Filters, expand, matches, relative_to
from arnorm.cli.textfile import (
    InputError,
    Snapshot,
    TextFile,
    read_bytes,
    rewriting,
    write_atomic,
)
from arnorm.config import Config
from arnorm.edits import Edit
from arnorm.engine import Suppression
from arnorm.rules import BY_CODE

#: Files larger than this are refused by check and fix (``arnorm clean`` streams them).
MAX_FILE_BYTES = 32 * 1024 * 1024


def add_parsers(commands: argparse._SubParsersAction[options.Parser]) -> None:
    check = commands.add_parser(
        "check", help="report problems, one per line", description=_doc("check")
    )
    _add_common(check)
    output = check.add_argument_group("output")
    output.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="one line each, a JSON array, or GitHub annotations (text)",
    )
    output.add_argument("--diff", action="store_true", help="print the diff `fix` would make")
    output.add_argument("--statistics", action="store_true", help="count findings per rule")
    output.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.set_defaults(run=run_check)
    fix = commands.add_parser("fix", help="apply fixes in place", description=_doc("fix"))
    _add_common(fix)
    fix.set_defaults(run=run_fix)


def _doc(command: str) -> str:
    if command == "check":
        return "Report what arnorm would change in files (exit 1 if anything)."
    return "Apply safe fixes to files in place (exit 1 if a file changed)."


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for stdin")
    parser.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    options.add_rule_options(parser)
    found = parser.add_argument_group("files")
    found.add_argument(
        "--include", type=options.comma_list, metavar="GLOBS", help="walk only matching files"
    )
    found.add_argument(
        "--exclude", type=options.comma_list, metavar="GLOBS", help="replace the default excludes"
    )
    found.add_argument(
        "--extend-include",
        type=options.comma_list,
        metavar="GLOBS",
        help="also read these files that are not prose (Python, JSON: their strings only)",
    )
    found.add_argument(
        "--extend-exclude",
        type=options.comma_list,
        action="append",
        metavar="GLOBS",
        help="exclude these too",
    )
    found.add_argument(
        "--per-file-ignores",
        type=options.per_file_ignore,
        action="append",
        metavar="GLOB:RULES",
        help="switch rules off in matching files",
    )
    found.add_argument("--stdin-filename", metavar="NAME", help="the name of - in messages")
    found.add_argument(
        "--max-file-bytes",
        type=options.positive,
        default=MAX_FILE_BYTES,
        metavar="N",
        help="refuse larger files (32 MiB)",
    )
    options.add_config_options(parser)


@dataclass(frozen=True)
class Settings:
    """What a check or fix run does to each file."""

    config: Config
    filters: Filters
    per_file: tuple[options.FileIgnore, ...]
    max_bytes: int
    safe_only: bool
    extend_include: tuple[str, ...] = ()

    def kind_of(self, name: str) -> kinds.Kind | None:
        """What the file `name` is (None: not read), the ``extend-include`` globs applied."""
        relative = relative_to(Path(name), self.filters.root)
        return kinds.kind_of(name, opted_in=kinds.opted_in(self.extend_include, relative))

    def why_skipped(self, name: str) -> str:
        relative = relative_to(Path(name), self.filters.root)
        return kinds.why_skipped(name, opted_in=kinds.opted_in(self.extend_include, relative))

    def config_for(self, name: str) -> Config:
        relative = relative_to(Path(name), self.filters.root)
        codes = [i.codes for i in self.per_file if matches(i.glob, relative)]
        if not codes:
            return self.config
        return dataclasses.replace(self.config, ignore=self.config.ignore.union(*codes))


def settings_from(args: argparse.Namespace) -> Settings:
    # The linter offers the spelling fixes (AR60x, all unsafe: applied with --unsafe-fixes);
    # the library and `arnorm clean` leave spelling alone unless told.
    defaults = {} if args.preset == "none" else {"spelling": True}
    config = options.build_config(args, defaults=defaults)
    options.warn_inactive(args, config)
    filters = Filters(args.root, args.include or (), _excludes(args))
    per_file = tuple(args.per_file_ignores or ())
    extend = tuple(args.extend_include or ())
    return Settings(config, filters, per_file, args.max_file_bytes, not args.unsafe_fixes, extend)


@dataclass
class Status:
    """How the run went: files read, inputs that failed."""

    files: int = 0
    errors: int = 0
    skipped: int = 0  # walked files that are not prose

    def error(self, message: str) -> None:
        self.errors += 1
        print(message, file=sys.stderr)


@dataclass(frozen=True)
class Prepared:
    """A text ready for the engine: its config, protected spans and suppressions."""

    config: Config
    protect: list[tuple[int, int]]
    suppress: list[Suppression]
    problems: list[tuple[int, str]] = field(default_factory=list)

    def lint(self, text: str) -> list[arnorm.Finding]:
        return arnorm.lint(text, preset=self.config, protect=self.protect, suppress=self.suppress)

    def fix(self, text: str, safe_only: bool) -> arnorm.Fixed:
        return arnorm.fix(
            text,
            preset=self.config,
            safe_only=safe_only,
            protect=self.protect,
            suppress=self.suppress,
        )


def prepare(name: str, text: str, settings: Settings, kind: kinds.Kind) -> Prepared:
    """Protect what is not prose in a file of `kind` (Markdown and HTML markup, Python and
    JSON syntax ...) and ``arnorm: off`` regions; read ``ignore`` lines.

    Raises :class:`InputError` when a Python or JSON file does not parse.
    """
    markup = kinds.scan(kind, text)
    found = suppress.scan(text, markup.code)
    protect = markdown.merge([*markup.spans, *found.protect])
    return Prepared(settings.config_for(name), protect, found.suppress, found.problems)


def sources(
    args: argparse.Namespace, filters: Filters, status: Status
) -> Iterator[tuple[str, Path | None, bool]]:
    """(name, path, walked) of each input; the path is None for stdin, `walked` is True for
    the files found in a folder (not named)."""
    errors: list[str] = []
    notes: list[str] = []
    seen: set[tuple[int, int]] = set()
    for name in args.paths or ["."]:
        if name == "-":
            yield args.stdin_filename or "-", None, False
            continue
        walked = Path(name).is_dir()
        for path in expand([name], filters, errors, notes, seen):
            yield str(path), path, walked
        for message in errors:
            status.error(message)
        for message in notes:
            print(message, file=sys.stderr)
        errors.clear()
        notes.clear()


def _excludes(args: argparse.Namespace) -> tuple[str, ...]:
    exclude = args.exclude if args.exclude is not None else DEFAULT_EXCLUDES
    return (*exclude, *(glob for group in args.extend_exclude or () for glob in group))


class Skipped(Exception):
    """An input that is not text: a note, not an error."""


def load(name: str, path: Path | None, limit: int) -> tuple[TextFile, Snapshot | None]:
    """Read and decode one input, with a snapshot of the file (None for stdin); raises
    :class:`InputError` or :class:`Skipped`."""
    snapshot = None
    try:
        if path is None:
            data = _read_stdin(limit)
        else:
            data, snapshot = read_bytes(path, limit)
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    wide = wide_encoding(data)
    if wide is not None:
        raise InputError(f"{wide} text, not UTF-8 (convert it: iconv -f {wide} -t UTF-8)")
    if b"\0" in data:
        raise Skipped(f"skipped binary file (NUL at byte {data.index(0)})")
    return TextFile.decode(data), snapshot


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32LE"),
    (codecs.BOM_UTF32_BE, "UTF-32BE"),
    (codecs.BOM_UTF16_LE, "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "UTF-16BE"),
)


def wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 when `data` starts with their byte order mark, or looks like UTF-16
    without one (its NULs, the high bytes of ASCII, all at odd or all at even offsets); else
    None.

    >>> wide_encoding("نص".encode("utf-16")), wide_encoding("ab".encode("utf-16-le"))
    ('UTF-16LE', 'UTF-16LE')
    >>> wide_encoding("نص".encode()), wide_encoding(b"\\x89PNG\\r\\n\\x1a\\n\\0\\0")
    (None, None)
    """
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if len(data) % 2 == 0 and (even == 0) != (odd == 0) and even + odd >= len(head) // 16:
        return "UTF-16LE" if odd else "UTF-16BE"
    return None


def _read_stdin(limit: int) -> bytes:
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"standard input is over the {limit:,}-byte limit of check and fix")
    return data


def each_file(
    args: argparse.Namespace, settings: Settings, status: Status, stream_over: int | None = None
) -> Iterator[tuple[str, Path | None, TextFile | None, kinds.Kind | None, Snapshot | None]]:
    """Every input that decodes, with its kind, and notes and errors for the others.

    A named file that is not prose is skipped with a note; walked ones are counted and noted
    once at the end. Standard input is read whatever its name (``fix`` must give it back):
    its kind is None when its ``--stdin-filename`` is not prose. With `stream_over`, a
    plain-text file larger than that is not read: it comes with no text (``fix`` streams it).
    """
    for name, path, walked in sources(args, settings.filters, status):
        kind = "text" if name == "-" and path is None else settings.kind_of(name)
        if kind is None and path is not None:
            if walked:
                status.skipped += 1
            else:
                print(f"{name}: {settings.why_skipped(name)}", file=sys.stderr)
            continue
        if stream_over is not None and kind == "text" and _size(path) > stream_over:
            yield name, path, None, kind, None
            continue
        try:
            file, snapshot = load(name, path, settings.max_bytes)
        except InputError as error:
            status.error(f"{name}: {error}")
            continue
        except Skipped as note:
            print(f"{name}: {note}", file=sys.stderr)
            continue
        status.files += 1
        yield name, path, file, kind, snapshot
    if status.skipped:
        files = f"{status.skipped} file{'s' * (status.skipped != 1)}"
        print(
            f"arnorm: note: skipped {files} that are not prose (extend-include opts them in)",
            file=sys.stderr,
        )


def _size(path: Path | None) -> int:
    try:
        return -1 if path is None else path.stat().st_size
    except OSError:
        return -1  # load reports it


def _warn(name: str, file: TextFile, prepared: Prepared) -> None:
    for position, message in prepared.problems:
        line, column = file.position(position)
        print(f"{name}:{line}:{column}: warning: {message}", file=sys.stderr)


def run_check(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    status = Status()
    problems: list[findings.Problem] = []
    for name, _, file, kind, _ in each_file(args, settings, status):
        if kind is None or file is None:
            continue
        try:
            prepared = prepare(name, file.text, settings, kind)
        except InputError as error:
            status.error(f"{name}: {error}")
            continue
        _warn(name, file, prepared)
        found = [findings.locate(name, file, f) for f in prepared.lint(file.text)]
        problems += found
        if args.diff:
            edits = prepared.fix(file.text, settings.safe_only).edits
            sys.stdout.write(findings.unified_diff(name, file.original, file.render(edits)))
        elif not args.statistics:
            _print_each(found, args.format)
    _print_end(problems, status, args)
    if status.errors:
        return 2
    return 1 if problems and not args.exit_zero else 0


def _print_each(problems: Sequence[findings.Problem], form: str) -> None:
    if form == "text":
        for problem in problems:
            print(findings.text_line(problem))
    elif form == "github":
        for problem in problems:
            print(findings.github_line(problem))


def _print_end(problems: list[findings.Problem], status: Status, args: argparse.Namespace) -> None:
    if args.statistics:
        for line in findings.statistics(problems):
            print(line)
    elif args.format == "json" and not args.diff:
        print(findings.json_document(problems))
    if args.format == "text" or args.statistics:
        out = sys.stderr if args.diff else sys.stdout  # a diff on stdout stays a clean patch
        print(findings.summary(problems, status.files, args.unsafe_fixes), file=out)


def run_fix(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    status = Status()
    changed = fixed_count = remaining = 0
    out = sys.stderr if "-" in args.paths else sys.stdout
    for name, path, file, kind, snapshot in each_file(args, settings, status, STREAM_BYTES):
        if file is None and path is not None:  # a large text file: chunk by chunk
            done = _fix_streamed(name, path, settings, status, out)
            if done is not None:
                changed += done[2]
                fixed_count, remaining = fixed_count + done[0], remaining + done[1]
            continue
        assert file is not None
        if kind is None:  # standard input named as a file that is not prose: given back
            _save(name, path, file.encode(()), False, status)
            continue
        try:
            prepared = prepare(name, file.text, settings, kind)
            fixed = prepared.fix(file.text, settings.safe_only)
            kinds.check_edits(kind, file.text, fixed.edits)
        except InputError as error:
            status.error(f"{name}: {error}")
            continue
        _warn(name, file, prepared)
        data = file.encode(fixed.edits)
        if not _save(name, path, data, fixed.changed, status, snapshot):
            continue
        changed += fixed.changed
        counts = _report_fixed(name, file, fixed.edits, data, settings, kind, out)
        fixed_count, remaining = fixed_count + counts[0], remaining + counts[1]
    print(_fix_summary(fixed_count, changed, remaining), file=out)
    return 2 if status.errors else int(changed > 0)


def _report_fixed(
    name: str,
    file: TextFile,
    edits: Sequence[Edit],
    data: bytes,
    settings: Settings,
    kind: kinds.Kind,
    out: TextIO,
    lines_before: int = 0,
) -> tuple[int, int]:
    """Print the fixes and what remains; (fixes, remaining). `lines_before` is the number of
    lines of the file before `file` (a chunk of a streamed file)."""
    for edit in edits:
        print(_fixed_line(name, file, edit, lines_before), file=out)
    after_bom = len(data) if lines_before else 0  # only a file's first chunk has a BOM
    left = _remaining(name, TextFile.decode(data, start=after_bom), settings, kind)
    for problem in left:
        moved = dataclasses.replace(
            problem, line=problem.line + lines_before, end_line=problem.end_line + lines_before
        )
        print(findings.text_line(moved), file=out)
    return len(edits), len(left)


#: Plain-text files larger than this are fixed chunk by chunk (``arnorm clean`` streams all).
STREAM_BYTES = 4 * 1024 * 1024
#: About how much of a streamed file is fixed at once: whole lines, never splitting an
#: ``arnorm: off`` region.
CHUNK_BYTES = 64 * 1024
_SWITCH = re.compile(rb"arnorm:[ \t]*(off|on)\b")


def _fix_streamed(
    name: str, path: Path, settings: Settings, status: Status, out: TextIO
) -> tuple[int, int, bool] | None:
    """Fix a large plain-text file in chunks of whole lines, in memory bounded by the chunk
    (or the longest line): (fixes, remaining, changed), or None after an error or a note.

    Each chunk is one text for the rules, as each line is for ``clean``: a test made on the
    whole text (does it hold Arabic at all?) is made on the chunk.
    """
    fixed = remaining = lines = start = 0
    try:
        with rewriting(path) as rewrite:
            for data in _chunks(rewrite.source, settings.max_bytes):
                _refuse_binary(data, start)
                file = TextFile.decode(data, start)
                prepared = prepare(name, file.text, settings, "text")
                edits = prepared.fix(file.text, settings.safe_only).edits
                new = file.encode(edits)
                rewrite.write(data, new)
                counts = _report_fixed(name, file, edits, new, settings, "text", out, lines)
                fixed, remaining = fixed + counts[0], remaining + counts[1]
                lines, start = lines + data.count(b"\n"), start + len(data)
            changed = rewrite.changed
    except (InputError, OSError) as error:
        detail = error.strerror if isinstance(error, OSError) and error.strerror else error
        status.error(f"{name}: {detail}")
        return None
    except Skipped as note:
        print(f"{name}: {note}", file=sys.stderr)
        return None
    status.files += 1
    return fixed, remaining, changed


def _refuse_binary(data: bytes, start: int) -> None:
    if start == 0 and wide_encoding(data) is not None:
        raise InputError(f"{wide_encoding(data)} text, not UTF-8")
    if b"\0" in data:
        raise Skipped(f"skipped binary file (NUL at byte {start + data.index(0)})")


def _chunks(source: BinaryIO, limit: int) -> Iterator[bytes]:
    """Whole lines of about :data:`CHUNK_BYTES`; a chunk ends only where no ``arnorm: off``
    is open. A chunk over `limit` bytes (a line that long, or an ``off`` region) is an error."""
    parts: list[bytes] = []
    size, off = 0, False
    while line := source.readline(limit + 1):
        parts.append(line)
        size += len(line)
        if size > limit:
            raise InputError(f"a line or arnorm: off region is over {limit:,} bytes")
        switches = _SWITCH.findall(line) if b"arnorm:" in line else []
        off = switches[-1] == b"off" if switches else off
        if size >= CHUNK_BYTES and not off:
            yield b"".join(parts)
            parts, size = [], 0
    if parts:
        yield b"".join(parts)


def _save(
    name: str,
    path: Path | None,
    data: bytes,
    changed: bool,
    status: Status,
    snapshot: Snapshot | None = None,
) -> bool:
    """Write the fixed bytes (stdin's go to stdout, changed or not); False on failure."""
    try:
        if path is None:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        elif changed:
            write_atomic(path, data, snapshot)
    except (InputError, OSError) as error:
        detail = error.strerror if isinstance(error, OSError) and error.strerror else error
        status.error(f"{name}: {detail}")
        return False
    return True


def _fixed_line(name: str, file: TextFile, edit: Edit, lines_before: int = 0) -> str:
    line, column = file.position(edit.start)
    line += lines_before
    rule = BY_CODE[edit.code]
    codes = "+".join(edit.codes)
    what = findings.change(file.text[edit.start : edit.end], edit.replacement or "")
    return f"{name}:{line}:{column}: {codes} {rule.name}: fixed: {what}"


def _remaining(
    name: str, file: TextFile, settings: Settings, kind: kinds.Kind
) -> list[findings.Problem]:
    """What is left to report in the fixed file (unsafe or no fix)."""
    prepared = prepare(name, file.text, settings, kind)
    return [findings.locate(name, file, f) for f in prepared.lint(file.text)]


def _fix_summary(fixed: int, files: int, remaining: int) -> str:
    line = f"Fixed {fixed} problem{'s' * (fixed != 1)} in {files} file{'s' * (files != 1)}"
    if remaining:
        return line + f"; {remaining} remaining (no fix or unsafe: see `arnorm check`)."
    return line + "."
