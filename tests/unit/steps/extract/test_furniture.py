from flows.steps.extract import furniture
from flows.steps.extract.furniture import (
    is_byline,
    is_closing_list,
    is_headline,
    line_furniture,
    related_end,
)
from flows.steps.extract.page_edges import footer_start, head_end


def test_a_video_caption_ending_in_its_credit_is_furniture():
    assert line_furniture("Nước ngập tới yên xe ở quận 8. Video: Minh Khoa.") == furniture.VIDEO
    assert line_furniture("Video: Thu Hà") == furniture.VIDEO
    assert line_furniture("Clip xe tải lật trên cao tốc (nguồn: mạng xã hội)") == furniture.VIDEO


def test_a_story_sentence_that_names_a_video_or_a_source_is_article_text():
    assert line_furniture("Đoạn video được đăng lên mạng xã hội chiều qua, thu hút nhiều bình luận.") is None
    assert line_furniture("Giá thép tăng 5% trong quý một (nguồn: Hiệp hội Thép).") is None
    assert line_furniture("Theo dấu chân người lính") is None


def test_a_bare_source_credit_is_furniture():
    assert line_furniture("(Theo Reuters)") == furniture.SOURCE_CREDIT
    assert line_furniture("Nguồn: Bộ Y tế") == furniture.SOURCE_CREDIT


def test_a_donation_appeal_with_its_bank_account_is_furniture():
    assert line_furniture("Thưa quý độc giả, mọi sự giúp đỡ xin gửi về chương trình.") == furniture.DONATION
    assert (
        line_furniture("Số tài khoản: 0011 0023 4567, Ngân hàng ABC, chi nhánh Hà Nội") == furniture.DONATION
    )
    assert line_furniture("Nội dung chuyển khoản: Ủng hộ gia đình ông A") == furniture.DONATION


def test_a_scam_story_about_bank_accounts_is_article_text():
    assert line_furniture("Kẻ gian đề nghị nạn nhân chuyển tiền vào số tài khoản lạ.") is None


def test_a_notice_box_title_tags_and_prompts_are_furniture():
    assert line_furniture("Thông báo") == furniture.NOTICE
    assert line_furniture("THÔNG BÁO") == furniture.NOTICE
    assert line_furniture("Thông báo cho biết cầu sẽ đóng hai ngày.") is None
    assert line_furniture("Từ khóa: giá vàng, lãi suất") == furniture.TAGS
    assert line_furniture("Tags: bóng đá, V-League") == furniture.TAGS
    assert line_furniture(">>Bài viết không nhất thiết trùng với quan điểm tòa soạn.") == furniture.PROMPT
    assert line_furniture("Theo dõi Báo Mẫu trên Google News") == furniture.PROMPT


def test_widget_words_count_only_as_widget_phrases():
    assert line_furniture("Hiện chưa có bình luận nào, hãy là người đầu tiên") == furniture.COMMENT_WIDGET
    assert line_furniture("Mật khẩu không đúng.") == furniture.COMMENT_WIDGET
    assert line_furniture("Ông Hải bình luận rằng thị trường sẽ hồi phục.") is None
    assert line_furniture("Kẻ gian lừa nạn nhân đọc mã xác nhận và mật khẩu ngân hàng.") is None
    assert (
        line_furniture("Người dân có thể gọi Hotline: 1900 1234 để được hỗ trợ khi mưa bão kéo dài.") is None
    )


def test_a_line_of_only_a_date_stamp_and_share_buttons_is_furniture():
    assert line_furniture("Thứ Sáu, 16/02/2024 - 10:30 (GMT+7)") == furniture.DATE_SHARE
    assert line_furniture("Chia sẻ Facebook Zalo") == furniture.DATE_SHARE
    assert line_furniture("12/3/2024 08:15 | Chia sẻ") == furniture.DATE_SHARE
    assert line_furniture("Ngày 16/2/2024, đoàn công tác đến Huế.") is None


def test_a_flattened_page_loses_the_menu_date_and_share_buttons_glued_to_its_first_sentence():
    page = (
        "Thời sự Chính trị Thứ Hai, 12/2/2024 - 08:30 (GMT+7) Chia sẻ Facebook Zalo Sáng 12/2, đoàn đến Huế."
    )
    assert page[head_end(page) :].strip() == "Sáng 12/2, đoàn đến Huế."
    page = "Chia sẻ Facebook Twitter Chiều nay, mưa lớn."
    assert page[head_end(page) :].strip() == "Chiều nay, mưa lớn."


def test_page_date_stamps_are_read_in_the_shapes_outlets_print_them():
    for head in [
        "Chủ nhật, 18/2/2024, 19:00 (GMT+7)",
        "Thời sự Thứ Sáu, 11:19, 16/02/2024 Chia sẻ A- A+",
        "Chính trị 16/02/2024 11:19 (GMT+07:00)",
        "16-02-2024 - 11:19 AM Zalo Facebook",
        "Trang chủ Thể thao 08:00 17/2/2024 Nghe bài viết",
    ]:
        page = head + " Sáng nay, mưa lớn."
        assert page[head_end(page) :].strip() == "Sáng nay, mưa lớn.", head


