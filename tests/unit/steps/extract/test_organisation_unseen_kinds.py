"""Kinds of organisation the fresh slices showed on unseen news, each beside a look-alike that stays out.

Invented Vietnamese sentences: a numbered district's body, a police force, a court and its fields,
a list after the noun of its kind, an acronym set off before its kind, a club of a body, a
standing committee; and a foreign name that ends on a country is no person hiding a body.
"""

import pytest

from flows.steps.extract.article import extract_article
from flows.steps.extract.org_spans import named_by_context
from flows.steps.extract.organisations import find_organisations
from tests.support.news_records import news_record


def _names(sentence: str) -> list[str]:
    """Return the organisations found in one sentence, in order."""
    return [name for _, _, name in find_organisations(sentence, [])]


def _entities(*body: str) -> dict[str, set[str]]:
    """Return an article's entity names by kind."""
    result = extract_article(news_record(*body), "0" * 64, "test")
    found: dict[str, set[str]] = {}
    for row in result.entities:
        found.setdefault(row["kind"], set()).add(row["name_vi"])
    return found


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Một lãnh đạo UBND quận 10 cho biết.", ["UBND quận 10"]),
        ("Công an phường 15 đã có mặt.", ["Công an phường 15"]),
        ("Cảnh sát PCCC quận 3 điều xe đến.", ["Cảnh sát PCCC quận 3"]),
        ("Cảnh sát biển Việt Nam tuần tra.", ["Cảnh sát biển Việt Nam"]),
    ],
)
def test_a_body_of_a_numbered_district_and_a_police_force_of_a_place_are_named_with_it(sentence, names):
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Anh sống ở quận 10 với gia đình.", []),  # a district alone is a place
        ("Cảnh sát giao thông đã hướng dẫn xe rẽ.", []),  # a force of no place names no body
        ("Cục Cảnh sát giao thông cho biết.", ["Cục Cảnh sát giao thông"]),  # after a head: its field
        ("UBND quận họp chiều nay.", ["UBND quận"]),  # the level alone, as before
    ],
)
def test_a_district_or_a_force_alone_names_no_body_and_a_force_inside_a_name_is_its_field(sentence, names):
    assert _names(sentence) == names


def test_a_court_goes_on_over_its_fields_even_one_that_opens_like_a_time_of_day():
    assert _names("Vụ việc lên Tòa án Tối cao sau khi tòa phúc thẩm liên bang Texas xử.") == [
        "Tòa án Tối cao",
        "tòa phúc thẩm liên bang Texas",
    ]
    assert _names("Tối cao điểm, đường Tòa án đông xe.") == []  # an evening, a street


def test_each_name_listed_after_the_noun_of_its_kind_is_a_body_of_that_kind():
    found = _entities("Nhiều ngân hàng như Việt Á, Bưu điện Liên Việt và Đông Hải có gói tiết kiệm.")
    assert {"Việt Á", "Bưu điện Liên Việt", "Đông Hải"} <= found["organization"]
    # a place, or a person, listed after the same words is none
    assert "organization" not in _entities("Các hãng như Nhật Bản, Hàn Quốc có nhiều ưu đãi.")
    assert "organization" not in _entities("Nhiều công ty như Nguyễn Văn An đã rút tiền.")
    assert _names("Nhiều công ty như Nguyễn Văn An đã rút tiền.") == []  # even before people are found


def test_an_acronym_or_a_possessive_name_set_off_before_its_kind_is_a_body():
    spans = named_by_context("Ông từng làm cho KMX, công ty võ thuật ở Mỹ.", [])
    assert [name for _, _, name in spans] == ["KMX"]
    source = named_by_context("Theo Harper's Bazaar, tóc ngắn lên ngôi.", [])
    assert [name for _, _, name in source] == ["Harper's Bazaar"]
    # a currency or a figure's unit before the same comma is no body; a person is no source
    assert named_by_context("Giá 5 USD, công ty bán ra.", []) == []
    assert named_by_context("Theo Alex Morgan, đội sẽ thắng.", []) == []


def test_a_club_of_a_body_and_a_standing_committee_are_bodies_with_the_body_kept_too():
    assert _names("Dự án có Câu lạc bộ Hưu trí Thành đoàn Cần Thơ tham gia.") == [
        "Câu lạc bộ Hưu trí Thành đoàn Cần Thơ",
        "Thành đoàn Cần Thơ",
    ]
    assert _names("Thường trực Tỉnh ủy sẽ kiểm điểm.") == ["Thường trực Tỉnh ủy", "Tỉnh ủy"]
    # after a title, "Thường trực" is part of the office: "Phó Chủ tịch Thường trực UBND tỉnh"
    assert _names("Ông là Phó Chủ tịch Thường trực UBND tỉnh Bình Định.") == ["UBND tỉnh Bình Định"]


def test_a_foreign_name_ending_on_a_country_is_no_person_and_the_body_after_it_keeps_its_country():
    found = _entities(
        "Thiết giáp Bradley Ukraine tại vị trí gần thành phố.",
        "Bộ Quốc phòng Ukraine cùng ngày tuyên bố điều động binh sĩ.",
        "Quân đội Ukraine tiếp tục cầm chân đối phương.",
    )
    assert "Bradley Ukraine" not in found.get("person", set())
    assert {"Bộ Quốc phòng Ukraine"} <= found["organization"]
    # the same two words marked as a person's name stay a person's
    assert "Bradley Ukraine" in _entities("Ông Bradley Ukraine, 45 tuổi, cho biết.").get("person", set())


def test_a_band_named_after_its_noun_is_a_body_and_a_category_in_capitals_is_not():
    assert "Tik Tok" in _entities("Nhiều ca sĩ và nhóm Tik Tok từng hát lại bài này.")["organization"]
    assert "organization" not in _entities("Người thuộc nhóm AB cần được truyền máu cùng nhóm.")
    assert "organization" not in _entities("Cả nhóm Hà Nội đi chơi cuối tuần.")  # friends from a city


def test_a_foreign_name_after_a_title_and_the_body_it_heads_is_a_person_not_part_of_the_body():
    found = _entities("Bà Ronna Doe, chủ tịch Ủy ban Quốc gia đảng Cộng hòa Mina Smith, phát biểu.")
    assert "Mina Smith" in found["person"]
    assert "Ủy ban Quốc gia đảng Cộng hòa" in found["organization"]
    # without the title, the same words after the body's name stay unconfirmed: no person
    assert "Mina Smith" not in _entities("Ủy ban Quốc gia đảng Cộng hòa Mina Smith họp.").get("person", set())
