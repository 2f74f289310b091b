"""Cleanup speed and false changes: arnorm against CAMeL Tools, PyArabic and ftfy.

Run from the repository root:

    python benchmarks/bench_clean.py                 # a few minutes on one core
    python benchmarks/bench_clean.py --quick         # the cold pass only
    python benchmarks/bench_clean.py --file-pairs 5  # a 1 MB file against its lines, 5 pairs
    python benchmarks/bench_clean.py --data DIR      # any news corpus (see benchmarks/README.md)

The headline is a cold pass: each system runs in a fresh process, loads what it needs (the
word list, timed apart), then makes ONE pass over the article text of the news in the data
folder, which it has never seen: one call per line, and, in another fresh process, one call
per whole document. A second pass over the same text follows and is labelled warm. Speeds are
MB of UTF-8 input per CPU second of the process (the machine may be shared: CPU time is what
one core gives, and the ratios within one run are what to compare); wall time is printed too.

The other sections (growth, adversarial input, implementation choices) run in this process
and are warm: the best of three runs after an untimed one. The output is plain text in a fixed
layout, so two runs can be diffed. When the data is absent the sections that need it print a
note and are skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
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
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

import arnorm  # noqa: E402
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

Job = Callable[[], object]
REPEAT = 3
#: Lines written for the project, with the noise that wakes each rule: the first call of each
#: system, timed as its start-up (arnorm reads its word list and compiles its patterns here).
PROBE = "\n".join(
    [
        "قال الوزير إن كورياالشمالية وافقت على الحوار فی عام2015 بعد جولة طويلة",
        'وأضاف "إن المدرسة الجديدة ستفتح أبوابها" یوم الأحد، وقال «گفت وزیر خارجه»',
        "وذكر\N{NO-BREAK SPACE}التقرير أن المكتبة\N{ZERO WIDTH SPACE} العامة  تضم كتبا &quot;نادرة",
        "وصفه بأنه 'يميني' ثم قال: \"الجمـــيل\" في ﺍﻟﻤﻜﺘﺒﺔ , وأشار إلى 11شخصا (أمس ",
        "Ø§Ù„ÙˆØ²ÙŠØ± ثم عاد الوزير الى مدرسةكبيرة في الریاض  وقال انه سعيد ",
    ]
)

# --- input ----------------------------------------------------------------------------------


megabytes = corpus.megabytes


def best_time(job: Job) -> float:
    """The best of REPEAT timed runs in CPU seconds, after one untimed run (warm: caches, lazy
    loads, patterns)."""
    job()
    best = float("inf")
    for _ in range(REPEAT):
        start = time.process_time()
        job()
        best = min(best, time.process_time() - start)
    return best


def per_line(fn: Callable[[str], object], lines: list[str]) -> Job:
    return lambda: [fn(line) for line in lines]


# --- the cold pass: one fresh process per system and per way of calling it -----------------


def _arnorm(preset: str, **options: object) -> Callable[[], Callable[[str], object]]:
    return lambda: arnorm.cleaner(preset, **options)


def _arnorm_fix() -> Callable[[str], object]:
    return lambda text: arnorm.fix(text).text


def _camel_arclean() -> Callable[[str], object]:
    from camel_tools.utils.charmap import CharMapper

    return CharMapper.builtin_mapper("arclean").map_string  # type: ignore[no-any-return]


def _ftfy() -> Callable[[str], object]:
    import ftfy

    return ftfy.fix_text


#: name -> loader of the function a user calls, in the order of the table.
SYSTEMS: dict[str, Callable[[], Callable[[str], object]]] = {
    "arnorm clean": _arnorm("clean"),
    "arnorm clean, no splitter": _arnorm("clean", split_runons=False),
    "arnorm clean, preset search": _arnorm("search"),
    "arnorm fix (.text)": _arnorm_fix,
    "arnorm lint": lambda: arnorm.lint,
    "camel_tools arclean": _camel_arclean,
    "ftfy fix_text": _ftfy,
}
MODES = ("lines", "documents", "files")


def one_megabyte_files(texts: Iterable[str]) -> list[list[str]]:
    """`texts` dealt in order into files of 1 MB (the last one smaller), as a user's files of
    articles, one per paragraph."""
    files: list[list[str]] = [[]]
    size = 0  # bytes of the last file so far (megabytes() of it again per text was quadratic)
    for text in texts:
        if size >= 1_000_000:
            files.append([])
            size = 0
        files[-1].append(text)
        size += len(text.encode("utf-8", "surrogatepass")) + 1  # as megabytes() counts
    return files


def units_of(documents: list[corpus.Document], mode: str) -> list[str]:
    """What one call is given in `mode`: a line, a document, or a 1 MB file of documents."""
    if mode == "lines":
        return [line for d in documents for line in d.lines]
    if mode == "documents":
        return [d.text for d in documents]
    return ["\n".join(texts) for texts in one_megabyte_files(d.text for d in documents)]


def cold_worker(name: str, mode: str, data: Path) -> dict[str, float]:
    """Measured in a fresh interpreter: start-up (import, load, a first call on a line written
    for the project), then a cold and a warm pass over the news, one call per line or per
    document or per 1 MB file."""
    wall, cpu = time.perf_counter(), time.process_time()
    function = SYSTEMS[name]()
    function(PROBE)  # arnorm: the word list is read here
    result = {"startup_cpu": time.process_time() - cpu, "startup_wall": time.perf_counter() - wall}
    units = units_of(list(corpus.news_documents(data)), mode)
    result["mb"] = megabytes(units)
    result["calls"] = len(units)
    for run in ("cold", "warm"):
        wall, cpu = time.perf_counter(), time.process_time()
        for unit in units:
            function(unit)
        result[f"{run}_cpu"] = time.process_time() - cpu
        result[f"{run}_wall"] = time.perf_counter() - wall
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def run_cold(name: str, mode: str, data: Path) -> dict[str, float] | None:
    """The worker's figures, or None when the system is not installed."""
    done = subprocess.run(
        [sys.executable, __file__, "--worker", name, mode, "--data", str(data)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        if "ModuleNotFoundError" in done.stderr or "ImportError" in done.stderr:
            return None
        raise RuntimeError(f"{name} ({mode}) failed:\n{done.stderr}")
    return dict(json.loads(done.stdout))


def print_file_pairs(data: Path, names: Iterable[str], pairs: int) -> None:
    """A whole 1 MB file against its lines, cold, in `pairs` pairs of fresh processes: one
    cold run of each varies by a fifth on a shared machine, a pair's ratio much less."""
    print(f"## A 1 MB file against its lines: {pairs} pairs of cold runs, CPU seconds\n")
    for name in names:
        ratios, lines, files = [], [], []
        for _ in range(pairs):
            line = run_cold(name, "lines", data)
            file = run_cold(name, "files", data)
            if line is None or file is None:
                break
            lines.append(line["cold_cpu"])
            files.append(file["cold_cpu"])
            ratios.append(files[-1] / lines[-1])
        if ratios:
            each = " ".join(f"{ratio:.2f}" for ratio in ratios)
            print(
                f"{name:<30} lines {statistics.median(lines):6.3f}  files "
                f"{statistics.median(files):6.3f}  file/line median {statistics.median(ratios):.2f}"
                f"  ({each})"
            )
    print()


def print_cold(data: Path, names: Iterable[str]) -> None:
    results = {(n, m): run_cold(n, m, data) for n in names for m in MODES}
    sample = next((r for r in results.values() if r), None)
    if sample is None:
        return
    lines = results.get(("arnorm clean", "lines")) or sample
    docs = results.get(("arnorm clean", "documents")) or sample
    files = results.get(("arnorm clean", "files")) or sample
    print(
        f"## Cold pass: news never seen, one fresh process per system and way of calling\n\n"
        f"{int(lines['calls'])} lines ({lines['mb']:.2f} MB), {int(docs['calls'])} documents"
        f" or {int(files['calls'])} files of 1 MB (the last one smaller) of"
        f" {corpus.news_dir(data).name}/; MB per CPU second; file/line: the time of a file"
        " against its lines\n"
    )
    head = (
        f"{'system':<28} {'lines':>7} {'x clean':>8} {'docs':>7} {'x clean':>8} {'files':>7}"
        f" {'file/line':>9} {'warm lines':>10} {'warm docs':>9} {'start s':>7} {'RSS MB':>6}"
    )
    print(head)
    base = {m: results.get(("arnorm clean", m)) for m in MODES}
    for name in names:
        runs = {m: r for m in MODES if (r := results[(name, m)]) is not None}
        if len(runs) < len(MODES):
            print(f"{name:<28} {'(not installed)':>16}")
            continue
        line, doc, file = runs["lines"], runs["documents"], runs["files"]
        speed = {m: r["mb"] / r["cold_cpu"] for m, r in runs.items()}
        ratio = {m: speed[m] * b["cold_cpu"] / b["mb"] if (b := base[m]) else 0.0 for m in MODES}
        print(
            f"{name:<28} {speed['lines']:7.2f} {ratio['lines']:8.2f} {speed['documents']:7.2f}"
            f" {ratio['documents']:8.2f} {speed['files']:7.2f}"
            f" {speed['lines'] / speed['files']:9.2f}"
            f" {line['mb'] / line['warm_cpu']:10.2f} {doc['mb'] / doc['warm_cpu']:9.2f}"
            f" {line['startup_cpu']:7.2f} {max(r['peak_mb'] for r in (line, doc, file)):6.0f}"
        )
    walls = ", ".join(
        f"{name} {r['mb'] / r['cold_wall']:.2f}"
        for (name, mode), r in results.items()
        if r and mode == "lines"
    )
    print(f"\ncold, lines, MB per wall second (shared machine): {walls}\n")


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


def print_documents(data: Path) -> None:
    """One call per line, per document and per 1 MB file of the same text (warm)."""
    files = one_megabyte_files(d.text for d in corpus.news_documents(data))
    if len(files) > 1 and megabytes(files[-1]) < 1.0:
        files.pop()  # the files are 1 MB each, or the one there is
    documents = [text for texts in files for text in texts]
    joined = ["\n".join(texts) for texts in files]
    lines = [line for text in joined for line in text.split("\n")]
    size = megabytes(lines)
    print(
        f"## One call per line, per document, per 1 MB file: {len(joined)} file(s) of"
        f" {size / len(joined):.2f} MB (warm: best of {REPEAT}, MB per CPU second)\n"
    )
    print(f"{'system':<28} {'lines':>7} {'documents':>10} {'files':>7} {'file/line time':>15}")
    for name in ("arnorm clean", "arnorm clean, no splitter", "arnorm fix (.text)"):
        function = SYSTEMS[name]()
        speeds = [
            size / best_time(per_line(function, units)) for units in (lines, documents, joined)
        ]
        print(
            f"{name:<28} {speeds[0]:7.2f} {speeds[1]:10.2f} {speeds[2]:7.2f}"
            f" {speeds[0] / speeds[2]:15.2f}"
        )
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


def print_false_changes(data: Path) -> None:
    sentences = data / "clean_sentences.txt"
    if not sentences.exists():
        print(f"## False changes: skipped, {sentences} is absent\n")
        return
    lines = sentences.read_text(encoding="utf-8").splitlines()
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


def print_mark_orders(data: Path, news: list[str]) -> None:
    sets = [("news lines", news)]
    if (data / "clean_sentences.txt").exists():
        correct = (data / "clean_sentences.txt").read_text(encoding="utf-8").splitlines()
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
    parser.add_argument("--quick", action="store_true", help="the cold pass only")
    parser.add_argument("--only", choices=SYSTEMS, action="append", help="these systems only")
    parser.add_argument("--worker", nargs=2, metavar=("SYSTEM", "MODE"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--file-pairs",
        type=int,
        metavar="N",
        help="only: a 1 MB file against its lines, N pairs of cold runs per system",
    )
    corpus.add_data_argument(parser)
    args = parser.parse_args(argv)
    data = corpus.data_dir(args.data)
    if args.worker:
        print(json.dumps(cold_worker(*args.worker, data)))
        return 0
    rules = ", ".join(rule.code for rule in arnorm.engine.active_rules(arnorm.CLEAN))
    print(f"# arnorm {arnorm.__version__} cleanup benchmark, Python {sys.version.split()[0]}")
    print(f"rules on in the clean preset: {rules}\n")
    lines = corpus.news_lines(data)
    if args.file_pairs and lines:
        print_file_pairs(data, args.only or list(SYSTEMS), args.file_pairs)
        return 0
    if not lines:
        print(f"note: no news under {data}: the cold pass, growth and choices are skipped\n")
    else:
        print_cold(data, args.only or list(SYSTEMS))
    if args.quick:
        return 0
    print_import_time()
    if lines:
        print_growth(lines)
        print_documents(data)
    print_adversarial()
    if lines:
        print_choices(lines)
    print_false_changes(data)
    if lines:
        print_mark_orders(data, lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
