"""The per-document profile (phenomenon: how dirty one text is) and ``clean --annotate``."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from cli_support import NBSP, ZWSP, run
from hypothesis import example, given, settings
from strategies import arabic_text, non_arabic_text
from test_properties import CONFIGS

import arnorm
from arnorm.config import Config
from arnorm.engine import tally
from arnorm.profile import FAMILIES, combined, dirt_score, family_of

SENTENCE = "قال الوزير إن الحكومة ستجتمع يوم الأحد لمناقشة الميزانية الجديدة."


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
@settings(max_examples=50)  # per config: every rule is on in one of them
@given(text=arabic_text)
@example('قال\N{NO-BREAK SPACE}الوزير إنالحكومة "ستجتمع')
def test_counts_are_lints_and_text_is_cleans(config: Config, text: str) -> None:
    """The cheap pass cleans as clean does and finds what lint finds, rule by rule: as often,
    or more often where lint merges findings that land on one span of the input."""
    cleaned, counts = tally(text, config)
    assert cleaned == arnorm.clean(text, preset=config)
    linted = Counter(f.code for f in arnorm.lint(text, preset=config))
    assert set(counts) == set(linted)
    assert all(counts[code] >= n for code, n in linted.items())


@given(text=arabic_text | non_arabic_text)
def test_profile_numbers_stay_in_range(text: str) -> None:
    p = arnorm.profile(text)
    assert 0.0 <= p.dirt <= 100.0
    assert 0.0 <= p.arabic_share <= 1.0
    assert p.arabic_words <= len(text)
    assert p.tokens <= len(text)
    assert (p.dirt == 0.0) == (p.findings == 0) or p.characters > 1000 * p.findings
    assert p.changed == (arnorm.clean(text) != text)


@pytest.mark.parametrize(
    ("text", "share"),
    [
        pytest.param(SENTENCE, 1.0, id="all Arabic"),
        pytest.param("The minister said", 0.0, id="all Latin"),
        pytest.param("قال Reuters", 0.3, id="three Arabic letters of ten"),
        pytest.param("١٢٣ 456", 0.0, id="digits are no letters"),
        pytest.param("", 0.0, id="empty"),
    ],
)
def test_arabic_share_counts_letters(text: str, share: float) -> None:
    assert arnorm.profile(text).arabic_share == share


@pytest.mark.parametrize(
    ("text", "words", "tokens"),
    [
        pytest.param(SENTENCE, 10, 10, id="words"),
        pytest.param("«الوزير» (قال) 2024", 2, 3, id="punctuation around words"),
        pytest.param("كِتَابٌ جَمِيلٌ", 2, 2, id="harakat ride along"),
        pytest.param("the end", 0, 2, id="Latin"),
    ],
)
def test_arabic_words_and_tokens(text: str, words: int, tokens: int) -> None:
    p = arnorm.profile(text)
    assert (p.arabic_words, p.tokens) == (words, tokens)


def test_dirt_grows_with_density_and_weight() -> None:
    one = dirt_score({"AR104": 1}, 1000)
    assert 0 < one < dirt_score({"AR104": 2}, 1000) < dirt_score({"AR104": 2}, 500)
    assert dirt_score({"AR401": 1}, 1000) < one < dirt_score({"AR501": 1}, 1000)
    assert dirt_score({"AR701": 1000}, 1000) == 100.0


def test_dirt_does_not_grow_with_length() -> None:
    short = arnorm.profile(SENTENCE.replace(" ", NBSP, 1))
    long = arnorm.profile(" ".join([SENTENCE.replace(" ", NBSP, 1)] * 20))
    assert abs(short.dirt - long.dirt) < 5


@pytest.mark.parametrize("code", ["AR101", "AR205", "AR302", "AR401", "AR501", "AR601", "AR701"])
def test_every_code_has_a_family(code: str) -> None:
    assert family_of(code) in FAMILIES


def test_edits_only_when_asked() -> None:
    assert arnorm.profile(f"ب{ZWSP}ج").edits is None
    edits = arnorm.profile(f"ب{ZWSP}ج", edits=True).edits
    assert edits is not None
    assert [e.code for e in edits] == ["AR101"]


def test_options_are_the_cleans() -> None:
    assert arnorm.profile(f"ب{NBSP}ج", spaces=False).findings == 0
    assert arnorm.profile("كِتَاب", preset="search").counts == {"AR303": 2}


def test_combined_adds_up() -> None:
    parts = [arnorm.profile(f"ب{NBSP}ج"), arnorm.profile(SENTENCE)]
    both = combined(parts)
    assert both.characters == sum(p.characters for p in parts)
    assert dict(both.counts) == {"AR104": 1}
    assert combined([]).findings == 0


# --- arnorm clean --annotate -------------------------------------------------------------


def test_annotate_adds_the_profile_of_the_fields() -> None:
    record = {"id": 1, "title": f"عنوان{NBSP}الخبر", "text": f"{SENTENCE}{ZWSP}"}
    line = json.dumps(record, ensure_ascii=False) + "\n"
    result = run(
        "clean",
        "--jsonl",
        "--field",
        "title",
        "--field",
        "text",
        "--annotate",
        "p",
        stdin=line.encode(),
    )
    assert result.code == 0, result.err
    out = json.loads(result.out)
    assert out["text"] == SENTENCE
    assert out["title"] == "عنوان الخبر"
    assert out["p"]["counts"] == {"AR101": 1, "AR104": 1}
    assert out["p"]["characters"] == len(record["title"]) + len(record["text"])
    assert list(out) == ["id", "title", "text", "p"]


def test_annotate_replaces_an_old_profile_in_place() -> None:
    line = f'{{"p": {{"old": [1, 2]}}, "text": "ب{NBSP}ج"}}\n'
    out = run("clean", "--jsonl", "--annotate", "p", stdin=line.encode()).out
    assert list(json.loads(out)) == ["p", "text"]
    assert json.loads(out)["p"]["counts"] == {"AR104": 1}


def test_annotate_keeps_the_rest_of_the_line() -> None:
    line = '{"text": "نص", "x": 1.50}\n'
    out = run("clean", "--jsonl", "--annotate", "p", stdin=line.encode()).out
    assert out.startswith('{"text": "نص", "x": 1.50, "p": {"dirt": 0.0,')


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["clean", "--annotate", "p"], id="text input"),
        pytest.param(["clean", "--jsonl", "--annotate", "text"], id="the cleaned field"),
    ],
)
def test_annotate_refuses_what_it_cannot_do(argv: list[str]) -> None:
    result = run(*argv, stdin=b"x\n")
    assert result.code == 2
    assert "--annotate" in result.err
