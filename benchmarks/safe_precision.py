"""Precision of the run-on splits that lint marks safe (AR501), on the dev run-on sets.

    python benchmarks/safe_precision.py [DATA_DIR]   # default: ../shared/data next to the repo

`arnorm fix` applies safe edits only; `clean` applies every one. A safe space must almost never
be wrong, so this counts, for the synthetic and the natural set, how many safe and how many
unsafe spaces fall where the gold has one.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_segment import DEFAULT_DATA, boundaries, read_pairs

from arnorm.config import CLEAN
from arnorm.rules.runons import find_runons


def count(pairs: list[tuple[str, str]]) -> dict[bool, list[int]]:
    """{safe: [right, wrong]} over the spaces AR501 proposes in the inputs of `pairs`."""
    found = {True: [0, 0], False: [0, 0]}
    for source, gold in pairs:
        wanted = boundaries(gold) - boundaries(source)
        for edit in find_runons(source, CLEAN):
            letters_before = len("".join(source[: edit.start].split()))
            found[edit.safe][letters_before not in wanted] += 1
    return found


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    if not (data / "runon_synthetic.tsv").exists():
        print(f"note: no dev data in {data}; nothing to measure")
        return
    total = {True: [0, 0], False: [0, 0]}
    for name in ("synthetic", "natural"):
        found = count(read_pairs(data / f"runon_{name}.tsv"))
        for safe in (True, False):
            right, wrong = found[safe]
            total[safe][0] += right
            total[safe][1] += wrong
            label = "safe" if safe else "unsafe"
            figures = f"right {right:5}  wrong {wrong:3}  precision {_p(right, wrong)}"
            print(f"{name:9} {label:6} {figures}")
    right, wrong = total[True]
    print(f"both      safe   right {right:5}  wrong {wrong:3}  precision {_p(right, wrong)}")


def _p(right: int, wrong: int) -> str:
    return f"{right / (right + wrong):.4f}" if right + wrong else "n/a"


if __name__ == "__main__":
    main()
