"""The mojibake rule (AR701) against the dev data and against ftfy's own test cases.

Run from the repository root::

    python benchmarks/bench_mojibake.py                          # dev data only
    python benchmarks/bench_mojibake.py --ftfy-cases DIR         # also ftfy's test cases

Three measures:

1. False repairs: AR701 over every line of every text file under the data folder (``--data``,
   env ``ARNORM_DATA``, default ``../shared/data``). That text is correct or at worst dirty in
   other ways; every line AR701 changes is a false repair. The target is 0.
2. Round trip: each line of ``clean_sentences.txt`` broken on purpose, its UTF-8 bytes shown
   through each code page that AR701 reads (the whole line, and its second half only), and
   the number of lines AR701 alone gives back exactly; ftfy's ``fix_encoding`` beside it when
   ftfy is installed (it is a dependency of wordfreq).
3. ftfy's test cases: ftfy does not ship them in its package, so they are read from a
   checkout of https://github.com/rspeer/python-ftfy (``git clone`` it and pass
   ``--ftfy-cases python-ftfy/tests/test-cases``; they are MIT-licensed and are not copied
   into this repository). For every case whose text involves Arabic, whether ``arnorm.clean``
   gives ftfy's expected text (``fixed-encoding`` where the case has it, else ``fixed``); and
   for ftfy's negative cases (text that must not be changed), which ones ``arnorm.clean``
   changes in any way, with the change.

The data belongs to its publishers: lines are counted, never stored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import corpus  # the one data setting of the benchmarks (benchmarks/corpus.py)

import arnorm
from arnorm.config import CLEAN
from arnorm.rules import BY_CODE
from arnorm.script.codepages import ARABIC_MOJIBAKE_PAGES, byte_chars

#: The code pages of the round trip, as Python codecs (shown with ftfy's sloppy tables).
CODECS = ("cp1256", "latin-1", "cp1252", *(spec.codecs[0] for spec in ARABIC_MOJIBAKE_PAGES))
ARABIC = re.compile("[\u0600-\u06ff]")


def through(text: str, codec: str) -> str:
    """`text`'s UTF-8 bytes as `codec` shows them (an undefined byte as its latin-1 control)."""
    table = byte_chars(codec)
    return "".join(table[b] if b >= 0x80 else chr(b) for b in text.encode("utf-8"))


def broken(line: str, codec: str, *, half: bool) -> str:
    """`line`, or its second half, read through `codec`."""
    if not half:
        return through(line, codec)
    words = line.split(" ")
    middle = len(words) // 2
    return " ".join(words[:middle]) + " " + through(" ".join(words[middle:]), codec)


def false_repairs(data: Path) -> tuple[int, int, list[str]]:
    """(lines AR701 changes, lines read, the files of the changed lines)."""
    rule = BY_CODE["AR701"]
    changed = total = 0
    where: list[str] = []
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        try:
            lines = path.read_text(encoding="utf-8").split("\n")
        except UnicodeDecodeError:
            continue
        total += len(lines)
        here = sum(rule.fix(line, CLEAN) != line for line in lines)
        changed += here
        if here:
            where.append(f"{path.relative_to(data)}: {here}")
    return changed, total, where


def print_round_trip(lines: Sequence[str]) -> None:
    rule = BY_CODE["AR701"]
    fix_encoding = _ftfy()
    print("\n## round trip on clean_sentences.txt (lines given back exactly / lines)")
    print(f"{'code page':<12} {'broken':<12} {'arnorm':>15} {'ftfy':>15}")
    for codec in CODECS:
        for half in (False, True):
            cases = [(line, broken(line, codec, half=half)) for line in lines]
            ours = sum(rule.fix(text, CLEAN) == line for line, text in cases)
            theirs = sum(fix_encoding(text) == line for line, text in cases) if fix_encoding else 0
            where = "second half" if half else "whole line"
            ftfy_column = f"{theirs:>7,} / {len(cases):,}" if fix_encoding else "-"
            print(f"{codec:<12} {where:<12} {ours:>7,} / {len(cases):,} {ftfy_column:>15}")


def print_ftfy_cases(folder: Path) -> None:
    cases = []
    for path in sorted(folder.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            cases.append((path.stem, case))
    arabic = [(name, c) for name, c in cases if ARABIC.search(c.get("fixed", ""))]
    print(f"\n## ftfy's test cases that involve Arabic ({len(arabic)} in {folder.name}/)")
    for name, case in arabic:
        expected = case.get("fixed-encoding", case["fixed"])
        got = arnorm.clean(case["original"])
        verdict = "repaired" if got == expected else f"NOT repaired: {got!r}"
        print(f"- {name}: {case['label']}: {verdict}")
    negative = [c for name, c in cases if name == "negative"]
    changed = [(c, arnorm.clean(c["original"])) for c in negative]
    changed = [(c, got) for c, got in changed if got != c["original"]]
    print(f"\n## ftfy's negative cases changed by arnorm.clean: {len(changed)} / {len(negative)}")
    for case, got in changed:
        expected = case.get("fixed-encoding", case["fixed"])
        note = " (as ftfy expects)" if got == expected else ""
        print(f"- {case['label']}{note}\n  {case['original']!r}\n  {got!r}")


def _ftfy() -> object:
    try:
        import ftfy
    except ImportError:
        return None
    return ftfy.fix_encoding


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus.add_data_argument(parser)
    parser.add_argument("--ftfy-cases", type=Path, help="python-ftfy/tests/test-cases")
    parser.add_argument("--no-round-trip", action="store_true")
    args = parser.parse_args(argv)
    data = corpus.data_dir(args.data)
    if (data / "clean_sentences.txt").exists():
        changed, total, where = false_repairs(data)
        print(f"## false repairs: lines of every file under {data.name}/ that AR701 changes")
        print(f"{changed:,} / {total:,}" + "".join(f"\n- {w}" for w in where))
        if not args.no_round_trip:
            lines = (data / "clean_sentences.txt").read_text(encoding="utf-8").splitlines()
            print_round_trip(lines)
    else:
        print(f"note: no dev data in {data}")
    if args.ftfy_cases is not None:
        print_ftfy_cases(args.ftfy_cases)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
