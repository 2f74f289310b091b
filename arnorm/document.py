"""The document of the call being cleaned, for the few rules that take evidence beyond a line.

The engine runs a text of several lines in groups of whole lines, each group to its own fixed
point: every rule reads only its line (a line-local rule gives the same result on a line as on
the text that holds it; the property tests check it for every rule and preset), and a group
that holds none of a rule's trigger characters is not read by that rule, where the whole text
would be read by every rule whose trigger any line holds. The document still counts as
evidence: the splitter keeps a run that the document holds twice (AR501, see
``docs/splitter.md``). So while the engine works through the lines of a text,
:data:`WHOLE_TEXT` holds that text, as it was given, and what rules derive from it for the call.

>>> with whole_text("سطر\\nسطر آخر"):
...     WHOLE_TEXT.get().derived(len)
11
>>> WHOLE_TEXT.get() is None
True
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")


class Whole:
    """The whole text of a call, and what rules derive from it (once per call)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._derived: dict[Callable[[str], Any], Any] = {}

    def derived(self, make: Callable[[str], T]) -> T:
        """``make(text)``, made on the first call for this text and kept for the others: the
        evidence a rule learns from the document (its run counts) is learnt once, not once per
        group of lines, and goes with the call."""
        if make not in self._derived:
            self._derived[make] = make(self.text)
        found: T = self._derived[make]
        return found


#: The whole text that the engine is cleaning in groups of lines, while it does; else None.
WHOLE_TEXT: ContextVar[Whole | None] = ContextVar("arnorm_whole_text", default=None)


@contextlib.contextmanager
def whole_text(text: str) -> Iterator[None]:
    """Make `text` the :data:`WHOLE_TEXT` for the duration of the block."""
    token = WHOLE_TEXT.set(Whole(text))
    try:
        yield
    finally:
        WHOLE_TEXT.reset(token)
