"""Doctests of the engine modules run only where their engine is installed (the extras)."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

_ENGINES = {
    "arnorm/dask.py": ("dask", "pandas"),
    "arnorm/spark.py": ("pyspark", "pandas"),
    "arnorm/datatrove.py": ("datatrove",),
}

collect_ignore = [
    path
    for path, modules in _ENGINES.items()
    if any(importlib.util.find_spec(module) is None for module in modules)
]

# The local copy of wordfreq's list (arnorm.lexicon.cache) goes to a folder of the test run's
# own, never to the user's cache; the test processes and CLI subprocesses share it.
os.environ.setdefault("ARNORM_CACHE_DIR", str(Path(tempfile.gettempdir()) / "arnorm-test-cache"))
