"""Is what ``clean`` leaves clean? And what exactly differs between ``fix`` and ``clean``?

Run from the repository root::

    python benchmarks/bench_clean_check.py          # --data DIR, or env ARNORM_DATA

Over the raw news of the data folder (``news_raw/``; default ``../shared/data``):

1. Clean then check: each ANT file is cleaned line by line as ``arnorm clean FILE`` cleans it
   (the ``clean`` preset with ``html_tags`` on), each SaudiNewsNet title and content as
   ``arnorm clean --jsonl --field title --field content`` cleans it; then the cleaned text is
   linted whole with the same config, as ``arnorm check --html-tags`` reads a file. Printed:
   the findings per rule that a rule of ``clean`` would fix (the target is none) and the
   report-only findings (unbalanced quotes and brackets, which may remain).
2. Fix against clean, line by line: the lines where ``arnorm fix`` (safe fixes only, html_tags
   off as in ``check``/``fix``) and ``arnorm clean`` give different text, split by cause: the
   unsafe fixes (``clean`` applies them, ``fix`` only with ``--unsafe-fixes``; counted per
   rule) and the HTML tag rule (on in ``clean``, off in ``check``/``fix`` unless
   ``--html-tags``).

The data belongs to its publishers: only counts are printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import corpus  # the one data setting of the benchmarks (benchmarks/corpus.py)

import arnorm
from arnorm.config import CLEAN, Config
from arnorm.engine import active_rules

NEWS = dataclasses.replace(CLEAN, html_tags=True)  # what ``arnorm clean`` runs


def texts(data: Path) -> Iterator[tuple[str, list[str]]]:
    """(name, texts as arnorm clean sees them: the lines of an ANT file, the fields of an
    article)."""
    for path in sorted((data / "news_raw").glob("*")):
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            fields = [a.get(k, "") for a in json.loads(raw) for k in ("title", "content")]
            yield path.name, [f for f in fields if isinstance(f, str)]
        else:
            yield path.name, raw.split("\n")


def clean_then_check(
    name: str, values: Sequence[str], config: Config
) -> tuple[Counter[str], Counter[str]]:
    """(fixable findings per code, report-only findings per code) on the cleaned text: the
    lines of a text file joined again, or each field of a JSON file alone."""
    applies = {rule.code for rule in active_rules(config) if rule.may_change(config)}
    fixable: Counter[str] = Counter()
    report: Counter[str] = Counter()
    cleaned = [arnorm.clean(value, preset=config) for value in values]
    documents = cleaned if name.endswith(".json") else ["\n".join(cleaned)]
    for document in documents:
        for finding in arnorm.lint(document, preset=config):
            if finding.replacement is not None and finding.code in applies:
                fixable[finding.code] += 1
            elif finding.replacement is None:
                report[finding.code] += 1
    return fixable, report


def fix_against_clean(values: Sequence[str]) -> tuple[int, int, Counter[str], int]:
    """(lines, lines that differ, differing lines per unsafe rule, lines that differ by the
    HTML tag rule) between ``arnorm fix`` and ``arnorm clean``."""
    lines = [line for value in values for line in value.split("\n")]
    differ = tags = 0
    unsafe: Counter[str] = Counter()
    for line in lines:
        cleaned = arnorm.clean(line, preset=NEWS)
        fixed = arnorm.fix(line, preset=CLEAN, safe_only=True).text
        if cleaned == fixed:
            continue
        differ += 1
        if arnorm.clean(line, preset=CLEAN) != cleaned:
            tags += 1
        full = arnorm.fix(line, preset=CLEAN)
        for code in sorted({c for e in full.edits if not e.safe for c in e.codes}):
            unsafe[code] += 1
    return len(lines), differ, unsafe, tags


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{code} {n:,}" for code, n in sorted(counter.items())) or "none"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus.add_data_argument(parser)
    args = parser.parse_args(argv)
    data = corpus.data_dir(args.data)
    if not (data / "news_raw").is_dir():
        print(f"note: no news_raw/ in {data}; nothing to measure")
        return 0
    print("## clean then check (same config: clean preset, html_tags on)")
    print("file | fixable findings | report-only findings")
    all_news = []
    for name, values in texts(data):
        all_news.append((name, values))
        fixable, report = clean_then_check(name, values, NEWS)
        print(f"{name} | {_counts(fixable)} | {_counts(report)}")
    print("\n## fix (safe fixes, html_tags off) against clean, line by line")
    print("file | lines | differ | by unsafe rule | by the HTML tag rule")
    for name, values in all_news:
        total, differ, unsafe, tags = fix_against_clean(values)
        print(f"{name} | {total:,} | {differ:,} | {_counts(unsafe)} | {tags:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
