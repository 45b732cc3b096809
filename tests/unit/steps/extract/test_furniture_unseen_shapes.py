"""Furniture shapes the fresh slices showed on unseen pages, each beside text of the same look that stays."""

from flows.steps.extract.credits import credit_pieces, is_photo_credit, trailing_credit
from flows.steps.extract.furniture import is_video_caption, line_furniture
from flows.steps.extract.outlets import title_outlet
from flows.steps.extract.page_edges import head_end
from flows.steps.extract.segments import build_segments
from flows.steps.extract.sentences import split_sentences
from flows.steps.ingest.formats import SourceDocument, parse_document
from tests.support.news_records import news_record

RELATED = "related-link teaser"
PROMPT = "subscription or contribution prompt"
CREDIT = "photo credit"
AUTHOR_BOX = "author descriptor or profile box"


def _page(content: str, title: str = "Tin", link: str = "https://baomau.vn/tin-1.html") -> SourceDocument:
    text = f"Title: {title}\nSource: Báo Mẫu\nLink: {link}\nContent: {content}\n"
    [document] = parse_document("p.txt", text)
    assert isinstance(document, SourceDocument)
    return document


def _kept(parts) -> list[str]:
    return [segment.text for segment in parts.segments if segment.kind != "title"]


def _removed(parts) -> list[tuple[str, str]]:
    return [(row.text, row.reason) for row in parts.removed]


def test_a_related_links_marker_after_a_stop_opens_a_teaser_of_its_own():
    text = "Con tôi học lớp 12. >> Dạy con tiêu tiền thế nào? Tôi vẫn nghĩ về chuyện đó."
    assert split_sentences(text) == [
        "Con tôi học lớp 12.",
        ">> Dạy con tiêu tiền thế nào?",
        "Tôi vẫn nghĩ về chuyện đó.",
    ]
    parts = build_segments(_page(text))
    assert (">> Dạy con tiêu tiền thế nào?", RELATED) in _removed(parts)
    assert "Tôi vẫn nghĩ về chuyện đó." in _kept(parts)
    # a comparison sign is no marker: "> 150" after a stop opens no teaser, the sentence stays whole
    assert split_sentences("Chỉ số AQI vượt ngưỡng. > 150 là mức có hại.") == [
        "Chỉ số AQI vượt ngưỡng. > 150 là mức có hại."
    ]


def test_a_single_marker_teaser_run_into_the_text_ends_where_a_sentence_opener_follows_a_name():
    page = _page("Dòng xe nối dài. > Xem video đi chợ Đồng Theo thông lệ chợ họp mỗi năm một lần. Chợ đông.")
    parts = build_segments(page)
    assert ("> Xem video đi chợ Đồng", RELATED) in _removed(parts)
    assert "Theo thông lệ chợ họp mỗi năm một lần." in _kept(parts)
    # a capitalised word inside a name after another is no opener: "Bộ Y tế" stays in the headline
    assert line_furniture("Xem thêm: Bộ Y tế khuyến cáo người dân") == RELATED
    # the same words without the marker are a sentence
    assert line_furniture("Xem video đi chợ Đồng là thói quen của nhiều người.") is None


def test_a_readers_prompt_to_send_a_video_or_call_the_desk_is_furniture_and_a_story_about_it_is_not():
    assert line_furniture("Độc giả chia sẻ video đến video@baomau.vn hoặc gửi thông tin tại đây.") == PROMPT
    assert line_furniture("Gọi điện cho biên tập viên theo số 0900 000 000, để đăng tải chia sẻ.") == PROMPT
    assert line_furniture("Một độc giả chia sẻ video đến tòa soạn, cho thấy nước ngập sâu.") is None
    assert line_furniture("Chị đã gọi điện cho biên tập viên của tờ báo để phản ánh sự việc.") is None


def test_a_text_to_speech_players_notices_opening_a_page_are_its_head():
    notices = (
        "Nội dung sử dụng định dạng âm thanh, bạn lưu ý âm lượng khi nghe. Tôi đã hiểu Nội dung được "
        "đọc tự động bằng máy tính, cách phát âm có thể không chính xác. Đánh giá và góp ý cho tính năng "
    )
    text = notices + "Hôm qua, tôi về quê."
    assert text[head_end(text) :] == "Hôm qua, tôi về quê."
    assert _kept(build_segments(_page(text))) == ["Hôm qua, tôi về quê."]
    # a story about such a format closes no player's notice: no head
    story = "Nội dung sử dụng định dạng âm thanh mới giúp người khiếm thị nghe báo. Ông Nam nói."
    assert head_end(story) == 0


