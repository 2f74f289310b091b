"""Helpers for the command-line tests: run ``main(argv)`` in-process, write their input files,
serve the playground, and add test-only rules.

The tests are written against AR101-AR104 (no-break space, bidi marks, controls, joiners), the
rules every build has; two rules that exist only here give the unsafe and report-only paths
something to show.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from arnorm import engine, rules
from arnorm.cli.main import main
from arnorm.config import Config
from arnorm.edits import Edit
from arnorm.rules.base import Rule, substitution_rule

#: The rules every build has. The command-line tests run in a project that selects only these,
#: so that rules landing later cannot change what the tests expect.
BASE_RULES = ("AR101", "AR102", "AR103", "AR104")

NBSP, RLM, LRM, ZWSP = "\N{NO-BREAK SPACE}", "\N{RIGHT-TO-LEFT MARK}", "\u200e", "\u200b"
ZWNJ, BOM, LSEP = "\N{ZERO WIDTH NON-JOINER}", "\ufeff", "\N{LINE SEPARATOR}"


def base_project(folder: Path) -> None:
    """Make `folder` a project whose ``.arnorm.toml`` selects :data:`BASE_RULES` only."""
    selected = ", ".join(f'"{code}"' for code in BASE_RULES)
    (folder / ".arnorm.toml").write_text(f"select = [{selected}]\n", encoding="utf-8")


@dataclass(frozen=True)
class Outcome:
    """What a command did: its exit status and what it wrote."""

    code: int
    out: str
    err: str
    raw: bytes  # stdout as bytes


def run(*argv: str, stdin: bytes = b"") -> Outcome:
    """``arnorm ARGV`` in this process, with `stdin` as its input."""
    out, err = io.BytesIO(), io.BytesIO()
    saved = (sys.stdin, sys.stdout, sys.stderr)
    ours = (
        io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", newline="", write_through=True),
    )
    sys.stdin, sys.stdout, sys.stderr = ours
    try:
        code = main(list(argv))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    result = Outcome(code, out.getvalue().decode(), err.getvalue().decode(), out.getvalue())
    for stream in ours:
        stream.detach()
    return result


def write(name: str, data: str | bytes, mode: int | None = None) -> Path:
    """Write `data` to `name` (text as UTF-8, its line feeds as they are), making its folders;
    `mode`, if given, sets its permission bits. The one way the tests lay out a project."""
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    if mode is not None:
        path.chmod(mode)
    return path


@contextlib.contextmanager
def serving(max_bytes: int) -> Iterator[tuple[str, int]]:
    """The playground's web server (``arnorm serve``) on a free local port, answering from a
    thread while the block runs, refusing bodies over `max_bytes`: its host and port."""
    from arnorm.cli.httpd import address, make_server

    server = make_server("127.0.0.1", 0, max_bytes)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield address(server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _report_doubled_x(text: str, config: Config) -> Iterator[Edit]:
    for match in re.finditer("XX", text):
        yield Edit(match.start(), match.end(), None, "AR998")


REPORT_ONLY = Rule(
    "AR998",
    "test-report-only",
    "Doubled X (test rule, no fix)",
    "## What it does\n## Why\n## Example\n## Fix safety\n",
    True,
    lambda config: True,
    _report_doubled_x,
)
UNSAFE = substitution_rule(
    code="AR999",
    name="test-unsafe",
    message="Repeated exclamation marks (test rule, unsafe fix)",
    doc="## What it does\n## Why\n## Example\n## Fix safety\n",
    enabled=lambda config: True,
    pattern=lambda config: re.compile("!!+"),
    replace=lambda match, config: "!",
    safe=False,
)


@contextlib.contextmanager
def extra_rules(*extra: Rule) -> Iterator[None]:
    """Register `extra` rules (at the end of the pipeline) for the duration of a test."""
    saved = (rules.RULES, dict(rules.BY_CODE), dict(rules.BY_NAME))
    everything = (*rules.RULES, *extra)
    rules.RULES = everything
    rules.BY_CODE.update({rule.code: rule for rule in extra})
    rules.BY_NAME.update({rule.name: rule for rule in extra})
    engine.forget_plans()
    try:
        yield
    finally:
        rules.RULES = saved[0]
        rules.BY_CODE.clear()
        rules.BY_CODE.update(saved[1])
        rules.BY_NAME.clear()
        rules.BY_NAME.update(saved[2])
        engine.forget_plans()
