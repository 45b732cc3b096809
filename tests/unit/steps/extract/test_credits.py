"""Credits, datelines and bylines leave the text as data; a body sentence like them stays (invented text)."""

import json

import pytest

from flows.steps.extract.article import extract_article
from flows.steps.extract.credits import byline_authors, credit_pieces, credit_value, trailing_credit
from flows.steps.extract.outlets import dateline
from flows.steps.extract.segments import build_segments
from flows.steps.ingest.formats import parse_document


def _record(*body: str, description: str = "", url: str = "") -> object:
    """Return a news-please record of invented text, parsed."""
    record = {"title": "Tin thử", "description": description, "text": "\n".join(body), "url": url}
    [document] = parse_document("a.json", json.dumps(record, ensure_ascii=False))
    return document


def _page(content: str) -> object:
    """Return a scraped page flattened onto one line, parsed."""
    [document] = parse_document("p.txt", f"Title: Tin thử\nSource: Báo thử\nContent: {content}\n")
    return document


def _texts(parts) -> list[str]:
    return [s.text for s in parts.segments if s.kind != "title"]


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        ("Người dân dọn bùn sau lũ. Ảnh: Lê Minh.", "Người dân dọn bùn sau lũ.", "Ảnh: Lê Minh"),
        ("Cây cầu mới nối hai bờ - Ảnh: T.H.", "Cây cầu mới nối hai bờ", "Ảnh: T.H."),
        ("Đội cứu hộ tìm kiếm (Ảnh: Ngọc Hà)", "Đội cứu hộ tìm kiếm", "Ảnh: Ngọc Hà"),
        ("Chị Lan bên vườn cam. Ảnh: Nhân vật cung cấp", "Chị Lan bên vườn cam.", "Ảnh: Nhân vật cung cấp"),
        ("Hướng tuyến đường mới. Đồ họa: Khánh Linh", "Hướng tuyến đường mới.", "Đồ họa: Khánh Linh"),
    ],
)
def test_a_captions_closing_credit_goes_to_its_credit_column_and_out_of_its_text(caption, text, credit):
    parts = build_segments(_record("Sáng nay, mưa lớn kéo dài ở miền Trung.", caption, "Nước rút dần."))
    captions = [(s.text, s.credit) for s in parts.segments if s.kind == "caption"]
    assert captions == [(text, credit)]
    assert [r.reason for r in parts.removed] == ["photo credit"]
    assert "Nước rút dần." in _texts(parts)


def test_a_body_sentence_that_speaks_of_a_photo_keeps_every_word():
    sentence = "Theo ông Minh, bức ảnh: chụp hôm qua cho thấy nước dâng, Ảnh hưởng lớn."
    parts = build_segments(_record("Sáng nay, mưa lớn kéo dài ở miền Trung.", sentence))
    assert sentence in _texts(parts)
    assert parts.removed == [] and all(s.credit is None for s in parts.segments)


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        ("Ảnh: Minh Hà Theo ông Tâm, nước rút.", ["Ảnh: Minh Hà", "Theo ông Tâm, nước rút."]),
        ("Ảnh: Quang Huy Thượng tá Lê Văn Nam nói.", ["Ảnh: Quang Huy", "Thượng tá Lê Văn Nam nói."]),
        ("Ảnh: Thu Trang Hà Nội có mưa.", ["Ảnh: Thu Trang", "Hà Nội có mưa."]),
        ("Ảnh: Thu Trang Nguyễn Văn An cho biết.", ["Ảnh: Thu Trang", "Nguyễn Văn An cho biết."]),
        ("Ảnh: Reuters Cục Thống kê cho biết.", ["Ảnh: Reuters", "Cục Thống kê cho biết."]),
        ("Ảnh: Getty Images John Smith nói.", ["Ảnh: Getty Images", "John Smith nói."]),
        ("Ảnh: Báo Nhân dân Sau đó, đoàn về.", ["Ảnh: Báo Nhân dân", "Sau đó, đoàn về."]),
        ("Ảnh: Bộ Quốc phòng Lễ duyệt binh kéo dài.", ["Ảnh: Bộ Quốc phòng", "Lễ duyệt binh kéo dài."]),
        ("Ảnh: Hải An Sự cố xảy ra lúc 9h.", ["Ảnh: Hải An", "Sự cố xảy ra lúc 9h."]),
        ("Ảnh: Kitco John Lee - Giám đốc quỹ nói.", ["Ảnh: Kitco", "John Lee - Giám đốc quỹ nói."]),
        ("Ảnh: AFP Phần Lan và Thụy Điển nộp đơn.", ["Ảnh: AFP", "Phần Lan và Thụy Điển nộp đơn."]),
        ("Ảnh: Thu Trang Lào và Campuchia có mưa.", ["Ảnh: Thu Trang", "Lào và Campuchia có mưa."]),
    ],
)
def test_a_credit_run_into_the_next_sentence_ends_where_the_sentence_opens(sentence, pieces):
    assert credit_pieces(sentence) == pieces


