"""Word frequencies: wordfreq's Arabic list, read through wordfreq's API on first use.

wordfreq's data is CC BY-SA 4.0, so arnorm never copies or converts it: the list is read at run
time, once per process, and kept as a dict from lookup key to Zipf frequency. User word lists
(extra known words, words never split) are plain text files, one word per line.

Lookups use a key without diacritics, tatweel and invisible characters, with presentation
forms folded (:func:`lookup_key`), which is also how wordfreq itself standardizes Arabic.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from arnorm.lexicon import cache
from arnorm.lexicon.folding import IDENTITY, Spelling
from arnorm.script.chars import (
    ARABIC_MARKS,
    INVISIBLE_FORMAT,
    JOINERS,
    PRESENTATION_FORMS,
    TATWEEL,
    char_class,
)
from arnorm.script.hamza import compose_hamza

#: The Zipf frequency a word from a user's extra-words file gets when it is not in wordfreq:
#: that of an ordinary, moderately common word (Zipf 4 is about once per 100,000 words).
USER_WORD_ZIPF = 4.0


@functools.cache
def _ignorable() -> re.Pattern[str]:
    return re.compile(char_class(ARABIC_MARKS | INVISIBLE_FORMAT | JOINERS | {TATWEEL}) + "+")


@functools.cache
def _presentation() -> re.Pattern[str]:
    return re.compile(char_class(PRESENTATION_FORMS) + "+")


def lookup_key(word: str) -> str:
    """The form of `word` the dictionary is keyed by: a letter and a combining hamza or madda
    composed (as NFC, wordfreq and AR106 compose them), then marks, tatweel and invisible
    characters dropped.

    >>> lookup_key("بِفَضْلِ") == lookup_key("بـفـضل") == lookup_key("بفضل")
    True
    >>> lookup_key("ﻹقالة"), lookup_key("سا\N{ARABIC HAMZA ABOVE}ل")
    ('لإقالة', 'سأل')
    """
    if not word.isascii():
        word = _presentation().sub(lambda m: unicodedata.normalize("NFKC", m.group()), word)
        word = _ignorable().sub("", compose_hamza(word))
    return word


class Lexicon:
    """Zipf frequencies of words by lookup key (0.0 for a word it does not know).

    >>> lex = Lexicon({"في": 7.5, "بفضل": 4.6})
    >>> lex.zipf("في"), lex.zipf("بِفَضْلِ"), lex.zipf("xyz"), "في" in lex
    (7.5, 4.6, 0.0, True)

    A lexicon may be keyed by folded letters (:meth:`folded`): then words are folded the same
    way before they are looked up.
    """

    def __init__(self, zipf: Mapping[str, float], spelling: Spelling = IDENTITY) -> None:
        self._zipf = zipf if isinstance(zipf, dict) else dict(zipf)
        self.spelling = spelling  # how the keys are folded
        self._folded: dict[Spelling, Lexicon] = {}

    def key(self, word: str) -> str:
        """The key of `word` in this lexicon: its lookup key, folded as the keys are."""
        return self.spelling.fold(lookup_key(word))

    def zipf(self, word: str) -> float:
        return self._zipf.get(self.key(word), 0.0)

    def key_zipf(self, key: str) -> float:
        """The Zipf frequency of a word already in key form (no normalisation: fast)."""
        return self._zipf.get(key, 0.0)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.key(word) in self._zipf

    def __len__(self) -> int:
        return len(self._zipf)

    def frequencies(self) -> Mapping[str, float]:
        """Zipf frequency by key, every listed word (read-only use)."""
        return self._zipf

    @functools.cached_property
    def max_zipf(self) -> float:
        """The Zipf frequency of the most frequent word (في in Arabic, 7.5)."""
        return max(self._zipf.values(), default=0.0)

    def with_words(self, words: Iterable[str], zipf: float = USER_WORD_ZIPF) -> Lexicon:
        """A copy that also knows `words` (at least at Zipf frequency `zipf`).

        >>> Lexicon({"في": 7.5}).with_words(["شوانغجيانغ"]).zipf("شوانغجيانغ")
        4.0
        """
        merged = dict(self._zipf)
        for word in words:
            key = self.key(word)
            merged[key] = max(merged.get(key, 0.0), zipf)
        return Lexicon(merged, self.spelling)

    def folded(self, spelling: Spelling) -> Lexicon:
        """This lexicon as `spelling` reads words: its keys folded (:func:`fold_zipf`), built
        once per spelling and then kept.

        >>> lex = Lexicon({"على": 7.2, "علي": 6.5, "في": 7.5})
        >>> folded = lex.folded(Spelling(alef_maksura=True))
        >>> folded.zipf("على"), folded.zipf("علي"), len(folded)
        (7.2, 7.2, 2)
        """
        if spelling == self.spelling:
            return self
        if not self.spelling.letter_map.items() <= spelling.letter_map.items():
            raise ValueError(f"a lexicon keyed by {self.spelling} cannot be read as {spelling}")
        found = self._folded.get(spelling)
        if found is None:
            found = self._folded[spelling] = Lexicon(fold_zipf(self._zipf, spelling), spelling)
        return found


def fold_zipf(zipf: Mapping[str, float], spelling: Spelling) -> dict[str, float]:
    """Zipf frequencies by folded key: a key takes the frequency of the most frequent word
    that folds to it.

    Not the sum of their probabilities: the splitter's constants were tuned on the frequencies
    of single spellings, and a sum lifts every word with several spellings (انها takes in أنها
    and إنها), which made the folded splitter cut more words that are whole (benchmarks/
    search_view.py measures both).

    >>> fold_zipf({"أن": 6.5, "ان": 6.0, "من": 7.0}, Spelling(alef=True))
    {'ان': 6.5, 'من': 7.0}
    """
    search = spelling.folded_letter.search
    moved = [word for word in zipf if search(word)]  # a quarter of wordfreq's words
    folded = dict(zipf)  # the unchanged words keep their entries (and their strings)
    for word in moved:
        del folded[word]
    for word in moved:  # a key has no folded letter: it is never a moved word
        key = spelling.fold(word)
        folded[key] = max(folded.get(key, 0.0), zipf[word])
    return folded


def read_wordfreq(lang: str = "ar", wordlist: str = "large") -> dict[str, float]:
    """Zipf frequency by word, from wordfreq's bucketed list (one bucket per centibel): read
    through wordfreq's API, or from the local copy an earlier process made of it (see
    :mod:`arnorm.lexicon.cache`)."""
    zipf: dict[str, float] = {}
    for bucket, words in enumerate(wordfreq_buckets(lang, wordlist)):
        # one dict per bucket, made in C: a fifth faster than a loop
        zipf.update(dict.fromkeys(words, round(9.0 - bucket / 100, 2)))
    return zipf


def wordfreq_buckets(lang: str, wordlist: str) -> Sequence[Sequence[str]]:
    """wordfreq's list of `lang`, its words grouped by frequency bucket: from the local copy
    when there is one made from the same file, else through wordfreq's API (and then copied)."""
    copy = cache.located(lang, wordlist)
    copied = cache.load(*copy) if copy is not None else None
    if copied is not None:
        return copied
    import wordfreq  # heavy (about 0.1 s): imported on first use only

    buckets: list[list[str]] = wordfreq.get_frequency_list(lang, wordlist)
    if copy is not None:
        cache.save(*copy, buckets)
    return buckets


