"""``arnorm clean``: plain text, JSONL and CSV streams, in order with any number of processes,
with flat memory (phenomenon: news streams)."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest
from cli_support import LSEP, NBSP, RLM, ZWSP, base_project, run
from hypothesis import given
from hypothesis import strategies as st
from strategies import arabic_text

import arnorm
from arnorm.cli import clean as clean_command
from arnorm.cli import main as cli_main


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base_project(tmp_path)
    monkeypatch.chdir(tmp_path)


def clean(data: bytes, *argv: str) -> bytes:
    result = run("clean", *argv, stdin=data)
    assert result.code == 0, result.err
    return result.raw


TEXT = [
    pytest.param(f"قال{NBSP}الوزير\n", "قال الوزير\n", id="one line"),
    pytest.param(f"أ{NBSP}ب\r\nج{RLM}د\r\n", "أ ب\r\nجد\r\n", id="CRLF kept"),
    pytest.param(f"أ{NBSP}ب\r\nج\nد{NBSP}", "أ ب\r\nج\nد ", id="mixed, no final line feed"),
    pytest.param(f"\ufeffأ{NBSP}ب\n", "\ufeffأ ب\n", id="BOM kept"),
    pytest.param("\ufeff", "\ufeff", id="only a BOM"),
    pytest.param("", "", id="empty"),
    pytest.param("\n\n\n", "\n\n\n", id="blank lines"),
    pytest.param(f"أ{LSEP}ب\n", "أ\nب\n", id="a rule may add a line"),
    pytest.param(f"نهاية{ZWSP}\nبداية\n", "نهاية\nبداية\n", id="each line is one text"),
]


@pytest.mark.parametrize(("before", "after"), TEXT)
def test_plain_text_is_cleaned_line_by_line(before: str, after: str) -> None:
    assert clean(before.encode()) == after.encode()


JSONL = [
    pytest.param(
        f'{{"id": 1, "text": "قال{NBSP}نعم", "n": 1.50, "x": null}}\n',
        '{"id": 1, "text": "قال نعم", "n": 1.50, "x": null}\n',
        id="only the field changes, byte for byte",
    ),
    pytest.param(
        '{"text":"\\u0642\\u0627\\u0644\\u00a0\\u0646\\u0639\\u0645" ,"b":2}\n',
        '{"text":"\\u0642\\u0627\\u0644 \\u0646\\u0639\\u0645" ,"b":2}\n',
        id="escaped input stays escaped, spacing kept",
    ),
    pytest.param(
        f'{{"meta": {{"text": "أ{NBSP}ب"}}, "text": "ج{NBSP}د"}}\n',
        f'{{"meta": {{"text": "أ{NBSP}ب"}}, "text": "ج د"}}\n',
        id="nested keys of the same name are not fields",
    ),
    pytest.param(
        f'{{"text": ["أ{NBSP}ب"], "title": "ج{NBSP}د"}}\r\n',
        '{"text": ["أ\u00a0ب"], "title": "ج د"}\r\n',
        id="non-strings are left, CRLF kept",
    ),
    pytest.param(
        f'{{"text": "سطر{LSEP}آخر \\"مقتبس\\""}}\n',
        '{"text": "سطر\\nآخر \\"مقتبس\\""}\n',
        id="a new line is escaped",
    ),
    pytest.param('{"text": "نص"}\n\n{}\n', '{"text": "نص"}\n\n{}\n', id="blank lines and {}"),
]


@pytest.mark.parametrize(("before", "after"), JSONL)
def test_jsonl_cleans_only_the_fields(before: str, after: str) -> None:
    out = clean(before.encode(), "--jsonl", "--field", "text", "--field", "title")
    assert out == after.encode()


def test_jsonl_default_field_is_text() -> None:
    line = f'{{"text": "أ{NBSP}ب", "body": "ج{NBSP}د"}}\n'
    assert clean(line.encode(), "--jsonl") == f'{{"text": "أ ب", "body": "ج{NBSP}د"}}\n'.encode()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        pytest.param('{"text": "x"', "line 2: invalid JSON", id="truncated"),
        pytest.param('["text"]', "line 2: invalid JSON: expected a JSON object", id="not object"),
        pytest.param('{"text": "x"} {}', "line 2: invalid JSON: extra data", id="two objects"),
        pytest.param("{'text': 1}", "line 2: invalid JSON: expected a key", id="single quotes"),
    ],
)
def test_invalid_jsonl_is_an_input_error(line: str, message: str) -> None:
    data = f'{{"text": "ok"}}\n{line}\n'.encode()
    result = run("clean", "--jsonl", stdin=data)
    assert result.code == 2
    assert result.err.startswith(f"-: {message}")


CSV = [
    pytest.param(
        f"id,text,other\n1,قال{NBSP}نعم,x{NBSP}y\n",
        f"id,text,other\n1,قال نعم,x{NBSP}y\n",
        id="only the column",
    ),
    pytest.param(
        f'id,text\r\n1,"أ{NBSP}ب, ""ج"""\r\n"2","د"\r\n',
        'id,text\r\n1,"أ ب, ""ج"""\r\n"2","د"\r\n',
        id="quoting and CRLF kept",
    ),
    pytest.param(
        f'text,n\n"سطر{NBSP}\nعلى سطرين",1\nآخر{RLM},2\n',
        'text,n\n"سطر \nعلى سطرين",1\nآخر,2\n',
        id="a quoted cell over two lines",
    ),
    pytest.param(
        f"text\nأ{LSEP}ب\n", 'text\n"أ\nب"\n', id="a cell that gains a line feed is quoted"
    ),
    pytest.param(f"\ufefftext\nأ{NBSP}ب", "\ufefftext\nأ ب", id="BOM, no final line feed"),
    pytest.param("text,n\n,1\n", "text,n\n,1\n", id="empty cell"),
    pytest.param(f"n,text\n1\n2,أ{NBSP}ب\n", "n,text\n1\n2,أ ب\n", id="short row"),
]


