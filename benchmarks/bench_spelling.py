"""arnorm's spelling corrections (AR601-AR606) against a naive baseline, on the same dev data.

    python benchmarks/bench_spelling.py [--data DIR] [--show N]

The data folder (``--data``, else ``$ARNORM_DATA``, else ``../shared/data`` next to the repo)
holds ``spelling_synthetic.tsv`` (real sentences with errors put in: ``input<TAB>gold<TAB>
errors``) and ``clean_sentences.txt`` (real sentences taken as correct). Both systems get one
sentence at a time and return it corrected:

* **baseline**: each token is replaced by its most frequent variant under the families' letter
  swaps (first and last letter), no clitics, no context, no threshold;
* **arnorm**: :func:`arnorm.correct_spelling`.

Scoring follows the dev data's scorer: a put-in error is restored when its gold token survives
in the output (token alignment by difflib); precision is restored / every changed token (wrong
fixes and changes to tokens without an error included); false changes are counted per 10k
tokens of the synthetic sentences, and changed tokens per 10k of the clean sentences (some of
those are real repairs of the source: ``--show`` prints samples). Every figure is given for the
even rows, the odd rows and all rows, so that a threshold set on one half can be checked on the
other. Speed is tokens per second of a second (warm) pass over the clean sentences.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the arnorm of this checkout, installed or not

import corpus  # noqa: E402  # the one data setting of the benchmarks (benchmarks/corpus.py)

import arnorm  # noqa: E402
from arnorm.lexicon.words import default_lexicon  # noqa: E402

FIRST_SWAPS = {"ا": "أإآ", "أ": "ا", "إ": "ا"}
LAST_SWAPS = {"ي": "ى", "ى": "ي", "ه": "ة", "ة": "ه"}
PUNCTUATION = "\"'«»()[]،,.:;؛!?؟"


def baseline(text: str) -> str:
    """Each token as its most frequent variant (first and last letter swapped), no context."""
    lexicon = default_lexicon()
    out = []
    for token in text.split(" "):
        core = token.strip(PUNCTUATION)
        if len(core) < 2:
            out.append(token)
            continue
        best, best_zipf = core, lexicon.zipf(core)
        firsts = [core[0], *FIRST_SWAPS.get(core[0], "")]
        lasts = [core[-1], *LAST_SWAPS.get(core[-1], "")]
        for first in firsts:
            for last in lasts:
                variant = first + core[1:-1] + last
                zipf = lexicon.zipf(variant)
                if zipf > best_zipf:
                    best, best_zipf = variant, zipf
        out.append(token.replace(core, best, 1))
    return " ".join(out)


def kept(a: list[str], b: list[str]) -> set[int]:
    """Indices of `a` whose token survives unchanged in `b`."""
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return {m.a + k for m in matcher.get_matching_blocks() for k in range(m.size)}


def score(
    correct: Callable[[str], str],
    rows: Sequence[tuple[str, str, str]],
    clean: Sequence[str],
    show: int,
) -> dict[str, object]:
    total, ok, wrong = Counter[str](), Counter[str](), Counter[str]()
    tokens = false_changes = 0
    samples: list[str] = []
    for text, gold, errs in rows:
        out = correct(text)
        g, o = gold.split(), out.split()
        errors = {i: (family, wrong_form) for i, family, wrong_form in json.loads(errs)}
        survived = kept(g, o)
        tokens += len(g)
        for i in range(len(g)):
            if i in errors:
                family, wrong_form = errors[i]
                total[family] += 1
                if i in survived:
                    ok[family] += 1
                elif wrong_form not in out:
                    wrong[family] += 1
            elif i not in survived:
                false_changes += 1
                if len(samples) < show:
                    samples.append(f"false change of {g[i]}: {out}")
    restored, wrong_fixes = sum(ok.values()), sum(wrong.values())
    changed = restored + wrong_fixes + false_changes
    precision = restored / changed if changed else 0.0
    recall = restored / sum(total.values())
    clean_tokens = clean_changed = 0
    for line in clean:
        g = line.split()
        clean_tokens += len(g)
        clean_changed += len(g) - len(kept(g, correct(line).split()))
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if changed else 0.0,
        "wrong_fixes": wrong_fixes,
        "false_per_10k": false_changes / tokens * 1e4,
        "clean_changed_per_10k": clean_changed / clean_tokens * 1e4,
        "recall_by_family": {f: ok[f] / total[f] for f in sorted(total)},
        "samples": samples,
    }


def warm_speed(correct: Callable[[str], str], clean: Sequence[str]) -> float:
    """Tokens per second of a second pass over the clean sentences."""
    for line in clean:
        correct(line)
    start = time.perf_counter()
    for line in clean:
        correct(line)
    return sum(len(line.split()) for line in clean) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    corpus.add_data_argument(parser)
    parser.add_argument("--show", type=int, default=0, help="print N false changes per system")
    args = parser.parse_args()
    data = corpus.data_dir(args.data)
    with (data / "spelling_synthetic.tsv").open(encoding="utf-8") as file:
        rows = [tuple(line.rstrip("\n").split("\t")) for line in file][1:]
    with (data / "clean_sentences.txt").open(encoding="utf-8") as file:
        clean = [line.rstrip("\n") for line in file]
    start = time.perf_counter()
    arnorm.correct_spelling("تجربة")
    print(f"arnorm cold start (word list loaded once): {time.perf_counter() - start:.2f} s")
    systems: dict[str, Callable[[str], str]] = {
        "baseline": baseline,
        "arnorm": arnorm.correct_spelling,
    }
    halves = {"even": (rows[0::2], clean[0::2]), "odd": (rows[1::2], clean[1::2])}
    halves["all"] = (rows, clean)
    header = f"{'system':9} {'rows':5} {'P':>6} {'R':>6} {'F1':>6} {'wrong':>5} "
    print(header + f"{'false/10k':>9} {'clean/10k':>9}  recall by family")
    for name, correct in systems.items():
        for half, (part, clean_part) in halves.items():
            r = score(correct, part, clean_part, args.show if half == "all" else 0)
            families = " ".join(
                f"{f}={v:.3f}"
                for f, v in r["recall_by_family"].items()  # type: ignore[attr-defined]
            )
            print(
                f"{name:9} {half:5} {r['precision']:6.4f} {r['recall']:6.4f} {r['f1']:6.4f} "
                f"{r['wrong_fixes']:5} {r['false_per_10k']:9.2f} "
                f"{r['clean_changed_per_10k']:9.2f}  {families}"
            )
            for sample in r["samples"]:  # type: ignore[attr-defined]
                print(f"    {sample}")
        print(f"{name:9} warm speed: {warm_speed(correct, clean):,.0f} tokens/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
