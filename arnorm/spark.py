"""Cleaning a Spark DataFrame column (the ``arnorm[spark]`` extra).

The column goes through an Arrow ``pandas_udf`` of the iterator kind: Spark hands each Python
worker an iterator of pandas batches (``spark.sql.execution.arrow.maxRecordsPerBatch`` rows,
10,000 by default), and the worker cleans them one after another with the cleaning function
resolved once on the driver. Python workers are reused between tasks (Spark's default), so
each executor process reads the word list once. Every value comes out exactly as
:func:`arnorm.clean` would give it, whatever the partitioning; nulls stay null and the column
keeps its place.

The executors must run the same Python (minor version) with arnorm installed: set
``PYSPARK_PYTHON`` to it.

This module has no ``from __future__ import annotations``: Spark reads the UDF's type hints
to know its kind, so they must be real objects.
"""

from collections.abc import Hashable, Iterator
from typing import TYPE_CHECKING

from arnorm.config import Config
from arnorm.engine import cleaner

if TYPE_CHECKING:
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructField


def clean_column(
    df: "DataFrame", column: str, *, preset: str | Config = "clean", **options: object
) -> "DataFrame":
    """`df` with the string column `column` cleaned as :func:`arnorm.clean` cleans each value.

    `preset` and `options` are those of :func:`arnorm.clean`. The result is lazy, like every
    Spark DataFrame; rows keep their order within each partition.
    """
    import pandas as pd
    from pyspark.sql.functions import col, pandas_udf
    from pyspark.sql.types import StringType

    field = _field(df, column)
    if not isinstance(field.dataType, StringType):
        raise TypeError(f"column {column!r} is {field.dataType.simpleString()}, not a string")
    clean_text = cleaner(preset, **options)

    def clean_batches(batches: Iterator[pd.Series]) -> Iterator[pd.Series]:
        for batch in batches:
            yield batch.map(clean_text, na_action="ignore")

    udf = pandas_udf(clean_batches, StringType())
    quoted = "`" + column.replace("`", "``") + "`"
    return df.withColumn(column, udf(col(quoted)))


def _field(df: "DataFrame", column: Hashable) -> "StructField":
    for field in df.schema.fields:
        if field.name == column:
            return field
    raise KeyError(f"no column {column!r} (the frame has: {', '.join(df.columns)})")
