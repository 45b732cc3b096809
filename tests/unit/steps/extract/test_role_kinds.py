"""Roles from the language's nouns for people, in every position, beside sentences that must not change.

Invented sentences only; each kind sits next to a look-alike whose reading must stay as it is.
"""

import pytest

from flows.steps.extract.coreference import find_people
from flows.steps.extract.roles import TITLE_WORD


def _roles(text: str) -> dict[str, str | None]:
    """Return each person of one sentence with the role it is given there."""
    return {person.name: person.role for person in find_people([(1, text)], frozenset())}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Trạm trưởng Nguyễn Văn Bình cho biết xe đã qua trạm.", "Nguyễn Văn Bình", "Trạm trưởng"),
        ("Tiểu đoàn phó Lê Hữu Tài dẫn đầu đoàn.", "Lê Hữu Tài", "Tiểu đoàn phó"),
        ("Thợ may Phạm Thị Hoa mở tiệm năm 2010.", "Phạm Thị Hoa", "Thợ may"),
        ("Trinh sát viên Đỗ Minh Khang theo dõi nhóm này.", "Đỗ Minh Khang", "Trinh sát viên"),
        ("Kiến trúc sư trưởng Vũ Đình Lâm trình bày đồ án.", "Vũ Đình Lâm", "Kiến trúc sư trưởng"),
        ("Ông Trần Văn Nhàn, một nhà đầu tư ở Đà Lạt, cho biết giá đã giảm.", "Trần Văn Nhàn", "nhà đầu tư"),
        ("Đối tượng Hoàng Văn Sáu khai nhận hành vi.", "Hoàng Văn Sáu", "Đối tượng"),
    ],
)
def test_a_person_gets_a_role_the_language_forms_from_a_unit_or_an_agentive_ending(text, name, role):
    assert _roles(text)[name] == role


@pytest.mark.parametrize(
    "text",
    [
        "Tăng trưởng kinh tế năm nay đạt 7%.",
        "Công viên mở cửa đến 22h.",
        "Quốc gia này tham gia hội nghị.",
        "Hôn nhân của họ kéo dài mười năm.",
    ],
)
def test_a_word_with_an_agentive_ending_that_names_no_person_is_no_title(text):
    assert TITLE_WORD.search(text) is None


def test_a_title_is_not_a_persons_when_a_preposition_or_an_honorific_stands_between_them():
    assert _roles("Hội thu hồi danh hiệu Đại sư với Lê Minh Tâm.")["Lê Minh Tâm"] is None
    assert _roles("Nhà báo Mỹ phỏng vấn ông Trần Văn Phúc hôm qua.")["Trần Văn Phúc"] is None
    assert _roles("Đại sứ Pháp tại Hà Nội Lê Minh Tâm phát biểu.")["Lê Minh Tâm"] == "Đại sứ Pháp tại Hà Nội"


def test_a_title_labelling_a_list_of_names_is_each_names_role_but_a_plain_list_gives_none():
    text = "Ban mới gồm: Chủ tịch: Nguyễn Văn An; Phó chủ tịch: Trần Quốc Bảo, Lê Thị Hoa và Phạm Văn Cường."
    assert _roles(text) == {
        "Nguyễn Văn An": "Chủ tịch",
        "Trần Quốc Bảo": "Phó chủ tịch",
        "Lê Thị Hoa": "Phó chủ tịch",
        "Phạm Văn Cường": "Phó chủ tịch",
    }
    assert _roles("Danh sách khen thưởng: Nguyễn Văn An, Trần Quốc Bảo.") == {
        "Nguyễn Văn An": None,
        "Trần Quốc Bảo": None,
    }
    assert _roles("Ông Lê Văn Hai nói: Nguyễn Văn An đã về.")["Nguyễn Văn An"] is None
