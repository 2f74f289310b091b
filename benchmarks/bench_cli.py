"""Speed and memory of the command line, on inputs built from the news of the data folder.

    python benchmarks/bench_cli.py              # everything (the 1 GB run takes a while)
    python benchmarks/bench_cli.py --quick      # no 1 GB memory run
    python benchmarks/bench_cli.py --data DIR   # any news corpus (see benchmarks/README.md)

The inputs never repeat a document, so that every process meets new words as a user's
corpus makes it do (repeated input keeps every worker's caches warm). They are built at run
time in a temporary folder (never committed), deterministically (seed 2026):

* the real news as it is: every document the reader finds, once, as plain text (one document
  per block, blank lines between) or as JSONL (``title`` and ``content``);
* larger inputs (``--megabytes``, 100 MB, 1 GB): documents recombined from the sentences of all
  the news, drawn at random, 5 to 30 sentences a document, 3 a paragraph; in one sentence in
  ten one junction between two Arabic words loses its space (a synthetic run-on, as in
  ``runon_synthetic.tsv``), so that the vocabulary keeps growing: 1 GB holds millions of
  tokens that no earlier part of it had.

It prints the throughput of ``arnorm clean`` with --jobs 1 and --jobs 2 (MB = 10**6 bytes of
input, start-up included), next to what this machine's cores give right now (two busy
processes against one: the other tenants of a shared machine show here) and the CPU seconds
of all processes; CAMeL Tools' arclean in-process on the same lines (when installed); the
wall time of ``arnorm check`` on a small file from the shell; and the peak RSS of the largest
process of ``arnorm clean`` on 100 MB and 1 GB. The news texts belong to their publishers:
they are read where they are, never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

ARNORM = [sys.executable, "-m", "arnorm"]
ENVIRONMENT = {**os.environ, "PYTHONPATH": str(ROOT)}
MB = 1_000_000


def run(command: Sequence[str], stdin: Path | None = None) -> tuple[float, int, int, float]:
    """Wall seconds, exit status, peak RSS in MB (of the largest process) and CPU seconds (of
    all its processes) of a command."""
    with open(stdin or os.devnull, "rb") as source:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdin=source, stdout=subprocess.DEVNULL, env=ENVIRONMENT, cwd=ROOT
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return wall, os.waitstatus_to_exitcode(status), usage.ru_maxrss // 1024, cpu


def news_input(data: Path, kind: str) -> bytes:
    """Every news document once, as plain text (blank lines between documents) or JSONL
    (its title, and its other fields as the content: the title is not in the content too)."""
    documents = list(corpus.news_documents(data))
    if kind == "text":
        return "\n\n".join(d.text for d in documents).encode() + b"\n"
    records = [{"source": d.source, "title": d.title, "content": d.body_text} for d in documents]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
_ARABIC_JUNCTION = re.compile(r"(?<=[\u0621-\u064a]) (?=[\u0621-\u064a])")


def news_sentences(data: Path) -> list[str]:
    """The sentences of every line of news, in order."""
    return [
        sentence
        for line in corpus.news_lines(data)
        for sentence in _SENTENCE_END.split(line.strip())
        if sentence
    ]


def recombined(path: Path, sentences: list[str], size: int, kind: str, seed: int = 2026) -> Path:
    """Write about `size` bytes of documents recombined from `sentences` to `path` (see the
    module's doc): plain text, or JSONL with ``title`` and ``content``."""
    rng = random.Random(seed)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            count = rng.randint(5, 30)
            drawn = [rng.choice(sentences) for _ in range(count)]
            for i in range(0, count, 10):
                junctions = list(_ARABIC_JUNCTION.finditer(drawn[i]))
                if junctions:
                    cut = rng.choice(junctions).start()
                    drawn[i] = drawn[i][:cut] + drawn[i][cut + 1 :]
            paragraphs = [" ".join(drawn[i : i + 3]) for i in range(0, count, 3)]
            if kind == "text":
                chunk = "\n".join(paragraphs) + "\n\n"
            else:
                record = {"title": drawn[0], "content": "\n".join(paragraphs[1:])}
                chunk = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(chunk)
            written += len(chunk.encode())
    return path


def _spin(seconds: float) -> float:
    pattern = re.compile("[\u200b-\u200f\u202a-\u202e]")
    text = "قال الوزير إن المكتبة ستفتح أبوابها " * 50
    deadline, rounds = time.process_time() + seconds, 0
    while time.process_time() < deadline:
        pattern.sub("", text)
        rounds += 1
    return rounds


def parallel_ceiling() -> float:
    """How much faster two busy processes get through fixed work than one, right now."""
    start = time.perf_counter()
    _spin(1.0)
    one = time.perf_counter() - start
    with multiprocessing.Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_spin, [1.0, 1.0])
        two = time.perf_counter() - start
    return 2 * one / two


def throughputs(path: Path, flags: Sequence[str], repeat: int) -> dict[int, tuple[float, float]]:
    """MB/s and CPU seconds of ``arnorm clean`` with --jobs 1 and 2, start-up included: the
    best of `repeat` runs each, taken in turns so that both see the same neighbours."""
    runs: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    for _ in range(repeat):
        for jobs in (1, 2):
            wall, code, _, cpu = run([*ARNORM, "clean", *flags, "--jobs", str(jobs), str(path)])
            assert code == 0, f"arnorm clean exited {code}"
            runs[jobs].append((wall, cpu))
    size = path.stat().st_size / MB
    return {jobs: (size / min(t)[0], min(c for _, c in t)) for jobs, t in runs.items()}


