"""Score arnorm.segment on the even and the odd rows of each dev set separately.

    python benchmarks/halves.py [--data DIR]   # default: $ARNORM_DATA or ../shared/data

The splitter's constants were tuned on the even rows (0, 2, 4, ...); the odd rows check that
they generalise. Prints F1 of the synthetic and natural sets and false splits per 10k tokens
of the correct sentences, per half.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus
from bench_segment import boundaries, read_pairs, score_pairs

import arnorm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus.add_data_argument(parser)
    data = corpus.data_dir(parser.parse_args().data)
    if not (data / "clean_sentences.txt").exists():
        print(f"note: no dev data in {data}; nothing to score")
        return
    synthetic = read_pairs(data / "runon_synthetic.tsv")
    natural = read_pairs(data / "runon_natural.tsv")
    clean = [line.rstrip("\n") for line in (data / "clean_sentences.txt").open(encoding="utf-8")]
    clean = [line for line in clean if line.strip()]
    for half, name in ((0, "even rows (tuned)"), (1, "odd rows (checked)")):
        syn = score_pairs(arnorm.segment, synthetic[half::2])["f1"]
        nat = score_pairs(arnorm.segment, natural[half::2])["f1"]
        lines = clean[half::2]
        false = sum(len(boundaries(arnorm.segment(line)) - boundaries(line)) for line in lines)
        per_10k = 1e4 * false / sum(len(line.split()) for line in lines)
        print(f"{name:20} synthetic F1 {syn:.3f}  natural F1 {nat:.3f}  false/10k {per_10k:.2f}")


if __name__ == "__main__":
    main()
