"""Foreign people named once without a title, and places named after people (invented text)."""

import pytest

from flows.steps.extract.entities import ORGANIZATION, PERSON, find_mentions


def _kinds(text: str) -> dict[str, str]:
    """Return each name found in one sentence with its kind."""
    return {m.name: m.kind for m in find_mentions([(1, text)])}


def _people(text: str) -> list[str]:
    return [name for name, kind in _kinds(text).items() if kind == PERSON]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Trận đấu có sự góp mặt của Alex Morgan trong đội hình.", ["Alex Morgan"]),
        ("Đối thủ là tay vợt Bồ Đào Nha Nuno Borges đang lên.", ["Nuno Borges"]),
        ("Dirk Vanhoorn, bạn trai của cô, nói đã mất liên lạc.", ["Dirk Vanhoorn"]),
        ("Từ khi Petra Kvitova giải nghệ, giải đấu vắng ngôi sao.", ["Petra Kvitova"]),
    ],
)
def test_a_foreign_name_is_a_persons_by_its_given_name_a_kin_apposition_or_a_life_verb(text, people):
    assert _people(text) == people


@pytest.mark.parametrize(
    "text",
    [
        "Bộ sưu tập mới của Michael Kors ra mắt ở Milan.",
        "Anh từng dự giải Roland Garros năm ngoái.",
        "Cô đến Kuala Lumpur hôm qua.",
        "Nghiên cứu đăng trên Nature Medicine tuần trước.",
    ],
)
def test_a_brand_an_event_a_city_or_a_journal_is_no_person(text):
    assert _people(text) == []
    assert _kinds("Bộ sưu tập mới của Michael Kors ra mắt.")["Michael Kors"] == ORGANIZATION


@pytest.mark.parametrize(
    "text",
    [
        "Nghi phạm đến Công an phường An Khánh, Quận Ninh Kiều đầu thú.",
        "Hai người chạy đến nghĩa trang Thái Phiên kiểm tra túi.",
        "Vụ án xảy ra tại xã Tam Hiệp (Châu Thành) tối qua.",
    ],
)
def test_a_place_named_after_a_person_is_no_person(text):
    assert _people(text) == []


def test_a_person_in_brackets_after_a_place_word_elsewhere_is_still_a_person():
    assert _people("Ông đến thăm xã Tam Hiệp và gặp ông Lê Văn Thành (Chủ tịch xã).") == ["Lê Văn Thành"]


def test_a_name_after_a_house_number_is_a_street_but_after_a_season_or_a_minute_it_is_a_person():
    assert _kinds("Cửa hàng ở 282 Nguyễn Huy Tưởng mở cửa lúc 8 giờ.").get("Nguyễn Huy Tưởng") != PERSON
    assert (
        _kinds("Giải nhất cuộc thi mùa 3 Nguyễn Mạnh Cường nói anh rất vui.")["Nguyễn Mạnh Cường"] == PERSON
    )
    assert _kinds("Đến phút 45 Nguyễn Văn Toàn ghi bàn cho đội nhà.")["Nguyễn Văn Toàn"] == PERSON
