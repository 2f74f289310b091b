"""Before and after, as HTML: each edit of a text highlighted, its rule shown on hover.

Used by the report's examples and by the playground (``arnorm serve``), so both mark edits
the same way. Characters that cannot be seen (invisible, control, exotic spaces) are shown
as a short name in a box, so that deleting them shows something.

>>> from arnorm.engine import fix
>>> before, after = before_after(fix("قال\N{NO-BREAK SPACE}الوزير"))
>>> 'data-rule="AR104 exotic-space"' in before, '<span class="ch" dir="ltr">NBSP</span>' in before
(True, True)
>>> "<span class=\\"e ins\\"" in after
True
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from html import escape

from arnorm.edits import Edit
from arnorm.engine import Fixed
from arnorm.rules import BY_CODE

#: Short names of the characters most often deleted, shown in their box (others: U+XXXX).
_SHORT = {
    "\N{NO-BREAK SPACE}": "NBSP",
    "\N{ZERO WIDTH SPACE}": "ZWSP",
    "\N{ZERO WIDTH NON-JOINER}": "ZWNJ",
    "\N{ZERO WIDTH JOINER}": "ZWJ",
    "\N{RIGHT-TO-LEFT MARK}": "RLM",
    "\N{LEFT-TO-RIGHT MARK}": "LRM",
    "\N{ZERO WIDTH NO-BREAK SPACE}": "BOM",
    "\N{SOFT HYPHEN}": "SHY",
    "\t": "TAB",
}


def before_after(fixed: Fixed) -> tuple[str, str]:
    """The input and the output of `fixed` as HTML, each edit wrapped in a highlighted span."""
    return _side(fixed.input, fixed.edits, "del"), _after(fixed.input, fixed.edits)


def _side(text: str, edits: Sequence[Edit], kind: str) -> str:
    parts, position = [], 0
    for edit in edits:
        parts.append(escape(text[position : edit.start]))
        parts.append(_span(edit, visible(text[edit.start : edit.end]), kind))
        position = edit.end
    parts.append(escape(text[position:]))
    return "".join(parts)


def _after(text: str, edits: Sequence[Edit]) -> str:
    parts, position = [], 0
    for edit in edits:
        parts.append(escape(text[position : edit.start]))
        if edit.replacement is not None:
            parts.append(_span(edit, visible(edit.replacement), "ins"))
        else:
            parts.append(_span(edit, visible(text[edit.start : edit.end]), "flag"))
        position = edit.end
    parts.append(escape(text[position:]))
    return "".join(parts)


def _span(edit: Edit, inner: str, kind: str) -> str:
    names = " ".join(f"{code} {BY_CODE[code].name}" for code in edit.codes if code in BY_CODE)
    message = edit.note or (BY_CODE[edit.code].message if edit.code in BY_CODE else "")
    title = f"{names}: {message}" if message else names
    empty = " empty" if not inner else ""
    return (
        f'<span class="e {kind}{empty}" tabindex="0" data-rule="{escape(names)}"'
        f' title="{escape(title)}">{inner}</span>'
    )


def summary_of(code: str) -> str:
    """The first sentence of a rule's "What it does", as plain text (for one-line lists).

    >>> summary_of("AR104")
    'Replaces no-break spaces (U+00A0), narrow no-break spaces, the en, em, thin and hair \
spaces (U+2000-U+200A), the ideographic space and every other space separator (Unicode \
category Zs) with a plain space.'
    """
    rule = BY_CODE.get(code)
    if rule is None:
        return ""
    lines: list[str] = []
    for line in rule.doc.strip().splitlines():
        if line.startswith("#") or not line.strip():
            if lines:
                break
            continue
        lines.append(line.strip())
    text = " ".join(lines).replace("`", "") or rule.message
    end = text.find(". ")
    return text[: end + 1] if end >= 0 else text


def visible(text: str) -> str:
    """`text` as HTML, each character one cannot see shown as its name in a box.

    >>> visible("a\N{ZERO WIDTH SPACE}<b>")
    'a<span class="ch" dir="ltr">ZWSP</span>&lt;b&gt;'
    """
    return "".join(_visible_char(ch) for ch in text)


@functools.lru_cache(maxsize=4096)
def _visible_char(ch: str) -> str:
    if ch == " " or ch == "\n" or unicodedata.category(ch)[0] not in "CZ":
        return escape(ch)
    name = _SHORT.get(ch, f"U+{ord(ch):04X}")
    return f'<span class="ch" dir="ltr">{name}</span>'
