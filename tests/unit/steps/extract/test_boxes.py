from flows.steps.extract.boxes import (
    box_teaser_start,
    descriptor_end,
    profile_end,
    split_credit_byline,
)

PROFILE = (
    "Nhà báo Phạm Thu Hà là nhà báo, từng làm phóng viên thể thao hơn mười năm. Chị là tác giả "
    "cuốn sách Bóng lăn, Sân cỏ và tôi. Mùa hè năm ấy, đội bóng làng tôi lần đầu ra tỉnh."
)
DESCRIPTION = (
    "Phạm Thu Hà là nhà báo, từng làm phóng viên thể thao hơn mười năm. "
    "Chị là tác giả cuốn sách Bóng lăn, ..."
)


def test_a_columnists_descriptor_glued_before_the_first_sentence_ends_where_the_sentence_opens():
    assert descriptor_end("Nhà báo Khi tôi còn nhỏ, mẹ thường kể chuyện cổ tích.") == len("Nhà báo ")
    text = "Chuyên gia kinh tế Trong năm qua, giá nhà tăng nhanh hơn thu nhập."
    assert descriptor_end(text) == len("Chuyên gia kinh tế ")


def test_a_sentence_opening_with_a_title_and_a_name_has_no_descriptor():
    assert descriptor_end("Luật sư Trần Văn Bình cho biết vụ án sẽ được xử lại.") == 0
    assert descriptor_end("Nhà văn Lê Minh, tác giả cuốn Mùa gặt, vừa ra mắt sách mới.") == 0
    assert descriptor_end("Bác sĩ Hoàng khám cho 50 người Sau đó về trạm.") == 0
    assert descriptor_end("Khi tôi còn nhỏ, mẹ thường kể chuyện cổ tích.") == 0


def test_an_authors_page_loses_the_profile_up_to_the_sentence_where_its_description_ends():
    end = profile_end("Phạm Thu Hà", DESCRIPTION, PROFILE)
    assert PROFILE[:end].endswith("Sân cỏ và tôi.")
    assert PROFILE[end:].strip().startswith("Mùa hè năm ấy")


def test_a_story_that_mentions_an_author_has_no_profile_box():
    assert profile_end("Bóng lăn trên sân làng", DESCRIPTION, PROFILE) == 0
    story = PROFILE.removeprefix("Nhà báo ")
    assert profile_end("Phạm Thu Hà", DESCRIPTION, story) == 0  # no descriptor before the name
    assert profile_end("Phạm Thu Hà", "Một bài viết khác hẳn về mùa hè năm ấy.", PROFILE) == 0


def test_a_headline_run_into_its_teaser_is_a_box():
    line = (
        "Cảnh sát truy tìm nhóm trộm xe máy ở ngoại thành Sau nhiều ngày theo dõi, công an huyện "
        "đã bắt giữ hai nghi phạm."
    )
    assert box_teaser_start(line) == line.index("Sau nhiều")


def test_story_sentences_with_a_capital_inside_are_not_boxes():
    assert (
        box_teaser_start("Liên quan vụ việc, chiều cùng ngày, ngân hàng xác nhận thông tin với báo chí.")
        is None
    )
    assert box_teaser_start("Chị đọc hết cuốn sách Khi hơi thở hóa thinh không chỉ trong một đêm.") is None
    assert box_teaser_start("Người dân kể rằng từ nhỏ ông Năm đã theo cha đi biển mỗi sáng sớm.") is None
    # A comma early on makes it a sentence, not a headline, whatever stands after it.
    assert box_teaser_start("Lúc 9 giờ, học sinh cả trường vào lớp Sau giờ chào cờ thầy giảng bài.") is None
    assert box_teaser_start("Đoàn công tác của tỉnh đã đến thăm Trường tiểu học Sau Gò từ sáng sớm.") is None


def test_a_closing_credit_run_into_the_byline_is_cut_where_the_pages_credit_ends():
    page = "Cây đổ chắn đường. Ảnh: Minh Khoa Người dân dọn dẹp. Nước rút dần. Ảnh: Minh Khoa Hoàng Yến"
    assert split_credit_byline("Ảnh: Minh Khoa Hoàng Yến", page, set()) == ["Ảnh: Minh Khoa", "Hoàng Yến"]
    assert split_credit_byline("Ảnh: Minh Khoa Hoàng Yến", "Ảnh: Minh Khoa Hoàng Yến", {"Hoàng Yến"}) == [
        "Ảnh: Minh Khoa",
        "Hoàng Yến",
    ]


def test_a_closing_credit_with_nothing_to_tell_where_it_ends_is_left_whole():
    page = "Nước rút dần. Ảnh: Minh Khoa Hoàng Yến"
    assert split_credit_byline("Ảnh: Minh Khoa Hoàng Yến", page, set()) == ["Ảnh: Minh Khoa Hoàng Yến"]
    assert split_credit_byline("Ảnh: Nguyễn Văn Hùng", page, set()) == ["Ảnh: Nguyễn Văn Hùng"]


def test_a_headline_run_into_a_teaser_about_a_person_or_a_family_is_a_box():
    line = "Cựu cán bộ xã đi thi tốt nghiệp cùng con gái Chị Lan kể về lý do bỏ học năm xưa."
    assert box_teaser_start(line) == line.index("Chị Lan")
    line = "Cụ ông mất tích bí ẩn trong đêm mưa lớn Người nhà cho biết cụ thường đi dạo một mình."
    assert box_teaser_start(line) == line.index("Người nhà")


def test_story_sentences_with_a_place_or_a_group_named_like_an_honorific_are_not_boxes():
    for sentence in (
        "Nhiều hộ dân ở tỉnh Bà Rịa - Vũng Tàu mất điện trong đêm qua.",
        "Đoàn đã đến thăm và tặng quà cho các cụ ở Hội Người cao tuổi phường.",
        "Sáng nay, đoàn công tác gặp gỡ bà con ở xã Bà Điểm để nghe ý kiến.",
        "Đoàn đến thăm và tặng quà cho Bà mẹ Việt Nam anh hùng Lê Thị Hai ở xã.",
    ):
        assert box_teaser_start(sentence) is None
