"""How many lines each rule changes on the dev data, and what each rule costs.

Run from the repository root::

    python benchmarks/rule_counts.py                     # counts and timings
    python benchmarks/rule_counts.py --samples 5         # also print 5 changes per rule
    python benchmarks/rule_counts.py --codes AR401 AR411 --samples 20
    python benchmarks/rule_counts.py --mojibake --no-timing   # also the mojibake round trip
    python benchmarks/rule_counts.py --timing-only       # only what each rule costs

Two corpora from ``../shared/data`` (or ``--data``): ``clean_sentences.txt``, correct published
text where every change must be a real typographic repair, and ``news_raw/``, raw scraped news
(the TITLE, ABSTRACT and TEXT fields of the ANT files, the title and content of SaudiNewsNet),
split into lines. A line counts for a rule when the rule took part in an edit of ``fix`` on
that line in the ``clean`` preset (report-only rules: when ``lint`` has a finding of it).

Timings run each rule's fast path over every line, in pipeline order (each rule sees the
output of the rules before it), skipping the lines without any of its trigger characters as
the engine does; then the scan for those characters, and ``arnorm.clean`` itself. MB are UTF-8
bytes of input.
With ``--mojibake``, every clean sentence is also broken on purpose (its UTF-8 bytes read as
windows-1256, latin-1 or windows-1252, the whole line or its second half) and the mojibake rule
alone must give the sentence back exactly; ftfy's result on the latin-1 and windows-1252 lines
is shown beside it when ftfy is installed. It also runs the mojibake rule over every line of
every text file of the data directory, where correct text must never be "repaired".

The data belongs to its publishers: the samples are printed here, never stored.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import arnorm
from arnorm.config import CLEAN
from arnorm.engine import plan_of
from arnorm.rules import BY_CODE, RULES
from arnorm.rules.base import Rule

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
ANT_FIELDS = re.compile(r"<(TITLE|ABSTRACT|TEXT)>\n?(.*?)\n?</\1>", re.DOTALL)


def clean_sentences(data: Path) -> list[str]:
    path = data / "clean_sentences.txt"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def news_lines(data: Path) -> list[str]:
    lines: list[str] = []
    for path in sorted((data / "news_raw").glob("*")):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            fields = (f"{a.get('title', '')}\n{a.get('content', '')}" for a in json.loads(text))
        else:
            fields = (match.group(2) for match in ANT_FIELDS.finditer(text))
        lines.extend(line for field in fields for line in field.splitlines() if line.strip())
    return lines


def changed_lines(lines: Sequence[str]) -> tuple[Counter[str], dict[str, list[tuple[str, str]]]]:
    """Per rule code: how many lines it changed (or reported on), with (before, after) pairs."""
    counts: Counter[str] = Counter()
    examples: dict[str, list[tuple[str, str]]] = {}
    for line in lines:
        fixed = arnorm.fix(line)
        codes = {code for edit in fixed.edits for code in edit.codes}
        codes |= {f.code for f in arnorm.lint(line) if f.replacement is None}
        for code in codes:
            counts[code] += 1
            examples.setdefault(code, []).append((line, fixed.text))
    return counts, examples


def megabytes(lines: Iterable[str]) -> float:
    return sum(len(line.encode("utf-8")) + 1 for line in lines) / 1e6


def rule_timings(lines: Sequence[str], repeat: int) -> list[tuple[str, float]]:
    """Seconds per rule (best of `repeat`) for its fast path over all lines, in pipeline order,
    as clean pays for it: a line without any of the rule's trigger characters skips the rule.
    The last entry, "scan", is the engine's scan for trigger characters, once per line."""
    plan = plan_of(CLEAN)
    timings: list[tuple[str, float]] = []
    current = list(lines)
    for rule, trigger in plan.steps:
        due = [trigger is None or not trigger.isdisjoint(plan.present(line)) for line in current]

        run = functools.partial(fix_due, rule, current, due)
        timings.append((rule.code, best_of(repeat, run)))
        current = run()
    return [*timings, ("scan", best_of(repeat, lambda: [plan.present(ln) for ln in lines]))]


def fix_due(rule: Rule, lines: Sequence[str], due: Sequence[bool]) -> list[str]:
    """Each line through `rule`'s fast path where it is due, as the engine runs it."""
    return [rule.fix(line, CLEAN) if d else line for line, d in zip(lines, due, strict=True)]


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of `repeat` runs of `work`, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def clean_timing(lines: Sequence[str], repeat: int) -> float:
    return best_of(repeat, lambda: [arnorm.clean(line) for line in lines])


