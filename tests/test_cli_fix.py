"""``arnorm fix``: files repaired in place, byte for byte otherwise, and pre-commit's exit status
(phenomenon: fixing files)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cli_support import (
    LSEP,
    NBSP,
    REPORT_ONLY,
    RLM,
    UNSAFE,
    ZWSP,
    base_project,
    extra_rules,
    run,
    write,
)
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import arabic_text

import arnorm
from arnorm.cli.textfile import TextFile


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base_project(tmp_path)
    monkeypatch.chdir(tmp_path)


FIXES = [
    pytest.param(f"قال{NBSP}الوزير\n", "قال الوزير\n", id="no-break space"),
    pytest.param(f"قال{NBSP}نعم\r\nثم{RLM}لا\r\n", "قال نعم\r\nثملا\r\n", id="CRLF kept"),
    pytest.param(f"أ{NBSP}ب\r\nج{NBSP}د\nه\rو{NBSP}\n", "أ ب\r\nج د\nه\rو \n", id="mixed kept"),
    pytest.param(f"\ufeffقال{NBSP}نعم\n", "\ufeffقال نعم\n", id="BOM kept"),
    pytest.param(f"قال{NBSP}نعم", "قال نعم", id="no final line feed stays so"),
    pytest.param(f"أ{LSEP}ب\n", "أ\nب\n", id="line separator in an LF file"),
    pytest.param(f"أ{LSEP}ب\r\nج\r\n", "أ\r\nب\r\nج\r\n", id="line separator in a CRLF file"),
    pytest.param(f"ا{ZWSP}\r\nb\r\n", "ا\r\nb\r\n", id="edit next to a CRLF leaves it"),
    pytest.param(f"\ufeffنص{ZWSP}\ufeffنص\n", "\ufeffنصنص\n", id="a BOM inside goes"),
]


@pytest.mark.parametrize(("before", "after"), FIXES)
def test_fix_rewrites_only_what_the_rules_change(before: str, after: str) -> None:
    path = write("f.txt", before.encode())
    result = run("fix", "f.txt")
    assert result.code == 1, result.err
    assert path.read_bytes() == after.encode()
    again = run("fix", "f.txt")
    assert again.code == 0
    assert again.out == "Fixed 0 problems in 0 files.\n"


NOOPS = [
    pytest.param("قال الوزير إن المكتبة ستفتح.\n", id="clean Arabic"),
    pytest.param("\ufeffسطر\r\nسطر\n", id="BOM and mixed endings alone"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", NOOPS)
def test_fix_leaves_clean_files_alone(text: str) -> None:
    path = write("f.txt", text.encode())
    before = path.stat().st_mtime_ns
    assert run("fix", "f.txt").code == 0
    assert path.read_bytes() == text.encode()
    assert path.stat().st_mtime_ns == before


def test_fix_prints_what_it_changed() -> None:
    write("f.txt", f"سطر\nقال{NBSP}الوزير{RLM}\n".encode())
    assert run("fix", "f.txt").out.splitlines() == [
        'f.txt:2:4: AR104 exotic-space: fixed: "\\u00a0" -> " "',
        'f.txt:2:11: AR101 invisible-character: fixed: remove "\\u200f"',
        "Fixed 2 problems in 1 file.",
    ]


def test_fix_honours_the_selection() -> None:
    path = write("f.txt", f"قال{NBSP}الوزير{RLM}\n".encode())
    assert run("fix", "--select", "AR101", "f.txt").code == 1
    assert path.read_text(encoding="utf-8") == f"قال{NBSP}الوزير\n"


def test_unsafe_fixes_wait_for_the_flag_and_the_rest_is_reported() -> None:
    path = write("f.txt", f"يا للعجب!! XX{NBSP}ب\n".encode())
    with extra_rules(REPORT_ONLY, UNSAFE):
        safe = run("fix", "--extend-select", "AR998,AR999", "f.txt")
        assert path.read_text(encoding="utf-8") == "يا للعجب!! XX ب\n"
        unsafe = run("fix", "--extend-select", "AR998,AR999", "--unsafe-fixes", "f.txt")
    assert safe.code == unsafe.code == 1
    assert safe.out.splitlines()[-1] == (
        "Fixed 1 problem in 1 file; 2 remaining (no fix or unsafe: see `arnorm check`)."
    )
    assert path.read_text(encoding="utf-8") == "يا للعجب! XX ب\n"
    assert "f.txt:1:11: AR998 test-report-only" in unsafe.out


def test_stdin_goes_to_stdout_and_messages_to_stderr() -> None:
    result = run("fix", "-", stdin=f"قال{NBSP}نعم\r\n".encode())
    assert (result.code, result.raw) == (1, "قال نعم\r\n".encode())
    assert "Fixed 1 problem in 1 file." in result.err
    unchanged = run("fix", "-", stdin="نص سليم\n".encode())
    assert (unchanged.code, unchanged.raw) == (0, "نص سليم\n".encode())


def test_file_mode_is_kept() -> None:
    path = write("run.txt", f"echo قال{NBSP}نعم\n".encode(), mode=0o751)
    assert run("fix", "run.txt").code == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o751


def test_a_symlink_stays_a_link_to_the_fixed_file() -> None:
    target = write("real.txt", f"قال{NBSP}نعم\n".encode())
    Path("link.txt").symlink_to(target)
    assert run("fix", "link.txt").code == 1
    assert Path("link.txt").is_symlink()
    assert target.read_text(encoding="utf-8") == "قال نعم\n"


def test_a_read_only_file_is_an_error_and_untouched() -> None:
    text = f"قال{NBSP}نعم\n".encode()
    path = write("ro.txt", text, mode=0o444)
    other = write("rw.txt", text)
    result = run("fix", "ro.txt", "rw.txt")
    assert result.code == 2
    assert result.err == "ro.txt: read-only file, not changed\n"
    assert path.read_bytes() == text
    assert other.read_text(encoding="utf-8") == "قال نعم\n"


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = f"قال{NBSP}نعم\n".encode()
    path = write("f.txt", text)

    def interrupted(source: str, target: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    result = run("fix", "f.txt")
    assert result.code == 130
    assert path.read_bytes() == text
    assert sorted(os.listdir()) == [".arnorm.toml", "f.txt"]


def test_fix_summary_counts_files() -> None:
    write("a.txt", f"أ{NBSP}ب\n".encode())
    write("b.txt", f"ج{NBSP}د{NBSP}ه\n".encode())
    write("c.txt", "سليم\n".encode())
    result = run("fix", "a.txt", "b.txt", "c.txt")
    assert result.out.splitlines()[-1] == "Fixed 3 problems in 2 files."


encodable_text = arabic_text.map(lambda text: text.encode("utf-8", "replace").decode())


@given(
    text=encodable_text,
    ending=st.sampled_from(["\n", "\r\n", "mixed"]),
    bom=st.booleans(),
    data=st.data(),
)
@example(text="a\r\u2028b\n", ending="\r\n", bom=False, data=None)
@example(text="\ufeff", ending="\n", bom=False, data=None)
@example(text="\r\xad", ending="\n", bom=False, data=None)
def test_file_bytes_round_trip_through_the_rules(
    text: str, ending: str, bom: bool, data: st.DataObject | None
) -> None:
    lines = text.replace("\r\n", "\n").split("\n")
    if ending == "mixed" and data is not None:
        endings = data.draw(st.lists(st.sampled_from(["\n", "\r\n"]), min_size=len(lines)))
    else:
        endings = ["\r\n" if ending != "\n" else "\n"] * len(lines)
    raw = "".join(line + end for line, end in zip(lines, endings, strict=False))
    source = ("\ufeff" if bom else "") + raw
    file = TextFile.decode(source.encode())
    fixed = arnorm.fix(file.text)
    out = file.encode(fixed.edits)
    # The file says what the rules made, carriage returns aside.
    assert out.decode().replace("\r", "") == ("\ufeff" * file.bom + fixed.text).replace("\r", "")
    assert out.startswith(b"\xef\xbb\xbf") is source.startswith("\ufeff")
    if not fixed.edits:
        assert out == source.encode()
    if ending == "\r\n" and "\r" not in text:
        assert b"\n" not in out.replace(b"\r\n", b"")  # a CRLF file stays CRLF
