"""Markdown: code, URLs, link targets, comments, tags and entities are neither changed nor
reported; the prose around them is (phenomenon: Markdown files)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import NBSP, RLM, ZWSP, base_project, run
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import arabic_text

from arnorm.cli import check
from arnorm.cli.files import Filters
from arnorm.cli.markdown import code_blocks, scan
from arnorm.config import CLEAN


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base_project(tmp_path)
    monkeypatch.chdir(tmp_path)


N = NBSP
NOOPS = [
    pytest.param(f"نص\n\n```\nقال{N}نعم\n```\n", id="fenced code"),
    pytest.param(f"نص\n\n~~~~ text\nقال{N}نعم\n~~~\n~~~~\n", id="tilde fence closes on its length"),
    pytest.param(f"```\nغير مغلق{N}\nحتى النهاية{N}", id="an unclosed fence runs to the end"),
    pytest.param(f"- بند\n  ```\n  كود{N}\n  ```\n", id="fence inside a list item"),
    pytest.param(f"نص\n\n    كود{N}مزاح\n\n    ثان{N}\nنص\n", id="indented code"),
    pytest.param(f"نص\n\n\tكود{N}بجدولة\n", id="tab-indented code"),
    pytest.param(f"اكتب `قال{N}نعم` هكذا", id="inline code"),
    pytest.param(f"اكتب ``فيه ` علامة{N}`` هكذا", id="inline code with a backtick inside"),
    pytest.param(f"زوروا https://example.org/a{ZWSP}b", id="bare URL"),
    pytest.param(f"زوروا www.example.org/{RLM}x.", id="www URL"),
    pytest.param(f"<https://example.org/{ZWSP}x>", id="autolink"),
    pytest.param(f"[رابط](https://example.org/a{RLM}b)", id="link target"),
    pytest.param(f'[رابط](/path "عنوان{N}الرابط")', id="link title"),
    pytest.param(f"![صورة](img{ZWSP}.png)", id="image target"),
    pytest.param(f'[مرجع]: https://example.org/{RLM} "عنوان{N}"', id="reference definition"),
    pytest.param(f"نص <!-- ملاحظة{N}مخفية --> نص", id="inline comment"),
    pytest.param(f"<!--\nملاحظة{N}\nعلى أسطر\n-->\n", id="comment over lines"),
    pytest.param(f'<div dir="rtl" title="أ{N}ب">', id="HTML tag attributes"),
    pytest.param("مسافة&nbsp;هنا و&#1575; و&#x627;", id="entities are kept"),
]


@pytest.mark.parametrize("text", NOOPS)
def test_markup_is_neither_reported_nor_changed(text: str) -> None:
    path = Path("doc.md")
    path.write_text(text, encoding="utf-8")
    check = run("check", "doc.md")
    assert (check.code, check.out) == (0, "No problems found in 1 file.\n")
    assert run("fix", "doc.md").code == 0
    assert path.read_text(encoding="utf-8") == text


FIXES = [
    pytest.param(f"قال{N}`x{N}y`{N}نعم", f"قال `x{N}y` نعم", id="prose around inline code"),
    pytest.param(
        f"```\nكود{N}\n```\nبعد{N}الكود\n", f"```\nكود{N}\n```\nبعد الكود\n", id="after a fence"
    ),
    pytest.param(
        f"[نص{N}الرابط](https://x.org/{RLM})", f"[نص الرابط](https://x.org/{RLM})", id="link text"
    ),
    pytest.param(
        f"زوروا https://x.org/{RLM}a ثم{N}عودوا", f"زوروا https://x.org/{RLM}a ثم عودوا", id="URL"
    ),
    pytest.param(f"نص `غير مغلق{N}", "نص `غير مغلق ", id="a lone backtick is text"),
    pytest.param(f"الأول\n    ليس كودا{N}\n", "الأول\n    ليس كودا \n", id="indent after prose"),
    pytest.param(f"# عنوان{N}{RLM}\n", "# عنوان \n", id="heading"),
]


@pytest.mark.parametrize(("text", "expected"), FIXES)
def test_prose_around_markup_is_fixed(text: str, expected: str) -> None:
    path = Path("doc.md")
    path.write_text(text, encoding="utf-8")
    assert run("fix", "doc.md").code == 1
    assert path.read_text(encoding="utf-8") == expected


def test_markdown_is_recognised_by_the_file_name() -> None:
    text = f"اكتب `قال{N}نعم`\n"
    Path("doc.txt").write_text(text, encoding="utf-8")
    assert run("check", "doc.txt").code == 1
    assert run("check", "-", "--stdin-filename", "x.md", stdin=text.encode()).code == 0
    assert run("check", "-", "--stdin-filename", "x.MARKDOWN", stdin=text.encode()).code == 0


def test_code_blocks_span_whole_fences() -> None:
    text = "أ\n```py\nx\n```\nب"
    assert [text[a:b] for a, b in code_blocks(text)] == ["```py\nx\n```"]


def test_scan_separates_code_from_other_markup() -> None:
    text = "`كود` و<!-- تعليق --> و https://x.org"
    markup = scan(text)
    assert [text[a:b] for a, b in markup.code] == ["`كود`"]
    assert [text[a:b] for a, b in markup.other] == ["<!-- تعليق -->", "https://x.org"]


MARKUP = [
    "`",
    "``",
    "\n```\n",
    "\n~~~ py\n",
    "\n    ",
    "\n\t",
    "\n\n",
    "<!--",
    "-->",
    "[",
    "](",
    ")",
    '"',
    "https://x.org/",
    "www.a.org",
    "<https://x.org/a>",
    "&amp;",
    "&nbsp;",
    "<div dir='rtl'>",
    "[ref]: /a",
    "arnorm: off",
    "arnorm: on",
    "arnorm: ignore",
    "arnorm: ignore[AR104]",
]
markdown_text = st.lists(st.one_of(st.sampled_from(MARKUP), arabic_text), max_size=12).map("".join)


def _settings() -> check.Settings:
    return check.Settings(CLEAN, Filters(Path.cwd()), (), 1 << 20, True)


@given(text=markdown_text)
@example("```\n\xa0")
def test_protected_spans_are_never_reported_and_come_back_unchanged(text: str) -> None:
    prepared = check.prepare("x.md", text, _settings(), "markdown")
    for finding in prepared.lint(text):
        for lo, hi in prepared.protect:
            if finding.start < finding.end:
                assert not (finding.start < hi and lo < finding.end), (finding, lo, hi)
            else:
                assert not lo < finding.start < hi, (finding, lo, hi)
    fixed = prepared.fix(text, safe_only=False)
    for lo, hi in prepared.protect:
        start, end = fixed.output_span(lo, hi)
        assert fixed.text[start:end] == text[lo:hi]


HTML_NOOPS = [
    pytest.param(f'<p title="أ{N}ب">نص</p>\n', id="tag attributes"),
    pytest.param("<p>مسافة&nbsp;هنا و&#1575; و&amp;</p>\n", id="entities are markup"),
    pytest.param(f"<!-- ملاحظة{N} -->\n<p>نص</p>\n", id="comment"),
    pytest.param(f"<script>var s = 'أ{N}ب';</script>\n", id="script contents"),
    pytest.param('<a href="x">قال "نعم"</a>\n', id="prose with nothing to fix"),
]


@pytest.mark.parametrize("text", HTML_NOOPS)
def test_html_markup_is_neither_reported_nor_changed(text: str) -> None:
    path = Path("page.html")
    path.write_text(text, encoding="utf-8")
    check = run("check", "page.html")
    assert (check.code, check.out) == (0, "No problems found in 1 file.\n")
    assert path.read_text(encoding="utf-8") == text


def test_html_prose_between_tags_is_fixed() -> None:
    path = Path("page.htm")
    path.write_text(f'<p class="a">قال{N}الوزير</p>\n', encoding="utf-8")
    assert run("fix", "page.htm").code == 1
    assert path.read_text(encoding="utf-8") == '<p class="a">قال الوزير</p>\n'
