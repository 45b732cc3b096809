"""Where an organisation's name runs to and where it stops, beside look-alikes (invented text)."""

import pytest

from flows.steps.extract.entities import ORGANIZATION, find_mentions


def _organisations(text: str) -> list[str]:
    """Return the organisations found in one sentence, in order."""
    return [m.name for m in find_mentions([(1, text)]) if m.kind == ORGANIZATION]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Theo Cục Chế biến và Phát triển thị trường Nông sản, giá tăng.",
            ["Cục Chế biến và Phát triển thị trường Nông sản"],
        ),
        (
            "Công ty Thoát nước và Xử lý nước thải Cần Thơ báo lỗi.",
            ["Công ty Thoát nước và Xử lý nước thải Cần Thơ"],
        ),
        ("Ban quản lý dự án cao tốc Bắc Nam gắn biển.", ["Ban quản lý dự án cao tốc Bắc Nam"]),
        ("Hai nghị sĩ gặp Thượng viện Mỹ hôm qua.", ["Thượng viện Mỹ"]),
        ("Đại sứ quán Pháp tại Hà Nội ra thông báo.", ["Đại sứ quán Pháp"]),
        ("Khu đất do Tổng công ty 319 quản lý.", ["Tổng công ty 319"]),
        ("Bộ Quốc phòng giao đất cho Sư đoàn 363. Đơn vị này …", ["Bộ Quốc phòng", "Sư đoàn 363"]),
        ("Anh Lê Văn Khánh, Bí thư Huyện đoàn Tây Sơn, phát biểu.", ["Huyện đoàn Tây Sơn"]),
    ],
)
def test_a_name_runs_over_its_lower_case_words_a_unit_number_and_an_embassy(text, names):
    assert _organisations(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Tiểu đoàn Azov từng bị vây ở Mariupol.", ["Tiểu đoàn Azov"]),
        ("Công ty Bình Minh dự lễ khởi công.", ["Công ty Bình Minh"]),
        ("Sư đoàn Sao Vàng có 3 trung đoàn.", ["Sư đoàn Sao Vàng"]),
        ("Ông Lê Nam, Đại sứ Pháp tại Việt Nam, phát biểu.", []),
        ("Bộ trưởng Lê Nam đến thăm.", []),
    ],
)
def test_a_name_stops_before_an_adverb_a_verb_or_a_later_number_and_a_title_is_no_body(text, names):
    assert _organisations(text) == names
