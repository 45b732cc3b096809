"""Site chrome and closing lines leave the text; a body sentence shaped like them stays (invented text)."""

import json

from flows.steps.extract.segments import build_segments
from flows.steps.ingest.formats import parse_document


def _page(content: str, title: str = "Tin thử") -> object:
    """Return a scraped page flattened onto one line, parsed."""
    [document] = parse_document("p.txt", f"Title: {title}\nSource: Báo thử\nContent: {content}\n")
    return document


def _record(*body: str, title: str = "Tin thử") -> object:
    record = {"title": title, "text": "\n".join(body)}
    [document] = parse_document("a.json", json.dumps(record, ensure_ascii=False))
    return document


def _kept(parts) -> str:
    return " ".join(s.text for s in parts.segments if s.kind != "title")


def test_a_pages_list_of_update_stamps_is_its_head_and_a_dated_first_sentence_is_not():
    stamps = "Cập nhật: 17:48 | 18/02/2024 Cập nhật: 14:44 | 17/02/2024 Cập nhật: 10:56ngày17/02/2024"
    parts = build_segments(_page(f"{stamps} Một xe bẹp rúm sau va chạm. Trời mưa."))
    assert _kept(parts) == "Một xe bẹp rúm sau va chạm. Trời mưa."
    dated = "Khoảng 10h30 ngày 17/02/2024, hai xe va chạm. Trời mưa."
    assert _kept(build_segments(_page(dated))) == dated


def test_a_notice_label_or_a_clip_label_glued_to_the_first_sentence_leaves_it():
    assert _kept(build_segments(_page("Thông báo Chiều 18/2, đoàn đến xã. Trời mưa."))) == (
        "Chiều 18/2, đoàn đến xã. Trời mưa."
    )
    assert _kept(build_segments(_page("Minh Quân XEM CLIP: Chiều nay, xe lật. Trời mưa."))) == (
        "Chiều nay, xe lật. Trời mưa."
    )
    sentence = "Thông báo của Sở Y tế nêu rõ số ca mắc. Trời mưa."
    assert _kept(build_segments(_page(sentence))) == sentence


def test_closing_source_lines_under_a_byline_go_with_it_and_a_closing_sentence_stays():
    parts = build_segments(
        _record("Sáng nay, hai xe va chạm.", "Theo ông Nam, trời mưa.", "Theo Lê Hà", "Báo Đời Mới")
    )
    assert [(r.text, r.reason) for r in parts.removed] == [
        ("Theo Lê Hà", "byline"),
        ("Báo Đời Mới", "byline"),
    ]
    assert "Theo ông Nam, trời mưa." in _kept(parts)
    initials = build_segments(_record("Sáng nay, hai xe va chạm.", "Trời mưa to.", "H.Long"))
    assert [(r.text, r.reason) for r in initials.removed] == [("H.Long", "byline")]


def test_a_reposts_closing_source_and_link_label_leave_its_last_sentence():
    parts = build_segments(_page("Ông về nước hôm qua. Ông sống lưu vong từ năm 2008. (theo Reuters) Nguồn"))
    assert _kept(parts) == "Ông về nước hôm qua. Ông sống lưu vong từ năm 2008."
    kept = "Ông về nước hôm qua. Nguồn tin cho biết ông đã khỏe."
    assert _kept(build_segments(_page(kept))) == kept


def test_closing_boxes_and_a_comment_template_end_the_page_but_a_topic_in_the_text_does_not():
    parts = build_segments(_page("Xe lật lúc 9h. Theo VnExpress CÓ THỂ BẠN QUAN TÂM Giá vàng tăng"))
    assert _kept(parts) == "Xe lật lúc 9h."
    comments = build_segments(_page("Xe lật lúc 9h. Trời mưa. Minh Thu {name} - {time} Trả lời Xem thêm"))
    assert _kept(comments) == "Xe lật lúc 9h. Trời mưa."
    topic = "Hội thảo có chủ đề: an toàn giao thông cho học sinh. Trời mưa."
    assert _kept(build_segments(_page(topic))) == topic


def test_a_see_also_headline_run_into_a_sentence_leaves_and_the_sentence_stays():
    content = (
        "Xe cháy lúc 10h. Xem thêm: Lãnh đạo Bệnh viện Bạch Mai nói về ca mổ ngày 27/2 "
        "Vụ cháy khiến hai người bỏng nhẹ ở tay."
    )
    parts = build_segments(_page(content))
    assert "Vụ cháy khiến hai người bỏng nhẹ ở tay." in _kept(parts)
    assert "Bạch Mai" not in _kept(parts)


def test_a_line_opening_with_the_whole_title_is_the_stories_video_box_but_a_caption_like_it_is_not():
    title = "Cháy lớn tại chợ đầu mối ở ngoại thành, 3 người bị thương"
    box = "Cháy lớn tại chợ đầu mối ở ngoại thành, 2 người bị thương Khói bốc cao hàng chục mét."
    caption = "Cháy lớn tại chợ đầu mối sáng nay khiến tiểu thương thiệt hại nặng."
    parts = build_segments(_record("Sáng nay, chợ cháy.", box, caption, "Trời mưa.", title=title))
    assert [r.text for r in parts.removed] == [box]
    assert caption in _kept(parts)


