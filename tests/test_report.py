"""``arnorm report`` (phenomenon: a corpus seen whole) and ``arnorm serve`` without a browser."""

from __future__ import annotations

import http.client
import json
import os
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import NBSP, RLM, ZWSP, run, serving
from strategies import WORDS

from arnorm.report.survey import Survey

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LINES = [
    f"قال{NBSP}الوزير إن الحكومة ستجتمع غدا",
    f"افتتحت البلدية مكتبتها{RLM} الجديدة",
    "وأكد المتحدث أنالاجتماع سيعقد في العاصمة",
    "نص نظيف لا شيء فيه",
    f"قال المزارعون{ZWSP} إن الموسم بدأ مبكرا",
]


def _report(*argv: str) -> tuple[int, str]:
    result = run("report", "--isolated", *argv)
    return result.code, result.err


def _survey(path: Path) -> Survey:
    return Survey.from_json(json.loads(path.read_text("utf-8")))


def test_report_of_the_samples_is_one_offline_page(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    paths = [str(SAMPLES / n) for n in ("news.txt", "news.jsonl", "news.csv")]
    code, err = _report(*paths, "--column", "text", "-o", str(out))
    assert code == 0, err
    page = out.read_text("utf-8")
    assert page.count('<svg class="chart"') == 3
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)
    assert '<link rel="stylesheet"' not in page
    assert 'dir="auto" lang="ar"' in page
    for name in ("news.txt", "news.jsonl", "news.csv"):
        assert f"<td dir=auto>{name}</td>" in page  # one row per input


def test_totals_count_documents_bytes_and_findings(tmp_path: Path) -> None:
    source = tmp_path / "news.txt"
    source.write_text("\n".join(LINES) + "\n\n", encoding="utf-8")
    code, err = _report(str(source), "--json", str(tmp_path / "s.json"))
    assert code == 0, err
    survey = _survey(tmp_path / "s.json")
    assert survey.documents == len(LINES)  # the empty line is no document
    assert survey.bytes == sum(len(line.encode()) for line in LINES)
    assert dict(survey.counts) == {"AR101": 2, "AR104": 1, "AR501": 1}
    assert survey.changed == 4
    assert sum(survey.dirt_bins) == sum(survey.length_bins) == len(LINES)
    assert "أنالاجتماع" in survey.cuts
    assert not (tmp_path / "report.html").exists()  # --json alone writes no page


def test_merge_of_shards_is_the_survey_of_the_whole(tmp_path: Path) -> None:
    whole, first, second = (tmp_path / n for n in ("whole.txt", "a.txt", "b.txt"))
    whole.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    first.write_text("\n".join(LINES[:2]) + "\n", encoding="utf-8")
    second.write_text("\n".join(LINES[2:]) + "\n", encoding="utf-8")
    for path in (whole, first, second):
        assert _report(str(path), "--json", f"{path}.json")[0] == 0
    out = tmp_path / "merged.html"
    code, err = _report(
        "--merge",
        f"{first}.json",
        f"{second}.json",
        "-o",
        str(out),
        "--json",
        str(tmp_path / "merged.json"),
    )
    assert code == 0, err
    merged, single = _survey(tmp_path / "merged.json"), _survey(Path(f"{whole}.json"))
    for name in ("documents", "bytes", "characters", "changed", "counts", "dirt_bins", "cuts"):
        assert getattr(merged, name) == getattr(single, name), name
    assert "<svg" in out.read_text("utf-8")


