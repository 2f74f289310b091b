"""The playground of ``arnorm serve``: its page, and its answer to a text and a config.

:func:`answer` is a pure function from the JSON the page posts (text, preset, options) to
the JSON it shows: the cleaned text, before and after with each edit highlighted, the
findings, and the documentation of each rule that found something.

>>> reply = answer({"text": "قال\N{NO-BREAK SPACE}الوزير", "preset": "clean", "options": {}})
>>> reply["text"], [f["code"] for f in reply["findings"]], sorted(reply["rules"])
('قال الوزير', ['AR104'], ['AR104'])
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from html import escape
from typing import Any

from arnorm.config import PRESETS, Config, choices, field_types, resolve
from arnorm.engine import fix, lint
from arnorm.profile import profiled
from arnorm.report.marks import before_after, summary_of
from arnorm.report.page import asset
from arnorm.rules import BY_CODE

#: Config fields that the page does not offer (word-list files, rule codes).
_NOT_SWITCHES = frozenset({"ignore", "extra_words", "never_split"})


class BadRequest(ValueError):
    """A request the playground cannot answer; the message says why."""


def switches() -> list[dict[str, object]]:
    """The options the page offers: each behaviour field of Config, with its choices."""
    hints = field_types()
    found: list[dict[str, object]] = []
    for f in dataclasses.fields(Config):
        if f.name in _NOT_SWITCHES:
            continue
        allowed = choices().get(f.name) or ((True, False) if hints[f.name] is bool else None)
        if allowed is not None:
            found.append({"name": f.name, "choices": list(allowed)})
    return found


def page() -> str:
    """The playground page: one HTML file, its style and script inline."""
    settings = {
        "presets": {name: dataclasses.asdict(c) for name, c in PRESETS.items()},
        "switches": switches(),
    }
    data = json.dumps(settings, default=list).replace("</", "<\\/")
    return (
        asset("playground.html")
        .replace("/*STYLE*/", asset("report.css") + asset("playground.css"))
        .replace("/*SETTINGS*/null", data)
        .replace("/*SCRIPT*/", asset("playground.js"))
    )


def answer(request: Mapping[str, Any]) -> dict[str, object]:
    """What the page shows for `request` (``{"text", "preset", "options"}``)."""
    config = _config(request)
    text = request.get("text")
    if not isinstance(text, str):
        raise BadRequest("text must be a string")
    fixed = fix(text, preset=config)
    before, after = before_after(fixed)
    findings = lint(text, preset=config)
    _, found = profiled(text, config)
    codes = sorted({f.code for f in findings})
    return {
        "text": fixed.text,
        "before": before,
        "after": after,
        "findings": [dataclasses.asdict(f) for f in findings],
        "rules": {code: _rule(code) for code in codes},
        "profile": found.as_json(),
    }


def _config(request: Mapping[str, Any]) -> Config:
    preset = request.get("preset", "clean")
    options = request.get("options") or {}
    if not isinstance(preset, str) or not isinstance(options, dict):
        raise BadRequest("preset must be a name and options an object")
    unknown = set(options) - {s["name"] for s in switches()}
    if unknown:
        raise BadRequest(f"unknown option {sorted(unknown)[0]!r}")
    try:
        return resolve(preset, options)
    except (TypeError, ValueError) as error:
        raise BadRequest(str(error)) from None


def _rule(code: str) -> dict[str, object]:
    rule = BY_CODE[code]
    return {
        "name": rule.name,
        "summary": summary_of(code),
        "safe": rule.safe,
        "doc": doc_html(rule.doc),
    }


def doc_html(doc: str) -> str:
    """A rule's Markdown doc as simple HTML: headings, paragraphs, ``code`` spans.

    >>> doc_html("## Why\\nBecause `x` is.")
    '<h4>Why</h4><p>Because <code dir="auto">x</code> is.</p>'
    """
    parts: list[str] = []
    paragraph: list[str] = []
    for line in [*doc.strip().splitlines(), ""]:
        if line.startswith("#") or not line.strip():
            if paragraph:
                parts.append(f"<p>{_inline(' '.join(paragraph))}</p>")
                paragraph = []
            if line.startswith("#"):
                parts.append(f"<h4>{_inline(line.lstrip('#').strip())}</h4>")
        else:
            paragraph.append(line.strip())
    return "".join(parts)


def _inline(text: str) -> str:
    return re.sub(r"`([^`]+)`", r'<code dir="auto">\1</code>', escape(text, quote=False))
