"""Spelling corrections: the common orthography errors of Arabic news, found with word frequencies.

Six families of errors, each a rule of its own (AR601-AR606), are decided here in one place:

* a final ى written ي or the reverse (علي for على, فى for في);
* a final ة written ه or the reverse (مدرسه for مدرسة, علية for عليه);
* a hamzat al-qat' left off its alef (اكد for أكد, والادارة for والإدارة);
* a hamza written on hamzat al-wasl (إنتخابات for انتخابات, إتفاق for اتفاق);
* a conjunction or preposition written apart (و الحكومة for والحكومة);
* a word misspelt as a whole (هذة for هذه), from arnorm's own short list.

For a word, the candidates are its letter swaps at the places these errors happen: the last
letter, and the first letter of the stem after each proclitic chain (و ف ب ك ل ال وال بال ...),
so that والادارة finds والإدارة. Each form is scored with wordfreq's frequencies (read through
:func:`~arnorm.lexicon.words.default_lexicon`, the splitter's list) or, when it is not listed,
as a listed stem with clitics (:class:`~arnorm.lexicon.clitics.Clitics`). A form is corrected
when a candidate is at least :data:`FIX_MARGIN` more frequent (log10) and common enough. Where
the written form is itself a common word (علي is also a name, أحتفل is "I celebrate"), the
neighbouring words decide, and when they say nothing the form is only reported.

Nothing is derived from a corpus but wordfreq's list, read at run time; the lists of function
words and titles below are grammar, written for this project.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from arnorm.lexicon.clitics import Analysis, Clitics, proclitic_cost
from arnorm.lexicon.words import Lexicon, default_lexicon, read_word_file
from arnorm.script.chars import (
    ARABIC_MARKS,
    ARABIC_SCRIPT_LETTERS,
    COMBINING_HAMZA_AND_MADDA,
    QURANIC_SIGNS,
    TATWEEL,
    char_class,
)

Family = Literal[
    "alef-maksura", "teh-marbuta", "hamza-missing", "wasl-hamza", "detached", "misspelt-word"
]

ALEF = "\N{ARABIC LETTER ALEF}"
ALEF_HAMZA_ABOVE = "\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}"
ALEF_HAMZA_BELOW = "\N{ARABIC LETTER ALEF WITH HAMZA BELOW}"
ALEF_MADDA = "\N{ARABIC LETTER ALEF WITH MADDA ABOVE}"
YEH = "\N{ARABIC LETTER YEH}"
ALEF_MAKSURA = "\N{ARABIC LETTER ALEF MAKSURA}"
HEH = "\N{ARABIC LETTER HEH}"
TEH_MARBUTA = "\N{ARABIC LETTER TEH MARBUTA}"
WAW = "\N{ARABIC LETTER WAW}"
LAM = "\N{ARABIC LETTER LAM}"
FEH = "\N{ARABIC LETTER FEH}"
ARTICLE = ALEF + LAM
HAMZA_ALEFS = ALEF_HAMZA_ABOVE + ALEF_HAMZA_BELOW + ALEF_MADDA
#: The letter a written final letter may stand for.
FINAL_SWAPS = {YEH: ALEF_MAKSURA, ALEF_MAKSURA: YEH, HEH: TEH_MARBUTA, TEH_MARBUTA: HEH}

# --- tunables (log10 frequencies; a Zipf frequency z is a log10 probability of z - 9) --------
# Set on the even rows of the dev set and checked on the odd rows (docs/spelling.md).

#: A listed word is read as two errors at once only with this margin.
TWO_CHANGE_MARGIN = 1.5
#: A candidate must be at least this much more frequent than the form written.
FIX_MARGIN = 0.8
#: ... and at least this frequent (Zipf): rarer "words" are often typos themselves; a rarer
#: candidate will do when it is RARE_MARGIN more frequent than the form written.
MIN_TARGET_ZIPF = 3.0
MIN_RARE_TARGET_ZIPF = 1.0
RARE_MARGIN = 1.0
#: A hamza left off is a habit of some writers (wordfreq's web text lists اكد a tenth as often
#: as أكد): a smaller margin will do where the sentence writes at least as many hamzas as it
#: leaves off, this word included (so one other word must write one).
STYLE_MARGIN = 0.3
#: علي, إلي, لدي, listed themselves, are read as على, إلى, لدى only where the next word says so,
#: unless the ى spelling is this much more frequent; and a next word this frequent (read with
#: its clitics: صيغته, امتلاكها) is a noun after a preposition rather than a second name.
PREPOSITION_MARGIN = 1.5
NOUN_AFTER_ZIPF = 2.5
#: ... but only in words of this many letters or more.
STYLE_LENGTH = 3
#: A second candidate this close to the best (log10) makes the choice a guess (احداث: أحداث or
#: إحداث): only reported.
RIVAL_GAP = 0.7
#: A written form listed at least this frequent is a word of its own: it is changed only when
#: a candidate is SURE_MARGIN more frequent or the context says so (0.9 on the even rows: at
#: 0.8 the verbs تبقي, يبقي "keeps" of the clean sentences become تبقى, يبقى).
COMMON_ZIPF = 4.0
SURE_MARGIN = 0.9
#: A definite noun takes no pronoun, so the final ه of المدرسه is a ة written ه unless the
#: stem ends in ه (الكره "hatred", الوجه): a smaller margin will do.
DEFINITE_MARGIN = 0.3
#: An unlisted form read as clitics around a listed stem counts this much less than the stem
#: with the measured cost of its proclitics (the clitic reading is an estimate).
CLITIC_PENALTY = 0.5
#: The shortest stem (from its alef) that may begin with hamzat al-wasl: افتعل, انفعل.
WASL_STEM = 5
#: A first-person imperfect (أفتعل) listed at least this frequent may be what was meant.
FIRST_PERSON_ZIPF = 2.5

# --- words that decide an ambiguous neighbour (grammar, not data) ----------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Before a name: a title, a kinship word or a verb of saying (قال علي, الشيخ علي, بن علي).
_NAME_BEFORE = _words(
    "قال وقال فقال يقول وأضاف أضاف أكد وأكد ذكر وذكر أوضح وأوضح صرح وصرح بن ابن أبو أبي أبا "
    "وأبو أم الشيخ الإمام السيد الرئيس الدكتور اللواء العميد العقيد الفريق المهندس الأستاذ "
    "الأمير الملك النائب الوزير المستشار الحاج الفنان اللاعب الكاتب الشاعر المدرب والشيخ "
    "والسيد والدكتور والرئيس والأمير والملك والإمام د سيدنا مولانا محمد أحمد حسن حسين"
)
#: After a name: the words a name is followed by, not a noun after على (علي بن, علي عبدالله).
_NAME_AFTER = _words("بن ابن عبد عبدالله محمد أحمد حسن حسين صالح")
#: Prepositions and particles written with a final ى whose ي spelling is also a word or a name
#: (علي, إلي "to me", لدي "I have"): the next word decides.
_PREPOSITIONS = _words("على إلى لدى حتى سوى")
#: Verbs of obligation: يجب علي أن is "I must" (عليّ, on me), not a misspelt على.
_OBLIGATION = _words("يجب ويجب فيجب يتعين ويتعين ينبغي وينبغي يتوجب كان وكان فكان")
_ANNA = _words("أن ان")
#: Prepositions and particles that take no article and no ب ك ل (hamza written or not): a
#: clitic reading that puts one before them is no word (لإذا, العلى).
_BARE_WORDS = _words("على الى لدى حتى سوى في عن منذ عند اذا اذ لن لم هل سوف لكن")
#: Particles that take a pronoun (أنه, بأنها) but no other ending.
_PARTICLES = _words("أن إن بأن لأن كأن لكن")
_BARE_ALEF = str.maketrans(dict.fromkeys(map(ord, HAMZA_ALEFS), ALEF))
#: What opens a quote or a bracket: after one, علي is the preposition before a quoted name.
_OPENERS = frozenset("\"«“'([")
#: Verbs of saying: إنّ follows them (قال إنه), أنّ follows the other verbs (أكد أنه).
_SAYING = _words(
    "قال وقال فقال قالت وقالت فقالت يقول ويقول تقول وتقول يقولون قالوا وقالوا أقول نقول "
    "قائلا وقائلا قائلة أضاف وأضاف أضافت وأضافت تابع وتابع تابعت وتابعت "
    "قيل ويقال يقال حيث"
)
SAYING_REACH = 8
#: Words after which a verb is imperfect: a first-person أفعل there is what the writer meant.
_IMPERFECT_BEFORE = _words(
    "لن لم لا أن ان كي لكي سوف لما حتى ألا أنا وأنا إنني أنني لأنني فأنا وإنني"
)
#: Words that put a sentence in the past: a أفتعل there is the past verb افتعل.
_PAST_WORDS = _words("الماضي الماضية أمس الفائت الفائتة السابق السابقة سابقا وقتها حينها آنذاك")
#: Words after which a أفتعل is the past افتعل of a third person: a relative pronoun, the
#: particle of the past and a pronoun subject (الذي اعتبر, لقد اشتهر, أنه ارتكب; قد also
#: comes before an imperfect, قد أحتفل "I may celebrate"). A definite
#: noun before it is its subject too (الاقتصاد استقر).
_THIRD_PERSON_BEFORE = _words(
    "الذي التي الذين اللذين اللتين اللواتي اللاتي والذي والتي والذين لقد أنه بأنه "
    "وأنه إنه أنها بأنها إنها عندما بعدما حينما كلما فيما ثم"
)
#: Definite nouns of time: after a verb they are adverbs, not its subject (أحتفل اليوم).
_TIME_NOUNS = _words(
    "اليوم الليلة الآن الأسبوع الاسبوع الشهر العام السنة الصباح المساء الظهر العصر الغد "
    "الأمس الامس الأحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت"
)
#: Words of the first person: a sentence with one may hold a first-person verb.
_FIRST_PERSON = _words("أنا وأنا فأنا إنني أنني لأنني إني أني لي عندي نحن ونحن")

#: Words misspelt as a whole, and their spelling: the errors that no letter swap of the other
#: families explains, or that a swap explains only with a frequency that wordfreq's web text
#: blurs (هذة is listed at Zipf 4.7). Written for this project; with proclitics they are found too.
MISSPELT_WORDS: dict[str, str] = dict(
    pair.split("=")
    for pair in _words(
        "هذة=هذه هاذا=هذا هاذه=هذه هاذي=هذي ذالك=ذلك ذالكم=ذلكم هاكذا=هكذا هاكذى=هكذا "
        "لاكن=لكن لاكنه=لكنه لاكنها=لكنها اللذي=الذي اللتي=التي شيئ=شيء الشيئ=الشيء "
        "هاؤلاء=هؤلاء اولائك=أولئك أولائك=أولئك"
    )
)


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction: the span of the text it replaces, with what, and why.

    `confident` corrections are the fixes; the others are reported with their suggestion only
    (the written form may be right: a name, a first-person verb).
    """

    start: int
    end: int
    replacement: str
    family: Family
    confident: bool
    note: str


