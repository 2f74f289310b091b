"""Whether the tests that install from a package index can run here (marker ``network``)."""

from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse


def index_urls() -> list[str]:
    """The package indexes pip would install from: its configured index (PyPI by default)
    and extra indexes, from the environment and pip's own configuration."""
    urls = [os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple")]
    urls += os.environ.get("PIP_EXTRA_INDEX_URL", "").split()
    try:
        listed = subprocess.run(
            [sys.executable, "-m", "pip", "config", "list"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        ).stdout
    except subprocess.TimeoutExpired:
        listed = ""
    for line in listed.splitlines():
        key, _, value = line.partition("=")
        if key.endswith(("index-url", "extra-index-url")):
            urls += value.strip("'\"").split()
    return urls


@functools.cache
def index_reachable() -> bool:
    """Whether some package index answers: a local one exists, or a remote one accepts a
    connection within 3 seconds (a quick, bounded check; no download)."""
    for url in index_urls():
        parsed = urlparse(url)
        if parsed.scheme == "file" and Path(parsed.path).is_dir():
            return True
        if parsed.scheme in ("http", "https") and parsed.hostname:
            port = parsed.port or (443 if parsed.scheme == "https" else 80)
            try:
                socket.create_connection((parsed.hostname, port), timeout=3).close()
            except OSError:
                continue
            return True
    return False
