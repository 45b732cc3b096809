"""Furniture the fifth round reads by shape, each beside body text of the same look that stays."""

from flows.steps.extract.boxes import split_credit_byline
from flows.steps.extract.furniture import is_video_caption
from flows.steps.extract.page_edges import footer_start
from flows.steps.extract.segments import build_segments
from flows.steps.ingest.formats import SourceDocument, parse_document
from tests.support.news_records import news_record

BOX = "related article or video box"
RELATED = "related-link teaser"


def _page(content: str) -> SourceDocument:
    [document] = parse_document("p.txt", f"Title: Tin\nSource: Báo Mẫu\nContent: {content}\n")
    assert isinstance(document, SourceDocument)
    return document


def _kept(parts) -> list[str]:
    return [segment.text for segment in parts.segments if segment.kind != "title"]


def test_a_headline_opening_with_a_figure_beside_a_description_is_a_related_link():
    parts = build_segments(
        news_record("5 ngôi nhà ở ven sông bị sạt lở", "Mưa lớn kéo dài ba ngày.", "Nước rút chậm.")
    )
    assert [(r.line_no, r.reason) for r in parts.removed] == [(3, RELATED)]
    kept = build_segments(news_record("5 ngôi nhà ở ven sông bị sạt lở.", "Mưa lớn kéo dài ba ngày."))
    assert kept.removed == []  # a sentence with its full stop opens the body


def test_a_line_opening_with_a_related_headline_shown_above_is_that_articles_video_box():
    headline = "3 con trâu rơi xuống giếng cổ ở Hà Tĩnh"
    box = "Ba con trâu rơi xuống giếng cổ ở Hà Tĩnh Người dân dùng dây kéo trâu lên."
    repeat = "Ba con trâu rơi xuống giếng cổ ở Hà Tĩnh, người dân kể lại."
    parts = build_segments(news_record(headline, "Sáng nay, người dân báo tin.", box, repeat))
    assert [(r.line_no, r.reason) for r in parts.removed] == [(3, RELATED), (5, BOX)]
    assert repeat in _kept(parts)  # the same words, then a comma: the story's own sentence
    # without a related headline above, the same line is text
    assert build_segments(news_record("Sáng nay, người dân báo tin.", box)).removed == []


def test_a_videos_headline_run_into_its_label_and_what_it_shows_is_a_video_caption():
    shows = "Công nhân lắp những nhịp cầu cuối cùng trước khi thông xe vào cuối tháng này"  # a long one
    assert is_video_caption(f"Cầu tạm sắp thông xe ở Cần Thơ Video: {shows}")
    # a sentence that names a video in passing, a subheading, a quote: text
    assert not is_video_caption("Anh đăng lên mạng một đoạn video ghi lại cảnh cầu sập.")
    assert not is_video_caption("Video: cảnh báo lừa đảo mới. Người dân cần cảnh giác khi nhận cuộc gọi.")
    assert not is_video_caption("Cây cầu của làng")
    assert not is_video_caption("“Tôi chờ cây cầu này mười năm”, bà nói")


def test_a_graphics_credit_gives_up_the_byline_of_dashed_names_it_ran_into():
    assert split_credit_byline("Đồ họa: Minh Châu Lê Hà - Trần Vũ - Ngô Sơn", "", set()) == [
        "Đồ họa: Minh Châu",
        "Lê Hà - Trần Vũ - Ngô Sơn",
    ]
    # two photographers credited together and no byline: one credit, not cut
    assert split_credit_byline("Ảnh: Nguyễn Văn An - Trần Bình", "", set()) == [
        "Ảnh: Nguyễn Văn An - Trần Bình"
    ]


def test_a_flattened_pages_masthead_before_its_licence_label_goes_with_the_footer():
    text = "Lễ hội kéo dài ba ngày. Trang tin văn hóa của Báo Mẫu Số giấy phép: 12/GP-BTTTT cấp ngày 1/1/2022"
    assert text[footer_start(text) :].startswith("Trang tin văn hóa của Báo Mẫu")
    # names alone before the label are the byline: they stay for the authors
    bylined = "Lễ hội kéo dài ba ngày. Minh Anh Số giấy phép: 12/GP-BTTTT cấp ngày 1/1/2022"
    assert bylined[footer_start(bylined) :].startswith("Số giấy phép")
    parts = build_segments(_page(bylined))
    assert parts.authors == ("Minh Anh",)
    assert _kept(parts) == ["Lễ hội kéo dài ba ngày."]


def test_a_sites_slogan_run_on_after_the_last_sentence_opens_the_footer():
    text = "Giá vàng tăng mạnh trong tuần qua Tin tức cập nhật liên tục, nhanh chóng Thị trường hôm nay"
    assert text[footer_start(text) :].startswith("Tin tức cập nhật liên tục")
    story = "Trang web cho biết tin tức được cập nhật liên tục trong ngày."
    assert footer_start(story) is None
