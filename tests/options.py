"""Options for the rule tests: one behaviour switched on over the 'none' preset."""

from __future__ import annotations

from arnorm.config import NONE


def only(option: str, value: object = True, **more: object) -> dict[str, object]:
    """Options for the 'none' preset with one behaviour switched on (and `more` with it)."""
    return {"preset": NONE, option: value, **more}
