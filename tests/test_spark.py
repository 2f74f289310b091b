"""arnorm.spark: a Spark DataFrame column cleaned as arnorm.clean cleans each record.

Every test here runs on a real local Spark session (``local[2]``: two Python worker processes),
so they are all ``slow``. Spark needs Java; without it they are skipped.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from scale_support import expected, news_records

import arnorm.spark as arnorm_spark

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("java") is None and "JAVA_HOME" not in os.environ,
        reason="Spark needs Java (no java on PATH and no JAVA_HOME)",
    ),
]

RECORDS = news_records(150)


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    from pyspark.sql import SparkSession

    # The Python workers must run this interpreter, with arnorm installed, not the system one.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("arnorm-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        # Small Arrow batches, so that a partition is several batches of the iterator.
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def rows(spark: object, records: list[str | None], partitions: int) -> object:
    data = [(i, text, i * 0.5) for i, text in enumerate(records)]
    return spark.createDataFrame(data, "id long, text string, x double").repartition(partitions)  # type: ignore[attr-defined]


def test_each_record_is_cleaned_as_clean_cleans_it(spark: object) -> None:
    result = arnorm_spark.clean_column(rows(spark, RECORDS, 3), "text").collect()
    by_id = {row["id"]: row for row in result}
    want = expected(RECORDS)
    assert [by_id[i]["text"] for i in range(len(RECORDS))] == want
    assert [by_id[i]["x"] for i in range(len(RECORDS))] == [i * 0.5 for i in range(len(RECORDS))]


def test_options_reach_the_executors(spark: object) -> None:
    df = rows(spark, RECORDS, 2)
    result = arnorm_spark.clean_column(df, "text", preset="search", ignore={"AR104"})
    assert result.columns == ["id", "text", "x"]
    by_id = {row["id"]: row["text"] for row in result.collect()}
    want = expected(RECORDS, preset="search", ignore={"AR104"})
    assert [by_id[i] for i in range(len(RECORDS))] == want
    assert want != expected(RECORDS)


def test_only_a_string_column_of_the_frame(spark: object) -> None:
    df = rows(spark, RECORDS[:4], 1)
    with pytest.raises(TypeError, match="'id' is bigint"):
        arnorm_spark.clean_column(df, "id")
    with pytest.raises(KeyError, match="body"):
        arnorm_spark.clean_column(df, "body")
    with pytest.raises(TypeError, match="colour"):
        arnorm_spark.clean_column(df, "text", colour="red")
