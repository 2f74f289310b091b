"""The README's and docs/cli.md's command-line examples are real: each ``console`` block is run
and its output compared, and every configuration key and hook is documented (phenomenon:
documentation)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from cli_support import run

from arnorm.cli import options

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def console_blocks(text: str = README + CLI_DOC) -> list[str]:
    return re.findall(r"^```console\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end]


def sessions(block: str) -> list[tuple[list[str], str]]:
    """(argv, expected output) for each ``$ arnorm ...`` line of a console block."""
    steps: list[tuple[list[str], str]] = []
    for line in block.splitlines(keepends=True):
        if line.startswith("$ "):
            command = shlex.split(line[2:])
            assert command[0] == "arnorm", line
            steps.append((command[1:], ""))
        else:
            argv, output = steps[-1]
            steps[-1] = (argv, output + line)
    return steps


@pytest.mark.parametrize("block", console_blocks(), ids=lambda block: block.splitlines()[0])
def test_readme_console_examples(
    block: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    monkeypatch.chdir(tmp_path)
    for argv, expected in sessions(block):
        result = run(*argv)
        assert result.code in (0, 1), result.err
        assert result.out + result.err == expected


def test_there_are_console_examples_for_each_command() -> None:
    commands = {argv[0] for block in console_blocks(README) for argv, _ in sessions(block)}
    assert commands >= {"check", "fix", "clean"}


def test_every_configuration_key_is_documented() -> None:
    start = CLI_DOC.index("\n## Configuration keys\n")
    text = CLI_DOC[start:]
    keys = ["preset", "select", "ignore", "extend-select", "per-file-ignores", "include"]
    keys += ["exclude", "extend-exclude"]
    keys += [options.option_name(f.name) for f in options.behaviour_fields()]
    missing = [key for key in keys if f"`{key}`" not in text]
    assert missing == []


def test_every_hook_is_documented() -> None:
    hooks = re.findall(r"^- id: (\S+)", (ROOT / ".pre-commit-hooks.yaml").read_text(), re.M)
    assert hooks == ["arnorm-check", "arnorm-fix"]
    assert all(f"`{hook}`" in section("pre-commit") for hook in hooks)


def test_every_exit_code_is_documented() -> None:
    rows = re.findall(r"^\| (\d) \|", section("Exit codes"), flags=re.MULTILINE)
    assert rows == ["0", "1", "2"]