def in_process_rates(path: Path) -> list[tuple[str, float]]:
    """Line-by-line cleaning in this process: arnorm's fast path and its peers, same lines, in
    MB per CPU second (arnorm cold: this process has not cleaned anything before)."""
    sys.path.insert(0, str(ROOT))
    from arnorm.engine import cleaner

    lines = path.read_text(encoding="utf-8").split("\n")
    size = path.stat().st_size / MB
    peers = [("arnorm clean (fast path, per line)", cleaner("clean"))]
    try:
        from camel_tools.utils.charmap import CharMapper

        peers.append(
            ("camel_tools arclean (char map, per line)", CharMapper.builtin_mapper("arclean"))
        )
    except ImportError:
        print("note: camel_tools is not installed: its arclean is not measured")
    rates = []
    for name, function in peers:
        start = time.process_time()
        for line in lines:
            function(line)
        rates.append((name, size / (time.process_time() - start)))
    return rates


def check_wall(small: Path, repeat: int = 5) -> tuple[float, float]:
    """Median wall seconds of ``arnorm check`` on a small file, and of loading the lexicon."""
    check = statistics.median(run([*ARNORM, "check", str(small)])[0] for _ in range(repeat))
    load = [
        sys.executable,
        "-c",
        "from arnorm.lexicon.words import default_lexicon; default_lexicon()",
    ]
    lexicon = statistics.median(run(load)[0] for _ in range(repeat))
    python = statistics.median(run([sys.executable, "-c", "pass"])[0] for _ in range(repeat))
    return check, lexicon - python


def report_throughput(folder: Path, data: Path, repeat: int) -> None:
    """--jobs 1 against --jobs 2 on the real news, each document once."""
    jsonl = ["--jsonl", "--field", "title", "--field", "content"]
    for kind, flags in (("text", []), ("jsonl", jsonl)):
        path = folder / f"news.{kind}"
        path.write_bytes(news_input(data, kind))
        report_jobs(f"news {kind}", path, flags, repeat)
    for name, rate in in_process_rates(folder / "news.text"):
        print(f"in-process {name:<42} {rate:6.2f} MB per CPU s")


def report_jobs(label: str, path: Path, flags: Sequence[str], repeat: int) -> None:
    ceiling = parallel_ceiling()
    rates = throughputs(path, flags, repeat)
    (one, cpu_one), (two, cpu_two) = rates[1], rates[2]
    size = path.stat().st_size / MB
    print(
        f"clean {label:<16} {size:7.1f} MB  --jobs 1 {one:6.2f} MB/s  --jobs 2 {two:6.2f} MB/s"
        f"  ratio {two / one:.2f}x  (two busy processes against one here now: {ceiling:.2f}x)"
    )
    print(
        f"      {label:<16} CPU seconds, all processes: --jobs 1 {cpu_one:.2f}, --jobs 2"
        f" {cpu_two:.2f}: on two free cores at most {2 * cpu_one / cpu_two:.2f}x"
    )


def report_check(small: Path) -> None:
    """``arnorm check`` from the shell; without the run-on splitter on this build, the lexicon
    it will load is timed separately and added."""
    sys.path.insert(0, str(ROOT))
    from arnorm.rules import BY_CODE

    check, lexicon = check_wall(small)
    line = f"check {small.name} ({small.stat().st_size} bytes): {check:.2f} s wall from the shell"
    if "AR501" not in BY_CODE:
        line += f"; + lexicon load {lexicon:.2f} s (no splitter yet) = {check + lexicon:.2f} s"
    print(line + " (target 0.80 s)")


def report_memory(folder: Path, sentences: list[str], sizes: Sequence[int]) -> None:
    """Peak RSS, speed and CPU seconds of --jobs 1 and --jobs 2 on recombined news."""
    for megabytes in sizes:
        start = time.perf_counter()
        path = recombined(folder / "big.txt", sentences, megabytes * MB, "text")
        size = path.stat().st_size / MB
        print(f"built {size:.1f} MB of recombined news in {time.perf_counter() - start:.0f} s")
        speeds = {}
        for jobs in (1, 2):
            wall, code, rss, cpu = run([*ARNORM, "clean", "--jobs", str(jobs), str(path)])
            assert code == 0, f"arnorm clean exited {code}"
            speeds[jobs] = size / wall
            print(
                f"memory {size:7.1f} MB --jobs {jobs}: peak RSS {rss:4d} MB (largest process),"
                f" {size / wall:6.2f} MB/s, {cpu:7.1f} CPU s ({size / cpu:.2f} MB per CPU s)"
            )
        print(f"       {size:7.1f} MB --jobs 2 / --jobs 1: {speeds[2] / speeds[1]:.2f}x")
        path.unlink()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1 GB run")
    parser.add_argument("--megabytes", type=int, default=100, help="recombined input size")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure on the news")
    corpus.add_data_argument(parser)
    args = parser.parse_args(argv)
    data = corpus.data_dir(args.data)
    sentences = news_sentences(data)
    if not sentences:
        print(f"note: no news under {data}: the CLI benchmark needs news; skipped")
        return 0
    load = os.getloadavg()[0]
    print(
        f"arnorm CLI benchmark: Python {platform.python_version()}, {os.cpu_count()} cores,"
        f" load average {load:.2f} at start; {len(sentences)} sentences of news"
    )
    with tempfile.TemporaryDirectory(prefix="arnorm-bench-") as temporary:
        folder = Path(temporary)
        # Memory first, while this process is small: a child's peak RSS starts from its parent's.
        report_memory(folder, sentences, [args.megabytes] if args.quick else [args.megabytes, 1000])
        report_throughput(folder, data, args.repeat)
        report_check(ROOT / "samples" / "news.txt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
