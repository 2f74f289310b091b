"""How many passes the engine runs per line of the dev data, per preset.

Run from the repository root::

    python benchmarks/passes.py --data DIR

A line that needs nothing takes one pass; one that a pass changes takes a second to confirm
the fixpoint; a third pass runs only when the second still changed something (a rule left
work for an earlier one), and a line whose cleaned text cleaning changes again hit the bound
("not idempotent").
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from rule_counts import DEFAULT_DATA, clean_sentences, news_lines

import arnorm


def pass_counts(lines: Sequence[str], preset: str) -> Counter[int]:
    """How many lines took 1, 2 or 3 passes."""
    return Counter(arnorm.fix(line, preset=preset).passes for line in lines)


def not_idempotent(line: str, preset: str) -> bool:
    """Whether cleaning the cleaned line changes it again (the bound was reached)."""
    once = arnorm.clean(line, preset=preset)
    return arnorm.clean(once, preset=preset) != once


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
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


if __name__ == "__main__":
    main()
