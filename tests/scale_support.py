"""Records for the engine tests: the project's own sample news, mixed deterministically.

Each record joins a few lines of ``samples/news.txt`` (text written for the project) in a
seeded order and adds some of the dirt the rules repair, so that every engine sees records that
change, records that do not, empty ones and missing ones.
"""

from __future__ import annotations

import random
from pathlib import Path

import arnorm

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

#: Dirt added to records: no-break space, right-to-left mark, zero width space, a Persian kaf,
#: a spaced comma, a tatweel.
DIRT = (
    "\N{NO-BREAK SPACE}",
    "\N{RIGHT-TO-LEFT MARK}",
    "\u200b",
    "\N{ARABIC LETTER KEHEH}",
    " ,",
    "ـ",
)


def news_records(count: int, seed: int = 15) -> list[str | None]:
    """`count` records (every 17th is None, every 13th empty), the same for the same seed."""
    lines = SAMPLES.joinpath("news.txt").read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if line.strip()]
    pick = random.Random(seed)
    records: list[str | None] = []
    for index in range(count):
        if index % 17 == 16:
            records.append(None)
            continue
        if index % 13 == 12:
            records.append("")
            continue
        text = " ".join(pick.sample(lines, pick.randint(1, 3)))
        at = pick.randrange(len(text) + 1)
        records.append(text[:at] + pick.choice(DIRT) + text[at:] if index % 2 else text)
    return records


def expected(records: list[str | None], **options: object) -> list[str | None]:
    """What :func:`arnorm.clean` gives for each record (None stays None)."""
    return [None if r is None else arnorm.clean(r, **options) for r in records]
