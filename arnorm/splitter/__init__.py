"""The run-on splitter: finds the runs of Arabic letters and decides where words were glued.

>>> from arnorm.splitter import segment
>>> segment("أكدت كورياالشمالية")
'أكدت كوريا الشمالية'
"""

from __future__ import annotations

from arnorm.splitter.segmenter import Document, Segmenter, default_segmenter, segment

__all__ = ["Document", "Segmenter", "default_segmenter", "segment"]
