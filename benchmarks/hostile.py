"""Time on crafted input: the inputs of issue 11 that once took minutes, at their sizes.

    python benchmarks/hostile.py                 # every case at the issue's sizes
    python benchmarks/hostile.py --scale 0.25    # a quarter of the sizes (for old code)
    python benchmarks/hostile.py --case csv      # one case
    python benchmarks/hostile.py --fix-memory 100  # peak memory of fix on 100 MB of text

Each case builds its input in memory (nothing is read from the data folder) and times one
call, in this process, of the code a user reaches: ``arnorm clean`` on a file, ``arnorm check``
on a file, the library, the CSV reader of ``clean``, the glob matcher of the folder walk.
Prints one line per case: its name, the input size and the wall seconds (best of --repeat).
The unit tests check the same shapes by counting operations or comparing n with 8n; this
script gives the seconds for the report.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Case = Callable[[int, Path], None]


def _quiet_main(argv: list[str]) -> int:
    from arnorm.cli.main import main

    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        return main(argv)


def clean_quotes(n: int, folder: Path) -> None:
    """``arnorm clean`` on a line of `n` straight double quotes between Arabic words."""
    path = folder / "q.txt"
    path.write_text("قال " + '"' * n + " الوزير\n", encoding="utf-8")
    _quiet_main(["clean", "--isolated", str(path), "-o", str(folder / "out.txt")])


def library_quotes(n: int, folder: Path) -> None:
    """``arnorm.fix`` on `n` straight double quotes."""
    import arnorm

    arnorm.fix("قال " + '"' * n + " الوزير")


def check_apostrophes(n: int, folder: Path) -> None:
    """``arnorm check`` on a file with `n` single quotes between Arabic words."""
    path = folder / "s.txt"
    path.write_text("قال " + "'" * n + " الوزير\n", encoding="utf-8")
    _quiet_main(["check", "--isolated", str(path)])


def brackets(n: int, folder: Path) -> None:
    """AR403 (and every rule) on `n` opening brackets then `n` closing ones, in Arabic context."""
    import arnorm

    arnorm.lint("قال " + "(" * n + ")" * n + " الوزير")


def csv_unclosed(n: int, folder: Path) -> None:
    """``arnorm clean --csv`` on `n` bytes of rows after a cell whose quote never closes."""
    path = folder / "u.csv"
    row = "1,نص عادي في سطر\n"
    rows = row * max(1, n // len(row.encode()))
    path.write_text('id,text\n1,"بداية\n' + rows, encoding="utf-8")
    _quiet_main(["clean", "--isolated", "--csv", str(path), "-o", str(folder / "out.csv")])


def globs(n: int, folder: Path) -> None:
    """The walk's glob matcher with `n` ``**`` in one glob, on a path it does not match."""
    from arnorm.cli.files import matches

    glob = "/".join(["**"] * n) + "/x.md"
    matches(glob, "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/y.md")


#: Each case with the size the issue gave for it.
CASES: dict[str, tuple[Case, int]] = {
    "clean-quotes": (clean_quotes, 20_000),
    "library-quotes": (library_quotes, 40_000),
    "check-apostrophes": (check_apostrophes, 10_000),
    "brackets": (brackets, 100_000),
    "csv-unclosed": (csv_unclosed, 480_000),
    "globs": (globs, 10),
}


def fix_memory(megabytes: int) -> None:
    """Peak RSS of ``arnorm fix`` on a generated plain-text file of `megabytes` MB, next to
    the same command on a one-line file (the lexicon and the interpreter: the floor)."""
    import random
    import subprocess

    words = [
        "قال",
        "الوزير",
        "إن",
        "المفاوضات",
        "مع",
        "كوريا",
        "الشمالية",
        "ستستأنف",
        "في",
        "العام",
        "المقبل",
    ]
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as folder:
        big, tiny = Path(folder) / "big.txt", Path(folder) / "tiny.txt"
        tiny.write_text("قال\xa0الوزير\n", encoding="utf-8")
        longest = 0
        with big.open("w", encoding="utf-8") as out:
            while out.tell() < megabytes * 1_000_000:
                line = "\xa0".join(rng.choice(words) for _ in range(rng.randint(5, 40)))
                longest = max(longest, len(line.encode()) + 1)
                out.write(line + "\n")
        for path in (tiny, big):
            command = [sys.executable, "-m", "arnorm", "fix", "--isolated", str(path)]
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=folder)
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - start
            size = path.stat().st_size
            note = f"  (longest line {longest:,} bytes)" if path == big else "  (one line)"
            print(
                f"fix {size:>12,} bytes  peak {usage.ru_maxrss / 1024:7.1f} MB"
                f"  {seconds:6.1f} s  exit {os.waitstatus_to_exitcode(status)}{note}",
                flush=True,
            )


def timed(case: Case, n: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            case(n, Path(folder))
            best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=list(CASES), action="append")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--fix-memory", type=int, metavar="MB", help="only: fix on MB of text")
    args = parser.parse_args()
    if args.fix_memory:
        fix_memory(args.fix_memory)
        return
    import arnorm

    arnorm.fix("تحميل المعجم")  # load the lexicon before timing
    for name in args.case or list(CASES):
        case, size = CASES[name]
        n = max(1, round(size * args.scale)) if name != "globs" else size
        seconds = timed(case, n, args.repeat)
        print(f"{name:<18} n={n:<8,} {seconds:8.3f} s", flush=True)


if __name__ == "__main__":
    main()
