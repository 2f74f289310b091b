"""``arnorm split``: what the run-on splitter makes of some words, and why.

For people deciding whether a word belongs in an ``extra-words`` or ``never-split`` list: each
token is printed with its split, and with ``--candidates N`` the N best readings of each of its
runs, scored as the splitter scores them (log10; docs/splitter.md, "How it decides").
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator

from arnorm.cli import options
from arnorm.splitter.configured import segmenter_of
from arnorm.splitter.runs import run_pattern
from arnorm.splitter.segmenter import Segmenter


def add_parser(commands: argparse._SubParsersAction[options.Parser]) -> None:
    split = commands.add_parser(
        "split",
        help="show how the run-on splitter splits words, and why",
        description=(
            "Print each token with the spaces the run-on splitter (AR501) would insert; with "
            "--candidates, the best readings of each run of letters and their log10 scores."
        ),
    )
    split.add_argument(
        "words", nargs="*", metavar="WORD", help="tokens to split (default: standard input)"
    )
    split.add_argument(
        "--candidates",
        type=options.non_negative,
        default=0,
        metavar="N",
        help="also print the N best readings of each run (0: none)",
    )
    options.add_rule_options(split)
    options.add_config_options(split)
    split.set_defaults(run=run_split)


def run_split(args: argparse.Namespace) -> int:
    config = options.build_config(args)
    if not config.split_runons:
        raise options.UsageError("arnorm split: the run-on splitter is off in this configuration")
    segmenter = segmenter_of(config)
    words = args.words or _stdin_tokens()
    for line in explain(segmenter, words, args.candidates):
        print(line)
    return 0


def explain(segmenter: Segmenter, tokens: Iterable[str], candidates: int = 0) -> Iterator[str]:
    """For each token: ``token -> split`` (or ``token: whole``), then the best readings.

    >>> from arnorm.splitter.segmenter import default_segmenter
    >>> list(explain(default_segmenter(), ["كورياالشمالية", "باشتراط"]))
    ['كورياالشمالية -> كوريا الشمالية', 'باشتراط: whole']
    """
    for token in tokens:
        split = segmenter.segment(token)
        yield f"{token} -> {split}" if split != token else f"{token}: whole"
        if candidates == 0:
            continue
        for run in run_pattern().findall(token):
            for candidate in segmenter.candidates(run, limit=candidates):
                yield f"    {candidate}"


def _stdin_tokens() -> Iterator[str]:
    for line in sys.stdin:
        yield from line.split()
