"""Cleaning a corpus at scale: arnorm in one process, then on Dask, Spark and datatrove.

Run from the repository root with the engines installed
(``pip install -e '.[dask,spark,datatrove,parquet]'``):

    python benchmarks/bench_scale.py --data DIR                 # 100 MB, every engine
    python benchmarks/bench_scale.py --data DIR --mb 1000 --engines dask   # memory on 1 GB

The corpus is built from the news of the data folder, read by ``benchmarks/corpus.py`` (any
corpus it reads; by default the news_raw articles of the dev data; ``--data DIR`` or the
``ARNORM_DATA`` environment variable; by default ``../shared/data`` beside the repository):
their sentences are dealt, in a seeded shuffle, into documents of 3 to 12 sentences, a fresh
shuffle for every pass over them, so no document repeats although each sentence comes back
once per pass. It is written to ``--work`` (a temporary folder, never the repository) as one
Parquet file of row groups of 2,000 documents, and as JSONL parts for datatrove.

Each engine runs with two workers (one per core of a 2-core machine). Two runs in one process
come first: ``single`` cleans the texts, read into memory beforehand, with
:func:`arnorm.clean` (the reference of the identity check), and ``pipeline`` does in a fresh
process what each Dask worker does, with no engine (read a row group into pandas, clean the
column, write Parquet): the fair baseline of the engines, which read and write too. The table
gives the megabytes of UTF-8 text per second of wall time, the engine's start-up, the ratio to
one process (``x one``: to ``pipeline``, or to ``single`` when ``pipeline`` is not run), the
peak memory of each worker process where the engine lets us read it, and whether every record
came out exactly as :func:`arnorm.clean` gives it (compared by a hash of each record, against
the single-process run, or against ``arnorm.clean`` on every 97th record when the single
process is not run). Times on a shared machine are noisy; run it twice.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import corpus as news  # noqa: E402  (the one data setting and news reader of the benchmarks)

import arnorm  # noqa: E402

ENGINES = ("single", "pipeline", "dask", "spark", "datatrove")
ROW_GROUP = 2_000
JSONL_PARTS = 8
SAMPLE_EVERY = 97


# --- the corpus -------------------------------------------------------------------------------


def sentences(lines: list[str]) -> list[str]:
    """Every distinct sentence of the lines (cut after . ! ? ؟ and a space)."""
    found = (s.strip() for line in lines for s in re.split(r"(?<=[.!?؟])\s+", line))
    return list(dict.fromkeys(s for s in found if s))


def documents(pool: list[str], megabytes: float, seed: int = 15) -> Iterator[str]:
    """Documents of 3 to 12 sentences dealt from seeded shuffles of `pool`, up to `megabytes`."""
    pick, budget, deck = random.Random(seed), megabytes * 1e6, []
    while budget > 0:
        size = pick.randint(3, 12)
        while len(deck) < size:
            fresh = pool[:]
            pick.shuffle(fresh)
            deck.extend(fresh)
        text = " ".join(deck[:size])
        del deck[:size]
        budget -= len(text.encode("utf-8"))
        yield text


def build(data: Path, megabytes: float, work: Path) -> Path:
    """Write the corpus as ``corpus.parquet`` and ``jsonl/part-N.jsonl`` under `work`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    work.mkdir(parents=True, exist_ok=True)
    (work / "jsonl").mkdir(exist_ok=True)
    pool = sentences(news.news_lines(data))
    schema = pa.schema([("id", pa.int64()), ("text", pa.string())])
    with contextlib.ExitStack() as stack:
        parts = [
            stack.enter_context(open(work / "jsonl" / f"part-{i}.jsonl", "w", encoding="utf-8"))
            for i in range(JSONL_PARTS)
        ]
        writer = stack.enter_context(pq.ParquetWriter(work / "corpus.parquet", schema))
        batch: list[str] = []
        start = 0
        for number, text in enumerate(documents(pool, megabytes)):
            batch.append(text)
            record = {"id": str(number), "text": text}
            parts[number % JSONL_PARTS].write(json.dumps(record, ensure_ascii=False) + "\n")
            if len(batch) == ROW_GROUP:
                writer.write_table(_table(schema, start, batch))
                start, batch = start + len(batch), []
        if batch:
            writer.write_table(_table(schema, start, batch))
    print(f"corpus: {len(pool):,} distinct sentences of the news, {megabytes:,.0f} MB in {work}")
    return work / "corpus.parquet"


def _table(schema: object, start: int, texts: list[str]) -> object:
    import pyarrow as pa

    return pa.table([list(range(start, start + len(texts))), texts], schema=schema)


def read_texts(path: Path) -> list[str]:
    import pyarrow.parquet as pq

    return pq.read_table(path, columns=["text"]).column("text").to_pylist()


