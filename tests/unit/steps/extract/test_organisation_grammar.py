"""The grammar of Vietnamese official names: lower-case fields, "và" between fields, nested bodies.

Each case is invented text beside a look-alike that must stay out (or stop where it stops).
"""

import pytest

from flows.steps.extract.organisations import find_organisations


def _names(sentence: str) -> list[str]:
    """Return the organisations found in one sentence, in order."""
    return [name for _, _, name in find_organisations(sentence, [])]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Theo Tổng cục Dân số, tỷ lệ sinh giảm.", ["Tổng cục Dân số"]),
        (
            "Trung tâm Kiểm soát bệnh tật tỉnh Hà Giang khuyến cáo.",
            ["Trung tâm Kiểm soát bệnh tật tỉnh Hà Giang"],
        ),
        ("Đội Tuần tra kiểm soát số 4 có mặt.", ["Đội Tuần tra kiểm soát số 4"]),
        (
            "Ban quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Quảng Nam cho biết.",
            ["Ban quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Quảng Nam"],
        ),
        ("Vụ Giáo dục đại học trả lời.", ["Vụ Giáo dục đại học"]),
    ],
)
def test_a_name_runs_over_the_lower_case_fields_it_is_made_of(sentence, names):
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Vụ tai nạn xảy ra ở Vụ Bản lúc sáng.", []),  # a case, and a district: no department
        ("Trung tâm Kiểm soát đón khách.", ["Trung tâm Kiểm soát"]),  # no field after it: stops
        ("Ban quản lý dự án cho biết tiến độ.", ["Ban quản lý dự án"]),  # "cho" ends the name
    ],
)
def test_a_lower_case_word_that_is_no_field_ends_the_name(sentence, names):
    assert _names(sentence) == names


def test_xa_hoi_is_society_not_a_commune():
    assert _names("Viện Hàn lâm Khoa học xã hội Việt Nam công bố.") == [
        "Viện Hàn lâm Khoa học xã hội Việt Nam"
    ]


def test_xa_before_a_place_is_still_a_commune():
    assert _names("Công an xã Hướng Lập đến hiện trường.") == ["Công an xã Hướng Lập"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Viện Nghiên cứu Gia đình và giới công bố.", ["Viện Nghiên cứu Gia đình và giới"]),
        (
            "Ban chỉ huy Phòng chống thiên tai và tìm kiếm cứu nạn tỉnh Quảng Trị họp.",
            ["Ban chỉ huy Phòng chống thiên tai và tìm kiếm cứu nạn tỉnh Quảng Trị"],
        ),
        (
            "Quỹ Bảo vệ và phát triển rừng tỉnh Lâm Đồng chi trả.",
            ["Quỹ Bảo vệ và phát triển rừng tỉnh Lâm Đồng"],
        ),
    ],
)
def test_va_between_two_lower_case_fields_keeps_one_name(sentence, names):
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Bộ Công an và quân đội phối hợp.", ["Bộ Công an"]),  # two bodies, the second not named
        ("Sở Y tế và người dân cùng làm.", ["Sở Y tế"]),
        ("Bộ Chính trị và Quân ủy Trung ương quyết định.", ["Bộ Chính trị", "Quân ủy Trung ương"]),
    ],
)
def test_va_before_a_body_or_no_field_ends_the_name(sentence, names):
    assert _names(sentence) == names


def test_crimes_about_a_field_belong_to_the_department_name():
    assert _names("Cục Cảnh sát điều tra tội phạm về ma túy phối hợp.") == [
        "Cục Cảnh sát điều tra tội phạm về ma túy"
    ]


def test_ve_outside_that_frame_ends_the_name():
    assert _names("Cục Cảnh sát giao thông về tới hiện trường.") == ["Cục Cảnh sát giao thông"]


def test_a_unit_code_in_brackets_is_the_departments_acronym():
    assert _names("Cục Cảnh sát điều tra tội phạm về trật tự xã hội (C02) cho biết.") == [
        "Cục Cảnh sát điều tra tội phạm về trật tự xã hội",
        "C02",
    ]


