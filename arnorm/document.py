"""The document of the call being cleaned, for the few rules that take evidence beyond a line.

The engine cleans a text of several lines line by line, each line to its own fixed point: every
rule reads only its line (a line-local rule gives the same result on a line as on the text that
holds it; the property tests check it for every rule and preset), and a line that no rule
changes costs one scan for trigger characters per line, where the whole text would be read by
every rule whose trigger any line holds. The document still counts as evidence: the splitter
keeps a run that the document holds twice (AR501, see ``docs/splitter.md``). So while the
engine works through the lines of a text, :data:`WHOLE_TEXT` holds that text, as it was given.

>>> with whole_text("سطر\\nسطر آخر"):
...     WHOLE_TEXT.get()
'سطر\\nسطر آخر'
>>> WHOLE_TEXT.get() is None
True
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

#: The whole text that the engine is cleaning line by line, while it does; else None.
WHOLE_TEXT: ContextVar[str | None] = ContextVar("arnorm_whole_text", default=None)


@contextlib.contextmanager
def whole_text(text: str) -> Iterator[None]:
    """Make `text` the :data:`WHOLE_TEXT` for the duration of the block."""
    token = WHOLE_TEXT.set(text)
    try:
        yield
    finally:
        WHOLE_TEXT.reset(token)