@dataclass(frozen=True, slots=True)
class _Verdict:
    """What to do with a word (its lookup key), whatever its neighbours say."""

    target: str  # the key it should become
    kind: Literal["fix", "preposition", "first-person", "common", "style", "inna"]
    note: str


_LETTERS = "\u0621-\u063a\u0641-\u064a"
#: What a word carries besides its letters, and its lookup key drops: the marks of the basic
#: Arabic block (not those of the extended blocks), the Quranic signs and tatweel.
_WORD_MARKS = frozenset(ch for ch in ARABIC_MARKS if ch <= "\u06ff") | QURANIC_SIGNS | {TATWEEL}
_MARKS = char_class(_WORD_MARKS)[1:-1]
#: A letter of the Arabic script (presentation forms and tatweel included), but not a mark: a
#: stray mark before a word does not make it part of another word.
_ARABIC_SCRIPT = char_class(ARABIC_SCRIPT_LETTERS)[1:-1]
#: A word: Arabic letters with harakat and tatweel, not touching another Arabic-script letter.
_WORD = re.compile(
    f"(?<![{_ARABIC_SCRIPT}])[{_LETTERS}][{_LETTERS}{_MARKS}]*(?![{_ARABIC_SCRIPT}])"
)
#: A one-letter conjunction or preposition standing alone before a word: و الحكومة.
_DETACHED = re.compile(
    f"(?<![{_ARABIC_SCRIPT}{_MARKS}\\w])([\u0648\u0641\u0628\u0643\u0644])([ \t]+)"
    f"(?=[{_LETTERS}]{{2}}[{_LETTERS}{_MARKS}]*(?![{_ARABIC_SCRIPT}]))"
)
_DROP_MARKS = str.maketrans(dict.fromkeys(_WORD_MARKS))
#: How far the context of a word reaches for its sentence, in characters.
SENTENCE_REACH = 400
#: A run of letters and marks: the fast path's view of a word (a superset of the words).
_RUN = re.compile(f"[{_LETTERS}{_MARKS}]+")
#: What ends a sentence (a quote mark or a colon opens one within it).
SENTENCE_ENDS = ".!?؟\n"
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_ENDS)}]")


