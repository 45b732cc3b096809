import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.steps.extract.segments import build_segments
from flows.steps.ingest.formats import SourceDocument, SourceLine, parse_document
from flows.steps.ingest.normalize import normalize_line


def seed_text_parts(seed_text):
    [document] = parse_document("seeds/seed.txt", seed_text)
    return build_segments(document)


def test_seed_furniture_is_removed_line_by_line_with_reasons(seed_text):
    parts = seed_text_parts(seed_text)
    assert [(r.line_no, r.text, r.reason) for r in parts.removed] == [
        (3, "0:00 / 0:00", "media player widget"),
        (4, "0:00", "media player widget"),
        (11, "Hà Nội thí điểm người đứng đầu lựa chọn bổ nhiệm cấp phó của mình ảnh 1", "image alt text"),
        (31, "MỚI - NÓNG", "section banner"),
    ]
    assert not any(re.search(r"0:00|ảnh 1$|MỚI - NÓNG", s.text) for s in parts.segments)


def test_seed_reads_title_lead_paragraphs_and_the_photo_caption_in_order(seed_text):
    parts = seed_text_parts(seed_text)
    kinds = [s.kind for s in parts.segments]
    assert kinds[:2] == ["title", "lead"]
    assert parts.segments[1].text.startswith("TPO - Bí thư Thành ủy Hà Nội đề nghị")
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
