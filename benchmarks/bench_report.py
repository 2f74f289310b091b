"""``arnorm report`` against ``arnorm clean`` on the same JSONL, ``--sample``, and the page.

Builds a JSONL of about ``--mb`` megabytes from the news of the data folder (any corpus that
``benchmarks/corpus.py`` reads: the dev news by default; its articles repeated, so the
speeds are mostly warm ones; with ``--recombined``, documents recombined from the sentences of
all the news as ``bench_cli.py`` builds them, which never repeat a document and keep meeting
new words, as a real corpus does) in a temporary folder, then times, as
separate processes: ``arnorm clean --jsonl``, ``arnorm report`` and ``arnorm report --sample
10000`` on it, and the lexicon load alone. Times are CPU seconds of the child (user + system),
which a busy machine disturbs less than wall time; both are printed. With Playwright and a
Chromium (``--chromium PATH``, default ``chromium`` on PATH) it also opens the page and
prints the time to its load event.

    python benchmarks/bench_report.py --mb 100 [--data DIR] [--recombined]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpus  # the one data setting and news reader (benchmarks/corpus.py)

ROOT = Path(__file__).resolve().parent.parent


def documents(data: Path) -> list[dict[str, str]]:
    """The articles of the news of `data` (any corpus :mod:`corpus` reads): title and text,
    with their source."""
    return [
        {"source": d.source, "title": d.title.strip(), "text": d.body_text}
        for d in corpus.news_documents(data)
    ]


def build(path: Path, docs: list[dict[str, str]], size: int) -> int:
    """Write the documents, repeated, until `size` bytes; the number of records."""
    written = count = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            for doc in docs:
                line = json.dumps({"id": count, **doc}, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                count += 1
                if written >= size:
                    break
    return count


def timed(*argv: str) -> tuple[float, float]:
    """CPU seconds and wall seconds of ``python -m arnorm ARGV``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "arnorm", *argv], check=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def load_time() -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    code = "import arnorm; arnorm.clean('x')"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def open_time(page: Path, chromium: str | None) -> float | None:
    """Milliseconds from navigation start to the load event of `page` in headless Chromium."""
    executable = chromium or shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if executable is None:
        return None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        tab = browser.new_page()
        tab.goto(page.as_uri(), wait_until="load")
        timing = tab.evaluate("JSON.stringify(performance.getEntriesByType('navigation')[0])")
        browser.close()
    entry = json.loads(timing)
    return float(entry["loadEventEnd"] - entry["startTime"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus.add_data_argument(parser)
    parser.add_argument("--mb", type=float, default=100.0, help="size of the JSONL (100)")
    parser.add_argument("--chromium", help="a Chromium binary for the opening time")
    parser.add_argument(
        "--recombined", action="store_true", help="documents that never repeat (bench_cli.py's)"
    )
    args = parser.parse_args()
    data = corpus.data_dir(args.data)
    with tempfile.TemporaryDirectory(prefix="arnorm-bench-") as folder:
        jsonl = Path(folder) / "news.jsonl"
        if args.recombined:
            import bench_cli  # the recombined news of the CLI benchmark (benchmarks/bench_cli.py)

            bench_cli.recombined(jsonl, bench_cli.news_sentences(data), int(args.mb * 1e6), "jsonl")
            records = sum(1 for _ in jsonl.open(encoding="utf-8"))
            built = "recombined documents, none repeated"
            field = ["--field", "content"]
        else:
            docs = documents(data)
            records = build(jsonl, docs, int(args.mb * 1e6))
            built = f"{len(docs)} distinct articles, repeated"
            field = []
        size = jsonl.stat().st_size / 1e6
        print(f"input: {size:,.1f} MB, {records:,} records ({built})")
        load = load_time()
        print(f"lexicon load:       {load[0]:7.2f} s CPU {load[1]:7.2f} s wall")
        clean = timed("clean", "--jsonl", str(jsonl), *field, "-o", os.devnull, "--isolated")
        page = Path(folder) / "report.html"
        report = timed("report", str(jsonl), *field, "-o", str(page), "--isolated")
        quick = str(Path(folder) / "sample.html")
        sample = timed("report", str(jsonl), *field, "--sample", "10000", "-o", quick, "--isolated")
        for name, (cpu, wall) in (
            ("clean", clean),
            ("report", report),
            ("report --sample", sample),
        ):
            print(f"{name:<19} {cpu:7.2f} s CPU {wall:7.2f} s wall  {size / cpu:6.2f} MB/s CPU")
        print(f"report speed / clean speed: {clean[0] / report[0]:.0%} (CPU)")
        print(f"report.html: {page.stat().st_size:,} bytes")
        opened = open_time(page, args.chromium)
        if opened is not None:
            print(f"opening report.html in Chromium: {opened:,.0f} ms to the load event")


if __name__ == "__main__":
    main()