def word_key(word: str) -> str:
    """`word` without harakat and tatweel: the form it is looked up by.

    >>> word_key("أيضاً") == "أيضا"
    True
    """
    return word.translate(_DROP_MARKS)


class Speller:
    """Finds and corrects the spelling errors of the six families in a text.

    >>> from arnorm.lexicon.words import Lexicon
    >>> lex = Lexicon({"على": 7.2, "علي": 6.1, "في": 7.5, "فى": 6.1, "أكد": 4.7, "اكد": 3.5,
    ...                "الأرض": 5.0, "ذكرى": 4.7, "ذكري": 3.6, "إدارة": 5.0})
    >>> speller = Speller(lex)
    >>> speller.correct("اكد فى ذكري والادارة على الأرض")
    'أكد في ذكرى والإدارة على الأرض'
    >>> speller.correct("قال علي إن")  # the name after a verb of saying
    'قال علي إن'
    """

    def __init__(self, lexicon: Lexicon, never_change: Iterable[str] = ()) -> None:
        self.lexicon = lexicon
        self.clitics = Clitics(lexicon)
        self._never = frozenset(map(word_key, never_change))
        self._misspelt = MISSPELT_WORDS
        self._verdicts: dict[str, _Verdict | None] = {}
        self._scores: dict[str, float] = {}
        #: Keys known to need nothing whatever their neighbours: the fast path skips them.
        self._fine: set[str] = set()
        self._habits: dict[str, int] = {}
        #: Whitespace tokens (punctuation and all) made only of such words.
        self._fine_tokens: set[str] = set()
        #: The corrections of the last text read: the six families' rules ask about the
        #: same text one after another, and the reading is the costly part.
        self._last_read: tuple[str, list[Correction]] = ("", [])

    # --- the public paths ---------------------------------------------------------------

    def corrections_of(self, text: str, family: Family) -> list[Correction]:
        """The corrections of one family in `text` (what one rule reports)."""
        return [c for c in self._read(text) if c.family == family]

    def _read(self, text: str) -> list[Correction]:
        """Every correction in `text`, read once for the six rules that ask in turn (a whole
        article is scanned once, not once per family): none if each token is fine."""
        last, found = self._last_read
        if last is text or last == text:
            return found
        if "\n" not in text:
            found = self._read_line(text)
        else:  # no context crosses a line (as in correct): a line of fine words costs a set test
            found, start = [], 0
            for line in text.split("\n"):
                if line:
                    found += [_shifted(c, start) for c in self._read_line(line)]
                start += len(line) + 1
        self._last_read = (text, found)
        return found

    def _read_line(self, text: str) -> list[Correction]:
        tokens = text.split()
        if self._fine_tokens.issuperset(tokens) or self._tokens_fine(tokens):
            return []
        found = list(self._detached(text)) if _DETACHED.search(text) else []
        if not self._all_fine(text):
            found += self._word_corrections(text)
        return found

    def correct(self, text: str) -> str:
        """`text` with the confident corrections applied (detached proclitics joined first,
        then the words read as joined).

        >>> from arnorm.lexicon.words import Lexicon
        >>> Speller(Lexicon({"والإدارة": 3.5, "والادارة": 2.0})).correct("و الادارة")
        'والإدارة'
        """
        tokens = text.split()
        if self._fine_tokens.issuperset(tokens) or self._tokens_fine(tokens):
            return text  # most lines: one split and one set test, both in C
        if "\n" in text:  # no context crosses a line: each line on its own, most on the fast path
            return "\n".join(map(self.correct, text.split("\n")))
        if _DETACHED.search(text):
            text = apply(text, [c for c in self._detached(text) if c.confident])
        if self._all_fine(text):
            return text
        return apply(text, [c for c in self._word_corrections(text) if c.confident])

    def _tokens_fine(self, tokens: list[str]) -> bool:
        """Whether each whitespace token is made of words that need nothing, whatever their
        neighbours, and is not a lone proclitic; the tokens that are, are remembered."""
        fine = self._fine_tokens
        if len(fine) > 400_000:
            fine.clear()
        for token in tokens:
            if token in fine:
                continue
            if _lone_proclitic(token) or not self._all_fine(token):
                return False
            fine.add(token)
        return True

    def _all_fine(self, text: str) -> bool:
        """Whether every word of `text` is known to need nothing, whatever its neighbours:
        one scan for runs of letters and one set difference, in C, for most lines."""
        pending = set(_RUN.findall(text)).difference(self._fine)
        if not pending:
            return True
        for word in pending:
            if self._verdict(word_key(word)) is not None or not _WORD.fullmatch(word):
                return False
            self._fine.add(word)  # as written, harakat and all
        return True

    # --- words --------------------------------------------------------------------------

    def _word_corrections(self, text: str) -> Iterator[Correction]:
        matches = list(_WORD.finditer(text))
        fine = self._fine
        for i, match in enumerate(matches):
            word = match.group()
            if word in fine:
                continue
            key = word_key(word)
            if key in fine:
                continue
            verdict = self._verdict(key)
            if verdict is None:
                continue
            if COMBINING_HAMZA_AND_MADDA.intersection(word):
                continue  # a letter and a combining hamza: AR106 composes them first
            confident, note, target = self._in_context(verdict, key, text, matches, i)
            yield from _letter_changes(match, key, target, confident, note)

    def _verdict(self, key: str) -> _Verdict | None:
        if key in self._verdicts:
            return self._verdicts[key]
        verdict = self._judge(key)
        if len(self._verdicts) > 200_000:
            self._verdicts.clear()
            self._fine.clear()
        self._verdicts[key] = verdict
        if verdict is None:
            self._fine.add(key)
        return verdict

    def _judge(self, key: str) -> _Verdict | None:
        """The verdict on a word alone: its best candidate and how sure the frequencies are."""
        if len(key) < 2 or key in self._never:
            return None
        misspelt = self._misspelt_form(key)
        if misspelt is not None:
            return _Verdict(misspelt, "fix", f"{key} is a common misspelling of {misspelt}")
        candidates = self.candidates(key)
        if not candidates:
            return None  # two words in five: no letter where these errors happen
        written = self.score(key)
        scored = sorted(((self.score(c), c) for c in candidates), reverse=True)
        best_score, best = scored[0]
        margin = best_score - written
        hamza = _only_hamza_added(key, best)
        first_person = _is_first_person(key, best)
        preposition = key[-1] == YEH and _stem(best) in _PREPOSITIONS
        wasl = _wasl_below(key, best)
        definite = key[-1] == HEH and best[-1] == TEH_MARBUTA and self._definite(key)
        if margin < (
            DEFINITE_MARGIN
            if definite
            else STYLE_MARGIN
            if hamza or first_person or preposition or wasl
            else FIX_MARGIN
        ):
            return None
        changes = sum(a != b for a, b in zip(key, best, strict=True))
        listed = self.lexicon.key_zipf(key)
        if changes > 1 and listed and margin < TWO_CHANGE_MARGIN:
            return None  # والي is a word (a governor), not only وإلى misspelt twice
        if _wasl_too_short(key, best) or _not_wasl(key, best):
            return None
        if best_score < MIN_TARGET_ZIPF and not (
            best_score >= MIN_RARE_TARGET_ZIPF
            and (margin >= RARE_MARGIN or wasl or hamza or definite)
        ):
            return None
        note = (
            f"{best} ({best_score:.2f}) is {margin:.1f} more frequent than {key}"
            f" ({written:.2f}, Zipf)"
        )
        rival = next((c for z, c in scored[1:] if z >= best_score - RIVAL_GAP), None)
        if rival is not None and _only_hamza_added(key, rival) and hamza:
            if len(key) >= 3 and _inna_anna(best, rival):
                return _Verdict(best, "inna", f"{note}, and {rival} is close")
            return _Verdict(best, "common", f"{note}, but so is {rival}")
        if first_person and listed >= FIRST_PERSON_ZIPF:
            return _Verdict(best, "first-person", note)
        if preposition and listed >= COMMON_ZIPF and margin < PREPOSITION_MARGIN:
            return _Verdict(best, "preposition", note)
        if hamza and margin < FIX_MARGIN:
            if len(key) < STYLE_LENGTH:
                return None  # ان, ام, اي: أن or إن, أم or إم (M), a guess either way
            return _Verdict(best, "style", note)
        if listed >= COMMON_ZIPF and margin < SURE_MARGIN and not hamza:
            return _Verdict(best, "common", note)
        return _Verdict(best, "fix", note)

    def candidates(self, key: str) -> set[str]:
        """The letter swaps of `key` where the families' errors happen: its last letter, and
        the first letter of the stem after each proclitic chain.

        >>> speller = Speller(Lexicon({}))
        >>> sorted(speller.candidates("اكد")), sorted(speller.candidates("فى"))
        (['آكد', 'أكد', 'إكد'], ['في'])
        >>> "والإدارة" in speller.candidates("والاداره")
        True
        """
        ends = [key]
        if key[-1] in FINAL_SWAPS:
            ends.append(key[:-1] + FINAL_SWAPS[key[-1]])
        found = set(ends[1:])
        for start in self._stem_starts(key):
            first = key[start]
            if first == ALEF:
                swaps = HAMZA_ALEFS
            elif first in (ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW):
                swaps = ALEF
            else:
                continue
            for form, letter in itertools.product(ends, swaps):
                found.add(form[:start] + letter + form[start + 1 :])
        found.discard(key)
        return found

    def _definite(self, key: str) -> bool:
        """Whether `key` opens with the article (after و ف ب ك ل): a definite noun takes no
        pronoun, so its final ه is no "his" (المدرسه is المدرسة, but كتابه is his book)."""
        return any(
            key[:start].endswith(ARTICLE) or key[:start].endswith(LAM + LAM)
            for start in self._stem_starts(key)
        )

    def _stem_starts(self, key: str) -> Iterator[int]:
        yield 0
        for length in range(1, min(len(key) - 2, 4) + 1):
            if key[:length] in self.clitics.proclitics:
                yield length

    def score(self, key: str) -> float:
        """The Zipf frequency of a word, listed or read as clitics around a listed stem."""
        found = self._scores.get(key)
        if found is None:
            found = self.lexicon.key_zipf(key)
            reading = self.clitics.best(key)
            if reading is not None and not _ungrammatical(reading):
                estimate = reading.logp + 9.0 - proclitic_cost(reading.proclitic) - CLITIC_PENALTY
                found = max(found, estimate)
            if len(self._scores) > 400_000:
                self._scores.clear()
            self._scores[key] = found
        return found

    def _misspelt_form(self, key: str) -> str | None:
        """The right spelling of a listed misspelling, with any proclitics it carries."""
        for start in self._stem_starts(key):
            right = self._misspelt.get(key[start:])
            if right is not None:
                return key[:start] + right
        return None

    # --- context ------------------------------------------------------------------------

    def _in_context(
        self, verdict: _Verdict, key: str, text: str, words: list[re.Match[str]], i: int
    ) -> tuple[bool, str, str]:
        """Whether the neighbours confirm the verdict, the evidence for the message, and the
        form they choose."""
        if _bracketed(text, words[i]):
            why = f"{key} alone in brackets may be an acronym: {verdict.note}"
            return False, why, verdict.target
        if verdict.kind == "fix":
            return True, verdict.note, verdict.target
        before = self._settled(_neighbour(text, words, i, -1))
        after = self._settled(_neighbour(text, words, i, 1))
        if verdict.kind == "preposition":
            if before in _NAME_BEFORE or after in _NAME_AFTER:
                return (
                    False,
                    f"{key} may be a name ({before or ''} {key} {after or ''})",
                    verdict.target,
                )
            if before in _OBLIGATION and after in _ANNA:
                return False, f"{key} may be 'on me' ({before} {key} {after})", verdict.target
            if after is None:
                ahead = text[words[i].end() : words[i].end() + 3].lstrip()
                if ahead[:1] in _OPENERS or ahead[:1].isdigit():
                    return True, f"{verdict.note}; a quote or number follows", verdict.target
                return (
                    False,
                    f"{key} may be a name (at the end of a phrase): {verdict.note}",
                    verdict.target,
                )
            if after.startswith(ARTICLE) or self.score(after) >= NOUN_AFTER_ZIPF:
                return True, f"{verdict.note}; followed by {after}", verdict.target
            return False, f"{key} may be a name before {after}: {verdict.note}", verdict.target
        if verdict.kind == "first-person":
            sentence = self._settled_words(_sentence(text, words[i].start(), words[i].end()))
            if before in _IMPERFECT_BEFORE or _FIRST_PERSON & sentence:
                return (
                    False,
                    f"{key} may be first person ({before or ''} {key}): {verdict.note}",
                    verdict.target,
                )
            if _past_suffix(key) and self.lexicon.key_zipf(verdict.target[:-1]) >= COMMON_ZIPF - 1:
                return True, f"{verdict.target}: a past verb with its ending", verdict.target
            if _opens_sentence(text, words, i) and _subject_noun(after):
                # news tells in the past: a sentence that opens with أفتعل and a definite noun
                # opens with the past verb and its subject (اعترف الجيش); أحتفل بالعيد, أعترف
                # بأنني, أحتفل اليوم may be the first person and stay
                return (
                    True,
                    f"{verdict.target}: a past verb and its subject open the sentence",
                    verdict.target,
                )
            if before is not None and (
                before in _THIRD_PERSON_BEFORE or (before.startswith(ARTICLE) and len(before) > 3)
            ):
                return True, f"{verdict.target}: a past verb after {before}", verdict.target
            past = _PAST_WORDS & sentence
            if past:
                return (
                    True,
                    f"{verdict.target}: a past verb ({', '.join(sorted(past))})",
                    verdict.target,
                )
            return (
                False,
                f"{key} is first person or {verdict.target}: {verdict.note}",
                verdict.target,
            )
        if verdict.kind == "inna":
            said = self._after_saying(text, words, i)
            target = _with_hamza(verdict.target, ALEF_HAMZA_BELOW if said else ALEF_HAMZA_ABOVE)
            why = "after a verb of saying or at the start" if said else "after a word that is not"
            sentence = self._settled_words(_sentence(text, words[i].start(), words[i].end()))
            written, dropped = self._hamza_habit(sentence)
            return written >= dropped, f"{target}: {why} ({verdict.note})", target
        if verdict.kind == "style":
            sentence = self._settled_words(_sentence(text, words[i].start(), words[i].end()))
            written, dropped = self._hamza_habit(sentence)
            if written >= dropped:
                return (
                    True,
                    f"{verdict.note}; the text writes hamza ({written} against {dropped})",
                    verdict.target,
                )
            return False, f"{verdict.note}; the text often leaves hamza off", verdict.target
        # a common word: only a clear neighbour tips it
        return False, f"{key} is a word, but {verdict.note}", verdict.target

    def _after_saying(self, text: str, words: list[re.Match[str]], i: int) -> bool:
        """Whether ``words[i]`` opens its sentence or a quote, or follows a verb of saying
        within :data:`SAYING_REACH` words: where إنّ is written, not أنّ."""
        if i == 0 or _opens(text[words[i - 1].end() : words[i].start()]):
            return True
        for j in range(i - 1, max(-1, i - 1 - SAYING_REACH), -1):
            if word_key(words[j].group()) in _SAYING:
                return True
            if j and _opens(text[words[j - 1].end() : words[j].start()]):
                return False  # the sentence or quote begins before a verb of saying was seen
        return False

    def _settled(self, key: str | None) -> str | None:
        """A neighbour as its own confident correction will leave it: the context of a word
        must read the same before and after its neighbours are corrected (idempotence)."""
        if key is None:
            return None
        verdict = self._verdict(key)
        return verdict.target if verdict is not None and verdict.kind == "fix" else key

    def _settled_words(self, keys: frozenset[str]) -> frozenset[str]:
        return frozenset(self._settled(key) or key for key in keys)

    def _hamza_habit(self, words: frozenset[str]) -> tuple[int, int]:
        """How many of `words` write a hamza on the alef that starts their stem, and how many
        leave it off where a hamza spelling is the more frequent."""
        habits = [self._habit(key) for key in words]
        return habits.count(1), habits.count(-1)

    def _habit(self, key: str) -> int:
        """1 if `key` writes a hamza on the alef of its stem, -1 if it leaves one off, else 0."""
        found = self._habits.get(key)
        if found is None:
            found = 0
            if any(key[s : s + 1] in HAMZA_ALEFS for s in self._stem_starts(key)):
                found = 1
            else:
                verdict = self._verdict(key)
                if verdict is not None and _only_hamza_added(key, verdict.target):
                    found = -1
            if len(self._habits) > 200_000:
                self._habits.clear()
            self._habits[key] = found
        return found

    # --- detached proclitics ---------------------------------------------------------------

    def _detached(self, text: str) -> Iterator[Correction]:
        for match in _DETACHED.finditer(text):
            letter = match.group(1)
            after = _WORD.match(text, match.end())
            if after is None:
                continue
            word = word_key(after.group())
            joined = _joined(letter, word)
            article = word.startswith(ARTICLE)
            if letter != WAW and not article:
                continue  # ب ف ك ل apart before any other word: a letter in a list, or a symbol
            if self.score(joined) < MIN_TARGET_ZIPF - 1.0 and self.score(word) < MIN_TARGET_ZIPF:
                continue
            end = match.end() + (1 if joined[1] != word[0] else 0)
            note = f"{letter} written apart from {word}: {joined}"
            # و apart before a word without the article is a house style of some papers (و قال):
            # reported, not joined
            yield Correction(match.end(1), end, "", "detached", article, note)


