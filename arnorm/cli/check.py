"""``arnorm check`` and ``arnorm fix``: whole files, for writers and pre-commit.

Each file is decoded (:mod:`textfile`), its Markdown code and markup and its ``arnorm: off``
regions are protected, its ``arnorm: ignore`` lines suppressed, and the engine lints or fixes
it. ``check`` exits 1 when it finds something, ``fix`` when it changes a file (pre-commit's
convention), both 2 when an input cannot be read.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import arnorm
from arnorm.cli import findings, markdown, options, suppress
from arnorm.cli.files import DEFAULT_EXCLUDES, Filters, expand, matches, relative_to
from arnorm.cli.textfile import InputError, TextFile, read_bytes, write_atomic
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
    return Settings(config, filters, per_file, args.max_file_bytes, not args.unsafe_fixes)


@dataclass
class Status:
    """How the run went: files read, inputs that failed."""

    files: int = 0
    errors: int = 0

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


def prepare(name: str, text: str, settings: Settings) -> Prepared:
    """Protect Markdown and HTML markup and ``arnorm: off`` regions; read ``ignore`` lines."""
    if markdown.is_markdown(name):
        markup = markdown.scan(text)
    elif markdown.is_html(name):
        markup = markdown.scan_html(text)
    else:
        markup = markdown.Markup((), ())
    found = suppress.scan(text, markup.code)
    protect = markdown.merge([*markup.spans, *found.protect])
    return Prepared(settings.config_for(name), protect, found.suppress, found.problems)


def sources(
    args: argparse.Namespace, filters: Filters, status: Status
) -> Iterator[tuple[str, Path | None]]:
    """(name, path) of each input; the path is None for stdin."""
    errors: list[str] = []
    for name in args.paths or ["."]:
        if name == "-":
            yield args.stdin_filename or "-", None
            continue
        yield from ((str(path), path) for path in expand([name], filters, errors))
        for message in errors:
            status.error(message)
        errors.clear()


def _excludes(args: argparse.Namespace) -> tuple[str, ...]:
    exclude = args.exclude if args.exclude is not None else DEFAULT_EXCLUDES
    return (*exclude, *(glob for group in args.extend_exclude or () for glob in group))


class Skipped(Exception):
    """An input that is not text: a note, not an error."""


def load(name: str, path: Path | None, limit: int) -> TextFile:
    """Read and decode one input; raises :class:`InputError` or :class:`Skipped`."""
    try:
        data = _read_stdin(limit) if path is None else read_bytes(path, limit)
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    if b"\0" in data:
        raise Skipped(f"skipped binary file (NUL at byte {data.index(0)})")
    return TextFile.decode(data)


def _read_stdin(limit: int) -> bytes:
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"standard input is over the {limit:,}-byte limit of check and fix")
    return data


def each_file(
    args: argparse.Namespace, settings: Settings, status: Status
) -> Iterator[tuple[str, Path | None, TextFile]]:
    """Every input that decodes, with notes and errors for the others."""
    for name, path in sources(args, settings.filters, status):
        try:
            file = load(name, path, settings.max_bytes)
        except InputError as error:
            status.error(f"{name}: {error}")
            continue
        except Skipped as note:
            print(f"{name}: {note}", file=sys.stderr)
            continue
        status.files += 1
        yield name, path, file


def _warn(name: str, file: TextFile, prepared: Prepared) -> None:
    for position, message in prepared.problems:
        line, column = file.position(position)
        print(f"{name}:{line}:{column}: warning: {message}", file=sys.stderr)


def run_check(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    status = Status()
    problems: list[findings.Problem] = []
    for name, _, file in each_file(args, settings, status):
        prepared = prepare(name, file.text, settings)
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
    for name, path, file in each_file(args, settings, status):
        prepared = prepare(name, file.text, settings)
        _warn(name, file, prepared)
        fixed = prepared.fix(file.text, settings.safe_only)
        data = file.encode(fixed.edits)
        if not _save(name, path, data, fixed.changed, status):
            continue
        changed += fixed.changed
        fixed_count += len(fixed.edits)
        for edit in fixed.edits:
            print(_fixed_line(name, file, edit), file=out)
        left = _remaining(name, TextFile.decode(data), settings)
        remaining += len(left)
        for problem in left:
            print(findings.text_line(problem), file=out)
    print(_fix_summary(fixed_count, changed, remaining), file=out)
    return 2 if status.errors else int(changed > 0)


def _save(name: str, path: Path | None, data: bytes, changed: bool, status: Status) -> bool:
    """Write the fixed bytes (stdin's go to stdout, changed or not); False on failure."""
    try:
        if path is None:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        elif changed:
            write_atomic(path, data)
    except (InputError, OSError) as error:
        detail = error.strerror if isinstance(error, OSError) and error.strerror else error
        status.error(f"{name}: {detail}")
        return False
    return True


def _fixed_line(name: str, file: TextFile, edit: Edit) -> str:
    line, column = file.position(edit.start)
    rule = BY_CODE[edit.code]
    codes = "+".join(edit.codes)
    what = findings.change(file.text[edit.start : edit.end], edit.replacement or "")
    return f"{name}:{line}:{column}: {codes} {rule.name}: fixed: {what}"


def _remaining(name: str, file: TextFile, settings: Settings) -> list[findings.Problem]:
    """What is left to report in the fixed file (unsafe or no fix)."""
    prepared = prepare(name, file.text, settings)
    return [findings.locate(name, file, f) for f in prepared.lint(file.text)]


def _fix_summary(fixed: int, files: int, remaining: int) -> str:
    line = f"Fixed {fixed} problem{'s' * (fixed != 1)} in {files} file{'s' * (files != 1)}"
    if remaining:
        return line + f"; {remaining} remaining (no fix or unsafe: see `arnorm check`)."
    return line + "."
