"""The one configuration object, and the presets built from it.

Every behaviour of arnorm is one field of :class:`Config`, named like the fix it controls.
Presets are constants of it, not code paths: ``"clean"`` (the default) repairs text without
removing anything that carries meaning, ``"search"`` also folds spelling variants for indexing,
and ``"none"`` switches everything off (a base for turning on single behaviours).

>>> CLEAN.diacritics, SEARCH.diacritics
('keep', 'strip')
>>> resolve("clean", {"diacritics": "strip"}).diacritics
'strip'
>>> resolve("clean", {"diacritics": "loud"})
Traceback (most recent call last):
...
ValueError: diacritics must be one of 'off', 'keep', 'strip', 'keep-shadda', not 'loud'
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Joiners = Literal["remove", "keep"]
WordLigatures = Literal["keep", "expand"]
Tatweel = Literal["off", "decorative", "strip"]
Diacritics = Literal["off", "keep", "strip", "keep-shadda"]
Digits = Literal["off", "keep", "ascii", "arabic-indic"]
Quotes = Literal["guillemets", "curly", "keep"]


@dataclass(frozen=True)
class Config:
    """What arnorm changes. Each field switches one rule (or one family of rules) by its name.

    Policies that take a string name the target: ``diacritics="strip"`` removes harakat,
    ``digits="ascii"`` writes 0-9. The value ``"off"`` leaves that aspect untouched.
    """

    # Scraping repairs (run first: they recover the text the other rules should see).
    mojibake: bool = True  # AR701: UTF-8 read as windows-1256 / latin-1 / windows-1252
    html_entities: bool = True  # AR702: &quot; &#1575; ... decoded
    html_tags: bool = False  # AR703: stray <br>, <p> in scraped text become line breaks

    # Invisible and Unicode-level repairs.
    invisibles: bool = True  # AR101: zero width space, bidi controls, soft hyphen ...
    controls: bool = True  # AR102: C0/C1 control characters
    joiners: Joiners = "remove"  # AR103: ZWNJ/ZWJ inside Arabic words
    spaces: bool = True  # AR104: NBSP and other exotic spaces become a space
    presentation_forms: bool = True  # AR105: presentation forms to base letters
    word_ligatures: WordLigatures = "keep"  # AR107: ﷲ ﷺ ﷼ ... kept or spelled out
    hamza_composition: bool = True  # AR106: alef + combining hamza composed, as NFC does
    persian_letters: bool = True  # AR201: ک ھ ی ... inside Arabic words

    # Letters, marks and digits.
    tatweel: Tatweel = "decorative"  # AR301: decorative kashida removed, الـ76 kept
    diacritics: Diacritics = "keep"  # AR302 (repairs) / AR303 (strip)
    digits: Digits = "keep"  # AR304: keep = Persian digits in Arabic text to Arabic-Indic
    fold_alef: bool = False  # AR202: أ إ آ ٱ to ا
    fold_alef_maksura: bool = False  # AR203: ى to ي
    fold_teh_marbuta: bool = False  # AR204: ة to ه

    # Run-on words.
    split_runons: bool = True  # AR501: dictionary-driven splitter
    extra_words: tuple[str, ...] = ()  # word-list files: extra known words
    never_split: tuple[str, ...] = ()  # word-list files: words never split

    # Spelling (AR601-AR606): reported by lint by default, fixed only when switched on.
    spelling: bool = False  # AR60x fix the common spelling errors (clean leaves them by default)
    spelling_report: bool = True  # AR60x report them (lint, check) even when they are not fixed
    never_respell: tuple[str, ...] = ()  # word-list files: words the spelling rules never change

    # Typography.
    quotes: Quotes = "guillemets"  # AR401: straight and English quotes in Arabic text
    punctuation: bool = True  # AR411: , ; ? after an Arabic word to ، ؛ ؟
    spacing: bool = True  # AR42x: spaces around punctuation, runs of spaces, line ends
    balance: bool = True  # AR402/AR403: report unpaired quotes and brackets (lint only)

    # Rule codes switched off whatever the fields above say.
    ignore: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for name, allowed in choices().items():
            value = getattr(self, name)
            if value not in allowed:
                options = ", ".join(repr(a) for a in allowed)
                raise ValueError(f"{name} must be one of {options}, not {value!r}")
        for name in ("extra_words", "never_split", "never_respell"):
            if not isinstance(getattr(self, name), tuple):
                object.__setattr__(self, name, tuple(getattr(self, name)))
        if not isinstance(self.ignore, frozenset):
            object.__setattr__(self, "ignore", frozenset(self.ignore))


@functools.cache
def field_types() -> dict[str, Any]:
    """The type of each field of Config, its annotation evaluated once: the command line asks
    for one field at a time while it builds its options, and evaluating the annotations of
    every field for each was two thirds of building the parsers (30 ms at every start)."""
    return typing.get_type_hints(Config)


@functools.cache
def choices() -> dict[str, tuple[object, ...]]:
    """The allowed values of each fixed-choice field, read from its ``Literal`` annotation."""
    return {
        name: typing.get_args(hint)
        for name, hint in field_types().items()
        if typing.get_origin(hint) is Literal
    }


CLEAN = Config()
SEARCH = dataclasses.replace(
    CLEAN,
    word_ligatures="expand",
    tatweel="strip",
    diacritics="strip",
    digits="ascii",
    fold_alef=True,
    fold_alef_maksura=True,
    fold_teh_marbuta=True,
)
NONE = Config(
    mojibake=False,
    html_entities=False,
    html_tags=False,
    invisibles=False,
    controls=False,
    joiners="keep",
    spaces=False,
    presentation_forms=False,
    word_ligatures="keep",
    hamza_composition=False,
    persian_letters=False,
    tatweel="off",
    diacritics="off",
    digits="off",
    split_runons=False,
    spelling=False,
    spelling_report=False,
    quotes="keep",
    punctuation=False,
    spacing=False,
    balance=False,
)
PRESETS: Mapping[str, Config] = {"clean": CLEAN, "search": SEARCH, "none": NONE}


def resolve(preset: str | Config, options: Mapping[str, object]) -> Config:
    """The config for `preset` (a name or a :class:`Config`) with keyword `options` applied.

    Unknown preset names and option names are errors, not silently ignored.

    >>> resolve(SEARCH, {}) is SEARCH
    True
    >>> resolve("clean", {"colour": "red"})
    Traceback (most recent call last):
    ...
    TypeError: unknown option 'colour'
    """
    if isinstance(preset, Config):
        base = preset
    else:
        try:
            base = PRESETS[preset]
        except KeyError:
            names = ", ".join(PRESETS)
            raise ValueError(f"unknown preset {preset!r} (choose from {names})") from None
    if not options:
        return base
    return _with_options(base, tuple(sorted((k, _hashable(v)) for k, v in options.items())))


def _hashable(value: object) -> object:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, set):
        return frozenset(value)
    return value


@functools.lru_cache(maxsize=256)
def _with_options(base: Config, options: tuple[tuple[str, object], ...]) -> Config:
    fields = {f.name for f in dataclasses.fields(Config)}
    for name, _ in options:
        if name not in fields:
            raise TypeError(f"unknown option {name!r}")
    return dataclasses.replace(base, **dict(options))  # type: ignore[arg-type]
