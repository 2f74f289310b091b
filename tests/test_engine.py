"""The engine runs the rules to a fixpoint, at most MAX_PASSES passes, with one composed log.

Two rules that exist only here drive it: one leaves work for an earlier rule (a no-break space
that AR104 turns into a space on the next pass), one never converges (it doubles every ``x``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest
from cli_support import NBSP, REPORT_ONLY, extra_rules

import arnorm
from arnorm import engine
from arnorm.config import CLEAN, Config
from arnorm.edits import apply_edits
from arnorm.engine import MAX_PASSES, plan_of, tally
from arnorm.rules.base import Rule, substitution_rule

DOC = "## What it does\n## Why\n## Example\n## Fix safety\n"


def toy_rule(code: str, name: str, pattern: str, replace: Callable[[str], str]) -> Rule:
    """A test rule, always on, that rewrites each match of `pattern` with `replace`."""
    return substitution_rule(
        code=code,
        name=name,
        message=f"{name} (test rule)",
        doc=DOC,
        enabled=lambda config: True,
        pattern=lambda config: re.compile(pattern),
        replace=lambda match, config: replace(match.group()),
    )


LEAVES_NBSP = toy_rule("AR997", "test-leaves-nbsp", "#", lambda found: NBSP)
DOUBLES_X = toy_rule("AR996", "test-doubles-x", "x+", lambda found: found * 2)  # never converges


def test_a_text_that_needs_nothing_takes_one_pass() -> None:
    assert arnorm.fix("plain text").passes == 1


# The no-break spaces are next to Arabic letters: AR104 acts in Arabic context only.
def test_a_text_that_one_pass_fixes_takes_a_second_to_confirm() -> None:
    fixed = arnorm.fix(f"ا{NBSP}ب")
    assert (fixed.text, fixed.passes) == ("ا ب", 2)


def test_a_later_rule_leaving_work_for_an_earlier_one_is_finished_next_pass() -> None:
    with extra_rules(LEAVES_NBSP):
        fixed = arnorm.fix("ا#ب")
        assert fixed.text == arnorm.clean("ا#ب") == "ا ب"
        assert fixed.passes == 3  # AR997, then AR104, then a pass that changes nothing
        assert [(e.start, e.end, e.replacement, e.codes) for e in fixed.edits] == [
            (1, 2, " ", ("AR997", "AR104"))
        ]
        assert [(f.code, f.start, f.end) for f in arnorm.lint("ا#ب")] == [
            ("AR104", 1, 2),
            ("AR997", 1, 2),
        ]


def test_suppression_holds_on_every_pass() -> None:
    with extra_rules(LEAVES_NBSP):
        fixed = arnorm.fix("ا#ب", suppress=[(1, 2, frozenset({"AR104"}))])
        assert fixed.text == f"ا{NBSP}ب"


def test_protected_spans_hold_on_every_pass() -> None:
    with extra_rules(LEAVES_NBSP):
        assert arnorm.fix("ب#`#`", protect=[(2, 5)]).text == "ب `#`"


def test_the_bound_returns_the_last_pass_with_the_log_composed() -> None:
    with extra_rules(DOUBLES_X):
        expected = "x" * 2**MAX_PASSES  # one doubling per pass, then the engine stops
        fixed = arnorm.fix("x")
        assert fixed.text == arnorm.clean("x") == expected
        assert fixed.passes == MAX_PASSES
        assert apply_edits("x", fixed.edits) == expected
        assert [(e.start, e.end, e.replacement) for e in fixed.edits] == [(0, 1, expected)]
        findings = arnorm.lint("x")
        assert {(f.code, f.start, f.end) for f in findings} == {("AR996", 0, 1)}


@pytest.mark.parametrize("safe_only", [False, True])
def test_findings_without_a_fix_are_reported_once(safe_only: bool) -> None:
    with extra_rules(REPORT_ONLY, LEAVES_NBSP):
        text = "XX #ب"
        assert arnorm.fix(text, safe_only=safe_only).passes == 3
        codes = [f.code for f in arnorm.lint(text)]
        assert codes.count("AR998") == 1


def test_fix_and_clean_skip_the_rules_that_only_report_under_their_config(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # with spelling off, AR601-AR606 only report: fix and clean keep changes only, so the
    # speller is not asked, and lint still reports what it finds
    from arnorm.lexicon.speller import Speller

    asked: list[str] = []
    real = Speller.corrections_of

    def counted(self: Speller, text: str, family: str) -> object:
        asked.append(family)
        return real(self, text, family)  # type: ignore[arg-type]

    monkeypatch.setattr(Speller, "corrections_of", counted)
    text = "جلس فى البيت"
    assert arnorm.fix(text).text == arnorm.clean(text) == text
    assert asked == []
    assert [f.code for f in arnorm.lint(text)] == ["AR601"]
    assert asked
    asked.clear()
    assert arnorm.fix(text, spelling=True, safe_only=False).text == "جلس في البيت"
    assert asked


def test_an_equal_copy_from_a_rule_is_not_scanned_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # AR302 rewrites the marks of مَّ with the same marks: re.sub then returns a copy of the
    # text. The engine takes it for the text itself, so the trigger scan that follows does
    # not read the text again (on a whole file, a scan of the whole file).
    plan = plan_of(CLEAN)
    scanned: list[str] = []
    present = plan.present
    monkeypatch.setattr(plan, "present", lambda text: scanned.append(text) or present(text))
    text = f"محمَّد قال{NBSP}إن"
    assert arnorm.clean(text) == "محمَّد قال إن"
    # the input and AR104's text in the first pass, that text once in the second (without
    # the engine taking AR302's copies for the text: five scans)
    assert len(scanned) == 3


def test_a_long_text_is_cleaned_in_groups_of_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each group of lines (at least LINES_FROM characters) goes to its own fixed point: a
    # rule is asked only about the groups that hold its trigger, where a whole text holding
    # the trigger on one line was read whole by it, twice (a second pass ran because another
    # line changed).
    plan = plan_of(CLEAN)
    codes = [
        rule.code for (rule, _), changes in zip(plan.steps, plan.changing, strict=True) if changes
    ]
    fast, trigger = plan.fixes[codes.index("AR104")]
    asked: list[str] = []

    def counted(text: str, config: object) -> str:
        asked.append(text)
        return fast(text, config)  # type: ignore[arg-type]

    fixes = list(plan.fixes)
    fixes[codes.index("AR104")] = (counted, trigger)
    monkeypatch.setattr(plan, "fixes", tuple(fixes))
    lines = [f"قال{NBSP}الوزير", *["جملة عادية لا شيء فيها"] * 50, "قال  الوزير"]
    text = "\n".join(lines)
    assert arnorm.clean(text) == "\n".join(["قال الوزير", *lines[1:-1], "قال الوزير"])
    first = engine.line_groups(text)[0]
    assert asked == [first]
    assert first.startswith(lines[0])
    assert engine.LINES_FROM <= len(first) < len(text) // 3


# a name the splitter would cut, on the first and the last line of a text of several groups
FILLER = ["جملة عادية لا شيء فيها"] * 30
RUN_TWICE = "\n".join(["قال ماكسويلتون", *FILLER, "وصل إلى ماكسويلتون أمس"])


def test_the_lines_of_a_text_share_its_document() -> None:
    # AR501 keeps a run that the document holds twice; the document of a line is the whole
    # text it was given in, on the fast path, the log path and the tally alike
    once = "وصل إلى ماكسويلتون أمس"
    assert arnorm.clean(once) != once  # alone, the run is cut
    groups = engine.line_groups(RUN_TWICE)
    assert len(groups) > 2
    assert arnorm.clean(groups[-1]) != groups[-1]  # and in the last group alone
    assert arnorm.clean(RUN_TWICE) == RUN_TWICE
    assert arnorm.fix(RUN_TWICE).text == RUN_TWICE
    assert "AR501" not in tally(RUN_TWICE, CLEAN)[1]
    assert "AR501" in tally(once, CLEAN)[1]


def test_suppressions_reach_every_line_they_span() -> None:
    lines = [f"سطر{NBSP}{n}" for n in range(6)]  # an exotic space on each line (AR104)
    text = "\n".join(lines)
    starts = [text.index(line) for line in lines]
    # one span from inside line 1 to inside line 3, one covering line 5, given out of order
    suppress = [(starts[5], len(text), None), (starts[1] + 2, starts[3] + 4, frozenset({"AR104"}))]
    found = [text.count("\n", 0, f.start) for f in arnorm.lint(text, suppress=suppress)]
    assert found == [0, 4]
    by_lines = engine._run(text, CLEAN, safe_only=False, suppress=suppress)
    whole = engine._run(text, CLEAN, safe_only=False, suppress=suppress, by_lines=False)
    assert by_lines.text == whole.text
    assert by_lines.log == whole.log


def test_a_rule_runs_in_the_pass_where_an_earlier_one_wrote_its_trigger() -> None:
    # the fast path visits only the rules whose trigger a line holds; when a rule changes the
    # line, the rules after it are chosen again from the changed line's characters
    makes_at = toy_rule("AR995", "test-makes-at", "#", lambda found: "@")
    at_to_bang = dataclasses.replace(
        toy_rule("AR994", "test-at-to-bang", "@", lambda found: "!"),
        trigger=lambda config: frozenset("@"),
    )
    with extra_rules(makes_at, at_to_bang):
        plan = plan_of(CLEAN)
        idle: list[str | None] = [None] * len(plan.fixes)
        assert engine._clean_pass("a # b", plan, CLEAN, idle) == "a ! b"
        assert arnorm.fix("a # b").passes == 2  # the second pass changes nothing


def test_lint_runs_a_safe_only_fix_again_only_where_unsafe_fixes_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # under search, AR203 folds the ى that AR201's unsafe choice wrote in علی: a safe-only fix
    # never makes that fold, so lint calls it unsafe; only the group of lines that holds it
    # is run again, and the exotic spaces of the other groups stay safe
    said = f"قال{NBSP}الوزير إن الحكومة ستجتمع يوم الأحد"
    lines = [said] * 12 + ["علی"] + [said] * 12
    text = "\n".join(lines)
    asked: list[object] = []
    real = engine._run

    def counted(text: str, config: Config, **options: object) -> engine._Run:
        if options.get("safe_only"):
            asked.append(options.get("groups"))
        return real(text, config, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "_run", counted)
    findings = arnorm.lint(text, preset="search")
    on_line = {f: text.count("\n", 0, f.start) for f in findings}
    assert {(f.code, f.safe) for f, line in on_line.items() if line == 12} == {
        ("AR201", False),
        ("AR203", False),
    }
    assert all(f.safe for f, line in on_line.items() if line != 12)
    groups = engine.line_groups(text)
    assert len(groups) > 2
    assert asked == [{next(i for i, group in enumerate(groups) if "علی" in group)}]
    monkeypatch.setattr(engine, "LINES_FROM", 10**9)  # the text whole: the same findings
    assert arnorm.lint(text, preset="search") == findings
