"""``arnorm clean --parquet``: text columns cleaned row group by row group, everything else kept."""

from __future__ import annotations

from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from cli_support import NBSP, run  # noqa: E402
from scale_support import news_records  # noqa: E402

import arnorm  # noqa: E402

RECORDS = news_records(90)
TITLES = news_records(90, seed=16)


def news_table() -> object:
    schema = pa.schema(
        [
            ("id", pa.int64()),
            ("title", pa.large_string()),
            ("text", pa.string()),
            ("tags", pa.list_(pa.string())),
            ("views", pa.float64()),
        ],
        metadata={b"source": b"arnorm tests"},
    )
    rows = len(RECORDS)
    columns = [
        list(range(rows)),
        TITLES,
        RECORDS,
        [[f"وسم{NBSP}{i}"] for i in range(rows)],
        [i * 1.5 for i in range(rows)],
    ]
    return pa.table(columns, schema=schema)


@pytest.fixture
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "news.parquet"
    pq.write_table(news_table(), path, row_group_size=20, compression={"text": "zstd"})
    return path


def cleaned(values: list[str | None]) -> list[str | None]:
    """What ``arnorm clean`` gives (the news filter turns html_tags on)."""
    return [None if v is None else arnorm.clean(v, html_tags=True) for v in values]


def clean(*argv: str) -> object:
    outcome = run("clean", "--isolated", "--parquet", *argv)
    assert (outcome.code, outcome.out) == (0, ""), outcome.err
    return outcome


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_columns_are_cleaned_and_everything_else_kept(news: Path, jobs: str) -> None:
    clean("--column", "text", "--column", "title", str(news), "-o", "out.parquet", "-j", jobs)
    source, out = pq.ParquetFile(news), pq.ParquetFile("out.parquet")
    table = out.read()
    assert table.schema.equals(source.schema_arrow, check_metadata=True)
    assert table.column("text").to_pylist() == cleaned(RECORDS)
    assert table.column("title").to_pylist() == cleaned(TITLES)
    for name in ("id", "tags", "views"):
        assert table.column(name).equals(source.read().column(name))
    assert out.num_row_groups == source.num_row_groups == 5
    assert out.metadata.row_group(0).column(2).compression == "ZSTD"


def test_text_is_the_default_column(news: Path) -> None:
    clean(str(news), "-o", "out.parquet")
    table = pq.read_table("out.parquet")
    assert table.column("text").to_pylist() == cleaned(RECORDS)
    assert table.column("title").to_pylist() == TITLES


def test_statistics_count_records_and_rules(news: Path) -> None:
    outcome = clean("--statistics", "--select", "AR104", str(news), "-o", "out.parquet")
    changed = sum(r is not None and NBSP in r for r in RECORDS)
    assert changed
    assert outcome.err.startswith(f"arnorm clean: 90 records, {changed} changed\n")
    assert "AR104  exotic-space" in outcome.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(
            ["--column", "body"], "no column 'body' (the file has: id, title", id="absent"
        ),
        pytest.param(["--column", "views"], "column 'views' holds double, not strings", id="type"),
    ],
)
def test_bad_columns_are_input_errors(news: Path, argv: list[str], message: str) -> None:
    outcome = run("clean", "--isolated", "--parquet", *argv, str(news), "-o", "out.parquet")
    assert outcome.code == 2
    assert outcome.err.startswith(f"{news}: {message}")
    assert not Path("out.parquet").exists()


def test_a_file_that_is_not_parquet_is_left_alone(news: Path) -> None:
    Path("out.parquet").write_bytes(b"old")
    Path("notes.txt").write_text("قال الوزير\n", encoding="utf-8")
    outcome = run("clean", "--isolated", "--parquet", "notes.txt", "-o", "out.parquet")
    assert (outcome.code, outcome.err.startswith("notes.txt: not a Parquet file")) == (2, True)
    assert Path("out.parquet").read_bytes() == b"old"
    stdin = run("clean", "--isolated", "--parquet", "-", stdin=b"x")
    assert (stdin.code, stdin.err) == (2, "-: Parquet is read from a file, not from stdin\n")


def test_columns_that_names_do_not_pick_out_are_kept_too(tmp_path: Path) -> None:
    # a name picks out every column so named and the fields nested under it: with two "id"
    # columns and a top-level "meta.x" beside the struct "meta", the kept columns are read
    # from whole row groups, in each of them
    rows = len(RECORDS)
    table = pa.table(
        [
            list(range(rows)),
            RECORDS,
            [{"x": f"م{i}"} for i in range(rows)],
            [f"x{NBSP}{i}" for i in range(rows)],
            [-i for i in range(rows)],
        ],
        names=["id", "text", "meta", "meta.x", "id"],
    )
    source, out = tmp_path / "odd.parquet", tmp_path / "out.parquet"
    pq.write_table(table, source, row_group_size=30)
    clean("--column", "text", str(source), "-o", str(out))
    written = pq.ParquetFile(out).read()  # read_table's dataset refuses duplicate names
    assert written.schema.equals(table.schema)
    assert written.column(1).to_pylist() == cleaned(RECORDS)
    for i in (0, 2, 3, 4):
        assert written.column(i).to_pylist() == table.column(i).to_pylist()
    assert pq.ParquetFile(out).num_row_groups == 3
