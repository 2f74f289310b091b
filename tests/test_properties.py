"""Invariants of the whole engine over Arabic-aware random text (phenomenon: any string).

Every shrunk counterexample that hypothesis ever found is pinned with ``@example``.
"""

from __future__ import annotations

import dataclasses
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import arabic_text, non_arabic_text, spelling_text

import arnorm
from arnorm import engine
from arnorm.config import CLEAN, NONE, PRESETS, SEARCH, Config, choices
from arnorm.edits import apply_edits
from arnorm.engine import active_rules
from arnorm.script.chars import DELETABLE

# One config per single behaviour switched on over the "none" preset, plus the presets.
SINGLE_OPTIONS: dict[str, Config] = {}
for f in dataclasses.fields(Config):
    if f.name in ("ignore", "extra_words", "never_split", "never_respell"):
        continue
    values = choices().get(f.name, (True,))
    for value in values:
        if value != getattr(NONE, f.name):
            SINGLE_OPTIONS[f"{f.name}={value}"] = dataclasses.replace(NONE, **{f.name: value})
# Options that change what another rule will see, over the presets: rules interact here (one
# rule creates what an earlier one reads), which neither a preset nor one option over "none"
# shows. Each is named after the interaction it exercises.
COMBINATIONS: dict[str, Config] = {
    "clean fold_alef": dataclasses.replace(CLEAN, fold_alef=True),
    "clean fold_alef_maksura": dataclasses.replace(CLEAN, fold_alef_maksura=True),
    "clean diacritics=strip": dataclasses.replace(CLEAN, diacritics="strip"),
    "clean diacritics=keep-shadda": dataclasses.replace(CLEAN, diacritics="keep-shadda"),
    "clean tatweel=strip": dataclasses.replace(CLEAN, tatweel="strip"),
    "clean joiners=keep": dataclasses.replace(CLEAN, joiners="keep"),
    "clean hamza_composition=False": dataclasses.replace(CLEAN, hamza_composition=False),
    "search diacritics=keep": dataclasses.replace(SEARCH, diacritics="keep"),
    "search diacritics=keep-shadda": dataclasses.replace(SEARCH, diacritics="keep-shadda"),
    "search tatweel=decorative": dataclasses.replace(SEARCH, tatweel="decorative"),
    # the spelling rules change letters and join words: the splitter and the folds read them
    "clean spelling=True": dataclasses.replace(CLEAN, spelling=True),
    "search spelling=True": dataclasses.replace(SEARCH, spelling=True),
}
SPELLING_CONFIGS = {k: v for k, v in COMBINATIONS.items() if "spelling" in k}
CONFIGS = {
    **{f"preset {name}": config for name, config in PRESETS.items()},
    **SINGLE_OPTIONS,
    **COMBINATIONS,
}


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
@given(text=arabic_text)
@example("0فيآ")  # the splitter read فيآ, the folds made فيا, a listed word glued to a number
@example("0في0")  # a word between two numbers got one space per pass
@example("شكراًكتاباًًا")  # tanween typed twice: AR302 keeps one, the splitter read the first
@example("فيـ\u0654")  # search: AR301 put the hamza on the yeh after AR106 had run
@example("فی\u0654")  # clean: AR201 made the farsi yeh a yeh after AR106 had run
@example("آ\u0653")  # clean fold_alef: the folded alef and the madda made آ again
@example("ى\u0654")  # clean fold_alef_maksura: the folded yeh took the hamza
@example("فيًـًفي")  # diacritics=strip: AR301 kept a tatweel for marks that were then stripped
@example("فيـٓـ0")  # AR301 shortened ـٓـ to ـٓ: AR502 no longer saw the tatweel before 0
@example("اا\u200d\u200cفیًعلى")  # joiners=keep: a split cut the ZWNJ that made it Persian
@example("\ufb52ط§ظ„فيعلىØ§Ù„")  # AR401 made „ a «, which ended the Persian passage there
@example("في۰،A")  # AR304 read A as glued to the number until AR422 spaced it off
@example("theفي,ء۰")  # AR304 read "the" as glued to the number until AR411 made , a ،
@example("۰،پنجره")  # the Persian passage ran through the comma until AR422 spaced it
@example("۰،\ufb52")  # the same once AR105 made the form a Persian letter
@example("ط§ظ„\ufe77")  # AR701 read the fatha form as a letter; AR105 makes tatweel + fatha
@example("ط§ظ„\ufb56ط§ظ„")  # ﭖ ended the span; AR105 makes پ, which cp1256 shows for 81
@example("\ufdf2ط§ظ„")  # search: AR107 spells ﷲ out with a space, so it is no glue
@example("ط§ظ„ـ\ufdf2")  # the same after a tatweel
@example("\ufd40\u200cفي")  # search: AR103 did not see the ligature as a letter until AR107
@example("ط§ظ„\ufc26")  # AR701 read the ligature ﰦ as glue; AR105 makes it ط, a lead
def test_clean_is_idempotent(config: Config, text: str) -> None:
    once = arnorm.clean(text, preset=config)
    assert arnorm.clean(once, preset=config) == once


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
@given(text=arabic_text)
def test_fast_path_equals_edit_log_path(config: Config, text: str) -> None:
    fixed = arnorm.fix(text, preset=config)
    assert fixed.text == arnorm.clean(text, preset=config)
    assert apply_edits(text, fixed.edits) == fixed.text


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
@given(text=arabic_text)
def test_the_log_path_gives_a_text_what_it_gives_its_lines(config: Config, text: str) -> None:
    # every rule reads only its line: fix, lint, clean and the tally run a long text in groups
    # of lines, and that is the same as running it whole (AR501's document is the whole text
    # either way); here every line is a group of its own, however short
    whole = engine._run(text, config, safe_only=False, by_lines=False)
    with mock.patch.object(engine, "LINES_FROM", 0):
        lines = engine._run(text, config, safe_only=False)
        cleaned = arnorm.clean(text, preset=config)
        tallied = engine.tally(text, config)
        linted = arnorm.lint(text, preset=config)  # safe-only runs again where unsafe fixes are
    assert linted == arnorm.lint(text, preset=config)  # the text whole: it is short
    assert lines.text == whole.text == cleaned == tallied[0]
    assert tallied[1] == engine.tally(text, config)[1]  # the text whole: it is short
    assert lines.log == whole.log
    assert set(engine._findings(lines.steps)) == set(engine._findings(whole.steps))


