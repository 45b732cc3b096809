"""Turn a file's bytes into text, or say exactly why they are not text.

Besides UTF-8 and UTF-16, tintuc reads Windows-1258, the legacy Vietnamese code page that
Word and old Windows tools still write, but only when it is sure. Windows-1258 gives a meaning
to almost every byte, so any non-UTF-8 file "decodes"; what tells real Windows-1258 Vietnamese
apart is that (1) no byte is one the code page leaves undefined, (2) there are no control
characters, (3) every combining tone mark (the code page writes "ố" as "ô" plus a separate
acute) composes with the letter before it under NFC, and (4) the result reads as Vietnamese
(`flows.steps.ingest.language`). A UTF-8 file with one broken byte, Latin-1 French or another legacy
Vietnamese encoding (TCVN3, VNI) fails (3) or (4) and is refused, saying so.
"""

from __future__ import annotations

import codecs
import unicodedata

from flows.steps.ingest.language import vietnamese_score
from flows.steps.ingest.normalize import TONE_MARKS

# Fewer words than this cannot show a text is Vietnamese with any confidence.
MIN_LEGACY_WORDS = 5
_CONTROL = frozenset(chr(code) for code in range(32)) - set("\t\n\r\f\v")


class UndecodableFile(ValueError):
    """The bytes are not text tintuc can read (binary, or an encoding it cannot tell)."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_like_bomless_utf16(data: bytes) -> str | None:
    """Return the UTF-16 byte order when NULs sit in every other byte, as in BOM-less UTF-16."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 or UTF-16 (with or without BOM), else Windows-1258 Vietnamese when sure of it."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data, encoding)
    utf16 = _looks_like_bomless_utf16(data)
    if utf16:
        return _decode(data, utf16)
    if b"\x00" in data:
        raise UndecodableFile("binary content (NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    legacy, why_not = decode_windows_1258(data)
    if legacy is not None:
        return legacy
    raise UndecodableFile(
        f"not valid UTF-8: byte {utf8_error.start} ({data[utf8_error.start : utf8_error.start + 1]!r}), "
        f"and not Windows-1258 Vietnamese either ({why_not}); save the file as UTF-8"
    ) from utf8_error


def decode_windows_1258(data: bytes) -> tuple[str | None, str]:
    """Return the NFC text of Windows-1258 Vietnamese bytes, or None and why they are not."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as error:
        return None, f"byte {error.start} is undefined in Windows-1258"
    if not _CONTROL.isdisjoint(text):
        return None, "it holds control characters, so it is binary"
    text = unicodedata.normalize("NFC", text)
    stray = sum(1 for ch in text if ch in TONE_MARKS)
    if stray:
        return None, f"{stray} of its tone marks combine with no letter"
    score = vietnamese_score(text)
    if score.words < MIN_LEGACY_WORDS:
        return None, f"{score.words} words are too few to tell"
    if not score.is_vietnamese:
        return None, f"read that way, {score.describe()}"
    return text, "Windows-1258"


def _decode(data: bytes, encoding: str) -> str:
    """Decode strictly, naming the encoding and the byte offset on failure."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UndecodableFile(
            f"not valid {encoding.upper()}: byte {error.start} ({data[error.start : error.start + 1]!r});"
            " save the file as UTF-8"
        ) from error
