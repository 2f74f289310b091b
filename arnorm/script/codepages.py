"""The single-byte code pages through which UTF-8 Arabic shows as mojibake.

A page or a file that declares the wrong encoding has its UTF-8 bytes read one byte a
character through some single-byte code page. For Arabic, the bytes are D8-DB (the lead of
each letter) and 80-BF (its continuation), so every code page gives its own picture of the
same word: العربية is "ط§ظ„ط¹ط±ط¨ظٹط©" through windows-1256, "Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©" through latin-1 or
windows-1252, "Ř§Ů„ŘąŘ±Ř¨ŮŠŘ©" through windows-1250, "Ш§Щ„Ш№Ш±ШЁЩЉШ©" through windows-1251,
"ÿßŸÑÿπÿ±ÿ®Ÿäÿ©" through MacRoman.

This module only knows the tables: which character each code page shows for each byte
(:func:`byte_chars`) and which code pages arnorm reads back (:data:`ARABIC_MOJIBAKE_PAGES`).
The pages are those ftfy knows (its ``CHARMAP_ENCODINGS``: latin-1, windows-1250 to 1254 and
1257, ISO-8859-2, MacRoman, cp437; all but ISO-8859-2, see below) plus windows-1256, the
Arabic Windows code page, which ftfy does not read. Like ftfy's "sloppy" codecs, a byte that a
code page leaves undefined is shown as the latin-1 character of that byte (a C1 control):
that is what a decoder that keeps undefined bytes writes, and what the broken text carries.
windows-1254 (Turkish) shows the bytes 80-BF and D8-DB as windows-1252 does, so the latin
page covers it. ISO-8859-2 is left out: it shows the Arabic leads as windows-1250 does and
differs from it in a third of the continuation bytes, so a span could be read through either
and come out as different valid Arabic (UTF-8 Arabic labelled ISO-8859-2 is also rare next to
windows-1250, which browsers substitute for it). ISO-8859-6 leaves most of 80-BF undefined and
cannot be reversed.

>>> byte_chars("cp1250")[0xD8] + byte_chars("cp1250")[0xA7]
'Ř§'
>>> byte_chars("cp1253")[0x81]  # undefined in windows-1253: the latin-1 control
'\\x81'
"""

from __future__ import annotations

import functools
from typing import NamedTuple


@functools.cache
def byte_chars(codec: str) -> dict[int, str]:
    """The character that `codec` shows for each byte 80-FF; a byte it leaves undefined shows
    as the latin-1 character of that byte (as ftfy's sloppy codecs read it)."""
    table: dict[int, str] = {}
    for byte in range(0x80, 0x100):
        try:
            table[byte] = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            table[byte] = bytes([byte]).decode("latin-1")
    return table


class PageSpec(NamedTuple):
    """A code page that UTF-8 Arabic is read back from: its name, the Python codecs whose
    characters stand for its bytes, and the lead bytes whose sequences it decodes."""

    name: str
    codecs: tuple[str, ...]
    leads: bytes


#: Lead bytes of the sequences that Arabic text is made of: C2 and C3 (Latin-1 symbols such as
#: « », the no-break space), D8-DB (Arabic letters, digits and marks), E2 (general
#: punctuation, the dashes and curly quotes).
ARABIC_TEXT_LEADS = bytes((0xC2, 0xC3, 0xD8, 0xD9, 0xDA, 0xDB, 0xE2))
#: The lead bytes of Arabic letters alone: a span read back from one of the other code pages
#: must hold one of them (punctuation alone is no evidence of Arabic).
ARABIC_LETTER_LEADS = bytes((0xD8, 0xD9, 0xDA, 0xDB))

#: The code pages read back after windows-1256 and before latin-1/windows-1252, in order: the
#: central European, Cyrillic, Greek and Baltic Windows pages, MacRoman and the DOS page.
#: Each is decoded with the sloppy table of :func:`byte_chars`.
ARABIC_MOJIBAKE_PAGES: tuple[PageSpec, ...] = (
    PageSpec("windows-1250", ("cp1250",), ARABIC_TEXT_LEADS),
    PageSpec("windows-1251", ("cp1251",), ARABIC_TEXT_LEADS),
    PageSpec("windows-1253", ("cp1253",), ARABIC_TEXT_LEADS),
    PageSpec("windows-1257", ("cp1257",), ARABIC_TEXT_LEADS),
    PageSpec("mac-roman", ("mac-roman",), ARABIC_TEXT_LEADS),
    PageSpec("cp437", ("cp437",), ARABIC_TEXT_LEADS),
)