def test_a_screenshot_credit_leaves_its_caption_and_a_footer_opens_at_an_email_near_the_end():
    parts = build_segments(
        _record("Sáng nay, mưa.", "Trang của hãng không có bài mới. Ảnh chụp màn hình", "Trời tạnh.")
    )
    [caption] = [s for s in parts.segments if s.kind == "caption"]
    assert (caption.text, caption.credit) == ("Trang của hãng không có bài mới.", "Ảnh chụp màn hình")
    footer = build_segments(_page("Xe lật lúc 9h. Trời mưa. Email: toasoan@baothu.vn Địa chỉ: 12 Lê Lợi"))
    assert _kept(footer) == "Xe lật lúc 9h. Trời mưa."


def test_a_comment_counter_a_hotline_or_an_advertising_contact_end_the_page_but_a_story_of_them_stays():
    body = "Sáng nay, mưa lớn kéo dài ở miền Trung. Nước rút dần vào buổi chiều."
    for chrome in ("Bình luận (3)", "Hotline 0906 645 777", "Liên hệ quảng cáo 0908 780 404"):
        assert _kept(build_segments(_page(f"{body} {chrome}"))) == body
    story = f"{body} Người dân gọi hotline của tỉnh để xin hỗ trợ. Nhiều bình luận (ý kiến) trái chiều."
    assert _kept(build_segments(_page(story))) == story


def test_a_call_in_prompt_for_readers_leaves_and_a_reader_who_called_stays():
    body = "Sáng nay, mưa lớn kéo dài ở miền Trung."
    prompt = "Độc giả gọi vào số 024 7300 8899 (máy lẻ 4529) trong giờ hành chính để được hỗ trợ."
    assert _kept(build_segments(_record(body, "Nước rút dần.", prompt))) == f"{body} Nước rút dần."
    story = "Một độc giả đã gọi điện tới tòa soạn báo tin."
    assert _kept(build_segments(_record(body, story, "Nước rút dần."))) == f"{body} {story} Nước rút dần."


def test_a_language_menu_or_a_notification_widget_opening_a_page_leaves_it():
    story = "Chiều qua, đội công binh về nước. Trời mưa."
    menu = "English Vietnamese Chinese French German Japanese"
    assert _kept(build_segments(_page(f"{menu} {story}"))) == story
    steps = "1. Nhấn icon ổ khóa trên thanh URL 2. Tìm “Thông báo” và chọn cho phép 3. Tải lại trang"
    assert _kept(build_segments(_page(f"{steps} {story}"))) == story


def test_a_story_that_opens_with_languages_or_numbered_steps_keeps_them():
    story = "English và French là hai môn thi bắt buộc. Trời mưa."
    assert _kept(build_segments(_page(story))) == story
    steps = "1. Nhấn nút đỏ để gọi cứu hộ. 2. Chờ đội cứu hộ đến."
    assert _kept(build_segments(_page(steps))) == steps


def test_a_pages_head_closing_with_its_title_repeated_leaves_the_first_sentence():
    title = "Xe khách lật trên đèo, mười người bị thương"
    page = f"Đà Lạt 19°C Tin tức {title} Sáng 3/4, xe khách lật trên đèo. Trời mưa."
    assert _kept(build_segments(_page(page, title=title))) == "Sáng 3/4, xe khách lật trên đèo. Trời mưa."


def test_a_lead_that_opens_with_the_titles_words_keeps_them():
    title = "Xe khách lật trên đèo Prenn"
    lead = f"{title} sáng nay khiến mười người bị thương. Trời mưa."
    assert _kept(build_segments(_page(lead, title=title))) == lead
    quoted = f"Ông Nam nói: {title}. Rồi xe đi tiếp. Trời mưa."  # a sentence ended before it: no head
    assert _kept(build_segments(_page(quoted, title=title))) == quoted


def test_hotlines_login_prompts_counters_and_back_to_top_close_a_page():
    body = "Sáng nay, hai xe tải va chạm trên quốc lộ 1. Cảnh sát đang điều tra nguyên nhân vụ việc."
    for tail in [
        "Đường dây nóng: 0987 654 321",
        "Bạn cần đăng nhập để bình luận",
        "3 bình luận Chia sẻ",
        "Ý KIẾN BẠN ĐỌC bandoc@baothu.vn",
        "Theo dõi chúng tôi trên Facebook",
        "Quay lại đầu trang",
        "Lượt xem: 1.234",
    ]:
        assert _kept(build_segments(_page(f"{body} {tail}"))) == body, tail


def test_a_story_that_gives_a_hotline_or_follows_someone_online_keeps_it():
    body = (
        "Sáng nay, hai xe tải va chạm trên quốc lộ 1."
        " Người dân có thể gọi đường dây nóng 1900 1234 để báo tin."
        " Nhiều người theo dõi anh trên Facebook."
    )
    assert _kept(build_segments(_page(body))) == body


def test_a_lead_restating_the_headline_after_its_date_and_place_keeps_its_opening_clause():
    title = "Tổng Bí thư Tô Lâm tiếp Đại sứ Hoa Kỳ"
    lead = (
        "Ngày 5/3, tại Trụ sở Trung ương Đảng, Tổng Bí thư Tô Lâm tiếp Đại sứ Hoa Kỳ Marc Knapper."
        " Hai bên trao đổi về quan hệ song phương."
    )
    assert _kept(build_segments(_page(lead, title=title))) == lead
    # the same lead behind a page head of chrome words still loses the head and the repeated title
    page = f"Hà Nội 27°C Thời sự {title} Sáng 5/3, hai bên trao đổi về quan hệ song phương. Trời mưa."
    assert _kept(build_segments(_page(page, title=title))) == (
        "Sáng 5/3, hai bên trao đổi về quan hệ song phương. Trời mưa."
    )
