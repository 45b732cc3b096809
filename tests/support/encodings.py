"""Write Vietnamese as legacy tools do, to make test files in encodings tintuc must read."""

from __future__ import annotations

import unicodedata

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def to_windows_1258(text: str) -> bytes:
    """Encode text as Windows-1258 does: a letter it lacks becomes its base letter plus a tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
            tones = "".join(c for c in decomposed if c in TONE_MARKS)
            out += (base + tones).encode("cp1258")
    return bytes(out)
