"""The rule registry as a public interface: codes, names, docs, README (phenomenon: contract)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from arnorm.rules import BY_CODE, RULES, matching

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
