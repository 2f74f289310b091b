"""Cleanup speed and false changes: arnorm against CAMeL Tools, PyArabic and ftfy.

Run from the repository root:

    python benchmarks/bench_clean.py            # about a minute on one core
    python benchmarks/bench_clean.py --quick    # one timing run instead of the best of three

Every tool runs on the same lines of ``../shared/data/news_raw`` (the article text: TITLE,
ABSTRACT and TEXT of the ANT files, title and content of the SaudiNewsNet JSON), one call per
line, in this one process. Speeds are MB of UTF-8 input per second, the best of three runs.
The output is plain text in a fixed layout, so two runs can be diffed. When the data is
absent the sections that need it print a note and are skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import arnorm  # noqa: E402
from arnorm.config import resolve  # noqa: E402
from arnorm.edits import apply_edits  # noqa: E402
from arnorm.engine import explain  # noqa: E402
from arnorm.script.chars import (  # noqa: E402
    ALEF_VARIANTS,
    ARABIC_INDIC_DIGITS,
    ARABIC_MARKS,
    PERSIAN_DIGITS,
    PRESENTATION_FORMS,
    TATWEEL,
    WORD_LIGATURES,
    char_class,
)

DATA = ROOT.parent / "shared" / "data"
NEWS = DATA / "news_raw"
CLEAN_SENTENCES = DATA / "clean_sentences.txt"
Job = Callable[[], object]
REPEAT = 3

# --- input ----------------------------------------------------------------------------------


def news_lines() -> list[str]:
    """The non-empty lines of article text of every news_raw file, in file-name order."""
    lines: list[str] = []
    for path in sorted(NEWS.glob("ANT-*.txt")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<(TITLE|ABSTRACT|TEXT)>(.*?)</\1>", text, re.DOTALL):
            lines.extend(line for line in match.group(2).split("\n") if line.strip())
    for path in sorted(NEWS.glob("SaudiNewsNet*.json")):
        for article in json.loads(path.read_text(encoding="utf-8")):
            for field in ("title", "content"):
                lines.extend(line for line in article[field].split("\n") if line.strip())
    return lines


def megabytes(lines: Iterable[str]) -> float:
    return sum(len(line.encode("utf-8", "surrogatepass")) + 1 for line in lines) / 1e6


def best_time(job: Job) -> float:
    """The best of REPEAT timed runs, after one untimed run (caches, lazy loads, patterns)."""
    job()
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        job()
        best = min(best, time.perf_counter() - start)
    return best


def per_line(fn: Callable[[str], object], lines: list[str]) -> Job:
    return lambda: [fn(line) for line in lines]


# --- tools ----------------------------------------------------------------------------------


def arnorm_tools() -> list[tuple[str, Callable[[str], object] | None]]:
    def fix_with_offsets(line: str) -> object:
        fixed = arnorm.fix(line)
        return fixed.input_span(0, len(fixed.text))  # builds the offset map

    no_splitter = resolve("clean", {"split_runons": False})  # resolved once, as the CLI does
    return [
        ("arnorm clean (preset clean)", arnorm.clean),
        ("arnorm clean (split_runons=False)", lambda line: arnorm.clean(line, preset=no_splitter)),
        ("arnorm clean (preset search)", lambda line: arnorm.clean(line, preset="search")),
        ("arnorm fix (edit log + offsets)", fix_with_offsets),
        ("arnorm lint", arnorm.lint),
    ]


def peer_tools() -> list[tuple[str, Callable[[str], object] | None]]:
    """CAMeL Tools, PyArabic and ftfy, each None when it is not installed."""
    tools: list[tuple[str, Callable[[str], object] | None]] = []
    try:
        from camel_tools.utils.charmap import CharMapper
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import normalize_unicode

        arclean = CharMapper.builtin_mapper("arclean")
        tools += [
            ("camel arclean", arclean.map_string),
            ("camel normalize_unicode", normalize_unicode),
            ("camel dediac_ar", dediac_ar),
        ]
    except ImportError:
        tools += [("camel (not installed)", None)]
    try:
        from pyarabic import araby

        tools += [
            ("pyarabic strip_tashkeel", araby.strip_tashkeel),
            ("pyarabic strip_tatweel", araby.strip_tatweel),
            ("pyarabic normalize_hamza", araby.normalize_hamza),
        ]
    except ImportError:
        tools += [("pyarabic (not installed)", None)]
    try:
        import ftfy

        tools += [("ftfy fix_text", ftfy.fix_text)]
    except ImportError:
        tools += [("ftfy (not installed)", None)]
    return tools


def print_speeds(lines: list[str]) -> None:
    size = megabytes(lines)
    print(f"## Throughput: {len(lines)} news lines, {size:.2f} MB, one call per line\n")
    print(f"{'tool':<36} {'MB/s':>8} {'x arnorm clean':>15}")
    reference = 0.0
    for name, fn in arnorm_tools() + peer_tools():
        if fn is None:
            print(f"{name:<36} {'-':>8} {'-':>15}")
            continue
        speed = size / best_time(per_line(fn, lines))
        reference = reference or speed
        print(f"{name:<36} {speed:8.1f} {speed / reference:15.2f}")
    print()


# --- growth and adversarial input -----------------------------------------------------------


def print_growth(lines: list[str]) -> None:
    print("## Linear growth: arnorm clean, one call per line\n")
    print(f"{'input':<10} {'MB':>7} {'seconds':>9} {'s/MB':>7}")
    for factor in (1, 2, 4):
        batch = lines * factor
        size = megabytes(batch)
        seconds = best_time(per_line(arnorm.clean, batch))
        print(f"{f'{factor}x':<10} {size:7.2f} {seconds:9.3f} {seconds / size:7.3f}")
    print()


def adversarial_inputs() -> list[tuple[str, str]]:
    words = ["في", "المدينة", "قال", "الوزير", "مدرسة", "الكتاب", "الجديد", "على"]
    run_on = "".join(words) * 15000  # about 1 MB with no space at all
    marks = "".join(sorted(ARABIC_MARKS))
    many_marks = "ب" + marks * (500_000 // len(marks))  # about 1 MB of marks
    invisibles = ("كلمة\N{RIGHT-TO-LEFT MARK}\N{ZERO WIDTH SPACE}") * 50_000  # 100k invisibles
    return [
        ("1 MB line, no space", run_on),
        ("1 MB of marks", many_marks),
        ("100k invisibles", invisibles),
    ]


def print_adversarial() -> None:
    print("## Adversarial input: one call on one long line\n")
    print(f"{'input':<22} {'MB':>6} {'clean s':>8} {'fix s':>8} {'search s':>9}")
    for name, text in adversarial_inputs():
        size = megabytes([text])
        clean = best_time(lambda text=text: arnorm.clean(text))
        fix = best_time(lambda text=text: arnorm.fix(text))
        search = best_time(lambda text=text: arnorm.clean(text, preset="search"))
        print(f"{name:<22} {size:6.2f} {clean:8.3f} {fix:8.3f} {search:9.3f}")
    print()


# --- implementation choices -----------------------------------------------------------------


def _sub_each(chars: Iterable[str], target: str) -> Callable[[str], str]:
    pattern = re.compile(char_class(chars))
    return lambda text: pattern.sub(target, text)


def _chained(pairs: Iterable[tuple[str, str]]) -> Callable[[str], str]:
    pairs = list(pairs)

    def replace_all(text: str) -> str:
        for old, new in pairs:
            text = text.replace(old, new)
        return text

    return replace_all


def _rule(code: str, preset: str) -> Callable[[str], str]:
    """The rule's own fix (its fast path), as the engine calls it."""
    from arnorm.rules import BY_CODE

    config = arnorm.PRESETS[preset]
    return lambda text: BY_CODE[code].fix(text, config)


