"""Run-on words: spaces lost between Arabic words (AR501).

Bad HTML extraction glues words together where a tag or a line break stood: a headline to the
article ("للكاتبالعلم"), a caption to the text, two items of a list. The splitter
(:mod:`arnorm.segmenter`) decides with word frequencies and clitic morphology; this module turns
its decisions into edits, one inserted space each.
"""

from __future__ import annotations

from collections.abc import Iterator

from arnorm.config import Config
from arnorm.edits import Edit
from arnorm.rules.base import Rule
from arnorm.segmenter import RunSplit, Segmenter, segmenter_for

#: A split is a safe fix when its reading beats the whole run by at least this much (log10),
#: or when the left piece ends in ة or ى (a letter that ends words). See the doc for the
#: measured precision of safe splits.
SAFE_MARGIN = 3.0


def _segmenter(config: Config) -> Segmenter:
    return segmenter_for(config.extra_words, config.never_split)


def split_runons(text: str, config: Config) -> str:
    """Insert a space wherever the splitter finds run-together words.

    >>> from arnorm.config import CLEAN
    >>> split_runons("قال إنالتهديداتالأمنية تتزايد", CLEAN)
    'قال إن التهديدات الأمنية تتزايد'
    """
    return _segmenter(config).segment(text)


def _note(split: RunSplit) -> str:
    return (
        f"run-on words {' + '.join(split.pieces)}: {split.score:.1f} as "
        f"{len(split.pieces)} words against {split.whole:.1f} as one (log10)"
    )


def find_runons(text: str, config: Config) -> Iterator[Edit]:
    for split in _segmenter(config).splits(text):
        safe = split.margin >= SAFE_MARGIN or split.after_end
        note = _note(split)
        for point in split.points:
            yield Edit(point, point, " ", RUN_ON_WORD.code, safe, note)


RUN_ON_WORD = Rule(
    code="AR501",
    name="run-on-word",
    message="Words run together: insert a space",
    doc="""
## What it does
Inserts a space inside a run of Arabic letters that is two or more words glued together
(`كورياالشمالية`, `بفضلالمفاوضات`), and nowhere else. It weighs the most probable split of the
run against the run as one word, with wordfreq's Arabic frequencies, clitic morphology
(و ف ب ل ك س ال and the object pronouns) and where the lost space was; see the README section
"Run-on splitter". Harakat and tatweel stay where they were; nothing but spaces is added.

## Why
Bad HTML extraction drops the space where a tag or line break stood: headlines, captions and
lists glued to the text. Real news has 10 to 17 such run-ons per MB, among some 400 tokens per
MB that a naive dictionary splitter would cut wrongly (names such as جينبينغ, clitic forms such
as باشتراط). Run-ons break search, counting and every model trained on the text.

## Example
`أكدت كورياالشمالية بفضلالمفاوضات` becomes `أكدت كوريا الشمالية بفضل المفاوضات`;
`جينبينغ` and `وبفضل` stay whole.

## Fix safety
A split is safe when the left piece ends in ة or ى (such a letter inside a word means a lost
space) or when the split is at least 1,000 times more probable than the run as one word
(`SAFE_MARGIN` = 3 in log10); other splits are unsafe and need `--unsafe-fixes`. On the dev
sets the safe splits have a precision of about 0.99 (README, "Run-on splitter").
""",
    safe=False,
    enabled=lambda config: config.split_runons,
    find=find_runons,
    fast=split_runons,
)

RULES: tuple[Rule, ...] = (RUN_ON_WORD,)
