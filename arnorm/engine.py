"""The engine: runs the active rules over a text, fast (clean) or with the edit log (fix, lint).

``clean`` calls each rule's fast path. ``fix`` calls each rule's finder, applies its edits and
composes them into one log against the input. ``lint`` walks the same passes and reports each
rule's edits at their input positions. All three share :func:`active_rules`, so they run the
same rules in the same order.

The engine runs to a fixpoint. A *pass* runs every active rule once, in pipeline order, each
rule reading the text the rules before it left. When a pass changed the text, the engine runs
another pass over its output, so that a rule never has to predict what a later rule will make
of the text: whatever a later rule leaves for an earlier one, the next pass finds. It stops
after the first pass that changes nothing, or after :data:`MAX_PASSES` passes; a text that
needs no change costs one pass, and one that a pass changes costs a second pass to confirm the
fixpoint (the rules' triggers skip most of it, since the characters that set them off are
gone, and a rule is skipped when it would read the very text it read and left alone in the
previous pass). When the bound is reached the output of the last pass is returned as it is, with the
edits of every pass composed into one log against the input (:func:`arnorm.edits.compose`),
so ``fix(...).text == clean(...)`` and the log replays to the text either way. ``Fixed.passes``
says how many passes ran. ``docs/engine.md`` explains the design.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import functools
import itertools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from arnorm import rules as registry
from arnorm.config import Config, resolve
from arnorm.document import whole_text
from arnorm.edits import Edit, OffsetMap, apply_edits, compose
from arnorm.rules.base import Rule
from arnorm.script.chars import char_class

#: The most passes the engine runs over a text (see the module docstring). Real text reaches
#: its fixpoint in one or two; a third pass that still changes the text is the sign of two
#: rules undoing each other, and its output is returned rather than looping forever.
MAX_PASSES = 3


@dataclass(frozen=True)
class Finding:
    """One problem found by a rule, at a span of the input text.

    `replacement` is what the span becomes when fixed (``None`` when there is no fix), `safe`
    says whether ``arnorm fix`` applies it without ``--unsafe-fixes``.
    """

    code: str
    name: str
    message: str
    start: int
    end: int
    replacement: str | None
    safe: bool


@dataclass(frozen=True)
class Fixed:
    """The result of :func:`fix`: the fixed text, the edits that made it, and offset maps.

    >>> result = fix("قال\N{NO-BREAK SPACE}الوزير")
    >>> result.text
    'قال الوزير'
    >>> [(e.start, e.end, e.replacement, e.code) for e in result.edits]
    [(3, 4, ' ', 'AR104')]
    >>> result.input_span(4, 10), result.output_span(0, 3)
    ((4, 10), (0, 3))
    """

    input: str
    text: str
    edits: tuple[Edit, ...]
    #: How many passes of the rules ran (1 when the first pass changed nothing).
    passes: int = 1
    _offsets: list[OffsetMap] = field(default_factory=list, repr=False, compare=False)

    @property
    def changed(self) -> bool:
        return self.text != self.input

    def input_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the input that the output span ``[start, end)`` came from."""
        return self._map().to_source(start, end)

    def output_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the output that the input span ``[start, end)`` became."""
        return self._map().to_output(start, end)

    def _map(self) -> OffsetMap:
        if not self._offsets:
            self._offsets.append(OffsetMap(self.edits))
        return self._offsets[0]


@functools.lru_cache(maxsize=64)
def active_rules(config: Config) -> tuple[Rule, ...]:
    """The rules that `config` switches on, in pipeline order."""
    return tuple(rule for rule in registry.RULES if rule.runs(config))


class Plan:
    """The active rules of a config with their triggers, and the scan for trigger characters.

    One scan of the text finds which trigger characters it holds, and each rule whose trigger
    is absent is skipped: per line of news this costs far less than a pass of every rule.
    """

    def __init__(self, config: Config) -> None:
        rules = active_rules(config)
        triggers = [_scanned(rule.trigger(config)) if rule.trigger else None for rule in rules]
        self.steps = tuple(zip(rules, triggers, strict=True))
        # Whether each step may change text under this config: fix and clean skip the others.
        self.changing = tuple(rule.may_change(config) for rule in rules)
        # The fast path of each step, bound once: clean calls it per rule per line. Rules that
        # only report have nothing to do there.
        self.fixes = tuple(
            (functools.partial(_applied, rule) if rule.fast is None else rule.fast, trigger)
            for (rule, trigger), changes in zip(self.steps, self.changing, strict=True)
            if changes
        )
        wanted = frozenset().union(*(trigger for trigger in triggers if trigger))
        self._scan = re.compile(_scan_class(wanted))
        self._runnable: dict[frozenset[str], tuple[int, ...]] = {}
        self._runnable_steps: dict[frozenset[str], tuple[int, ...]] = {}

    def present(self, text: str) -> frozenset[str]:
        """The trigger characters that `text` holds (and perhaps a few others)."""
        return frozenset(self._scan.findall(text))

    def runnable(self, found: frozenset[str]) -> tuple[int, ...]:
        """The indices in :attr:`fixes` of the rules that a text holding the trigger
        characters `found` may need, in order: those without a trigger and those whose
        trigger it holds. A line holds the triggers of a few rules out of some thirty, and
        the lines of a text hold few different sets of them, so the set is looked up, and
        the rules a line cannot need are not even visited."""
        return _picked(found, self.fixes, self._runnable)

    def runnable_steps(self, found: frozenset[str]) -> tuple[int, ...]:
        """:meth:`runnable` for the indices in :attr:`steps` (the log path and the tally)."""
        return _picked(found, self.steps, self._runnable_steps)


def _picked(
    found: frozenset[str],
    steps: Sequence[tuple[object, frozenset[str] | None]],
    memo: dict[frozenset[str], tuple[int, ...]],
) -> tuple[int, ...]:
    """The indices of the `steps` (each a rule and its trigger) whose trigger is None or
    meets `found`, remembered per `found`."""
    order = memo.get(found)
    if order is None:
        if len(memo) >= 4096:
            memo.clear()
        order = memo[found] = tuple(
            i
            for i, (_, trigger) in enumerate(steps)
            if trigger is None or not trigger.isdisjoint(found)
        )
    return order


def _scanned(trigger: frozenset[str]) -> frozenset[str] | None:
    """`trigger`, or None (no skipping) when it holds the most common Arabic letter: such a
    rule has something to read on every Arabic line, and scanning for the letters of its
    trigger only costs (the scan collects every letter of the line: a whole-alphabet trigger
    ran the scan at a third of its speed, and cleaning news without the splitter with it)."""
    return None if "\N{ARABIC LETTER ALEF}" in trigger else trigger


def _scan_class(chars: frozenset[str]) -> str:
    """A class that matches `chars`: exact in the BMP, and all of the astral planes if any of
    `chars` is astral. re tests a BMP class with a bitmap, and a class with a few astral ranges
    three times slower than one with a single range; the exact test is the trigger's own."""
    bmp = char_class(ch for ch in chars if ch <= "\uffff")[1:-1]
    astral = "\\U00010000-\\U0010ffff" if any(ch > "\uffff" for ch in chars) else ""
    return f"[{bmp}{astral}]" if bmp or astral else "[^\\x00-\\U0010ffff]"


