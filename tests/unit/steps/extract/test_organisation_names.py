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


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Phụ huynh trường tiểu học Lê Văn Tám phản ánh.", ["trường tiểu học Lê Văn Tám"]),
        ("Ông bị đưa về trại tạm giam huyện Lục Yên.", ["trại tạm giam huyện Lục Yên"]),
        ("Thẩm phán tuyên bố tại tòa hình sự Brooklyn hôm nay.", ["tòa hình sự Brooklyn"]),
        ("Giải diễn ra tại CLB quần vợt Thủ Đức.", ["CLB quần vợt Thủ Đức"]),
        ("Cô nói với tờ báo địa phương Asahi Shimbun rằng cô vui.", ["Asahi Shimbun"]),
        ("Phóng viên báo Mỹ Boston Globe bị giữ.", ["Boston Globe"]),
        ("Anh là bình luận viên kênh truyền hình Star Sports.", ["Star Sports"]),
        ("Với tổ chức quốc tế Cánh Diều Xanh, hai em được cứu.", ["Cánh Diều Xanh"]),
        ("Dự án do tổ chức hợp tác quốc tế JICA Nhật Bản tài trợ.", ["JICA"]),
    ],
)
def test_a_lower_case_noun_announces_a_school_a_prison_a_court_a_club_or_an_outlet(text, names):
    assert _organisations(text) == names


def test_a_journalist_of_a_country_is_still_a_person_where_an_outlet_of_one_is_not():
    people = [
        m.name for m in find_mentions([(1, "Ông trả lời nhà báo Mỹ Tucker Carlson.")]) if m.kind == "person"
    ]
    assert people == ["Tucker Carlson"]


@pytest.mark.parametrize(
    "text",
    [
        "Giá cà phê trên thị trường Mỹ tăng.",
        "Người dân tập trung ở quảng trường Ba Đình.",
        "Trường hợp của bà Lan được xem xét.",
        "Họ tổ chức Hội nghị tại Hà Nội.",
        "Báo cáo của Bộ nêu rõ, báo Mỹ đưa tin sai.",
    ],
)
def test_a_market_a_square_a_verb_or_a_country_after_such_a_noun_is_no_organisation(text):
    assert [name for name in _organisations(text) if name != "Bộ"] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Các chuyên gia của ISW cho biết Nga đã rút quân.", ["ISW"]),
        ("Vụ án được khép lại, SCMP đưa tin.", ["SCMP"]),
        ("Theo thống kê của VARS, giá nhà tăng 5%.", ["VARS"]),
        ("Bà làm việc tại Học viện Y dược cổ truyền Việt Nam.", ["Học viện Y dược cổ truyền Việt Nam"]),
        ("Văn phòng Luật sư Minh Khang nhận bào chữa.", ["Văn phòng Luật sư Minh Khang"]),
    ],
)
def test_an_acronym_that_reports_and_a_law_office_or_an_academy_are_organisations(text, names):
    assert _organisations(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Giá dầu tăng 3 USD cho thấy nhu cầu lớn.",
        "HLV Park cho biết đội đã sẵn sàng.",
        "Thiết bị y tế nói chung và hệ thống RO nói riêng cần được bảo trì.",
    ],
)
def test_a_currency_a_title_or_a_system_before_such_a_verb_is_no_organisation(text):
    assert _organisations(text) == []


