"""Ministries named in a list, the later ones in small letters, beside "bộ" as a set or a part."""

import pytest

from flows.steps.extract.organisations import find_organisations


def _names(sentence: str) -> list[str]:
    """Return the organisations found in one sentence, in order."""
    return [name for _, _, name in find_organisations(sentence, [])]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Bộ Y tế, bộ Lao động và Phúc lợi Nhật Bản đã họp.",
            ["Bộ Y tế", "bộ Lao động và Phúc lợi Nhật Bản"],
        ),
        (
            "Đại diện Bộ Công Thương, bộ Tài chính và bộ Xây dựng dự họp.",
            ["Bộ Công Thương", "bộ Tài chính", "bộ Xây dựng"],
        ),
    ],
)
def test_a_ministry_in_small_letters_after_one_in_capitals_in_a_list_is_an_organisation(sentence, names):
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Bộ Y tế cho biết, bộ Hồ sơ của ông Nam đã đủ.", ["Bộ Y tế"]),  # a verb stands between: a set
        ("Bộ Y tế khuyến cáo, bộ Phim Mai được chiếu.", ["Bộ Y tế"]),
        ("Ông nói bộ Quần áo mới đẹp.", []),  # no ministry before it
        ("Câu lạc bộ Sài Gòn tổ chức ngày hội.", ["Câu lạc bộ Sài Gòn"]),
    ],
)
def test_bo_in_small_letters_elsewhere_names_no_ministry(sentence, names):
    assert _names(sentence) == names