@pytest.mark.parametrize(("before", "after"), CSV)
def test_csv_cleans_only_the_columns(before: str, after: str) -> None:
    assert clean(before.encode(), "--csv", "--column", "text") == after.encode()


def test_csv_with_another_delimiter_and_two_columns() -> None:
    data = f"a;b;c\nأ{NBSP}ب;x{NBSP}y;ج{NBSP}د\n".encode()
    out = clean(data, "--csv", "--delimiter", ";", "--column", "a", "--column", "c")
    assert out == f"a;b;c\nأ ب;x{NBSP}y;ج د\n".encode()


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["--jobs", "-1"], id="negative jobs"),
        pytest.param(["--jobs", "two"], id="jobs not a number"),
        pytest.param(["--csv", "--delimiter", ";;"], id="two-character delimiter"),
        pytest.param(["--csv", "--delimiter", '"'], id="quote as delimiter"),
        pytest.param(["--jsonl", "--csv"], id="two formats"),
    ],
)
def test_clean_usage_errors(argv: list[str]) -> None:
    result = run("clean", *argv, stdin=b"x\n")
    assert result.code == 2
    assert "error:" in result.err


def test_csv_errors() -> None:
    missing = run("clean", "--csv", "--column", "body", stdin=b"id,text\n1,x\n")
    assert missing.code == 2
    assert missing.err == "-: no column 'body' in the header (it has: id, text)\n"
    open_quote = run("clean", "--csv", stdin=b'text\n"never closed\nx\n')
    assert open_quote.code == 2
    assert "unterminated quoted cell" in open_quote.err