def test_a_page_that_opens_with_the_story_keeps_it_whole():
    for page in [
        "Thứ Sáu, 16/2/2024, ông Nam đến thăm bà con vùng lũ.",
        "Sáng 16/2/2024, Thủ tướng chủ trì họp.",
        "Nghe tin bão vào, người dân chằng chống nhà cửa.",
        "Trời mưa to. Thứ Hai, 12/2/2024 08:30 là ngày khai giảng.",
        "Sáng 16/2/2024 10:30 tại Hà Nội, đoàn họp.",
        "Ngày 8-12-2018 lúc 10:00 ông An đến.",
    ]:
        assert head_end(page) == 0, page
    page = "Thứ Hai, 12/2/2024 08:30 Lưu ý của bác sĩ về giấc ngủ."
    assert page[head_end(page) :].strip() == "Lưu ý của bác sĩ về giấc ngủ."


def test_a_flattened_page_ends_where_its_footer_or_closing_prompts_begin():
    story = "Chợ đông từ sáng. Giá cá tăng nhẹ. "
    assert footer_start(story + "Tags: chợ cá, Tết") == len(story)
    assert footer_start(story + "Thưa quý độc giả, mời ủng hộ.") == len(story)
    assert footer_start(story + ">>Bài viết không nhất thiết trùng với quan điểm tòa soạn.") == len(story)
    # "Hotline:" in the story, far from the end, does not end it; a copyright sign does.
    long_story = "Người dân gọi hotline: 113 khi cần. " + "Chợ đông. " * 300
    assert footer_start(long_story) is None
    assert footer_start(long_story + "© Báo Mẫu") == len(long_story)


def test_bylines_are_names_with_desks_dashes_and_source_credits():
    for line in ["Ngọc Tài - Hoàng Nam", "Ban Thời sự", "Chi Lê (Theo Reuters)", "Minh Hà và Quốc Tuấn"]:
        assert is_byline(line), line
    assert is_byline("*Tác giả là giảng viên đại học.")
    for line in ["Hiện vụ việc đang được điều tra.", "Mưa lớn", "Cảnh sát đã có mặt tại hiện trường"]:
        assert not is_byline(line), line


def test_a_closing_run_of_capitalised_titles_is_a_list_not_a_sentence():
    titles = (
        "Nhà văn Cựu vận động viên Bơi lội Giảng viên đại học Luật sư Tiến sĩ Kinh tế Chuyên gia Tài chính"
    )
    assert is_closing_list(titles)
    assert not is_closing_list(
        "Đoàn công tác đã làm việc với các sở, ngành và người dân địa phương suốt ba ngày qua."
    )


def test_a_headline_is_short_and_unpunctuated():
    assert is_headline("Giá vàng lập đỉnh mới trong phiên sáng")
    assert is_headline("Mưa lớn ở Huế / Lũ dâng cao ở Quảng Nam")
    assert not is_headline("Giá vàng lập đỉnh mới trong phiên sáng.")
    assert not is_headline("Người dân tranh thủ chụp ảnh - Ảnh: Minh Hà")
    caption = (
        "Cổ động viên có mặt từ rất sớm tại phố đi bộ Nguyễn Huệ để cùng nhau theo dõi trận đấu giữa hai đội"
    )
    caption += " tuyển"
    assert not is_headline(caption)  # longer than a headline: a photo's caption


def test_a_related_teaser_run_into_the_paragraph_after_it_is_cut_where_the_text_resumes():
    line = "tin liên quan Cầu mới nối hai bờ sông Hàn “Tôi chờ ngày này lâu lắm”, bà Lan nói."
    assert line[related_end(line) :] == "“Tôi chờ ngày này lâu lắm”, bà Lan nói."
    line = "tin liên quan Nông dân được mùa lúa chín vàng Năm nay thời tiết thuận lợi."
    assert line[related_end(line) :] == "Năm nay thời tiết thuận lợi."
    assert related_end("Xem thêm: Giá xăng giảm lần thứ ba") is None


def test_a_headline_stamped_with_its_date_and_time_is_a_related_link_but_a_sentence_with_a_time_is_text():
    assert (
        line_furniture("Phụ huynh bức xúc vì trường cho trẻ ăn cá ươn [04/12 - 15:59]")
        == furniture.RELATED_LINK
    )
    assert line_furniture("Giá xăng giảm mạnh từ chiều nay (12/3 15h00)") == furniture.RELATED_LINK
    for text in (
        "Cuộc họp kết thúc lúc 15:59 [04/12 - 15:59].",
        "Trận đấu diễn ra ngày 4/12 lúc 15:59 tại sân Mỹ Đình.",
        "Ông cho biết. Trận đấu bắt đầu [04/12 - 15:59]",
    ):
        assert line_furniture(text) is None


def test_a_byline_may_close_with_what_its_writer_did():
    for line in ["Mai Hà (tổng hợp)", "Minh Anh (t/h)", "Đức Huy (lược dịch)", "Thanh Hà - Ngọc Mai (ghi)"]:
        assert is_byline(line), line
    assert not is_byline("Hà Nội (tổng hợp) là nơi có nhiều người.")
