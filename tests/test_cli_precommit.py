"""The pre-commit hooks, run by the real pre-commit against a throwaway git repository with this
checkout as the hook repository (phenomenon: pre-commit).

This is the one slow test: pre-commit builds a virtual environment and installs arnorm into it
from PyPI's wordfreq. The environment is built once (while this checkout has no
uncommitted changes, every call uses the same revision) and lives in the test's temp folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from network import index_reachable

ROOT = Path(__file__).resolve().parent.parent


def pre_commit_available() -> bool:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        return False
    return True


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
        return run(sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), name, "--all-files")

    assert run("git", "init", "-q").returncode == 0
    # Only the rules every build has, so that rules landing later cannot change the outcome.
    (repo / ".arnorm.toml").write_text('select = ["AR101", "AR102", "AR103", "AR104"]\n')
    notes = repo / "notes.md"
    notes.write_bytes("# ملاحظات\n\nقال\N{NO-BREAK SPACE}الوزير\N{RIGHT-TO-LEFT MARK}\r\n".encode())
    # Code and data with Arabic strings: the hooks declare prose types, so they never see them.
    code = {
        "app.py": 'X = "قال\N{NO-BREAK SPACE}الوزير"\n',
        "data.json": '{"text": "قال \\"نعم\\"\N{NO-BREAK SPACE}أمس"}\n',
        "config.yaml": 'title: "قال\N{NO-BREAK SPACE}الوزير"\n',
    }
    for name, text in code.items():
        (repo / name).write_text(text, encoding="utf-8")
    run("git", "add", ".")

    check = hook("arnorm-check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "notes.md:3:4: AR104 exotic-space" in check.stdout

    fix = hook("arnorm-fix")
    assert fix.returncode == 1, fix.stdout + fix.stderr
    assert "files were modified by this hook" in fix.stdout
    assert notes.read_bytes() == "# ملاحظات\n\nقال الوزير\r\n".encode()
    for name, text in code.items():
        assert (repo / name).read_text(encoding="utf-8") == text, name

    again = hook("arnorm-check")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout


def test_hooks_declare_the_prose_kinds() -> None:
    """The hooks' types_or are the identify tags of arnorm's prose kinds."""
    from arnorm.cli.kinds import HOOK_TYPES

    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    declared = [line.strip() for line in text.splitlines() if line.strip().startswith("types")]
    assert declared == [f"types_or: [{', '.join(HOOK_TYPES)}]"] * 2