def big_input(form: str) -> bytes:
    rows = []
    for i in range(400):
        text = f"سطر {i}{NBSP}فيه{RLM} كلمات" if i % 3 else f"سطر {i} سليم"
        if form == "jsonl":
            rows.append(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
        elif form == "csv":
            rows.append(f'{i},"{text}\n{text}"\r\n')
        else:
            rows.append(text + ("\r\n" if i % 2 else "\n"))
    header = "id,text\r\n" if form == "csv" else ""
    return (header + "".join(rows)).encode()


@pytest.mark.parametrize("form", ["text", "jsonl", "csv"])
def test_jobs_give_the_same_output_in_the_same_order(form: str) -> None:
    data = big_input(form)
    flags = [] if form == "text" else [f"--{form}"]
    one = clean(data, *flags, "--chunk-bytes", "256")
    two = clean(data, *flags, "--chunk-bytes", "256", "--jobs", "2")
    assert one == two
    assert one != data
    assert one == clean(data, *flags)  # and the chunk size does not matter


def test_errors_name_the_line_and_byte_across_chunks() -> None:
    good = "سطر سليم\n".encode() * 100
    bad = run("clean", "--chunk-bytes", "64", "--jobs", "2", stdin=good + b"\xff\n")
    assert (bad.code, bad.err) == (2, f"-: not valid UTF-8 at byte {len(good)}\n")
    lines = run("clean", "--jsonl", "--chunk-bytes", "64", stdin=b'{"a": 1}\n' * 50 + b"{\n")
    assert lines.err.startswith("-: line 51: invalid JSON")


def test_a_line_over_the_limit_is_an_error_not_a_hang() -> None:
    data = "قصير\n".encode() * 3 + "طويل جدا ".encode() * 100 + b"\n"
    result = run("clean", "--max-line-bytes", "200", stdin=data)
    assert result.code == 2
    assert result.err == "-: line 4 is longer than 200 bytes (--max-line-bytes)\n"
    assert clean(data, "--max-line-bytes", "2000") == data


def test_output_file_is_written_whole_or_not_at_all() -> None:
    Path("in.txt").write_bytes(f"أ{NBSP}ب\n".encode() * 100)
    assert run("clean", "in.txt", "-o", "out.txt").code == 0
    assert Path("out.txt").read_bytes() == "أ ب\n".encode() * 100
    Path("bad.txt").write_bytes(f"أ{NBSP}ب\n".encode() * 100 + b"\xff")
    result = run("clean", "bad.txt", "-o", "new.txt", "--chunk-bytes", "64")
    assert result.code == 2
    assert sorted(os.listdir()) == [".arnorm.toml", "bad.txt", "in.txt", "out.txt"]


def test_cleaning_a_file_onto_itself() -> None:
    path = Path("news.txt")
    path.write_bytes(f"أ{NBSP}ب\n".encode())
    path.chmod(0o640)
    assert run("clean", "news.txt", "-o", "news.txt").code == 0
    assert path.read_bytes() == "أ ب\n".encode()
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_device_is_written_not_replaced() -> None:
    assert run("clean", "-o", os.devnull, stdin=f"أ{NBSP}ب\n".encode()).code == 0
    assert Path(os.devnull).is_char_device()


def test_missing_input_and_read_only_output() -> None:
    assert run("clean", "missing.txt").err == "missing.txt: No such file or directory\n"
    Path("ro.txt").write_bytes(b"x")
    Path("ro.txt").chmod(0o444)
    result = run("clean", "-o", "ro.txt", stdin=b"x\n")
    assert result.code == 2
    assert Path("ro.txt").read_bytes() == b"x"


def test_statistics_go_to_stderr() -> None:
    data = f"أ{NBSP}ب{NBSP}ج\nسليم\nد{RLM}\n".encode()
    result = run("clean", "--statistics", stdin=data)
    assert result.raw == "أ ب ج\nسليم\nد\n".encode()
    assert result.err.splitlines() == [
        "arnorm clean: 3 lines, 2 changed",
        "  1  AR101  invisible-character",
        "  2  AR104  exotic-space",
    ]


def test_selection_and_presets_apply() -> None:
    data = f"أ{NBSP}ب{RLM}\n".encode()
    assert clean(data, "--select", "AR101") == f"أ{NBSP}ب\n".encode()
    assert clean(data, "--preset", "none") == data


@pytest.mark.parametrize(
    ("argv", "html_tags"),
    [
        pytest.param([], True, id="on by default in the news filter"),
        pytest.param(["--no-html-tags"], False, id="unless told otherwise"),
        pytest.param(["--preset", "none"], False, id="the none preset means none"),
        pytest.param(["--preset", "none", "--html-tags"], True, id="switched on explicitly"),
    ],
)
def test_clean_switches_html_tags_on(argv: list[str], html_tags: bool) -> None:
    job = clean_command.make_job(cli_main.parse(["clean", *argv]))
    assert job.config.html_tags is html_tags


def test_check_leaves_html_tags_to_the_preset() -> None:
    from arnorm.cli import options

    assert options.build_config(cli_main.parse(["check"])).html_tags is False


def test_built_in_progress_line_without_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    result = run("clean", "--progress", stdin="نص\n".encode())
    assert result.err.startswith("\rarnorm clean: 0.0 MB")
    assert result.err.endswith(" MB/s \n")


def test_tqdm_progress_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("tqdm")
    result = run("clean", "--progress", stdin="نص\n".encode())
    assert "B/s" in result.err
    assert run("clean", stdin="نص\n".encode()).err == ""  # not a terminal: no bar


encodable_text = arabic_text.map(lambda text: text.encode("utf-8", "replace").decode())


def library_clean(text: str) -> str:
    """What ``arnorm clean --isolated`` (every rule of the preset) should make of a text."""
    return arnorm.clean(text, html_tags=True)


@given(text=encodable_text)
def test_text_lines_agree_with_the_library_across_chunk_boundaries(text: str) -> None:
    out = clean(text.encode(), "--isolated", "--chunk-bytes", "16").decode()
    lines = text.split("\n")
    expected = [
        library_clean(line[:-1]) + "\r" if line.endswith("\r") else library_clean(line)
        for line in lines
    ]
    assert out == "\n".join(expected)


@given(texts=st.lists(encodable_text, max_size=4), escaped=st.booleans())
def test_jsonl_agrees_with_the_library(texts: list[str], escaped: bool) -> None:
    rows = [{"id": i, "text": text, "other": text} for i, text in enumerate(texts)]
    data = "".join(json.dumps(row, ensure_ascii=escaped) + "\n" for row in rows)
    out = clean(data.encode(), "--isolated", "--jsonl", "--chunk-bytes", "64").decode()
    got = [json.loads(line) for line in out.split("\n")[:-1]]
    assert got == [{**row, "text": library_clean(row["text"])} for row in rows]
    assert all(list(row) == ["id", "text", "other"] for row in got)
    assert out.isascii() or not escaped


@given(rows=st.lists(st.tuples(encodable_text, encodable_text), max_size=4))
def test_csv_agrees_with_the_library(rows: list[tuple[str, str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([("text", "other"), *rows])
    out = clean(buffer.getvalue().encode(), "--isolated", "--csv", "--chunk-bytes", "64").decode()
    got = list(csv.reader(io.StringIO(out, newline="")))
    assert got == [["text", "other"], *([library_clean(a), b] for a, b in rows)]


# --- JSON given as text is refused (it would come out as invalid JSON) ---------------------

JSON_INPUTS = [
    pytest.param('[{"text": "قال \\"نعم\\", ثم"}]\n', id="a JSON array"),
    pytest.param('[\n  "أ", "ب"\n]\n', id="an array of strings"),
    pytest.param('\n{"text": "قال, نعم"}\n{"text": "ب"}\n', id="JSON lines"),
]


@pytest.mark.parametrize("data", JSON_INPUTS)
def test_json_as_text_is_refused_naming_the_json_options(data: str) -> None:
    result = run("clean", stdin=data.encode())
    assert result.code == 2
    assert result.raw == b""
    assert "--jsonl --field" in result.err
    assert "--text" in result.err


def test_a_json_array_longer_than_a_chunk_is_refused() -> None:
    data = ("[" + ",\n".join(['{"text": "قال نعم"}'] * 400) + "]\n").encode()
    result = run("clean", "--chunk-bytes", "1000", stdin=data)
    assert result.code == 2
    assert "JSON array" in result.err


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".JSON"])
def test_a_json_file_is_refused_and_the_output_not_written(tmp_path: Path, suffix: str) -> None:
    source, target = tmp_path / f"articles{suffix}", tmp_path / "out.txt"
    source.write_text("قال نعم\n", encoding="utf-8")
    result = run("clean", str(source), "-o", str(target))
    assert result.code == 2
    assert result.err.startswith(f"{source}: a JSON file")
    assert "--jsonl --field" in result.err
    assert not target.exists()


def test_text_forces_text_mode_on_json() -> None:
    data = f'["قال{NBSP}نعم"]\n'.encode()
    assert clean(data, "--text") == '["قال نعم"]\n'.encode()


@pytest.mark.parametrize(
    "data",
    ["[1] انظر الحاشية\n{ملاحظة}\n", "{not json}\n", "[رويترز] قال\n", '["x" الخبر\n'],
)
def test_text_that_only_starts_like_json_is_cleaned(data: str) -> None:
    assert clean(data.encode()) == data.encode()


def test_a_json_file_is_cleaned_with_jsonl(tmp_path: Path) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text(f'{{"text": "أ{NBSP}ب"}}\n', encoding="utf-8")
    result = run("clean", str(source), "--jsonl")
    assert result.code == 0
    assert result.raw == '{"text": "أ ب"}\n'.encode()
