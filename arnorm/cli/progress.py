"""A progress bar on stderr for ``arnorm clean``: tqdm's when it is installed, else one line.

tqdm is optional (the ``progress`` extra); without it a plain line shows bytes done, the
share of the input when its size is known, and the speed, redrawn at most five times a second.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import time
from collections.abc import Iterator
from typing import Protocol


class Bar(Protocol):
    def update(self, n: int) -> object: ...


class _Silent:
    def update(self, n: int) -> None:
        pass


class _Line:
    """The built-in progress line."""

    def __init__(self, total: int | None) -> None:
        self.total, self.done = total, 0
        self.start = self.shown = time.monotonic()

    def update(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.shown >= 0.2:
            self.shown = now
            self.draw(now)

    def draw(self, now: float) -> None:
        megabytes = self.done / 1e6
        share = f" ({100 * self.done / self.total:.0f}%)" if self.total else ""
        speed = megabytes / max(now - self.start, 1e-9)
        sys.stderr.write(f"\rarnorm clean: {megabytes:,.1f} MB{share}, {speed:,.1f} MB/s ")
        sys.stderr.flush()


@contextlib.contextmanager
def bar(total: int | None, enabled: bool) -> Iterator[Bar]:
    """A progress bar over `total` bytes (None when unknown); a silent one when not `enabled`."""
    if not enabled:
        yield _Silent()
        return
    try:
        tqdm = importlib.import_module("tqdm").tqdm
    except ImportError:
        line = _Line(total)
        yield line
        line.draw(time.monotonic())
        sys.stderr.write("\n")
        return
    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked after this
    with tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr) as t:
        yield t
