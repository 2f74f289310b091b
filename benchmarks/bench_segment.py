"""Compare arnorm's run-on splitter with symspellpy and wordsegment on the same dev data.

    python benchmarks/bench_segment.py [DATA_DIR]   # default: ../shared/data next to the repo

Every splitter sees the same thing: each run of Arabic letters, in lookup-key form (no harakat,
tatweel or invisibles; what arnorm itself looks up), and its split points are mapped back onto
the original text, so all three insert only spaces. The peers split only runs that are not in
the word list (a known word is left alone: their fast path). They use the same word list,
wordfreq's large Arabic list:

* symspellpy: ``SymSpell.word_segmentation`` with max edit distance 0 (segmentation only) and
  a dictionary of wordfreq counts;
* wordsegment: its algorithm (``Segmenter.isegment``) with its English unigrams replaced by
  the wordfreq counts, no bigrams, and its ASCII-only ``clean`` step turned off.

The headline is speed on text the process has never seen: the raw news of ``news_raw/``, one
line per call, right after the cold start (every token type new to the caches), then the same
lines again. Users clean a text once, so the first pass is what they get.

Each splitter runs in a fresh interpreter, so cold start (import, load, first call) and peak
memory (max RSS) are its own. Quality is precision, recall and F1 of inserted spaces on the
synthetic and natural run-on sets, and false splits per 10k tokens of correct text; speed is
tokens per second over the correct text (the first pass, caches cold, then a second pass).
The output is plain, stable text, with each peer's figures as ratios to arnorm's.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Container, Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the arnorm of this checkout, installed or not
DEFAULT_DATA = ROOT.parent / "shared" / "data"
SYSTEMS = ("arnorm", "symspellpy", "wordsegment")
PROBE = "بفضلالمفاوضات"

Splitter = Callable[[str], str]


# --- the splitters ------------------------------------------------------------------------


def load_arnorm() -> Splitter:
    import arnorm

    return arnorm.segment


def wordfreq_counts() -> dict[str, int]:
    """wordfreq's large Arabic list as counts per billion words (at least 1)."""
    from arnorm.lexicon.words import read_wordfreq

    return {word: max(1, round(10**zipf)) for word, zipf in read_wordfreq().items()}


def load_symspellpy() -> Splitter:
    from symspellpy import SymSpell

    sym = SymSpell(max_dictionary_edit_distance=0, prefix_length=7)
    counts = wordfreq_counts()
    for word, count in counts.items():
        sym.create_dictionary_entry(word, count * 1025)  # SymSpell divides by N = 1.025e12

    def split(key: str) -> list[str]:
        return sym.word_segmentation(key, max_edit_distance=0).segmented_string.split()

    return per_run(split, counts)


def load_wordsegment() -> Splitter:
    from wordsegment import Segmenter

    class ArabicSegmenter(Segmenter):  # type: ignore[misc]
        @classmethod
        def clean(cls, text: str) -> str:
            return text  # the original keeps ASCII letters and digits only

    seg = ArabicSegmenter()
    seg.unigrams = wordfreq_counts()
    seg.bigrams = {}
    seg.total = 1e9
    seg.limit = 24
    return per_run(lambda key: list(seg.isegment(key)), seg.unigrams)


def per_run(split: Callable[[str], list[str]], known: Container[str]) -> Splitter:
    """A text splitter that applies `split` to each run of Arabic letters (in lookup-key form)
    that is not a `known` word, and inserts spaces at the matching places of the text."""
    from arnorm.splitter.runs import Run, run_pattern

    def segment(text: str) -> str:
        points: list[int] = []
        for match in run_pattern().finditer(text):
            run = Run.read(match.group())
            key, starts = run.key, run.starts
            words = split(key) if len(key) > 1 and key not in known else [key]
            if "".join(words) != key:
                continue  # a peer that changed letters is treated as not splitting
            offset = 0
            for word in words[:-1]:
                offset += len(word)
                if starts[offset] >= 0:
                    points.append(match.start() + starts[offset])
        if not points:
            return text
        bounds = [0, *points, len(text)]
        return " ".join(text[i:j] for i, j in itertools.pairwise(bounds))

    return segment


LOADERS: dict[str, Callable[[], Splitter]] = {
    "arnorm": load_arnorm,
    "symspellpy": load_symspellpy,
    "wordsegment": load_wordsegment,
}


# --- scoring (the same definitions as shared/eval/score_segmenter.py) -----------------------


def boundaries(text: str) -> set[int]:
    """Indices k such that whitespace stands between non-space characters k-1 and k."""
    found, k, pending = set(), 0, False
    for ch in text:
        if ch.isspace():
            pending = True
            continue
        if pending and k > 0:
            found.add(k)
        pending = False
        k += 1
    return found