@given(text=arabic_text)
def test_each_rule_fast_path_equals_its_edits(text: str) -> None:
    for rule in active_rules(PRESETS["search"]) + active_rules(CLEAN):
        edits = list(rule.find(text, CLEAN))
        assert rule.fix(text, CLEAN) == apply_edits(text, edits), rule.code
        text = rule.fix(text, CLEAN)


@pytest.mark.parametrize("config", SPELLING_CONFIGS.values(), ids=SPELLING_CONFIGS.keys())
@given(text=spelling_text)
def test_spelling_on_is_idempotent_and_its_edits_replay(config: Config, text: str) -> None:
    once = arnorm.clean(text, preset=config)
    assert arnorm.clean(once, preset=config) == once
    fixed = arnorm.fix(text, preset=config)
    assert fixed.text == once
    assert apply_edits(text, fixed.edits) == once


@given(text=arabic_text, data=st.data())
def test_offset_maps_round_trip(text: str, data: st.DataObject) -> None:
    fixed = arnorm.fix(text)
    start = data.draw(st.integers(0, len(fixed.text)))
    end = data.draw(st.integers(start, len(fixed.text)))
    in_start, in_end = fixed.input_span(start, end)
    assert 0 <= in_start <= in_end <= len(text)
    out_start, out_end = fixed.output_span(in_start, in_end)
    assert out_start <= start
    assert end <= out_end


@given(text=arabic_text)
def test_all_rules_off_changes_nothing(text: str) -> None:
    assert arnorm.clean(text, preset="none") == text
    assert arnorm.fix(text, preset="none").edits == ()


# Rules that repair text broken before it became Arabic: they may change text without Arabic.
SCRAPING_REPAIRS = {"mojibake": False, "html_entities": False, "html_tags": False}


