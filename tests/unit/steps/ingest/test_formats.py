import json

import pytest

from flows.steps.ingest.formats import RecordProblem, UnknownShape, parse_document

SCRAPED = """Title: Chợ cá lóc lớn nhất TPHCM
Source: Báo điện tử Tiền Phong
Link: https://tienphong.vn/cho-ca-loc-post1612968.tpo
Published Date: N/A
Author: {blank}
Tags: chợ, TPHCM
Summary: Trước ngày vía Thần Tài ...
Content: Rạng sáng ngày 18/2, hàng chục xe tải đổ về chợ. © Bản quyền thuộc báo điện tử Tiền Phong
""".format(blank="")  # scrapers leave "Author: " with a trailing space


def test_plain_text_takes_its_first_line_as_title_and_keeps_file_line_numbers(seed_text):
    [document] = parse_document("seeds/seed.txt", seed_text)
    assert document.source_format == "plain_text"
    assert document.title == "Hà Nội thí điểm người đứng đầu lựa chọn bổ nhiệm cấp phó của mình"
    assert [line.line_no for line in document.lines[:3]] == [1, 3, 4]


def test_scraped_page_reads_its_header_and_flattened_content():
    [document] = parse_document("page.txt", SCRAPED)
    assert document.source_format == "scraped_page"
    assert document.flattened
    assert document.url == "https://tienphong.vn/cho-ca-loc-post1612968.tpo"
    assert document.outlet_hint == "Báo điện tử Tiền Phong"
    assert document.published_hint is None  # "N/A" is no date
    assert document.lines[-1].text.startswith(" Rạng sáng ngày 18/2")


def test_news_please_record_gives_title_description_body_and_metadata():
    record = {
        "title": "Tung tin &#39;Mr Bean&#39; qua đời",
        "description": "Mô tả.",
        "text": "Đoạn một.\n\nĐoạn hai.",
        "date_publish": "2018-12-01 11:08:14",
        "url": "https://vnexpress.net/a.html",
        "source_domain": "vnexpress.net",
    }
    [document] = parse_document("a.json", json.dumps(record))
    assert document.source_format == "news_please_json"
    assert document.title == "Tung tin 'Mr Bean' qua đời"
    assert [(line.field, line.text) for line in document.lines] == [
        ("title", "Tung tin 'Mr Bean' qua đời"),
        ("lead", "Mô tả."),
        ("body", "Đoạn một."),
        ("body", "Đoạn hai."),
    ]
    assert document.published_hint == "2018-12-01 11:08:14"


def test_crawler_array_gives_one_document_per_record():
    records = [{"title": f"Tin {n}", "content": "Nội dung.", "author": "A"} for n in range(3)]
    documents = parse_document("crawl.json", json.dumps(records, ensure_ascii=False))
    assert [d.source_path for d in documents] == ["crawl.json#0", "crawl.json#1", "crawl.json#2"]
    assert {d.source_format for d in documents} == {"crawler_json"}


def test_json_of_unknown_shape_names_its_keys_and_the_shapes_expected():
    with pytest.raises(UnknownShape, match=r"unknown shape \(keys: id, name\).*news-please"):
        parse_document("x.json", '{"id": 1, "name": "x"}')


def test_truncated_json_says_where_it_breaks():
    with pytest.raises(UnknownShape, match=r"invalid JSON at line 1, column \d+"):
        parse_document("x.json", '{"title": "Tin", "text": "Nội')


def test_a_text_article_whose_title_opens_with_a_bracket_stays_text():
    [document] = parse_document("v.txt", "[Video] Giá xăng tăng\nSáng 13/7, giá xăng tăng 5%.\n")
    assert document.source_format == "plain_text"
    assert document.title == "[Video] Giá xăng tăng"


def test_a_bad_record_in_an_array_is_a_problem_of_that_record_only():
    records = [{"title": "Tin", "content": "Nội dung có 5 người."}, None, {"id": 3}]
    first, second, third = parse_document("crawl.json", json.dumps(records, ensure_ascii=False))
    assert first.source_format == "crawler_json"
    assert second == RecordProblem("crawl.json#1", "JSON record is null, expected an object")
    assert third.source_path == "crawl.json#2" and "unknown shape" in third.message


def test_paragraph_lists_and_numbers_in_json_fields_are_read_as_text():
    record = {"title": 2024, "content": ["Đoạn một.", "Đoạn hai."]}
    [document] = parse_document("c.json", json.dumps(record, ensure_ascii=False))
    assert [(line.field, line.text) for line in document.lines] == [
        ("title", "2024"),
        ("body", "Đoạn một."),
        ("body", "Đoạn hai."),
    ]