@functools.lru_cache(maxsize=64)
def _cached_plan(config: Config) -> Plan:
    return Plan(config)


_PLANS: dict[int, tuple[Config, Plan]] = {}


def plan_of(config: Config) -> Plan:
    """The plan of `config`, found by identity first: hashing a Config takes longer than
    running the rules of a short line that have nothing to do."""
    entry = _PLANS.get(id(config))
    if entry is None or entry[0] is not config:
        if len(_PLANS) >= 64:
            _PLANS.clear()
        entry = _PLANS[id(config)] = (config, _cached_plan(config))
    return entry[1]


def forget_plans() -> None:
    """Forget the cached rule plans (for tests that change the registered rules)."""
    active_rules.cache_clear()
    _cached_plan.cache_clear()
    _PLANS.clear()


def clean(text: str, *, preset: str | Config = "clean", **options: object) -> str:
    """Clean `text`: the fast path, with no edit log.

    Same result as ``fix(text, ...).text``; `preset` is ``"clean"``, ``"search"``, ``"none"``
    or a :class:`~arnorm.config.Config`, and keyword options override single fields.

    >>> clean("قال\N{ZERO WIDTH SPACE}\N{RIGHT-TO-LEFT MARK} الوزير")
    'قال الوزير'
    """
    return _clean(text, resolve(preset, options))


def cleaner(preset: str | Config = "clean", **options: object) -> Callable[[str], str]:
    """:func:`clean` with its configuration resolved once, for cleaning many short texts.

    The result is picklable, so it can be shipped to worker processes.

    >>> clean_line = cleaner("clean")
    >>> clean_line("قال\N{NO-BREAK SPACE}الوزير")
    'قال الوزير'
    """
    return functools.partial(_clean, config=resolve(preset, options))