def choices() -> list[tuple[str, str, Callable[[str], object], bool]]:
    """(fix, way, function, whether arnorm uses it) for each fix with more than one way."""
    forms = {ch: unicodedata.normalize("NFKC", ch) for ch in PRESENTATION_FORMS - WORD_LIGATURES}
    form_table = str.maketrans(forms)
    runs = re.compile(char_class(forms) + "+")
    no_marks = dict.fromkeys(map(ord, ARABIC_MARKS))
    harakat = [(chr(c), "") for c in range(0x064B, 0x0653)]
    eastern = ARABIC_INDIC_DIGITS + PERSIAN_DIGITS
    to_ascii = {ord(d): str(i % 10) for i, d in enumerate(eastern)}
    alef = "\N{ARABIC LETTER ALEF}"
    to_alef = dict.fromkeys(map(ord, ALEF_VARIANTS), alef)
    maksura, yeh = "\N{ARABIC LETTER ALEF MAKSURA}", "\N{ARABIC LETTER YEH}"
    alef_runs = re.compile(char_class(ALEF_VARIANTS) + "+")
    marks = re.compile(char_class(ARABIC_MARKS) + "+")

    def by_table(match: re.Match[str]) -> str:
        return "".join(forms[ch] for ch in match.group())

    def alefs(match: re.Match[str]) -> str:
        return alef * len(match.group())

    def empty(match: re.Match[str]) -> str:
        return ""

    def number_by_number(text: str) -> str:
        from arnorm.rules.digits import find_digit_systems

        return apply_edits(text, find_digit_systems(text, arnorm.SEARCH))

    return [
        ("AR105 presentation", "regex runs + NFKC", _rule("AR105", "clean"), True),
        ("AR105 presentation", "regex runs + table", lambda t: runs.sub(by_table, t), False),
        ("AR105 presentation", "str.translate", lambda t: t.translate(form_table), False),
        ("AR301 strip tatweel", "regex runs", _rule("AR301", "search"), True),
        ("AR301 strip tatweel", "str.replace", lambda t: t.replace(TATWEEL, ""), False),
        ("AR301 strip tatweel", "str.translate", lambda t: t.translate({0x0640: None}), False),
        ("AR303 strip marks", "regex runs, sub ''", _rule("AR303", "search"), True),
        ("AR303 strip marks", "regex runs, sub function", lambda t: marks.sub(empty, t), False),
        ("AR303 strip marks", "str.translate", lambda t: t.translate(no_marks), False),
        ("AR303 strip marks", "chained str.replace (8)", _chained(harakat), False),
        ("AR202 fold alef", "chained str.replace", _rule("AR202", "search"), True),
        ("AR202 fold alef", "regex runs, sub function", lambda t: alef_runs.sub(alefs, t), False),
        ("AR202 fold alef", "regex sub per char", _sub_each(ALEF_VARIANTS, alef), False),
        ("AR202 fold alef", "str.translate", lambda t: t.translate(to_alef), False),
        ("AR203 fold maksura", "str.replace", _rule("AR203", "search"), True),
        ("AR203 fold maksura", "regex sub", _sub_each(maksura, yeh), False),
        ("AR203 fold maksura", "str.translate", lambda t: t.translate({ord(maksura): yeh}), False),
        ("AR304 ascii digits", "regex sub per digit", _rule("AR304", "search"), True),
        ("AR304 ascii digits", "regex numbers", number_by_number, False),
        ("AR304 ascii digits", "str.translate", lambda t: t.translate(to_ascii), False),
    ]


