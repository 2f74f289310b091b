"""Score the run-on splitter as the search preset runs it: looking every run up folded.

    python benchmarks/search_view.py [DATA_DIR]   # default: ../shared/data next to the repo
    python /work/shared/eval/score_segmenter.py DATA_DIR --func benchmarks.search_view:segment

Under the search preset the splitter looks each run up as the folds (AR202-AR204) write it, in
a word list folded alike, so that it decides the same before the folds and after them (the
engine's next pass). This script prints, for the clean preset's splitter and the search
preset's, F1 on the synthetic and natural run-on sets and false splits per 10k tokens of the
correct sentences: the search splitter on the dev sets as written, and on the dev sets folded
by the search preset's folds (inputs and golds alike), which must agree since it decides on the
folded letters only. A last row scores the alternative that arnorm.lexicon.words.fold_zipf turned
down: a folded key taking the sum of its spellings' probabilities instead of the largest. First
comes the cost of the folded word list: the time and memory to build it once the plain list is
loaded.
"""

from __future__ import annotations

import dataclasses
import math
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_segment import DEFAULT_DATA, boundaries, read_pairs, score_pairs

import arnorm
from arnorm.config import NONE, SEARCH
from arnorm.lexicon.words import Lexicon, default_lexicon, read_wordfreq
from arnorm.splitter.configured import spelling_of
from arnorm.splitter.segmenter import Segmenter, segmenter_for

Splitter = Callable[[str], str]
#: The search preset's folds and stripping alone: what the search splitter reads through.
FOLDS = dataclasses.replace(
    NONE,
    **{
        name: getattr(SEARCH, name)
        for name in ("fold_alef", "fold_alef_maksura", "fold_teh_marbuta", "diacritics", "tatweel")
    },
)


def search_segmenter() -> Segmenter:
    return segmenter_for((), (), spelling_of(SEARCH))


def segment(text: str) -> str:
    """`text` with the spaces the search preset's splitter inserts (nothing else changed)."""
    return search_segmenter().segment(text)


def summed_segmenter() -> Segmenter:
    """The search splitter over a list whose folded keys sum their spellings' probabilities."""
    spelling = spelling_of(SEARCH)
    probability: dict[str, float] = {}
    for word, zipf in read_wordfreq().items():
        key = spelling.fold(word)
        probability[key] = probability.get(key, 0.0) + 10**zipf
    summed = {key: round(math.log10(p), 5) for key, p in probability.items()}
    return Segmenter(Lexicon(summed, spelling), spelling=spelling)


def fold(text: str) -> str:
    return arnorm.clean(text, preset=FOLDS)


def scores(split: Splitter, data: Path, folded: bool) -> str:
    """F1 on both run-on sets and false splits per 10k tokens, on the (folded) dev sets."""
    prepare = fold if folded else str
    figures = []
    for name in ("runon_synthetic.tsv", "runon_natural.tsv"):
        pairs = [(prepare(source), prepare(gold)) for source, gold in read_pairs(data / name)]
        figures.append(f"{score_pairs(split, pairs)['f1']:.4f}")
    lines = (data / "clean_sentences.txt").read_text(encoding="utf-8").splitlines()
    lines = [prepare(line) for line in lines if line.strip()]
    false = sum(len(boundaries(split(line)) - boundaries(line)) for line in lines)
    figures.append(f"{1e4 * false / sum(len(line.split()) for line in lines):.2f}")
    return "  ".join(f"{figure:>12}" for figure in figures)


def build_cost() -> str:
    """Seconds and MB (max RSS) to build the folded word list, the plain one loaded."""
    default_lexicon()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    default_lexicon().folded(spelling_of(SEARCH))
    seconds = time.perf_counter() - start
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024
    return f"folded word list (search): built in {seconds:.2f} s, max RSS +{grown:.0f} MB"


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    if not (data / "clean_sentences.txt").exists():
        print(f"note: no dev data in {data}; nothing to score")
        return
    print(build_cost())  # first, while nothing else has grown the process
    print(f"{'':36}{'synthetic F1':>12}  {'natural F1':>12}  {'false/10k':>12}")
    print(f"{'clean preset (as written)':36}{scores(arnorm.segment, data, folded=False)}")
    print(f"{'search preset, dev sets as written':36}{scores(segment, data, folded=False)}")
    print(f"{'search preset, dev sets folded':36}{scores(segment, data, folded=True)}")
    summed = summed_segmenter().segment
    print(f"{'search, spellings summed (rejected)':36}{scores(summed, data, folded=False)}")


if __name__ == "__main__":
    main()