def test_a_unit_number_after_its_lower_case_arm_closes_the_name():
    assert _names("Trung đoàn bộ binh 24 được bàn giao.") == ["Trung đoàn bộ binh 24"]
    assert _names("Sư đoàn 363 quản lý khu đất.") == ["Sư đoàn 363"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Ông là đảng viên Đảng Cộng sản Việt Nam.", ["Đảng Cộng sản Việt Nam"]),
        ("Ứng viên đảng Cộng hòa thua.", ["đảng Cộng hòa"]),
        ("Đảng và Nhà nước quan tâm.", []),  # the Party, no party's name
        ("Đảng ủy xã họp, mọi đảng viên dự.", []),
        (
            "Hội nghị Ban Chấp hành T.Ư Đảng khóa XIII bế mạc.",
            ["Ban Chấp hành T.Ư Đảng"],
        ),  # "Đảng" closes an organ's name
    ],
)
def test_a_party_is_named_by_its_capitalised_name_after_dang(sentence, names):
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Em học trường THPT chuyên Đại học Sư phạm Hà Nội.", ["trường THPT chuyên Đại học Sư phạm Hà Nội"]),
        ("Em học trường THPT chuyên Lê Hồng Phong.", ["trường THPT chuyên Lê Hồng Phong"]),
        (
            "Tổng cục Chính trị Quân đội nhân dân Việt Nam chỉ đạo.",
            ["Tổng cục Chính trị Quân đội nhân dân Việt Nam", "Quân đội nhân dân Việt Nam"],
        ),
        ("Cảng vụ Hàng không miền Bắc xử phạt.", ["Cảng vụ Hàng không miền Bắc"]),
        ("Ông lên Huyện đội Tịnh Biên hỏi.", ["Huyện đội Tịnh Biên"]),
    ],
)
def test_a_body_named_after_another_or_by_its_region_is_one_name(sentence, names):
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Bộ đội Việt Nam đã cưu mang họ.", []),  # soldiers, not a team
        ("Anh làm ở đội Điện toán đám mây.", []),  # a word's first syllable, not a name
        ("Tin này giúp quân đội Nga mở rộng tiền tuyến.", ["quân đội Nga"]),
        ("Ông từng làm ở FPT Software ba năm.", ["FPT Software"]),
        ("Theo Christian Post ngày 6/7, em muốn bay.", ["Christian Post"]),
    ],
)
def test_team_nouns_and_latin_bodies_keep_their_edges(sentence, names):
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Công an tỉnh Thừa Thiên - Huế cho biết.", ["Công an tỉnh Thừa Thiên - Huế"]),
        ("UBND tỉnh Bà Rịa - Vũng Tàu chỉ đạo.", ["UBND tỉnh Bà Rịa - Vũng Tàu"]),
        ("Nhà tù Hỏa Lò - Nhà thờ Lớn là điểm đến.", ["Nhà tù Hỏa Lò"]),  # a list, not one name
    ],
)
def test_a_province_written_with_a_dash_stays_in_the_name(sentence, names):
    assert _names(sentence) == names


