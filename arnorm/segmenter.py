"""The run-on splitter: puts back the spaces that bad HTML extraction lost between Arabic words.

A run of Arabic letters (harakat, tatweel and invisible characters ride along) is split only
when splitting explains it much better than leaving it whole. Both readings get a log10
probability from the word list:

* a **piece** is a listed word, or a listed word with clitics attached (وبفضل = و+ب+فضل),
  scored by its Zipf frequency; pieces have at least two letters and are never a bare
  proclitic;
* each **junction** costs the log-probability of a space going missing there: little after ة or
  ى (letters that end a word, so a letter after them inside a token means a lost space), more
  after the other letters that do not join to the left (ا د ذ ر ز و ء: the writer could not
  see the missing space), most after a joining letter (the writer would have seen the glued
  shape); a piece that begins with the article ال is evidence of a word start;
* the **whole run** is scored as a word if it is listed or has a clitic reading, otherwise as an
  unknown word (names and rare words are common; run-ons are rare).

The best split is found by dynamic programming over the letters, with words of at most
:data:`MAX_PIECE` letters, so the cost is linear in the length of the run and no run, however
long, can exhaust time or memory. Decisions are cached per run.

>>> from arnorm.lexicon import Lexicon
>>> lex = Lexicon({"بفضل": 4.6, "المفاوضات": 4.4, "كوريا": 4.5, "الشمالية": 4.7})
>>> seg = Segmenter(lex)
>>> seg.segment("بِفَضْلِالمفاوضات مع كورياالشمالية")
'بِفَضْلِ المفاوضات مع كوريا الشمالية'
>>> seg.segment("جينبينغ")
'جينبينغ'
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from arnorm.chars import (
    ARABIC_LETTERS,
    ARABIC_MARKS,
    INVISIBLE_FORMAT,
    JOINERS,
    PRESENTATION_FORMS,
    TATWEEL,
    char_class,
)
from arnorm.clitics import Clitics
from arnorm.lexicon import Lexicon, bundled_words, default_lexicon, lookup_key, read_word_file

# --- tunables (log10 probabilities; Zipf = log10 of frequency per billion words) -------------

#: The longest piece the search tries, in letters. Longer Arabic words exist but are never the
#: only way to explain a run; the bound keeps the search linear.
MAX_PIECE = 18
#: Runs longer than this many letters are left whole: no prose glues a dozen words together,
#: and such runs (letters repeated for emphasis, stripped URLs) are not words to split.
MAX_RUN = 60
#: The shortest piece: a one-letter "word" is always a proclitic or noise.
MIN_PIECE = 2
#: log10 probability of an unknown but valid word (a name, a rare form) of UNKNOWN_LENGTH
#: letters, and how much less probable each further letter makes it.
UNKNOWN_WORD_LOGP = -10.5
UNKNOWN_LENGTH = 6
UNKNOWN_PER_LETTER = 1.2
#: log10 bonus per long-vowel letter (ا و ي) of an unknown word: transliterated names write
#: every vowel, native words few, and unknown words are mostly names.
UNKNOWN_VOWEL_BONUS = 0.75
#: How much more probable (log10) the split must be than the whole run.
SPLIT_MARGIN = 0.0
#: log10 probability that a space went missing after the left piece's last letter.
JUNCTION_AFTER_END = 0.5  # after ة, ى (not before ء) or a tanween: a word ended there
JUNCTION_AFTER_NON_JOINING = -1.5  # ا أ إ آ د ذ ر ز و ؤ ء
JUNCTION_AFTER_JOINING = -1.0  # every other letter
#: log10 bonus when the right piece begins with the article ال (a word start), and when it is
#: read as a proclitic and a listed word.
ARTICLE_BONUS = 1.5
PROCLITIC_START_BONUS = 0.0
#: log10 penalty for a string with a word end inside it (ة, ى before a letter other than ء,
#: a letter with tanween): such a string is almost never one word (ىء is an old spelling of ئ).
INNER_END_PENALTY = 4.0
#: log10 penalty for a piece whose score is below RARE_PIECE_ZIPF: the rarest entries of a web
#: word list are mostly names, transliterations and typos, weak evidence of a word boundary.
RARE_PIECE_ZIPF = 3.0
RARE_PIECE_PENALTY = 0.0
#: log10 penalty for reading a piece of a split as proclitics and a listed word (ك+تاليس): a
#: clitic reading is weaker evidence than a listed word, and splits should rest on evidence.
PIECE_CLITIC_PENALTY = 3.0
#: log10 penalty for short pieces, by length: a two- or three-letter string is a word by chance.
SHORT_PIECE_PENALTY = {2: 0.0, 3: 0.0}
#: A web word list also lists frequent run-ons (منخلال). A listed run that splits into two
#: words whose chance of meeting, times this factor (log10), is at least its own frequency
#: is counted as a run-on that got listed, not as a word.
LISTED_MERGE_ASSOCIATION = -2.0
#: ... for two pieces of at least LONG_PIECE letters each, which a real word almost never
#: happens to be made of (two short words often are: فيلم is في + لم).
LONG_PIECE = 4
LONG_MERGE_ASSOCIATION = 0.0
#: Runs listed at least this frequent are words, never split: a run-on of two words is listed
#: this often only for a handful of fixed phrases (لايوجد), which are left as they are.
KNOWN_ZIPF = 3.5
#: How many decisions each cache keeps before it starts afresh.
CACHE_SIZE = 100_000

END_LETTERS = frozenset("\N{ARABIC LETTER TEH MARBUTA}\N{ARABIC LETTER ALEF MAKSURA}")
NON_JOINING = frozenset(
    "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}"
    "\N{ARABIC LETTER ALEF WITH HAMZA BELOW}\N{ARABIC LETTER ALEF WITH MADDA ABOVE}"
    "\N{ARABIC LETTER ALEF WASLA}\N{ARABIC LETTER DAL}\N{ARABIC LETTER THAL}"
    "\N{ARABIC LETTER REH}\N{ARABIC LETTER ZAIN}\N{ARABIC LETTER WAW}"
    "\N{ARABIC LETTER WAW WITH HAMZA ABOVE}\N{ARABIC LETTER HAMZA}"
)
ALEF = "\N{ARABIC LETTER ALEF}"
LONG_VOWELS = ALEF + "\N{ARABIC LETTER WAW}\N{ARABIC LETTER YEH}"
ALEF_MAKSURA = "\N{ARABIC LETTER ALEF MAKSURA}"
HAMZA = "\N{ARABIC LETTER HAMZA}"
ARTICLE = "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}"
#: Tanween (fathatan, dammatan, kasratan and their open and Quranic forms) ends a word.
TANWEEN = frozenset(ch for ch in ARABIC_MARKS if "TAN" in unicodedata.name(ch, "").split()[-1])

_T = TypeVar("_T")
_K = TypeVar("_K")
_IGNORABLE = ARABIC_MARKS | INVISIBLE_FORMAT | JOINERS | {TATWEEL}
#: Positions in a run's key where a word ended (after a tanween), as evidence for the search.
Ends = frozenset[int]
_NO_ENDS: Ends = frozenset()


def _is_letter_form(ch: str) -> bool:
    """A presentation form that folds to letters only (not a spaced ligature or a mark)."""
    folded = lookup_key(ch)
    return bool(folded) and all(c in ARABIC_LETTERS for c in folded)


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    return re.compile(r"\S+")


@functools.cache
def run_pattern() -> re.Pattern[str]:
    forms = {ch for ch in PRESENTATION_FORMS if _is_letter_form(ch)}
    return re.compile(char_class(ARABIC_LETTERS | forms | _IGNORABLE) + "+")


@dataclass(frozen=True)
class Run:
    """A run of Arabic letters as the search sees it.

    `key` is its lookup key, `starts[k]` the index in the run of key letter k (-1 inside a
    ligature, where no space can go), `ends` the key positions where a tanween ended a word.
    """

    key: str
    starts: tuple[int, ...]
    ends: Ends

    @classmethod
    def read(cls, run: str) -> Run:
        """
        >>> Run.read("بِفَضْلِ")
        Run(key='بفضل', starts=(0, 2, 4, 6), ends=frozenset())
        >>> sorted(Run.read("عاماًلشركة").ends), sorted(Run.read("عامًالشركة").ends)
        ([4], [4])
        """
        letters: list[str] = []
        starts: list[int] = []
        ends: set[int] = set()
        for index, ch in enumerate(run):
            if ch in TANWEEN and letters:
                ends.add(len(letters) + (run[index + 1 : index + 2] == ALEF))
            if ch in _IGNORABLE:
                continue
            folded = ch if ch in ARABIC_LETTERS else lookup_key(ch)
            letters.append(folded)
            starts.extend([index] + [-1] * (len(folded) - 1))
        n = len(letters)
        return cls("".join(letters), tuple(starts), frozenset(e for e in ends if 0 < e < n))


@dataclass(frozen=True)
class Candidate:
    """One way to read a run: its pieces (lookup keys) and the log10 score of that reading."""

    pieces: tuple[str, ...]
    score: float
    reading: str  # how each piece was read, e.g. "و+بفضل (4.74) | المفاوضات (4.40)"

    def __str__(self) -> str:
        return f"{' '.join(self.pieces)}  ({self.score:.2f}: {self.reading})"


@dataclass(frozen=True)
class RunSplit:
    """A run of a text that the splitter splits: where, into what, and how sure it is."""

    points: tuple[int, ...]  # positions in the text before which a space goes
    pieces: tuple[str, ...]  # the words, in lookup-key form
    score: float  # log10 score of the split
    whole: float  # log10 score of the run as one word
    after_end: bool  # every junction follows a word end (ة, ى, tanween)

    @property
    def margin(self) -> float:
        """How much more probable (log10) the split is than the whole run."""
        return self.score - self.whole


class Segmenter:
    """Splits run-together Arabic words, given a lexicon and words never to split.

    >>> seg = Segmenter(Lexicon({"من": 7.5, "خلال": 6.2, "منخلال": 1.7}))
    >>> seg.segment("منخلال")
    'من خلال'
    >>> seg.split_points("و منخلال")
    [4]
    """

    def __init__(self, lexicon: Lexicon, *, never_split: Iterable[str] = ()) -> None:
        self.lexicon = lexicon
        self._zipf = lexicon.key_zipf
        self.clitics = Clitics(lexicon, self.genuine_zipf)
        protected = bundled_words("protected")
        self._never = frozenset(map(lookup_key, never_split)) | frozenset(protected)
        self._whole_tokens: set[str] = set()
        self._runs: dict[str, tuple[int, ...]] = {}
        self._pieces: dict[tuple[str, Ends], tuple[str, ...]] = {}
        self._piece_scores: dict[str, tuple[float, bool] | None] = {}
        self._genuine: dict[str, float] = {}

    # --- text level -------------------------------------------------------------------------

    def segment(self, text: str) -> str:
        """`text` with a space inserted wherever a run of Arabic letters is split."""
        points = self.split_points(text)
        if not points:
            return text
        bounds = [0, *points, len(text)]
        return " ".join(text[i:j] for i, j in itertools.pairwise(bounds))

    def split_points(self, text: str) -> list[int]:
        """Positions in `text` before which a space belongs, in increasing order."""
        if self._whole_tokens.issuperset(text.split()):
            return []  # the fast path: every token was seen before and needs no space
        points: list[int] = []
        for match in _token_pattern().finditer(text):
            token = match.group()
            if token in self._whole_tokens:
                continue
            cuts = self._token_cuts(token)
            if cuts:
                points.extend(match.start() + cut for cut in cuts)
            elif len(self._whole_tokens) < CACHE_SIZE:
                self._whole_tokens.add(token)
        return points

    def _token_cuts(self, token: str) -> list[int]:
        if self._zipf(token) >= KNOWN_ZIPF:
            return []
        cuts: list[int] = []
        for match in run_pattern().finditer(token):
            cuts.extend(match.start() + cut for cut in self.run_splits(match.group()))
        return cuts

    def splits(self, text: str) -> Iterator[RunSplit]:
        """Every run of `text` that is split, with its pieces and scores (for lint)."""
        for match in run_pattern().finditer(text):
            cuts = self.run_splits(match.group())
            if cuts:
                run = Run.read(match.group())
                pieces = self.pieces(run.key, run.ends)
                best = self.best_split(run.key, run.ends)
                score = best.score if best is not None else math.nan
                points = tuple(match.start() + cut for cut in cuts)
                after_end = all(_ends_word(run.key, cut, run.ends) for cut in _cuts(pieces)[1:-1])
                whole = self.whole_score(run.key, run.ends)
                yield RunSplit(points, pieces, score, whole, after_end)

    # --- run level --------------------------------------------------------------------------

    def run_splits(self, run: str) -> tuple[int, ...]:
        """Offsets in `run` (Arabic letters, marks, tatweel) before which a space belongs."""
        cached = self._runs.get(run)
        if cached is None:
            if len(run) > MAX_RUN * 4:  # far more than MAX_RUN letters, even with harakat
                return ()
            read = Run.read(run)
            cuts = _cuts(self.pieces(read.key, read.ends))[1:-1]
            cached = tuple(read.starts[cut] for cut in cuts if read.starts[cut] >= 0)
            _remember(self._runs, run, cached)
        return cached

    def pieces(self, key: str, ends: Ends = _NO_ENDS) -> tuple[str, ...]:
        """The words the run `key` (lookup-key form) is made of: itself, or its split.

        The decision is applied again to every piece until no piece splits, so splitting the
        output again never changes it.
        """
        if len(key) > MAX_RUN:
            return (key,)
        cached = self._pieces.get((key, ends))
        if cached is None:
            cached = self._settle(key, ends)
            _remember(self._pieces, (key, ends), cached)
        return cached

    def _settle(self, key: str, ends: Ends) -> tuple[str, ...]:
        """Split `key`, then its pieces, until no piece splits (iteratively, left to right)."""
        done: list[str] = []
        todo = [(0, len(key))]
        while todo:
            start, end = todo.pop()
            piece, piece_ends = key[start:end], _shift(ends, start, end)
            best = self.best_split(piece, piece_ends)
            if best is None:
                done.append(piece)
                continue
            bounds = [start + cut for cut in _cuts(best.pieces)]
            todo.extend(reversed(list(itertools.pairwise(bounds))))
        return tuple(done)

    def best_split(self, key: str, ends: Ends = _NO_ENDS) -> Candidate | None:
        """The split of the run `key` that wins over leaving it whole, if one does."""
        if len(key) < 2 * MIN_PIECE or key in self._never or self._zipf(key) >= KNOWN_ZIPF:
            return None
        split = self._search(key, ends)
        if split is None or split.score <= self.whole_score(key, ends) + SPLIT_MARGIN:
            return None
        return split

    def whole_score(self, key: str, ends: Ends = _NO_ENDS) -> float:
        """log10 probability of `key` as one word: listed, with clitics, or unknown."""
        scores = [unknown_word_score(key), self._listed_score(key)]
        analysis = self.clitics.best(key)
        if analysis is not None:
            scores.append(analysis.logp)
        return max(scores) - _inner_end_penalty(key, 0, len(key), ends)

    # --- word level -------------------------------------------------------------------------

    def _listed_score(self, key: str) -> float:
        """log10 frequency of `key` as a word: its genuine listed frequency (-inf if none)."""
        zipf = self.genuine_zipf(key)
        return zipf - 9.0 if zipf else -math.inf

    def genuine_zipf(self, key: str) -> float:
        """The Zipf frequency of `key` as a word: its listed frequency minus what run-ons of two
        listed words would explain (0 if they explain all of it, as for منخلال)."""
        cached = self._genuine.get(key)
        if cached is None:
            cached = self._unexplained_zipf(key)
            _remember(self._genuine, key, cached)
        return cached

    def _unexplained_zipf(self, key: str) -> float:
        zipf = self._zipf(key)
        if zipf == 0 or zipf >= KNOWN_ZIPF or key in self._never:
            return zipf
        merged = max(
            (
                left + right + _association(cut, len(key) - cut)
                for cut in range(MIN_PIECE, len(key) - MIN_PIECE + 1)
                if (left := self._direct(key[:cut])) and (right := self._direct(key[cut:]))
            ),
            default=-math.inf,
        )
        excess = zipf - (merged - 9.0)
        return max(0.0, zipf + math.log10(1 - 10**-excess)) if excess > 0 else 0.0

    def _direct(self, piece: str) -> float:
        return 0.0 if piece in self.clitics.proclitics else self._zipf(piece)

    def piece_score(self, key: str) -> float | None:
        """log10 probability of `key` as a piece of a split: listed or with proclitics."""
        found = self._piece(key)
        return None if found is None else found[0]

    def _piece(self, key: str) -> tuple[float, bool] | None:
        """The piece score of `key` and whether it begins with a proclitic, or None."""
        if key in self._piece_scores:
            return self._piece_scores[key]
        found = None
        if key not in self.clitics.proclitics and not _is_article_fragment(key):
            zipf = self._zipf(key)
            analysis = self.clitics.best(key, endings=False)
            read = analysis.logp - PIECE_CLITIC_PENALTY if analysis else -math.inf
            score = max(zipf - 9.0 if zipf else -math.inf, read)
            if score > -math.inf:
                score -= SHORT_PIECE_PENALTY.get(len(key), 0.0)
                score -= RARE_PIECE_PENALTY if score < RARE_PIECE_ZIPF - 9.0 else 0.0
                found = (score, read > zipf - 9.0 if zipf else True)
        _remember(self._piece_scores, key, found)
        return found

    # --- the search -------------------------------------------------------------------------

    def _search(self, key: str, ends: Ends = _NO_ENDS) -> Candidate | None:
        """The best reading of `key` as two or more pieces (Viterbi, bounded word length)."""
        n = len(key)
        best = [-math.inf] * (n + 1)
        back = [0] * (n + 1)
        best[0] = 0.0
        for end in range(MIN_PIECE, n + 1):
            for start in range(max(0, end - MAX_PIECE), end - MIN_PIECE + 1):
                if best[start] == -math.inf or (start == 0 and end == n):
                    continue
                score = self._step_score(key, start, end, ends)
                if score is not None and best[start] + score > best[end]:
                    best[end], back[end] = best[start] + score, start
        if best[n] == -math.inf:
            return None
        return self._candidate(key, _walk_back(back, n), best[n])

    def _step_score(self, key: str, start: int, end: int, ends: Ends) -> float | None:
        """The score of the piece ``key[start:end]`` and of the junction before it."""
        found = self._piece(key[start:end])
        if found is None:
            return None
        score, proclitic = found
        if has_inner_end_letter(key[start:end]) or ends:
            score -= _inner_end_penalty(key, start, end, ends)
        if start > 0:
            score += junction_score(key, start, ends)
            score += PROCLITIC_START_BONUS if proclitic else 0.0
        return score

    def _candidate(self, key: str, bounds: list[int], score: float) -> Candidate:
        pieces = tuple(key[i:j] for i, j in itertools.pairwise(bounds))
        return Candidate(pieces, score, " | ".join(self._reading(p) for p in pieces))

    def _reading(self, piece: str) -> str:
        zipf = self._zipf(piece)
        analysis = self.clitics.best(piece)
        if analysis is not None and (zipf == 0 or analysis.logp > zipf - 9.0):
            return f"{analysis} ({analysis.logp + 9:.2f})"
        return f"{piece} ({zipf:.2f})" if zipf else f"{piece} (unknown)"

    # --- for people -------------------------------------------------------------------------

    def candidates(self, token: str, limit: int = 5) -> list[Candidate]:
        """The best readings of one run of letters, best first, the whole run included.

        For debugging and for lint messages: each candidate shows its pieces and its score.
        """
        run = Run.read(token)
        key, ends = run.key, run.ends
        whole = Candidate((key,), self.whole_score(key, ends), self._reading(key))
        found = [whole, *self._two_piece_splits(key, ends)]
        best = self._search(key, ends)
        if best is not None and len(best.pieces) > 2:
            found.append(best)
        found.sort(key=lambda c: -c.score)
        return found[:limit]

    def _two_piece_splits(self, key: str, ends: Ends) -> Iterator[Candidate]:
        for cut in range(MIN_PIECE, len(key) - MIN_PIECE + 1):
            left = self._step_score(key, 0, cut, ends)
            right = self._step_score(key, cut, len(key), ends)
            if left is not None and right is not None:
                yield self._candidate(key, [0, cut, len(key)], left + right)


def _association(left: int, right: int) -> float:
    """How much more often (log10) than by chance two words of these lengths meet as a
    listed run-on."""
    if min(left, right) >= LONG_PIECE:
        return LONG_MERGE_ASSOCIATION
    return LISTED_MERGE_ASSOCIATION


def _is_article_fragment(key: str) -> bool:
    """The article and one letter (الت, الم): a fragment of a word, never a piece of a split."""
    return len(key) == 3 and key.startswith(ARTICLE)


def unknown_word_score(key: str) -> float:
    """log10 probability of `key` as an unknown word: longer ones are rarer, and ones with many
    long vowels more likely (transliterated names)."""
    vowels = sum(map(key.count, LONG_VOWELS))
    return (
        UNKNOWN_WORD_LOGP
        - UNKNOWN_PER_LETTER * (len(key) - UNKNOWN_LENGTH)
        + UNKNOWN_VOWEL_BONUS * vowels
    )


def _ends_word(key: str, at: int, ends: Ends) -> bool:
    """Whether a word ends before ``key[at]``: after ة, ى (not before ء) or a tanween."""
    left = key[at - 1]
    if left in END_LETTERS and not (left == ALEF_MAKSURA and key[at] == HAMZA):
        return True
    return at in ends


def _inner_end_penalty(key: str, start: int, end: int, ends: Ends) -> float:
    """The penalty for a word end strictly inside ``key[start:end]``."""
    inside = has_inner_end_letter(key[start:end]) or any(start < e < end for e in ends)
    return INNER_END_PENALTY if inside else 0.0


def junction_score(key: str, at: int, ends: Ends = _NO_ENDS) -> float:
    """log10 probability of a lost space between ``key[at - 1]`` and ``key[at]``, plus evidence.

    >>> junction_score("مدةطويلة", 3) > junction_score("أمسعقد", 3)
    True
    """
    if _ends_word(key, at, ends):
        score = JUNCTION_AFTER_END
    elif key[at - 1] in NON_JOINING:
        score = JUNCTION_AFTER_NON_JOINING
    else:
        score = JUNCTION_AFTER_JOINING
    if key.startswith(ARTICLE, at):
        score += ARTICLE_BONUS
    return score


@functools.cache
def _inner_end_letter() -> re.Pattern[str]:
    maksura_before_letter = "\N{ARABIC LETTER ALEF MAKSURA}(?!\N{ARABIC LETTER HAMZA})"
    return re.compile(f"(?:\N{ARABIC LETTER TEH MARBUTA}|{maksura_before_letter}).")


def has_inner_end_letter(key: str) -> bool:
    """Whether ة, or ى before a letter other than ء, stands inside `key` (not at its end).

    >>> has_inner_end_letter("مدةطويلة"), has_inner_end_letter("مدة")
    (True, False)
    >>> has_inner_end_letter("الطوارىء")
    False
    """
    return _inner_end_letter().search(key) is not None


def _shift(ends: Ends, start: int, end: int) -> Ends:
    """The word ends strictly inside ``[start, end)``, relative to `start`."""
    return frozenset(e - start for e in ends if start < e < end) if ends else ends


def _cuts(pieces: tuple[str, ...]) -> list[int]:
    """Letter offsets of the piece boundaries, 0 and the total length included."""
    return [0, *itertools.accumulate(map(len, pieces))]


def _remember(cache: dict[_K, _T], key: _K, value: _T) -> None:
    if len(cache) >= CACHE_SIZE:
        cache.clear()
    cache[key] = value


def _walk_back(back: list[int], end: int) -> list[int]:
    bounds = [end]
    while end > 0:
        end = back[end]
        bounds.append(end)
    return bounds[::-1]


@functools.cache
def default_segmenter() -> Segmenter:
    """The segmenter over wordfreq's Arabic list, built on first use."""
    return Segmenter(default_lexicon())


@functools.cache
def segmenter_for(extra_words: tuple[str, ...], never_split: tuple[str, ...]) -> Segmenter:
    """The segmenter that also knows the words of the `extra_words` files and never splits
    those of the `never_split` files (paths of word-list files, one word per line)."""
    if not extra_words and not never_split:
        return default_segmenter()
    lexicon = default_lexicon()
    extra = [word for path in extra_words for word in read_word_file(path)]
    if extra:
        lexicon = lexicon.with_words(extra)
    never = [word for path in never_split for word in read_word_file(path)]
    return Segmenter(lexicon, never_split=never)


def segment(text: str) -> str:
    """`text` with ASCII spaces inserted inside run-together Arabic words, nothing else changed.

    >>> segment("التهديداتالأمنية")
    'التهديدات الأمنية'
    """
    return default_segmenter().segment(text)
