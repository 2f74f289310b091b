"""The pre-commit hooks, run by the real pre-commit against a throwaway git repository with this
checkout as the hook repository (phenomenon: pre-commit).

This is the one slow test: pre-commit builds a virtual environment and installs arnorm into it
from PyPI's wordfreq. The environment is built once (while this checkout has no
uncommitted changes, every call uses the same revision) and lives in the test's temp folder.
"""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pre_commit_available() -> bool:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        return False
    return True


def index_urls() -> list[str]:
    """The package indexes pip would install from: its configured index (PyPI by default)
    and extra indexes, from the environment and pip's own configuration."""
    urls = [os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple")]
    urls += os.environ.get("PIP_EXTRA_INDEX_URL", "").split()
    try:
        listed = subprocess.run(
            [sys.executable, "-m", "pip", "config", "list"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        ).stdout
    except subprocess.TimeoutExpired:
        listed = ""
    for line in listed.splitlines():
        key, _, value = line.partition("=")
        if key.endswith(("index-url", "extra-index-url")):
            urls += value.strip("'\"").split()
    return urls


@functools.cache
def index_reachable() -> bool:
    """Whether some package index answers: a local one exists, or a remote one accepts a
    connection within 3 seconds (a quick, bounded check; no download)."""
    for url in index_urls():
        parsed = urlparse(url)
        if parsed.scheme == "file" and Path(parsed.path).is_dir():
            return True
        if parsed.scheme in ("http", "https") and parsed.hostname:
            port = parsed.port or (443 if parsed.scheme == "https" else 80)
            try:
                socket.create_connection((parsed.hostname, port), timeout=3).close()
            except OSError:
                continue
            return True
    return False


@pytest.mark.network
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.skipif(not pre_commit_available(), reason="pre-commit is in the test extra")
def test_pre_commit_hooks_check_fix_and_pass(tmp_path: Path) -> None:
    if not index_reachable():
        pytest.skip("no package index answers: pre-commit cannot install the hooks offline")
    repo = tmp_path / "repo"
    repo.mkdir()
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command, cwd=repo, env=environment, capture_output=True, text=True, check=False
        )

    def hook(name: str) -> subprocess.CompletedProcess[str]:
        return run(
            sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), name, "--files", "notes.md"
        )

    assert run("git", "init", "-q").returncode == 0
    # Only the rules every build has, so that rules landing later cannot change the outcome.
    (repo / ".arnorm.toml").write_text('select = ["AR101", "AR102", "AR103", "AR104"]\n')
    notes = repo / "notes.md"
    notes.write_bytes("# ملاحظات\n\nقال\N{NO-BREAK SPACE}الوزير\N{RIGHT-TO-LEFT MARK}\r\n".encode())
    run("git", "add", "notes.md")

    check = hook("arnorm-check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "notes.md:3:4: AR104 exotic-space" in check.stdout

    fix = hook("arnorm-fix")
    assert fix.returncode == 1, fix.stdout + fix.stderr
    assert "files were modified by this hook" in fix.stdout
    assert notes.read_bytes() == "# ملاحظات\n\nقال الوزير\r\n".encode()

    again = hook("arnorm-check")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout
