"""Letters in the wrong form: presentation forms, word ligatures, Persian look-alikes (AR105,
AR107, AR201). The decomposed hamza (AR106) is theirs too, but runs last
(:mod:`arnorm.rules.composition`).

Each of these makes a word differ from itself: "ﻹصلاح" from "لإصلاح", "المدینة" (with a
Persian yeh) from "المدينة". Text looks right and every lookup, search and
count goes wrong. The fixes here change the code points, never the word a reader sees, and they
leave real Persian (and Urdu, Kurdish) alone: news quotes it.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator

from arnorm.config import Config
from arnorm.edits import Edit, apply_edits
from arnorm.rules.base import Rule, substitution_rule
from arnorm.script.chars import (
    ALEF_VARIANTS,
    ARABIC_LETTERS,
    ARABIC_MARKS,
    PERSIAN_LOOKALIKES,
    PRESENTATION_FORMS,
    SPACING_MARK_FORMS,
    TATWEEL,
    WORD_LIGATURES,
    ZWNJ,
    char_class,
    describe,
)
from arnorm.script.hamza import absorbed_mark
from arnorm.script.passages import arabic_word, inside, persian_passages_near
from arnorm.splitter.configured import safe_split_points

YEH = "\N{ARABIC LETTER YEH}"
ALEF_MAKSURA = "\N{ARABIC LETTER ALEF MAKSURA}"
FARSI_YEH = "\N{ARABIC LETTER FARSI YEH}"
LAM = "\N{ARABIC LETTER LAM}"
ALEF = "\N{ARABIC LETTER ALEF}"

# --- presentation forms (AR105) -------------------------------------------------------------

#: What a spacing mark form may attach to: a letter, a mark, a tatweel, or another form.
_MARK_CARRIERS = ARABIC_LETTERS | ARABIC_MARKS | PRESENTATION_FORMS | WORD_LIGATURES | {TATWEEL}


@functools.cache
def _presentation() -> re.Pattern[str]:
    return re.compile(char_class(PRESENTATION_FORMS - WORD_LIGATURES) + "+")


@functools.cache
def _base_forms() -> dict[str, str]:
    """Each presentation form (word ligatures aside) and what it shows, from NFKC."""
    table = {ch: unicodedata.normalize("NFKC", ch) for ch in PRESENTATION_FORMS - WORD_LIGATURES}
    return {ch: text.lstrip(" ") for ch, text in table.items()}


def _unfold_run(match: re.Match[str]) -> str:
    """Base letters and marks for a run of presentation forms.

    A spacing form of a haraka joins the letter before it as a combining mark; with no letter
    before it, it is a symbol on its own ("the fatha ﹶ") and stays as it is.
    """
    run, text, start = match.group(), match.string, match.start()
    if SPACING_MARK_FORMS.isdisjoint(run):
        # Each form unfolds to a letter or tatweel first, so NFKC of the run is the forms'
        # decompositions end to end; in C, and twice as fast as the table.
        return unicodedata.normalize("NFKC", run)
    attached = start > 0 and text[start - 1] in _MARK_CARRIERS
    forms = _base_forms()
    out = []
    for ch in run:
        if ch in SPACING_MARK_FORMS and not attached:
            out.append(ch)
            continue
        out.append(forms[ch])
        attached = True
    return "".join(out)


def unfold_presentation_forms(text: str) -> str:
    """Replace Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) with the base letters.

    PDF extraction and some old sites write each letter in its contextual form ("ﺍﻟﻌﺎﻣﺔ"):
    the word reads the same but matches nothing. The map is NFKC's, so a lam-alef ligature
    keeps its hamza or madda (ﻷ to لأ); the isolated forms of harakat, which NFKC turns into a
    space and a mark, join the letter before them instead. Word ligatures (ﷲ ﷺ ﷼ ﷽) are
    left to AR107.

    >>> unfold_presentation_forms("ﺍﻟﻤﻜﺘﺒﺔ ﺍﻟﻌﺎﻣﺔ")
    'المكتبة العامة'
    >>> unfold_presentation_forms("ﻷن ﻹصلاح")
    'لأن لإصلاح'
    >>> unfold_presentation_forms("ﺑ\N{ARABIC FATHA ISOLATED FORM}") == "ب\N{ARABIC FATHA}"
    True
    """
    return _presentation().sub(_unfold_run, text)


# --- word ligatures (AR107) -----------------------------------------------------------------

# The ligatures without a decomposition, spelled out by hand (one judgement each: the words
# the ligature is read as).
_SPELLED_BY_HAND = {
    "\ufd40": "رحمه الله",  # RAHIMAHU ALLAAH
    "\ufd41": "رضي الله عنه",  # RADI ALLAAHU ANH
    "\ufd42": "رضي الله عنها",  # RADI ALLAAHU ANHAA
    "\ufd43": "رضي الله عنهم",  # RADI ALLAAHU ANHUM
    "\ufd44": "رضي الله عنهما",  # RADI ALLAAHU ANHUMAA
    "\ufd45": "رضي الله عنهن",  # RADI ALLAAHU ANHUNNA
    "\ufd46": "صلى الله عليه وآله",  # SALLALLAAHU ALAYHI WA-AALIH
    "\ufd47": "عليه السلام",  # ALAYHI AS-SALAAM
    "\ufd48": "عليهم السلام",  # ALAYHIM AS-SALAAM
    "\ufd49": "عليهما السلام",  # ALAYHIMAA AS-SALAAM
    "\ufd4a": "عليه الصلاة والسلام",  # ALAYHI AS-SALAATU WAS-SALAAM
    "\ufd4b": "قدس سره",  # QUDDISA SIRRAH
    "\ufd4c": "صلى الله عليه وآله وسلم",  # SALLALLAHU ALAYHI WAAALIHEE WA-SALLAM
    "\ufd4d": "عليها السلام",  # ALAYHAA AS-SALAAM
    "\ufd4e": "تبارك وتعالى",  # TABAARAKA WA-TAAALAA
    "\ufd4f": "رحمهم الله",  # RAHIMAHUM ALLAAH
    "\ufdcf": "سلامه علينا",  # SALAAMUHU ALAYNAA
    "\ufdfd": "بسم الله الرحمن الرحيم",  # BISMILLAH AR-RAHMAN AR-RAHEEM
    "\ufdfe": "سبحانه وتعالى",  # SUBHAANAHU WA TAAALAA
    "\ufdff": "عز وجل",  # AZZA WA JALL
}
# Quranic pause signs, not words: no spelling would be right, so they are never expanded.
_PAUSE_SIGNS = frozenset("\ufdf0\ufdf1")  # SALLA and QALA USED AS KORANIC STOP SIGN


@functools.cache
def _spellings() -> dict[str, str]:
    """The words each word ligature stands for: NFKC's, with Arabic yeh (﷼ is ریال in NFKC)."""
    spelled = {
        ch: unicodedata.normalize("NFKC", ch).replace(FARSI_YEH, YEH)
        for ch in WORD_LIGATURES - _PAUSE_SIGNS - set(_SPELLED_BY_HAND)
    }
    return spelled | _SPELLED_BY_HAND


@functools.cache
def _word_ligature() -> re.Pattern[str]:
    return re.compile(char_class(set(_spellings())))


def _spell_out(match: re.Match[str]) -> str:
    """The ligature's words, kept apart from the letters and digits around it.

    A one-word ligature glued to an Arabic letter before it takes that letter as a proclitic
    (بﷲ to بالله); after lam, the article's alef goes, as Arabic writes it (لﷲ to لله).
    """
    text, start, end = match.string, match.start(), match.end()
    words = _spellings()[match.group()]
    before = text[start - 1] if start > 0 else " "
    if before == LAM and " " not in words and words.startswith(ALEF + LAM):
        words = words[2:] if words[2:3] == LAM else words[1:]
    lead = " " if _space_before(text, start, words) else ""
    return lead + words + (" " if _space_after(text, end) else "")


def _space_before(text: str, start: int, words: str) -> bool:
    before = text[start - 1] if start > 0 else " "
    return before.isalnum() and not (before in ARABIC_LETTERS and " " not in words)


def _space_after(text: str, end: int) -> bool:
    return end < len(text) and text[end].isalnum()


def expand_word_ligatures(text: str) -> str:
    """Spell out word ligatures: ﷲ as الله, ﷺ as صلى الله عليه وسلم, ﷼ as ريال, ﷽ in full.

    They are deliberate symbols, so the clean preset keeps them; search spells them out so
    that a query for the words finds them. The Quranic pause signs ﷰ ﷱ are not words and
    stay.

    >>> expand_word_ligatures("محمد ﷺ")
    'محمد صلى الله عليه وسلم'
    >>> expand_word_ligatures("100﷼ بﷲ لﷲ")
    '100 ريال بالله لله'
    """
    return _word_ligature().sub(_spell_out, text)


# --- Persian look-alikes (AR201) ------------------------------------------------------------

#: A word-final Persian yeh is safely ي or ى only when one spelling is this many Zipf units
#: (a factor of 10**1.2, about 16) more frequent than the other ...
FINAL_YEH_MARGIN = 1.2
#: ... and is itself a known word (Zipf 3: once per million words).
FINAL_YEH_KNOWN = 3.0


