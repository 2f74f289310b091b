"""Rules of this module are being written; the pipeline already has their place."""

from __future__ import annotations

from arnorm.rules.base import Rule

RULES: tuple[Rule, ...] = ()
