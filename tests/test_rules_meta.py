"""The rule registry as a public interface: codes, names, docs, README (phenomenon: contract)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import arnorm
from arnorm.rules import ALIASES, BY_CODE, RULES, matching

README = Path(__file__).resolve().parent.parent / "README.md"


def test_codes_and_names_are_unique_and_well_formed() -> None:
    assert len(BY_CODE) == len(RULES)
    assert len({rule.name for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert re.fullmatch(r"AR[1-9]\d\d", rule.code), rule.code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_each_rule_documents_what_why_example_and_safety(rule: object) -> None:
    doc = rule.doc  # type: ignore[attr-defined]
    for section in ("## What it does", "## Why", "## Example", "## Fix safety"):
        assert section in doc, f"{rule.code} lacks {section}"  # type: ignore[attr-defined]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_each_rule_has_a_row_in_the_readme(rule: object) -> None:
    text = README.read_text(encoding="utf-8")
    row = f"| {rule.code} | `{rule.name}` |"  # type: ignore[attr-defined]
    assert row in text, f"README lacks a row starting {row!r}"


def test_selectors_take_codes_prefixes_and_names() -> None:
    assert matching(["AR101"]) == {"AR101"}
    assert matching(["invisible-character"]) == {"AR101"}
    assert "AR101" in matching(["AR1"])


#: Mojibake of "الرياض" (its UTF-8 read as windows-1256), and a stray HTML reference.
SCRAPED = "\u0637\u00a7\u0638\u201e\u0637\u00b1\u0638\u0679\u0637\u00a7\u0637\u00b6 &quot;"


def test_scraping_repairs_have_a_prefix_of_their_own() -> None:
    assert matching(["AR7"]) == {"AR701", "AR702", "AR703"}
    assert not matching(["AR4"]) & matching(["AR7"])  # --ignore AR4: typography only


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(["AR441"], {"AR701"}, id="old mojibake code"),
        pytest.param(["ar431"], {"AR702"}, id="old entity code, any case"),
        pytest.param(["AR43"], {"AR702", "AR703"}, id="old prefix matching only old codes"),
    ],
)
def test_old_codes_still_select_their_rules(old: list[str], new: set[str]) -> None:
    assert matching(old) == new


def test_old_codes_are_never_reused() -> None:
    assert not set(ALIASES) & set(BY_CODE)
    assert sum(len(rule.aliases) for rule in RULES) == len(ALIASES)  # no alias on two rules


def test_an_old_code_in_ignore_switches_the_rule_off() -> None:
    assert arnorm.clean(SCRAPED) == 'الرياض "'
    assert arnorm.clean(SCRAPED, ignore={"AR441", "AR431"}) == SCRAPED
    assert {f.code for f in arnorm.lint(SCRAPED)} >= {"AR701", "AR702"}


def test_old_codes_work_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cli_support import run

    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(SCRAPED + "\n", encoding="utf-8")
    Path("b.txt").write_text(SCRAPED + " # arnorm: ignore[AR441]\n", encoding="utf-8")
    found = run("check", "--select", "AR441", "a.txt", "b.txt")
    assert found.code == 1
    assert "AR701" in found.out
    assert "b.txt" not in found.out
    assert "# AR701 mojibake" in run("rules", "AR441").out
