"""Pages that are only a site's chrome are rejected as having no article body; articles never are."""

from flows.steps.extract.article import NO_BODY, extract_article
from flows.steps.extract.chrome import chrome_only
from flows.steps.ingest.formats import parse_scraped_page
from flows.steps.records import Reject

VIDEO_HUB = (
    "00:44 00:42 01:03 Video nổi bật 01:27 01:07 03:13 Tải ứng dụng Liên hệ Điện thoại (Hà Nội) "
    "(TP. Hồ Chí Minh) Báo điện tử Báo tiếng Việt nhiều người xem nhất"
    "Thuộc Bộ Khoa học Công nghệSố giấy phép:"
)
READER_VIDEO = "Lê Bình Độc giả chia sẻ Video đến video@vnexpress.net hoặc gửi thông tin, câu hỏi tại đây."
LEAD = "Các gian hàng bán giỏ tre ở phiên chợ đầu năm chật kín người mua, nhiều nhà cháy hàng."


def test_a_video_hub_of_durations_app_links_and_masthead_is_only_chrome():
    reason = chrome_only([VIDEO_HUB])
    assert reason is not None
    assert reason.startswith("no article body")
    for named in ("video durations", "Video nổi bật", "Tải ứng dụng", "contact lines"):
        assert named in reason


def test_a_video_page_with_a_byline_and_the_reader_video_prompt_is_only_chrome():
    assert "reader-video prompt" in (chrome_only([READER_VIDEO]) or "")
    # The video's own title before the byline is no sentence of an article either.
    assert chrome_only(["Hiện trường xe khách rơi xuống vực sâu Trần Hóa - " + READER_VIDEO]) is not None


def test_contact_lines_and_a_source_credit_alone_are_chrome():
    assert chrome_only(["Hotline 0906 645 777 Liên hệ quảng cáo 0908 780 404"]) is not None
    assert chrome_only(["Huy Minh – Vnexpress.net Nguồn"]) is not None


def test_a_page_with_chrome_and_one_sentence_of_an_article_keeps_its_body():
    assert chrome_only([LEAD, READER_VIDEO]) is None
    assert chrome_only([VIDEO_HUB, LEAD]) is None


def test_a_short_article_without_chrome_is_never_rejected_by_this_rule():
    assert chrome_only(["Nội dung ngắn."]) is None
    assert chrome_only(["Ba dòng", "không câu nào"]) is None


def test_a_sentence_that_names_a_hotline_or_a_website_is_article_text():
    hotline = "Người dân có thể gọi đường dây nóng 1900 9095 của Bộ Y tế để được tư vấn."
    website = "Theo số liệu trên vnexpress.net, lượng khách tăng gấp đôi so với năm ngoái."
    assert chrome_only([hotline]) is None
    assert chrome_only([website]) is None


def test_extraction_rejects_a_chrome_only_page_with_its_reason_and_keeps_an_article():
    def page(content: str) -> str:
        header = "Title: Chợ Viềng Nam Định\nSource: VnExpress\nLink: https://example.vn/a\n"
        return f"{header}Content: {content}\n"

    rejected = extract_article(parse_scraped_page("hub.txt", page(VIDEO_HUB)), "0" * 64, "run")
    assert isinstance(rejected, Reject)
    assert rejected.check_name == NO_BODY
    assert "site's chrome" in rejected.failure and "Tải ứng dụng" in rejected.failure
    kept = extract_article(parse_scraped_page("lead.txt", page(f"{LEAD} {READER_VIDEO}")), "0" * 64, "run")
    assert not isinstance(kept, Reject)
