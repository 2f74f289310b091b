"""Which files are read, and what happens to inputs that are not UTF-8 text (phenomenon: files
and encodings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import NBSP, base_project, run, write

from arnorm.cli.files import matches

DIRTY = f"قال{NBSP}نعم\n".encode()


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base_project(tmp_path)
    monkeypatch.chdir(tmp_path)


def checked(*argv: str) -> list[str]:
    """The paths that have findings, in the order reported."""
    result = run("check", "--format", "json", *argv)
    return list(dict.fromkeys(item["path"] for item in json.loads(result.out)))


def test_folders_are_walked_recursively_in_sorted_order() -> None:
    for name in ("b.txt", "a/z.md", "a/b/c.txt", "top.txt"):
        write(f"docs/{name}", DIRTY)
    assert checked("docs") == ["docs/a/b/c.txt", "docs/a/z.md", "docs/b.txt", "docs/top.txt"]


def test_no_path_means_the_current_folder() -> None:
    write("x/one.txt", DIRTY)
    write("two.txt", DIRTY)
    assert checked() == ["two.txt", "x/one.txt"]


SKIPPED_FOLDERS = [
    pytest.param(".git/COMMIT_EDITMSG", id="git"),
    pytest.param("node_modules/pkg/README.md", id="node_modules"),
    pytest.param(".venv/lib/site.txt", id=".venv"),
    pytest.param("venv/notes.txt", id="venv"),
    pytest.param("__pycache__/x.txt", id="pycache"),
    pytest.param("deep/.tox/log.txt", id="nested tox"),
]


@pytest.mark.parametrize("name", SKIPPED_FOLDERS)
def test_default_excludes_are_not_walked(name: str) -> None:
    write(name, DIRTY)
    write("kept.txt", DIRTY)
    assert checked(".") == ["kept.txt"]


def test_a_virtual_environment_is_skipped_whatever_its_name() -> None:
    write("env-3.11/pyvenv.cfg", b"home = /usr/bin\n")
    write("env-3.11/lib/x.txt", DIRTY)
    write("kept.txt", DIRTY)
    assert checked(".") == ["kept.txt"]


def test_a_file_named_on_the_command_line_is_always_checked() -> None:
    write("node_modules/x.txt", DIRTY)
    assert checked("node_modules/x.txt") == ["node_modules/x.txt"]


GLOBS = [
    pytest.param(["--include", "*.md"], ["a.md", "sub/c.md"], id="include by suffix"),
    pytest.param(["--include", "sub/*"], ["sub/c.md", "sub/d.txt"], id="include a folder"),
    pytest.param(["--extend-exclude", "sub"], ["a.md", "b.txt"], id="extend-exclude a folder"),
    pytest.param(["--exclude", "*.txt"], ["a.md", "sub/c.md"], id="exclude replaces"),
    pytest.param(
        ["--extend-exclude", "**/*.md"], ["b.txt", "sub/d.txt"], id="double star any depth"
    ),
]


@pytest.mark.parametrize(("argv", "found"), GLOBS)
def test_include_and_exclude_globs(argv: list[str], found: list[str]) -> None:
    for name in ("a.md", "b.txt", "sub/c.md", "sub/d.txt"):
        write(name, DIRTY)
    assert checked(*argv) == found


def test_exclude_replaces_the_defaults_and_extend_exclude_does_not() -> None:
    write("node_modules/x.txt", DIRTY)
    assert checked("--exclude", "*.md") == ["node_modules/x.txt"]
    assert checked("--extend-exclude", "*.md") == []


@pytest.mark.parametrize(
    ("glob", "path", "expected"),
    [
        pytest.param("*.md", "a/b.md", True, id="name glob at any depth"),
        pytest.param("a/*.md", "a/b/c.md", False, id="star stays in one folder"),
        pytest.param("a/**/c.md", "a/c.md", True, id="double star may be empty"),
        pytest.param("./a/", "a/x", True, id="dot slash and trailing slash"),
        pytest.param("[!x]*.txt", "y.txt", True, id="negated bracket"),
    ],
)
def test_glob_matching(glob: str, path: str, expected: bool) -> None:
    assert matches(glob, path) is expected


def test_binary_files_are_skipped_with_a_note() -> None:
    write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    write("a.txt", DIRTY)
    result = run("check", ".")
    assert "image.txt: skipped binary file (NUL at byte 8)" in result.err
    assert result.code == 1  # the text file's finding, not an error


INVALID = [
    pytest.param("قال".encode() + b"\xe9t\xe9", 6, id="latin-1 inside"),
    pytest.param(b"\xef\xbb\xbf" + "نص".encode() + b"\xd9", 7, id="cut after a BOM"),
    pytest.param("نص".encode("cp1256"), 0, id="windows-1256"),
]


@pytest.mark.parametrize(("data", "byte"), INVALID)
def test_invalid_utf8_is_an_error_and_the_file_is_untouched(data: bytes, byte: int) -> None:
    path = write("bad.txt", data)
    for command in ("check", "fix"):
        result = run(command, "bad.txt")
        assert result.code == 2
        assert result.err == f"bad.txt: not valid UTF-8 at byte {byte}\n"
    assert path.read_bytes() == data


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(b"\xff\xfe" + "نص".encode("utf-16-le"), "UTF-16LE", id="UTF-16 with a BOM"),
        pytest.param("قال نعم".encode("utf-16-be"), "UTF-16BE", id="UTF-16 without a BOM"),
        pytest.param("نص".encode("utf-32"), "UTF-32LE", id="UTF-32"),
    ],
)
def test_utf16_is_an_error_that_names_it(data: bytes, encoding: str) -> None:
    """It was "skipped binary file" with exit 0: a whole file left unchecked, silently."""
    path = write("wide.txt", data)
    for command in ("check", "fix"):
        result = run(command, "wide.txt")
        assert result.code == 2
        assert result.err.startswith(f"wide.txt: {encoding} text, not UTF-8")
    assert path.read_bytes() == data


def test_an_error_does_not_stop_the_other_files() -> None:
    write("a.txt", b"\xff")
    write("b.txt", DIRTY)
    result = run("check", "a.txt", "b.txt", "missing.txt")
    assert result.code == 2
    assert "b.txt:1:4: AR104" in result.out
    assert result.err.splitlines() == [
        "a.txt: not valid UTF-8 at byte 0",
        "missing.txt: No such file or directory",
    ]


def test_devices_are_refused() -> None:
    result = run("check", "--extend-include", "zero", "/dev/zero")
    assert (result.code, result.err) == (2, "/dev/zero: not a regular file\n")


def test_files_over_the_size_limit_are_refused() -> None:
    write("big.txt", DIRTY * 10)
    result = run("check", "--max-file-bytes", "50", "big.txt")
    assert result.code == 2
    assert "big.txt: 150 bytes is over the 50-byte limit" in result.err
    assert run("check", "--max-file-bytes", "50", "-", stdin=DIRTY * 10).code == 2


def test_a_huge_line_is_checked_in_linear_time() -> None:
    write("long.txt", ("كلمة " * 200_000).encode() + DIRTY)
    result = run("check", "long.txt")
    assert result.out.startswith("long.txt:1:1000004: AR104")
