"""Chunks of an input worked on in this process or in a pool of worker processes.

``arnorm clean`` and ``arnorm report`` both read an input in chunks and map one picklable
function over them; the output must not depend on ``--jobs``, so results come back in input
order, and memory must stay flat, so only a few chunks per process are in flight.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_in_order(
    chunks: Iterator[T], jobs: int, work: Callable[[T], R]
) -> Generator[R, None, None]:
    """Each chunk given to `work`, in input order; with `jobs` > 1 in a pool with a bounded
    window (0 or less: one process per CPU)."""
    jobs = jobs if jobs > 0 else os.cpu_count() or 1
    if jobs == 1:
        yield from map(work, chunks)
        return
    import multiprocessing

    with multiprocessing.Pool(jobs, initializer=_ignore_interrupts) as pool:
        window: deque[multiprocessing.pool.AsyncResult[R]] = deque()
        for chunk in chunks:
            window.append(pool.apply_async(work, (chunk,)))
            if len(window) > 2 * jobs:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which stops the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