def test_merge_refuses_what_is_not_a_survey(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    code, err = _report("--merge", str(bad), "-o", str(tmp_path / "r.html"))
    assert code == 2
    assert "bad.json" in err
    assert not (tmp_path / "r.html").exists()


def test_fields_and_columns_are_sources(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    code, err = _report(
        str(SAMPLES / "news.jsonl"), "--field", "title", "--field", "text", "--json", str(out)
    )
    assert code == 0, err
    sources = _survey(out).sources
    assert set(sources) == {f"{SAMPLES / 'news.jsonl'}:title", f"{SAMPLES / 'news.jsonl'}:text"}


def test_a_repeated_column_name_is_surveyed_as_clean_cleans_it(tmp_path: Path) -> None:
    # clean cleans every column of a --column name; report surveys every one too
    source, out = tmp_path / "twice.csv", tmp_path / "s.json"
    source.write_text(f"text,id,text\nقال{NBSP}الوزير,1,ذهب{NBSP}الوفد\n", encoding="utf-8")
    code, err = _report(str(source), "--json", str(out))
    assert code == 0, err
    survey = _survey(out)
    assert (survey.documents, survey.counts["AR104"]) == (2, 2)
    cleaned = run("clean", "--isolated", str(source))
    assert cleaned.out == "text,id,text\nقال الوزير,1,ذهب الوفد\n"


def test_sample_draws_n_records_reproducibly(tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    rows = [
        json.dumps({"text": LINES[i % len(LINES)], "i": i}, ensure_ascii=False) for i in range(500)
    ]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    surveys = []
    for seed in ("1", "1", "2"):
        out = tmp_path / f"s{len(surveys)}.json"
        assert _report(str(source), "--sample", "40", "--seed", seed, "--json", str(out))[0] == 0
        surveys.append(_survey(out))
    assert surveys[0].documents == 40
    assert surveys[0].sampled == 500
    assert surveys[0].to_json() == surveys[1].to_json()
    assert surveys[0].to_json() != surveys[2].to_json()


def test_sample_of_a_stream(tmp_path: Path) -> None:
    data = ("\n".join(LINES * 20) + "\n").encode()
    out = tmp_path / "s.json"
    result = run("report", "--isolated", "-", "--sample", "7", "--json", str(out), stdin=data)
    assert result.code == 0, result.err
    assert (_survey(out).documents, _survey(out).sampled) == (7, 100)


def test_jobs_give_the_same_survey(tmp_path: Path) -> None:
    source = tmp_path / "news.txt"
    source.write_text("\n".join(LINES * 40) + "\n", encoding="utf-8")
    outs = [tmp_path / "one.json", tmp_path / "two.json"]
    assert _report(str(source), "--json", str(outs[0]))[0] == 0
    assert _report(str(source), "--json", str(outs[1]), "--jobs", "2")[0] == 0
    assert _survey(outs[0]).to_json() == _survey(outs[1]).to_json()


@pytest.mark.parametrize(
    ("name", "content", "argv", "message"),
    [
        pytest.param(
            "x.jsonl", '{"text": "a"}\n{"text": \n', [], "line 2: invalid JSON", id="bad JSON"
        ),
        pytest.param("x.csv", "id,body\n1,a\n", [], "no column 'text'", id="missing column"),
        pytest.param("x.txt", b"ok\n\xff\n", [], "not valid UTF-8 at byte 3", id="bad UTF-8"),
    ],
)
def test_bad_input_is_named_and_nothing_written(
    tmp_path: Path, name: str, content: str | bytes, argv: list[str], message: str
) -> None:
    source = tmp_path / name
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8")
    out = tmp_path / "report.html"
    out.write_text("old", encoding="utf-8")
    code, err = _report(str(source), "-o", str(out), *argv)
    assert code == 2
    assert str(source) in err
    assert message in err
    assert out.read_text("utf-8") == "old"


def test_a_read_only_page_is_named_and_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o444)
    code, err = _report(str(SAMPLES / "news.txt"), "-o", str(out))
    assert code == 2  # was a traceback: the page was written outside the command's handling
    assert f"{out} is read-only" in err
    assert out.read_text("utf-8") == "old"


def test_a_device_is_written_not_replaced() -> None:
    assert _report(str(SAMPLES / "news.txt"), "-o", os.devnull)[0] == 0
    assert Path(os.devnull).is_char_device()


def test_page_stays_small_for_a_large_dirty_corpus(tmp_path: Path) -> None:
    """Every list is capped: thousands of distinct dirty lines make a page under 1 MB."""
    rng = random.Random(5)
    letters = [chr(c) for c in range(0x0628, 0x063B)]
    lines = []
    for _ in range(1500):
        words = [*rng.sample(WORDS, 6), "".join(rng.choices(letters, k=9))]
        glued = "".join(rng.sample(WORDS, 2))
        lines.append(f'{NBSP.join(words)} {glued}{ZWSP} "{rng.choice(WORDS)}" ' * 8)
    source = tmp_path / "big.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    code, err = _report(str(source), "-o", str(out), "--json", str(tmp_path / "s.json"))
    assert code == 0, err
    assert source.stat().st_size > 1_000_000
    assert out.stat().st_size < 1_000_000
    assert len(_survey(tmp_path / "s.json").unknown) > 1000


# --- arnorm serve ---------------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[tuple[str, int]]:
    with serving(4096) as address:
        yield address


def _ask(
    address: tuple[str, int], method: str, path: str, body: bytes = b"", **headers: str
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(*address, timeout=10)
    sent = {"Content-Type": "application/json", **headers}
    connection.request(method, path, body=body, headers=sent)
    response = connection.getresponse()
    answer = response.status, dict(response.getheaders()), response.read()
    connection.close()
    return answer


def test_serve_gives_the_page_with_a_strict_policy(server: tuple[str, int]) -> None:
    status, headers, body = _ask(server, "GET", "/")
    assert status == 200
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert b'<textarea id="text"' in body
    assert b"http" not in body.split(b"<script>")[1]  # the script asks only its own server


def test_serve_answers_a_text(server: tuple[str, int]) -> None:
    body = json.dumps({"text": f"قال{NBSP}الوزير", "preset": "clean", "options": {}}).encode()
    status, _, reply = _ask(server, "POST", "/api/clean", body)
    assert status == 200
    data = json.loads(reply)
    assert data["text"] == "قال الوزير"
    assert "What it does" in data["rules"]["AR104"]["doc"]


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        pytest.param(b"x" * 5000, {}, 413, id="too large"),
        pytest.param(b"{}", {"Host": "attacker.example:80"}, 421, id="another host"),
        pytest.param(b"{}", {"Content-Type": "text/plain"}, 415, id="a form post"),
        pytest.param(b"[1]", {}, 400, id="not an object"),
        pytest.param(b'{"text": "x", "options": {"colour": 1}}', {}, 400, id="unknown option"),
        pytest.param(b'{"text": "x", "preset": "loud"}', {}, 400, id="unknown preset"),
        pytest.param(b"{not json", {}, 400, id="not JSON"),
    ],
)
def test_serve_refuses_bad_requests(
    server: tuple[str, int], body: bytes, headers: dict[str, str], status: int
) -> None:
    got, _, reply = _ask(server, "POST", "/api/clean", body, **headers)
    assert got == status
    assert "error" in json.loads(reply)
