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


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Đến đây, sư đoàn 309 được lệnh về nước.", ["sư đoàn 309"]),
        ("Các chiến sĩ mặt trận 579 qua sông bằng phà.", ["mặt trận 579"]),
    ],
)
def test_an_army_unit_in_small_letters_with_its_number_is_an_organisation(sentence, names):
    assert _names(sentence) == names


@pytest.mark.parametrize(
    "sentence",
    [
        "Ba sư đoàn 2, 307, 309 tấn công cùng lúc.",  # one noun over a list of three units
        '"Hai trung đoàn 29 và 95 đã qua sông", ông kể.',
        "Có 2 sư đoàn 10.000 quân đóng ở đây.",  # a figure after the noun
        "Trên mặt trận 2/9 năm ấy, ông bị thương.",  # a date after the noun
        "Trên mặt trận kinh tế, tỉnh tăng trưởng 7%.",  # no number: a field, not a unit
    ],
)
def test_a_unit_noun_before_a_count_a_figure_or_a_date_names_no_unit(sentence):
    assert _names(sentence) == []