def broken(line: str, codec: str, *, half: bool) -> str | None:
    """`line` (or its second half) as a program reading its UTF-8 with `codec` shows it."""
    words = line.split(" ")
    keep = " ".join(words[: len(words) // 2]) + " " if half else ""
    rest = " ".join(words[len(words) // 2 :]) if half else line
    try:
        return keep + rest.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return None  # windows-1252 leaves five bytes undefined


def print_mojibake_round_trip(lines: Sequence[str]) -> None:
    rule = BY_CODE["AR701"]
    print("\n## mojibake round trip on clean_sentences.txt (restored exactly / lines)")
    for codec in ("cp1256", "latin-1", "cp1252"):
        for half in (False, True):
            cases = [(line, broken(line, codec, half=half)) for line in lines]
            pairs = [(line, text) for line, text in cases if text is not None]
            restored = sum(rule.fix(text, CLEAN) == line for line, text in pairs)
            where = "second half" if half else "whole line"
            print(f"{codec:<8} {where:<12} {restored:>6,} / {len(pairs):,}{_ftfy(pairs, codec)}")


def print_mojibake_false_repairs(data: Path) -> None:
    rule = BY_CODE["AR701"]
    changed = total = 0
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        try:
            lines = path.read_text(encoding="utf-8").split("\n")
        except UnicodeDecodeError:
            continue
        total += len(lines)
        changed += sum(rule.fix(line, CLEAN) != line for line in lines)
    print(f"lines of every file under {data.name}/ that AR701 changes: {changed:,} / {total:,}")


def _ftfy(pairs: Sequence[tuple[str, str]], codec: str) -> str:
    try:
        import ftfy
    except ImportError:
        return ""
    if codec == "cp1256":
        return "   ftfy: not covered"
    restored = sum(ftfy.fix_encoding(text) == line for line, text in pairs)
    return f"   ftfy: {restored:,}"


def print_counts(name: str, lines: Sequence[str], codes: Sequence[str], samples: int) -> None:
    counts, examples = changed_lines(lines)
    print(f"\n## {name}: {len(lines):,} lines, {megabytes(lines):.2f} MB")
    print(f"{'code':<6} {'name':<34} {'lines':>7} {'per 1k':>7}")
    for code in codes:
        per_k = 1000 * counts[code] / max(1, len(lines))
        print(f"{code:<6} {BY_CODE[code].name:<34} {counts[code]:>7,} {per_k:>7.1f}")
    any_change = sum(1 for line in lines if arnorm.clean(line) != line)
    print(f"{'all':<6} {'(clean changes the line)':<34} {any_change:>7,}")
    for code in codes:
        for before, after in examples.get(code, [])[:samples]:
            print(f"\n[{code}] - {before}\n[{code}] + {after}")


def print_timings(lines: Sequence[str], codes: Sequence[str], repeat: int) -> None:
    size = megabytes(lines)
    print(f"\n## speed on the news lines ({size:.2f} MB, best of {repeat})")
    print(f"{'code':<6} {'name':<34} {'ms':>8} {'MB/s':>9}")
    for code, seconds in rule_timings(lines, repeat):
        if code in codes or code == "scan":
            name = BY_CODE[code].name if code in BY_CODE else "(the scan for trigger characters)"
            print(f"{code:<6} {name:<34} {1000 * seconds:>8.1f} {size / seconds:>9.1f}")
    seconds = clean_timing(lines, repeat)
    print(f"{'clean':<6} {'(all rules of the clean preset)':<34} {1000 * seconds:>8.1f}", end="")
    print(f" {size / seconds:>9.1f}")
    seconds = clean_timing(["\n".join(lines)], repeat)
    print(f"{'clean':<6} {'(the same, all lines in one call)':<34} {1000 * seconds:>8.1f}", end="")
    print(f" {size / seconds:>9.1f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--samples", type=int, default=0, help="changes to print per rule")
    parser.add_argument("--codes", nargs="*", help="rule codes to report (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs; the best counts")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--timing-only", action="store_true", help="skip the counts")
    parser.add_argument("--mojibake", action="store_true", help="also the mojibake round trip")
    args = parser.parse_args(argv)
    if not (args.data / "clean_sentences.txt").exists():
        print(f"note: no dev data in {args.data}; nothing to measure")
        return 0
    codes = args.codes or [rule.code for rule in RULES]
    news = news_lines(args.data)
    if not args.timing_only:
        print_counts("clean_sentences.txt", clean_sentences(args.data), codes, args.samples)
        if args.mojibake:
            print_mojibake_round_trip(clean_sentences(args.data))
            print_mojibake_false_repairs(args.data)
        print_counts("news_raw", news, codes, args.samples)
    if not args.no_timing:
        print_timings(news, codes, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
