"""arnorm.dask: a Dask DataFrame column and a Dask Bag cleaned as arnorm.clean cleans each record.

The fast tests run Dask's local scheduler in this process; the ``slow`` ones start a real
``distributed.LocalCluster`` with two worker processes, which is what a user runs.
"""

from __future__ import annotations

import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")

from scale_support import expected, news_records  # noqa: E402

import arnorm.dask as arnorm_dask  # noqa: E402

RECORDS = news_records(120)


def frame(records: list[str | None], partitions: int) -> object:
    table = pd.DataFrame({"id": range(len(records)), "text": records, "n": 1.5})
    return dd.from_pandas(table, npartitions=partitions)


@pytest.mark.parametrize("partitions", [1, 4, 9])
def test_each_record_is_cleaned_as_clean_cleans_it(partitions: int) -> None:
    result = arnorm_dask.clean_column(frame(RECORDS, partitions), "text").compute(scheduler="sync")
    assert result["text"].tolist() == [pd.NA if r is None else r for r in expected(RECORDS)]
    assert result["id"].tolist() == list(range(len(RECORDS)))
    assert result["n"].tolist() == [1.5] * len(RECORDS)


def test_options_reach_the_workers() -> None:
    ddf = frame(RECORDS, 3)
    result = arnorm_dask.clean_column(ddf, "text", preset="search", ignore={"AR104"})
    want = expected(RECORDS, preset="search", ignore={"AR104"})
    assert result.compute(scheduler="sync")["text"].tolist() == [
        pd.NA if r is None else r for r in want
    ]
    assert want != expected(RECORDS)  # the options changed something


def test_the_column_keeps_its_dtype_and_place() -> None:
    ddf = frame(RECORDS, 2)
    result = arnorm_dask.clean_column(ddf, "text")
    assert list(result.columns) == ["id", "text", "n"]
    assert result.dtypes.to_dict() == ddf.dtypes.to_dict()


def test_bad_options_and_columns_fail_before_anything_runs() -> None:
    with pytest.raises(TypeError, match="colour"):
        arnorm_dask.clean_column(frame(RECORDS, 2), "text", colour="red")
    with pytest.raises(KeyError, match="body"):
        arnorm_dask.clean_column(frame(RECORDS, 2), "body")


def test_a_bag_of_strings() -> None:
    texts = [r for r in RECORDS if r is not None]
    bag = db.from_sequence(texts, npartitions=5)
    assert arnorm_dask.clean_bag(bag).compute(scheduler="sync") == expected(texts)


def _word_list_loads() -> int:
    from arnorm.lexicon.words import default_lexicon

    return default_lexicon.cache_info().misses


@pytest.mark.slow
def test_a_local_cluster_of_two_worker_processes() -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        result = arnorm_dask.clean_column(frame(RECORDS, 8), "text").compute()
        texts = [r for r in RECORDS if r is not None]
        bag = arnorm_dask.clean_bag(db.from_sequence(texts, npartitions=6)).compute()
        loads = client.run(_word_list_loads)
    assert result["text"].tolist() == [pd.NA if r is None else r for r in expected(RECORDS)]
    assert bag == expected(texts)
    assert len(loads) == 2
    assert sorted(loads.values()) == [1, 1]  # the word list was read once in each worker
