"""The code is ruff-clean, formatted and mypy-clean (phenomenon: house rules), checked in CI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.skipif(
    shutil.which("ruff") is None and not (Path(sys.prefix) / "bin/ruff").exists(),
    reason="ruff is in the test extra",
)
def test_ruff_check_and_format() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.prefix) / "bin/ruff")
    lint = run(ruff, "check", ".")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    form = run(ruff, "format", "--check", ".")
    assert form.returncode == 0, form.stdout + form.stderr


def test_mypy_strict() -> None:
    pytest.importorskip("mypy")
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