def test_a_credit_alone_stays_whole_and_a_sentence_without_one_is_untouched():
    assert credit_pieces("Ảnh: Bệnh viện Đa khoa tỉnh") == ["Ảnh: Bệnh viện Đa khoa tỉnh"]
    assert credit_pieces("Ông Nam - Giám đốc sở - cho biết.") == ["Ông Nam - Giám đốc sở - cho biết."]
    assert trailing_credit("Ông nói về ảnh: nhiều người xem.") is None


def test_on_a_flattened_page_each_credit_leaves_its_caption_and_the_next_sentence_is_kept():
    parts = build_segments(
        _page("Mưa lớn suốt đêm. Cây đổ chắn lối đi. Ảnh: Lê Hà Sáng nay, đường đã thông. Trời tạnh.")
    )
    assert [(s.text, s.credit) for s in parts.segments if s.kind == "caption"] == [
        ("Cây đổ chắn lối đi.", "Ảnh: Lê Hà")
    ]
    assert "Sáng nay, đường đã thông." in _texts(parts)
    assert [(r.text, r.reason) for r in parts.removed] == [("Ảnh: Lê Hà", "photo credit")]


def test_credit_values_lose_their_dash_bracket_and_stop_but_not_an_initial():
    assert credit_value("- Ảnh: N.K.") == "Ảnh: N.K."
    assert credit_value("(Ảnh: Đoàn Bắc).") == "Ảnh: Đoàn Bắc"
    assert credit_value("Ảnh: Minh Hà.") == "Ảnh: Minh Hà"


@pytest.mark.parametrize(
    ("lead", "outlet", "text"),
    [
        ("TTO - Sáng 5/3, đoàn công tác đến xã.", "Tuổi Trẻ", "Sáng 5/3, đoàn công tác đến xã."),
        ("(Dân trí) - Chiều qua, mưa lớn.", "Dân trí", "Chiều qua, mưa lớn."),
        ("ANTD.VN - Công an quận vừa bắt hai người.", "An ninh Thủ đô", "Công an quận vừa bắt hai người."),
        ("ABCD.VN - Tối qua, cháy nhà kho.", "ABCD.VN", "Tối qua, cháy nhà kho."),
        ("PLO- Chiều qua, mưa lớn.", "Pháp Luật TP.HCM", "Chiều qua, mưa lớn."),  # no space before the dash
        ("(TTXVN) - Sáng nay, hội nghị mở.", "Thông tấn xã Việt Nam", "Sáng nay, hội nghị mở."),
    ],
)
def test_an_outlets_dateline_names_the_outlet_and_leaves_the_lead(lead, outlet, text):
    parts = build_segments(_record("Đoạn sau của bài.", description=lead))
    assert parts.segments[1].kind == "lead" and parts.segments[1].text == text
    assert parts.dateline_outlet == outlet
    assert [r.reason for r in parts.removed] == ["dateline"]


@pytest.mark.parametrize(
    "lead",
    [
        "Hà Nội - Sáng nay, trời rét.",
        "HÀ NỘI - Sáng nay, trời rét.",
        "UBND - cơ quan hành chính - họp sáng nay.",
        "Bộ Y tế - cơ quan quản lý - vừa công bố số liệu.",
        "Mỹ- Trung căng thẳng vì thuế.",  # two countries joined, no outlet
        "COVID-19 lan nhanh ở châu Âu.",
    ],
)
def test_a_place_dateline_or_a_body_before_a_dash_stays_in_the_lead(lead):
    assert dateline(lead) is None
    parts = build_segments(_record("Đoạn sau của bài.", description=lead))
    assert parts.segments[1].text == lead and parts.removed == []


def test_the_outlet_of_an_article_without_url_comes_from_its_dateline():
    [document] = parse_document("a.txt", "Tin thử\nTTO - Sáng 5/3, đoàn công tác đến xã Tân Lập.\n")
    records = extract_article(document, "0" * 64, "run")
    assert records.article["outlet"] == "Tuổi Trẻ"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Ngọc Tài - Tiến Tầm", ["Ngọc Tài", "Tiến Tầm"]),
        ("Minh Anh (Theo Reuters)", ["Minh Anh"]),
        ("Ngọc Thành – Vnexpress.net Nguồn", ["Ngọc Thành"]),
        ("Độc giả Nguyên Khoa", ["Nguyên Khoa"]),
        ("Lan Anh và Tuấn Hưng", ["Lan Anh", "Tuấn Hưng"]),
        ("*Tác giả là chuyên gia kinh tế.", []),
        ("Theo Lê Ánh", ["Lê Ánh"]),
        ("Theo VnExpress", []),
    ],
)
def test_a_byline_gives_its_authors_names_without_the_source(byline, names):
    assert byline_authors(byline) == names


