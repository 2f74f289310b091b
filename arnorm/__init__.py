"""arnorm: clean and correct Arabic text, with an edit log for every change.

>>> import arnorm
>>> arnorm.clean("قال\N{NO-BREAK SPACE}الوزير\N{RIGHT-TO-LEFT MARK}")
'قال الوزير'

The public names are :func:`clean`, :func:`cleaner`, :func:`correct_spelling`, :func:`fix`,
:func:`lint`, :func:`profile`, :func:`segment`, :class:`Segmenter`, :class:`Config`,
:class:`Profile` and the presets. Importing arnorm loads no data: the word list is read on the
first call that needs it.
"""

from __future__ import annotations

from arnorm.config import CLEAN, NONE, PRESETS, SEARCH, Config
from arnorm.edits import Edit
from arnorm.engine import Finding, Fixed, clean, cleaner, fix, lint
from arnorm.lexicon.speller import correct_spelling
from arnorm.profile import Profile, profile
from arnorm.splitter import Segmenter, segment

__all__ = [
    "CLEAN",
    "NONE",
    "PRESETS",
    "SEARCH",
    "Config",
    "Edit",
    "Finding",
    "Fixed",
    "Profile",
    "Segmenter",
    "clean",
    "cleaner",
    "correct_spelling",
    "fix",
    "lint",
    "profile",
    "segment",
]
__version__ = "0.1.0"
