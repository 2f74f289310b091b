"""The report page: a :class:`~arnorm.report.survey.Survey` as one self-contained HTML file.

Everything is inline (style, script, charts as SVG), so the file opens offline and sends no
request. The page is in English, left to right; every piece of corpus text is in an element
with ``dir="auto"`` (Arabic reads right to left). Examples are capped (see
:mod:`arnorm.report.survey`), so the page stays under 1 MB for any corpus.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Sequence
from html import escape

from arnorm import __version__
from arnorm.config import Config
from arnorm.engine import fix
from arnorm.profile import DIRT_HALF, FAMILIES, OTHER, Family, count_by_family, family_of
from arnorm.report import charts
from arnorm.report.marks import before_after, summary_of
from arnorm.report.survey import DIRT_BIN, LENGTH_EDGES, Excerpt, Survey
from arnorm.rules import BY_CODE
from arnorm.splitter.configured import segmenter_of

#: How many of each list the page shows.
CUTS_SHOWN = 25
UNKNOWN_SHOWN = 30
SOURCES_SHOWN = 40


@functools.cache
def asset(name: str) -> str:
    """A file of the page (style, script) from the package."""
    return (importlib.resources.files("arnorm.report") / "assets" / name).read_text("utf-8")


def render(survey: Survey, config: Config) -> str:
    """The whole report page."""
    sections = [
        _totals(survey),
        _families(survey),
        _charts(survey),
        _rules(survey),
        _sources(survey),
        _examples(survey, config),
        _worst(survey, config),
        _splitter(survey, config),
    ]
    body = "\n".join(s for s in sections if s)
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        f"<title>arnorm report: {survey.documents:,} documents</title>"
        f"<style>{asset('report.css')}</style></head>\n<body><main>\n{body}\n"
        f"<footer>arnorm {escape(__version__)} · {escape(survey.config)}</footer>"
        f"</main><script>{asset('report.js')}</script></body></html>\n"
    )


def _per_mb(count: float, survey: Survey) -> float:
    return count / survey.megabytes if survey.bytes else 0.0


def _totals(survey: Survey) -> str:
    share = survey.arabic_letters / survey.letters if survey.letters else 0.0
    mean = survey.dirt / survey.documents if survey.documents else 0.0
    sampled = (
        f" (a sample of {survey.documents:,} of {survey.sampled:,})"
        if survey.sampled is not None
        else ""
    )
    inputs = ", ".join(survey.inputs[:10]) + (" …" if len(survey.inputs) > 10 else "")
    tiles = [
        ("documents", f"{survey.documents:,}"),
        ("megabytes", _megabytes(survey.bytes)),
        ("findings per MB", f"{_per_mb(survey.findings, survey):,.0f}"),
        ("documents changed", _percent(survey.changed, survey.documents)),
        ("mean dirt score", f"{mean:.1f}"),
        ("Arabic letters", f"{100 * share:.0f}%"),
    ]
    cells = "".join(f'<div class="tile"><b>{v}</b><span>{k}</span></div>' for k, v in tiles)
    return (
        f"<header><h1>arnorm report</h1><p>{escape(inputs)}{sampled}: "
        f"{survey.findings:,} findings in {survey.documents:,} documents.</p>"
        f'<div class="tiles">{cells}</div></header>'
    )


def _megabytes(size: int) -> str:
    """A size in MB, with enough decimals to be more than 0 when it is."""
    mb = size / 1e6
    return f"{mb:,.2f}" if mb >= 0.1 or not size else f"{mb:.1g}"


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"


def _families(survey: Survey) -> str:
    totals = count_by_family(survey.counts.items())
    rows = "".join(
        f"<tr><td>{escape(f.title)}</td><td>{_prefixes(f)}</td>"
        f"<td class=n>{totals.get(f, 0):,}</td>"
        f"<td class=n>{_per_mb(totals.get(f, 0), survey):,.1f}</td>"
        f"<td class=n>{f.weight:g}</td></tr>"
        for f in (*FAMILIES, OTHER)
        if f in totals or f is not OTHER
    )
    return (
        '<section id="families"><h2>Findings by family</h2><div class="scroll"><table>'
        "<thead><tr><th>family</th><th>codes</th><th>findings</th><th>per MB</th>"
        "<th>weight</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div><p class=muted>The weight of one finding in the "
        f"dirt score: a document with {DIRT_HALF:g} weighted findings per 1,000 characters "
        "scores 50, with twice as many 75.</p></section>"
    )


def _prefixes(family: Family) -> str:
    return ", ".join(p + "x" * (5 - len(p)) for p in family.prefixes) or "—"


def _charts(survey: Survey) -> str:
    dirt = [(f"{i * DIRT_BIN}", n) for i, n in enumerate(survey.dirt_bins)]
    lengths = [(_length_label(i), n) for i, n in enumerate(survey.length_bins)]
    ranked = sorted(survey.counts.items(), key=lambda item: -item[1])[:15]
    per_rule = [(f"{code} {_name(code)}", _per_mb(n, survey)) for code, n in ranked]
    parts = [
        _figure(
            "Dirt score of the documents",
            charts.columns(dirt, label="documents by dirt score"),
            _dirt_summary(survey),
        ),
        _figure(
            "Findings per MB, by rule",
            charts.bars(per_rule, label="findings per MB by rule")
            if per_rule
            else "<p>No findings.</p>",
            _rule_summary(survey, ranked),
        ),
        _figure(
            "Document length (characters)",
            charts.columns(lengths, label="documents by length"),
            _length_summary(survey),
        ),
    ]
    return '<section id="charts"><h2>Charts</h2>' + "".join(parts) + "</section>"


def _figure(title: str, svg: str, summary: str) -> str:
    return (
        f'<figure><h3>{escape(title)}</h3><div class="scroll">{svg}</div>'
        f"<figcaption>{summary}</figcaption></figure>"
    )


def _length_label(i: int) -> str:
    low = LENGTH_EDGES[i]
    return f"{_short(low)}+" if i == len(LENGTH_EDGES) - 1 else f"{_short(low)}–"


def _short(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 else str(n)


def _quantile_bin(bins: Sequence[int], q: float) -> int:
    """The index of the bin that holds the `q` quantile of the counted items."""
    total, seen = sum(bins), 0
    for i, n in enumerate(bins):
        seen += n
        if seen >= q * total:
            return i
    return len(bins) - 1


def _dirt_summary(survey: Survey) -> str:
    if not survey.documents:
        return "No documents."
    median = _quantile_bin(survey.dirt_bins, 0.5) * DIRT_BIN
    clean = survey.dirt_bins[0]
    dirty = sum(survey.dirt_bins[50 // DIRT_BIN :])
    return (
        f"The median document scores {median}–{median + DIRT_BIN}. "
        f"{_percent(clean, survey.documents)} of the documents score under {DIRT_BIN}, "
        f"{_percent(dirty, survey.documents)} score 50 or more (about one weighted finding "
        f"per {1000 / DIRT_HALF:.0f} characters or worse)."
    )


def _rule_summary(survey: Survey, ranked: list[tuple[str, int]]) -> str:
    if not ranked:
        return "No rule found anything."
    code, n = ranked[0]
    share = _percent(survey.documents_with[code], survey.documents)
    return (
        f"{len(survey.counts)} rules found something. The most frequent is {code} "
        f"{escape(_name(code))}: {_per_mb(n, survey):,.1f} per MB, in {share} of the documents."
    )


def _length_summary(survey: Survey) -> str:
    if not survey.documents:
        return "No documents."
    median = _quantile_bin(survey.length_bins, 0.5)
    mean = survey.characters / survey.documents
    return (
        f"Documents have {mean:,.0f} characters on average; the median one is in the "
        f"{_length_label(median)} bin; {survey.tokens:,} tokens and "
        f"{survey.arabic_words:,} Arabic words in all."
    )


def _name(code: str) -> str:
    rule = BY_CODE.get(code)
    return rule.name if rule is not None else "unknown rule"


def _rules(survey: Survey) -> str:
    if not survey.counts:
        return ""
    rows = "".join(
        f'<tr><td><a href="#ex-{code}">{code}</a></td><td>{escape(_name(code))}</td>'
        f"<td>{escape(family_of(code).title)}</td><td class=n>{n:,}</td>"
        f"<td class=n>{_per_mb(n, survey):,.1f}</td>"
        f"<td class=n>{_percent(survey.documents_with[code], survey.documents)}</td></tr>"
        for code, n in sorted(survey.counts.items())
    )
    return (
        '<section id="rules"><h2>Findings by rule</h2><div class="scroll"><table>'
        "<thead><tr><th>code</th><th>rule</th><th>family</th><th>findings</th><th>per MB</th>"
        "<th>documents</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div></section>"
    )


def _sources(survey: Survey) -> str:
    if len(survey.sources) < 2:
        return ""
    families = list(count_by_family(survey.counts.items()))
    head = "".join(f"<th>{escape(f.title)} /MB</th>" for f in families)
    shown = sorted(survey.sources.items(), key=lambda item: -item[1].documents)
    rows = []
    for name, source in shown[:SOURCES_SHOWN]:
        totals = count_by_family(source.counts.items())
        mb = source.bytes / 1e6 or 1.0
        cells = "".join(f"<td class=n>{totals.get(f, 0) / mb:,.1f}</td>" for f in families)
        rows.append(
            f"<tr><td dir=auto>{escape(name)}</td><td class=n>{source.documents:,}</td>"
            f"<td class=n>{_megabytes(source.bytes)}</td>"
            f"<td class=n>{sum(source.counts.values()) / mb:,.1f}</td>"
            f"<td class=n>{source.dirt / max(source.documents, 1):.1f}</td>{cells}</tr>"
        )
    more = len(shown) - SOURCES_SHOWN
    note = f"<p>{more:,} more sources are in the JSON summary.</p>" if more > 0 else ""
    return (
        '<section id="sources"><h2>By source</h2><div class="scroll"><table><thead><tr>'
        "<th>source</th><th>documents</th><th>MB</th><th>findings /MB</th><th>mean dirt</th>"
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>{note}</section>"
    )


def _pair(excerpt: Excerpt, config: Config) -> str:
    before, after = before_after(fix(excerpt.text, preset=config))
    numbers = (
        f" · dirt {excerpt.dirt:.1f}, {_plural(excerpt.findings, 'finding')} in "
        f"{excerpt.characters:,} characters"
        if excerpt.characters
        else ""
    )
    return (
        f'<div class="pair"><div class="where">{escape(excerpt.source)}, '
        f"{escape(excerpt.where)}{numbers}</div>"
        f'<div class="text before" dir="auto" lang="ar">{before}</div>'
        f'<div class="text after" dir="auto" lang="ar">{after}</div></div>'
    )


def _examples(survey: Survey, config: Config) -> str:
    if not survey.examples:
        return ""
    blocks = []
    for code in sorted(survey.examples):
        summary = escape(summary_of(code))
        pairs = "".join(_pair(e, config) for e in survey.examples[code])
        blocks.append(
            f'<details id="ex-{code}"><summary><b>{code}</b> {escape(_name(code))} '
            f'<span class="muted">{summary}</span></summary>{pairs}</details>'
        )
    return (
        '<section id="examples"><h2>Examples</h2><p class="muted">Before (red) and after '
        "(green), each edit highlighted; hover or tap an edit to see its rule.</p>"
        f"{''.join(blocks)}</section>"
    )


def _worst(survey: Survey, config: Config) -> str:
    if not survey.worst:
        return ""
    pairs = "".join(_pair(e, config) for e in survey.worst)
    return (
        '<section id="worst"><h2>The worst documents</h2><p class="muted">By dirt score '
        "(documents of 200 characters or more first); the part with the most findings.</p>"
        f"{pairs}</section>"
    )


def _splitter(survey: Survey, config: Config) -> str:
    parts = [_cuts(survey), _unknown(survey, config)]
    if not any(parts):
        return ""
    return (
        '<section id="splitter"><h2>The splitter\'s closest calls</h2>'
        + "".join(parts)
        + "</section>"
    )


def _cuts(survey: Survey) -> str:
    if not survey.cuts:
        return ""
    closest = sorted(survey.cuts.items(), key=lambda item: (item[1].margin, -item[1].count))
    shown = closest[:CUTS_SHOWN]
    rows = "".join(
        f"<tr><td dir=rtl lang=ar>{escape(run)}</td>"
        f"<td dir=rtl lang=ar>{escape(' + '.join(c.pieces))}</td>"
        f"<td class=n>{c.margin:.2f}</td><td class=n>{c.count:,}</td></tr>"
        for run, c in shown
    )
    words = "\n".join(run for run, _ in shown)
    total = sum(c.count for c in survey.cuts.values())
    return (
        f"<h3>Cuts with the smallest margin</h3><p>{total:,} cuts of {len(survey.cuts):,} "
        "distinct runs; these won over the whole run by the least (log10). If a run is one "
        "word, list it in a <code>never-split</code> file.</p>"
        '<div class="scroll"><table><thead><tr><th>run</th><th>cut into</th><th>margin</th>'
        f"<th>times</th></tr></thead><tbody>{rows}</tbody></table></div>"
        + _copyable("never-split.txt", words, "--never-split never-split.txt")
    )


def _unknown(survey: Survey, config: Config) -> str:
    if not survey.unknown:
        return ""
    segmenter = segmenter_of(config)
    shown = survey.unknown.most_common(UNKNOWN_SHOWN)
    rows = []
    for word, count in shown:
        candidates = segmenter.candidates(word, limit=3)
        whole = next((c for c in candidates if len(c.pieces) == 1), None)
        split = next((c for c in candidates if len(c.pieces) > 1), None)
        if whole is not None and split is not None:
            margin = f"{split.score - whole.score:.2f}"
            best = escape(" + ".join(split.pieces))
        else:
            margin, best = "—", "—"
        rows.append(
            f"<tr><td dir=rtl lang=ar>{escape(word)}</td><td class=n>{count:,}</td>"
            f"<td dir=rtl lang=ar>{best}</td><td class=n>{margin}</td></tr>"
        )
    words = "\n".join(word for word, _ in shown)
    return (
        f"<h3>Unknown words left whole</h3><p>{len(survey.unknown):,} distinct words of "
        "6 letters or more that the word list does not know; the most frequent, with the best "
        "cut the splitter turned down and its margin (below 0: the whole word won). If they "
        "are words, list them in an <code>extra-words</code> file.</p>"
        '<div class="scroll"><table><thead><tr><th>word</th><th>times</th><th>best cut</th>'
        f"<th>margin</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        + _copyable("extra-words.txt", words, "--extra-words extra-words.txt")
    )


def _copyable(name: str, words: str, option: str) -> str:
    lines = max(3, min(10, words.count("\n") + 1))
    return (
        f'<div class="copy"><label>{escape(name)} <button type="button" data-copy>copy'
        f'</button></label><textarea readonly dir="rtl" lang="ar" rows="{lines}">'
        f"{escape(words)}</textarea><p class=muted>then <code>arnorm clean {escape(option)}"
        "</code></p></div>"
    )
