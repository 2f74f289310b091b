"""Clitic morphology: is an unlisted word a listed word with clitics attached?

Arabic writes conjunctions, prepositions, the article and object pronouns as part of the word:
و + ب + فضل is one word, وبفضل, and كتبت + هما is كتبتهما. A word list, however large, misses
most of these combinations, so "not in the list" does not mean "not a word". This module
answers the question the splitter needs: the best reading of a string as
``proclitics + stem + suffix + enclitic`` where the stem is a listed word, and how probable it
is. The tables are arnorm's own small lists in ``wordlists/``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator
from typing import NamedTuple

from arnorm.lexicon.folding import IDENTITY, Spelling
from arnorm.lexicon.words import Lexicon, bundled_words

#: How much rarer (log10) a word is with each clitic than without it, on average over the
#: listed words of wordfreq's large Arabic list (benchmarks/measure_clitic_costs.py measures
#: them). The scales below weigh these measured costs in the splitter's decisions.
PROCLITIC_COSTS = {
    "\N{ARABIC LETTER WAW}": 1.24,
    "\N{ARABIC LETTER FEH}": 2.18,
    "\N{ARABIC LETTER BEH}": 1.47,
    "\N{ARABIC LETTER LAM}": 1.58,
    "\N{ARABIC LETTER KAF}": 2.07,
    "\N{ARABIC LETTER SEEN}": 2.21,
    "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}": 0.51,
}
ENDING_COSTS = {
    # object and possessive pronouns
    "\N{ARABIC LETTER KAF}": 1.93,
    "\N{ARABIC LETTER HEH}": 1.55,
    "\N{ARABIC LETTER YEH}": 1.34,
    "\N{ARABIC LETTER KAF}\N{ARABIC LETTER MEEM}": 2.88,
    "\N{ARABIC LETTER KAF}\N{ARABIC LETTER NOON}": 3.43,
    "\N{ARABIC LETTER NOON}\N{ARABIC LETTER ALEF}": 2.26,
    "\N{ARABIC LETTER NOON}\N{ARABIC LETTER YEH}": 2.65,
    "\N{ARABIC LETTER HEH}\N{ARABIC LETTER ALEF}": 1.85,
    "\N{ARABIC LETTER HEH}\N{ARABIC LETTER MEEM}": 2.24,
    "\N{ARABIC LETTER HEH}\N{ARABIC LETTER NOON}": 3.86,
    "\N{ARABIC LETTER KAF}\N{ARABIC LETTER MEEM}\N{ARABIC LETTER ALEF}": 4.86,
    "\N{ARABIC LETTER HEH}\N{ARABIC LETTER MEEM}\N{ARABIC LETTER ALEF}": 3.38,
    # number and nisba suffixes
    "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER TEH}": 1.80,
    "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER NOON}": 2.29,
    "\N{ARABIC LETTER WAW}\N{ARABIC LETTER NOON}": 2.18,
    "\N{ARABIC LETTER YEH}\N{ARABIC LETTER NOON}": 1.90,
    "\N{ARABIC LETTER TEH}\N{ARABIC LETTER ALEF}\N{ARABIC LETTER NOON}": 3.81,
    "\N{ARABIC LETTER TEH}\N{ARABIC LETTER YEH}\N{ARABIC LETTER NOON}": 3.44,
    "\N{ARABIC LETTER YEH}\N{ARABIC LETTER TEH MARBUTA}": 1.57,
    "\N{ARABIC LETTER YEH}\N{ARABIC LETTER ALEF}\N{ARABIC LETTER TEH}": 2.81,
    "\N{ARABIC LETTER YEH}\N{ARABIC LETTER ALEF}\N{ARABIC LETTER NOON}": 3.78,
    "\N{ARABIC LETTER YEH}\N{ARABIC LETTER WAW}\N{ARABIC LETTER NOON}": 3.44,
    "\N{ARABIC LETTER YEH}\N{ARABIC LETTER YEH}\N{ARABIC LETTER NOON}": 2.89,
    "\N{ARABIC LETTER YEH}\N{ARABIC LETTER TEH}\N{ARABIC LETTER ALEF}\N{ARABIC LETTER NOON}": 4.89,
    "\N{ARABIC LETTER YEH}\N{ARABIC LETTER TEH}\N{ARABIC LETTER YEH}\N{ARABIC LETTER NOON}": 4.53,
    # verb subject endings (نا, ان, ون, ين are measured above: the same strings)
    "\N{ARABIC LETTER ALEF}": 1.34,
    "\N{ARABIC LETTER NOON}": 1.83,
    "\N{ARABIC LETTER TEH}": 1.62,
    "\N{ARABIC LETTER TEH}\N{ARABIC LETTER ALEF}": 3.85,
    "\N{ARABIC LETTER TEH}\N{ARABIC LETTER MEEM}": 3.79,
    "\N{ARABIC LETTER TEH}\N{ARABIC LETTER NOON}": 3.96,
    "\N{ARABIC LETTER TEH}\N{ARABIC LETTER MEEM}\N{ARABIC LETTER ALEF}": 5.71,
    "\N{ARABIC LETTER WAW}\N{ARABIC LETTER ALEF}": 2.40,
}
PROCLITIC_SCALE = 0.0
SUFFIX_SCALE = 1.0
ENCLITIC_SCALE = 1.0
#: A stem must have at least this many letters to carry clitics.
MIN_STEM = 3
#: ... and at least this Zipf frequency: the rarest entries of a web word list are often
#: typos and run-ons themselves (لاتغطي), which must not lend their status to a clitic form.
MIN_STEM_ZIPF = 1.0
#: Letters that begin an imperfect verb, the only words the future prefix س attaches to.
IMPERFECT_PREFIXES = frozenset("\N{ARABIC LETTER YEH}\N{ARABIC LETTER TEH}\N{ARABIC LETTER NOON}")
IMPERFECT_PREFIXES |= {"\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}"}

TEH = "\N{ARABIC LETTER TEH}"
TEH_MARBUTA = "\N{ARABIC LETTER TEH MARBUTA}"
ALEF = "\N{ARABIC LETTER ALEF}"
ALEF_MAKSURA = "\N{ARABIC LETTER ALEF MAKSURA}"
WAW = "\N{ARABIC LETTER WAW}"
YEH = "\N{ARABIC LETTER YEH}"
NOON = "\N{ARABIC LETTER NOON}"
HAMZA = "\N{ARABIC LETTER HAMZA}"
SEEN = "\N{ARABIC LETTER SEEN}"
LAM = "\N{ARABIC LETTER LAM}"
PLURAL_AT = ALEF + TEH  # ات, the one suffix that keeps its shape before a pronoun
ARTICLE = ALEF + LAM
SEATED_HAMZAS = ("\N{ARABIC LETTER YEH WITH HAMZA ABOVE}", "\N{ARABIC LETTER WAW WITH HAMZA ABOVE}")


class Analysis(NamedTuple):
    """One reading of a word: ``proclitic + stem (as listed) + suffix + enclitic``."""

    proclitic: str
    stem: str
    suffix: str
    enclitic: str
    logp: float  # log10 probability of the whole word under this reading

    def __str__(self) -> str:
        return "+".join(
            part for part in (self.proclitic, self.stem, self.suffix, self.enclitic) if part
        )


def stem_forms(stem: str, *, before_teh: bool = False, before_yeh: bool = False) -> tuple[str, ...]:
    """The listed forms a stem may have had before a suffix or pronoun was attached.

    Attaching changes the end of a word: ة is written ت (مدرستها), ى is written ا (مستواها),
    the plural ون and the verb ending وا drop their last letter (معلموها, كتبوه), the oblique
    ين drops its ن (مسلحيها), and a final hamza sits on a seat (أبنائهم). A suffix that begins
    with ت (تان, تين) or ا (ات) replaces a ة (`before_teh`); a nisba ending (ي, ية, يون ...)
    replaces a final ا or ة (أمريكية, `before_yeh`).

    >>> stem_forms("مدرست")
    ('مدرست', 'مدرسة')
    >>> stem_forms("كتبو")
    ('كتبو', 'كتبوا', 'كتبون')
    """
    forms = [stem]
    last = stem[-1]
    if last == TEH:
        forms.append(stem[:-1] + TEH_MARBUTA)
    elif last == ALEF:
        forms.append(stem[:-1] + ALEF_MAKSURA)
    elif last == WAW:
        forms += [stem + ALEF, stem + NOON]
    elif last == YEH:
        forms.append(stem + NOON)
    elif last in SEATED_HAMZAS:
        forms.append(stem[:-1] + HAMZA)
    if before_teh or before_yeh:
        forms.append(stem + TEH_MARBUTA)
    if before_yeh:
        forms.append(stem + ALEF)
    return tuple(forms)


class Clitics:
    """Reads words as clitics around a listed stem, with the lexicon's frequencies.

    >>> lex = Lexicon({"مكتبة": 4.0, "كتبت": 3.5, "معلمون": 3.7})
    >>> clitics = Clitics(lex)
    >>> [str(a) for a in clitics.analyses("ومكتبة")]
    ['و+مكتبة']
    >>> str(clitics.best("كتبتهما")), str(clitics.best("معلموها"))
    ('كتبت+هما', 'معلمون+ها')
    >>> clitics.best("كتاب") is None
    True
    """

    def __init__(
        self,
        lexicon: Lexicon,
        stem_zipf: Callable[[str], float] | None = None,
        spelling: Spelling = IDENTITY,
    ) -> None:
        self._zipf = stem_zipf or lexicon.key_zipf
        self._listed = lexicon.key_zipf  # at least _zipf: a cheap test before it
        self._fold = spelling.fold  # the tables and stem forms are folded like the keys
        self._folds = spelling.folds_letters
        self._proclitic_costs = self._folded_costs(
            {p: PROCLITIC_SCALE * proclitic_cost(p) for p in bundled_words("proclitics")}
        )
        self.proclitics = frozenset(self._proclitic_costs)
        self._chains: dict[str, list[tuple[float, str, str, bool]]] = {}
        for written, chains in ending_chains().items():
            for inflection, pronoun, imperfect in chains:
                cost = SUFFIX_SCALE * ENDING_COSTS[inflection] if inflection else 0.0
                cost += ENCLITIC_SCALE * ENDING_COSTS[pronoun] if pronoun else 0.0
                reading = (cost, self._fold(inflection), self._fold(pronoun), imperfect)
                self._chains.setdefault(self._fold(written), []).append(reading)
        self._imperfect = frozenset(map(self._fold, IMPERFECT_PREFIXES))
        self._proclitic_lengths = sorted({len(a) for a in self.proclitics}, reverse=True)
        self._chain_lengths = sorted({len(chain) for chain in self._chains})

    def best(self, key: str, *, endings: bool = True) -> Analysis | None:
        """The most probable clitic reading of `key`, or None if it has none.

        With ``endings=False`` only proclitics are stripped (no suffix, no pronoun).
        """
        found = max(self._readings(key, endings), default=None)
        return None if found is None else _analysis(found)

    def proclitic_logp(self, key: str) -> float:
        """The log10 probability of the best proclitics + listed stem reading of `key` (-inf if
        none): what :meth:`best` gives with ``endings=False``, fast."""
        best = -math.inf
        for length in self._proclitic_lengths:
            cost = self._proclitic_costs.get(key[:length])
            if cost is None or len(key) - length < MIN_STEM:
                continue
            stem = key[length:]
            if SEEN in key[:length] and stem[0] not in self._imperfect:
                continue
            if self._listed(stem) < MIN_STEM_ZIPF:
                continue
            zipf = self._zipf(stem)
            if zipf >= MIN_STEM_ZIPF and zipf - 9.0 - cost > best:
                best = zipf - 9.0 - cost
        return best

    def analyses(self, key: str) -> Iterator[Analysis]:
        """Every reading of `key` with at least one clitic or suffix around a listed stem."""
        return map(_analysis, self._readings(key, endings=True))

    def _readings(self, key: str, endings: bool) -> list[Reading]:
        """(logp, proclitic, listed stem, suffix, enclitic) for every reading of `key`."""
        proclitics = self.proclitics  # the chains that open `key`, looked up once for all
        starts = [n for n in self._proclitic_lengths if key[:n] in proclitics]
        starts.append(0)
        found = self._around(key, starts, "", "", 0.0)
        if not endings:
            return found
        chains = self._chains
        for length in self._chain_lengths:
            if length >= len(key):
                break
            for cost, inflection, pronoun, imperfect in chains.get(key[-length:], ()):
                found += self._around(key[:-length], starts, inflection, pronoun, cost, imperfect)
        return found

    def _around(
        self,
        core: str,
        starts: list[int],
        suffix: str,
        enclitic: str,
        ending_cost: float,
        imperfect: bool = False,
    ) -> list[Reading]:
        """The readings of `core` as proclitics + stem, with `suffix` and `enclitic` after it
        (in the forms they take there: كتبو+ه is كتبوا+ه), the stem an imperfect verb if
        `imperfect`; `starts` are the lengths of the proclitic chains `core` opens with (and 0).
        """
        found = []
        for length in starts:
            proclitic, stem = core[:length], core[length:]
            if len(stem) < MIN_STEM or not (length or suffix or enclitic):
                continue
            if (imperfect or SEEN in proclitic) and stem[0] not in self._imperfect:
                continue
            zipf, form = self._listed_form(stem, suffix, enclitic)
            if zipf >= MIN_STEM_ZIPF:
                cost = self._proclitic_costs.get(proclitic, 0.0) + ending_cost
                found.append((zipf - 9.0 - cost, proclitic, form, suffix, enclitic))
        return found

    def _listed_form(self, stem: str, suffix: str, enclitic: str) -> tuple[float, str]:
        """The Zipf frequency and form of the best listed form of `stem` (0.0 if none)."""
        if not (suffix or enclitic):
            return self._zipf(stem), stem
        first = suffix[:1]
        forms = stem_forms(stem, before_teh=first in (TEH, ALEF), before_yeh=first == YEH)
        if self._folds:
            forms = tuple(map(self._fold, forms))
        return max((self._zipf(form), form) for form in forms)

    def _folded_costs(self, costs: dict[str, float]) -> dict[str, float]:
        """`costs` by folded clitic: the cheaper cost where two clitics fold alike."""
        folded: dict[str, float] = {}
        for clitic, cost in costs.items():
            key = self._fold(clitic)
            folded[key] = min(cost, folded.get(key, cost))
        return folded


Reading = tuple[float, str, str, str, str]  # logp, proclitic, stem, suffix, enclitic


#: Endings whose last letter drops before a pronoun: a noun's dual and plural ن (كتاباه,
#: معلموها, مسلحيها, مدرستاه), the alef after a verb's و (كتبوه); and the و that تم takes
#: before a pronoun (كتبتموه). Every other ending keeps its shape (ات, the verb's ن: يكتبونه).
NOUN_NUMBER_ENDINGS = (ALEF + NOON, YEH + NOON, WAW + NOON, TEH + ALEF + NOON, TEH + YEH + NOON)
VERB_ALEF_DROPPED = WAW + ALEF
VERB_PLURAL_TM = TEH + "\N{ARABIC LETTER MEEM}"


class Chain(NamedTuple):
    """One reading of the letters after a stem: an inflection, then a pronoun (either may be
    empty), and whether the stem must be an imperfect verb (the verb's ن kept before a
    pronoun: يكتبونه, never كتابونه)."""

    inflection: str
    pronoun: str
    imperfect: bool


@functools.cache
def ending_chains() -> dict[str, tuple[Chain, ...]]:
    """Every ending a listed stem may carry, generated from the lists in ``wordlists/``: an
    inflection (number, nisba or verb subject ending), a pronoun, or an inflection in the form
    it takes before a pronoun and then the pronoun. Maps each written chain to its readings;
    the stem's own change (ة written ت, ى written ا) is :func:`stem_forms`' part.

    >>> chains = ending_chains()
    >>> [c.inflection for c in chains["وه"]], chains["تموها"]  # كتبوه, معلموه; كتبتموها
    (['وا', 'ون'], (Chain(inflection='تم', pronoun='ها', imperfect=False),))
    >>> sorted(chain.inflection for chain in chains["اكما"])  # كتباكما, كتاباكما
    ['ا', 'ان']
    >>> [c for c in chains["ونه"] if c.inflection == "ون"]
    [Chain(inflection='ون', pronoun='ه', imperfect=True)]
    >>> "تمها" in chains, "واه" in chains
    (False, False)
    """
    pronouns = bundled_words("enclitics")
    nouns, verbs = bundled_words("suffixes"), bundled_words("subject_endings")
    found: dict[str, dict[Chain, None]] = {}
    for ending in dict.fromkeys((*nouns, *verbs)):
        found.setdefault(ending, {})[Chain(ending, "", False)] = None
    for pronoun in pronouns:
        found.setdefault(pronoun, {})[Chain("", pronoun, False)] = None
    for ending in dict.fromkeys((*verbs, *nouns)):
        for written, imperfect in forms_before_pronoun(ending, verb=ending in verbs):
            for pronoun in pronouns:
                found.setdefault(written + pronoun, {})[Chain(ending, pronoun, imperfect)] = None
    return {written: tuple(chains) for written, chains in found.items()}


def forms_before_pronoun(ending: str, *, verb: bool) -> tuple[tuple[str, bool], ...]:
    """How `ending` is written when a pronoun follows it (none if it takes no pronoun), each
    with whether only an imperfect verb writes it so.

    >>> forms_before_pronoun("ون", verb=True)
    (('ون', True), ('و', False))
    >>> forms_before_pronoun("تم", verb=True), forms_before_pronoun("وا", verb=True)
    ((('تمو', False),), (('و', False),))
    >>> forms_before_pronoun("ات", verb=False), forms_before_pronoun("ية", verb=False)
    ((('ات', False),), ())
    """
    forms: list[tuple[str, bool]] = []
    if verb:
        if ending == VERB_ALEF_DROPPED:
            return ((ending[:-1], False),)
        if ending == VERB_PLURAL_TM:
            return ((ending + WAW, False),)
        # the verb's ن stays (يكتبونه, يكتبانها), and only an imperfect verb has that ن
        forms.append((ending, ending in NOUN_NUMBER_ENDINGS))
    if ending in NOUN_NUMBER_ENDINGS:
        forms.append((ending[:-1], False))  # the noun's ن drops: كتاباه, معلموها
    elif ending == PLURAL_AT and not verb:
        forms.append((ending, False))
    return tuple(forms)


def _analysis(reading: Reading) -> Analysis:
    logp, proclitic, stem, suffix, enclitic = reading
    return Analysis(proclitic, stem, suffix, enclitic, logp)


def proclitic_cost(chain: str) -> float:
    """The measured cost of a proclitic chain: the sum of its parts (لل is ل + ال).

    >>> proclitic_cost("وبال") == sum(PROCLITIC_COSTS[p] for p in ("و", "ب", "ال"))
    True
    """
    cost = 0.0
    if chain.endswith((ARTICLE, LAM + LAM)):
        cost, chain = (
            PROCLITIC_COSTS[ARTICLE],
            chain[:-1] if chain.endswith(LAM + LAM) else chain[:-2],
        )
    return cost + sum(PROCLITIC_COSTS[letter] for letter in chain)
