"""Whether the `regex` package's Unicode properties beat arnorm's derived classes under `re`.

Run from the repository root (needs ``pip install regex``)::

    python benchmarks/regex_classes.py --data DIR

arnorm builds its character classes from ``unicodedata`` (:mod:`arnorm.script.chars`) and
compiles them with :mod:`re`. The `regex` package could name them as properties instead
(``[\\p{Script=Arabic}&&\\p{L}]``); this prints both timings over the news lines, and whether
the two find the same matches (they do not: Unicode's Arabic script is not arnorm's set of
Arabic letters, which adds presentation forms and leaves out a few symbols).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import regex  # type: ignore[import-untyped]
from rule_counts import DEFAULT_DATA, best_of, news_lines

from arnorm.script.chars import ARABIC_MARKS, ARABIC_SCRIPT_LETTERS, char_class


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    text = "\n".join(news_lines(parser.parse_args().data))
    cases = {
        "Arabic letter": (
            re.compile(char_class(ARABIC_SCRIPT_LETTERS)),
            regex.compile(r"[\p{Script=Arabic}&&\p{L}]", regex.V1),
        ),
        "Arabic mark run": (
            re.compile(char_class(ARABIC_MARKS) + "+"),
            regex.compile(r"[\p{Script=Arabic}&&\p{Mn}]+", regex.V1),
        ),
    }
    megabytes = len(text.encode("utf-8")) / 1e6
    print(f"findall over the news lines ({megabytes:.2f} MB), best of 5")
    for name, (ours, theirs) in cases.items():
        a = best_of(5, lambda p=ours: p.findall(text))
        b = best_of(5, lambda p=theirs: p.findall(text))
        same = ours.findall(text) == theirs.findall(text)
        print(
            f"{name:16} re {a * 1000:6.1f} ms  regex {b * 1000:6.1f} ms  "
            f"regex/re {b / a:.1f}x  same matches: {same}"
        )


if __name__ == "__main__":
    main()
