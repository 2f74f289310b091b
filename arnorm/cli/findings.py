r"""How findings are shown: text lines, JSON, GitHub annotations, diffs and statistics.

>>> problem = Problem("news.txt", 1, 4, 1, 5, 3, 4, "AR104", "exotic-space",
...                   "U+00A0 NO-BREAK SPACE: use a plain space", "\xa0", " ", True)
>>> print(text_line(problem))
news.txt:1:4: AR104 exotic-space: U+00A0 NO-BREAK SPACE: use a plain space (fix: "\u00a0" -> " ")
>>> print(github_line(problem).replace(",", ",\n"))
::error title=arnorm AR104 exotic-space,
file=news.txt,
line=1,
col=4,
endLine=1,
endColumn=5::U+00A0 NO-BREAK SPACE: use a plain space (fix: "\u00a0" -> " ")
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from arnorm.cli.textfile import TextFile
from arnorm.engine import Finding
from arnorm.rules import BY_CODE

#: Unicode categories shown as escapes: controls, format characters, separators other than
#: the space, surrogates, private use and unassigned code points.
_HIDDEN = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Cs", "Co", "Cn"})


@dataclass(frozen=True)
class Problem:
    """A finding located in a file: lines and columns from 1 (the end is exclusive), and
    character offsets in the decoded file (byte order mark included)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    code: str
    name: str
    message: str
    text: str
    replacement: str | None
    safe: bool

    @property
    def fixable(self) -> bool:
        return self.replacement is not None


def locate(path: str, file: TextFile, finding: Finding) -> Problem:
    """Where `finding` (on ``file.text``) is in the file."""
    line, column = file.position(finding.start)
    end_line, end_column = file.position(finding.end)
    return Problem(
        path,
        line,
        column,
        end_line,
        end_column,
        file.offset(finding.start),
        file.offset(finding.end),
        finding.code,
        finding.name,
        finding.message,
        file.text[finding.start : finding.end],
        finding.replacement,
        finding.safe,
    )


def show(text: str) -> str:
    r"""`text` in double quotes, with invisible and special characters as escapes.

    >>> print(show("قال\u200f\xa0"), show('a"b'))
    "قال\u200f\u00a0" "a\"b"
    """
    return '"' + "".join(_visible(ch) for ch in text) + '"'


def _visible(ch: str) -> str:
    if ch in '"\\':
        return "\\" + ch
    if ch == " " or unicodedata.category(ch) not in _HIDDEN:
        return ch
    return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"


def describe_fix(problem: Problem) -> str:
    """``fix: "old" -> "new"`` (``unsafe fix`` when it needs --unsafe-fixes), or ''."""
    if problem.replacement is None:
        return ""
    kind = "fix" if problem.safe else "unsafe fix"
    return f"{kind}: {change(problem.text, problem.replacement)}"


def change(old: str, new: str) -> str:
    """``insert "x"``, ``remove "x"`` or ``"a" -> "b"``."""
    if not old:
        return f"insert {show(new)}"
    if not new:
        return f"remove {show(old)}"
    return f"{show(old)} -> {show(new)}"


def text_line(problem: Problem) -> str:
    """``path:line:col: CODE name: message (fix: ...)``."""
    fix = describe_fix(problem)
    where = f"{problem.path}:{problem.line}:{problem.column}"
    return f"{where}: {problem.code} {problem.name}: {problem.message}" + (
        f" ({fix})" if fix else ""
    )


def github_line(problem: Problem) -> str:
    """A GitHub Actions workflow command that annotates the span in a pull request."""
    properties = {
        "title": f"arnorm {problem.code} {problem.name}",
        "file": problem.path,
        "line": problem.line,
        "col": problem.column,
        "endLine": problem.end_line,
        "endColumn": problem.end_column,
    }
    fields = ",".join(f"{key}={_escape(str(value), True)}" for key, value in properties.items())
    fix = describe_fix(problem)
    message = problem.message + (f" ({fix})" if fix else "")
    return f"::error {fields}::{_escape(message, False)}"


def _escape(value: str, property: bool) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property else value


def json_document(problems: Iterable[Problem]) -> str:
    """Every field of every problem, as a JSON array."""
    items = [{**dataclasses.asdict(p), "fixable": p.fixable} for p in problems]
    return json.dumps(items, ensure_ascii=False, indent=2)


def statistics(problems: Sequence[Problem]) -> list[str]:
    """One line per rule: how many findings, how many of them fixable, most frequent first."""
    counts = Counter(p.code for p in problems)
    fixable = Counter(p.code for p in problems if p.fixable and p.safe)
    width = len(str(max(counts.values(), default=0)))
    return [
        f"{count:>{width}}  {code}  {BY_CODE[code].name}  ({fixable[code]} fixable)"
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def summary(problems: Sequence[Problem], files: int, unsafe_fixes: bool) -> str:
    """The closing line of ``arnorm check``."""
    if not problems:
        return f"No problems found in {_plural(files, 'file')}."
    fixable = sum(p.fixable and (p.safe or unsafe_fixes) for p in problems)
    unsafe = sum(p.fixable and not p.safe for p in problems) if not unsafe_fixes else 0
    line = f"Found {_plural(len(problems), 'problem')} in {_plural(files, 'file')}"
    line += f" ({fixable} fixable with `arnorm fix`"
    line += f", {unsafe} more with --unsafe-fixes)." if unsafe else ")."
    return line


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def split_lines(text: str) -> list[str]:
    r"""Lines of `text`, each with its line feed; only line feeds end lines.

    >>> split_lines("a\r\nb\x1cc\n")
    ['a\r\n', 'b\x1cc\n']
    """
    lines = text.split("\n")
    last = lines.pop()
    return [line + "\n" for line in lines] + ([last] if last else [])


def unified_diff(path: str, before: str, after: str) -> str:
    """The unified diff of a file's text before and after its fixes."""
    import difflib

    lines = difflib.unified_diff(
        split_lines(before), split_lines(after), f"a/{path}", f"b/{path}", lineterm="\n"
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
