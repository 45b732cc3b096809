"""Turn a file's bytes into text, or say exactly why they are not text."""

from __future__ import annotations

import codecs


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
    """Decode UTF-8 (with or without BOM) or UTF-16 (with a BOM, or detectably without one)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data, encoding)
    utf16 = _looks_like_bomless_utf16(data)
    if utf16:
        return _decode(data, utf16)
    if b"\x00" in data:
        raise UndecodableFile("binary content (NUL bytes), not a text article")
    return _decode(data, "utf-8")


def _decode(data: bytes, encoding: str) -> str:
    """Decode strictly, naming the encoding and the byte offset on failure."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UndecodableFile(
            f"not valid {encoding.upper()}: byte {error.start} ({data[error.start : error.start + 1]!r});"
            " save the file as UTF-8"
        ) from error