def test_a_videos_label_before_its_caption_is_the_videos_and_a_label_before_names_is_its_credit():
    assert is_video_caption("Video: Xe con vượt ẩu, gây tai nạn liên hoàn trên cao tốc làm ba mẹ con chết.")
    assert is_video_caption("Video: Phạm Duy")
    # no label, or a label in a sentence of the story: text
    assert not is_video_caption("Xe con vượt ẩu, gây tai nạn trên cao tốc làm ba người chết.")
    assert not is_video_caption("Video: cảnh báo lừa đảo mới. Người dân cần cảnh giác.")
    # a credit naming a body run into the story's next sentence is no caption: the sentence stays
    assert not is_video_caption("Video: Quốc phòng Việt Nam Nước Cộng hòa Nam Sudan đang gặp khó khăn.")


def test_a_credit_that_says_how_the_picture_was_taken_closes_a_caption():
    caption = "Nhóm thanh niên đánh nữ nhân viên tại sảnh ga đi. Ảnh cắt từ video."
    assert caption[trailing_credit(caption) :].strip() == "Ảnh cắt từ video."
    assert is_photo_credit("Ảnh cắt từ video.")
    # the same words opening a sentence of the story are no credit
    assert trailing_credit("Ảnh cắt từ video cho thấy chiếc xe lao nhanh qua ngã tư.") is None
    assert not is_photo_credit("Ảnh cắt từ video cho thấy chiếc xe lao nhanh qua ngã tư.")


def test_a_credit_ending_in_digits_glued_to_the_next_sentence_is_cut_where_the_sentence_opens():
    assert credit_pieces("Video: X/kenhtin24Ông Nam, 60 tuổi, đã về nhà.") == [
        "Video: X/kenhtin24",
        "Ông Nam, 60 tuổi, đã về nhà.",
    ]
    # digits that end a credit with nothing glued stay the credit's
    assert credit_pieces("Ảnh: VTV24") == ["Ảnh: VTV24"]


def test_a_credit_the_page_glued_to_the_next_paragraph_is_a_credit_whatever_small_words_it_holds():
    page = _page("Xe lao xuống vực. Ảnh: Biên phòng Hướng LậpVị trí xảy ra tai nạn là đoạn đường cong.")
    parts = build_segments(page)
    assert ("Ảnh: Biên phòng Hướng Lập", CREDIT) in _removed(parts)
    assert "Vị trí xảy ra tai nạn là đoạn đường cong." in _kept(parts)
    # a source's credit cut before a title keeps the name that opens the sentence after it
    page = _page("Giá vàng giảm. Nguồn: Kitco News Frank Lee, Trưởng bộ phận kim loại quý, nói.")
    quoted = build_segments(page)
    assert any("Frank Lee" in text for text in _kept(quoted))
    # a label before prose of many small words, its paragraph ended by a glued stop, is no credit alone
    prose = _page("Xe lao xuống vực. Ảnh: Người dân ghi lại cảnh xe lao xuống vực sâu.Vị trí xảy ra tai nạn.")
    assert "Ảnh: Người dân ghi lại cảnh xe lao xuống vực sâu." in _kept(build_segments(prose))


def test_related_boxes_above_a_long_footer_close_the_page_with_it():
    teaser = "Cháu bé thứ {} được bà ngoại chở đi học thì gặp tai nạn trên đường."
    teasers = " ".join(teaser.format(n) for n in range(12))
    footer = "Ý KIẾN BẠN ĐỌC bandoc@baomau.vn " + "Tầng 16, Tòa nhà Mẫu, Hà Nội. " * 30
    body = "Tin liên quan đến vụ việc đang được xác minh. Cao tốc dài 98 km."
    parts = build_segments(_page(f"{body} Tin tức 24h Tin liên quan {teasers} {footer}"))
    # the story's own "Tin liên quan đến …" (in small letters after the label's words) stays
    assert _kept(parts)[:2] == ["Tin liên quan đến vụ việc đang được xác minh.", "Cao tốc dài 98 km."]
    assert not any("Cháu bé" in text or "Tầng 16" in text for text in _kept(parts))


def test_a_titles_suffix_that_spells_the_pages_own_host_is_the_sites_name():
    assert title_outlet("Dòng người đổ về chợ - Cafe Mẫu", "https://cafemau.org/x") == (
        "Dòng người đổ về chợ",
        "Cafe Mẫu",
    )
    assert title_outlet("Cháy nhà ở Sài Gòn - Ngoisao.net", "https://ngoisao.baomau.net/x") == (
        "Cháy nhà ở Sài Gòn",
        "Ngoisao.net",
    )
    # a title's last words that spell no part of the host, or too short to be a name: the title's
    assert title_outlet("Giá vàng tăng - Hà Nội", "https://baomau.vn/x") == ("Giá vàng tăng - Hà Nội", None)
    assert title_outlet("Người dân về chợ - Tin", "https://tin.vn/x") == ("Người dân về chợ - Tin", None)
    assert title_outlet("Dòng người đổ về chợ - Cafe Mẫu") == ("Dòng người đổ về chợ - Cafe Mẫu", None)


