"""The local copy of wordfreq's list (arnorm.lexicon.cache): read back as the API gives it,
made again when wordfreq's file changes, ignored when damaged, never in the way."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import wordfreq

from arnorm.lexicon import cache
from arnorm.lexicon.words import read_wordfreq, wordfreq_buckets


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARNORM_CACHE_DIR", str(tmp_path))
    return tmp_path


def _no_api(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("wordfreq's API was asked although a copy was there")

    monkeypatch.setattr(wordfreq, "get_frequency_list", refuse)


def test_the_copy_reads_back_what_the_api_gave(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    through_api = wordfreq.get_frequency_list("ar", "small")
    assert [list(b) for b in wordfreq_buckets("ar", "small")] == through_api
    stamp = cache.source_stamp("ar", "small")
    assert stamp is not None
    assert cache.copy_path(folder, "ar", "small", stamp).is_file()
    _no_api(monkeypatch)
    assert [list(b) for b in wordfreq_buckets("ar", "small")] == through_api


def test_the_large_list_is_the_same_dictionary_either_way(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = read_wordfreq()  # through the API, and copied
    _no_api(monkeypatch)
    second = read_wordfreq()
    assert second == first
    assert list(second) == list(first)  # in wordfreq's order, most frequent first


def test_each_wordfreq_install_has_its_copy(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a project's environment and its pre-commit hook's: neither overwrites the other's copy
    real = wordfreq.get_frequency_list
    asked: list[tuple[str, ...]] = []

    def counted(*args: str) -> list[list[str]]:
        asked.append(args)
        return real(*args)

    monkeypatch.setattr(wordfreq, "get_frequency_list", counted)
    for install in ("one", "two", "one", "two"):
        monkeypatch.setattr(cache, "source_stamp", lambda lang, wordlist, i=install: i)
        assert wordfreq_buckets("ar", "small")
    assert len(asked) == 2  # once per install: the second round read the copies
    assert len(list(folder.glob("wordfreq-small_ar-*.txt"))) == 2


def test_stale_copies_go_when_a_new_one_is_written(folder: Path) -> None:
    old = cache.copy_path(folder, "ar", "small", "old wordfreq")
    used = cache.copy_path(folder, "ar", "small", "in use")
    assert cache.save(old, "old wordfreq", [["في"]])
    assert cache.save(used, "in use", [["في"]])
    long_ago = time.time() - (cache.STALE_DAYS + 1) * 86_400
    for path in (old, used):
        os.utime(path, (long_ago, long_ago))
    assert cache.load(used, "in use") == [["في"]]  # reading it marks it in use
    new = cache.copy_path(folder, "ar", "small", "new wordfreq")
    assert cache.save(new, "new wordfreq", [["في"]])
    assert sorted(folder.iterdir()) == sorted([used, new])


DAMAGED = [
    pytest.param(lambda text: text[: len(text) // 2], id="cut short"),
    pytest.param(lambda text: "arnorm-wordlist/0" + text[len(cache.FORMAT) :], id="old format"),
    pytest.param(lambda text: text.replace("\t", " ", 1), id="header without fields"),
    pytest.param(lambda text: text.replace(",", ",x", 1), id="sizes not numbers"),
    pytest.param(lambda text: text + "\nزائدة", id="a word too many"),
]


@pytest.mark.parametrize("damage", DAMAGED)
def test_a_damaged_copy_is_ignored(folder: Path, damage) -> None:  # type: ignore[no-untyped-def]
    buckets = [["في", "من"], ["على"], [], ["الوزير"]]
    path = folder / "list.txt"
    assert cache.save(path, "stamp", buckets)
    assert cache.load(path, "stamp") == buckets
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert cache.load(path, "stamp") is None


def test_undecodable_or_missing_copies_are_ignored(folder: Path) -> None:
    assert cache.load(folder / "absent.txt", "stamp") is None
    (folder / "bad.txt").write_bytes(b"\xff\xfe" * 10)
    assert cache.load(folder / "bad.txt", "stamp") is None


def test_a_word_with_a_line_break_is_not_copied(folder: Path) -> None:
    assert not cache.save(folder / "list.txt", "stamp", [["في"], ["a\nb"]])
    assert not (folder / "list.txt").exists()


@pytest.mark.parametrize("setting", ["off", "", "0"])
def test_the_copy_can_be_turned_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    monkeypatch.setenv("ARNORM_CACHE_DIR", setting)
    monkeypatch.chdir(tmp_path)
    assert cache.cache_dir() is None
    assert wordfreq_buckets("ar", "small")
    assert list(tmp_path.iterdir()) == []


def test_the_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARNORM_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "arnorm"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.cache_dir() == Path.home() / ".cache" / "arnorm"


def test_a_folder_that_cannot_be_written_leaves_the_api(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ARNORM_CACHE_DIR", str(blocker / "arnorm"))
    assert [list(b) for b in wordfreq_buckets("ar", "small")] == wordfreq.get_frequency_list(
        "ar", "small"
    )
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_the_stamp_names_wordfreqs_file() -> None:
    stamp = cache.source_stamp("ar", "large")
    assert stamp is not None
    assert "large_ar.msgpack.gz" in stamp
    assert cache.source_stamp("xx", "nonexistent") is None


def test_no_home_folder_means_no_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARNORM_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def homeless() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", homeless)
    assert cache.cache_dir() is None
    assert wordfreq_buckets("ar", "small")
