"""How probable a string of letters is as a word nobody listed: a letter model of rare words.

Most tokens a word list misses are transliterated names and brands (هامبشاير, غرينستون) and
rare inflections; a run-on of two Arabic words is missed too. The splitter weighs "one unknown
word" against "two listed words", so it needs the probability of a string as an unknown word.
By Good and Turing's argument, words never seen resemble the words seen least: this module
estimates a letter trigram model, at run time, from the rarest words of the lexicon (Zipf
:data:`RARE_ZIPF` and below, where wordfreq's list is mostly names, foreign words and rare
forms). Nothing of it is stored: it is counted from the list when first needed (about 13,000
words, a few hundredths of a second).

A name spelled with the letter sequences of transliteration (ستون, شاير, غرين) then scores as
the likely unknown word it is, and a string whose letters no rare word strings together scores
low, so a split into listed words wins.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Mapping

#: The rarest band of the word list, which the model learns from (Zipf 1.0 to 1.5 is the
#: bottom of wordfreq's large list).
RARE_ZIPF = 1.5
#: Every STEP-th rare word is counted: 1 in 20 scores the dev sets as 1 in 10 does, at half
#: the cost.
STEP = 20
#: Fewer rare words than this, and there is nothing to learn from (a small test lexicon).
MIN_WORDS = 1_000
#: Interpolation weights of the trigram, bigram and unigram estimates.
WEIGHTS = (0.7, 0.25, 0.05)
START, END = "^", "$"


class LetterModel:
    """log10 probabilities of strings of letters as words, from a sample of words.

    >>> model = LetterModel(["كتاب", "كاتب", "مكتب", "مكتبة"] * 300)
    >>> model.logp("كتب") > model.logp("ثظغ")
    True
    """

    def __init__(self, words: Iterable[str]) -> None:
        text = START * 2 + (END + START * 2).join(words) + END
        self._tri = Counter(map("".join, zip(text, text[1:], text[2:], strict=False)))
        # the shorter counts from the trigrams (a tenth as many entries as letters): the
        # histories of two letters, the bigrams that end a trigram, their histories, letters
        self._history2: Counter[str] = Counter()
        self._bi: Counter[str] = Counter()
        for trigram, n in self._tri.items():
            self._history2[trigram[:2]] += n
            self._bi[trigram[1:]] += n
        self._history1: Counter[str] = Counter()
        self._uni: Counter[str] = Counter()
        for bigram, n in self._bi.items():
            self._history1[bigram[0]] += n
            self._uni[bigram[1]] += n
        self._total = sum(self._uni.values()) + len(self._uni)
        self._memo: dict[str, float] = {}

    def logp(self, word: str) -> float:
        """log10 probability of `word` under the model (its end included)."""
        padded = START * 2 + word + END
        memo = self._memo
        total = 0.0
        for i in range(len(padded) - 2):
            trigram = padded[i : i + 3]
            found = memo.get(trigram)
            if found is None:
                found = memo[trigram] = self._estimate(trigram)
            total += found
        return total

    def _estimate(self, trigram: str) -> float:
        """Interpolated estimate of the trigram's last letter after its first two (the memo
        holds at most one entry per trigram of the alphabet: bounded)."""
        history2, history1, last = trigram[:2], trigram[1], trigram[2]
        seen2, seen1 = self._history2[history2], self._history1[history1]
        tri = self._tri[trigram] / seen2 if seen2 else 0.0
        bi = self._bi[trigram[1:]] / seen1 if seen1 else 0.0
        uni = (self._uni[last] + 1) / self._total
        w3, w2, w1 = WEIGHTS
        return math.log10(w3 * tri + w2 * bi + w1 * uni)


def rare_words(zipf: Mapping[str, float]) -> list[str]:
    """The sample of rare words the model learns from: every :data:`STEP`-th word at Zipf
    :data:`RARE_ZIPF` or below, in the list's order (deterministic)."""
    rare = itertools.compress(zipf, map(RARE_ZIPF.__ge__, zipf.values()))  # in C: 620k words
    return list(itertools.islice(rare, 0, None, STEP))
