"""What ``check`` and ``fix`` read: prose by default; code and data only when opted in, and
then only their strings (phenomenon: file kinds)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import NBSP, run

from arnorm.cli import kinds

CODE = 'X = "قال \\"نعم\\"" + f"أمس{NAME!r}"  # قال "نعم"\nY = b"x"\n'
DATA = {"قال": 'قال "نعم"', "list": ["أمس" + NBSP + "اليوم", 1, None]}


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_a_python_file_is_skipped_with_a_note_and_left_alone() -> None:
    Path("app.py").write_text('X = "مرحبا"\n', encoding="utf-8")
    result = run("fix", "--isolated", "app.py")
    assert result.code == 0
    assert "app.py: skipped: .py is not a prose file (extend-include opts it in)" in result.err
    assert Path("app.py").read_text(encoding="utf-8") == 'X = "مرحبا"\n'


def test_a_walk_reads_prose_and_counts_the_rest() -> None:
    Path("notes.md").write_text(f"قال{NBSP}الوزير\n", encoding="utf-8")
    for name in ("app.py", "data.json", "config.yaml", "Makefile"):
        Path(name).write_text(f'"قال{NBSP}الوزير"\n', encoding="utf-8")
    result = run("fix", "--isolated", ".")
    assert result.code == 1
    assert "arnorm: note: skipped 4 files that are not prose" in result.err
    assert Path("notes.md").read_text(encoding="utf-8") == "قال الوزير\n"
    assert Path("app.py").read_text(encoding="utf-8") == f'"قال{NBSP}الوزير"\n'


def test_opted_in_python_has_only_its_strings_and_comments_fixed() -> None:
    Path("app.py").write_text(CODE, encoding="utf-8")
    result = run("fix", "--isolated", "--extend-include", "*.py", "app.py")
    assert result.code == 1, result.err
    fixed = Path("app.py").read_text(encoding="utf-8")
    assert fixed == CODE.replace('\\"نعم\\"', '\\"نعم\\"').replace('# قال "نعم"', "# قال «نعم»")
    namespace = {"NAME": "x"}
    exec(compile(fixed, "app.py", "exec"), namespace)  # still Python, same escapes
    assert namespace["X"] == 'قال "نعم"' + "أمس'x'"


def test_opted_in_json_has_only_its_string_values_fixed() -> None:
    Path("data.json").write_text(json.dumps(DATA, ensure_ascii=False), encoding="utf-8")
    assert run("fix", "--isolated", "--extend-include", "*.json", "data.json").code == 1
    fixed = json.loads(Path("data.json").read_text(encoding="utf-8"))
    assert list(fixed) == list(DATA)  # the keys are data, never touched
    assert fixed["قال"] == 'قال "نعم"'  # an escaped quote stays (AR401 cannot pair a half)
    assert fixed["list"] == ["أمس اليوم", 1, None]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param('{"a": ', "not valid JSON: Expecting value", id="cut"),
        pytest.param("[" * 100_000, "not valid JSON: nested too deeply", id="nested"),
    ],
)
def test_opted_in_json_that_does_not_parse_is_an_error(text: str, message: str) -> None:
    Path("data.json").write_text(text, encoding="utf-8")
    result = run("check", "--isolated", "--extend-include", "*.json", "data.json")
    assert result.code == 2
    assert result.err.startswith(f"data.json: {message}")


def test_kinds_without_a_tokenizer_stay_out_even_when_opted_in() -> None:
    Path("config.yaml").write_text(f'title: "قال{NBSP}الوزير"\n', encoding="utf-8")
    result = run("fix", "--isolated", "--extend-include", "*.yaml", "config.yaml")
    assert result.code == 0
    assert ".yaml files have no tokenizer in arnorm" in result.err


def test_an_opted_in_file_of_unknown_kind_is_plain_text() -> None:
    Path("NOTES").write_text(f"قال{NBSP}الوزير\n", encoding="utf-8")
    assert run("fix", "--isolated", "--extend-include", "NOTES", "NOTES").code == 1
    assert Path("NOTES").read_text(encoding="utf-8") == "قال الوزير\n"


def test_standard_input_named_as_code_is_given_back_unchanged() -> None:
    result = run("fix", "--isolated", "--stdin-filename", "app.py", "-", stdin=CODE.encode())
    assert result.raw == CODE.encode()


def test_an_edit_that_would_write_syntax_into_a_string_is_refused() -> None:
    from arnorm.cli.textfile import InputError
    from arnorm.edits import Edit

    with pytest.raises(InputError, match="would write '\"' into a json string"):
        kinds.check_edits("json", '"x"', [Edit(1, 2, '"', "AR401")])
    kinds.check_edits("markdown", '"x"', [Edit(1, 2, '"', "AR401")])


def prose(kind: kinds.Kind, text: str) -> list[str]:
    return [text[a:b] for a, b in kinds.gaps(kinds.scan(kind, text).spans, len(text))]


SCANS = [
    pytest.param(
        "po",
        'msgid ""\nmsgstr "Language: ar\\n"\n\n#: a.py:1\nmsgid "Hello"\nmsgstr "مرحبا"\n"بكم"\n',
        ["مرحبا", "بكم"],
        id="po: translations, not the header, ids or comments",
    ),
    pytest.param(
        "po",
        'msgid "One"\nmsgid_plural "Many"\nmsgstr[0] "واحد"\nmsgstr[1] "كثير"\n',
        ["واحد", "كثير"],
        id="po: plural translations",
    ),
    pytest.param(
        "subtitles",
        "WEBVTT\n\nNOTE قال\n\nid-1\n00:01.000 --> 00:02.000 align:start\n<v أحمد>قال</v>\n",
        ["قال"],
        id="vtt: cue text only",
    ),
    pytest.param(
        "subtitles",
        "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}سطر\nثان\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nثالث",
        ["سطر", "ثان", "ثالث"],
        id="srt: cue text only",
    ),
    pytest.param(
        "rst",
        "نص :code:`x` و ``y``\n\n.. code-block:: python\n\n   a = 1\n\nبعد\n",
        ["نص ", " و ", "\n\n", "\n\nبعد\n"],
        id="rst: no literals, roles or code",
    ),
    pytest.param(
        "python",
        'def f():\n    """توثيق"""\n    return rb"\\x"  # ملاحظة\n',
        ["توثيق", " ملاحظة"],
        id="python: docstrings and comments, not bytes",
    ),
    pytest.param(
        "json",
        '{"k": "قال\\u0020أمس", "n": {"k2": ["نعم"]}}',
        ["قال", "أمس", "نعم"],
        id="json: values without escapes",
    ),
]


@pytest.mark.parametrize(("kind", "text", "expected"), SCANS)
def test_what_each_kind_reads_as_prose(kind: kinds.Kind, text: str, expected: list[str]) -> None:
    assert [part for part in prose(kind, text) if part.strip() or part == "\n\n"] == expected


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.md", "markdown"),
        ("A.TXT", "text"),
        ("a.rst", "rst"),
        ("a.po", "po"),
        ("a.html", "html"),
        ("a.srt", "subtitles"),
        ("a.vtt", "subtitles"),
        ("a.py", None),
        ("a.json", None),
        (".bashrc", None),
        ("Makefile", None),
    ],
)
def test_kind_of_names(name: str, kind: str | None) -> None:
    assert kinds.kind_of(name) == kind


def test_the_python_scan_survives_what_tokenize_rejects() -> None:
    Path("bad.py").write_text('X = "unclosed\n', encoding="utf-8")
    result = run("check", "--isolated", "--extend-include", "*.py", "bad.py")
    assert (result.code, result.err.split(" (")[0]) == (2, "bad.py: not valid Python")


def test_fixed_python_runs(tmp_path: Path) -> None:
    program = 'print("قال" + "\\N{NO-BREAK SPACE}" + "أمس")  # قال' + NBSP + "أمس\n"
    Path("app.py").write_text(program, encoding="utf-8")
    run("fix", "--isolated", "--extend-include", "*.py", "app.py")
    done = subprocess.run([sys.executable, "app.py"], capture_output=True, text=True, check=True)
    assert done.stdout == "قال\N{NO-BREAK SPACE}أمس\n"  # \N{...} is an escape, left alone
    assert Path("app.py").read_text(encoding="utf-8").endswith("# قال أمس\n")