def _ungrammatical(reading: Analysis) -> bool:
    """Whether a clitic reading puts the article or ب ك ل before a preposition or a particle
    that never takes them (العلى, لإذا are not على, إذا with clitics; و and ف go anywhere),
    or a plural or nisba ending after one (بأنون is a name, not بأن + ون).

    >>> from arnorm.lexicon.clitics import Analysis
    >>> _ungrammatical(Analysis("ال", "على", "", "", -3.0))
    True
    >>> _ungrammatical(Analysis("", "بأن", "ون", "", -3.0))
    True
    >>> _ungrammatical(Analysis("و", "على", "", "", -3.0))
    False
    """
    bare = reading.stem.translate(_BARE_ALEF)
    if reading.suffix and (bare in _BARE_WORDS or reading.stem in _PARTICLES):
        return True
    return bool(reading.proclitic.strip(WAW + FEH)) and bare in _BARE_WORDS


def _shifted(correction: Correction, by: int) -> Correction:
    """`correction` moved `by` characters on: from a line to the text it is part of."""
    if not by:
        return correction
    return dataclasses.replace(correction, start=correction.start + by, end=correction.end + by)


def _lone_proclitic(token: str) -> bool:
    """Whether a whitespace token ends in a proclitic letter standing alone (و, "و)."""
    if token[-1:] not in _PROCLITIC_LETTERS:
        return False
    before = token[-2:-1]
    return not before or not (
        before.isalnum() or before in _WORD_MARKS or "\u0600" <= before <= "\u06ff"
    )


