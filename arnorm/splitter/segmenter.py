"""The run-on splitter: puts back the spaces that bad HTML extraction lost between Arabic words.

A run of Arabic letters (harakat, tatweel and invisible characters ride along) is split only
when splitting explains it better than leaving it whole. Both readings get a log10 probability
from wordfreq's frequencies:

* the **whole run** is a listed word (minus the share of its listing that run-ons of two listed
  words would explain, more after a letter that does not join: wordfreq lists منخلال and
  لاتغطي), a listed stem with clitics (وبالمدرسة,
  كتبتهما), or an unknown word, whose probability falls with its length and rises with its long
  vowels (most unknown words are transliterated names, which write every vowel);
* a **split** is the product of its pieces, each a listed word or proclitics and a listed word,
  and of a lost-space probability per junction: high after a word end (ة, ى, tanween), lower
  after any other letter; a piece that begins with the article ال is evidence of a word start.

Pieces have two letters or more and are never a bare proclitic. The best split is found by
dynamic programming over the letters with pieces of at most :data:`MAX_PIECE` letters, so the
cost is linear, and runs longer than :data:`MAX_RUN` letters are left alone. Decisions are
cached, and applied again to each piece until none splits, so splitting is idempotent.

>>> from arnorm.lexicon.words import Lexicon
>>> lex = Lexicon({"بفضل": 4.6, "المفاوضات": 4.4, "كوريا": 4.5, "الشمالية": 4.7})
>>> seg = Segmenter(lex)
>>> seg.segment("بِفَضْلِالمفاوضات مع كورياالشمالية")
'بِفَضْلِ المفاوضات مع كوريا الشمالية'
>>> seg.segment("شوانغجيانغ")
'شوانغجيانغ'
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from typing import NamedTuple, TypeVar

from arnorm.document import WHOLE_TEXT
from arnorm.lexicon.clitics import MIN_STEM, MIN_STEM_ZIPF, Clitics
from arnorm.lexicon.folding import IDENTITY, Spelling
from arnorm.lexicon.letters import MIN_WORDS, LetterModel, rare_words
from arnorm.lexicon.words import Lexicon, bundled_words, default_lexicon, read_word_file
from arnorm.splitter.runs import ARTICLE, LONG_VOWELS, NON_JOINING, Run, run_pattern, word_ends

# --- tunables: log10 probabilities (a Zipf frequency z is a log10 probability of z - 9) -------
# Tuned on half of the dev rows and checked on the other half (docs/splitter.md).

#: The longest piece the search tries, in letters: it keeps the search linear.
MAX_PIECE = 18
#: Runs longer than this many letters are left whole: prose never glues a dozen words, and
#: such runs (letters repeated for emphasis, stripped URLs) are not words to split.
MAX_RUN = 60
#: The shortest piece: a one-letter "word" is a proclitic or noise.
MIN_PIECE = 2
#: An unknown word is one of two kinds, and scores as the likelier: a rare word like the rarest
#: of the list (the letter model of arnorm.lexicon.letters, after this prior, log10), or a
#: transliterated name: a name of UNKNOWN_LENGTH letters scores UNKNOWN_WORD_LOGP, each
#: further letter makes one rarer, each long vowel (ا و ي) more likely, since a
#: transliteration writes every vowel.
UNKNOWN_WORD_PRIOR = -1.0
UNKNOWN_WORD_LOGP = -10.5
UNKNOWN_LENGTH = 6
UNKNOWN_PER_LETTER = 1.2
UNKNOWN_VOWEL_BONUS = 0.75
#: A lost space after a word end (ة, ى, tanween), after a letter that does not join the next
#: one, after a joining letter (tuned equal: a higher value after a letter that does not join
#: cost natural precision); and the bonus when ال starts a piece.
JUNCTION_AFTER_END = 0.5
JUNCTION_AFTER_NON_JOINING = -1.0
JUNCTION_AFTER_JOINING = -1.0
ARTICLE_BONUS = 1.0
#: A word end inside a string: one word almost never has ة or tanween before its last letter.
INNER_END_PENALTY = 4.0
#: A piece read as proclitics + listed word (ك+تابلو) is weaker evidence than a listed word.
PIECE_CLITIC_PENALTY = 3.0
#: A listed word is more often meant than two words glued by accident.
LISTED_WORD_BONUS = 1.0
#: How often, relative to chance (log10), two words meet as a run-on that wordfreq lists as a
#: word: rarely for short words (a real word is often two short words by chance: فيلم is في +
#: لم), ten times as often as chance for two words of LONG_PIECE letters or more, which are
#: collocations (وزيرالخارجية).
LISTED_MERGE_ASSOCIATION = -2.0
LONG_PIECE = 4
LONG_MERGE_ASSOCIATION = 1.0
#: After a letter that does not join the next one (ا د ذ ر ز و), even short words meet as a
#: listed run-on: the writer could not see the missing space (لاتغطي is لا + تغطي).
NON_JOINING_MERGE_ASSOCIATION = -0.5
#: Runs listed at least this frequent are words (لايوجد stays as written), but for one kind
#: of listing: a two-letter function word (FUNCTION_WORD_ZIPF or more frequent: في من ما لا
#: أو هو ...) glued before or after a listed word, when the two meet as a run-on at least as
#: often as the listing (أكثرمن, بعدأن: the scraped web is full of them). Such a listing is
#: evidence of nothing, and the run is split when the split is sure (LISTED_MARGIN). Only
#: listings below GLUED_ZIPF are ever explained so (wordfreq's most frequent is ماما, 4.2).
KNOWN_ZIPF = 2.25
FUNCTION_WORD_ZIPF = 5.5
GLUED_ZIPF = 4.5
#: The article and one letter (الت) is a fragment, not a piece: wordfreq lists such fragments
#: up to Zipf 3.7, and الي, الا (5.3) are as often fragments and misspellings as words. Only as
#: frequent as a function word are the three letters a word of their own: الى, إلى written
#: without its hamza (6.0).
ARTICLE_WORD_ZIPF = FUNCTION_WORD_ZIPF
#: How much more probable (log10) the split must be than the whole run; at least 0, so that a
#: piece never outscores itself and the output is stable.
SPLIT_MARGIN = 0.0
#: How many entries each cache keeps before it starts afresh.
CACHE_SIZE = 100_000
#: A run that occurs twice or more in the same document is split only when the split beats
#: the run as one word by this much (log10) or every space follows a word end: a word is
#: written again, an extraction accident rarely glues the same two words twice. Not more than
#: lint's safe margin: a document that repeats a passage (an abstract before its text) repeats
#: its accidents too, and the sure ones must still be repaired.
REPEATED_RUN_MARGIN = 3.0
#: A listed run has been written again and again, as a word or as a frequent run-on: like a
#: run the document repeats, it is split only when the split is that sure.
LISTED_MARGIN = REPEATED_RUN_MARGIN

_K = TypeVar("_K")
_T = TypeVar("_T")
Ends = frozenset[int]
_NOTHING = object()
#: Slack for float rounding when a bound and a search add the same scores in another order.
_ROUNDING = 1e-9
_MOST_ASSOCIATION = max(
    LISTED_MERGE_ASSOCIATION, LONG_MERGE_ASSOCIATION, NON_JOINING_MERGE_ASSOCIATION
)
_ZEROS = itertools.repeat(0.0)  # the default of each lookup in a map(dict.get, keys, _ZEROS)
#: A piece listed this frequent is never outscored by a clitic reading of it (whose stem is at
#: most as frequent as the most frequent word, في at Zipf 7.54, or 7.56 with فى folded in).
_CLITIC_READING_CANNOT_WIN = 7.6 - PIECE_CLITIC_PENALTY
#: The first letters of the proclitics (و ف ب ك ل س, and ا of the article).
_PROCLITIC_LETTERS = frozenset(
    "\N{ARABIC LETTER WAW}\N{ARABIC LETTER FEH}\N{ARABIC LETTER BEH}\N{ARABIC LETTER KAF}"
    "\N{ARABIC LETTER LAM}\N{ARABIC LETTER SEEN}\N{ARABIC LETTER ALEF}"
)


class Candidate(NamedTuple):
    """One way to read a run: its pieces (lookup keys) and the log10 score of that reading."""

    pieces: tuple[str, ...]
    score: float
    reading: str  # how each piece was read, e.g. "و+بفضل (4.74) | المفاوضات (4.40)"

    def __str__(self) -> str:
        return f"{' '.join(self.pieces)}  ({self.score:.2f}: {self.reading})"


class RunSplit(NamedTuple):
    """A run of a text that the splitter splits: where, into what, and how sure it is."""

    points: tuple[int, ...]  # positions in the text before which a space goes
    pieces: tuple[str, ...]  # the words, in lookup-key form
    score: float  # log10 score of the split
    whole: float  # log10 score of the run as one word
    after_end: bool  # every space follows a word end (ة, ى, tanween)
    span: tuple[int, int] = (0, 0)  # where the run is in the text

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

    def __init__(
        self, lexicon: Lexicon, *, never_split: Iterable[str] = (), spelling: Spelling = IDENTITY
    ) -> None:
        self.spelling = spelling  # the letter folds of its lookups (a folding config's)
        self.lexicon = lexicon.folded(spelling)
        self._zipf = self.lexicon.key_zipf
        self._fold = spelling.fold
        self.clitics = Clitics(self.lexicon, self.genuine_zipf, spelling)
        protected = bundled_words("protected")
        self._never = frozenset(map(self.key, (*never_split, *protected)))
        self._whole_tokens: set[str] = set()
        self._runs: dict[str, tuple[int, ...]] = {}
        self._pieces: dict[tuple[str, Ends], tuple[str, ...]] = {}
        self._piece_scores: dict[str, float | None] = {}
        self._genuine: dict[str, float] = {}
        self._split_runs: dict[str, RunSplit | None] = {}  # run -> its split, at offset 0
        self._get = self.lexicon.frequencies().get
        self._proclitic_lengths = sorted({len(p) for p in self.clitics.proclitics})
        self._folds = spelling.folds_letters
        self._function_words = self._read_function_words()

    def key(self, word: str) -> str:
        """The form of `word` this segmenter looks up: its lookup key, folded by its spelling."""
        return self.lexicon.key(word)

    # --- text level -------------------------------------------------------------------------

    def segment(self, text: str, context: Document | None = None) -> str:
        """`text` with a space inserted wherever a run of Arabic letters is split.

        `context` is the document `text` comes from (by default nothing but the call's own
        text is known): a run it holds twice or more is a word unless the split is sure.
        """
        points = self.split_points(text, context)
        if not points:
            return text
        bounds = [0, *points, len(text)]
        return " ".join(text[i:j] for i, j in itertools.pairwise(bounds))

    def split_points(self, text: str, context: Document | None = None) -> list[int]:
        """Positions in `text` before which a space belongs, in increasing order (`context`:
        the document `text` comes from, see :meth:`segment`)."""
        tokens = text.split()
        cut = self._cut_tokens(tokens)
        if cut and context is not None:
            cut = {token: cuts for token in cut if (cuts := self._kept(token, cut[token], context))}
        if not cut:
            return []
        points: list[int] = []
        for start, token in tokens_among(text, cut, len(tokens)):
            points.extend(start + offset for offset in cut[token])
        return points

    def _cut_tokens(self, tokens: list[str]) -> dict[str, list[int]]:
        """The tokens among `tokens` that need a space, each with where (relative to its
        start); the others are remembered as whole."""
        if self._whole_tokens.issuperset(tokens):
            return {}  # the fast path: every token was seen before and needs no space
        cut: dict[str, list[int]] = {}
        for token in set(tokens).difference(self._whole_tokens):
            cuts = self._token_cuts(token)
            if cuts:
                cut[token] = cuts
            elif len(self._whole_tokens) < CACHE_SIZE:
                self._whole_tokens.add(token)
        return cut

    def _token_cuts(self, token: str) -> list[int]:
        """Where `token` (no space in it) needs a space, relative to its start. Cheap tests
        first: too short to hold two pieces, no Arabic letter, or a listed word."""
        if len(token) < 2 * MIN_PIECE or token.isascii():
            return []
        key = self._fold(token) if self._folds else token
        zipf = self._get(key, 0.0)
        if zipf >= KNOWN_ZIPF and not self.glued_listing(key, zipf):
            return []  # a listed word: most tokens end here
        cuts: list[int] = []
        for match in run_pattern().finditer(token):
            cuts.extend(match.start() + cut for cut in self.run_splits(match.group()))
        return cuts

    def _kept(self, token: str, cuts: list[int], context: Document) -> list[int]:
        """The `cuts` of `token` that stand against the evidence of `context`: those of a run
        the document holds once, or whose split is sure (:data:`REPEATED_RUN_MARGIN`)."""
        dropped: set[int] = set()
        for split in self.splits(token):
            if not stands(split, token, context):
                dropped.update(split.points)
        return [cut for cut in cuts if cut not in dropped]

    def splits(self, text: str) -> Iterator[RunSplit]:
        """Every run of `text` that is split, with its pieces and scores (for lint and the
        report), in order. Only the runs of the tokens that need a space are read: the rest
        are known whole by one set lookup per token (reading every run of a document that
        has one cut cost lint and the report as much as finding the cut).

        >>> from arnorm.lexicon.words import Lexicon
        >>> segmenter = Segmenter(Lexicon({"في": 7.5, "المدرسة": 5.0, "الكبيرة": 5.0}))
        >>> [(s.pieces, s.points, s.span) for s in segmenter.splits("في المدرسةالكبيرة")]
        [(('المدرسة', 'الكبيرة'), (10,), (3, 17))]
        """
        tokens = text.split()
        cut = self._cut_tokens(tokens)
        if not cut:
            return
        for start, token in tokens_among(text, cut, len(tokens)):
            for match in run_pattern().finditer(token):
                split = self._run_split(match.group())
                if split is not None:
                    at = start + match.start()
                    points = tuple(at + point for point in split.points)
                    yield split._replace(points=points, span=(at, start + match.end()))

    def _run_split(self, run: str) -> RunSplit | None:
        """The split of one run, its points relative to the run, cached: lint and the report
        ask for the same runs again and again, and the search of its score is not cheap."""
        if run in self._split_runs:
            return self._split_runs[run]
        found = None
        cuts = self.run_splits(run)
        if cuts:
            read = Run.read(run, self.spelling)
            pieces = self.pieces(read.key, read.ends)
            best = self.best_split(read.key, read.ends)
            score = best.score if best is not None else math.nan
            after_end = set(_cuts(pieces)[1:-1]) <= read.ends
            whole = self.whole_score(read.key, read.ends)
            found = RunSplit(cuts, pieces, score, whole, after_end)
        _remember(self._split_runs, run, found)
        return found

    # --- run level --------------------------------------------------------------------------

    def run_splits(self, run: str) -> tuple[int, ...]:
        """Offsets in `run` (Arabic letters, marks, tatweel) before which a space belongs."""
        cached = self._runs.get(run)
        if cached is None:
            if len(run) > MAX_RUN * 4:  # far more than MAX_RUN letters, even with harakat
                return ()
            key = self._fold(run) if self._folds else run
            zipf = self._get(key, 0.0)
            if zipf >= KNOWN_ZIPF and not self.glued_listing(key, zipf):
                _remember(self._runs, run, ())  # a listed word beside punctuation: most runs
                return ()
            read = Run.read(run, self.spelling)
            cuts = _cuts(self.pieces(read.key, read.ends))[1:-1]
            cached = tuple(read.starts[cut] for cut in cuts if read.starts[cut] >= 0)
            _remember(self._runs, run, cached)
        return cached

    def pieces(self, key: str, ends: Ends | None = None) -> tuple[str, ...]:
        """The words the run `key` (in :meth:`key` form) is made of: itself, or its split.

        `ends` are the positions where a tanween ended a word (ة and ى are read from `key`).
        The decision is applied again to every piece until none splits, so splitting the
        output again never changes it.
        """
        ends = word_ends(key) if ends is None else ends
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
            piece = key[start:end]
            best = self.best_split(piece, _within(ends, start, end))
            if best is None:
                done.append(piece)
                continue
            bounds = [start + cut for cut in _cuts(best.pieces)]
            todo.extend(reversed(list(itertools.pairwise(bounds))))
        return tuple(done)

    def best_split(self, key: str, ends: Ends = frozenset()) -> Candidate | None:
        """The split of the run `key` that wins over leaving it whole, if one does."""
        if len(key) < 2 * MIN_PIECE:
            return None
        margin = SPLIT_MARGIN
        zipf = self._zipf(key)
        if zipf >= KNOWN_ZIPF:  # a listed piece: split only if a run-on's listing, and sure
            if not self.glued_listing(key, zipf):
                return None
            margin = LISTED_MARGIN
        if self.protected(key):
            return None
        ends = ends | word_ends(key)
        inner = INNER_END_PENALTY if ends else 0.0
        # a split must beat at least this floor; most cannot, and the bound proves it cheaply
        bound = self._bound(key, ends)
        if bound <= unknown_word_score(key) - inner + margin:
            return None  # a part of the floor is enough (the letter model is not needed)
        floor = max(self.unknown_score(key), self._listed_score(key)) - inner + margin
        if bound <= floor:
            return None
        split = self._search(key, ends, floor)
        if split is None or split.score <= self.whole_score(key, ends) + margin:
            return None
        return split

    def protected(self, key: str) -> bool:
        """Whether `key` is a word never split (wordlists/protected.txt and the user's list),
        alone or behind proclitics (وبينما, فيما).

        >>> seg = Segmenter(Lexicon({"بين": 6.0, "ما": 6.8, "وبين": 4.5, "بينما": 1.0}))
        >>> seg.protected("وبينما"), seg.segment("وبينما")
        (True, 'وبينما')
        """
        if key in self._never:
            return True
        proclitics = self.clitics.proclitics
        return any(
            key[:n] in proclitics and key[n:] in self._never for n in range(1, min(5, len(key)))
        )

    def whole_score(self, key: str, ends: Ends = frozenset()) -> float:
        """log10 probability of `key` as one word: listed, with clitics, or unknown."""
        scores = [self.unknown_score(key), self._listed_score(key)]
        analysis = self.clitics.best(key)
        if analysis is not None:
            scores.append(analysis.logp)
        inner = ends or word_ends(key)
        return max(scores) - (INNER_END_PENALTY if inner else 0.0)

    # --- word level -------------------------------------------------------------------------

    def unknown_score(self, key: str) -> float:
        """log10 probability of `key` as a word nobody listed: as a transliterated name
        (:func:`unknown_word_score`) or as a rare word, by the letter model of the lexicon's
        rarest words, whichever is likelier (the name alone if the lexicon is too small to
        learn letters from)."""
        model = letter_model(self.lexicon)
        name = unknown_word_score(key)
        return name if model is None else max(name, UNKNOWN_WORD_PRIOR + model.logp(key))

    def _listed_score(self, key: str) -> float:
        zipf = self.genuine_zipf(key)
        return zipf - 9.0 + LISTED_WORD_BONUS if zipf else -math.inf

    def glued_listing(self, key: str, zipf: float) -> bool:
        """Whether the listing of `key` (at Zipf `zipf`) is a run-on's: a two-letter function
        word glued before or after a listed word, the two meeting as a run-on (by
        :func:`_association`) at least as often as `key` is listed.

        Asked of every listed word on its first sight, so most answers take two lookups.

        >>> seg = Segmenter(Lexicon({"من": 7.5, "أكثر": 6.1, "أكثرمن": 2.9, "منزل": 5.0}))
        >>> seg.glued_listing("أكثرمن", 2.9), seg.glued_listing("منزل", 5.0)
        (True, False)
        >>> seg.segment("أكثرمن منزل")
        'أكثر من منزل'
        """
        short = self._function_words
        if zipf >= GLUED_ZIPF or not (key[:2] in short or key[-2:] in short):
            return False
        n, get = len(key), self._get
        least = zipf + 9.0 - _MOST_ASSOCIATION  # what the two must reach with any association
        for cut, word in ((MIN_PIECE, key[:MIN_PIECE]), (n - MIN_PIECE, key[-MIN_PIECE:])):
            if word in short and MIN_PIECE <= cut <= n - MIN_PIECE:
                left, right = get(key[:cut], 0.0), get(key[cut:], 0.0)
                if (
                    left
                    and right
                    and left + right >= least
                    and left + right + _association(key, cut) - 9.0 >= zipf
                ):
                    return True
        return False

    def _clitic_listing(self, key: str, zipf: float) -> bool:
        """Whether `key` is listed as a clitic form: a proclitic (one letter, or ال) and a word
        listed at least as often (لشخص is ل + شخص). Such a listing lends nothing to a reading
        that puts a proclitic before it: ك + لشخص is no word, as ك and ل do not chain, and the
        chains that do (و + ل + شخص) are read from the proclitic list itself."""
        proclitics, get = self.clitics.proclitics, self._get
        if key[:1] in proclitics and len(key) > MIN_STEM and get(key[1:], 0.0) >= zipf:
            return True
        return key[:2] in proclitics and len(key) > MIN_STEM + 1 and get(key[2:], 0.0) >= zipf

    def _read_function_words(self) -> frozenset[str]:
        """The function words of ``wordlists/function_words.txt`` (the closed class of
        two-letter particles, pronouns and prepositions: في من ما لا لم لن بل كل أو هو ...)
        that the lexicon lists at FUNCTION_WORD_ZIPF or more."""
        words = map(self.key, bundled_words("function_words"))
        return frozenset(word for word in words if self._get(word, 0.0) >= FUNCTION_WORD_ZIPF)

    def genuine_zipf(self, key: str) -> float:
        """The Zipf frequency of `key` as a word, alone or as the stem of a clitic reading: its
        listed frequency minus what run-ons of two listed words would explain (0 if they
        explain all of it, as for منخلال). Listed at KNOWN_ZIPF or more, it is a word unless a
        function word glued to a listed word explains it (:meth:`glued_listing`: أكثرمن, and
        so ب+أكثرمن is no reading of بأكثرمن)."""
        cached = self._genuine.get(key)
        if cached is None:
            cached = self._unexplained_zipf(key)
            _remember(self._genuine, key, cached)
        return cached

    def _unexplained_zipf(self, key: str) -> float:
        zipf = self._zipf(key)
        if zipf >= KNOWN_ZIPF and key not in self._never:  # a word, unless a clitic or glued form
            if key[0] in _PROCLITIC_LETTERS and self._clitic_listing(key, zipf):
                return 0.0
            return 0.0 if self.glued_listing(key, zipf) else zipf
        if zipf == 0 or zipf >= KNOWN_ZIPF or key in self._never:
            return zipf
        merged = max(
            (
                left + right + _association(key, cut)
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
        """log10 probability of `key` as a piece of a split (listed, or proclitics and a
        listed word), or None if it cannot be one."""
        found = self._piece_scores.get(key, _NOTHING)
        if found is _NOTHING:
            found = self._score_piece(key)
            _remember(self._piece_scores, key, found)
        return found  # type: ignore[return-value]

    def _score_piece(self, key: str) -> float | None:
        zipf = self._zipf(key)
        if key in self.clitics.proclitics or (
            len(key) == 3 and key.startswith(ARTICLE) and zipf < ARTICLE_WORD_ZIPF
        ):
            return None  # a bare proclitic, or the article and one letter (الت)
        score = zipf - 9.0 if zipf else -math.inf
        if key[0] in _PROCLITIC_LETTERS and zipf < _CLITIC_READING_CANNOT_WIN:
            score = max(score, self.clitics.proclitic_logp(key) - PIECE_CLITIC_PENALTY)
        return None if score == -math.inf else score

    # --- the search -------------------------------------------------------------------------

    def _search(self, key: str, ends: Ends, floor: float = -math.inf) -> Candidate | None:
        """The best reading of `key` as two or more pieces (Viterbi, bounded word length).

        Readings that cannot end above `floor`, even with the best possible pieces for the
        letters left, are dropped on the way (None if no reading ends above it).
        """
        n = len(key)
        junction = [0.0] + [junction_score(key, at, ends) for at in range(1, n)]
        sorted_ends = sorted(ends)
        most = self._most_ahead(key, junction)
        best = [-math.inf] * (n + 1)
        back = [0] * (n + 1)
        best[0] = 0.0
        for start in range(n - MIN_PIECE + 1):  # forward: only from reachable starts
            if best[start] + most[start] <= floor:
                continue
            before = best[start] + junction[start]
            for end in range(start + MIN_PIECE, min(n, start + MAX_PIECE) + 1):
                piece = self.piece_score(key[start:end])
                if piece is None or (start == 0 and end == n):
                    continue
                if sorted_ends and _any_between(sorted_ends, start, end):
                    piece -= INNER_END_PENALTY
                if before + piece > best[end]:
                    best[end], back[end] = before + piece, start
        if best[n] <= floor:
            return None
        return self._candidate(key, _walk_back(back, n), best[n])

    def _bound(self, key: str, ends: Ends) -> float:
        """An upper bound of every split's score, from dictionary lookups alone.

        A split is a first piece ``key[:j]``, a last piece ``key[i:]`` after its junction, and
        pieces in between, each of which adds at most the most frequent word's score and its
        junction (nothing, unless the article's bonus lifts it); word ends inside pieces only
        cost. A first or last piece scores at most its listed score, or a proclitic and a
        listed stem with no cost but the clitic penalty (clitic costs are not negative, and a
        stem's genuine frequency is at most its listed one). Most rare runs have no first and
        last piece that could beat the run as one word, and the search is then skipped (a
        margin covers rounding: the bound is never below a split the search would find).
        """
        n = len(key)
        top = self.lexicon.max_zipf - 9.0
        if top + max(JUNCTION_AFTER_END, JUNCTION_AFTER_NON_JOINING, JUNCTION_AFTER_JOINING) > 0:
            return math.inf  # a lexicon with words above Zipf 8.5: no bound
        get, lengths, proclitics = self._get, self._proclitic_lengths, self.clitics.proclitics
        longest = min(n - MIN_PIECE, MAX_PIECE)
        zipf = max(map(get, [key[:j] for j in range(MIN_PIECE, longest + 1)], _ZEROS))
        if key[0] in _PROCLITIC_LETTERS:
            for length in lengths:
                if key[:length] in proclitics and length + MIN_STEM <= longest:
                    stems = [key[length:j] for j in range(length + MIN_STEM, longest + 1)]
                    stem = max(map(get, stems, _ZEROS))
                    if stem >= MIN_STEM_ZIPF:
                        zipf = max(zipf, stem - PIECE_CLITIC_PENALTY)
        if not zipf:
            return -math.inf  # no first piece: no split
        first = zipf - 9.0
        last = -math.inf
        for at in range(max(MIN_PIECE, n - MAX_PIECE), n - MIN_PIECE + 1):
            piece = key[at:]
            zipf = get(piece, 0.0)
            if key[at] in _PROCLITIC_LETTERS:
                for length in lengths:
                    if piece[:length] in proclitics and len(piece) - length >= MIN_STEM:
                        stem = get(piece[length:], 0.0)
                        if stem >= MIN_STEM_ZIPF:
                            zipf = max(zipf, stem - PIECE_CLITIC_PENALTY)
            if zipf:
                last = max(last, zipf - 9.0 + junction_score(key, at, ends))
        middle = sum(
            max(0.0, top + junction_score(key, at, ends)) for at in range(MIN_PIECE, n - MIN_PIECE)
        )
        return first + last + middle + _ROUNDING

    def _most_ahead(self, key: str, junction: list[float]) -> list[float]:
        """For each start, an upper bound of what the pieces from there to the end can add.

        The next piece adds at most the most frequent word's score and its junction; each
        further piece loses score unless the article's bonus lifts it, so only further pieces
        that start with ال can add anything.
        """
        top = self.lexicon.max_zipf - 9.0
        junctions = (JUNCTION_AFTER_END, JUNCTION_AFTER_NON_JOINING, JUNCTION_AFTER_JOINING)
        if top + max(junctions) > 0:  # a lexicon with words above Zipf 8.5: no bound
            return [math.inf] * len(key)
        lift = max(0.0, top + max(junctions) + ARTICLE_BONUS)
        most = [0.0] * len(key)
        articles = 0
        for start in range(len(key) - 1, -1, -1):
            most[start] = top + junction[start] + lift * articles
            articles += key.startswith(ARTICLE, start) and start > 0
        return most

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
        run = Run.read(token, self.spelling)
        key, ends = run.key, run.ends
        found = [Candidate((key,), self.whole_score(key, ends), self._reading(key))]
        for cut in range(MIN_PIECE, len(key) - MIN_PIECE + 1):
            pair = self._search_within(key, ends, cut)
            if pair is not None:
                found.append(pair)
        best = self._search(key, ends)
        if best is not None and len(best.pieces) > 2:
            found.append(best)
        found.sort(key=lambda c: -c.score)
        return found[:limit]

    def _search_within(self, key: str, ends: Ends, cut: int) -> Candidate | None:
        """The two-piece reading of `key` cut at `cut`, if both pieces can be pieces."""
        left, right = self.piece_score(key[:cut]), self.piece_score(key[cut:])
        if left is None or right is None:
            return None
        inner = INNER_END_PENALTY * (any(0 < e < cut for e in ends) + any(e > cut for e in ends))
        score = left + right + junction_score(key, cut, ends) - inner
        return self._candidate(key, [0, cut, len(key)], score)


class Document:
    """The document a text comes from, as evidence for the splitter: how often each run of
    Arabic letters occurs in it. Counted on first use, so a document none of whose lines has
    a run to split costs nothing.

    >>> doc = Document("قال كيمبرلاين إن كيمبرلاين مدينة")
    >>> doc.count("كيمبرلاين"), doc.count("مدينة"), doc.count("باريس")
    (2, 1, 0)
    >>> doc.repeats("كيمبرلاين"), doc.repeats("مدينة"), doc.repeats("مدين")
    (True, False, False)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._counts: Counter[str] | None = None
        self._searches = 0  # runs searched for by repeats

    def count(self, run: str) -> int:
        """How many times `run` occurs in the document as a whole run of letters."""
        if self._counts is None:
            self._counts = Counter(run_pattern().findall(self.text))
        return self._counts[run]

    def repeats(self, run: str) -> bool:
        """Whether `run` occurs twice or more in the document as a whole run of letters.

        What the splitter asks of the few runs it would cut, so it searches for just that run
        (in C, stopping at the second whole one) rather than counting every run of the
        document: in a whole 1 MB file of news the count was two fifths of the splitter's
        time. Past :data:`MAX_SEARCHED_RUNS` runs asked about, or a run found inside longer
        runs more than :data:`MAX_PARTIAL_FINDS` times, it counts instead, so that a
        document costs a bounded number of scans whatever it holds.
        """
        if self._counts is None and self._searches >= MAX_SEARCHED_RUNS:
            self.count(run)
        if self._counts is not None:
            return self._counts[run] >= 2
        self._searches += 1
        text, whole, partial = self.text, 0, 0
        at = text.find(run)
        while at >= 0:
            end = at + len(run)
            if (at == 0 or not _in_run(text[at - 1])) and (
                end == len(text) or not _in_run(text[end])
            ):
                whole += 1
                if whole == 2:
                    return True
            else:
                partial += 1
                if partial > MAX_PARTIAL_FINDS:
                    return self.count(run) >= 2
            at = text.find(run, at + 1)
        return False


def document_of(text: str) -> Document:
    """The document `text` is part of: the whole text that the engine is cleaning line by
    line (:data:`arnorm.document.WHOLE_TEXT`), else `text` itself.

    >>> from arnorm.document import whole_text
    >>> with whole_text("قال كيمبرلاين\\nإن كيمبرلاين"):
    ...     document_of("إن كيمبرلاين").repeats("كيمبرلاين")
    True
    >>> document_of("إن كيمبرلاين").repeats("كيمبرلاين")
    False
    """
    whole = WHOLE_TEXT.get()  # one Document per call, shared by its groups of lines
    return Document(text) if whole is None else whole.derived(Document)


#: How many runs :meth:`Document.repeats` searches a document for, and how often it looks at
#: a run found inside a longer one, before it counts every run of the document instead.
MAX_SEARCHED_RUNS = 64
MAX_PARTIAL_FINDS = 32


def _in_run(char: str) -> bool:
    """Whether `char` would be part of a run of letters (a letter, a mark, tatweel)."""
    return run_pattern().match(char) is not None


def stands(split: RunSplit, text: str, context: Document) -> bool:
    """Whether `split` (of a run of `text`) stands against the evidence of the document: the
    run occurs there once, or the split is sure (every space after a word end, or a margin of
    :data:`REPEATED_RUN_MARGIN`)."""
    start, end = split.span
    if split.after_end or split.margin >= REPEATED_RUN_MARGIN:
        return True
    return not context.repeats(text[start:end])


# --- evidence -------------------------------------------------------------------------------


def unknown_word_score(key: str) -> float:
    """log10 probability of `key` as an unknown word: rarer when longer, likelier with many
    long vowels (transliterated names write every vowel)."""
    vowels = sum(map(key.count, LONG_VOWELS))
    length = len(key) - UNKNOWN_LENGTH
    return UNKNOWN_WORD_LOGP - UNKNOWN_PER_LETTER * length + UNKNOWN_VOWEL_BONUS * vowels


def junction_score(key: str, at: int, ends: Ends = frozenset()) -> float:
    """log10 probability of a lost space before ``key[at]``, with the article's evidence.

    >>> junction_score("مدرسةكبيرة", 5, frozenset({5})) > junction_score("قلمأحمر", 3)
    True
    """
    if at in ends:
        score = JUNCTION_AFTER_END
    elif key[at - 1] in NON_JOINING:
        score = JUNCTION_AFTER_NON_JOINING
    else:
        score = JUNCTION_AFTER_JOINING
    return score + (ARTICLE_BONUS if key.startswith(ARTICLE, at) else 0.0)


def _association(key: str, cut: int) -> float:
    """How often (log10, relative to chance) the words ``key[:cut]`` and ``key[cut:]`` meet as
    a listed run-on: by their lengths, and more often after a letter that does not join."""
    long = min(cut, len(key) - cut) >= LONG_PIECE
    by_length = LONG_MERGE_ASSOCIATION if long else LISTED_MERGE_ASSOCIATION
    return (
        max(by_length, NON_JOINING_MERGE_ASSOCIATION) if key[cut - 1] in NON_JOINING else by_length
    )


#: The most tokens that :func:`tokens_among` searches for one by one: each search is a scan of
#: the text in C, about 1/200 of a walk over its tokens in Python (measured on news, 1 MB in
#: one call: 0.2 ms against 40-60 ms); and the most finds inside longer tokens it follows
#: before it walks instead.
MAX_SEARCHED = 128
MAX_PARTIAL_TOKENS = 256


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    return re.compile(r"\S+")


def tokens_among(text: str, wanted: Collection[str], count: int) -> list[tuple[int, str]]:
    """The start and the token of each token of `text` (of `count` in all) that is in
    `wanted`, in order. A long text (a whole document) is searched for just those tokens,
    one after another, by ``str.find`` in C, rather than token by token in Python; the tokens
    of a line are few, and the walk is cheaper there. With many tokens wanted, or a wanted
    token found again and again inside longer ones, the walk is the cheaper, and linear,
    one."""
    if count >= 1_000 and len(wanted) <= MAX_SEARCHED:
        found = _searched(text, wanted)
        if found is not None:
            return found
    return [(m.start(), m.group()) for m in _token_pattern().finditer(text) if m.group() in wanted]


def _searched(text: str, wanted: Iterable[str]) -> list[tuple[int, str]] | None:
    """:func:`tokens_among` by one search per wanted token (None past MAX_PARTIAL_TOKENS finds
    inside longer tokens: the walk will be cheaper)."""
    found, partial, length = [], 0, len(text)
    for token in wanted:
        at, size = text.find(token), len(token)
        while at >= 0:
            end = at + size
            if (at == 0 or text[at - 1].isspace()) and (end == length or text[end].isspace()):
                found.append((at, token))
                at = text.find(token, end)
                continue
            partial += 1
            if partial > MAX_PARTIAL_TOKENS:
                return None
            at = text.find(token, at + 1)
    found.sort()
    return found


def _any_between(sorted_ends: list[int], start: int, end: int) -> bool:
    """Whether a word end lies strictly inside ``(start, end)``."""
    index = bisect.bisect_right(sorted_ends, start)
    return index < len(sorted_ends) and sorted_ends[index] < end


def _within(ends: Ends, start: int, end: int) -> Ends:
    """The word ends strictly inside ``(start, end)``, relative to `start`."""
    return frozenset(e - start for e in ends if start < e < end) if ends else ends


def _cuts(pieces: tuple[str, ...]) -> list[int]:
    """Letter offsets of the piece boundaries, 0 and the total length included."""
    return [0, *itertools.accumulate(map(len, pieces))]


def _walk_back(back: list[int], end: int) -> list[int]:
    bounds = [end]
    while end > 0:
        end = back[end]
        bounds.append(end)
    return bounds[::-1]


def _remember(cache: dict[_K, _T], key: _K, value: _T) -> None:
    if len(cache) >= CACHE_SIZE:
        cache.clear()
    cache[key] = value


@functools.lru_cache(maxsize=8)
def letter_model(lexicon: Lexicon) -> LetterModel | None:
    """The letter model of `lexicon`'s rare words, learnt once per lexicon (None if it has too
    few rare words: a small lexicon of a test or a user)."""
    words = rare_words(lexicon.frequencies())
    return LetterModel(words) if len(words) >= MIN_WORDS else None


@functools.cache
def default_segmenter() -> Segmenter:
    """The segmenter over wordfreq's Arabic list, built on first use."""
    return Segmenter(default_lexicon())


@functools.cache
def segmenter_for(
    extra_words: tuple[str, ...], never_split: tuple[str, ...], spelling: Spelling = IDENTITY
) -> Segmenter:
    """The segmenter that also knows the words of the `extra_words` files and never splits
    those of the `never_split` files (paths of word-list files, one word per line), and reads
    words up folded by `spelling` (wordfreq's list folded alike, once per process)."""
    if not extra_words and not never_split and spelling.is_identity:
        return default_segmenter()
    lexicon = default_lexicon().folded(spelling)
    extra = [word for path in extra_words for word in read_word_file(path)]
    if extra:
        lexicon = lexicon.with_words(extra)  # folded like the list's words
    never = [word for path in never_split for word in read_word_file(path)]
    return Segmenter(lexicon, never_split=never, spelling=spelling)


def segment(text: str, context: Document | None = None) -> str:
    """`text` with ASCII spaces inserted inside run-together Arabic words, nothing else changed.

    `context`, the :class:`Document` that `text` is part of, adds its evidence: a run it holds
    twice is a word unless the split is sure.

    >>> segment("التهديداتالأمنية")
    'التهديدات الأمنية'
    >>> segment("دوسانتوس"), segment("دوسانتوس", Document("دوسانتوس: دوسانتوس"))
    ('دو سانتوس', 'دوسانتوس')
    """
    return default_segmenter().segment(text, context)
