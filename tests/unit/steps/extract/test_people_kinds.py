"""People the rules once missed or invented, each beside a look-alike that must not change (invented text)."""

import pytest

from flows.steps.extract.entities import PERSON, find_mentions


def _people(text: str) -> dict[str, str | None]:
    """Return the people found in one sentence, with their roles."""
    return {m.name: m.role for m in find_mentions([(1, text)]) if m.kind == PERSON}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Công Phượng và Văn Toàn ghi bàn, còn Quang Hải kiến tạo.",
            {"Công Phượng", "Văn Toàn", "Quang Hải"},
        ),
        ("Sau đó Tiến Linh dứt điểm chìm.", {"Tiến Linh"}),
        ("Messi ghi bàn thứ hai, Iniesta chuyền bóng.", {"Messi", "Iniesta"}),
    ],
)
def test_players_named_by_their_given_name_are_people_when_they_play_or_speak(text, names):
    assert set(_people(text)) == names


@pytest.mark.parametrize(
    "text",
    [
        "Malaysia đánh bại Thái Lan trên sân nhà.",
        "Hà Nội thắng Hải Phòng 2-0.",
        "Tay vợt người Serbia nói rằng anh mệt.",
        "Chủ vựa cá lóc Phụng Trắng cho biết giá tăng.",
        "Bà ngụ phường Long Phước thắng kiện.",
        "Khi Apple tạo ra một sản phẩm tốt, người dùng giới thiệu cho bạn bè.",
        "Hoàng Anh Gia Lai thua trận thứ ba.",
    ],
)
def test_teams_places_shops_and_companies_doing_the_same_are_no_people(text):
    assert _people(text) == {}


def test_a_foreign_name_set_off_after_its_role_is_a_person_with_that_role():
    assert _people("Anh đánh bại tay vợt người Croatia, Marin Cilic 2-1 (4-6, 6-2, 6-3).") == {
        "Marin Cilic": "tay vợt người Croatia"
    }
    assert _people("Anh đến thăm thủ đô Croatia, Zagreb cùng gia đình.") == {}


def test_a_name_after_a_county_or_a_state_is_the_person_not_the_place():
    assert _people("Theo cảnh sát trưởng hạt Wilson Joe Tackett, vụ việc chưa rõ.") == {
        "Joe Tackett": "cảnh sát trưởng hạt Wilson"
    }
    assert set(_people("Kẻ nổ súng tên Devin P. Kelley, 26 tuổi.")) == {"Devin P. Kelley"}


def test_a_name_the_outlet_cut_to_an_initial_is_a_person_but_initials_alone_are_not():
    assert set(_people("Trên xe có anh Phan Đình Q. (SN 1978) và vợ.")) == {"Phan Đình Q."}
    assert _people("Cháu K.V. (SN 2009) được đưa đi cấp cứu.") == {}


def test_a_country_before_a_leaders_name_is_no_part_of_it_but_a_district_may_start_a_name():
    assert _people("Cựu thủ tướng Thái Lan Thaksin Shinawatra về nước.") == {
        "Thaksin Shinawatra": "Cựu thủ tướng Thái Lan"
    }
    assert set(_people("Ông Hoàng Mai Nam nói.")) == {"Hoàng Mai Nam"}
    assert _people("Đoàn Việt Nam thi đấu thành công.") == {}


def test_places_in_a_bracketed_address_are_no_people():
    assert set(_people("Anh Huỳnh Văn Dũng (SN 1974, trú xã Long An, Châu Thành, Tiền Giang) lái xe.")) == {
        "Huỳnh Văn Dũng"
    }


def test_a_long_role_after_a_name_keeps_its_title_and_a_bracket_before_it_is_skipped():
    assert _people("Carrie Matula, nhân viên làm việc tại một trạm xăng gần đó, kể lại.") == {
        "Carrie Matula": "nhân viên"
    }
    roles = _people("Ông Hoàng Văn Minh (thứ 3 từ trái qua), Phó chủ tịch UBND tỉnh, chỉ đạo.")
    assert roles == {"Hoàng Văn Minh": "Phó chủ tịch UBND tỉnh"}


def test_vietnamese_syllables_without_their_marks_are_no_foreign_name():
    assert _people("Anh Phi chia sẻ rằng gia đình vui.") == {"Phi": None}


def test_artists_listed_after_a_title_or_a_credit_of_the_work_are_people():
    people = _people("Nghệ sĩ Kim Lan, Thành Đạt, Đàm Văn Hùng, Hiền Mai... tham gia chương trình.")
    assert set(people) == {"Kim Lan", "Thành Đạt", "Đàm Văn Hùng", "Hiền Mai"}
    assert _people("NSƯT Thành Đạt (phải) hát cùng bạn diễn.") == {"Thành Đạt": "NSƯT"}
    assert set(_people("Bài hát (sáng tác: Lê Quang) được nhiều người yêu thích.")) == {"Lê Quang"}
    assert set(_people("Nhiều ca sĩ như Đức Minh, Ngô Văn Huy từng hát lại.")) >= {"Đức Minh"}


def test_a_comma_list_of_places_or_bodies_is_no_list_of_people():
    assert _people("Đoàn đã qua Hà Tĩnh, Quảng Bình, Quảng Trị.") == {}
    assert _people("Trận đấu có Hà Nội, Hải Phòng và Nam Định.") == {}


def test_a_judge_a_prosecutor_and_a_golfer_set_off_by_one_are_people_with_their_roles():
    assert _people("Phiên điều trần do thẩm phán Scott McAfee chủ trì.") == {"Scott McAfee": "thẩm phán"}
    assert _people("Ảnh ghép vào thân của John Daly, một tay golf chuyên nghiệp.") == {
        "John Daly": "tay golf chuyên nghiệp"
    }
