"""Doctests of the engine modules run only where their engine is installed (the extras)."""

from __future__ import annotations

import importlib.util

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