@functools.cache
def _lookalike() -> re.Pattern[str]:
    return re.compile(char_class(set(PERSIAN_LOOKALIKES)))


def _word_around(text: str, position: int) -> tuple[int, int]:
    match = arabic_word().match(text, position)
    assert match is not None
    start = position
    letters = ARABIC_LETTERS | ARABIC_MARKS | {TATWEEL, ZWNJ}
    while start > 0 and text[start - 1] in letters:
        start -= 1
    return start, match.end()


def _lookalike_words(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the words that hold a look-alike letter, each once, in order."""
    end = 0
    for match in _lookalike().finditer(text):
        if match.start() >= end:
            start, end = _word_around(text, match.start())
            yield start, end


def _final_letter(word: str) -> int:
    """The index of the last letter of `word` (marks, tatweel and ZWNJ may follow it)."""
    i = len(word) - 1
    while i > 0 and word[i] not in ARABIC_LETTERS:
        i -= 1
    return i


def _choose_final_yeh(word: str) -> tuple[str, bool, str]:
    """Yeh or alef maksura for a word-final Persian yeh: the letter, its safety, a note.

    `word` has its other look-alikes already replaced and ends with the Persian yeh (marks
    aside). The lexicon is loaded only here, on the first word that needs it.
    """
    i = _final_letter(word)
    with_yeh = _evidence(word[:i], YEH + word[i + 1 :])
    with_maksura = _evidence(word[:i], ALEF_MAKSURA + word[i + 1 :])
    letter = ALEF_MAKSURA if with_maksura > with_yeh else YEH
    best, other = max(with_yeh, with_maksura), min(with_yeh, with_maksura)
    safe = best >= FINAL_YEH_KNOWN and best - other >= FINAL_YEH_MARGIN
    note = f"final Persian yeh: {letter} by word frequency (Zipf {best:.2f} against {other:.2f})"
    return letter, safe, note


# The search preset's folds of the letters before the final one (AR202-AR204): the choice
# reads the word as written and as folded, so it is the same before and after those folds.
_FOLDED = dict.fromkeys(ALEF_VARIANTS, ALEF) | {
    "\N{ARABIC LETTER TEH MARBUTA}": "\N{ARABIC LETTER HEH}",
    ALEF_MAKSURA: YEH,
}


def _evidence(stem: str, ending: str) -> float:
    """The Zipf frequency of ``stem + ending``, or of its folded spelling if that is higher.

    The stem is folded in its lookup-key form, where a letter and a combining hamza or madda
    are one letter (ا + U+0653 is آ, which folds to ا as AR202 will fold the pair).
    """
    from arnorm.lexicon.words import default_lexicon, lookup_key

    zipf = default_lexicon().zipf
    folded = "".join(_FOLDED.get(ch, ch) for ch in lookup_key(stem))
    return max(zipf(stem + ending), zipf(folded + ending))


def _frequency_choice(text: str, start: int, end: int) -> int:
    """The index of the final Persian yeh of the word ``text[start:end]`` whose letter the word
    frequencies choose, or -1.

    A yeh that takes a hamza above from its marks (ی + U+0654, the Persian spelling of ئ) is
    no choice: ى takes no hamza, so it is ي, which AR106 then composes. A hamza on the yeh's
    kashida (یـٔ) rides on the yeh too: the marks are read through tatweels, whatever AR301
    then does with them (once ی is written ى, no later pass could give it the hamza).
    """
    final = start + _final_letter(text[start:end])
    riders = _marks_on().match(text, final + 1)
    assert riders is not None  # the pattern matches the empty string
    marks = riders.group().replace(TATWEEL, "")
    if text[final] != FARSI_YEH or absorbed_mark(YEH, marks) is not None:
        return -1
    return final


def _lookalike_edits(
    text: str, start: int, end: int, final: int, cuts: list[int]
) -> Iterator[Edit]:
    word = text[start:end]
    replaced = "".join(PERSIAN_LOOKALIKES.get(ch, ch) for ch in word)
    for i, ch in enumerate(word, start):
        if ch not in PERSIAN_LOOKALIKES:
            continue
        if i == final:
            k = bisect.bisect_right(cuts, i)  # cuts are sorted: the last one at or before i
            piece = cuts[k - 1] if k and cuts[k - 1] > start else start
            letter, safe, note = _choose_final_yeh(replaced[piece - start :])
            yield Edit(i, i + 1, letter, "AR201", safe, note)
        else:
            note = f"{describe(ch)} in an Arabic word: use {describe(PERSIAN_LOOKALIKES[ch])}"
            yield Edit(i, i + 1, PERSIAN_LOOKALIKES[ch], "AR201", True, note)


@functools.cache
def _marks_on() -> re.Pattern[str]:
    return re.compile(char_class(ARABIC_MARKS | {TATWEEL}) + "*")


def _safe_cuts(
    text: str, words: list[tuple[int, int]], finals: list[int], config: Config
) -> list[int]:
    """Where the run-on splitter will safely put a space inside these words (a prediction
    kept on purpose: ``docs/engine.md``, "Predictions kept").

    A word-final Persian yeh is judged on the word it will end: in a run-on (مدرسةفی) that is
    the last piece, and a safe-only fix splits it off. Once the yeh is written ي or ى the next
    pass cannot take the choice back, so it must be made on the right word now. The splitter
    is asked about the text it will see in a safe-only fix when the yeh's choice is unsafe:
    every other look-alike replaced, the `finals` (the yehs whose letter is chosen) as written.
    It is asked about the lines that hold such a yeh only: its tokens and Persian passages end
    at a line break, and asking about the whole text made one call on a document cost a split
    of all of it for one yeh (300 news articles in one call, 1 MB: 0.53 s in AR201, against
    0.012 s line by line).
    """
    # AR501 is the rule that runs the splitter (config.split_runons, unless its code is ignored)
    if all(final < 0 for final in finals) or not config.split_runons or "AR501" in config.ignore:
        return []  # nothing to ask
    cuts: list[int] = []
    starts = [a for a, _ in words]
    done = -1  # the end of the last line asked about
    for final in finals:
        if final < done or final < 0:
            continue  # no choice, or a line already asked about (the words are in order)
        start = text.rfind("\n", 0, final) + 1
        done = text.find("\n", final)
        done = len(text) if done < 0 else done
        chars = list(text[start:done])
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, done)
        for (a, b), chosen in zip(words[first:last], finals[first:last], strict=True):
            for i in range(a - start, b - start):
                chars[i] = PERSIAN_LOOKALIKES.get(chars[i], chars[i])
            if chosen >= 0:
                chars[chosen - start] = FARSI_YEH
        cuts.extend(start + cut for cut in safe_split_points("".join(chars), config))
    return sorted(cuts)


def find_persian_lookalikes(text: str, config: Config) -> Iterator[Edit]:
    """Edits that give Arabic words their Arabic letters; Persian passages give none."""
    if not _lookalike().search(text):
        return
    words = list(_lookalike_words(text))
    passages = persian_passages_near(text, (start for start, _ in words))
    words = [w for w in words if not inside(passages, *w)]
    finals = [_frequency_choice(text, a, b) for a, b in words]
    cuts = _safe_cuts(text, words, finals, config)
    for (start, end), final in zip(words, finals, strict=True):
        yield from _lookalike_edits(text, start, end, final, cuts)


def _fix_persian_lookalikes(text: str, config: Config) -> str:
    return apply_edits(text, find_persian_lookalikes(text, config))


# --- the rules ------------------------------------------------------------------------------

PRESENTATION_FORM = substitution_rule(
    code="AR105",
    name="presentation-form",
    message="Arabic presentation form: use the base letter",
    doc="""
## What it does
Replaces the contextual forms and letter ligatures of the Arabic Presentation Forms blocks
(U+FB50-U+FDFF, U+FE70-U+FEFF) with the base letters and marks they show, as NFKC maps them.
Lam-alef ligatures keep their hamza or madda (`ﻷ` becomes `لأ`). The isolated forms of harakat,
which NFKC turns into a space and a mark, become the combining mark on the letter before them;
with no letter before them they are symbols and stay. Word ligatures (ﷲ ﷺ ﷼ ﷽) are AR107's.

## Why
Text copied from PDFs and some news sites (about 51 per MB of scraped news, 95 on
SaudiNewsNet) spells words with these forms: `ﺍﻟﻤﻜﺘﺒﺔ` reads as `المكتبة` but matches
nothing, and a lam-alef ligature inside a word (`ﻹصلاح`) breaks dictionary lookups. Plain
NFKC would also turn each isolated haraka into a space and a mark, splitting words.

## Example
`ﺍﻟﻤﻜﺘﺒﺔ ﺍﻟﻌﺎﻣﺔ` becomes `المكتبة العامة`; `ﻹصلاح` becomes `لإصلاح`.

## Fix safety
Safe: the text reads the same.
""",
    enabled=lambda config: config.presentation_forms,
    pattern=lambda config: _presentation(),
    replace=lambda match, config: _unfold_run(match),
    fix=unfold_presentation_forms,
    trigger=lambda config: PRESENTATION_FORMS - WORD_LIGATURES,
    note=lambda match: f"presentation forms ({describe(match.group()[0])} ...): use base letters",
)

WORD_LIGATURE = substitution_rule(
    code="AR107",
    name="word-ligature",
    message="Word ligature: spell the words out",
    doc="""
## What it does
With `word_ligatures = "expand"` (the search preset), spells out the ligatures that stand for
a word or a phrase: `ﷲ` as `الله`, `ﷺ` as `صلى الله عليه وسلم`, `ﷻ` as `جل جلاله`, `﷼` as
`ريال` (with an Arabic yeh, where NFKC gives a Persian one), the basmala `﷽` and the honorifics
U+FD40-U+FD4F, which have no decomposition, as the words they are read as. The expansion is
kept apart from letters and digits around it by a space, except that a one-word ligature
takes a one-letter proclitic glued before it (`بﷲ` becomes `بالله`, `لﷲ` becomes `لله`). The
Quranic pause signs `ﷰ` and `ﷱ` are not words and are never expanded. With `"keep"` (the
default) nothing changes.

## Why
The ligatures are deliberate symbols, so the clean preset keeps them; but a search for
`صلى الله عليه وسلم` or `ريال` should find the text that wrote them as one character.

## Example
With `word_ligatures = "expand"`: `محمد ﷺ` becomes `محمد صلى الله عليه وسلم`; `100﷼`
becomes `100 ريال`.

## Fix safety
Safe: the words are those the ligature is read as.
""",
    enabled=lambda config: config.word_ligatures == "expand",
    pattern=lambda config: _word_ligature(),
    replace=lambda match, config: _spell_out(match),
    fix=expand_word_ligatures,
    trigger=lambda config: frozenset(_spellings()),
    note=lambda match: f"{describe(match.group())}: spell out",
)

PERSIAN_LETTER = Rule(
    code="AR201",
    name="persian-letter",
    message="Persian or Urdu letter in an Arabic word",
    doc="""
## What it does
Writes Arabic words with Arabic letters: `ک` becomes `ك`, `ھ` `ہ` `ە` become `ه`, `ۃ` becomes
`ة`, and `ی` becomes `ي` inside a word. At the end of a word `ی` becomes `ي` or `ى`, whichever
spelling of the whole word is more frequent in wordfreq's Arabic list (`فی` becomes `في`,
`علی` becomes `على`; unknown words get `ي`); in a run-on that the splitter (AR501) will safely
cut, the word is the last piece (`مدرسةعلی` is judged on `علی`). A final `ی` that carries a
combining hamza above is the Persian spelling of `ئ`: it becomes `ي`, which AR106 composes.
Words that hold a letter Arabic does not use (`پ چ ژ گ ۀ ے` and the other Persian, Urdu and
Kurdish letters, also written as a letter and a combining hamza, `ە` + U+0654 for `ۀ`) are not
Arabic and are left alone, and so is every word within five words of one in the same
sentence or quotation (a passage stops at a line break, `. ! ? ؟ ; ؛ :`, quotes and
brackets): that is a Persian passage. A ZWNJ inside a word (kept with `joiners = "keep"`)
marks it as Persian too. The Maghrebi letters `ڤ ڨ ڭ ڥ` are Arabic letters and are never
changed.

