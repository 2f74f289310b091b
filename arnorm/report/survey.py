"""A survey of a corpus: the profiles of its documents added up, with capped examples.

A :class:`Survey` holds totals (documents, bytes, findings per rule and per source),
histograms (dirt score, document length) and a few examples: lines per rule, the worst
documents, the splitter's closest cuts and the unknown words it left whole. Every list is
capped, so a survey of any corpus is small; it saves to JSON and two surveys merge into the
survey of both (``arnorm report --merge``).

>>> from arnorm.config import CLEAN
>>> surveyor = Surveyor(CLEAN)
>>> survey = Survey()
>>> surveyor.add(survey, "قال\N{NO-BREAK SPACE}الوزير", "news.txt", "line 1")
>>> survey.documents, dict(survey.counts), survey.examples["AR104"][0].text
(1, {'AR104': 1}, 'قال\xa0الوزير')
>>> Survey.from_json(survey.to_json()) == survey
True
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from arnorm.config import Config
from arnorm.engine import lint
from arnorm.profile import Profile, measured
from arnorm.splitter.configured import segmenter_of
from arnorm.splitter.segmenter import Document, stands

#: The dirt score histogram has bins of this width (0-5, 5-10, ... 95-100).
DIRT_BIN = 5
#: Lower edges of the document length bins, in characters (the last bin is open).
LENGTH_EDGES = (0, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000)
#: Caps on what a survey keeps (and so on the size of the report).
EXAMPLES_PER_RULE = 3
WORST_KEPT = 10
SPLITS_KEPT = 500  # the closest cuts kept (shown: fewer)
UNKNOWN_KEPT = 5_000  # unknown words counted exactly while they fit, then the rarest dropped
EXCERPT = 280  # characters of a document around its findings
#: A document shorter than this is ranked among the worst only when no longer one is dirty.
WORST_MIN_CHARS = 200
#: An unknown word is worth listing from this many letters on (shorter ones are mostly noise).
UNKNOWN_MIN_LETTERS = 6
FORMAT = "arnorm-survey/1"


@dataclass
class Source:
    """Totals of one input file or field."""

    documents: int = 0
    bytes: int = 0
    dirt: float = 0.0  # the sum of the documents' dirt scores
    counts: Counter[str] = field(default_factory=Counter)


@dataclass
class Excerpt:
    """Part of a document: its text, where it comes from, and (for the worst) its numbers."""

    text: str
    source: str
    where: str
    dirt: float = 0.0
    findings: int = 0
    characters: int = 0


@dataclass
class Cut:
    """A run that the splitter cut, how often, and its smallest margin over the whole run."""

    pieces: list[str]
    margin: float
    count: int = 1


@dataclass
class Survey:
    """The profiles of many documents, added up (see the module doc)."""

    documents: int = 0
    bytes: int = 0
    characters: int = 0
    changed: int = 0
    tokens: int = 0
    arabic_words: int = 0
    letters: int = 0
    arabic_letters: int = 0
    dirt: float = 0.0  # the sum of the dirt scores
    counts: Counter[str] = field(default_factory=Counter)
    documents_with: Counter[str] = field(default_factory=Counter)  # per rule code
    sources: dict[str, Source] = field(default_factory=dict)
    dirt_bins: list[int] = field(default_factory=lambda: [0] * (100 // DIRT_BIN))
    length_bins: list[int] = field(default_factory=lambda: [0] * len(LENGTH_EDGES))
    examples: dict[str, list[Excerpt]] = field(default_factory=dict)
    worst: list[Excerpt] = field(default_factory=list)
    cuts: dict[str, Cut] = field(default_factory=dict)
    unknown: Counter[str] = field(default_factory=Counter)
    sampled: int | None = None  # documents sampled from, when --sample was used
    inputs: list[str] = field(default_factory=list)
    config: str = ""

    @property
    def findings(self) -> int:
        return sum(self.counts.values())

    @property
    def megabytes(self) -> float:
        return self.bytes / 1e6

    def merge(self, other: Survey) -> None:
        """Add `other` to this survey (examples stay capped, first come first kept)."""
        for name in ("documents", "bytes", "characters", "changed", "tokens", "arabic_words"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.letters += other.letters
        self.arabic_letters += other.arabic_letters
        self.dirt += other.dirt
        self.counts.update(other.counts)
        self.documents_with.update(other.documents_with)
        for name, theirs in other.sources.items():
            ours = self.sources.setdefault(name, Source())
            ours.documents += theirs.documents
            ours.bytes += theirs.bytes
            ours.dirt += theirs.dirt
            ours.counts.update(theirs.counts)
        self.dirt_bins = [a + b for a, b in zip(self.dirt_bins, other.dirt_bins, strict=True)]
        self.length_bins = [a + b for a, b in zip(self.length_bins, other.length_bins, strict=True)]
        for code, excerpts in other.examples.items():
            kept = self.examples.setdefault(code, [])
            kept.extend(excerpts[: EXAMPLES_PER_RULE - len(kept)])
        self.worst = _worst_of([*self.worst, *other.worst])
        for run, cut in other.cuts.items():
            _count_cut(self.cuts, run, cut.pieces, cut.margin, cut.count)
        self.unknown.update(other.unknown)
        _cap_counter(self.unknown, UNKNOWN_KEPT)
        if other.sampled is not None:
            self.sampled = (self.sampled or 0) + other.sampled
        self.inputs.extend(i for i in other.inputs if i not in self.inputs)
        self.config = self.config or other.config

    def to_json(self) -> dict[str, object]:
        """The survey as JSON-ready values (``arnorm report --json``)."""
        return {
            "format": FORMAT,
            **{name: getattr(self, name) for name in _NUMBERS},
            "counts": dict(sorted(self.counts.items())),
            "documents_with": dict(sorted(self.documents_with.items())),
            "sources": {
                name: {**vars(s), "counts": dict(sorted(s.counts.items()))}
                for name, s in self.sources.items()
            },
            "dirt_bins": self.dirt_bins,
            "length_bins": self.length_bins,
            "examples": {c: [vars(e) for e in es] for c, es in sorted(self.examples.items())},
            "worst": [vars(e) for e in self.worst],
            "cuts": {run: vars(cut) for run, cut in self.cuts.items()},
            "unknown": dict(self.unknown.most_common()),
            "sampled": self.sampled,
            "inputs": self.inputs,
            "config": self.config,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Survey:
        """The survey saved by :meth:`to_json`; ValueError when `data` is not one."""
        if data.get("format") != FORMAT:
            raise ValueError(f"not an arnorm survey (format {data.get('format')!r})")
        try:
            return _survey_of(data)
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"a damaged survey: {error!r}") from None


_NUMBERS = (
    "documents",
    "bytes",
    "characters",
    "changed",
    "tokens",
    "arabic_words",
    "letters",
    "arabic_letters",
    "dirt",
)


def _survey_of(data: Mapping[str, Any]) -> Survey:
    survey = Survey(**{name: data[name] for name in _NUMBERS})
    survey.counts = Counter(data["counts"])
    survey.documents_with = Counter(data["documents_with"])
    for name, s in data["sources"].items():
        survey.sources[name] = Source(**{**s, "counts": Counter(s["counts"])})
    survey.dirt_bins = list(data["dirt_bins"])
    survey.length_bins = list(data["length_bins"])
    survey.examples = {c: [Excerpt(**e) for e in es] for c, es in data["examples"].items()}
    survey.worst = [Excerpt(**e) for e in data["worst"]]
    survey.cuts = {run: Cut(**c) for run, c in data["cuts"].items()}
    survey.unknown = Counter(data["unknown"])
    survey.sampled = data["sampled"]
    survey.inputs = list(data["inputs"])
    survey.config = str(data["config"])
    if len(survey.dirt_bins) != 100 // DIRT_BIN or len(survey.length_bins) != len(LENGTH_EDGES):
        raise TypeError("histogram bins of another layout")
    return survey


class Surveyor:
    """Profiles documents under one config and adds them to a survey."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.segmenter = segmenter_of(config)
        self._unknown: dict[str, str] = {}  # an unknown word -> its key
        self._ordinary: set[str] = set()  # words known not to be unknown ones
        self._examples: Counter[str] = Counter()  # examples kept per rule, in all surveys
        self._worst: list[tuple[bool, float, int]] = []  # a heap of the worst ranks kept

    def add(self, survey: Survey, text: str, source: str, where: str) -> None:
        """Profile `text` (found at `where` in `source`) and add it to `survey`."""
        _, found, words = measured(text, self.config)
        size = len(text.encode("utf-8", "surrogatepass"))
        dirt = found.dirt
        _add_totals(survey, found, size, dirt)
        mine = survey.sources.get(source)
        if mine is None:
            mine = survey.sources[source] = Source()
        mine.documents += 1
        mine.bytes += size
        mine.dirt += dirt
        if found.counts:
            mine.counts.update(found.counts)
            self._add_examples(survey, text, found, source, where, dirt)
        if found.counts.get("AR501"):
            self._add_cuts(survey, text)
        self._add_unknown(survey, words)

    def _add_examples(
        self, survey: Survey, text: str, found: Profile, source: str, where: str, dirt: float
    ) -> None:
        """Keep `text` as an example of its rules, or among the worst, while there is room.

        Room is judged by what this surveyor has kept in all its surveys (one per chunk), so
        that only a few documents are linted for their positions, however many chunks."""
        kept = self._examples
        wanted = [c for c in found.counts if kept[c] < EXAMPLES_PER_RULE]
        rank = _rank(found.characters, dirt, found.findings)
        worthy = len(self._worst) < WORST_KEPT or rank > self._worst[0]
        if not wanted and not worthy:
            return
        starts: dict[str, list[int]] = {}
        for finding in lint(text, preset=self.config):
            starts.setdefault(finding.code, []).append(finding.start)
        for code in wanted:
            if code in starts:
                excerpt = _excerpt(text, starts[code][:1])
                survey.examples.setdefault(code, []).append(Excerpt(excerpt, source, where))
                kept[code] += 1
        if worthy:
            every = sorted(s for positions in starts.values() for s in positions)
            excerpt = _excerpt(text, every)
            worst = Excerpt(excerpt, source, where, dirt, found.findings, found.characters)
            survey.worst = _worst_of([*survey.worst, worst])
            heapq.heappush(self._worst, rank)
            if len(self._worst) > WORST_KEPT:
                heapq.heappop(self._worst)

    def _add_cuts(self, survey: Survey, text: str) -> None:
        """Count the cuts AR501 makes in `text` (those that stand against the document)."""
        document = Document(text)
        for split in self.segmenter.splits(text):
            if not stands(split, text, document):
                continue
            _count_cut(survey.cuts, "".join(split.pieces), list(split.pieces), split.margin, 1)
        if len(survey.cuts) > 2 * SPLITS_KEPT:
            kept = sorted(survey.cuts.items(), key=lambda item: item[1].margin)[:SPLITS_KEPT]
            survey.cuts = dict(kept)

    def _add_unknown(self, survey: Survey, words: list[str]) -> None:
        """Count the unknown words among `words` (the Arabic words of a document). Most are
        words seen before and known to be ordinary: one set difference finds the others."""
        fresh = set(words).difference(self._ordinary)  # short words too: they become ordinary
        counts: Counter[str] | None = None
        for word in fresh:
            key = self._unknown.get(word)
            if key is None:
                key = self._unknown_key(word)
                if key is None:
                    self._ordinary.add(word)
                    continue
                self._unknown[word] = key
            counts = Counter(words) if counts is None else counts
            survey.unknown[key] += counts[word]
        if len(self._ordinary) > 500_000 or len(self._unknown) > 100_000:
            self._ordinary.clear()
            self._unknown.clear()
        if len(survey.unknown) > 2 * UNKNOWN_KEPT:
            _cap_counter(survey.unknown, UNKNOWN_KEPT)

    def _unknown_key(self, run: str) -> str | None:
        """The lookup key of `run` when it is a long word unknown to the lexicon that the
        splitter leaves whole; else None."""
        segmenter = self.segmenter
        key = segmenter.key(run)
        if len(key) < UNKNOWN_MIN_LETTERS or segmenter.lexicon.key_zipf(key):
            return None
        return None if segmenter.run_splits(run) else key


