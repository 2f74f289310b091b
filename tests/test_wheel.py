"""The built wheel carries what the package reads at run time: the word lists of the top-level
wordlists/ folder, installed as arnorm.wordlists (phenomenon: packaging)."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest
from network import index_reachable

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.network
@pytest.mark.slow
def test_the_wheel_installs_the_word_lists(tmp_path: Path) -> None:
    if not index_reachable():
        pytest.skip("no package index answers: the wheel's build backend cannot be installed")
    wheels = tmp_path / "wheels"
    build = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)]
    subprocess.run(build, check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("arnorm-*.whl")
    env = tmp_path / "env"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    install = [str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)]
    subprocess.run(install, check=True, capture_output=True, timeout=300)
    # Run from the temporary folder, so that the checkout cannot be imported instead.
    load = "from arnorm.lexicon.words import bundled_words as w; print(len(w('proclitics')))"
    done = subprocess.run(
        [str(python), "-c", load], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert int(done.stdout) == len(bundled_proclitics())


def bundled_proclitics() -> list[str]:
    text = (ROOT / "wordlists" / "proclitics.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]