@given(text=non_arabic_text)
def test_text_without_arabic_keeps_all_but_controls(text: str) -> None:
    # Its special spaces, soft hyphens and bidi marks are its own (French typography, say).
    expected = arnorm.clean(text, preset=NONE, controls=True)
    assert arnorm.clean(text, **SCRAPING_REPAIRS) == expected


LATIN_PIECES = st.sampled_from(
    ["Il a dit", ":", "«", "»", "bonjour", "SELK\u00c4", "10", "km", "\u00ad", "\u200e", "x"]
)
LATIN_SPACES = st.sampled_from(["\u00a0", "\u202f", "\u2009", " "])
latin_lines = st.lists(st.one_of(LATIN_PIECES, LATIN_SPACES), max_size=12).map("".join)


@given(latin=latin_lines, arabic=arabic_text)
def test_a_latin_line_of_an_arabic_text_is_left_alone(latin: str, arabic: str) -> None:
    fixed = arnorm.fix(f"{arabic}\n{latin}\n{arabic}", **SCRAPING_REPAIRS)
    start = fixed.output_span(len(arabic) + 1, len(arabic) + 1 + len(latin))
    assert fixed.text[start[0] : start[1]] == latin


@pytest.mark.parametrize("config", [CLEAN, SEARCH], ids=["clean", "search"])
@given(text=arabic_text)
@example("He said \x93hi\x94 \x96 ok\x85")  # the C1 controls of windows-1252 were deleted
def test_nothing_outside_the_deletion_set_disappears(config: Config, text: str) -> None:
    # Every character that a rule removes is in chars.DELETABLE; any other change is an edit
    # that replaces the character with what it stands for (and its note says what). Each
    # rule's edits are checked on the text that rule sees, as clean runs them.
    for rule in active_rules(config):
        edits = [e for e in rule.find(text, config) if e.replacement is not None]
        for edit in edits:
            if not edit.replacement:
                gone = set(text[edit.start : edit.end]) - DELETABLE
                assert not gone, (edit, sorted(gone))
        text = apply_edits(text, edits)


@given(text=arabic_text)
def test_lint_and_fix_agree(text: str) -> None:
    findings = arnorm.lint(text)
    fixed = arnorm.fix(text)
    if not any(f.replacement is not None for f in findings):
        assert not fixed.changed
    for edit in fixed.edits:
        assert any(
            f.code in edit.codes and f.start <= edit.end and edit.start <= f.end for f in findings
        ), edit


SAFE_FIX_CONFIGS = {"preset clean": CLEAN, "preset search": SEARCH, **COMBINATIONS}


@pytest.mark.parametrize("config", SAFE_FIX_CONFIGS.values(), ids=SAFE_FIX_CONFIGS.keys())
@given(text=arabic_text)
@example("في\u200c\N{ARABIC LETTER ALEF WASLA ISOLATED FORM}")  # joiner before a form
@example("&quot;\x00۱۲\x00\u0610في")  # a stray mark moved the nearest letter of a number
@example("پنجره۰\x00\u064e\u0651")  # marks alone made a word that widened a Persian passage
@example("۰فيthe")  # a safe digit fix that exists only once an unsafe split is made
@example("الھیئةفی")  # the final yeh was judged on the run, the safe split made it a word
@example("علیـ\u0654")  # tatweel=strip: the hamza came to the final yeh, which is then no choice
@example("ما\u0653ی")  # the yeh's evidence did not fold ا + madda as AR202 folds آ
@example("ط§ظ„\ufcf2")  # AR701 read ﳲ as a letter; AR105 makes it tatweel and marks
def test_a_safe_fix_leaves_nothing_safe_to_fix(config: Config, text: str) -> None:
    fixed = arnorm.fix(text, preset=config, safe_only=True).text
    findings = arnorm.lint(fixed, preset=config)
    assert [f for f in findings if f.safe and f.replacement is not None] == []


@given(text=st.text())
@example("\ud800")
def test_no_exception_on_any_string(text: str) -> None:
    for name in PRESETS:
        arnorm.clean(text, preset=name)
        arnorm.fix(text, preset=name)
        arnorm.lint(text, preset=name)