def print_choices(lines: list[str]) -> None:
    text = "\n".join(lines)
    size = megabytes([text])
    print(f"## Implementation choices: each way on the whole news text ({size:.2f} MB)\n")
    print(f"{'fix':<22} {'way':<26} {'MB/s':>8}  used")
    for fix, way, fn, used in choices():
        speed = size / best_time(lambda fn=fn: fn(text))
        print(f"{fix:<22} {way:<26} {speed:8.1f}  {'*' if used else ''}")
    print()


# --- false changes on correct text ----------------------------------------------------------


def print_false_changes() -> None:
    if not CLEAN_SENTENCES.exists():
        print(f"## False changes: skipped, {CLEAN_SENTENCES} is absent\n")
        return
    lines = CLEAN_SENTENCES.read_text(encoding="utf-8").splitlines()
    print(f"## Lines of clean_sentences.txt changed ({len(lines)} correct lines)\n")
    for preset in ("clean", "search"):
        per_rule: Counter[str] = Counter()
        changed = 0
        for line in lines:
            fixed = arnorm.fix(line, preset=preset)
            changed += fixed.changed
            per_rule.update(explain(fixed.edits).keys())
        rules = ", ".join(f"{code} {count}" for code, count in sorted(per_rule.items()))
        print(f"preset {preset:<7} {changed:5d} lines   by rule: {rules or '-'}")
    print()


