"""The command line on hostile ground: links out of the tree, shared and locked files, other
owners, full disks, a repository's word lists, deep JSON, killed runs (phenomenon: safety)."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import NBSP, base_project, run, write

from arnorm.cli import output, textfile
from arnorm.cli.textfile import InputError, is_temporary, read_bytes, write_atomic

DIRTY = f"قال{NBSP}الوزير\n"
CLEAN = "قال الوزير\n"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tree").mkdir()
    base_project(tmp_path / "tree")
    monkeypatch.chdir(tmp_path / "tree")


# --- walks stay inside ---------------------------------------------------------------------


def test_a_walk_does_not_follow_a_link_out_of_the_tree() -> None:
    victim = write("../outside/victim.txt", DIRTY)
    Path("notes.txt").symlink_to("../outside/victim.txt")
    result = run("fix", ".")
    assert victim.read_text(encoding="utf-8") == DIRTY
    assert "notes.txt: skipped: symbolic link to" in result.err
    assert result.code == 0


def test_a_named_link_out_of_the_project_is_not_followed() -> None:
    victim = write("../outside/victim.txt", DIRTY)
    Path("notes.txt").symlink_to("../outside/victim.txt")
    assert "outside" in run("fix", "notes.txt").err
    assert victim.read_text(encoding="utf-8") == DIRTY


def test_a_link_inside_the_tree_is_read_once_by_its_own_name() -> None:
    write("docs/a.txt", DIRTY)
    Path("b.txt").symlink_to("docs/a.txt")
    result = run("fix", ".")
    assert result.code == 1
    assert "docs/a.txt:1:4" in result.out
    assert "b.txt" not in result.out
    assert Path("docs/a.txt").read_text(encoding="utf-8") == CLEAN
    assert Path("b.txt").is_symlink()


@pytest.mark.parametrize("named", [False, True], ids=["walked", "named"])
def test_a_loop_of_links_is_reported_as_a_loop(named: bool) -> None:
    Path("x.txt").symlink_to("y.txt")
    Path("y.txt").symlink_to("x.txt")
    result = run("check", "x.txt" if named else ".")
    assert result.code == 2
    assert "x.txt: symbolic link loop" in result.err
    assert "No such file" not in result.err


# --- files keep what they are ------------------------------------------------------------


def test_a_file_with_several_hard_links_is_refused_and_both_names_kept() -> None:
    path = write("a.txt", DIRTY)
    os.link(path, "b.txt")
    result = run("fix", "a.txt")
    assert result.code == 2
    assert "a.txt: has 2 hard links" in result.err
    assert os.path.samefile("a.txt", "b.txt")
    assert Path("b.txt").read_text(encoding="utf-8") == DIRTY


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root")
def test_owner_and_group_are_kept() -> None:
    path = write("a.txt", DIRTY)
    os.chown(path, 65534, 65534)
    assert run("fix", "a.txt").code == 1
    info = path.stat()
    assert (info.st_uid, info.st_gid, path.read_text(encoding="utf-8")) == (65534, 65534, CLEAN)


def test_extended_attributes_are_kept() -> None:
    path = write("a.txt", DIRTY)
    try:
        os.setxattr(path, "user.arnorm-test", b"kept")
    except (AttributeError, OSError):
        pytest.skip("no user extended attributes here")
    assert run("fix", "a.txt").code == 1
    assert os.getxattr(path, "user.arnorm-test") == b"kept"


def test_a_file_changed_since_it_was_read_is_not_overwritten() -> None:
    path = write("a.txt", DIRTY)
    data, snapshot = read_bytes(path, 1 << 20)
    path.write_text(DIRTY + "سطر أضافه محرر\n", encoding="utf-8")  # another writer, meanwhile
    with pytest.raises(InputError, match="changed since it was read"):
        write_atomic(path, data.replace(NBSP.encode(), b" "), snapshot)
    assert path.read_text(encoding="utf-8").endswith("سطر أضافه محرر\n")


def test_a_file_locked_by_another_run_is_not_replaced() -> None:
    fcntl = pytest.importorskip("fcntl")
    path = write("a.txt", DIRTY)
    with open(path, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        result = run("fix", "a.txt")
    assert result.code == 2
    assert "a.txt: another process is writing it" in result.err
    assert path.read_text(encoding="utf-8") == DIRTY


def test_two_runs_at_once_lose_nothing_silently(tmp_path: Path) -> None:
    """Both runs read the same text; whichever saves second finds the file changed (or
    locked) and says so, instead of reporting fixes that the other run's rename dropped."""
    path = write("a.txt", DIRTY * 20_000)
    command = [sys.executable, "-m", "arnorm", "fix", "a.txt"]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [subprocess.Popen(command, env=environment, stderr=subprocess.PIPE) for _ in range(2)]
    codes = [(p.wait(), p.stderr.read().decode() if p.stderr else "") for p in runs]
    assert path.read_text(encoding="utf-8") == CLEAN * 20_000
    if sorted(code for code, _ in codes) == [0, 1]:
        return  # one finished before the other read: the second found the file clean
    assert sorted(code for code, _ in codes) == [1, 2]
    message = next(err for code, err in codes if code == 2)
    assert "changed since it was read" in message or "another process" in message