def score_pairs(split: Splitter, pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    tp = fp = fn = 0
    for source, gold in pairs:
        before = boundaries(source)
        predicted = boundaries(split(source)) - before
        wanted = boundaries(gold) - before
        tp += len(predicted & wanted)
        fp += len(predicted - wanted)
        fn += len(wanted - predicted)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def read_pairs(path: Path) -> list[tuple[str, str]]:
    rows = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")]
    return [(row[0], row[1]) for row in rows[1:] if len(row) >= 2]


def news_lines(data: Path) -> list[str]:
    """The lines of raw news in ``news_raw/`` (the article fields of the JSON file, the lines
    of the ANT files), as a cleaner meets them: a minimal reader, for this benchmark only."""
    lines: list[str] = []
    for path in sorted((data / "news_raw").glob("*")):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            articles = json.loads(text)
            text = "\n".join(f"{a.get('title', '')}\n{a.get('content', '')}" for a in articles)
        lines += [line for line in text.splitlines() if line.strip()]
    return lines


def measure(name: str, data: Path) -> dict[str, float]:
    """Everything about one splitter, measured in this (fresh) interpreter."""
    start = time.perf_counter()
    split = LOADERS[name]()
    split(PROBE)
    result = {"cold_start_s": time.perf_counter() - start}
    news = news_lines(data)  # first, while the process has seen no text: the headline
    tokens = sum(len(line.split()) for line in news)
    for run in ("first", "second"):
        start = time.perf_counter()
        for line in news:
            split(line)
        result[f"news_tokens_per_s_{run}_pass"] = tokens / (time.perf_counter() - start)
    lines = [line.rstrip("\n") for line in (data / "clean_sentences.txt").open(encoding="utf-8")]
    lines = [line for line in lines if line.strip()]
    tokens = sum(len(line.split()) for line in lines)
    for run in ("first", "second"):  # the first pass runs with cold caches
        start = time.perf_counter()
        outputs = [split(line) for line in lines]
        result[f"tokens_per_s_{run}_pass"] = tokens / (time.perf_counter() - start)
    pairs = zip(lines, outputs, strict=True)
    false = sum(len(boundaries(out) - boundaries(line)) for line, out in pairs)
    result["false_splits_per_10k"] = 1e4 * false / tokens
    for key, file in (("synthetic", "runon_synthetic.tsv"), ("natural", "runon_natural.tsv")):
        for metric, value in score_pairs(split, read_pairs(data / file)).items():
            result[f"{key}_{metric}"] = value
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def run_worker(name: str, data: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", name, str(data)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return dict(json.loads(out.stdout))


# --- the report ---------------------------------------------------------------------------

ROWS: tuple[tuple[str, str, str], ...] = (
    ("news_tokens_per_s_first_pass", "tokens/s, unseen news, 1st pass", "{:,.0f}"),
    ("news_tokens_per_s_second_pass", "tokens/s, same news, 2nd pass", "{:,.0f}"),
    ("natural_precision", "natural run-ons: precision", "{:.3f}"),
    ("natural_recall", "natural run-ons: recall", "{:.3f}"),
    ("natural_f1", "natural run-ons: F1", "{:.3f}"),
    ("synthetic_precision", "synthetic run-ons: precision", "{:.3f}"),
    ("synthetic_recall", "synthetic run-ons: recall", "{:.3f}"),
    ("synthetic_f1", "synthetic run-ons: F1", "{:.3f}"),
    ("false_splits_per_10k", "false splits per 10k tokens", "{:.2f}"),
    ("tokens_per_s_first_pass", "tokens/s, correct text, 1st pass", "{:,.0f}"),
    ("tokens_per_s_second_pass", "tokens/s, correct text, 2nd pass", "{:,.0f}"),
    ("cold_start_s", "cold start (import+load+1st call), s", "{:.2f}"),
    ("peak_mb", "peak memory (max RSS), MB", "{:.0f}"),
)


def report(results: dict[str, dict[str, float]]) -> str:
    names = list(results)
    width = max(len(label) for _, label, _ in ROWS)
    lines = [f"{'':{width}}  " + "  ".join(f"{name:>20}" for name in names)]
    for key, label, form in ROWS:
        cells = []
        base = results["arnorm"][key]
        for name in names:
            value = results[name][key]
            ratio = f" ({value / base:.2f}x)" if "arnorm" not in (name,) and base else ""
            cells.append(f"{form.format(value) + ratio:>20}")
        lines.append(f"{label:{width}}  " + "  ".join(cells))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--worker", choices=SYSTEMS, help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=SYSTEMS, action="append", help="run only these")
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(measure(args.worker, args.data)))
        return 0
    if not (args.data / "clean_sentences.txt").exists():
        print(f"note: no dev data in {args.data}; nothing to benchmark")
        return 0
    results = {name: run_worker(name, args.data) for name in args.only or SYSTEMS}
    print(f"data: {args.data}")
    print(report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