def test_a_body_named_after_a_person_takes_the_name_but_the_person_stays_one_elsewhere():
    assert _organisations("Vở diễn của Nhà hát Cải lương Trần Hữu Trang kín chỗ.") == [
        "Nhà hát Cải lương Trần Hữu Trang"
    ]
    people = [
        m.name for m in find_mentions([(1, "Luật sư Lê Minh Khang nhận bào chữa.")]) if m.kind == "person"
    ]
    assert people == ["Lê Minh Khang"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Trang của Ban chỉ huy Phòng chống thiên tai tỉnh Quảng Trị đăng tin.",
            ["Ban chỉ huy Phòng chống thiên tai tỉnh Quảng Trị"],
        ),
        ("Tọa đàm do Công ty Bảo hiểm nhân thọ Sao Mai tổ chức.", ["Công ty Bảo hiểm nhân thọ Sao Mai"]),
        ("Ông là lãnh đạo Giáo hội Chính thống giáo Nga.", ["Giáo hội Chính thống giáo Nga"]),
        ("Theo Sở Quy hoạch - Kiến trúc, dự án chậm.", ["Sở Quy hoạch - Kiến trúc"]),
        (
            "Đại úy Lê Nam, Phòng CSGT Công an Nam Định cho biết.",
            ["Phòng CSGT Công an Nam Định", "Công an Nam Định"],
        ),
        ("Ban chỉ đạo xử lý các vụ việc đã họp.", []),
    ],
)
def test_a_head_word_inside_a_pair_of_the_name_goes_on_and_a_nested_body_still_splits(text, names):
    assert _organisations(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ông Lê Nam, Chủ tịch UBND xã Đồn Xá, cho biết.", ["UBND xã Đồn Xá"]),
        ("UBND thành phố Hội An đã họp.", ["UBND thành phố Hội An"]),
        ("Đoàn sẽ gửi kết quả về UBND thành phố và Sở Giáo dục.", ["UBND thành phố", "Sở Giáo dục"]),
        ("UBND tỉnh Quảng Nam đã họp.", ["UBND tỉnh Quảng Nam"]),
    ],
)
def test_a_local_body_runs_over_a_place_named_like_a_head_or_names_its_level_alone(text, names):
    assert _organisations(text) == names


def test_a_head_after_a_place_name_still_starts_a_body_of_its_own():
    assert _organisations("Công an tỉnh Quảng Nam và Sở Y tế vào cuộc.") == [
        "Công an tỉnh Quảng Nam",
        "Sở Y tế",
    ]


def test_the_police_of_a_place_written_small_is_a_body_but_the_police_in_general_is_not():
    assert _organisations("Đồn phối hợp với công an xã Hướng Lập bảo vệ hiện trường.") == [
        "công an xã Hướng Lập"
    ]
    assert _organisations("Người dân đã báo công an về vụ việc.") == []


def test_the_first_syllable_of_a_word_after_a_company_noun_is_no_brand_but_a_latin_name_is():
    # the company's whole name, grown from its noun in small letters, never the syllable "Du"
    assert _organisations("Ông là Giám đốc công ty Du lịch Sông Hàn.") == ["công ty Du lịch Sông Hàn"]
    assert _organisations("Ông là Giám đốc công ty Bluesky.") == ["Bluesky"]
    assert _organisations("Quân đội Nga mở rộng tấn công.") == ["Quân đội Nga"]


def test_a_company_named_by_another_bodys_noun_is_one_company_and_the_noun_alone_is_still_a_body():
    assert _organisations("Dự án do Tổng công ty Cảng hàng không Miền Nam làm chủ đầu tư.") == [
        "Tổng công ty Cảng hàng không Miền Nam"
    ]
    assert _organisations("Dự án do Cảng hàng không Phú Bài làm chủ đầu tư.") == ["Cảng hàng không Phú Bài"]


def test_an_agency_named_cơ_quan_is_a_body_but_the_authorities_in_general_are_not():
    assert _organisations("Theo Cơ quan Khí tượng Nhật Bản, bão đã suy yếu.") == [
        "Cơ quan Khí tượng Nhật Bản"
    ]
    assert _organisations("Cơ quan chức năng đang điều tra vụ việc.") == []
    assert _organisations("Cơ quan giám sát đã vào cuộc.") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A list of sights joined by dashes: each item is its own, never one body.
        ("Xe đi qua Văn Miếu - Nhà tù Hỏa Lò - Nhà thờ Lớn rồi về.", ["Nhà tù Hỏa Lò"]),
        # A route's two ends after a dash are still the name.
        (
            "Ban quản lý dự án cao tốc Vĩnh Hảo - Phan Thiết cho biết.",
            ["Ban quản lý dự án cao tốc Vĩnh Hảo - Phan Thiết"],
        ),
    ],
)
def test_a_dash_goes_on_into_a_route_but_stops_before_the_next_item_of_a_list(text, names):
    assert _organisations(text) == names