def test_a_file_replaced_while_this_run_waited_for_its_lock_is_not_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The race behind two runs at once: this run opens the file, the other renames its new
    text over it and lets go of its lock, then this run takes the lock on the old file. The
    old file is as it was read, but it is no longer the file: writing would drop the other
    run's text."""
    path = write("a.txt", DIRTY)
    _, snapshot = read_bytes(path, 1 << 20)
    take_lock = textfile._lock

    def other_run_renames_first(stream: object) -> None:
        other = write("other.txt", "نص آخر\n")
        os.replace(other, path)
        take_lock(stream)  # type: ignore[arg-type]

    monkeypatch.setattr(textfile, "_lock", other_run_renames_first)
    with pytest.raises(InputError, match="changed since it was read"):
        write_atomic(path, CLEAN.encode(), snapshot)
    assert path.read_text(encoding="utf-8") == "نص آخر\n"


# --- temporary files -----------------------------------------------------------------------


def _gone_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_stale_temporary_files_are_removed_and_never_walked() -> None:
    stale = write(f".a.txt.arnorm-{_gone_pid()}-k2j4h1xz.tmp", DIRTY)
    live = write(f".a.txt.arnorm-{os.getpid()}-abcdefgh.tmp", DIRTY)
    write("a.txt", DIRTY)
    result = run("check", "--extend-include", "*", ".")
    assert "arnorm-" not in result.out + result.err
    assert run("fix", "a.txt").code == 1
    assert not stale.exists()  # its process is gone
    assert live.exists()  # this one may still be writing
    assert is_temporary(live.name)
    assert [p.name for p in Path().iterdir() if ".tmp" in p.name] == [live.name]


# --- every write checked -------------------------------------------------------------------


class FullDisk(io.RawIOBase):
    """A raw stream that takes a few bytes per call (as a nearly full disk does), then fails."""

    def __init__(self, room: int) -> None:
        self.room, self.data = room, bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        chunk = bytes(data)[:7]  # type: ignore[call-overload]
        if len(self.data) + len(chunk) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.data += chunk
        return len(chunk)


def test_partial_writes_are_completed_and_a_full_disk_raises() -> None:
    roomy = FullDisk(10_000)
    writer = output.CheckedWriter(roomy)
    writer.write(b"x" * 5_000)
    writer.flush()
    assert bytes(roomy.data) == b"x" * 5_000
    writer = output.CheckedWriter(FullDisk(1_000))
    with pytest.raises(output.OutputError, match="No space left"):
        writer.write(b"x" * 50_000)  # larger than the buffer: written through, and fails


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("command", ["clean", "check", "fix-stdin"])
def test_a_full_stdout_is_exit_2_with_its_name(command: str, unbuffered: str) -> None:
    write("in.txt", DIRTY * 5_000)
    argv = {
        "clean": ["clean", "in.txt"],
        "check": ["check", "in.txt"],
        "fix-stdin": ["fix", "-"],
    }[command]
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": unbuffered}
    with open("in.txt", "rb") as source, open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "arnorm", *argv],
            stdin=source,
            stdout=full,
            stderr=subprocess.PIPE,
            env=environment,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.decode().endswith("arnorm: standard output: No space left on device\n")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_output_file_is_named() -> None:
    write("in.txt", DIRTY)
    result = run("clean", "in.txt", "-o", "/dev/full")
    assert (result.code, result.err) == (2, "/dev/full: No space left on device\n")