def _add_totals(survey: Survey, found: Profile, size: int, dirt: float) -> None:
    survey.documents += 1
    survey.bytes += size
    survey.characters += found.characters
    survey.changed += found.changed
    survey.tokens += found.tokens
    survey.arabic_words += found.arabic_words
    survey.letters += found.letters
    survey.arabic_letters += found.arabic_letters
    survey.dirt += dirt
    if found.counts:
        survey.counts.update(found.counts)
        survey.documents_with.update(found.counts.keys())
    survey.dirt_bins[min(int(dirt // DIRT_BIN), len(survey.dirt_bins) - 1)] += 1
    survey.length_bins[bisect.bisect_right(LENGTH_EDGES, found.characters) - 1] += 1


def _rank(characters: int, dirt: float, findings: int) -> tuple[bool, float, int]:
    return characters >= WORST_MIN_CHARS, dirt, findings


def _rank_of(excerpt: Excerpt) -> tuple[bool, float, int]:
    return _rank(excerpt.characters, excerpt.dirt, excerpt.findings)


def _worst_of(excerpts: Iterable[Excerpt]) -> list[Excerpt]:
    return heapq.nlargest(WORST_KEPT, excerpts, key=_rank_of)


def _count_cut(cuts: dict[str, Cut], run: str, pieces: list[str], margin: float, n: int) -> None:
    cut = cuts.get(run)
    if cut is None:
        cuts[run] = Cut(pieces, margin, n)
    else:
        cut.count += n
        cut.margin = min(cut.margin, margin)


def _cap_counter(counter: Counter[str], size: int) -> None:
    """Keep the `size` most common entries of `counter` (ties: the first counted)."""
    if len(counter) > size:
        kept = dict(counter.most_common(size))
        counter.clear()
        counter.update(kept)


def _excerpt(text: str, positions: list[int]) -> str:
    """About :data:`EXCERPT` characters of `text` around the densest of `positions`, cut at
    spaces (the first characters when there is no position)."""
    if len(text) <= EXCERPT:
        return text
    start = _densest(positions, EXCERPT) - EXCERPT // 4 if positions else 0
    start = max(0, min(start, len(text) - EXCERPT))
    end = start + EXCERPT
    if start > 0:
        space = text.find(" ", start, start + 30)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", end - 30, end)
        end = space if space > start else end
    return text[start:end]


def _densest(positions: list[int], width: int) -> int:
    """The position that starts the window of `width` holding the most of `positions`."""
    best, best_count, low = positions[0], 0, 0
    for high, position in enumerate(positions):
        while position - positions[low] > width:
            low += 1
        if high - low + 1 > best_count:
            best, best_count = positions[low], high - low + 1
    return best
