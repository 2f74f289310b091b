"""The report and the playground as a reader sees them: in headless Chromium.

Needs Python Playwright (the ``browser`` extra) and a Chromium binary (Debian's ``chromium``;
another one with ``ARNORM_CHROMIUM=/path``); Playwright's own browser download is never
used. Without either the tests skip and say which is missing. Screenshots go to a temporary
folder whose path is printed (``pytest -s`` shows it).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_support import run, serving

import arnorm

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
#: Chromium without a sandbox (containers), GPU, first-run chores or any background traffic.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    named = os.environ.get("ARNORM_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Python Playwright is not installed (pip install playwright)"
    )
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set ARNORM_CHROMIUM)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=executable, args=ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots: {folder}")
    return folder


class Watch:
    """What a page did: console errors, uncaught exceptions, and every request it made."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))


def _open(browser: Any, url: str, width: int = 1000) -> tuple[Any, Watch]:
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    watch = Watch(page)
    page.goto(url, wait_until="load")
    return page, watch


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    paths = [str(SAMPLES / name) for name in ("news.txt", "news.jsonl", "news.csv")]
    result = run("report", *paths, "--column", "text", "-o", str(out), "--isolated")
    assert result.code == 0, result.err
    return out


def test_report_renders_offline_with_its_charts(browser: Any, report: Path, shots: Path) -> None:
    page, watch = _open(browser, report.as_uri())
    assert watch.errors == []
    assert watch.requests == [report.as_uri()]  # nothing but the file itself
    charts = page.locator("svg.chart")
    assert charts.count() == 3
    for i in range(3):
        heights = (
            charts.nth(i)
            .locator("rect")
            .evaluate_all("rects => rects.map(r => r.getBoundingClientRect().height)")
        )
        assert max(heights) > 10, f"chart {i} draws no bar"
        caption = charts.nth(i).locator("xpath=ancestor::figure/figcaption").inner_text()
        assert len(caption) > 20
    page.locator("#examples details").first.evaluate("d => d.open = true")
    edit = page.locator("#examples .after .e").first
    assert edit.get_attribute("title").startswith("AR")
    page.screenshot(path=shots / "report.png", full_page=True)


def test_report_fits_a_phone(browser: Any, report: Path, shots: Path) -> None:
    page, watch = _open(browser, report.as_uri(), width=390)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert watch.errors == []
    page.screenshot(path=shots / "report-phone.png", full_page=True)


@pytest.fixture(scope="module")
def playground() -> Iterator[str]:
    with serving(64 * 1024) as (host, port):
        yield f"http://{host}:{port}/"


def test_playground_shows_the_edits_of_a_pasted_text(
    browser: Any, playground: str, shots: Path
) -> None:
    page, watch = _open(browser, playground)
    text = 'قال\N{NO-BREAK SPACE}الوزير إنالحكومة ستجتمع "غدا" لمناقشة الميزانية'
    page.fill("#text", text)
    page.wait_for_selector("#after .e")
    assert page.inner_text("#after") == arnorm.clean(text)
    codes = page.locator("#list details").evaluate_all("ds => ds.map(d => d.id)")
    assert codes == ["rule-AR104", "rule-AR401", "rule-AR501"]
    page.locator("#rule-AR501 summary").click()
    assert "What it does" in page.inner_text("#rule-AR501")
    page.locator("#after .e").first.hover()
    page.screenshot(path=shots / "playground.png", full_page=True)
    page.select_option("#preset", "none")
    page.locator("#after .e").first.wait_for(state="detached")
    assert page.inner_text("#after") == text
    assert watch.errors == []
    assert {url.split("/")[2] for url in watch.requests} == {playground.split("/")[2]}
