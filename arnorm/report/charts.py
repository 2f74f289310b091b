"""Charts as inline SVG: a few hundred bytes each, drawn by the browser with no script.

A report must open offline and stay small, so its charts are plain SVG written here rather
than a charting library (the smallest well-kept ones add 50 KB to 250 KB of JavaScript to
every report and draw only once the script has run). Each bar has a ``<title>``, which the
browser shows on hover, and each chart an ``aria-label``.

>>> svg = columns([("0-5", 3), ("5-10", 1)], label="dirt score")
>>> svg.startswith("<svg") and svg.count("<rect") == 2
True
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH = 640
BAR_HEIGHT = 18


def columns(data: Sequence[tuple[str, float]], *, label: str, height: int = 180) -> str:
    """A column chart (a histogram): one column per ``(label, value)``, labels below."""
    top = max((value for _, value in data), default=0) or 1
    step = WIDTH / max(len(data), 1)
    plot = height - 34
    parts = [_open(WIDTH, height, label)]
    for i, (name, value) in enumerate(data):
        h = plot * value / top
        x = i * step
        parts.append(
            f'<rect class="bar" x="{x + 2:.1f}" y="{10 + plot - h:.1f}" width="{step - 4:.1f}"'
            f' height="{h:.1f}"><title>{escape(name)}: {value:,.0f}</title></rect>'
        )
        if len(data) <= 12 or i % 2 == 0:
            parts.append(
                f'<text class="tick" x="{x + step / 2:.1f}" y="{height - 8}"'
                f' text-anchor="middle">{escape(name)}</text>'
            )
    parts.append(f'<line class="axis" x1="0" y1="{10 + plot}" x2="{WIDTH}" y2="{10 + plot}"/>')
    parts.append("</svg>")
    return "".join(parts)


def bars(data: Sequence[tuple[str, float]], *, label: str, unit: str = "") -> str:
    """A horizontal bar chart: one bar per ``(label, value)``, value written at its end."""
    top = max((value for _, value in data), default=0) or 1
    left, right = 250, 70
    height = BAR_HEIGHT * len(data) + 8
    parts = [_open(WIDTH, height, label)]
    for i, (name, value) in enumerate(data):
        y = 4 + i * BAR_HEIGHT
        w = (WIDTH - left - right) * value / top
        text = f"{value:,.1f}{unit}"
        parts.append(
            f'<text class="tick" x="{left - 6}" y="{y + 13}" text-anchor="end">'
            f"{escape(name)}</text>"
            f'<rect class="bar" x="{left}" y="{y + 2}" width="{max(w, 1):.1f}"'
            f' height="{BAR_HEIGHT - 4}"><title>{escape(name)}: {escape(text)}</title></rect>'
            f'<text class="value" x="{left + w + 4:.1f}" y="{y + 13}">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _open(width: int, height: int, label: str) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img"'
        f' aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
    )