def _clean(text: str, config: Config) -> str:
    _check_text(text)
    plan = plan_of(config)
    if "\n" not in text:
        return _fixed_point(text, plan, config)
    with whole_text(text):  # in groups of lines (see line_groups)
        return "\n".join([_fixed_point(part, plan, config) for part in line_groups(text)])


#: A text of several lines is run in groups of whole lines of at least this many characters
#: (a shorter text is one group: see :func:`line_groups`).
LINES_FROM = 256


def line_groups(text: str) -> list[str]:
    r"""`text` cut at line breaks into groups of whole lines, each at least
    :data:`LINES_FROM` characters long but the last, so that ``"\n".join`` gives `text` back.

    The engine runs each group to its own fixed point: every rule reads only its line, so
    this is what running the whole text gives (a property test checks it), and a rule reads
    only the groups that hold its trigger, where a whole file made each rule read all of it,
    twice. Short lines go together: one call per line of a file of blank or one-word lines
    cost more than the rules (3 s for a megabyte of blank lines).

    >>> [len(group) for group in line_groups("a\n" * 300 + "b" * 300 + "\nc")]
    [257, 257, 384, 1]
    >>> "\n".join(line_groups("x\ny")) == "x\ny"
    True
    """
    groups, start, end = [], 0, len(text)
    while start + LINES_FROM <= end:
        cut = text.find("\n", start + LINES_FROM)
        if cut < 0:
            break
        groups.append(text[start:cut])
        start = cut + 1
    groups.append(text[start:])
    return groups


def _fixed_point(text: str, plan: Plan, config: Config) -> str:
    """`text` after the passes of the fast paths of `plan`, until one changes nothing."""
    idle: list[str | None] = [None] * len(plan.fixes)
    for _ in range(MAX_PASSES):
        fixed = _clean_pass(text, plan, config, idle)
        if fixed is text or fixed == text:
            break
        text = fixed
    return text


def _clean_pass(text: str, plan: Plan, config: Config, idle: list[str | None]) -> str:
    """One pass of the fast paths of `plan` over `text`.

    ``idle[i]`` is the text that rule `i` read in the previous pass and returned as it was:
    given that very text again, it would do nothing again, so it is skipped. A rule that
    returns an equal copy of its text is taken to have returned the text itself: else the
    next rule's trigger scan would read the whole text again, and the rule would not be idle
    in the next pass (on a whole 1 MB file of news, AR302, AR301 and AR502 did so)."""
    fixes = plan.fixes
    order = plan.runnable(plan.present(text))
    k = 0
    while k < len(order):
        i = order[k]
        k += 1
        if idle[i] is text:
            continue
        fixed = fixes[i][0](text, config)
        if fixed is text or fixed == text:  # an equal copy (a join of lines none of which
            idle[i] = text  # changed) changes nothing
            continue
        idle[i] = None
        text = fixed
        # the rules after this one, by the trigger characters of the changed text
        order = plan.runnable(plan.present(text))
        k = bisect.bisect_right(order, i)
    return text


def tally(text: str, config: Config) -> tuple[str, dict[str, int]]:
    """The cleaned text and how many findings each rule has in it, with no edit log.

    The passes of :func:`fix`, each rule's edits applied to the text it saw, but nothing
    composed into a log. The counts are those of :func:`lint`, except that lint merges
    findings that land on one span of the input (two folds inside one repaired ligature),
    which this counts apart (a property test checks both). A later pass counts only the
    changes it makes: what it merely reports again (an unpaired quote) was counted.

    >>> from arnorm.config import CLEAN
    >>> tally("قال\N{NO-BREAK SPACE}الوزير\N{NO-BREAK SPACE}", CLEAN)
    ('قال الوزير', {'AR104': 2, 'AR424': 1})
    """
    _check_text(text)
    counts: dict[str, int] = {}
    plan = plan_of(config)
    if "\n" not in text:
        return _tallied(text, plan, config, counts), counts
    with whole_text(text):  # in groups of lines, as _clean
        parts = [_tallied(part, plan, config, counts) for part in line_groups(text)]
    return "\n".join(parts), counts