def test_an_honorific_after_a_place_word_still_ends_the_name():
    assert _names("Công an tỉnh Bà Năm báo.") != ["Công an tỉnh Bà Năm"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Hội đồng quốc gia về Khoa học công nghệ và Đổi mới sáng tạo họp.",
            ["Hội đồng quốc gia về Khoa học công nghệ và Đổi mới sáng tạo"],
        ),
        ("Đoàn của Sở Y tế về Hà Nội làm việc.", ["Sở Y tế"]),  # a journey, not a field
        (
            "Đội Chữa cháy Cứu hộ cứu nạn khu vực số 1 có mặt.",
            ["Đội Chữa cháy Cứu hộ cứu nạn khu vực số 1"],
        ),
        ("Ủy ban Đối ngoại Thượng viện Mỹ họp.", ["Ủy ban Đối ngoại Thượng viện Mỹ", "Thượng viện Mỹ"]),
    ],
)
def test_a_council_on_a_field_an_area_and_a_committee_of_a_chamber_are_one_name(sentence, names):
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Ở Hà GiangBàn tay anh phồng rộp.", []),  # a flattened page ran two sentences together
        ("Tại Đồng NaiKhu tái định cư đã xong.", []),
        ("Hãng xe VinFast ra mắt mẫu mới.", ["VinFast"]),
        ("Ông trả tiền qua PayPal mỗi tháng.", ["PayPal"]),
    ],
)
def test_a_camel_case_brand_is_latin_and_opens_its_name(sentence, names):
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Viện Kiểm sát Nhân dân tối cao kháng nghị.", ["Viện Kiểm sát Nhân dân tối cao"]),
        ("Bộ Chỉ huy quân sự tỉnh Hà Giang cho biết.", ["Bộ Chỉ huy quân sự tỉnh Hà Giang"]),
        ("Đồn Biên phòng cửa khẩu Ma Lù Thàng tiếp nhận.", ["Đồn Biên phòng cửa khẩu Ma Lù Thàng"]),
    ],
)
def test_supreme_military_and_border_gate_are_fields_of_a_name(sentence, names):
    assert _names(sentence) == names


def test_a_sentence_run_on_after_a_full_stop_is_no_part_of_the_name():
    assert _names("Phòng Giáo dục và Đào tạo quận Thanh Xuân.Xem thêm tin khác") == [
        "Phòng Giáo dục và Đào tạo quận Thanh Xuân"
    ]
    assert _names("UBND TP.HCM họp sáng nay.") == ["UBND TP.HCM"]  # a capital before the stop: one word


def test_co_dong_is_a_field_of_a_police_regiment():
    assert _names("Trung đoàn Cảnh sát Cơ động (Bộ Công an) tới.") == [
        "Trung đoàn Cảnh sát Cơ động",
        "Bộ Công an",
    ]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Đội tuần tra kiểm soát đường bộ cao tốc số 4 - Cục Cảnh sát giao thông có mặt.",
            ["Đội tuần tra kiểm soát đường bộ cao tốc số 4", "Cục Cảnh sát giao thông"],
        ),
        ("Đội ngũ y bác sĩ số 3 đông.", []),  # "đội ngũ" is staff, and "y bác sĩ" no field
        ("Đội 3 thắng trận.", []),  # a number alone names no unit
        ("Bộ chỉ huy quân sự tỉnh Hà Giang cắm biển.", ["Bộ chỉ huy quân sự tỉnh Hà Giang"]),
        ("Sở Y tế chỉ đạo các bệnh viện.", ["Sở Y tế"]),  # "chỉ đạo" after a name is the verb
        ("Ban quản lý dự án chỉ có ba người.", ["Ban quản lý dự án"]),
    ],
)
def test_a_unit_named_in_small_letters_by_its_fields_and_number(sentence, names):
    assert _names(sentence) == names


def _mentions(sentence: str) -> tuple[list[str], list[str]]:
    """Return the organisations and the people found in one sentence, as the article step finds them."""
    from flows.steps.extract.entities import ORGANIZATION, PERSON, find_mentions

    found = find_mentions([(1, sentence)])
    return [m.name for m in found if m.kind == ORGANIZATION], [m.name for m in found if m.kind == PERSON]


@pytest.mark.parametrize(
    ("sentence", "organisations"),
    [
        ("Anh làm cho công ty Hoàng Long ở quận 7.", ["công ty Hoàng Long"]),
        ("Bé được chuyển đến bệnh viện Bạch Mai cấp cứu.", ["bệnh viện Bạch Mai"]),
        ("Liên danh tập đoàn Đèo Cả thi công.", ["tập đoàn Đèo Cả"]),
        ("Công ty TNHH Hoàng Gia bị phạt.", ["Công ty TNHH Hoàng Gia"]),
    ],
)
def test_a_firm_or_hospital_named_after_its_noun_in_small_letters_is_no_person(sentence, organisations):
    assert _mentions(sentence) == (organisations, [])