def text_megabytes(path: Path) -> float:
    """The UTF-8 size of the texts, read one row group at a time."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    source, total = pq.ParquetFile(path), 0
    for number in range(source.num_row_groups):
        column = source.read_row_group(number, columns=["text"]).column("text")
        total += pc.sum(pc.binary_length(column)).as_py()
    return total / 1e6


def first_text(path: Path) -> str:
    import pyarrow.parquet as pq

    text: str = pq.ParquetFile(path).read_row_group(0).column("text")[0].as_py()
    return text


def digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).digest()


# --- the runs ---------------------------------------------------------------------------------


@dataclass
class Run:
    engine: str
    seconds: float
    start_up: float = 0.0
    peak_mb: list[float] | None = None
    identical: str = "not checked"
    cpu: float | None = None  # CPU seconds of the cleaning processes, where we can read them


def run_single(corpus: Path) -> tuple[Run, list[bytes]]:
    texts = read_texts(corpus)
    clean = arnorm.cleaner()
    started = time.perf_counter()
    clean(texts[0])  # the word list and the lazily built tables, once per process
    loaded, cpu = time.perf_counter(), time.process_time()
    digests = [digest(clean(text)) for text in texts]
    done, cpu = time.perf_counter(), time.process_time() - cpu
    run = Run("single", done - loaded, loaded - started, [_peak_rss_mb()], "reference", cpu)
    return run, digests


def run_pipeline(corpus: Path, work: Path) -> tuple[Run, dict[int, bytes]]:
    """One process doing what each Dask worker does, with no engine: read a row group into
    pandas, clean its column with :func:`arnorm.dask.clean_partition`, write it to Parquet.
    The engines' fair baseline: the same reading, conversions and writing, on one core, in a
    fresh process (the caches of ``single`` would flatter it)."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(1) as pool:
        run = pool.apply(_pipeline, (corpus, work))
    return run, _digests_by_id(work / "pipeline-out")


def _pipeline(corpus: Path, work: Path) -> Run:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from arnorm.dask import clean_partition

    out = work / "pipeline-out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    clean = arnorm.cleaner()
    started = time.perf_counter()
    _start_up(first_text(corpus))
    loaded, cpu = time.perf_counter(), time.process_time()
    source = pq.ParquetFile(corpus)
    with pq.ParquetWriter(out / "part.parquet", source.schema_arrow) as writer:
        for number in range(source.num_row_groups):
            part = clean_partition(source.read_row_group(number).to_pandas(), "text", clean)
            writer.write_table(pa.Table.from_pandas(part, preserve_index=False))
    done, cpu = time.perf_counter(), time.process_time() - cpu
    return Run("pipeline", done - loaded, loaded - started, [_peak_rss_mb()], cpu=cpu)


def _start_up(text: str, *modules: str) -> None:
    """What a worker process does once, before its first partition: import the data
    libraries a partition needs (pandas and pyarrow, about 0.5 s, and in a Dask worker
    `modules`: dask.dataframe, 0.4 s more) and load the word list and the lazily built
    tables. The pipeline and each Dask worker pay it alike, as start-up, so that the timed
    run compares the cleaning of the corpus, not the imports of one process or another."""
    for module in ("pandas", "pyarrow.parquet", *modules):
        importlib.import_module(module)
    arnorm.clean(text)


