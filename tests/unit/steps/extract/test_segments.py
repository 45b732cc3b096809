import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.steps.extract.segments import build_segments
from flows.steps.ingest.formats import SourceDocument, SourceLine, parse_document
from flows.steps.ingest.normalize import normalize_line
from tests.support.news_records import news_record


def seed_text_parts(seed_text):
    [document] = parse_document("seeds/seed.txt", seed_text)
    return build_segments(document)


def test_seed_furniture_is_removed_line_by_line_with_reasons(seed_text):
    parts = seed_text_parts(seed_text)
    assert [(r.line_no, r.text, r.reason) for r in parts.removed] == [
        (3, "0:00 / 0:00", "media player widget"),
        (4, "0:00", "media player widget"),
        (5, "TPO -", "dateline"),
        (11, "Hà Nội thí điểm người đứng đầu lựa chọn bổ nhiệm cấp phó của mình ảnh 1", "image alt text"),
        (31, "MỚI - NÓNG", "section banner"),
    ]
    assert not any(re.search(r"0:00|ảnh 1$|MỚI - NÓNG", s.text) for s in parts.segments)


def test_seed_reads_title_lead_paragraphs_and_the_photo_caption_in_order(seed_text):
    parts = seed_text_parts(seed_text)
    kinds = [s.kind for s in parts.segments]
    assert kinds[:2] == ["title", "lead"]
    assert parts.segments[1].text.startswith("Bí thư Thành ủy Hà Nội đề nghị")
    assert parts.dateline_outlet == "Tiền Phong"
    captions = [s.text for s in parts.segments if s.kind == "caption"]
    assert captions == ["Bí thư Thành ủy Hà Nội Đinh Tiến Dũng phát biểu kết luận hội nghị."]
    numbers = [(s.paragraph_no, s.sentence_no) for s in parts.segments]
    assert numbers == sorted(numbers)


def test_flattened_page_cuts_the_footer_off_the_last_sentence():
    page = (
        "Title: Tin\nSource: Tiền Phong\nContent: Chợ đông. Chị Phượng nói vậy. © Bản quyền "
        "thuộc báo điện tử Tiền Phong Tổng Biên tập: LÊ XUÂN SƠN\n"
    )
    [document] = parse_document("p.txt", page)
    parts = build_segments(document)
    assert [s.text for s in parts.segments if s.kind != "title"] == ["Chợ đông.", "Chị Phượng nói vậy."]
    assert parts.removed[0].reason == "site footer"


def test_a_page_of_widgets_and_footer_has_no_body():
    page = (
        "Title: Tin\nContent: Tặng sao Hoặc nhập số sao. Vui lòng nhập Email. "
        "Tổng biên tập: Lê Thế Chữ Giấy phép hoạt động báo điện tử Số 561/GP-BTTTT\n"
    )
    [document] = parse_document("p.txt", page)
    assert build_segments(document).body_units == 0


def _non_space(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if not ch.isspace())


