"""arnorm.datatrove: a formatter that cleans each document as arnorm.clean does, counting edits
per rule in datatrove's stats, and a filter that drops documents with too many findings.

The ``slow`` test runs both in a real ``LocalPipelineExecutor`` (2 tasks, 2 worker processes)
reading and writing JSONL.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document
from scale_support import news_records

import arnorm
from arnorm.datatrove import REASON, ArnormFilter, ArnormFormatter, findings_per_1000
from arnorm.engine import explain

# datatrove's reader skips documents with no text.
TEXTS = [r for r in news_records(60) if r]
THRESHOLD = 40.0  # splits the (deliberately dirty) samples about in half


def counts_of(texts: list[str], **options: object) -> Counter[str]:
    total: Counter[str] = Counter()
    for text in texts:
        total.update(explain(arnorm.fix(text, **options).edits))  # type: ignore[arg-type]
    return total


def test_the_formatter_cleans_as_clean_does_and_counts_each_rule() -> None:
    formatter = ArnormFormatter(preset="search", ignore={"AR104"})
    assert [formatter.format(t) for t in TEXTS] == [
        arnorm.clean(t, preset="search", ignore={"AR104"}) for t in TEXTS
    ]
    stats = formatter.stats.to_dict()["stats"]
    want = counts_of(TEXTS, preset="search", ignore={"AR104"})
    assert want
    assert "AR104" not in want
    assert {code: total(stats[code]) for code in want} == dict(want)


def test_the_formatter_without_statistics_counts_nothing() -> None:
    formatter = ArnormFormatter(statistics=False)
    assert [formatter.format(t) for t in TEXTS] == [arnorm.clean(t) for t in TEXTS]
    assert not any(key.startswith("AR") for key in formatter.stats.to_dict()["stats"])


def test_the_filter_keeps_documents_under_the_threshold_unchanged() -> None:
    docs = [Document(text=t, id=str(i), metadata={"k": i}) for i, t in enumerate(TEXTS)]
    step = ArnormFilter(THRESHOLD)
    results = [step.filter(doc) for doc in docs]
    for doc, text, result in zip(docs, TEXTS, results, strict=True):
        density = findings_per_1000(text, arnorm.CLEAN)
        assert result == (True if density <= THRESHOLD else (False, REASON))
        assert doc.text == text
    assert {True, (False, REASON)} <= set(results)  # the sample has both


def test_the_filter_counts_findings_per_1000_characters() -> None:
    text = " ".join(["قال\N{NO-BREAK SPACE}الوزير"] * 10)  # ten findings in 109 characters
    assert findings_per_1000(text, arnorm.CLEAN) == pytest.approx(1000 * 10 / len(text))
    assert findings_per_1000("قال الوزير", arnorm.CLEAN) == 0.0
    with pytest.raises(ValueError, match="threshold"):
        ArnormFilter(-1)
    with pytest.raises(TypeError, match="colour"):
        ArnormFormatter(colour="red")


def total(stat: int | dict[str, float]) -> float:
    """A stat's total: datatrove writes a plain count as a number, others as a dict."""
    return stat["total"] if isinstance(stat, dict) else stat


def read_jsonl(folder: Path) -> list[dict[str, object]]:
    return [
        json.loads(line)
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


@pytest.mark.slow
def test_a_local_pipeline_of_two_tasks_and_two_workers(tmp_path: Path) -> None:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    source = tmp_path / "in"
    source.mkdir()
    for part in range(2):
        lines = [
            json.dumps({"id": f"{part}-{i}", "text": t}, ensure_ascii=False)
            for i, t in enumerate(TEXTS)
            if i % 2 == part
        ]
        (source / f"part{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pipeline = [
        JsonlReader(str(source)),
        ArnormFilter(
            THRESHOLD, exclusion_writer=JsonlWriter(str(tmp_path / "dropped"), compression=None)
        ),
        ArnormFormatter(),
        JsonlWriter(str(tmp_path / "out"), compression=None),
    ]
    LocalPipelineExecutor(pipeline, tasks=2, workers=2, logging_dir=str(tmp_path / "logs")).run()

    texts = {f"{i % 2}-{i}": t for i, t in enumerate(TEXTS)}
    kept = {d for d, t in texts.items() if findings_per_1000(t, arnorm.CLEAN) <= THRESHOLD}
    out = read_jsonl(tmp_path / "out")
    assert {doc["id"]: doc["text"] for doc in out} == {d: arnorm.clean(texts[d]) for d in kept}
    dropped = read_jsonl(tmp_path / "dropped")
    assert {doc["id"] for doc in dropped} == set(texts) - kept
    assert all(doc["metadata"]["filter_reason"] == REASON for doc in dropped)
    assert all(doc["text"] == texts[doc["id"]] for doc in dropped)

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    filter_stats, formatter_stats = stats[1]["stats"], stats[2]["stats"]
    assert total(filter_stats[f"dropped_{REASON}"]) == len(texts) - len(kept)
    want = counts_of([texts[d] for d in kept])
    assert {code: total(formatter_stats[code]) for code in want} == dict(want)