_PROCLITIC_LETTERS = frozenset("\u0648\u0641\u0628\u0643\u0644")


def _joined(letter: str, word: str) -> str:
    """The proclitic and the word written as one (ل + الحكومة is للحكومة)."""
    if letter == LAM and word.startswith(ARTICLE):
        return LAM + word[1:]
    return letter + word


def _neighbour(text: str, words: list[re.Match[str]], i: int, step: int) -> str | None:
    """The key of the word next to ``words[i]`` in direction `step`, if only spaces part them."""
    j = i + step
    if not 0 <= j < len(words):
        return None
    lo, hi = (words[j].end(), words[i].start()) if step < 0 else (words[i].end(), words[j].start())
    if text[lo:hi].strip() or "\n" in text[lo:hi]:
        return None
    return word_key(words[j].group())


def _sentence(text: str, start: int, end: int) -> frozenset[str]:
    """The keys of the words of the sentence around ``text[start:end]`` (at most
    :data:`SENTENCE_REACH` characters either way)."""
    lo = max(0, start - SENTENCE_REACH)
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, lo, start)), default=lo)
    stop = _SENTENCE_END.search(text, end, end + SENTENCE_REACH)
    hi = stop.start() if stop else min(len(text), end + SENTENCE_REACH)
    return frozenset(map(word_key, _WORD.findall(text, lo, hi)))