def test_an_invisible_first_line_is_not_taken_for_the_title():
    [document] = parse_document("z.txt", "\u200b\nTiêu đề thật\nNội dung.\n")
    assert document.title == "Tiêu đề thật"


def test_truncated_json_says_the_file_was_cut_off():
    for cut in ('{"title": "Tin", "text": "Nội', '[{"title": "Tin", "text": "Nội dung"}, '):
        with pytest.raises(UnknownShape, match="the file ends before the JSON does"):
            parse_document("x.json", cut)


def test_json_broken_in_the_middle_is_not_called_cut_off():
    with pytest.raises(UnknownShape, match=r"Expecting ':' delimiter$"):
        parse_document("x.json", '{"title" "Tin", "text": "Nội dung"}')


HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Giá xăng tăng - VnExpress</title>
<meta property="og:title" content="Giá xăng tăng mạnh từ chiều nay">
<meta property="og:site_name" content="VnExpress">
<meta property="og:url" content="https://vnexpress.net/gia-xang-tang-123.html">
<meta property="article:published_time" content="2022-07-13T15:00:00+07:00">
<meta name="description" content="Giá xăng tăng 5% từ 15h chiều nay.">
<script>var p = "<p>không phải bài</p>";</script>
</head><body>
<nav><p>Trang chủ · Thời sự · Kinh doanh</p></nav>
<article>
<h1>Giá xăng tăng mạnh</h1>
<p>Giá xăng tăng 5% từ 15h chiều nay.</p>
<p>Liên Bộ Công Thương &amp; Tài chính điều chỉnh giá<br>sau kỳ họp.
<p>Người dân đổ xăng trước giờ tăng giá.</p>
</article>
<aside><p>Tin liên quan: giá vàng giảm</p></aside>
<footer><p>© VnExpress</p></footer>
</body></html>
"""


def test_an_html_page_gives_its_article_without_navigation_scripts_or_footer():
    [document] = parse_document("gia-xang.txt", HTML_PAGE)
    assert document.source_format == "html_page"
    assert document.title == "Giá xăng tăng mạnh từ chiều nay"
    assert [line.text for line in document.lines if line.field == "body"] == [
        "Giá xăng tăng 5% từ 15h chiều nay.",
        "Liên Bộ Công Thương & Tài chính điều chỉnh giá sau kỳ họp.",
        "Người dân đổ xăng trước giờ tăng giá.",
    ]
    assert not any(line.field == "lead" for line in document.lines)  # the description repeats paragraph 1
    assert document.url == "https://vnexpress.net/gia-xang-tang-123.html"
    assert (document.outlet_hint, document.published_hint) == ("VnExpress", "2022-07-13T15:00:00+07:00")


def test_an_html_page_without_article_markup_falls_back_to_h1_and_every_paragraph():
    page = "<html><body><h1>Tin mới</h1><div><p>Đoạn một.</p><p>Đoạn hai.</p></div></body></html>"
    [document] = parse_document("tin.html", page)
    assert document.title == "Tin mới"
    assert [line.text for line in document.lines if line.field == "body"] == ["Đoạn một.", "Đoạn hai."]


def test_an_html_page_with_no_title_or_paragraph_is_refused_saying_so():
    with pytest.raises(UnknownShape, match="HTML page without a title"):
        parse_document("x.html", "<html><body><div>menu</div><script>x()</script></body></html>")


def test_an_html_page_cut_off_mid_paragraph_keeps_what_it_has():
    [document] = parse_document("cut.html", "<html><body><h1>Tin</h1><p>Đoạn một.</p><p>Đoạn hai bị cắt")
    assert [line.text for line in document.lines if line.field == "body"] == ["Đoạn một.", "Đoạn hai bị cắt"]


def test_json_nested_thousands_of_levels_deep_is_rejected_as_too_deep():
    with pytest.raises(UnknownShape, match="nested too deeply"):
        parse_document("deep.json", "[" * 100_000 + "]" * 100_000)


def test_a_number_too_long_for_python_is_kept_as_digits_and_does_not_fail_the_record():
    digits = "9" * 10_000
    [document] = parse_document("n.json", f'{{"title": "Tin", "text": "Nội dung.", "id": {digits}}}')
    assert document.title == "Tin"
    with pytest.raises(UnknownShape, match="JSON record is a number"):
        parse_document("n.json", digits)


def test_a_lone_surrogate_in_a_json_string_becomes_a_replacement_character():
    [document] = parse_document(
        "s.json", '{"title": "Tin \\ud83d", "text": "\\udc00Nội dung \\ud83d\\ude00."}'
    )
    assert document.title == "Tin \ufffd"
    assert document.lines[1].text == "\ufffdNội dung \U0001f600."  # a whole pair stays the emoji
