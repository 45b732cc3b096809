"""Kinds issue 18's eighth round found on pages outside every gold, each beside a look-alike that stays.

Closing credits: a byline with its agency after a slash or its site after a dash; a share button's
toast; a licence's short label left before the footer; a comment widget's label opening a page.
Organisations: a bloc organ in small letters with its place, a department with its organ, a
movement by its name, names that end before a verb. People: an unlisted surname before Văn or Thị,
a country after "ông"/"bà" used as nouns. All text here is invented.
"""

import pytest

from flows.steps.extract.credits import byline_authors
from flows.steps.extract.entities import find_mentions
from flows.steps.extract.furniture import is_byline
from flows.steps.extract.organisations import find_organisations
from flows.steps.extract.segments import build_segments
from tests.unit.steps.extract.test_closing_chrome import BODY, _kept, _page, _removed

FOOTER = "site footer"
BYLINE = "byline"


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Lê Hiếu/VOV-Miền Trung", ["Lê Hiếu"]),
        ("Minh Anh/TTXVN", ["Minh Anh"]),
        ("Huy Minh – Vnexpress.net Nguồn", ["Huy Minh"]),
        ("Huy Minh - dantri.com.vn", ["Huy Minh"]),
    ],
)
def test_a_byline_with_its_agency_or_site_after_it_is_a_byline_of_its_names(byline, authors):
    assert is_byline(byline)
    assert byline_authors(byline) == authors
    built = build_segments(_page(f"{BODY} Đường mới sẽ thông xe vào tháng sau. {byline}"))
    assert byline not in [segment.text for segment in built.segments]


@pytest.mark.parametrize(
    "text",
    [
        "Hà Nội/Việt Nam",
        "Giá vàng/USD",
        "Tỷ giá USD/VND",
        "Lê Hiếu/vov",
        "Hà Nội/TTXVN",
        "Đà Nẵng - Vnexpress.net",
    ],
)
def test_a_pair_of_places_or_a_rate_with_a_slash_is_no_byline(text):
    assert not is_byline(text)


def test_a_closing_byline_on_its_own_line_gives_its_author_without_the_agency():
    built = build_segments(_page(f"{BODY}\nLê Hiếu/VOV-Miền Trung"))
    assert built.authors == ("Lê Hiếu",)
    assert _kept(_page(f"{BODY}\nLê Hiếu/VOV-Miền Trung"))[-1].endswith("đông hơn mọi năm.")


def test_a_share_buttons_toast_closes_the_page_and_the_byline_before_it_goes_to_the_authors():
    page = _page(f"{BODY} Trần Văn Long      Copy link thành công xem xem xem xem")
    assert ("Copy link thành công xem xem xem xem", FOOTER) in _removed(page)
    assert ("Trần Văn Long", BYLINE) in _removed(page)
    assert _kept(page)[-1] == "Người dân đến mua cây cảnh đông hơn mọi năm."


def test_a_story_telling_of_copying_a_link_keeps_its_sentence():
    sentence = "Anh bấm nút copy link rồi gửi cho bạn bè trong nhóm."
    assert _kept(_page(f"{BODY} {sentence}"))[-1] == sentence


@pytest.mark.parametrize("label", ["GP:", "Giấy phép:", "Giấy phép số", "GP số"])
def test_a_licences_label_goes_with_the_footer_its_number_opens(label):
    page = _page(f"{BODY} Trang tin tổng hợp. {label} 354/GP-TTĐT do Sở cấp ngày 25/01/2017 Cơ quan chủ quản")
    removed = [text for text, reason in _removed(page) if reason == FOOTER]
    assert removed and removed[0].startswith(f"{label} 354/GP-TTĐT")
    assert not any(label in text for text in _kept(page))


def test_a_story_that_copied_a_link_keeps_its_sentences_near_the_pages_end():
    sentence = "Theo công an, các đối tượng đã sao chép liên kết của trang ngân hàng để lừa người dân."
    kept = _kept(_page(f"{BODY} {sentence} Cơ quan chức năng khuyến cáo người dân cảnh giác."))
    assert sentence in kept and kept[-1] == "Cơ quan chức năng khuyến cáo người dân cảnh giác."


