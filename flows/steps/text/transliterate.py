"""Write Vietnamese names the way the English-language press does: without diacritics."""

from __future__ import annotations

import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "Đ": "D"})


def without_diacritics(text: str) -> str:
    """Return text with Vietnamese diacritics removed ("Đinh Tiến Dũng" → "Dinh Tien Dung")."""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))