def _tallied(text: str, plan: Plan, config: Config, counts: dict[str, int]) -> str:
    """`text` after the passes of :func:`tally`, its findings added to `counts`."""
    for done in range(MAX_PASSES):
        fixed = _tally_pass(text, plan, config, counts, reports=not done)
        if fixed == text:
            break
        text = fixed
    return text


def _tally_pass(
    text: str, plan: Plan, config: Config, counts: dict[str, int], *, reports: bool
) -> str:
    """One pass of :func:`tally`; edits without a fix are counted only when `reports`. The
    rules are picked by the text's trigger characters, as on the fast path."""
    steps, changing = plan.steps, plan.changing
    order = plan.runnable_steps(plan.present(text))
    k = 0
    while k < len(order):
        i = order[k]
        k += 1
        changes = changing[i]
        if not changes and not reports:
            continue
        edits = list(steps[i][0].find(text, config))
        if not edits:
            continue
        for edit in edits:
            if reports or edit.replacement is not None:
                counts[edit.code] = counts.get(edit.code, 0) + 1
        if changes:
            fixed = apply_edits(text, edits)
            if fixed is not text and fixed != text:
                text = fixed
                order = plan.runnable_steps(plan.present(text))
                k = bisect.bisect_right(order, i)
    return text


def _applied(rule: Rule, text: str, config: Config) -> str:
    return apply_edits(text, rule.find(text, config))


#: A span of the input, ``(start, end)``.
Span = tuple[int, int]
#: A span of the input where edits of some rules are suppressed (``None``: of every rule).
Suppression = tuple[int, int, frozenset[str] | None]

#: What protected spans are replaced with while the rules run: OBJECT REPLACEMENT CHARACTER,
#: a symbol that no rule reads as a letter, a space, a quote or punctuation.
MASK = "\N{OBJECT REPLACEMENT CHARACTER}"


@dataclass
class _Pass:
    rule: Rule
    edits: list[Edit]  # its edits against the text it saw, report-only ones included
    log: list[Edit]  # the log against the input before this pass


@dataclass
class _Run:
    """The state of a run on the log path: the text so far and its log against `source`."""

    source: str
    text: str
    log: list[Edit] = field(default_factory=list)
    steps: list[_Pass] = field(default_factory=list)  # each rule's turn that found something
    passes: int = 0
    idle: dict[int, str] = field(default_factory=dict)  # as in _clean_pass


def _run(
    text: str,
    config: Config,
    *,
    safe_only: bool,
    suppress: Sequence[Suppression] = (),
    report: bool = True,
    by_lines: bool = True,
    groups: Collection[int] | None = None,
) -> _Run:
    """Run the passes of the active rules on the log path, to a fixpoint (bounded).

    Returns the fixed text, its log against the input, each rule's turn that found something
    and the number of passes. Edits that fall in a suppressed span of the input are dropped
    before they are applied. Without `report` (for :func:`fix`, which keeps the log only) the
    rules that only report under `config` are not run: their findings change nothing (the
    balance check pairing every quote and bracket of the text was a third of a cold ``fix`` on
    news lines, and the spelling report, with spelling off, most of the rest).

    A text of several lines is run line by line, as :func:`clean` runs it, and the lines'
    logs and turns are put together at their places in the input; ``by_lines=False`` runs it
    whole (the property tests check that both give the same). `groups`, when given, are the
    indices of the only groups of lines (:func:`line_groups`) to run; the others are left
    as they are.
    """
    plan = plan_of(config)
    parts = line_groups(text) if by_lines else [text]
    if len(parts) == 1:
        run = _Run(text, text)
        with whole_text(text) if "\n" in text else contextlib.nullcontext():
            _run_passes(run, plan, config, safe_only, suppress, report)
        return run
    whole, lines, start = _Run(text, text), [], 0
    waiting = sorted(suppress, key=lambda span: span[0])  # by start, taken up line by line
    taken = 0
    active: list[Suppression] = []  # those that may touch the current line
    with whole_text(text):
        for index, line in enumerate(parts):
            end = start + len(line)
            while taken < len(waiting) and waiting[taken][0] <= end:
                active.append(waiting[taken])
                taken += 1
            active = [span for span in active if span[1] >= start]
            if groups is not None and index not in groups:
                lines.append(line)  # not asked for: left as it is
                start = end + 1
                continue
            near = [(lo - start, hi - start, codes) for lo, hi, codes in active]
            run = _Run(line, line)
            _run_passes(run, plan, config, safe_only, near, report)
            lines.append(run.text)
            whole.log += _shifted(run.log, start)
            whole.steps += [
                _Pass(step.rule, _shifted(step.edits, start), _shifted(step.log, start))
                for step in run.steps
            ]
            whole.passes = max(whole.passes, run.passes)
            start = end + 1
    whole.text = "\n".join(lines)
    return whole


