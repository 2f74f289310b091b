"""Standard output whose every write is checked, whatever its buffering.

Python's own stdout can lose output silently: with ``PYTHONUNBUFFERED=1`` (common in
containers) its binary layer is a raw file, whose ``write`` may write part of what it is given
and say so only in its return value, which the text layer and ``clean``'s writes ignore; 561 of
862 KB reached a full disk and the exit status was 0. :func:`check_stdout` puts a buffered
writer between them, which writes everything or raises, and turns any failure but a closed
pipe into :class:`OutputError`, which ``main`` reports with exit 2.
"""

from __future__ import annotations

import io
import sys
from typing import Any


class OutputError(Exception):
    """A write to standard output failed; the message is the system's reason."""


class CheckedWriter(io.BufferedWriter):
    """A buffered writer that writes all of its data or raises :class:`OutputError`.

    A closed pipe stays :class:`BrokenPipeError` (the reader went away: ``| head``).
    """

    def write(self, data: Any, /) -> int:
        try:
            return super().write(data)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(error.strerror or str(error)) from None

    def flush(self) -> None:
        try:
            super().flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(error.strerror or str(error)) from None


def check_stdout() -> None:
    """Replace ``sys.stdout`` by the same stream with a :class:`CheckedWriter` under it."""
    text = sys.stdout
    if not isinstance(text, io.TextIOWrapper):
        return
    encoding, line_buffering = text.encoding, text.line_buffering
    text.flush()
    layer = text.detach()
    raw = layer.detach() if isinstance(layer, io.BufferedWriter) else layer
    sys.stdout = io.TextIOWrapper(
        CheckedWriter(raw),
        encoding=encoding,
        errors="backslashreplace",
        line_buffering=line_buffering,
    )
