"""arnorm as datatrove pipeline steps (the ``arnorm[datatrove]`` extra).

:class:`ArnormFormatter` cleans the text of each document as :func:`arnorm.clean` does, and
counts the edits of each rule in the step's stats (``AR104: 12`` ...), beside datatrove's own
``total`` and time. :class:`ArnormFilter` drops the documents whose findings per 1,000
characters pass a threshold (the reason is recorded in the stats and, for an exclusion writer,
in the document's metadata) and passes every other document on unchanged.

Importing this module imports datatrove; ``import arnorm`` does not. The options are resolved
when the step is built, so a bad preset or option fails before the pipeline starts; the word
list is read once per worker process, on its first document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.formatters.base import BaseFormatter

from arnorm.config import Config, resolve
from arnorm.engine import cleaner, explain, fix, tally
from arnorm.profile import per_1000_chars

if TYPE_CHECKING:
    from datatrove.data import Document

#: The reason recorded for a dropped document (``dropped_arnorm-findings`` in the stats).
REASON = "arnorm-findings"
#: The metadata key that holds a dropped document's findings per 1,000 characters.
DENSITY_KEY = "arnorm_findings_per_1000"


def findings_per_1000(text: str, config: Config) -> float:
    """How many findings there are per 1,000 characters of `text`: the figure of
    :func:`arnorm.profile`, so that a filter and a report count alike.

    >>> from arnorm.config import CLEAN
    >>> findings_per_1000("قال\N{NO-BREAK SPACE}الوزير", CLEAN)
    100.0
    >>> findings_per_1000("", CLEAN)
    0.0
    """
    _, counts = tally(text, config)  # the profile's counts, without its sizes and shares
    return per_1000_chars(sum(counts.values()), len(text))


class ArnormFormatter(BaseFormatter):  # type: ignore[misc]
    """Each document's text cleaned as ``arnorm.clean(text, preset=preset, **options)`` cleans it.

    With ``statistics=True`` (the default) the text goes through :func:`arnorm.fix` (the same
    result, with its edit log) and the edits of each rule are added to the step's stats; with
    ``statistics=False`` it takes the faster path of :func:`arnorm.clean` and counts nothing.
    """

    name = "🧹 arnorm"

    def __init__(
        self, *, preset: str | Config = "clean", statistics: bool = True, **options: object
    ) -> None:
        super().__init__()
        self.config = resolve(preset, options)
        self.statistics = statistics
        self._clean = cleaner(self.config)

    def format(self, text: str) -> str:
        if not self.statistics:
            return self._clean(text)
        fixed = fix(text, preset=self.config)
        for code, count in sorted(explain(fixed.edits).items()):
            self.stat_update(code, value=count)
        if fixed.changed:
            self.stat_update("changed")
        return fixed.text


class ArnormFilter(BaseFilter):  # type: ignore[misc]
    """Drops documents with more than `threshold` findings per 1,000 characters.

    The findings are those of :func:`arnorm.profile` with `preset` and `options` (what
    ``arnorm report`` counts), on the text as it reaches the filter. A kept document passes on
    untouched. There is no default threshold: how dirty is too dirty depends on the corpus,
    so pick a high percentile of :func:`findings_per_1000` over a sample of it.
    """

    name = "🧹 arnorm filter"

    def __init__(
        self,
        threshold: float,
        *,
        preset: str | Config = "clean",
        exclusion_writer: Any = None,
        **options: object,
    ) -> None:
        super().__init__(exclusion_writer)
        if threshold < 0:
            raise ValueError(f"threshold must be at least 0, not {threshold}")
        self.threshold = threshold
        self.config = resolve(preset, options)

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        density = findings_per_1000(doc.text, self.config)
        if density <= self.threshold:
            return True
        if self.exclusion_writer is not None:
            doc.metadata[DENSITY_KEY] = round(density, 3)
        return False, REASON