def test_a_missing_output_folder_names_the_output() -> None:
    write("in.txt", DIRTY)
    result = run("clean", "in.txt", "-o", "nowhere/out.txt")
    assert result.code == 2
    assert result.err.startswith(f"{Path('nowhere/out.txt').resolve()}: No such file")
    assert "(its folder does not exist)" in result.err
    assert ".tmp" not in result.err


# --- what a configuration may make arnorm read ------------------------------------------


WORD_LISTS = [
    pytest.param("/dev/zero", "/dev/zero: not a regular file", id="a device"),
    pytest.param("missing.txt", "missing.txt: No such file or directory", id="missing"),
    pytest.param("latin1.txt", "latin1.txt: not valid UTF-8 at byte 0", id="not UTF-8"),
    pytest.param("big.txt", "big.txt: 1,800 bytes is over the 1,000-byte limit", id="too big"),
]


@pytest.mark.parametrize(("path", "message"), WORD_LISTS)
@pytest.mark.parametrize("command", ["check", "fix", "split", "clean"])
def test_a_bad_word_list_is_an_error_line_and_exit_2(path: str, message: str, command: str) -> None:
    write("latin1.txt", b"\xe9t\xe9\n")
    write("big.txt", "كلمة\n" * 200)
    write("a.txt", DIRTY)
    Path(".arnorm.toml").write_text(f'extra-words = ["{path}"]\n', encoding="utf-8")
    argv = {"check": ["a.txt"], "fix": ["a.txt"], "split": ["كلمة"], "clean": ["a.txt"]}
    result = run(command, "--max-word-list-bytes", "1000", *argv[command])
    assert result.code == 2
    assert result.err.startswith("arnorm: word list ")
    assert message in result.err
    assert "Traceback" not in result.err


def test_the_word_list_limit_is_not_a_configuration_key() -> None:
    Path(".arnorm.toml").write_text("max-word-list-bytes = 99999999999\n", encoding="utf-8")
    result = run("check", "a.txt")
    assert result.code == 2
    assert "unknown key 'max-word-list-bytes'" in result.err


# --- bounded recursion ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv", [("clean", "--jsonl"), ("report", "-o", "r.html")], ids=["clean", "report"]
)
def test_deeply_nested_json_input_is_invalid_json(argv: tuple[str, ...]) -> None:
    write("deep.jsonl", '{"text": ' + "[" * 100_000 + "}\n")
    result = run(argv[0], "deep.jsonl", *argv[1:])
    assert (result.code, result.err) == (2, "deep.jsonl: line 1: invalid JSON: nested too deeply\n")


# --- large files in bounded memory -------------------------------------------------------

STREAMED = "".join(
    f"سطر {i}{NBSP}فيه{' ' if i % 7 else ' “قول” '}نص\n"
    + ("arnorm: off\n" if i == 40 else "")
    + ("هنا\xa0لا\narnorm: on\n" if i == 41 else "")
    for i in range(200)
)


def test_a_large_text_file_is_fixed_in_chunks_as_a_whole_file_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from arnorm.cli import check

    whole = write("whole.txt", STREAMED)
    whole_run = run("fix", "whole.txt")
    monkeypatch.setattr(check, "STREAM_BYTES", 100)
    monkeypatch.setattr(check, "CHUNK_BYTES", 300)
    chunked = write("chunked.txt", STREAMED)
    chunked_run = run("fix", "chunked.txt")
    assert chunked.read_bytes() == whole.read_bytes() != STREAMED.encode()
    assert chunked_run.out.replace("chunked.txt", "whole.txt") == whole_run.out
    assert "هنا\xa0لا" in chunked.read_text(encoding="utf-8")  # the off region was kept whole


def test_a_streamed_file_with_a_nul_is_skipped_and_untouched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from arnorm.cli import check

    monkeypatch.setattr(check, "STREAM_BYTES", 100)
    monkeypatch.setattr(check, "CHUNK_BYTES", 300)
    path = write("a.txt", STREAMED + "\0\n")
    result = run("fix", "a.txt")
    assert "skipped binary file" in result.err
    assert path.read_text(encoding="utf-8") == STREAMED + "\0\n"
    assert not [p for p in Path().iterdir() if p.name.endswith(".tmp")]
