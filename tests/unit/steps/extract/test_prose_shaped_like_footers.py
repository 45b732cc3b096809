"""Closing sentences in the words of page chrome stay; the chrome itself still goes (invented text)."""

import pytest

from flows.steps.extract.page_edges import footer_start
from flows.steps.extract.segments import build_segments
from flows.steps.ingest.formats import parse_document

LEAD = "Sáng nay, mưa lớn kéo dài ở nhiều tỉnh miền Trung."


def _kept(content: str) -> str:
    [document] = parse_document("p.txt", f"Title: Tin thử\nSource: Báo thử\nContent: {content}\n")
    parts = build_segments(document)
    return " ".join(s.text for s in parts.segments if s.kind != "title")


@pytest.mark.parametrize(
    "closing",
    [
        "Người dân cần theo dõi tin tức cập nhật liên tục từ cơ quan khí tượng để chủ động ứng phó.",
        "Hành khách phản ánh vi phạm gọi đường dây nóng: 1900 1234 của Tổng công ty Đường sắt."
        " Nhà ga sẽ mở thêm quầy bán vé.",
        "Bài viết thu hút hơn 500 bình luận chia sẻ câu chuyện của mình về những ngày lũ.",
    ],
)
def test_a_closing_sentence_in_the_words_of_chrome_stays_whole(closing: str) -> None:
    text = f"{LEAD} {closing}"
    assert footer_start(text) is None
    assert _kept(text) == text


@pytest.mark.parametrize(
    "chrome",
    [
        "Tin tức cập nhật liên tục, nhanh chóng Thị trường hôm nay",
        "Tin tức cập nhật liên tục",
        "Đường dây nóng: 0987 654 321",
        "Đường dây nóng: 0987 654 321 Email: toasoan@baothu.vn",
        "3 bình luận Chia sẻ",
        "12 bình luận",
    ],
)
def test_the_chrome_those_words_come_from_still_closes_the_page(chrome: str) -> None:
    assert _kept(f"{LEAD} {chrome}") == LEAD
