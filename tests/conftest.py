"""Test settings: hypothesis runs a derandomized profile unless HYPOTHESIS_PROFILE says otherwise.

`HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_properties.py` runs the long fuzz.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=300, deadline=None, print_blob=True)
settings.register_profile(
    "fuzz",
    max_examples=20_000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
# `HYPOTHESIS_PROFILE=hostile python -m pytest tests/test_hostile.py`: a long run over crafted
# alphabets (tests/strategies.py: hostile_text), outside the unit suite.
settings.register_profile(
    "hostile",
    max_examples=5_000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