def _shifted(edits: list[Edit], by: int) -> list[Edit]:
    """`edits` of a line, at their places in the text that starts the line `by` characters in."""
    if not by:
        return edits
    return [dataclasses.replace(e, start=e.start + by, end=e.end + by) for e in edits]


def _run_passes(
    run: _Run,
    plan: Plan,
    config: Config,
    safe_only: bool,
    suppress: Sequence[Suppression],
    report: bool,
) -> None:
    while run.passes < MAX_PASSES:
        before = run.text
        run.passes += 1
        _run_pass(run, plan, config, safe_only, suppress, report)
        if run.text == before:
            break


def _run_pass(
    run: _Run,
    plan: Plan,
    config: Config,
    safe_only: bool,
    suppress: Sequence[Suppression],
    report: bool = True,
) -> None:
    """One pass of the rules of `plan` over ``run.text``, on the log path (the rules picked
    by the text's trigger characters, as on the fast path)."""
    text, log, source = run.text, run.log, run.source
    order = plan.runnable_steps(plan.present(text))
    k = 0
    while k < len(order):
        i = order[k]
        k += 1
        rule = plan.steps[i][0]
        if not report and not plan.changing[i]:
            continue
        if run.idle.get(i) is text:
            continue  # it read this very text last pass and changed nothing: same findings
        run.idle[i] = text
        edits = list(rule.find(text, config))
        if edits and suppress:
            edits = _unsuppressed(edits, OffsetMap(log), suppress)
        if not edits:
            continue
        run.steps.append(_Pass(rule, edits, log))
        applied = [e for e in edits if e.replacement is not None and (e.safe or not safe_only)]
        if applied:
            log = compose(log, text, applied, source=source)
            text = apply_edits(text, applied)
            del run.idle[i]
            order = plan.runnable_steps(plan.present(text))
            k = bisect.bisect_right(order, i)
    run.text, run.log = text, log


def _unsuppressed(
    edits: list[Edit], offsets: OffsetMap, suppress: Sequence[Suppression]
) -> list[Edit]:
    kept = []
    for edit in edits:
        start, end = offsets.to_source(edit.start, edit.end)
        if not any(
            (codes is None or edit.code in codes) and _touches(start, end, lo, hi)
            for lo, hi, codes in suppress
        ):
            kept.append(edit)
    return kept


def _touches(start: int, end: int, lo: int, hi: int) -> bool:
    """Whether an edit of ``[start, end)`` changes something inside ``[lo, hi)``."""
    return start < hi and lo < end if start < end else lo < start < hi


def mask(text: str, protect: Sequence[Span]) -> str:
    r"""`text` with every protected span replaced by :data:`MASK` characters (line feeds kept).

    >>> mask("say `x = 1` now", [(4, 11)]) == "say " + MASK * 7 + " now"
    True
    """
    if not protect:
        return text
    chars = list(text)
    for start, end in protect:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = MASK
    return "".join(chars)


def _unmask(source: str, fixed: str, log: Sequence[Edit], protect: Sequence[Span]) -> str:
    """Put the protected spans of `source` back into `fixed`, at their mapped positions."""
    offsets = OffsetMap(log)
    chars = list(fixed)
    for start, end in protect:
        out_start, out_end = offsets.to_output(start, end)
        assert out_end - out_start == end - start, "an edit touched a protected span"
        chars[out_start:out_end] = source[start:end]
    return "".join(chars)


def fix(
    text: str,
    *,
    preset: str | Config = "clean",
    safe_only: bool = False,
    protect: Sequence[Span] = (),
    suppress: Sequence[Suppression] = (),
    **options: object,
) -> Fixed:
    r"""Clean `text` and record every change as an :class:`~arnorm.edits.Edit` on the input.

    ``Fixed.text == clean(text, ...)``; applying ``Fixed.edits`` to `text` gives ``Fixed.text``.
    With `safe_only`, edits of unsafe fixes are left out (``arnorm fix`` without
    ``--unsafe-fixes``). `protect` lists spans of the input that the rules do not see at all
    (code in Markdown, say); `suppress` lists spans where edits of some rules are dropped.

    >>> fix("س\N{NO-BREAK SPACE}`ا\N{NO-BREAK SPACE}ب`", protect=[(2, 7)]).text
    'س `ا\xa0ب`'
    """
    _check_text(text)
    config = resolve(preset, options)
    masked = mask(text, protect)
    suppress = _with_protect(suppress, protect)
    run = _run(masked, config, safe_only=safe_only, suppress=suppress, report=False)
    fixed = _unmask(text, run.text, run.log, protect) if protect else run.text
    return Fixed(text, fixed, tuple(run.log), run.passes)


