"""Cleaning in worker processes (phenomenon: a distributed engine ships the cleaner to workers).

A Spark, Dask or multiprocessing job pickles the function it maps over the records; each worker
process must load the word list once, not once per record or per task.
"""

from __future__ import annotations

import pickle

import arnorm
from arnorm.lexicon.words import default_lexicon

LINES = [
    'قال\N{NO-BREAK SPACE}الوزير إن "التهديداتالأمنية" تتزايد',
    "إلى المدرسة ٢٠١٩",
    'He said "hi", then left.',
]


def test_a_cleaner_survives_pickling_and_cleans_as_clean_does() -> None:
    for preset in ("clean", "search"):
        shipped = pickle.loads(pickle.dumps(arnorm.cleaner(preset, quotes="keep")))
        for line in LINES:
            assert shipped(line) == arnorm.clean(line, preset=preset, quotes="keep")


def test_clean_and_its_config_pickle_by_reference() -> None:
    assert pickle.loads(pickle.dumps(arnorm.clean)) is arnorm.clean
    assert pickle.loads(pickle.dumps(arnorm.SEARCH)) == arnorm.SEARCH


def test_the_word_list_loads_once_per_process() -> None:
    arnorm.clean(LINES[0])
    loads = default_lexicon.cache_info().misses
    for _ in range(3):  # each task unpickles its own copy of the cleaner and its config
        shipped = pickle.loads(pickle.dumps(arnorm.cleaner("clean")))
        for line in LINES:
            shipped(line)
    assert default_lexicon.cache_info().misses == loads == 1