def _subject_noun(key: str | None) -> bool:
    """Whether `key`, after a verb, reads as its subject: a definite noun that is no adverb of
    time (اعترف الجيش, not أحتفل اليوم)."""
    return key is not None and key.startswith(ARTICLE) and len(key) > 3 and key not in _TIME_NOUNS


def _opens_sentence(text: str, words: list[re.Match[str]], i: int) -> bool:
    """Whether ``words[i]`` opens the text or a sentence (after . ! ? ؟ or a line break, not
    a quote mark)."""
    gap = text[words[i - 1].end() if i else 0 : words[i].start()]
    if i == 0:
        return not gap.strip()
    gap = gap.strip(" \t")
    return bool(gap) and gap[-1] in SENTENCE_ENDS


def _bracketed(text: str, word: re.Match[str]) -> bool:
    """Whether `word` stands alone in brackets: after a name, its acronym or its foreign
    spelling (وكالة الأنباء (وام), المحكمة (كاس)), written as the agency writes it.

    >>> _bracketed("الوكالة (وام) قالت", _WORD.search("الوكالة (وام) قالت", 8))
    True
    """
    before, after = text[word.start() - 1 : word.start()], text[word.end() : word.end() + 1]
    return bool(before and after) and before in "([" and after in ")]"


def _first_change(key: str, target: str) -> int:
    """Where the first letter of `key` that `target` changes is (-1 if none: the same word).

    >>> _first_change("اكد", "أكد"), _first_change("في", "في")
    (0, -1)
    """
    return next((i for i, (a, b) in enumerate(zip(key, target, strict=True)) if a != b), -1)