def test_a_closing_byline_goes_to_the_articles_authors_and_a_closing_sentence_stays():
    document = _record(
        "Sáng nay, mưa lớn kéo dài.", "Ông Nam nói mọi người đã an toàn.", "Hoài Thu - Minh Quân"
    )
    records = extract_article(document, "0" * 64, "run")
    assert json.loads(records.article["authors"]) == ["Hoài Thu", "Minh Quân"]
    assert "Ông Nam nói mọi người đã an toàn." in [s["text_vi"] for s in records.segments]
    assert [r["reason"] for r in records.removed] == ["byline"]


@pytest.mark.parametrize(
    ("closing", "authors"),
    [
        (["Theo Văn Vũ", "Công an nhân dân"], ["Văn Vũ"]),
        (["Theo M.T", "An ninh thủ đô"], ["M.T"]),
        (["N. Hà"], ["N. Hà"]),
    ],
)
def test_a_closing_byline_of_initials_or_over_an_outlets_name_leaves_the_text(closing, authors):
    document = _record("Sáng nay, mưa lớn kéo dài.", "Ông Nam nói mọi người đã an toàn.", *closing)
    records = extract_article(document, "0" * 64, "run")
    assert json.loads(records.article["authors"]) == authors
    assert [s["text_vi"] for s in records.segments if s["kind"] != "title"][
        -1
    ] == "Ông Nam nói mọi người đã an toàn."


def test_a_closing_sentence_that_names_an_outlet_or_opens_with_an_initial_stays():
    closing = ["Công an nhân dân đã vào cuộc.", "N. Hà cho biết sẽ quay lại."]
    records = extract_article(_record("Sáng nay, mưa lớn kéo dài.", *closing), "0" * 64, "run")
    assert [s["text_vi"] for s in records.segments if s["kind"] != "title"][-2:] == closing
    assert records.removed == []


def test_a_bracketed_source_of_names_closes_a_caption_but_a_pointer_to_a_photo_stays():
    parts = build_segments(
        _record("Sáng nay, mưa lớn.", "Bị can Lê Thị Hoa (ảnh CACC)", "Vụ án đang được điều tra.")
    )
    assert [(s.text, s.credit) for s in parts.segments if s.kind == "caption"] == [
        ("Bị can Lê Thị Hoa", "ảnh CACC")
    ]
    for sentence in ("Ông Nam (ảnh trên) cho biết nước đã rút.", "Bức tranh được vẽ năm 1990 (ảnh 2)"):
        assert trailing_credit(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        (
            "Ảnh: Nhân vật cung cấpNhư Ý cho biết đã tập lâu.",
            ["Ảnh: Nhân vật cung cấp", "Như Ý cho biết đã tập lâu."],
        ),
        ("Ảnh: AFPLễ hội kéo dài ba ngày.", ["Ảnh: AFP", "Lễ hội kéo dài ba ngày."]),
        ("Ảnh: Báo Nhân dânTheo Bộ Y tế, số ca giảm.", ["Ảnh: Báo Nhân dân", "Theo Bộ Y tế, số ca giảm."]),
        (
            "(Ảnh minh họa: Hà Phong). Chia sẻ về thị trường, anh Nam nói.",
            ["(Ảnh minh họa: Hà Phong).", "Chia sẻ về thị trường, anh Nam nói."],
        ),
    ],
)
def test_a_credit_glued_to_the_next_sentence_without_a_space_ends_at_the_glue(sentence, pieces):
    assert credit_pieces(sentence) == pieces


def test_a_camel_case_name_in_a_credit_is_no_glue():
    assert credit_pieces("Ảnh: VnExpress") == ["Ảnh: VnExpress"]
    assert credit_pieces("Ảnh: YouTube/McLarenF1") == ["Ảnh: YouTube/McLarenF1"]


@pytest.mark.parametrize(
    ("caption", "kept", "credit"),
    [
        ("Hiện trường vụ tai nạn (ảnh: Nguyễn Nam)", "Hiện trường vụ tai nạn", "ảnh: Nguyễn Nam"),
        (
            "Hiện trường vụ tai nạn. Ảnh, video: Nguyễn Nam",
            "Hiện trường vụ tai nạn.",
            "Ảnh, video: Nguyễn Nam",
        ),
        ("Biểu đồ giá vàng tuần qua. Nguồn: Kitco", "Biểu đồ giá vàng tuần qua.", "Nguồn: Kitco"),
    ],
)
def test_a_caption_credited_in_small_letters_together_or_by_source_gives_its_credit(caption, kept, credit):
    parts = build_segments(_record("Sáng nay, hai xe va chạm.", caption, "Cảnh sát đang điều tra."))
    assert kept in _texts(parts) and caption not in _texts(parts)
    assert [s.credit for s in parts.segments if s.credit] == [credit]


def test_a_sentence_that_names_a_source_mid_line_keeps_it():
    line = "Nguồn: Bộ Y tế cho biết số ca mắc giảm mạnh trong tuần qua, nhờ tiêm chủng rộng khắp."
    parts = build_segments(_record("Sáng nay, hai xe va chạm.", "Anh chụp ảnh: cảnh xe đổ.", line))
    assert "Anh chụp ảnh: cảnh xe đổ." in _texts(parts)