lines = st.lists(
    st.one_of(
        st.text(min_size=1, max_size=60),
        st.sampled_from(
            [
                "0:00",
                "MỚI - NÓNG",
                "Tin ảnh 1",
                "© Bản quyền",
                "Ảnh: D.H.",
                "Ông Dũng nói. Bà Hà đáp!",
                "  Bắt ông Tài",
            ]
        ),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(lines, st.booleans())
def test_segments_and_removed_lines_account_for_every_character(body, flattened):
    document = SourceDocument(
        "gen.txt",
        "scraped_page" if flattened else "plain_text",
        [SourceLine(n, text, "body") for n, text in enumerate(body, start=1)],
        flattened=flattened,
    )
    parts = build_segments(document)
    kept = "".join(_non_space(s.text) for s in parts.segments) + "".join(
        _non_space(r.text) for r in parts.removed
    )
    expected = "".join(_non_space(normalize_line(text)) for text in body)
    assert sorted(kept) == sorted(expected)


def test_sentences_of_a_long_flattened_page_are_numbered_in_order_within_their_paragraph():
    document = SourceDocument(
        "p.txt",
        "scraped_page",
        [SourceLine(1, "Tin", "title"), SourceLine(2, "Hà Nội họp. " * 300, "body")],
        flattened=True,
    )
    paragraph = [s.sentence_no for s in build_segments(document).segments if s.kind != "title"]
    assert paragraph == list(range(1, 301))


def _page(content: str, title: str = "Tin") -> SourceDocument:
    [document] = parse_document("p.txt", f"Title: {title}\nSource: Báo Mẫu\nContent: {content}\n")
    assert isinstance(document, SourceDocument)
    return document


def _paragraphs(parts) -> list[str]:
    by_number: dict[int, list[str]] = {}
    for segment in parts.segments:
        if segment.kind != "title":
            by_number.setdefault(segment.paragraph_no, []).append(segment.text)
    return [" ".join(texts) for _, texts in sorted(by_number.items())]


def test_a_flattened_page_gets_back_the_paragraphs_its_breaks_left_a_trace_of():
    parts = build_segments(
        _page("Đà NẵngMưa lớn suốt đêm. Nước dâng nhanh.Sáng nay, trời tạnh. Ảnh: TTXVNNgười dân dọn dẹp.")
    )
    assert _paragraphs(parts) == [
        "Đà Nẵng",
        "Mưa lớn suốt đêm. Nước dâng nhanh.",
        "Sáng nay, trời tạnh.",
        "Người dân dọn dẹp.",
    ]
    # The credit glued to the next sentence is the photo's: out of the text, kept with its caption.
    assert [(r.text, r.reason) for r in parts.removed] == [("Ảnh: TTXVN", "photo credit")]
    [caption] = [s for s in parts.segments if s.kind == "caption"]
    assert (caption.text, caption.credit) == ("Sáng nay, trời tạnh.", "Ảnh: TTXVN")


def test_a_video_caption_and_its_credit_on_a_flattened_page_are_removed_and_the_text_after_kept():
    parts = build_segments(
        _page("Mưa lớn suốt đêm. Cảnh nước chảy xiết qua cầu. Video: Minh Hà Sáng nay, trời tạnh.")
    )
    assert [(r.text, r.reason) for r in parts.removed] == [
        ("Cảnh nước chảy xiết qua cầu.", "video caption or credit"),
        ("Video: Minh Hà", "video caption or credit"),
    ]
    assert _paragraphs(parts) == ["Mưa lớn suốt đêm.", "Sáng nay, trời tạnh."]


def test_a_flattened_page_loses_its_glued_head_closing_byline_and_prompts():
    content = (
        "Thời sự Thứ Hai, 12/2/2024 - 08:30 (GMT+7) Chia sẻ Facebook Sáng 12/2, đoàn đến Huế. "
        "Đoàn làm việc ba ngày. Minh Hà (Theo Reuters) Bạn đã được chuyển sang trang đăng ký của đối tác"
    )
    parts = build_segments(_page(content))
    assert [r.reason for r in parts.removed] == [
        "date, menu or share widget",
        "byline",
        "subscription or contribution prompt",
    ]
    assert _paragraphs(parts) == ["Sáng 12/2, đoàn đến Huế. Đoàn làm việc ba ngày."]


def test_a_related_teaser_run_into_a_paragraph_is_removed_and_the_paragraph_kept():
    parts = build_segments(
        news_record("Mở đầu bài.", "tin liên quan Cầu mới nối hai bờ sông “Tôi chờ lâu lắm”, bà nói.")
    )
    assert [(r.line_no, r.part_no, r.reason) for r in parts.removed] == [(4, 1, "related-link teaser")]
    assert "“Tôi chờ lâu lắm”, bà nói." in [s.text for s in parts.segments]


def test_a_headline_opening_the_body_beside_a_description_is_a_related_link():
    parts = build_segments(
        news_record("Giá xăng giảm lần thứ ba trong tháng", "Giá xăng giảm 500 đồng mỗi lít.", "Ban Kinh tế")
    )
    assert [(r.line_no, r.reason) for r in parts.removed] == [(3, "related-link teaser"), (5, "byline")]
    without_description = build_segments(
        news_record(
            "Giá xăng giảm lần thứ ba trong tháng", "Giá xăng giảm 500 đồng mỗi lít.", description=None
        )
    )
    assert without_description.removed == []


def test_a_titles_outlet_suffix_goes_to_the_outlet_not_the_title():
    parts = build_segments(_page("Mưa lớn suốt đêm.", title="Mưa lớn ở Huế - VnExpress"))
    assert [s.text for s in parts.segments if s.kind == "title"] == ["Mưa lớn ở Huế"]
    assert parts.title_outlet == "VnExpress"
    assert [(r.text, r.reason) for r in parts.removed] == [("VnExpress", "site name after the title")]
    kept = build_segments(_page("Mưa lớn suốt đêm.", title="Hà Nội - Hải Phòng nối chuyến tàu mới"))
    assert [s.text for s in kept.segments if s.kind == "title"] == ["Hà Nội - Hải Phòng nối chuyến tàu mới"]


def test_a_columnists_descriptor_above_the_text_goes_with_the_byline_below_it():
    content = (
        "Nhà báo Khi tôi còn nhỏ, mẹ thường kể chuyện cổ tích. Mẹ kể hay lắm. Phạm Thu Hà "
        "Để không bỏ lỡ các bài viết mới nhất từ chuyên mục Góc nhìn"
    )
    parts = build_segments(_page(content))
    assert [(r.text, r.reason) for r in parts.removed][:2] == [
        ("Nhà báo", "author descriptor or profile box"),
        ("Phạm Thu Hà", "byline"),
    ]
    assert _paragraphs(parts) == ["Khi tôi còn nhỏ, mẹ thường kể chuyện cổ tích. Mẹ kể hay lắm."]


def test_a_subheading_glued_to_its_paragraph_on_a_page_with_no_byline_is_kept():
    content = "Bác sĩ trẻ về vùng cao Sau khi tốt nghiệp, anh xin về trạm xá. Trạm xá nằm trên đỉnh đèo."
    parts = build_segments(_page(content))
    assert parts.removed == []


def test_an_authors_page_loses_its_profile_and_keeps_the_teasers_of_their_columns():
    page = (
        "Title: Phạm Thu Hà\nSource: Báo Mẫu\nSummary: Phạm Thu Hà là nhà báo thể thao. Chị viết "
        "cuốn Bóng lăn, ...\nContent: Nhà báo Phạm Thu Hà là nhà báo thể thao. Chị viết cuốn Bóng lăn, "
        "Sân cỏ. Mùa hè năm ấy, đội bóng làng tôi lần đầu ra tỉnh.\n"
    )
    [document] = parse_document("p.txt", page)
    parts = build_segments(document)
    assert [r.reason for r in parts.removed] == ["author descriptor or profile box"]
    assert _paragraphs(parts) == ["Mùa hè năm ấy, đội bóng làng tôi lần đầu ra tỉnh."]


def test_a_story_titled_with_a_name_keeps_its_lead_that_names_the_person():
    page = (
        "Title: Phạm Thu Hà\nSource: Báo Mẫu\nSummary: Chị vừa giành giải báo chí quốc gia.\n"
        "Content: Nhà báo Phạm Thu Hà vừa giành giải báo chí quốc gia. Chị làm nghề mười năm.\n"
    )
    [document] = parse_document("p.txt", page)
    assert build_segments(document).removed == []


def test_a_related_article_or_video_box_on_a_line_of_its_own_is_removed_whole():
    box = (
        "Cảnh sát truy tìm nhóm trộm xe máy ở ngoại thành Sau nhiều ngày theo dõi, công an đã bắt hai người."
    )
    parts = build_segments(
        news_record("Mở đầu bài.", box, "Liên quan vụ việc, công an huyện cho biết sẽ xử lý nghiêm.")
    )
    assert [(r.line_no, r.text, r.reason) for r in parts.removed] == [
        (4, box, "related article or video box")
    ]
    assert "Liên quan vụ việc, công an huyện cho biết sẽ xử lý nghiêm." in [s.text for s in parts.segments]


def test_a_flattened_pages_closing_credit_gives_up_the_byline_it_ran_into():
    content = "Cây đổ chắn đường. Ảnh: Minh Khoa Người dân dọn dẹp. Nước rút dần. Ảnh: Minh Khoa Hoàng Yến"
    parts = build_segments(_page(content))
    assert [(r.text, r.reason) for r in parts.removed] == [
        ("Ảnh: Minh Khoa", "photo credit"),
        ("Ảnh: Minh Khoa", "photo credit"),
        ("Hoàng Yến", "byline"),
    ]
    captions = [(s.text, s.credit) for s in parts.segments if s.kind == "caption"]
    assert captions == [("Cây đổ chắn đường.", "Ảnh: Minh Khoa"), ("Nước rút dần.", "Ảnh: Minh Khoa")]
    assert parts.authors == ("Hoàng Yến",)