@pytest.mark.parametrize(
    ("sentence", "mentions"),
    [
        ("Các bệnh viện Hà Nội quá tải.", ([], [])),  # the city's hospitals
        ("Giám đốc công ty, ông Nguyễn Văn An, cho biết.", ([], ["Nguyễn Văn An"])),
        ("Anh làm ở một công ty công nghệ lớn.", ([], [])),
    ],
)
def test_a_noun_in_small_letters_before_a_place_a_comma_or_no_name_names_no_body(sentence, mentions):
    assert _mentions(sentence) == mentions


@pytest.mark.parametrize(
    ("sentence", "organisations"),
    [
        ("Em học ở trường Nguyễn Du từ nhỏ.", ["trường Nguyễn Du"]),
        ("Anh tốt nghiệp đại học Bách khoa năm 2010.", ["đại học Bách khoa"]),
        ("Giá trên thị trường Mỹ tăng.", []),
        ("Họ tập trung ở quảng trường Ba Đình.", []),
        ("Bộ đội chiến đấu ở chiến trường Campuchia.", []),
        ("Chị đưa con đến điểm trường Tiên Lộc sáng nay.", []),  # a school's site, not the school
        ("Em du học đại học Mỹ.", []),
    ],
)
def test_a_school_named_after_truong_in_small_letters_but_no_word_ending_in_truong(sentence, organisations):
    assert _mentions(sentence)[0] == organisations


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Đội tuyển Việt Nam gặp Thái Lan ở bán kết.", ["Đội tuyển Việt Nam"]),  # a place closes the name
        (
            "Công ty TNHH xử lý nước Trâm Anh bị phạt.",
            ["Công ty TNHH xử lý nước Trâm Anh"],
        ),  # no place: goes on
        (
            "Trung tâm Huấn luyện thể thao quốc gia Hà Nội tiếp nhận.",
            ["Trung tâm Huấn luyện thể thao quốc gia Hà Nội"],
        ),
    ],
)
def test_a_place_closes_a_name_before_a_lower_case_word(sentence, names):
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "mentions"),
    [
        (
            "Ông Hùng, Giám đốc Công ty TNHH Thương mại Dịch vụ Hoàng Long, cho biết.",
            (["Công ty TNHH Thương mại Dịch vụ Hoàng Long"], ["Hùng"]),
        ),
        ("Tập đoàn Xây dựng Minh Phát trúng thầu.", (["Tập đoàn Xây dựng Minh Phát"], [])),
        ("Giám đốc Công ty ABC Nguyễn Văn An cho biết.", (["Công ty ABC"], ["Nguyễn Văn An"])),
        ("Giám đốc Sở Y tế Nguyễn Văn An cho biết.", (["Sở Y tế"], ["Nguyễn Văn An"])),
    ],
)
def test_a_name_after_a_firms_fields_is_the_firms_not_a_persons(sentence, mentions):
    assert _mentions(sentence) == mentions


def test_a_person_after_a_kind_of_firm_in_small_letters_is_still_a_person():
    sentence = "Giám đốc công ty xây dựng Nguyễn Văn Hùng cho biết công trình sẽ xong trong tháng 6."
    assert "Nguyễn Văn Hùng" in _mentions(sentence)[1]


def test_a_field_after_ve_is_two_words_with_no_comma_between():
    assert _names("Thành ủy lập Ban Chỉ đạo về Phòng, chống tham nhũng gồm 15 người.") == [
        "Thành ủy",
        "Ban Chỉ đạo",
    ]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Ông Nam làm việc tại Công an Tp.HCM từ năm 2010.", ["Công an Tp.HCM"]),
        ("Ông Nam làm việc tại UBND Tp.Hồ Chí Minh từ năm 2010.", ["UBND Tp.Hồ Chí Minh"]),
        ("Bà Lan làm việc tại Sở Y tế tp.Cần Thơ từ năm 2010.", ["Sở Y tế tp.Cần Thơ"]),
        ("Ông Nam làm việc tại UBND Tx.Sơn Tây từ năm 2010.", ["UBND Tx.Sơn Tây"]),
    ],
)
def test_a_city_or_town_abbreviated_before_its_name_is_no_full_stop(sentence, names):
    assert _names(sentence) == names