## Why
Text typed on Persian or Urdu keyboards, or converted by some CMSs, carries these look-alikes
(about 6 Persian yeh per MB of news, 47 on one site): `المدینة` reads as `المدينة` but
matches nothing. Cleaners that map `ی` to `ى` everywhere (CAMeL's arclean) turn `المدینة`
into `المدىنة`; mapping it to `ي` everywhere turns `علی` into `علي`. Real articles also
quote Persian, which must stay Persian (`گفت وزیر خارجه`).

## Example
`مھرجان المدینة فی` becomes `مهرجان المدينة في`; `گفت وزیر خارجه` stays.

## Fix safety
Safe, except a word-final `ی` whose choice has weak evidence: unsafe unless the chosen
spelling is a known word (Zipf 3 or more) and at least 16 times (1.2 Zipf) more frequent than
the other, so `علی` (على 7.2 against علي 6.1) is unsafe and `فی` is safe.
""",
    safe=True,
    enabled=lambda config: config.persian_letters,
    find=find_persian_lookalikes,
    fast=_fix_persian_lookalikes,
    trigger=lambda config: frozenset(PERSIAN_LOOKALIKES),
)

RULES: tuple[Rule, ...] = (PRESENTATION_FORM, WORD_LIGATURE, PERSIAN_LETTER)