def _peak_rss_mb() -> float:
    """The peak resident memory of this process. Linux keeps ru_maxrss across exec, so a
    worker spawned after a large process reports that process's peak; the address space's
    own high-water mark (VmHWM) starts afresh with the program."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_dask(corpus: Path, work: Path) -> tuple[Run, dict[int, bytes]]:
    import dask
    import dask.dataframe as dd
    import distributed

    import arnorm.dask

    out = work / "dask-out"
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    # The workers' statistical profiler wakes every 10 ms, and each process's event loop ticks
    # every 20 ms (to warn when it is blocked): each wake takes the GIL from the cleaning's
    # thread. docs/scale.md advises both settings for pure-Python tasks such as these.
    profile = os.environ.get("BENCH_DASK_PROFILE", "0") == "1"
    tick = os.environ.get("BENCH_DASK_TICK", "1s")
    settings = {
        "distributed.worker.profile.enabled": profile,
        "distributed.admin.tick.interval": tick,
    }
    with (
        dask.config.set(settings),
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        # each worker's imports and word list, as the pipeline's process does them
        client.run(_start_up, first_text(corpus), "dask.dataframe")
        ready, cpu = time.perf_counter(), sum(client.run(_cpu_seconds).values())
        ddf = dd.read_parquet(str(corpus), split_row_groups=True)
        arnorm.dask.clean_column(ddf, "text").to_parquet(str(out), write_index=False)
        done, cpu = time.perf_counter(), sum(client.run(_cpu_seconds).values()) - cpu
        peaks = sorted(client.run(_peak_rss_mb).values())
    run = Run("dask", done - ready, ready - started, peaks, cpu=cpu)
    return run, _digests_by_id(out)


def run_spark(corpus: Path, work: Path) -> tuple[Run, dict[int, bytes]]:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    import arnorm.spark

    out = work / "spark-out"
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.files.maxPartitionBytes", str(16 << 20))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    ready = time.perf_counter()
    try:
        df = spark.read.parquet(str(corpus))
        arnorm.spark.clean_column(df, "text").write.parquet(str(out))
        done = time.perf_counter()
    finally:
        spark.stop()
    return Run("spark", done - ready, ready - started), _digests_by_id(out)


def run_datatrove(work: Path) -> tuple[Run, dict[int, bytes]]:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from arnorm.datatrove import ArnormFormatter

    out, logs = work / "datatrove-out", work / "datatrove-logs"
    for folder in (out, logs):
        shutil.rmtree(folder, ignore_errors=True)
    pipeline = [
        JsonlReader(str(work / "jsonl")),
        ArnormFormatter(statistics=False),
        JsonlWriter(str(out), compression=None),
    ]
    executor = LocalPipelineExecutor(pipeline, tasks=2, workers=2, logging_dir=str(logs))
    started = time.perf_counter()
    executor.run()
    done = time.perf_counter()
    digests = {}
    for path in sorted(out.glob("*.jsonl")):
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                digests[int(record["id"])] = digest(record["text"])
    return Run("datatrove", done - started), digests


def _digests_by_id(folder: Path) -> dict[int, bytes]:
    import pyarrow.dataset as ds

    digests: dict[int, bytes] = {}
    for batch in ds.dataset(str(folder), format="parquet").to_batches(columns=["id", "text"]):
        for number, text in zip(
            batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True
        ):
            digests[number] = digest(text)
    return digests


def check(
    run: Run, got: dict[int, bytes], want: list[bytes] | None, texts: Callable[[], list[str]]
) -> None:
    """Set ``run.identical``: against every reference digest, or against arnorm.clean on a
    sample of records."""
    if want is not None:
        same = len(got) == len(want) and all(got.get(i) == d for i, d in enumerate(want))
        run.identical = f"{'yes' if same else 'NO'}, all {len(want):,} records"
        return
    corpus = texts()
    sample = range(0, len(corpus), SAMPLE_EVERY)
    same = len(got) == len(corpus) and all(
        got[i] == digest(arnorm.clean(corpus[i])) for i in sample
    )
    run.identical = f"{'yes' if same else 'NO'}, every {SAMPLE_EVERY}th of {len(corpus):,}"


def start_up_of_a_process(text: str) -> float:
    """Seconds for a fresh interpreter to import arnorm and clean its first document (the word
    list and the tables built on first use)."""
    code = "import sys, time; t = time.perf_counter(); import arnorm; "
    code += "arnorm.clean(sys.stdin.read()); print(time.perf_counter() - t)"
    result = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True
    )
    return float(result.stdout)


# --- the report -------------------------------------------------------------------------------


def report(runs: list[Run], megabytes: float, start_up: float) -> None:
    single = next((r.seconds for r in runs if r.engine == "single"), None)
    base = next((r.seconds for r in runs if r.engine == "pipeline"), single)
    print(f"\n{megabytes:,.1f} MB of text, 2 workers", end="; ")
    print(f"a fresh process imports arnorm and cleans its first document in {start_up:.1f} s")
    print(
        f"{'engine':<10} {'MB/s':>6} {'seconds':>8} {'start-up':>8} {'x one':>8}"
        f" {'MB/cpu-s':>8}  {'peak MB per worker':<18}  identical to arnorm.clean"
    )
    for run in runs:
        speed = megabytes / run.seconds
        ratio = f"{base / run.seconds:.2f}" if base else "-"
        peaks = ", ".join(f"{p:,.0f}" for p in run.peak_mb) if run.peak_mb else "-"
        per_cpu = f"{megabytes / run.cpu:.2f}" if run.cpu else "-"
        print(
            f"{run.engine:<10} {speed:>6.2f} {run.seconds:>8.1f} {run.start_up:>8.1f} {ratio:>8}"
            f" {per_cpu:>8}  {peaks:<18}  {run.identical}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    news.add_data_argument(parser)
    parser.add_argument("--mb", type=float, default=100, help="corpus size in MB (100)")
    parser.add_argument("--engines", default=",".join(ENGINES), help="a comma list")
    parser.add_argument("--work", help="a scratch folder (default: a new temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args()
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    work = Path(args.work or tempfile.mkdtemp(prefix="arnorm-scale-"))
    try:
        corpus = build(news.data_dir(args.data), args.mb, work)
        megabytes = text_megabytes(corpus)
        runs, want = [], None
        if "single" in engines:
            run, want = run_single(corpus)
            runs.append(run)
        for engine in ("pipeline", "dask", "spark", "datatrove"):
            if engine in engines:
                run, got = (
                    run_pipeline(corpus, work)
                    if engine == "pipeline"
                    else run_dask(corpus, work)
                    if engine == "dask"
                    else run_spark(corpus, work)
                    if engine == "spark"
                    else run_datatrove(work)
                )
                check(run, got, want, lambda: read_texts(corpus))
                runs.append(run)
        report(runs, megabytes, start_up_of_a_process(first_text(corpus)))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
