"""Speed and memory of the command line, on the raw news of ../shared/data/news_raw.

    python benchmarks/bench_cli.py              # everything (about three minutes on 2 cores)
    python benchmarks/bench_cli.py --quick      # no 1 GB memory run

Prints stable text: throughput of ``arnorm clean`` on plain text and on JSONL with --jobs 1 and
--jobs 2 (best of a few runs, MB = 10**6 bytes of input), next to what this machine's cores
give right now (two busy processes against one: the other tenants of a shared machine show
here), a peer on the same text (CAMeL Tools' arclean character map, in-process, when it is
installed), the wall time of ``arnorm check`` on a small file from the shell, and the peak RSS
of the largest process of ``arnorm clean`` on 100 MB and 1 GB inputs generated at run time in a
temporary folder (never committed). The news texts belong to their publishers: they are read
from the data folder, never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("ARNORM_DATA", ROOT.parent / "shared" / "data")) / "news_raw"
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


def ant_documents() -> Iterator[dict[str, str]]:
    """The ANT files' documents as records: source, title, and the article text."""
    field = re.compile(r"<(SRC|TITLE|TEXT)>\s*(.*?)\s*</\1>", re.DOTALL)
    for path in sorted(DATA.glob("ANT-*.txt")):
        for document in path.read_text(encoding="utf-8").split("</DOC>"):
            found = dict(field.findall(document))
            if "TEXT" in found:
                yield {
                    "source": found.get("SRC", ""),
                    "title": found.get("TITLE", ""),
                    "content": found["TEXT"],
                }


def saudi_articles() -> Iterator[dict[str, str]]:
    for path in sorted(DATA.glob("SaudiNewsNet*.json")):
        yield from json.loads(path.read_text(encoding="utf-8"))


def corpus(kind: str) -> bytes:
    """One copy of the raw news as plain text (the ANT files as they are) or as JSONL."""
    if kind == "text":
        return b"".join(path.read_bytes() for path in sorted(DATA.glob("ANT-*.txt")))
    records = [*saudi_articles(), *ant_documents()]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def repeated(path: Path, piece: bytes, size: int) -> Path:
    """Write `piece` again and again to `path` until it holds about `size` bytes."""
    with path.open("wb") as out:
        for _ in range(max(1, round(size / len(piece)))):
            out.write(piece)
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
    """Line-by-line cleaning in this process: arnorm's fast path and its peers, same lines."""
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
        start = time.perf_counter()
        for line in lines:
            function(line)
        rates.append((name, size / (time.perf_counter() - start)))
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


def report_throughput(folder: Path, megabytes: int, repeat: int) -> None:
    jsonl = ["--jsonl", "--field", "title", "--field", "content"]
    for kind, flags in (("text", []), ("jsonl", jsonl)):
        path = repeated(folder / f"news.{kind}", corpus(kind), megabytes * MB)
        ceiling = parallel_ceiling()
        rates = throughputs(path, flags, repeat)
        (one, cpu_one), (two, cpu_two) = rates[1], rates[2]
        size = path.stat().st_size / MB
        print(
            f"clean {kind:<5} {size:5.1f} MB  --jobs 1 {one:6.2f} MB/s  --jobs 2 {two:6.2f} MB/s"
            f"  ratio {two / one:.2f}x  (two busy processes against one here now: {ceiling:.2f}x)"
        )
        print(
            f"      {kind:<5} CPU seconds, all processes: --jobs 1 {cpu_one:.2f}, --jobs 2"
            f" {cpu_two:.2f}: on two free cores at most {2 * cpu_one / cpu_two:.2f}x"
        )
    for name, rate in in_process_rates(folder / "news.text"):
        print(f"in-process {name:<42} {rate:6.2f} MB/s")


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


def report_memory(folder: Path, sizes: Sequence[int]) -> None:
    piece = corpus("text")
    for megabytes in sizes:
        path = repeated(folder / "big.txt", piece, megabytes * MB)
        for jobs in (1, 2):
            wall, code, rss, _ = run([*ARNORM, "clean", "--jobs", str(jobs), str(path)])
            assert code == 0, f"arnorm clean exited {code}"
            size = path.stat().st_size / MB
            print(
                f"memory {size:7.1f} MB --jobs {jobs}: peak RSS {rss:4d} MB"
                f" (largest process), {size / wall:6.2f} MB/s"
            )
        path.unlink()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1 GB memory run")
    parser.add_argument("--megabytes", type=int, default=32, help="throughput input size")
    parser.add_argument("--repeat", type=int, default=5, help="runs per throughput figure")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"note: {DATA} is absent: the CLI benchmark needs the raw news; skipped")
        return 0
    load = os.getloadavg()[0]
    print(
        f"arnorm CLI benchmark: Python {platform.python_version()}, {os.cpu_count()} cores,"
        f" load average {load:.2f} at start"
    )
    with tempfile.TemporaryDirectory(prefix="arnorm-bench-") as temporary:
        folder = Path(temporary)
        # Memory first, while this process is small: a child's peak RSS starts from its parent's.
        report_memory(folder, [100] if args.quick else [100, 1000])
        report_throughput(folder, args.megabytes, args.repeat)
        report_check(ROOT / "samples" / "news.txt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
