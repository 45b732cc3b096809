"""Credits and bylines without a label, run into a flattened page's text, leave it (invented text).

Each kind sits beside a body sentence shaped like it that must stay whole.
"""

from flows.steps.extract.bare_credits import bare_credit_pieces
from flows.steps.extract.segments import build_segments
from flows.steps.ingest.formats import parse_document


def _page(content: str) -> object:
    [document] = parse_document("p.txt", f"Title: Tin thử\nSource: Báo thử\nContent: {content}\n")
    return document


def _kept(content: str) -> str:
    return " ".join(s.text for s in build_segments(_page(content)).segments if s.kind != "title")


def test_a_photographers_name_in_capitals_between_a_caption_and_the_next_sentence_leaves_the_text():
    page = "Trời mưa to. Học sinh nhận quà ở sân trường ngày 3.1 LÊ VĂN THẮM Năm nay có 300 suất quà. Ai vui."
    assert (
        _kept(page) == "Trời mưa to. Học sinh nhận quà ở sân trường ngày 3.1 Năm nay có 300 suất quà. Ai vui."
    )
    parts = build_segments(_page(page))
    assert [s.credit for s in parts.segments if s.credit] == ["LÊ VĂN THẮM"]


def test_acronyms_provinces_and_long_headings_in_capitals_stay_in_the_text():
    for sentence in (
        "Đoàn của UBND TP HCM Phan Văn Mãi đến thăm trường.",
        "Đoàn làm việc với Công ty TNHH MTV Sông Lam về dự án.",
        "Các đội đến từ HÀ NỘI Và nhiều tỉnh khác đã có mặt.",
        "Bảng ghi dòng chữ CƠ QUAN CỦA TỔNG LIÊN ĐOÀN LAO ĐỘNG Giấy phép ở dưới.",
    ):
        assert _kept(f"Trời mưa to. {sentence} Ai cũng vui.") == f"Trời mưa to. {sentence} Ai cũng vui."


def test_a_credit_of_initials_or_nvcc_after_a_caption_leaves_but_a_person_named_by_initials_stays():
    assert bare_credit_pieces("Anh Trần Minh Đức Đ.N.T Tôi rất vui.") == [
        ("Anh Trần Minh Đức", None),
        ("Đ.N.T", "photo credit"),
        ("Tôi rất vui.", None),
    ]
    assert bare_credit_pieces("Chị Lan trong vườn NVCC Năm nay chị trồng cam.")[1] == ("NVCC", "photo credit")
    kept = "Hàng xóm kể ông N.V.T Sinh năm 1960 nên rất khỏe."
    assert bare_credit_pieces(kept) == [(kept, None)]


def test_a_recorders_byline_mid_page_leaves_and_goes_to_the_authors_but_a_note_in_brackets_stays():
    assert bare_credit_pieces("Giải nhất cuộc thi năm nay Thu Hà (ghi) Tôi rất vui khi nhận giải.") == [
        ("Giải nhất cuộc thi năm nay", None),
        ("Thu Hà (ghi)", "byline"),
        ("Tôi rất vui khi nhận giải.", None),
    ]
    kept = "Cô giáo dặn học sinh ghi bài (ghi) vào vở trước khi về."
    assert bare_credit_pieces(kept) == [(kept, None)]
    parts = build_segments(_page("Trời mưa to. Giải nhất cuộc thi Thu Hà (ghi) Tôi rất vui khi nhận giải."))
    assert "Thu Hà" in parts.authors
    assert "(ghi)" not in _kept("Trời mưa to. Giải nhất cuộc thi Thu Hà (ghi) Tôi rất vui khi nhận giải.")
