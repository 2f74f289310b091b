"""The command line: a thin adapter from files, streams and options to the engine.

``arnorm check`` and ``arnorm fix`` lint and fix whole files (pre-commit), ``arnorm clean``
streams news text, JSONL or CSV through the fast path, and ``arnorm rules`` documents the rules.
Nothing in the library imports this package.
"""
