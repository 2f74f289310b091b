"""``arnorm``: the entry point. ``main(argv)`` returns the exit status.

Exit 0 when all is well, 1 when ``check`` found something or ``fix`` changed a file, 2 on a
usage error, a bad configuration file or an input that cannot be read.

>>> main(["rules", "AR104"]) == 0  # doctest: +ELLIPSIS
# AR104 exotic-space
...
True
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from arnorm.cli import check, clean, configfile, options, output, report, rules, serve, split
from arnorm.lexicon.words import WordListError


def parsers() -> tuple[options.Parser, dict[str, options.Parser]]:
    """The parser of the command line, and the parser of each command."""
    from arnorm import __version__

    parser = options.Parser(
        prog="arnorm", description="Clean and correct Arabic text, and know what changed."
    )
    parser.add_argument("--version", action="version", version=f"arnorm {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check.add_parsers(commands)
    clean.add_parser(commands)
    report.add_parser(commands)
    rules.add_parser(commands)
    serve.add_parser(commands)
    split.add_parser(commands)
    return parser, dict(commands.choices)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parse(arguments)
        status = int(args.run(args))
        sys.stdout.flush()  # a failed write of what is still buffered is an error too
        return status
    except output.OutputError as error:
        print(f"arnorm: standard output: {error}", file=sys.stderr)
        _silence_stdout()
    except options.UsageError as error:
        print(error, file=sys.stderr)
    except configfile.ConfigError as error:
        print(f"arnorm: configuration: {error}", file=sys.stderr)
    except WordListError as error:
        print(f"arnorm: word list {error}", file=sys.stderr)
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else 0
    except KeyboardInterrupt:
        print("arnorm: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        _silence_stdout()
        return 1
    return 2


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit does not fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def parse(argv: list[str]) -> argparse.Namespace:
    """Parse `argv` after the arguments that the configuration file stands for."""
    parser, commands = parsers()
    args = parser.parse_args(argv)
    args.root = Path.cwd()
    command = commands[args.command]
    if "--config" not in options.option_strings(command):
        return args
    found = _configuration(args)
    if found is None:
        return args
    keys = frozenset(s for c in commands.values() for s in options.option_strings(c))
    extra = configfile.to_arguments(found, command, keys)
    at = argv.index(args.command) + 1
    try:  # the command line alone parsed: what fails now, the file's arguments made fail
        command.parse_args([*extra, *argv[at:]])
    except options.UsageError as error:
        raise configfile.ConfigError(f"{found.path}: {str(error).splitlines()[-1]}") from None
    args = parser.parse_args([*argv[:at], *extra, *argv[at:]])
    args.root = found.root
    return args


def _configuration(args: argparse.Namespace) -> configfile.ConfigFile | None:
    if args.isolated:
        return None
    if args.config is None:
        return configfile.find(Path.cwd())
    path = Path(args.config)
    if not path.is_file():
        raise configfile.ConfigError(f"{path}: no such file")
    found = configfile.read(path)
    if found is None:
        raise configfile.ConfigError(f"{path}: no [tool.arnorm] table")
    return found


def entry() -> None:
    """The ``arnorm`` console script (and ``python -m arnorm``)."""
    output.check_stdout()
    if hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors="backslashreplace")
    raise SystemExit(main())
