"""Cleaning a Dask DataFrame column or a Dask Bag of strings (the ``arnorm[dask]`` extra).

Each partition is cleaned by :func:`arnorm.cleaner` with the options resolved once, here, on
the client: a bad preset or option fails before any task runs. The cleaning function is
pickled into the task graph; each worker process reads the word list once, on its first text,
and keeps it. Every value comes out exactly as :func:`arnorm.clean` would give it, whatever the
partitioning; missing values stay missing, and the column keeps its dtype and its place.

Dask itself is imported by the caller: this module needs only the objects it is given.

>>> import pandas as pd
>>> part = pd.DataFrame({"id": [1, 2], "text": ["قال\N{NO-BREAK SPACE}الوزير", None]})
>>> clean_partition(part, "text", cleaner()).to_dict("list")
{'id': [1, 2], 'text': ['قال الوزير', None]}
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from arnorm.config import Config
from arnorm.engine import cleaner

if TYPE_CHECKING:
    import pandas as pd
    from dask.bag import Bag
    from dask.dataframe import DataFrame


def clean_column(
    ddf: DataFrame, column: Hashable, *, preset: str | Config = "clean", **options: object
) -> DataFrame:
    """`ddf` with `column` cleaned as :func:`arnorm.clean` cleans each value.

    `preset` and `options` are those of :func:`arnorm.clean` (``ignore={"AR501"}`` switches a
    rule off). The result is lazy, like every Dask DataFrame: call ``.compute()`` or write it.
    """
    if column not in ddf.columns:
        raise KeyError(f"no column {column!r} (the frame has: {', '.join(map(str, ddf.columns))})")
    clean_text = cleaner(preset, **options)
    return ddf.map_partitions(clean_partition, column, clean_text, meta=ddf._meta)


def clean_bag(bag: Bag, *, preset: str | Config = "clean", **options: object) -> Bag:
    """A bag of strings, each cleaned as :func:`arnorm.clean` cleans it."""
    return bag.map(cleaner(preset, **options))


def clean_partition(
    part: pd.DataFrame, column: Hashable, clean_text: Callable[[str], str]
) -> pd.DataFrame:
    """One pandas partition with `column` cleaned; missing values stay missing."""
    values = part[column]
    cleaned = values.map(clean_text, na_action="ignore").astype(values.dtype)
    result = part.copy(deep=False)
    result[column] = cleaned
    return result