def _opens(gap: str) -> bool:
    """Whether the text between two words ends a sentence or opens a quote."""
    gap = gap.strip()
    return bool(gap) and gap[-1] in SENTENCE_ENDS + ':"«“'


def _inna_anna(best: str, rival: str) -> bool:
    """Whether `best` and `rival` are أنّ and إنّ (with a pronoun or a proclitic)."""
    i = _first_change(best, rival)
    return (
        i >= 0
        and {best[i], rival[i]} == {ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW}
        and best[i + 1 : i + 2] == "\u0646"
    )


def _with_hamza(key: str, hamza: str) -> str:
    """`key` with its first أ or إ written as `hamza`."""
    for i, ch in enumerate(key):
        if ch in (ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW):
            return key[:i] + hamza + key[i + 1 :]
    return key


def _stem(key: str) -> str:
    """`key` without a leading و or ف."""
    return key[1:] if key[:1] in (WAW, FEH) and len(key) > 3 else key


def _wasl_below(key: str, target: str) -> bool:
    """Whether `target` takes the hamza off an إ that begins a stem of form VII, VIII or X
    (إنفعال, إفتعال, إستفعال): grammar never writes one there, and no first-person verb
    begins with إ, so a smaller margin will do."""
    i = _first_change(key, target)
    return (
        i >= 0
        and key[i] == ALEF_HAMZA_BELOW
        and target[i] == ALEF
        and _WASL_SHAPE.match(key, i) is not None
    )


#: The ت of form VIII after the first radical, as it is written: ط after ص ض ط ظ (اضطرب), د
#: after ز د ذ (ازدهر), ت after the others. إقدام (form IV, a real hamza) is not اقتدام.
_FORM_VIII_INFIX = (
    "(?:[^\u0635\u0636\u0637\u0638\u0632\u062f\u0630]\u062a"
    "|[\u0635\u0636\u0637\u0638][\u062a\u0637]|[\u0632\u062f\u0630][\u062a\u062f])"
)
#: A stem of form VII, VIII or X, verb (انفعل, افتعل, استفعل) or verbal noun (انفعال, افتعال,
#: استفعال), with the endings a noun or a past verb takes. The shape, not the letters alone:
#: إستراتيجية begins like form X but is a loanword, written either way.
_WASL_SHAPE = re.compile(
    "[\u0625\u0627](?:\u0633\u062a\\w\\w\u0627?\\w|" + _FORM_VIII_INFIX + "\\w\u0627?\\w"
    "|\u0646\\w\\w\u0627?\\w|\u062a\\w\u0627?\\w)"
    "(?:\u0629|\u0627\u062a|\u064a|\u064a\u0629|\u0647|\u0647\u0627|\u0647\u0645|"
    "\u0647\u0645\u0627|\u062a|\u0648\u0627|\u0627|\u064a\u0646|\u0648\u0646|"
    "\u0627\u0646|\u062a\u0647|\u062a\u0647\u0627|\u062a\u0647\u0645|"
    "\u0627\u062a\u0647\u0627|\u0627\u062a\u0647\u0645|\u0643\u0645|\u0646\u0627|\u064a\u0627)?$"
)


