"""How dirty a text is: findings per rule, size, Arabic share, and one dirt score.

:func:`profile` runs the rules as :func:`arnorm.fix` does and counts what each rule finds
(as :func:`arnorm.lint` does), without building an edit log unless asked.
It is what ``arnorm report`` aggregates, what ``arnorm clean --annotate`` writes into each
record, and what a corpus filter thresholds (``findings_per_1000_chars`` or ``dirt``).

>>> p = profile("قال\N{NO-BREAK SPACE}الوزير إنالحكومة ستجتمع يوم الأحد لمناقشة الميزانية "
...             "الجديدة، وأضاف أن القرار سيعلن بعد الاجتماع.")
>>> dict(p.counts), p.characters, p.arabic_words, p.arabic_share
({'AR104': 1, 'AR501': 1}, 100, 15, 1.0)
>>> p.findings_per_1000_chars, p.dirt
(20.0, 93.8)

The dirt score
--------------
Each finding is weighted by how much it hurts a reader or a search index (the weight of its
family, :data:`FAMILIES`); the weighted findings per 1,000 characters, ``w``, become a score
from 0 (nothing found) towards 100: ``dirt = 100 * (1 - 2 ** (-w / DIRT_HALF))``. A text
with :data:`DIRT_HALF` weighted findings per 1,000 characters scores 50, twice that 75. The
score does not grow with length, so a long clean article and a short clean line both score
low, and documents of any size can be compared or filtered by one threshold.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

from arnorm.config import Config, resolve
from arnorm.edits import Edit
from arnorm.engine import fix, tally
from arnorm.script.chars import ARABIC_LETTERS, PRESENTATION_LETTERS, char_class
from arnorm.splitter.runs import IGNORABLE


class Family(NamedTuple):
    """A group of rules by what they repair, and the weight of one of its findings."""

    name: str
    title: str
    prefixes: tuple[str, ...]  # rule codes that start with one of these belong to it
    weight: float


#: The families of rules, by the first digits of their codes.
#: The weights are judgement calls, one per family:
FAMILIES: tuple[Family, ...] = (
    # Mojibake and HTML debris: a word or more is unreadable, or markup is read as text.
    Family("scraping", "Mojibake and HTML", ("AR7",), 5.0),
    # Invisible characters, exotic spaces, presentation forms: the text looks right but
    # breaks search, tokenizers and string comparison.
    Family("unicode", "Unicode", ("AR1",), 1.0),
    # Persian letters, tatweel, diacritic repairs, digits, folds: the same word spelled
    # with other code points; as harmful as the Unicode family.
    Family("letters", "Letters", ("AR2", "AR3"), 1.0),
    # Quotes, punctuation, spacing: cosmetic, the words are intact.
    Family("typography", "Typography", ("AR4",), 0.25),
    # Run-on words: two words read as one unknown word, both lost to search.
    Family("splitter", "Run-on words", ("AR5",), 3.0),
    # Spelling errors: a word misspelled is a word lost to search.
    Family("spelling", "Spelling", ("AR6",), 2.0),
)
#: The family of a code no prefix above matches.
OTHER = Family("other", "Other", (), 1.0)
#: The weighted findings per 1,000 characters at which the dirt score is 50.
DIRT_HALF = 10.0


@functools.cache
def family_of(code: str) -> Family:
    """The family of the rule `code`.

    >>> family_of("AR701").name, family_of("AR104").name, family_of("AR423").name
    ('scraping', 'unicode', 'typography')
    """
    return next((f for f in FAMILIES if code.startswith(f.prefixes)), OTHER)


def count_by_family(counts: Iterable[tuple[str, int]]) -> dict[Family, int]:
    """Findings per family of (code, findings) pairs, in :data:`FAMILIES` order with
    :data:`OTHER` last, families with no code left out: the one grouping that a profile and
    the report page both show.

    >>> found = count_by_family([("AR104", 2), ("AR701", 1), ("AR101", 1)])
    >>> [(family.name, n) for family, n in found.items()]
    [('scraping', 1), ('unicode', 3)]
    """
    totals: dict[Family, int] = {}
    for code, n in counts:
        family = family_of(code)
        totals[family] = totals.get(family, 0) + n
    return {family: totals[family] for family in (*FAMILIES, OTHER) if family in totals}


def dirt_score(counts: Mapping[str, int], characters: int) -> float:
    """The dirt score (0 to 100, one decimal) of findings `counts` in `characters` characters.

    >>> dirt_score({}, 100), dirt_score({"AR104": 1}, 100), dirt_score({"AR104": 2}, 100)
    (0.0, 50.0, 75.0)
    """
    if not characters:
        return 0.0
    weighted = sum(family_of(code).weight * n for code, n in counts.items())
    per_1000 = 1000.0 * weighted / characters
    return round(100.0 * (1.0 - float(0.5 ** (per_1000 / DIRT_HALF))), 1)


@dataclass(frozen=True)
class Profile:
    """What :func:`profile` measured in one text."""

    counts: Mapping[str, int]  # findings per rule code
    characters: int
    tokens: int  # whitespace-separated tokens
    arabic_words: int  # runs of Arabic letters (with their marks): words, in Arabic text
    letters: int  # letters of any script, Arabic marks included
    arabic_letters: int  # Arabic letters (presentation forms included) and their marks
    changed: bool  # whether cleaning changes the text
    edits: tuple[Edit, ...] | None = field(default=None, compare=False)  # when asked

    @property
    def findings(self) -> int:
        """All findings, of every rule."""
        return sum(self.counts.values())

    @property
    def findings_per_1000_chars(self) -> float:
        """Findings per 1,000 characters (0 for an empty text)."""
        return per_1000_chars(self.findings, self.characters)

    @property
    def arabic_share(self) -> float:
        """The share of the letters that are Arabic script, 0 to 1 (0 without letters)."""
        return round(self.arabic_letters / self.letters, 3) if self.letters else 0.0

    @property
    def dirt(self) -> float:
        """The dirt score, 0 (clean) towards 100; see the module doc."""
        return dirt_score(self.counts, self.characters)

    @property
    def families(self) -> dict[str, int]:
        """Findings per family name, in :data:`FAMILIES` order, families with none left out."""
        return {family.name: n for family, n in count_by_family(self.counts.items()).items()}

    def as_json(self) -> dict[str, object]:
        """The profile as JSON-ready values (what ``arnorm clean --annotate`` writes).

        >>> profile("ب\N{NO-BREAK SPACE}ج").as_json()["counts"]
        {'AR104': 1}
        """
        return {
            "dirt": self.dirt,
            "findings": self.findings,
            "findings_per_1000_chars": round(self.findings_per_1000_chars, 2),
            "characters": self.characters,
            "tokens": self.tokens,
            "arabic_words": self.arabic_words,
            "arabic_share": self.arabic_share,
            "counts": dict(sorted(self.counts.items())),
        }


def per_1000_chars(findings: int, characters: int) -> float:
    """`findings` per 1,000 of `characters` (0 for an empty text): the density that a
    profile reports and a corpus filter thresholds.

    >>> per_1000_chars(1, 10), per_1000_chars(0, 0)
    (100.0, 0.0)
    """
    return 1000.0 * findings / characters if characters else 0.0


def profile(
    text: str, *, preset: str | Config = "clean", edits: bool = False, **options: object
) -> Profile:
    """Profile `text` under the rules of `preset` and `options` (as :func:`arnorm.clean`).

    With ``edits=True`` the profile also carries the edit log of :func:`arnorm.fix`, which
    costs a second, slower pass.

    >>> profile("نص نظيف").dirt, profile("").findings_per_1000_chars
    (0.0, 0.0)
    >>> [e.code for e in profile("ب\N{ZERO WIDTH SPACE}ج", edits=True).edits or ()]
    ['AR101']
    """
    config = resolve(preset, options)
    _, found = profiled(text, config)
    if edits:
        found = dataclasses.replace(found, edits=fix(text, preset=config).edits)
    return found


def profiled(text: str, config: Config) -> tuple[str, Profile]:
    """`text` cleaned under `config`, and its profile: one pass for both (``arnorm clean
    --annotate``)."""
    cleaned, found, _ = measured(text, config)
    return cleaned, found


def measured(text: str, config: Config) -> tuple[str, Profile, list[str]]:
    """:func:`profiled`, and the Arabic words of `text` it counted (for the report)."""
    cleaned, counts = tally(text, config)
    runs = _arabic_runs().findall(text)
    arabic = sum(map(len, runs))
    other = sum(map(str.isalpha, "".join(_other_runs().findall(text))))
    found = Profile(
        counts=MappingProxyType(counts),
        characters=len(text),
        tokens=len(text.split()),
        arabic_words=len(runs),
        letters=arabic + other,
        arabic_letters=arabic,
        changed=cleaned != text,
    )
    return cleaned, found, runs


def combined(profiles: Iterable[Profile]) -> Profile:
    """One profile of several texts (the fields of one record): counts and sizes added.

    >>> both = combined([profile("a b"), profile("ب\N{NO-BREAK SPACE}ج")])
    >>> dict(both.counts), both.characters, both.arabic_share
    ({'AR104': 1}, 6, 0.5)
    """
    profiles = list(profiles)
    counts: Counter[str] = Counter()
    for one in profiles:
        counts.update(one.counts)
    return Profile(
        counts=MappingProxyType(dict(counts)),
        characters=sum(p.characters for p in profiles),
        tokens=sum(p.tokens for p in profiles),
        arabic_words=sum(p.arabic_words for p in profiles),
        letters=sum(p.letters for p in profiles),
        arabic_letters=sum(p.arabic_letters for p in profiles),
        changed=any(p.changed for p in profiles),
    )


@functools.cache
def _arabic_runs() -> re.Pattern[str]:
    """A word of Arabic letters, with the marks, tatweel and joiners that ride along."""
    return re.compile(char_class(ARABIC_LETTERS | PRESENTATION_LETTERS | IGNORABLE) + "+")


@functools.cache
def _other_runs() -> re.Pattern[str]:
    """What is neither space nor an Arabic word (its letters are counted one by one: on
    Arabic text there are few, and this is faster than a letter class over the whole text)."""
    arabic = char_class(ARABIC_LETTERS | PRESENTATION_LETTERS | IGNORABLE)[1:-1]
    return re.compile(f"[^\\s{arabic}]+")
