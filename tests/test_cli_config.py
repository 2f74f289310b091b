"""Configuration files: ``[tool.arnorm]`` or ``.arnorm.toml``, found by walking up, overridden by
the command line (phenomenon: configuration)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import BASE_RULES, NBSP, RLM, run, write

from arnorm.cli import main as cli_main
from arnorm.cli import options

DIRTY = f"قال{NBSP}الوزير{RLM}\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def codes(*argv: str) -> list[str]:
    """The codes found, among the rules every build has (others may land later)."""
    result = run("check", "--format", "json", *argv)
    assert result.code in (0, 1), result.err
    return sorted({item["code"] for item in json.loads(result.out)} & set(BASE_RULES))


def test_pyproject_table_is_read() -> None:
    write("pyproject.toml", '[project]\nname = "x"\n\n[tool.arnorm]\nselect = ["AR101"]\n')
    write("a.txt", DIRTY)
    assert codes("a.txt") == ["AR101"]


def test_the_file_is_found_from_a_subfolder(monkeypatch: pytest.MonkeyPatch) -> None:
    write(".arnorm.toml", 'ignore = ["exotic-space"]\n')
    write("deep/er/a.txt", DIRTY)
    monkeypatch.chdir("deep/er")
    assert codes("a.txt") == ["AR101"]


def test_arnorm_toml_wins_over_pyproject_in_the_same_folder() -> None:
    write("pyproject.toml", '[tool.arnorm]\nselect = ["AR101"]\n')
    write(".arnorm.toml", 'select = ["AR104"]\n')
    write("a.txt", DIRTY)
    assert codes("a.txt") == ["AR104"]


def test_a_pyproject_without_the_table_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    write(".arnorm.toml", 'select = ["AR104"]\n')
    write("sub/pyproject.toml", '[project]\nname = "x"\n')
    write("sub/a.txt", DIRTY)
    monkeypatch.chdir("sub")
    assert codes("a.txt") == ["AR104"]


def test_the_nearest_file_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    write(".arnorm.toml", 'select = ["AR104"]\n')
    write("sub/.arnorm.toml", 'select = ["AR101"]\n')
    write("sub/a.txt", DIRTY)
    monkeypatch.chdir("sub")
    assert codes("a.txt") == ["AR101"]


OVERRIDES = [
    pytest.param('select = ["AR101"]', ["--select", "AR104"], ["AR104"], id="select replaced"),
    pytest.param('ignore = ["AR101"]', ["--ignore", "AR104"], ["AR101"], id="ignore replaced"),
    pytest.param(
        'select = ["AR101"]\nextend-select = ["AR102"]',
        ["--extend-select", "AR104"],
        ["AR101", "AR104"],
        id="extend-select adds",
    ),
    pytest.param("spaces = false", [], ["AR101"], id="a behaviour key"),
    pytest.param("spaces = false", ["--spaces"], ["AR101", "AR104"], id="behaviour overridden"),
    pytest.param('preset = "none"', [], [], id="preset key"),
    pytest.param('preset = "none"', ["--preset", "clean"], ["AR101", "AR104"], id="preset flag"),
    pytest.param('select = "AR101, AR104"', [], ["AR101", "AR104"], id="a comma string"),
]


@pytest.mark.parametrize(("table", "argv", "expected"), OVERRIDES)
def test_the_command_line_overrides_the_file(
    table: str, argv: list[str], expected: list[str]
) -> None:
    write(".arnorm.toml", table + "\n")
    write("a.txt", DIRTY)
    assert codes(*argv, "a.txt") == expected


def test_per_file_ignores(monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        "pyproject.toml",
        '[tool.arnorm.per-file-ignores]\n"docs/style/*.md" = ["AR104"]\n"*.txt" = "AR101"\n',
    )
    write("docs/style/guide.md", DIRTY)
    write("docs/other.md", DIRTY)
    write("docs/a.txt", DIRTY)
    result = json.loads(run("check", "--format", "json", "docs").out)
    found = sorted((item["path"], item["code"]) for item in result if item["code"] in BASE_RULES)
    assert found == [
        ("docs/a.txt", "AR104"),
        ("docs/other.md", "AR101"),
        ("docs/other.md", "AR104"),
        ("docs/style/guide.md", "AR101"),
    ]
    monkeypatch.chdir("docs")  # globs stay relative to the configuration file
    assert codes("style/guide.md") == ["AR101"]


def test_include_and_exclude_are_relative_to_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    write(".arnorm.toml", 'include = ["*.md"]\nextend-exclude = ["book/drafts"]\n')
    write("book/a.md", DIRTY)
    write("book/a.txt", DIRTY)
    write("book/drafts/b.md", DIRTY)
    monkeypatch.chdir("book")
    paths = {item["path"] for item in json.loads(run("check", "--format", "json").out)}
    assert paths == {"a.md"}


def test_word_list_paths_are_relative_to_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    write("project/.arnorm.toml", 'extra-words = ["words.txt"]\nnever-split = "keep.txt"\n')
    write("project/sub/a.txt", "نص\n")
    for name in ("project/words.txt", "project/keep.txt", "project/sub/mine.txt"):
        write(name, "كلمة\n")  # word lists are read (and checked) when the config is built
    root = Path("project").resolve()
    monkeypatch.chdir("project/sub")
    args = cli_main.parse(["check", "a.txt", "--extra-words", "mine.txt"])
    config = options.build_config(args)
    assert config.extra_words == (str(root / "words.txt"), "mine.txt")
    assert config.never_split == (str(root / "keep.txt"),)


def test_keys_of_other_commands_are_skipped() -> None:
    write(".arnorm.toml", 'include = ["*.md"]\nformat = "json"\nselect = ["AR104"]\n')
    result = run("clean", "-", stdin=DIRTY.encode())
    assert (result.code, result.raw) == (0, f"قال الوزير{RLM}\n".encode())


def test_output_switches_can_be_set() -> None:
    write(".arnorm.toml", 'format = "json"\nexit-zero = true\n')
    write("a.txt", DIRTY)
    result = run("check", "a.txt")
    assert result.code == 0
    assert len([i for i in json.loads(result.out) if i["code"] in BASE_RULES]) == 2


BAD = [
    pytest.param('colour = "red"', "unknown key 'colour'", id="unknown key"),
    pytest.param("spaces = 1", "spaces must be true or false", id="flag not a bool"),
    pytest.param("select = 101", "select must be a string or a list of strings", id="not a list"),
    pytest.param('diacritics = "loud"', "invalid choice: 'loud'", id="bad choice"),
    pytest.param('select = ["AR777"]', "no rule matches 'AR777'", id="unknown rule"),
    pytest.param("select = [", "Invalid value", id="invalid TOML"),
    pytest.param('per-file-ignores = "x"', "must be a table", id="per-file-ignores not a table"),
    pytest.param('config = "other.toml"', "unknown key 'config'", id="config is not a key"),
]


@pytest.mark.parametrize(("table", "message"), BAD)
def test_a_bad_file_is_a_usage_error_that_names_it(table: str, message: str) -> None:
    write(".arnorm.toml", table + "\n")
    write("a.txt", DIRTY)
    result = run("check", "a.txt")
    assert result.code == 2
    assert result.err.startswith("arnorm: configuration: ")
    assert ".arnorm.toml" in result.err
    assert message in result.err


def test_an_explicit_file_and_isolated_mode() -> None:
    write(".arnorm.toml", 'select = ["AR101"]\n')
    write("other.toml", 'select = ["AR104"]\n')
    write("a.txt", DIRTY)
    assert codes("--config", "other.toml", "a.txt") == ["AR104"]
    assert codes("--isolated", "a.txt") == ["AR101", "AR104"]
    assert run("check", "--config", "missing.toml", "a.txt").code == 2
    write("pyproject.toml", '[project]\nname = "x"\n')
    assert run("check", "--config", "pyproject.toml", "a.txt").code == 2


def test_rules_reads_no_configuration() -> None:
    write(".arnorm.toml", 'colour = "red"\n')
    assert run("rules", "AR101").code == 0