@functools.cache
def default_lexicon() -> Lexicon:
    """wordfreq's large Arabic list, loaded once per process."""
    return Lexicon(read_wordfreq())


def parse_words(text: str) -> list[str]:
    """The words of a word-list file's text: one per line, ``#`` starts a comment.

    Words are returned in lookup-key form, so a list may be written with harakat.

    >>> parse_words("# names\\nشوانغجيانغ\\n\\n  كِيمْبرلاين  # a made-up town\\n")
    ['شوانغجيانغ', 'كيمبرلاين']
    """
    words = []
    for line in text.splitlines():
        word = lookup_key(line.partition("#")[0].strip())
        if word:
            words.append(word)
    return words


class WordListError(ValueError):
    """A word-list file that cannot be read; the message names it and says why."""


def read_word_file(path: str, limit: int | None = None) -> tuple[str, ...]:
    """The words of the word-list file at `path` (read once per process).

    Only a regular file is read (``/dev/zero`` would never end), of at most `limit` bytes
    when one is given; any problem is a :class:`WordListError` naming the file.
    """
    try:
        size = os.stat(path).st_size
    except OSError as error:
        raise WordListError(f"{path}: {error.strerror or error}") from None
    if limit is not None and size > limit:
        raise WordListError(
            f"{path}: {size:,} bytes is over the {limit:,}-byte limit of word lists"
            " (raise --max-word-list-bytes)"
        )
    return _read_words(path)


@functools.cache
def _read_words(path: str) -> tuple[str, ...]:
    try:
        with open(path, "rb") as file:  # builtin open: pathlib costs 5 ms of import
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise WordListError(f"{path}: not a regular file")
            data = file.read()
    except OSError as error:
        raise WordListError(f"{path}: {error.strerror or error}") from None
    try:
        return tuple(parse_words(data.decode("utf-8")))
    except UnicodeDecodeError as error:
        raise WordListError(f"{path}: not valid UTF-8 at byte {error.start}") from None


@functools.cache
def bundled_words(name: str) -> tuple[str, ...]:
    """The words of one of arnorm's own lists in ``wordlists/`` (``name`` without .txt), installed
    as the resource package ``arnorm.wordlists``."""
    return tuple(parse_words(_bundled_text(f"{name}.txt")))


def _bundled_text(filename: str) -> str:
    """A file of the package ``arnorm.wordlists``, read from the package's folder with the
    builtin open: importlib.resources, which also reads a package kept in a zip, costs about
    30 ms of imports, at every start of the command line; it is the fallback."""
    package = importlib.import_module("arnorm.wordlists")
    for folder in package.__path__:
        try:
            with open(os.path.join(folder, filename), encoding="utf-8") as file:
                return file.read()
        except FileNotFoundError:
            continue
    from importlib import resources

    return resources.files(package).joinpath(filename).read_text("utf-8")
