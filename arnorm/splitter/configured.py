"""The splitter a config asks for: its word lists, the spelling it looks words up in, and which
of its splits are safe fixes.

AR501 (:mod:`arnorm.rules.runons`) runs it; AR201 asks it where a safe-only fix will cut a word
(see ``docs/engine.md``, "Predictions kept"); ``arnorm split`` prints its decisions.
"""

from __future__ import annotations

from arnorm.config import Config
from arnorm.lexicon.folding import Spelling
from arnorm.script.passages import crosses, persian_passages_near
from arnorm.splitter.segmenter import RunSplit, Segmenter, document_of, segmenter_for, stands

#: A split is a safe fix when its reading beats the whole run by at least this much (log10),
#: or when every space follows a word end (ة, ى, tanween). See AR501's doc for the measured
#: precision of safe splits.
SAFE_MARGIN = 3.0


def spelling_of(config: Config) -> Spelling:
    """The letter folds of `config`'s search folds (AR202-AR204): the splitter looks each word
    up folded alike, so it decides the same on the text before the folds (the engine's first
    pass) and after them (the next).

    >>> from arnorm.config import CLEAN, SEARCH
    >>> spelling_of(CLEAN).is_identity
    True
    >>> spelling_of(SEARCH)
    Spelling(alef=True, alef_maksura=True, teh_marbuta=True)
    """
    ignore = config.ignore  # a fold whose code is ignored does not run
    return Spelling(
        alef=config.fold_alef and "AR202" not in ignore,
        alef_maksura=config.fold_alef_maksura and "AR203" not in ignore,
        teh_marbuta=config.fold_teh_marbuta and "AR204" not in ignore,
    )


_SEGMENTERS: dict[int, tuple[Config, Segmenter]] = {}


def segmenter_of(config: Config) -> Segmenter:
    """The splitter that AR501 runs under `config`: its word lists, read as it spells; found
    by identity first (the rule asks once per line).

    >>> from arnorm.config import CLEAN
    >>> segmenter_of(CLEAN).segment("كورياالشمالية")
    'كوريا الشمالية'
    """
    entry = _SEGMENTERS.get(id(config))
    if entry is None or entry[0] is not config:
        if len(_SEGMENTERS) >= 64:
            _SEGMENTERS.clear()
        found = segmenter_for(config.extra_words, config.never_split, spelling_of(config))
        entry = _SEGMENTERS[id(config)] = (config, found)
    return entry[1]


def is_safe(split: RunSplit) -> bool:
    """Whether a safe-only fix makes `split`: a margin of :data:`SAFE_MARGIN` or a word end."""
    return split.margin >= SAFE_MARGIN or split.after_end


def run_on_splits(text: str, config: Config) -> list[RunSplit]:
    """The splits of the runs of `text` outside Persian passages that stand against the text
    as their document (a run the text holds twice splits only when the split is sure)."""
    splits = list(segmenter_of(config).splits(text))
    if not splits:
        return []
    passages = persian_passages_near(text, [split.points[0] for split in splits])
    document = document_of(text)
    return [
        split
        for split in splits
        if not crosses(passages, split.points[0]) and stands(split, text, document)
    ]


def safe_split_points(text: str, config: Config) -> list[int]:
    """Where a safe-only fix of AR501 puts a space in `text`.

    >>> from arnorm.config import CLEAN
    >>> safe_split_points("قال مدرسةكبيرة", CLEAN)
    [9]
    """
    return [
        point for split in run_on_splits(text, config) if is_safe(split) for point in split.points
    ]
