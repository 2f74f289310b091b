"""The synthetic run-on junctions the splitter misses, counted by why the run stayed whole.

    python benchmarks/missed_junctions.py [--data DIR] [--show KIND]

For every space the gold has and the output lacks, the run of letters around it (as the
splitter left it) is read as one word, and the missed junction counted under the reading that
kept it whole:

* ``listed``: the run is listed at KNOWN_ZIPF or more (a word, or a listing no function word
  explains);
* ``listed-rare``: listed below it, with a genuine frequency left after what run-ons explain;
* ``proclitic``: read as proclitics and a listed stem (فيحين as ف + يحين);
* ``ending``: read as a stem with an ending or pronoun (حيثتم as حيث + تم);
* ``unknown``: read as an unknown word (a name, a rare word);
* ``no-piece``: the cut is no split at all, as a side of it is no piece (a name glued to a
  word: nobody listed it).

Each kind is counted on the even and the odd rows; ``--show KIND`` also prints the runs of a
kind with the two readings, to read, not to copy (the rows are the data's, not the project's).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus
from bench_segment import boundaries, read_pairs

import arnorm
from arnorm.splitter.runs import Run
from arnorm.splitter.segmenter import (
    INNER_END_PENALTY,
    KNOWN_ZIPF,
    Segmenter,
    default_segmenter,
)

KINDS = ("listed", "listed-rare", "proclitic", "ending", "unknown", "no-piece")


def kind_of(seg: Segmenter, run: str, cut: int) -> tuple[str, str]:
    """Why `run` stayed whole although a space belongs at `cut`, and the two readings."""
    read = Run.read(run)
    key, ends = read.key, read.ends
    whole = seg.whole_score(key, ends)
    pair = next((c for c in seg.candidates(key, limit=len(key)) if len(c.pieces[0]) == cut), None)
    shown = f"{key}: whole {whole:.2f}" + (f", split {pair}" if pair else "")
    if pair is None or len(pair.pieces) != 2:
        return "no-piece", shown
    if seg.lexicon.key_zipf(key) >= KNOWN_ZIPF:
        return "listed", shown
    analysis = seg.clitics.best(key)
    inner = INNER_END_PENALTY if ends else 0.0
    if analysis is not None and analysis.logp - inner >= whole - 1e-9:
        clitic_only = analysis.proclitic and not (analysis.suffix or analysis.enclitic)
        return ("proclitic" if clitic_only else "ending"), shown
    if seg.genuine_zipf(key):
        return "listed-rare", shown
    return "unknown", shown


def missed(pairs: list[tuple[str, str]]) -> list[tuple[str, int]]:
    """(run as the output left it, letter offset of the missed space in it) for every miss."""
    found = []
    for source, gold in pairs:
        output = arnorm.segment(source)
        wanted = boundaries(gold) - boundaries(source)
        for point in sorted(wanted - boundaries(output)):
            start = 0
            for token in output.split():
                if start < point < start + len(token):
                    found.append((token, point - start))
                    break
                start += len(token)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus.add_data_argument(parser)
    parser.add_argument("--show", choices=KINDS, help="print the runs of this kind")
    args = parser.parse_args()
    data = corpus.data_dir(args.data)
    if not (data / "runon_synthetic.tsv").exists():
        print(f"note: no dev data in {data}; nothing to count")
        return
    seg = default_segmenter()
    pairs = read_pairs(data / "runon_synthetic.tsv")
    counts = []
    for half in (0, 1):
        count: Counter[str] = Counter()
        for token, cut in missed(pairs[half::2]):
            if not token.isalpha():
                count["not letters only"] += 1
                continue
            kind, shown = kind_of(seg, token, cut)
            count[kind] += 1
            if kind == args.show:
                print(f"{kind:12} {shown}")
        counts.append(count)
    print(f"{'kind':18} {'even':>5} {'odd':>5}")
    for kind in (*KINDS, "not letters only"):
        print(f"{kind:18} {counts[0][kind]:5} {counts[1][kind]:5}")
    print(f"{'all':18} {sum(counts[0].values()):5} {sum(counts[1].values()):5}")


if __name__ == "__main__":
    main()
