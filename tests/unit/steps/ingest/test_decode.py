import codecs
import unicodedata

import pytest

from flows.steps.ingest.decode import UndecodableFile, decode_bytes
from tests.support.encodings import to_windows_1258

TEXT = "Thành ủy Hà Nội tổ chức Hội nghị"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-no-bom", "utf16be-no-bom"],
)
def test_utf8_and_utf16_with_or_without_bom_decode_to_the_same_text(data):
    assert decode_bytes(data) == TEXT


def test_binary_content_is_refused_as_binary():
    with pytest.raises(UndecodableFile, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")


def test_invalid_utf8_names_the_byte_offset_and_the_fix():
    with pytest.raises(UndecodableFile, match=r"byte 3 .*save the file as UTF-8"):
        decode_bytes(b"abc\xff\xfedef")


def test_windows_1258_vietnamese_decodes_to_nfc_text(seed_text):
    decoded = decode_bytes(to_windows_1258(seed_text))
    assert decoded == unicodedata.normalize("NFC", seed_text)
    assert "Thành ủy Hà Nội" in decoded


def test_latin_1_french_is_not_taken_for_windows_1258_vietnamese():
    french = "Le président a rencontré les ministres à l'Élysée où ils ont discuté de l'économie."
    with pytest.raises(UndecodableFile, match=r"not Windows-1258 Vietnamese either .*0 of its 16 words"):
        decode_bytes(french.encode("latin-1"))


def test_utf8_with_one_broken_byte_is_refused_not_misread_as_windows_1258(seed_text):
    data = bytearray(seed_text.encode("utf-8"))
    data[200:200] = b"\xff"
    with pytest.raises(UndecodableFile, match=r"not valid UTF-8: byte 200 .*save the file as UTF-8"):
        decode_bytes(bytes(data))


def test_windows_1258_bytes_whose_tone_marks_sit_on_nothing_are_refused():
    # 0xEC is Windows-1258's combining acute; after a space or a digit it composes with nothing.
    data = to_windows_1258("Người dân đến dự hội nghị ở Hà Nội") + b" \xec 1\xec"
    with pytest.raises(UndecodableFile, match="2 of its tone marks combine with no letter"):
        decode_bytes(data)


def test_binary_without_nul_bytes_is_refused():
    with pytest.raises(UndecodableFile, match="control characters, so it is binary"):
        decode_bytes(b"\x1f\x8b\x08\x08\xff\x01\x02\x03\x04\x05\xfe\x11\x12")