def _names(sentence: str) -> list[str]:
    return [name for _, _, name in find_organisations(sentence, [])]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Thường trực tỉnh ủy Quảng Nam đã họp sáng nay.",
            ["Thường trực tỉnh ủy Quảng Nam", "tỉnh ủy Quảng Nam"],
        ),
        ("Ủy ban kiểm tra thành ủy Đà Nẵng đã kết luận.", ["thành ủy Đà Nẵng"]),
        ("Đại diện mặt trận tổ quốc huyện Ba Vì trao quà.", ["mặt trận tổ quốc huyện Ba Vì"]),
        ("Hội cựu chiến binh phường 5 tổ chức ngày hội.", ["Hội cựu chiến binh phường 5"]),
        ("Bí thư đảng ủy xã Tân Phú Nguyễn Văn An phát biểu.", ["đảng ủy xã Tân Phú"]),  # then a person
        ("Ông Tuấn, chủ tịch hội nông dân tỉnh Long An, cho biết.", ["hội nông dân tỉnh Long An"]),
    ],
)
def test_a_bloc_organ_in_small_letters_is_a_body_with_its_place(sentence, names):
    assert _names(sentence) == names


@pytest.mark.parametrize(
    "sentence",
    [
        "Các cấp ủy, đoàn thanh niên và hội nông dân đều tham gia.",  # kinds of organ, no place
        "Một đoàn thanh niên Hà Nội đã đến thăm bà con.",  # a group of young people
        "Ông là bí thư đảng ủy xã 5 năm nay.",  # a commune has a name, not a number: "xã 5 năm" is time
        "Hội nông dân nhiều nơi đã vào cuộc.",
    ],
)
def test_a_bloc_organ_without_its_place_is_a_kind_not_a_body(sentence):
    assert _names(sentence) == []


def test_a_movement_is_named_by_its_capitalised_vietnamese_name():
    assert _names("Phong trào Thanh niên tình nguyện thu hút hàng nghìn người.") == [
        "Phong trào Thanh niên tình nguyện"
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Phong trào này lan rộng.", "Phong trào quay MV nở rộ.", "Phong trào Ice Bucket Challenge gây sốt."],
)
def test_a_movement_without_its_name_or_a_craze_from_abroad_is_none(sentence):
    assert _names(sentence) == []


def _found(sentence: str) -> list[tuple[str, str]]:
    return [(mention.kind, mention.name) for mention in find_mentions([(0, sentence)])]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Các dự án Trump Organization đang dừng.", "Trump Organization"),
        ("Chủ tịch công đoàn Taekwang Vina lì xì cho công nhân.", "Taekwang Vina"),
        # the first word of each line of the list once kept its indent, and never matched
        ("Ông Peter Brandt, nhà sáng lập Factor Capital, cảnh báo nhà đầu tư.", "Factor Capital"),
        ("Ông làm việc cho Hyundai Motors nhiều năm.", "Hyundai Motors"),
    ],
)
def test_a_latin_name_ending_in_a_firms_or_outlets_word_is_an_organisation_not_a_person(sentence, name):
    found = _found(sentence)
    assert ("organization", name) in found
    assert ("person", name) not in found


