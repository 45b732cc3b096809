import codecs

import pytest

from flows.steps.decode import UndecodableFile, decode_bytes

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
