"""HTML pages through trafilatura, with tintuc's shapes on top: bodies in divs, captions, boxes, bylines."""

from __future__ import annotations

from flows.steps.extract.article import extract_article
from flows.steps.ingest.formats import SourceDocument, parse_document
from flows.steps.records import ArticleRecords

PARAGRAPHS = [
    "Sáng 12/3, Ủy ban nhân dân thành phố Hà Nội đã họp bàn về việc cải tạo hệ thống cây xanh "
    "trên nhiều tuyến phố.",
    "Theo báo cáo của Sở Xây dựng, đề án được triển khai từ đầu năm với tổng kinh phí hơn 70 tỷ đồng.",
    "Nhiều người dân bày tỏ lo ngại vì những hàng cây lâu năm bị chặt hạ mà không được thông báo trước.",
    "Chủ tịch thành phố yêu cầu các sở ngành kiểm tra toàn diện và báo cáo kết quả trong vòng 30 ngày.",
]


def page(body: str, head: str = "") -> str:
    """Return a news page with menus and a footer around body, in divs as many outlets write it."""
    menu = "".join(f'<li><a href="/m{n}">Mục {n}</a></li>' for n in range(12))
    return (
        f"<!DOCTYPE html><html><head><title>Hà Nội họp về cây xanh - Báo Mẫu</title>{head}</head><body>"
        f"<header><ul>{menu}</ul></header><div class='container'><div class='main'>"
        f"<h1>Hà Nội họp về cây xanh</h1>{body}</div>"
        "<div class='sidebar'><h3>Đọc nhiều</h3><a href='/x'>Giá vàng hôm nay tăng mạnh</a></div></div>"
        "<footer><p>© Báo Mẫu. Giấy phép số 123/GP-BTTTT.</p></footer></body></html>"
    )


def parsed(html: str) -> SourceDocument:
    [document] = parse_document("page.html", html)
    assert isinstance(document, SourceDocument)
    return document


def body_texts(document: SourceDocument) -> list[str]:
    return [line.text for line in document.lines if line.field == "body"]


def test_a_body_written_in_divs_not_paragraphs_loads_whole():
    html = page("<div class='content'>" + "".join(f"<div>{p}</div>" for p in PARAGRAPHS) + "</div>")
    document = parsed(html)
    text = " ".join(body_texts(document))
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert "Mục 3" not in text and "Giấy phép" not in text
    records = extract_article(document, "0" * 64, "run")
    assert isinstance(records, ArticleRecords)


def test_the_headline_the_text_opens_with_is_not_read_twice():
    document = parsed(page("".join(f"<p>{p}</p>" for p in PARAGRAPHS)))
    assert document.title == "Hà Nội họp về cây xanh"  # trafilatura takes the site name off <title>
    assert body_texts(document)[0] == PARAGRAPHS[0]


def test_og_title_is_the_title_when_the_page_states_one():
    head = '<meta property="og:title" content="Hà Nội họp khẩn về cây xanh">'
    assert (
        parsed(page("".join(f"<p>{p}</p>" for p in PARAGRAPHS), head)).title == "Hà Nội họp khẩn về cây xanh"
    )


def test_a_photo_row_of_a_table_makes_the_row_under_it_a_caption():
    figure = (
        "<table class='image'><tr><td><img src='/a.jpg' alt='cây'></td></tr>"
        "<tr><td>Hàng cây trên phố Nguyễn Chí Thanh trước khi bị chặt - Ảnh: V.D</td></tr></table>"
    )
    body = (
        f"<article><p>{PARAGRAPHS[0]}</p>{figure}"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
        + "</article>"
    )
    document = parsed(page(body))
    caption = [line for line in document.lines if "Nguyễn Chí Thanh" in line.text]
    assert [line.shape for line in caption] == ["caption"]
    records = extract_article(document, "0" * 64, "run")
    assert isinstance(records, ArticleRecords)
    assert any(row["kind"] == "caption" for row in records.segments)