def test_the_social_network_x_is_named_by_its_one_letter_after_its_noun_and_no_other_letter_is():
    assert ("organization", "X") in _found("Ông đăng bài trên mạng xã hội X tối qua.")
    assert ("organization", "X") not in _found("Nhóm máu X hiếm gặp ở người châu Á.")
    assert ("organization", "W") not in _found("Anh nói với tạp chí W về phong cách.")


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Đầu hè, binh nhất 22 tuổi Sấn Văn Trung được trao chứng chỉ.", "Sấn Văn Trung"),
        ("Anh Giàng Văn Páo trú tại xã biên giới.", "Giàng Văn Páo"),
        ("Ông Văn Viết Thành, giám đốc công ty, cho biết.", "Văn Viết Thành"),  # "Ông" is no surname
    ],
)
def test_a_surname_no_list_holds_opens_a_name_before_the_middle_name_van_or_thi(sentence, person):
    assert ("person", person) in _found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Trung Tâm Văn Hóa Thể Thao quận 1 mở cửa.",
        "Hội Văn Nghệ Dân Gian họp thường niên.",
        "Quỹ Học Bổng Văn Lang trao quà.",  # "Bổng" stands inside the run: no surname
        "Báo Đời Sống Văn Hóa đưa tin.",
        "Phố Văn Cao ngập sâu sau mưa.",  # a street, a bridge, a market named after a person
        "Xe đi qua Cầu Thị Nghè lúc 8h.",
        "Chợ Thị Nghè đông khách ngày cuối năm.",
    ],
)
def test_van_inside_a_capitalised_name_opens_no_person(sentence):
    assert not [name for kind, name in _found(sentence) if kind == "person"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Theo Ban Tuyên giáo Tỉnh ủy Quảng Nam, hội nghị diễn ra sáng nay.",
            ["Ban Tuyên giáo Tỉnh ủy Quảng Nam", "Tỉnh ủy Quảng Nam"],  # the organ is named on its own too
        ),
        ("Ban Tổ chức Thành ủy Hà Nội cho biết.", ["Ban Tổ chức Thành ủy Hà Nội", "Thành ủy Hà Nội"]),
        (
            "Cơ quan điều tra Công an tỉnh Bình Dương đã bắt giữ nghi phạm.",
            ["Cơ quan điều tra Công an tỉnh Bình Dương", "Công an tỉnh Bình Dương"],
        ),
    ],
)
def test_a_department_is_named_with_the_organ_it_belongs_to(sentence, names):
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Vietcombank đã báo cáo lên Ngân hàng Nhà nước.", ["Vietcombank", "Ngân hàng Nhà nước"]),
        ("Ban Tuyên giáo đã có văn bản gửi các đơn vị.", []),
    ],
)
def test_a_departments_head_alone_names_no_body(sentence, names):
    assert _names(sentence) == names


def test_a_body_that_names_itself_stays_before_another_heads_word():
    # a caption glued to its sentence: "Quốc hội" is a body alone, though a head's word follows it
    assert "Quốc hội" in _names("Phiên họp của Quốc hội Bộ trưởng Tài chính trả lời chất vấn.")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Sở Y tế tỉnh Lâm Đồng kiểm tra các cơ sở.", "Sở Y tế tỉnh Lâm Đồng"),  # a verb after the place
        ("Sở Xây dựng tỉnh Lâm Đồng quản lý dự án.", "Sở Xây dựng tỉnh Lâm Đồng"),
        ("Bộ Công an nghiên cứu đề xuất mở rộng miễn thị thực.", "Bộ Công an"),  # a whole body, then a verb
        ("UBND huyện Ba Vì tổ chức lễ hội.", "UBND huyện Ba Vì"),  # "Vì" opens sentences, yet ends a place
        ("UBND xã Bình Hòa kiểm tra các hộ dân.", "UBND xã Bình Hòa"),  # a place of a name's words
        ("Bộ Y tế thống kê có 100 ca mắc.", "Bộ Y tế"),  # a ministry, whole
        ("Bộ Văn hóa Thể thao và Du lịch phát triển các tour mới.", "Bộ Văn hóa Thể thao và Du lịch"),
        ("Đội Công binh số 2 tổ chức lễ bàn giao.", "Đội Công binh số 2"),  # a unit's number closes it
        ("Đảng Cộng hòa kiểm soát quốc hội từ năm ngoái.", "Đảng Cộng hòa"),  # a party is its capitals
        ("Trung tâm Y tế huyện Ba Vì tiếp nhận bệnh nhân.", "Trung tâm Y tế huyện Ba Vì"),
    ],
)
def test_a_name_ends_with_its_place_or_its_whole_head_and_the_verb_after_it_stays_out(sentence, name):
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Cục Cảnh sát điều tra tội phạm về ma túy vào cuộc.", "Cục Cảnh sát điều tra tội phạm về ma túy"),
        (
            "Ban Quản lý dự án giao thông tỉnh Lâm Đồng cho biết.",
            "Ban Quản lý dự án giao thông tỉnh Lâm Đồng",
        ),
        ("Công an huyện Gia Lâm Trong khi đó vẫn chưa trả lời.", "Công an huyện Gia Lâm"),
        ("Bộ Nông nghiệp và Phát triển nông thôn cho biết.", "Bộ Nông nghiệp và Phát triển nông thôn"),
        (
            "Ban Chỉ đạo phòng chống thiên tai tỉnh Quảng Nam yêu cầu sơ tán.",  # a whole head takes fields
            "Ban Chỉ đạo phòng chống thiên tai tỉnh Quảng Nam",
        ),
    ],
)
def test_fields_before_the_place_stay_in_the_name(sentence, name):
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Cục Gìn giữ hòa bình Việt Nam được trao quyết định.", "Cục Gìn giữ hòa bình Việt Nam"),
        ("Trung tâm Bảo tồn di tích cố đô Huế tổ chức lễ hạ nêu.", "Trung tâm Bảo tồn di tích cố đô Huế"),
        (
            "Đội tuần tra kiểm soát giao thông đường cao tốc số 6 đã có mặt.",
            "Đội tuần tra kiểm soát giao thông đường cao tốc số 6",
        ),
        (
            "Đảng ủy khối các cơ quan và doanh nghiệp tỉnh Hà Tĩnh tổ chức hội nghị.",
            "Đảng ủy khối các cơ quan và doanh nghiệp tỉnh Hà Tĩnh",
        ),
    ],
)
def test_fields_of_peacekeeping_heritage_and_patrols_belong_to_the_name(sentence, name):
    assert _names(sentence) == [name]