def test_a_columnists_descriptor_before_a_sentence_opening_with_a_span_of_time_is_their_box():
    column = "Cư sĩ Mười năm trước, tôi quen một cặp vợ chồng già. Họ vẫn khỏe. Lê Minh Đức"
    parts = build_segments(_page(column))
    assert ("Cư sĩ", AUTHOR_BOX) in _removed(parts)
    assert _kept(parts)[0] == "Mười năm trước, tôi quen một cặp vợ chồng già."
    # a name after the title opens no span of time: "Luật sư Năm cho biết" keeps its title
    named = build_segments(_page("Luật sư Năm cho biết vụ án sẽ xử lại. Họ vẫn chờ. Lê Minh Đức"))
    assert _kept(named)[0] == "Luật sư Năm cho biết vụ án sẽ xử lại."


def test_a_line_whose_teaser_opens_with_its_headlines_first_words_is_a_video_box():
    box = "Hai thanh niên đánh nhân viên ở sân bay Hai thanh niên hành hung nhân viên hàng không tại sảnh đi."
    parts = build_segments(news_record("Sáng nay, công an vào cuộc.", box, "Nhóm thanh niên đã bị bắt."))
    assert (box, "related article or video box") in _removed(parts)
    # a sentence that says its first words again after a comma is the story's own
    story = "Nguyễn Văn An gặp bạn ở quán cà phê, Nguyễn Văn An kể lại chuyện cũ với mọi người."
    assert build_segments(news_record("Sáng nay, công an vào cuộc.", story)).removed == []


def test_a_gallery_flattened_into_one_sentence_gives_each_caption_and_each_outlets_credit():
    gallery = (
        "Xe cháy. Xe con bị vò nát sau tai nạn - Ảnh: Nhân dân Toàn cảnh hiện trường - Ảnh: VOV "
        "Đầu xe tải hư hỏng nặng - Ảnh: Tuổi Trẻ Theo công an, tài xế đã tử vong. Công an điều tra."
    )
    parts = build_segments(_page(gallery))
    credits = [text for text, reason in _removed(parts) if reason == CREDIT]
    assert credits == ["- Ảnh: Nhân dân", "- Ảnh: VOV", "- Ảnh: Tuổi Trẻ"]
    assert "Toàn cảnh hiện trường" in _kept(parts) and "Theo công an, tài xế đã tử vong." in _kept(parts)
    # the outlet's name is the whole credit: a place after it opens the sentence
    kept = _kept(build_segments(_page("Xe lật. Ảnh: Tuổi Trẻ Hà Nội đang có mưa lớn. Công an điều tra.")))
    assert "Hà Nội đang có mưa lớn." in kept


def test_a_templates_empty_source_slot_and_a_latin_source_glued_to_vietnamese_are_credits():
    slot = _page("Hai người bị thương. Nguồn: [Link nguồn]Nguồn: [Link nguồn] Tại hiện trường, xe bị vò nát.")
    assert "Tại hiện trường, xe bị vò nát." in _kept(build_segments(slot))
    glued = build_segments(_page("Người mẫu mặc áo dài. Ảnh: PinterestQuần suông hợp với áo này. Giá rẻ."))
    assert ("Ảnh: Pinterest", CREDIT) in _removed(glued)
    assert "Quần suông hợp với áo này." in _kept(glued)
    # a Vietnamese word cut inside ("Nh|ân") is no glue: the credit stays one
    assert credit_pieces("Ảnh: Nhân dân") == ["Ảnh: Nhân dân"]


def test_a_related_headline_in_quotes_ends_at_its_closing_quote():
    parts = build_segments(
        _page("Con tôi vẫn khỏe. >> 'Lì xì hơn 50.000 đồng là phí' Tôi nghĩ khác. Thế thôi.")
    )
    assert (">> 'Lì xì hơn 50.000 đồng là phí'", RELATED) in _removed(parts)
    assert "Tôi nghĩ khác." in _kept(parts)


def test_a_line_giving_the_outlets_own_address_is_a_prompt_and_anyone_elses_is_the_story():
    page = _page("Chị muốn tìm bạn đời. Độc giả liên hệ qua email henho@baomau.vn để được hỗ trợ.")
    assert ("Độc giả liên hệ qua email henho@baomau.vn để được hỗ trợ.", PROMPT) in _removed(
        build_segments(page)
    )
    story = _page("Chị mất tiền. Kẻ gian dùng email hotro@nganhang-gia.com để lừa chị chuyển khoản.")
    assert build_segments(story).removed == []