def test_boxes_after_a_closing_byline_are_removed_with_their_reason():
    teasers = "".join(
        f"<div class='box'><img src='/t{n}.jpg'>"
        f"<h4><a href='/t{n}'>Tin khác số {n} về giao thông Hà Nội</a></h4>"
        f"<p>Tóm tắt ngắn của tin khác số {n}.</p></div>"
        for n in range(3)
    )
    body = "<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + f"<p>Dương Lâm</p>{teasers}</article>"
    records = extract_article(parsed(page(body)), "0" * 64, "run")
    assert isinstance(records, ArticleRecords)
    kept = " ".join(str(row["text_vi"]) for row in records.segments)
    assert "Tin khác số" not in kept and "Dương Lâm" not in kept
    reasons = {row["reason"] for row in records.removed}
    assert "byline" in reasons


def test_a_box_heading_in_the_second_half_ends_the_article():
    body = (
        "<article>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "<p>Tin liên quan</p><p>Vụ chặt cây xanh: đình chỉ hàng loạt cán bộ</p></article>"
    )
    document = parsed(page(body))
    shapes = {line.text: line.shape for line in document.lines}
    assert shapes.get("Tin liên quan") == "box heading, and the boxes after it"


def test_a_description_the_text_lacks_becomes_the_lead_and_one_it_holds_does_not():
    sapo = "Sau nhiều phản ánh của người dân, thành phố quyết định thanh tra toàn bộ đề án thay thế cây xanh."
    body = "<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
    lacking = parsed(page(body, f'<meta name="description" content="{sapo}">'))
    assert [line.text for line in lacking.lines if line.field == "lead"] == [sapo]
    holding = parsed(page(body, f'<meta name="description" content="{PARAGRAPHS[0]}">'))
    assert not [line for line in holding.lines if line.field == "lead"]
    blurb = "Báo Mẫu: tin tức 24h, đọc báo online mới nhất về kinh doanh, giải trí, thể thao."
    site_blurb = parsed(page(body, f'<meta name="description" content="{blurb}">'))
    assert not [line for line in site_blurb.lines if line.field == "lead"]


def test_a_published_time_the_page_states_wins_over_the_date_found_elsewhere():
    head = '<meta property="article:published_time" content="2021-03-01T14:53:00+07:00">'
    document = parsed(page("<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>", head))
    assert document.published_hint == "2021-03-01T14:53:00+07:00"


def test_a_caption_the_extraction_left_out_goes_back_after_its_paragraph_and_a_sidebars_stays_out():
    from flows.steps.ingest.html_article import _parse
    from flows.steps.ingest.html_blocks import Block
    from flows.steps.ingest.html_captions import page_captions, with_captions

    html = page(
        f"<article><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
        "<figure><img src='/a.jpg'>"
        "<figcaption>Hàng cây trên phố Nguyễn Chí Thanh (Ảnh: V.D).</figcaption></figure>"
        f"<p>{PARAGRAPHS[2]}</p></article>"
        "<div class='sidebar'>"
        "<p>Quảng cáo: mua nhà giá tốt ở khu đô thị mới phía tây thành phố ngay hôm nay.</p>"
        "<figure><img src='/ad.jpg'><figcaption>Nhà mẫu</figcaption></figure></div>"
    )
    captions = page_captions(_parse(html))
    assert [caption.text for caption in captions] == [
        "Hàng cây trên phố Nguyễn Chí Thanh (Ảnh: V.D).",
        "Nhà mẫu",
    ]
    blocks = [Block(text, "p") for text in PARAGRAPHS[:3]]
    put_back = with_captions(blocks, captions)
    assert [block.text for block in put_back] == [
        PARAGRAPHS[0],
        PARAGRAPHS[1],
        "Hàng cây trên phố Nguyễn Chí Thanh (Ảnh: V.D).",
        PARAGRAPHS[2],
    ]
    assert put_back[2].shape == "caption"
    assert with_captions(put_back, captions) == put_back  # a caption already there is not added twice


def test_a_page_trafilatura_fails_on_still_loads_from_its_own_paragraphs(monkeypatch):
    import trafilatura

    def choke(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", choke)
    document = parsed(page("<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"))
    assert body_texts(document) == PARAGRAPHS
