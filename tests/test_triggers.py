"""Rule triggers: a text without any trigger character gets no edit (phenomenon: prefilter).

The engine skips a rule whose trigger characters are absent from the text, so a trigger that
misses a character the rule acts on would silently switch the rule off.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from strategies import arabic_text

import arnorm
from arnorm.config import NONE, PRESETS, Config, choices
from arnorm.engine import active_rules
from arnorm.rules import RULES
from arnorm.rules.base import Rule

CONFIGS: list[Config] = list(PRESETS.values())
for f in dataclasses.fields(Config):
    if f.name in ("ignore", "extra_words", "never_split", "never_respell"):
        continue
    for value in choices().get(f.name, (True,)):
        CONFIGS.append(dataclasses.replace(NONE, **{f.name: value}))

TRIGGERED = [rule for rule in RULES if rule.trigger is not None]


def test_the_core_rules_have_triggers() -> None:
    codes = {rule.code for rule in TRIGGERED}
    assert {"AR101", "AR105", "AR201", "AR301", "AR302", "AR304"} <= codes


@pytest.mark.parametrize("rule", TRIGGERED, ids=lambda rule: rule.code)
@given(text=arabic_text)
def test_no_trigger_character_means_no_edit(rule: Rule, text: str) -> None:
    for config in CONFIGS:
        if rule not in active_rules(config):
            continue
        assert rule.trigger is not None
        trigger = rule.trigger(config)
        without = "".join(ch for ch in text if ch not in trigger)
        assert list(rule.find(without, config)) == [], config
        assert rule.fix(without, config) == without


@given(text=arabic_text)
def test_skipping_by_trigger_changes_no_result(text: str) -> None:
    for name in PRESETS:
        expected = text
        config = PRESETS[name]
        for rule in active_rules(config):
            expected = rule.fix(expected, config)
        assert arnorm.clean(text, preset=name) == expected
