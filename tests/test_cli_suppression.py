"""Inline suppression: ``arnorm: ignore[...]`` lines and ``arnorm: off`` / ``on`` regions, so a
style guide can quote bad examples (phenomenon: suppression)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import NBSP, RLM, base_project, run


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base_project(tmp_path)
    monkeypatch.chdir(tmp_path)


N = NBSP
NOOPS = [
    pytest.param(f"مثال{N}خاطئ{RLM} # arnorm: ignore\n", id="ignore all on the line"),
    pytest.param(f"مثال{N}خاطئ # arnorm: ignore[AR104]\n", id="ignore one code"),
    pytest.param(f"مثال{N}خاطئ{RLM} # arnorm: ignore[AR104, AR101]\n", id="ignore a list"),
    pytest.param(f"مثال{N}خاطئ # arnorm:ignore[exotic-space]\n", id="ignore by name"),
    pytest.param(f"مثال{N}خاطئ{RLM} # arnorm: ignore[AR10]\n", id="ignore by prefix"),
    pytest.param(f"نص\narnorm: off\nمثال{N}خاطئ\nآخر{RLM}\narnorm: on\nنص\n", id="off and on"),
    pytest.param(f"نص\n<!-- arnorm: off -->\nمثال{N}\n", id="off runs to the end"),
    pytest.param(f"مثال{N}خاطئ <!-- arnorm: ignore -->", id="in an HTML comment"),
]


@pytest.mark.parametrize("text", NOOPS)
def test_suppressed_text_is_neither_reported_nor_fixed(text: str) -> None:
    path = Path("guide.md")
    path.write_text(text, encoding="utf-8")
    assert run("check", "guide.md").code == 0
    assert run("fix", "guide.md").code == 0
    assert path.read_text(encoding="utf-8") == text


FIXES = [
    pytest.param(
        f"مثال{N}خاطئ{RLM} # arnorm: ignore[AR104]\n",
        f"مثال{N}خاطئ # arnorm: ignore[AR104]\n",
        id="other codes still fixed",
    ),
    pytest.param(
        f"أ{N}ب # arnorm: ignore\nج{N}د\n", f"أ{N}ب # arnorm: ignore\nج د\n", id="next line fixed"
    ),
    pytest.param(
        f"arnorm: off\nأ{N}ب\narnorm: on\nج{N}د\n",
        f"arnorm: off\nأ{N}ب\narnorm: on\nج د\n",
        id="after on fixed",
    ),
    pytest.param(f"# arnorm: ignore\nمثال{N}", "# arnorm: ignore\nمثال ", id="only its own line"),
    pytest.param(f"أ{N}ب arnorm: on\n", "أ ب arnorm: on\n", id="on without off does nothing"),
    pytest.param(
        f"أ{N}ب arnorm: ignored\n", "أ ب arnorm: ignored\n", id="not a directive: ignored"
    ),
]


@pytest.mark.parametrize(("text", "expected"), FIXES)
def test_unsuppressed_text_is_fixed(text: str, expected: str) -> None:
    path = Path("guide.txt")
    path.write_text(text, encoding="utf-8")
    assert run("fix", "guide.txt").code == 1
    assert path.read_text(encoding="utf-8") == expected


def test_an_unknown_code_in_a_directive_is_a_warning() -> None:
    Path("guide.txt").write_text(f"سطر\nمثال{N} arnorm: ignore[AR777,AR104]\n", encoding="utf-8")
    result = run("check", "guide.txt")
    assert result.code == 0
    assert result.err == "guide.txt:2:7: warning: unknown rule 'AR777' in arnorm: ignore\n"


def test_directives_inside_markdown_code_are_examples() -> None:
    text = f"مثال:\n\n```\narnorm: off\n```\n\nهنا{N}خطأ `arnorm: ignore`\n"
    Path("guide.md").write_text(text, encoding="utf-8")
    result = run("check", "guide.md")
    assert result.out.startswith("guide.md:7:4: AR104")
