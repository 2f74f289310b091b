"""Measure the clitic costs in arnorm/clitics.py from wordfreq's large Arabic list.

    python benchmarks/measure_clitic_costs.py

For each proclitic, suffix and pronoun, the cost is how much rarer (log10) the listed words
with it attached are than the same words without it, summed over every listed word of three or
more letters at Zipf 3 or above (a ة before an ending is written ت). A proclitic chain costs the
sum of its parts, so only single proclitics (and the article) are measured. Prints one line per
affix, to paste into PROCLITIC_COSTS and ENDING_COSTS.
"""

from __future__ import annotations

import math

from arnorm.lexicon.words import bundled_words, read_wordfreq

TEH_MARBUTA, TEH = "\N{ARABIC LETTER TEH MARBUTA}", "\N{ARABIC LETTER TEH}"
ARTICLE = "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}"


def main() -> None:
    zipf = read_wordfreq()
    stems = [word for word, z in zipf.items() if len(word) >= 3 and z >= 3.0]

    def freq(word: str) -> float:
        return 10 ** (zipf[word] - 9) if word in zipf else 0.0

    total = sum(map(freq, stems))
    singles = [p for p in bundled_words("proclitics") if len(p) == 1 or p == ARTICLE]
    for proclitic in sorted(singles, key=len):
        base = [s for s in stems if not s.startswith(ARTICLE)] if proclitic == ARTICLE else stems
        ratio = sum(freq(proclitic + s) for s in base) / sum(map(freq, base))
        print(f"proclitic {proclitic}\t{-math.log10(ratio):.2f}")
    for name in ("enclitics", "suffixes", "subject_endings"):
        for ending in sorted(bundled_words(name), key=len):
            joined = (s[:-1] + TEH if s.endswith(TEH_MARBUTA) else s for s in stems)
            ratio = sum(freq(stem + ending) for stem in joined) / total
            print(f"{name[:-1]} {ending}\t{-math.log10(ratio):.2f}")


if __name__ == "__main__":
    main()