@pytest.mark.parametrize(
    "sentence",
    [
        "Cảnh đời người đàn ông Nhật sống mòn trên tiền thừa kế.",
        "Cụ bà Nhật ăn cắp vặt để vào tù.",
        "Một người đàn ông Tokyo đã tử vong sau khi ăn bánh.",
        "Hai ông Mỹ thấy tôi ngọ nguậy đã bế tôi lên.",
    ],
)
def test_a_country_or_city_after_ong_or_ba_as_nouns_says_where_people_are_from(sentence):
    assert not [name for kind, name in _found(sentence) if kind == "person"]


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Tối qua, vợ chồng bà Nga từ TP HCM về nhà.", "Nga"),  # Mrs Nga: "bà" is her title
        ("Anh Mỹ, chủ một sạp hàng, cho biết giá cá giảm.", "Mỹ"),
        ("Ông Trương Đức Phương Tôi từng nghĩ khác.", "Trương Đức Phương"),  # "Tôi" opens the next sentence
    ],
)
def test_a_given_name_like_a_country_after_a_title_is_a_person_and_toi_is_no_name(sentence, person):
    people = [name for kind, name in _found(sentence) if kind == "person"]
    assert people == [person]


def test_toi_after_a_columnists_title_is_no_person():
    assert _found("Tiến sĩ Tôi dẫn con ra ngân hàng mở tài khoản.") == []


def test_a_known_bodys_name_takes_every_latin_word_that_closes_a_firms_name():
    assert _names("Công ty Samsung Electronics Vina tuyển dụng công nhân.") == ["Samsung Electronics Vina"]


@pytest.mark.parametrize(
    "sentence",
    ["Cảnh sát đi tuần tra các tuyến đường.", "UBND tỉnh đề nghị các cơ quan và doanh nghiệp phối hợp."],
)
def test_patrols_agencies_and_firms_in_prose_name_no_body(sentence):
    assert _names(sentence) in ([], ["UBND tỉnh"])


@pytest.mark.parametrize(
    ("content", "label"),
    [
        (
            "Bình luận Thành viên gắn bó “Để anh tính thêm” - anh nhắn lại khi tôi gọi.",
            "Bình luận Thành viên gắn bó",
        ),
        ("Bình luận (3) Chiều 18/2, xe khách lật trên đèo.", "Bình luận (3)"),
    ],
)
def test_a_comment_widgets_label_opening_a_page_leaves_the_text(content, label):
    page = _page(f"{content} {BODY}")
    assert label in [text for text, _ in _removed(page)]
    assert not _kept(page)[0].startswith("Bình luận")


def test_a_story_opening_on_a_comment_keeps_it():
    sentence = "Bình luận về vụ việc, ông An cho biết sẽ kiểm tra lại."
    assert _kept(_page(f"{sentence} {BODY}"))[0] == sentence


def test_the_white_house_is_a_place_as_the_golds_list_it_and_a_council_there_a_body():
    assert ("location", "Nhà Trắng") in _found("Ông Trump quyết tâm trở lại Nhà Trắng.")
    assert ("organization", "Nhà Trắng") not in _found("Nhà Trắng cho biết ông sẽ đến thăm.")
    assert _names("Hội đồng An ninh Quốc gia Nhà Trắng ra thông báo.") == [
        "Hội đồng An ninh Quốc gia Nhà Trắng"
    ]