def _order_variants() -> list[tuple[str, Callable[[str], str]]]:
    from arnorm.rules.marks import order_marks

    shadda = "\N{ARABIC SHADDA}"
    return [
        ("Unicode canonical order (NFC)", lambda m: "".join(sorted(m, key=unicodedata.combining))),
        (
            "shadda first, then canonical",
            lambda m: "".join(sorted(m, key=lambda c: (c != shadda, unicodedata.combining(c)))),
        ),
        ("harakat+shadda as one class (arnorm)", order_marks),
    ]


def _reordered(lines: list[str], order: Callable[[str], str]) -> int:
    """How many of `lines` change when each run of two or more marks is put in `order`."""
    runs = re.compile(char_class(ARABIC_MARKS) + "{2,}")
    return sum(runs.sub(lambda match: order(match.group()), line) != line for line in lines)


def print_mark_orders(news: list[str]) -> None:
    sets = [("news lines", news)]
    if CLEAN_SENTENCES.exists():
        correct = CLEAN_SENTENCES.read_text(encoding="utf-8").splitlines()
        sets.insert(0, ("clean_sentences", correct))
    print("## Mark order: lines a reordering of the marks on a letter would change\n")
    print(f"{'order':<38} " + " ".join(f"{name:>16}" for name, _ in sets))
    for name, order in _order_variants():
        counts = " ".join(f"{_reordered(lines, order):>16}" for _, lines in sets)
        print(f"{name:<38} {counts}")
    print()


# --- import time ----------------------------------------------------------------------------


def print_import_time(runs: int = 9) -> None:
    """`import arnorm` beyond a bare interpreter, bytecode cached (as after pip install)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="arnorm-pyc-")

    def best(code: str) -> float:
        command = [sys.executable, "-c", code]
        subprocess.run(command, check=True, env=env, cwd=ROOT)  # writes the bytecode cache
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(command, check=True, env=env, cwd=ROOT)
            times.append(time.perf_counter() - start)
        return min(times)

    bare, loaded = best("pass"), best("import arnorm")
    print("## Import time (best of 9, bytecode cached)\n")
    print(f"python -c pass           {bare * 1000:6.1f} ms")
    print(f"python -c 'import arnorm' {loaded * 1000:5.1f} ms")
    print(f"import arnorm beyond the interpreter: {(loaded - bare) * 1000:.1f} ms\n")


def main(argv: list[str] | None = None) -> int:
    global REPEAT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one timing run instead of three")
    args = parser.parse_args(argv)
    REPEAT = 1 if args.quick else 3
    rules = ", ".join(rule.code for rule in arnorm.engine.active_rules(arnorm.CLEAN))
    print(f"# arnorm {arnorm.__version__} cleanup benchmark, Python {sys.version.split()[0]}")
    print(f"rules on in the clean preset: {rules}\n")
    print_import_time()
    if not NEWS.is_dir():
        print(f"note: {NEWS} is absent: throughput, growth and choices are skipped\n")
        print_adversarial()
        print_false_changes()
        return 0
    lines = news_lines()
    print_speeds(lines)
    print_growth(lines)
    print_adversarial()
    print_choices(lines)
    print_false_changes()
    print_mark_orders(lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
