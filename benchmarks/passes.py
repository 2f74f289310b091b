"""How many passes the engine runs per line of the dev data, per preset.

Run from the repository root::

    python benchmarks/passes.py --data DIR            # passes per line
    python benchmarks/passes.py --data DIR --timing   # and what the passes cost on the news

A line that needs nothing takes one pass; one that a pass changes takes a second to confirm
the fixpoint; a third pass runs only when the second still changed something (a rule left
work for an earlier one), and a line whose cleaned text cleaning changes again hit the bound
("not idempotent").
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from rule_counts import DEFAULT_DATA, clean_sentences, news_lines

import arnorm
from arnorm import engine


def pass_counts(lines: Sequence[str], preset: str) -> Counter[int]:
    """How many lines took 1, 2 or 3 passes."""
    return Counter(arnorm.fix(line, preset=preset).passes for line in lines)


def not_idempotent(line: str, preset: str) -> bool:
    """Whether cleaning the cleaned line changes it again (the bound was reached)."""
    once = arnorm.clean(line, preset=preset)
    return arnorm.clean(once, preset=preset) != once


def pass_costs(lines: Sequence[str]) -> None:
    """What the fixpoint costs: clean, fix and lint over `lines` with one pass at most (as the
    engine was) and with the bound, best of 2 runs each, interleaved."""
    bound = engine.MAX_PASSES
    print(f"\n{'call':6} {'1 pass s':>9} {f'{bound} passes s':>11} {'ratio':>6}")
    for name in ("clean", "fix", "lint"):
        call = getattr(arnorm, name)
        best = {1: float("inf"), bound: float("inf")}
        for passes in (1, bound, 1, bound):
            engine.MAX_PASSES = passes
            start = time.perf_counter()
            for line in lines:
                call(line)
            best[passes] = min(best[passes], time.perf_counter() - start)
        engine.MAX_PASSES = bound
        print(f"{name:6} {best[1]:9.3f} {best[bound]:11.3f} {best[bound] / best[1]:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--timing", action="store_true", help="also time 1 pass against 3")
    args = parser.parse_args()
    corpora = {"clean_sentences.txt": clean_sentences(args.data), "news_raw": news_lines(args.data)}
    print(
        f"{'corpus':20} {'preset':7} {'lines':>7} {'1 pass':>7} {'2':>7} {'3':>5}"
        f" {'not idempotent':>15}"
    )
    for name, lines in corpora.items():
        for preset in ("clean", "search"):
            counts = pass_counts(lines, preset)
            bound = sum(1 for line in lines if not_idempotent(line, preset))
            print(
                f"{name:20} {preset:7} {len(lines):7,} {counts[1]:7,} {counts[2]:7,}"
                f" {counts[3]:5,} {bound:15,}"
            )

    if args.timing:
        pass_costs(corpora["news_raw"])


if __name__ == "__main__":
    main()