def _not_wasl(key: str, target: str) -> bool:
    """Whether `target` takes a hamza off an alef where grammar writes one. Only hamzat
    al-wasl loses it: in a stem of forms VII, VIII or X (إنتخابات, and أحتفل read as its past)
    and in the nouns that begin with it (إسم, إبن, إثنين, إمرأة). واصابة for وأصابة, اضرار for
    إضرار are hamza-less spellings that web text lists often, not words of their own.

    >>> _not_wasl("وأصابة", "واصابة"), _not_wasl("إنتخابات", "انتخابات"), _not_wasl("إسم", "اسم")
    (True, False, False)
    """
    i = _first_change(key, target)
    if i < 0 or not (key[i] in HAMZA_ALEFS and target[i] == ALEF):
        return False
    return _WASL_START.match(target, i) is None and not _wasl_noun(target, i)


#: How a stem of form VII, VIII or X begins, whatever its ending (الاتفاقيات, اقتصاديون).
_WASL_START = re.compile(
    "[\u0625\u0627](?:\u0633\u062a|" + _FORM_VIII_INFIX + "|\u0646\\w|\u062a\\w)"
)
#: Nouns that begin with hamzat al-wasl (grammar): their hamza is written in error.
_WASL_NOUNS = ("اسم", "ابن", "ابنة", "ابنا", "اثن", "امرأة", "امرؤ", "امرئ", "است")


def _wasl_noun(target: str, i: int) -> bool:
    """Whether `target` has, from `i`, a noun that begins with hamzat al-wasl."""
    return any(target.startswith(noun, i) for noun in _WASL_NOUNS)


def _wasl_too_short(key: str, target: str) -> bool:
    """Whether `target` drops a hamza from a stem too short to be of forms VII, VIII or X
    (افتعل has four letters after the alef's place): إل, وكأن are not hamzat al-wasl, but
    the short nouns that begin with it are (إسم, إبن)."""
    i = _first_change(key, target)
    return i >= 0 and target[i] == ALEF and len(key) - i < WASL_STEM and not _wasl_noun(target, i)


def _only_hamza_added(key: str, target: str) -> bool:
    """Whether `target` is `key` with a hamza put on one bare alef, and nothing else."""
    changed = [(a, b) for a, b in zip(key, target, strict=True) if a != b]
    return len(changed) == 1 and changed[0][0] == ALEF and changed[0][1] in HAMZA_ALEFS


def _past_suffix(key: str) -> bool:
    """Whether `key` ends in ت, the ending of a past verb (اعتبرت), not of an imperfect."""
    return key.endswith("\N{ARABIC LETTER TEH}")


def _is_first_person(key: str, target: str) -> bool:
    """Whether `key` may be a first-person imperfect (أفتعل) of the past verb `target`
    (افتعل): the same letters but أ for ا, optionally after و or ف."""
    for start in (0, 1):
        if (
            key[start : start + 1] == ALEF_HAMZA_ABOVE
            and target[start : start + 1] == ALEF
            and key[:start] == target[:start]
            and key[:start] in ("", WAW, FEH)
            and key[start + 1 :] == target[start + 1 :]
        ):
            return True
    return False


def _letter_changes(
    match: re.Match[str], key: str, target: str, confident: bool, note: str
) -> Iterator[Correction]:
    """One correction per changed letter of a word, at its place in the word as written."""
    word, offset = match.group(), match.start()
    positions = [i for i, ch in enumerate(word) if ch not in _WORD_MARKS]
    if len(target) != len(key):
        yield Correction(offset, match.end(), target, "misspelt-word", confident, note)
        return
    family_of_word: Family | None = "misspelt-word" if "misspelling" in note else None
    for k, (old, new) in enumerate(zip(key, target, strict=True)):
        if old == new:
            continue
        family = family_of_word or _family(old, new)
        at = offset + positions[k]
        yield Correction(at, at + 1, new, family, confident, note)


def _family(old: str, new: str) -> Family:
    if {old, new} == {YEH, ALEF_MAKSURA}:
        return "alef-maksura"
    if {old, new} == {HEH, TEH_MARBUTA}:
        return "teh-marbuta"
    if old == ALEF:
        return "hamza-missing"
    return "wasl-hamza"


def apply(text: str, corrections: Iterable[Correction]) -> str:
    """`text` with `corrections` (sorted, not overlapping) applied."""
    parts, last = [], 0
    for c in corrections:
        parts += [text[last : c.start], c.replacement]
        last = c.end
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


@functools.cache
def speller_for(never_change: tuple[str, ...] = ()) -> Speller:
    """The speller with wordfreq's list (the splitter's, loaded once) and the words of the
    never-change files."""
    words = [word for path in never_change for word in read_word_file(path)]
    return Speller(default_lexicon(), words)


def correct_spelling(text: str) -> str:
    """`text` with the confident spelling corrections of AR601-AR606 applied, nothing else.

    >>> correct_spelling("بمناسبة ذكري تأسيس بلاده")
    'بمناسبة ذكرى تأسيس بلاده'
    """
    return speller_for().correct(text)