def _with_protect(suppress: Sequence[Suppression], protect: Sequence[Span]) -> list[Suppression]:
    """Suppressions plus the protected spans (a belt to the mask's braces)."""
    return [*suppress, *((start, end, None) for start, end in protect)]


def lint(
    text: str,
    *,
    preset: str | Config = "clean",
    protect: Sequence[Span] = (),
    suppress: Sequence[Suppression] = (),
    **options: object,
) -> list[Finding]:
    r"""Report what :func:`fix` would change, and what it cannot fix, at input positions.

    >>> [(f.code, f.name, f.start, f.end) for f in lint("قال\N{NO-BREAK SPACE}الوزير")]
    [('AR104', 'exotic-space', 3, 4)]
    """
    _check_text(text)
    config = resolve(preset, options)
    masked = mask(text, protect)
    suppress = _with_protect(suppress, protect)
    steps = _run(masked, config, safe_only=False, suppress=suppress).steps
    findings = _findings(steps)
    unsafe = [f.start for f in findings if not f.safe and f.replacement is not None]
    if unsafe:
        findings = _safe_as_fix_sees_it(findings, masked, config, suppress, unsafe)
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return findings


def _findings(steps: Sequence[_Pass]) -> list[Finding]:
    """The findings of every rule's turn at input positions, each once: a finding that a
    later pass makes again (one without a fix, or an unsafe one that a safe-only run left in
    the text) is the same finding."""
    findings: dict[Finding, None] = {}
    for step in steps:
        offsets = OffsetMap(step.log)
        findings.update(dict.fromkeys(_finding(edit, step.rule, offsets) for edit in step.edits))
    return list(findings)


def _safe_as_fix_sees_it(
    findings: list[Finding],
    text: str,
    config: Config,
    suppress: Sequence[Suppression],
    unsafe: Sequence[int],
) -> list[Finding]:
    """The findings, safe only where ``fix(safe_only=True)`` makes the very same edit.

    Lint reports what the whole pipeline finds, unsafe fixes applied; but a safe edit that
    exists only because an unsafe one was made before it (a double space left where a mark
    was dropped, a number that reads as Arabic once a word is split off it) is not applied by
    a safe-only fix, so it must not be counted as safely fixable. Only the groups of lines
    that hold an unsafe fix (at the positions `unsafe`) are run again: elsewhere a safe-only
    run makes the very edits the full run made (a whole file ran twice where its lines did
    not).
    """
    starts = list(itertools.accumulate((len(g) + 1 for g in line_groups(text)), initial=0))
    groups = {bisect.bisect_right(starts, at) - 1 for at in unsafe}  # the groups run again

    def run_again(at: int) -> bool:
        return bisect.bisect_right(starts, at) - 1 in groups

    safe_steps = _run(text, config, safe_only=True, suppress=suppress, groups=groups).steps
    applied = {_identity(f) for f in _findings(safe_steps) if f.safe and f.replacement is not None}
    return [
        f
        if not f.safe or _identity(f) in applied or not run_again(f.start)
        else dataclasses.replace(f, safe=False)
        for f in findings
    ]


def _identity(finding: Finding) -> tuple[str, int, int, str | None]:
    return finding.code, finding.start, finding.end, finding.replacement


def _finding(edit: Edit, rule: Rule, offsets: OffsetMap) -> Finding:
    start, end = offsets.to_source(edit.start, edit.end)
    message = edit.note or rule.message
    name = registry.BY_CODE[edit.code].name
    return Finding(edit.code, name, message, start, end, edit.replacement, edit.safe)


def explain(edits: Sequence[Edit]) -> Mapping[str, int]:
    """How many edits each rule code made (merged edits count for each of their codes).

    >>> dict(explain(fix("ا\N{NO-BREAK SPACE}ب\N{NO-BREAK SPACE}ج").edits))
    {'AR104': 2}
    """
    counts: dict[str, int] = {}
    for edit in edits:
        for code in edit.codes:
            counts[code] = counts.get(code, 0) + 1
    return counts


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
