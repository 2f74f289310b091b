"""``arnorm check`` and ``arnorm rules``: what is reported, where, in which format, with which
exit status (phenomenon: lint output)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import NBSP, REPORT_ONLY, RLM, UNSAFE, base_project, extra_rules, run, write

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base_project(tmp_path)
    monkeypatch.chdir(tmp_path)


LOCATIONS = [
    pytest.param(f"قال{NBSP}الوزير\n", "1:4", id="column counts characters, not bytes"),
    pytest.param(f"سطر أول\nثم{RLM} الثاني\n", "2:3", id="second line"),
    pytest.param(f"\ufeffقال{NBSP}نعم\n", "1:4", id="a byte order mark is not a column"),
    pytest.param(f"أول\r\nثان\r\nقال{NBSP}نعم\r\n", "3:4", id="CRLF lines"),
    pytest.param(f"ا\rب{NBSP}ج\n", "1:4", id="a lone CR is not a line end"),
    pytest.param(f"بلا سطر أخير{NBSP}", "1:13", id="no final line feed"),
]


@pytest.mark.parametrize(("text", "where"), LOCATIONS)
def test_findings_are_located_by_line_and_character_column(text: str, where: str) -> None:
    write("f.txt", text)
    result = run("check", "f.txt")
    assert result.code == 1
    assert result.out.splitlines()[0].startswith(f"f.txt:{where}: ")


def test_a_finding_line_says_code_name_message_and_fix() -> None:
    write("news.txt", f"قال{NBSP}الوزير{RLM}\n")
    lines = run("check", "news.txt").out.splitlines()
    assert lines == [
        'news.txt:1:4: AR104 exotic-space: U+00A0 NO-BREAK SPACE: use a plain space (fix: "\\u00a0"'
        ' -> " ")',
        "news.txt:1:11: AR101 invisible-character: U+200F RIGHT-TO-LEFT MARK"
        ' (fix: remove "\\u200f")',
        "Found 2 problems in 1 file (2 fixable with `arnorm fix`).",
    ]


CLEAN_TEXTS = [
    pytest.param("قال الوزير إن المكتبة ستفتح أبوابها.\n", id="plain Arabic"),
    pytest.param("", id="empty file"),
    pytest.param("\ufeffنص\r\n", id="BOM and CRLF alone are fine"),
]


@pytest.mark.parametrize("text", CLEAN_TEXTS)
def test_clean_files_exit_zero(text: str) -> None:
    write("ok.txt", text)
    result = run("check", "ok.txt")
    assert (result.code, result.out) == (0, "No problems found in 1 file.\n")


def test_exit_zero_reports_but_succeeds() -> None:
    write("f.txt", f"قال{NBSP}نعم\n")
    result = run("check", "--exit-zero", "f.txt")
    assert result.code == 0
    assert "AR104" in result.out


SELECTIONS = [
    pytest.param(["--select", "AR101"], {"AR101"}, id="select a code"),
    pytest.param(["--select", "exotic-space"], {"AR104"}, id="select a name"),
    pytest.param(["--select", "AR10"], {"AR101", "AR102", "AR104"}, id="select a prefix"),
    pytest.param(["--ignore", "AR104,AR102"], {"AR101"}, id="ignore a list"),
    pytest.param(
        ["--select", "AR101", "--extend-select", "AR102"], {"AR101", "AR102"}, id="extend"
    ),
    pytest.param(["--select", "AR101,AR104", "--ignore", "AR1"], set(), id="ignore beats select"),
    pytest.param(["--no-spaces"], {"AR101", "AR102"}, id="a behaviour option switches a rule"),
]


@pytest.mark.parametrize(("argv", "codes"), SELECTIONS)
def test_rule_selection(argv: list[str], codes: set[str]) -> None:
    write("f.txt", f"قال{NBSP}الوزير{RLM} أمس\x1aاليوم\n")
    result = run("check", "--format", "json", *argv, "f.txt")
    assert {item["code"] for item in json.loads(result.out)} == codes
    assert result.code == (1 if codes else 0)


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["--select", "AR777"], id="unknown code"),
        pytest.param(["--ignore", "no-such-rule"], id="unknown name"),
        pytest.param(["--format", "xml"], id="unknown format"),
        pytest.param(["--diacritics", "loud"], id="bad choice"),
        pytest.param(["--max-file-bytes", "0"], id="bad size"),
    ],
)
def test_usage_errors_exit_two(argv: list[str]) -> None:
    write("f.txt", "نص\n")
    result = run("check", *argv, "f.txt")
    assert result.code == 2
    assert "error:" in result.err


def test_selecting_a_rule_the_preset_switches_off_says_so() -> None:
    write("f.txt", f"قال{NBSP}نعم\n")
    result = run("check", "--preset", "none", "--select", "AR104", "f.txt")
    assert result.code == 0
    assert "AR104 exotic-space is selected but off" in result.err


def test_json_carries_every_field() -> None:
    write("f.txt", f"\ufeffسطر\r\nقال{NBSP}نعم\r\n")
    (item,) = json.loads(run("check", "--format", "json", "f.txt").out)
    assert item == {
        "path": "f.txt",
        "line": 2,
        "column": 4,
        "end_line": 2,
        "end_column": 5,
        "offset": 9,  # in the decoded file: BOM 1 + "سطر" 3 + CRLF 2 + "قال" 3
        "end_offset": 10,
        "code": "AR104",
        "name": "exotic-space",
        "message": "U+00A0 NO-BREAK SPACE: use a plain space",
        "text": NBSP,
        "replacement": " ",
        "safe": True,
        "fixable": True,
    }
    with open("f.txt", encoding="utf-8", newline="") as stream:
        decoded = stream.read()
    assert decoded[item["offset"] : item["end_offset"]] == NBSP


def test_github_format_annotates() -> None:
    write("docs/a, b.md", f"قال{NBSP}نعم\n")
    result = run("check", "--format", "github", "docs/a, b.md")
    assert result.out == (
        "::error title=arnorm AR104 exotic-space,file=docs/a%2C b.md,line=1,col=4,endLine=1,"
        'endColumn=5::U+00A0 NO-BREAK SPACE: use a plain space (fix: "\\u00a0" -> " ")\n'
    )
    assert result.code == 1


def test_diff_shows_the_fix_and_changes_nothing() -> None:
    text = f"سطر سليم\r\nقال{NBSP}الوزير{RLM}\r\n"
    path = write("f.txt", text)
    result = run("check", "--diff", "f.txt")
    assert result.code == 1
    assert result.err == "Found 2 problems in 1 file (2 fixable with `arnorm fix`).\n"
    assert result.out == (
        "--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n سطر سليم\r\n"
        f"-قال{NBSP}الوزير{RLM}\r\n+قال الوزير\r\n"
    )
    assert path.read_bytes() == text.encode()


def test_diff_marks_a_missing_final_line_feed() -> None:
    write("f.txt", f"قال{NBSP}نعم")
    out = run("check", "--diff", "f.txt").out
    assert out.endswith("+قال نعم\n\\ No newline at end of file\n")


def test_statistics_count_per_rule() -> None:
    write("a.txt", f"قال{NBSP}نعم{NBSP}لا{RLM}\n")
    write("b.txt", f"ثم{NBSP}ماذا\n")
    result = run("check", "--statistics", "a.txt", "b.txt")
    assert result.out.splitlines() == [
        "3  AR104  exotic-space  (3 fixable)",
        "1  AR101  invisible-character  (1 fixable)",
        "Found 4 problems in 2 files (4 fixable with `arnorm fix`).",
    ]
    assert result.code == 1


def test_stdin_is_checked_under_its_given_name() -> None:
    result = run("check", "-", "--stdin-filename", "note.txt", stdin=f"قال{NBSP}نعم\n".encode())
    assert result.out.startswith("note.txt:1:4: AR104")
    assert result.code == 1


def test_unsafe_and_report_only_findings() -> None:
    write("f.txt", "يا للعجب!! XX\n")
    with extra_rules(REPORT_ONLY, UNSAFE):
        result = run("check", "--extend-select", "AR998,AR999", "f.txt")
    assert result.out.splitlines() == [
        "f.txt:1:9: AR999 test-unsafe: Repeated exclamation marks (test rule, unsafe fix) (unsafe"
        ' fix: "!!" -> "!")',
        "f.txt:1:12: AR998 test-report-only: Doubled X (test rule, no fix)",
        "Found 2 problems in 1 file (0 fixable with `arnorm fix`, 1 more with --unsafe-fixes).",
    ]


def test_diff_applies_unsafe_fixes_only_when_asked() -> None:
    write("f.txt", "يا للعجب!!\n")
    with extra_rules(UNSAFE):
        safe = run("check", "--extend-select", "AR999", "--diff", "f.txt")
        unsafe = run("check", "--extend-select", "AR999", "--diff", "--unsafe-fixes", "f.txt")
    assert safe.out == ""
    assert "+يا للعجب!\n" in unsafe.out
    assert safe.code == unsafe.code == 1


def test_rules_lists_every_rule() -> None:
    result = run("rules")
    assert result.code == 0
    codes = [line.split()[0] for line in result.out.splitlines()]
    assert codes == sorted(codes)
    assert {"AR101", "AR102", "AR103", "AR104"} <= set(codes)


@pytest.mark.parametrize("selector", ["AR104", "ar104", "exotic-space"])
def test_rules_explains_one_rule(selector: str) -> None:
    result = run("rules", selector)
    assert result.out.startswith("# AR104 exotic-space\n\n## What it does\n")
    assert result.out.rstrip().endswith("Fix: safe. On in: clean, search.")


def test_rules_as_json_and_unknown_rules() -> None:
    items = json.loads(run("rules", "AR10", "--format", "json").out)
    assert {item["code"] for item in items} >= {"AR101", "AR104"}
    assert all(set(item) >= {"code", "name", "doc", "safe", "presets"} for item in items)
    assert run("rules", "AR777").code == 2


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        pytest.param(["--version"], 0, id="version"),
        pytest.param(["--help"], 0, id="help"),
        pytest.param(["check", "--help"], 0, id="command help"),
        pytest.param([], 2, id="no command"),
        pytest.param(["lint"], 2, id="unknown command"),
    ],
)
def test_help_version_and_usage(argv: list[str], code: int) -> None:
    assert run(*argv).code == code


def test_installed_command_smoke(tmp_path: Path) -> None:
    """One real process: the console script when installed, else ``python -m arnorm``."""
    script = shutil.which("arnorm", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "arnorm"]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    path = write("f.txt", f"قال{NBSP}نعم\n")
    checked = subprocess.run(
        [*command, "check", str(path)], capture_output=True, env=environment, check=False
    )
    assert checked.returncode == 1, checked.stderr
    assert b"f.txt:1:4: AR104 exotic-space" in checked.stdout
    fixed = subprocess.run([*command, "fix", str(path)], capture_output=True, env=environment)
    assert fixed.returncode == 1
    assert path.read_text(encoding="utf-8") == "قال نعم\n"
