"""Chrome told by shape and place alone (issue 18, round 7), each beside body text of its look that stays.

All text here is invented.
"""

from dataclasses import replace

from flows.steps.extract.closing_chrome import glued_joins, is_glued_labels, is_link_label, is_own_site_tags
from flows.steps.extract.furniture import line_furniture
from flows.steps.extract.segments import build_segments
from flows.steps.ingest.formats import SourceDocument, parse_document
from tests.support.news_records import news_record

LINKS = "menu or list of links"
TAGS = "tags"
FOOTER = "site footer"


def _page(content: str, link: str = "https://baomau.vn/tin-1.html") -> SourceDocument:
    text = f"Title: Tin mẫu\nSource: Báo Mẫu\nLink: {link}\nContent: {content}\n"
    [document] = parse_document("p.txt", text)
    assert isinstance(document, SourceDocument)
    return document


def _kept(document: SourceDocument) -> list[str]:
    return [segment.text for segment in build_segments(document).segments if segment.kind != "title"]


def _removed(document: SourceDocument) -> list[tuple[str, str]]:
    return [(row.text, row.reason) for row in build_segments(document).removed]


BODY = "Chợ hoa mở cửa từ sáng sớm. Người dân đến mua cây cảnh đông hơn mọi năm."


def test_a_widgets_labels_glued_into_one_run_leave_the_text():
    labels = "Kỹ sư phần mềmNhà thơGiảng viên cao cấpBác sĩ nội khoaLuật sưChuyên gia ẩm thực"
    assert glued_joins(labels) == 5
    assert (labels, LINKS) in _removed(_page(f"{BODY} {labels}"))
    assert _kept(_page(f"{BODY} {labels}"))[-1] == "Người dân đến mua cây cảnh đông hơn mọi năm."


def test_a_flattened_pages_glued_dateline_and_latin_brands_stay_as_text():
    # one glue after a dateline, and joins inside Latin brands, are a sentence's
    sentence = "Quảng NamÔng Trần Văn Bình dùng VnExpress, YouTube và TikTok để bán hàng cho người dân."
    assert not is_glued_labels(sentence)
    assert "Ông Trần Văn Bình dùng VnExpress, YouTube và TikTok để bán hàng cho người dân." in " ".join(
        _kept(_page(f"{BODY} {sentence}"))
    )
    # four glued joins with a sentence's stop inside: text the page ran together, not a widget
    assert not is_glued_labels("Bà BìnhÔng AnCô LanChú TưDì Năm đều đến. Họ ngồi chờ.")
    # joins inside Latin brands do not count, even in a caption without a stop
    assert not is_glued_labels("Quảng NamÔng Bình bán hàng qua VnExpress, YouTube, TikTok và WhatsApp")


def test_the_sites_own_brands_opening_the_last_piece_are_its_tags():
    tags = "VMN VMNworld VMN5 đội cứu hộ Phái đoàn Nam Phi"
    page = _page(f"{BODY} {tags}", link="https://vmnworld.vn/vi-VN/tin-1.vmn")
    assert (tags, TAGS) in _removed(page)
    assert is_own_site_tags(tags, "https://vmnworld.vn/x")


def test_one_brand_of_the_site_or_another_sites_brands_or_a_stop_keep_the_last_piece():
    link = "https://vmnworld.vn/tin-1.vmn"
    # a caption-like closing line naming the site's event once stays
    assert not is_own_site_tags("VMNworld Marathon 2024 tại Hà Nội", link)
    event = "VMNworld Marathon 2024 tại Hà Nội"
    assert event in _kept(_page(f"{BODY} {event}", link))
    # a photo's caption naming the site's brands stays a caption
    caption = "VMN, VMNworld đón khách tại gian hàng"
    record = news_record("Chợ hoa mở cửa từ sáng sớm.", caption, "Ảnh: Trần An")
    assert caption in _kept(replace(record, url=link))
    # the same run on another site's page, or ending on a stop, is a sentence
    assert not is_own_site_tags("VMN VMNworld VMN5 đội cứu hộ", "https://baomau.vn/x")
    assert not is_own_site_tags("VMN VMNworld VMN5 đưa tin về đội cứu hộ.", link)


def test_a_links_label_left_last_leaves_the_text_and_an_english_quote_stays():
    assert ("Source link", LINKS) in _removed(_page(f"{BODY} Source link"))
    assert is_link_label("Read source")
    assert not is_link_label("Thank you so much")
    assert _kept(_page(f"{BODY} Thank you so much"))[-1] == "Thank you so much"
    # the label not last is no closing label: nothing is taken from the middle of a page
    assert "Source link" in _kept(_page("Chợ hoa mở cửa. Source link\nNgười dân đến mua cây cảnh."))


def test_a_copyright_line_by_its_word_and_year_or_a_registered_mark_is_a_footer():
    assert line_furniture("Copyright 1997 Báo Mẫu") == FOOTER
    assert line_furniture("Xem hướng dẫn Mua rẻ Báo Mẫu Copyright") == FOOTER
    assert line_furniture("® Báo Mẫu giữ bản quyền nội dung trên website này") == FOOTER
    # a story about copyright, or a brand's registered mark, stays
    assert line_furniture("Luật copyright của Mỹ bảo vệ tác phẩm trong 70 năm sau khi tác giả mất.") is None
    assert line_furniture("Hãng bán sản phẩm Mẫu® giữ bản quyền thiết kế trong 20 năm.") is None


LICENCE = "Giấy phép số 123/GP-BTTTT do Bộ Thông tin cấp."


def test_the_outlets_contact_block_over_its_footer_goes_with_the_footer():
    block = "TRỤ SỞ HÀ NỘI Tầng 3, 12 phố Mẫu, Quận Mẫu Điện thoại: (84-24) 1234 5678 Fax: 024 1234 5679"
    page = _page(f"{BODY} {block} {LICENCE}")
    assert _kept(page)[-1] == "Người dân đến mua cây cảnh đông hơn mọi năm."
    assert (f"{block} {LICENCE}", FOOTER) in _removed(page)
    labelled = "Địa chỉ: Tầng 3, 12 phố Mẫu. Điện thoại: 024 1234 5678 | Fax: 024 1234 5679"
    assert _kept(_page(f"{BODY} {labelled} {LICENCE}"))[-1] == "Người dân đến mua cây cảnh đông hơn mọi năm."


def test_an_address_or_one_hotline_in_the_storys_last_sentences_stays_before_the_footer():
    prose = "Trụ sở Hội Chữ thập đỏ ở số 12 phố Mẫu, điện thoại 024 1234 5678, fax 024 1234 5679."
    assert prose in _kept(_page(f"{BODY} {prose} {LICENCE}"))
    one_kind = "Địa chỉ: số 12 phố Mẫu, Điện thoại: 0912 345 678 (anh Bình)."
    assert one_kind in _kept(_page(f"{BODY} {one_kind} {LICENCE}"))


def test_a_storys_own_address_above_the_outlets_contact_block_stays():
    story = "Địa chỉ: quán Mẫu, 12 phố Mẫu. Quán mở cửa từ 8h đến 22h hằng ngày, giá mỗi bát từ 40.000 đồng."
    block = "TRỤ SỞ HÀ NỘI Tầng 3, 12 phố Mẫu Điện thoại: (84-24) 1234 5678 Fax: 024 1234 5679"
    page = _page(f"{BODY} {story} {block} {LICENCE}")
    assert "Quán mở cửa từ 8h đến 22h hằng ngày, giá mỗi bát từ 40.000 đồng." in _kept(page)
    assert (f"{block} {LICENCE}", FOOTER) in _removed(page)


def test_a_story_citing_a_copyright_act_and_its_year_keeps_its_sentences():
    story = (
        "Theo Đạo luật Copyright 1976 của Mỹ, tác phẩm được bảo hộ suốt đời tác giả cộng 70 năm. "
        "Bà Lan cho biết sẽ kiện đến cùng. Phiên tòa dự kiến mở vào tháng sau."
    )
    long_body = " ".join([BODY] * 30)  # the citation far from the page's end, as in a long story
    kept = _kept(_page(f"{story} {long_body} {LICENCE}"))
    assert "Bà Lan cho biết sẽ kiện đến cùng." in kept and "Phiên tòa dự kiến mở vào tháng sau." in kept
    assert line_furniture(story) is None  # a long line is no copyright notice
    assert line_furniture("Copyright 2024 Báo Mẫu") == FOOTER


def test_a_byline_or_a_sentence_opening_with_the_start_of_the_sites_name_is_no_tag_list():
    link = "https://thanhmau.vn/tin-1.html"  # a host that opens with a common word
    assert not is_own_site_tags("Thanh Thảo, Thanh Hà", link)
    record = replace(news_record(BODY, "Người dân đến mua cây cảnh.", "Thanh Thảo, Thanh Hà"), url=link)
    assert build_segments(record).authors == ("Thanh Thảo", "Thanh Hà")
    assert not is_own_site_tags("Kinh tế kinh doanh phục hồi mạnh trong quý ba", "https://kinhmau.vn/x")


def test_glued_words_inside_a_quote_ending_on_its_stop_are_a_sentence():
    quote = "Ông Bình nói: “Con ơiĐừng buồnMẹ vẫn ở đâyCon hãy sốngThật tốt nhé.”"
    assert not is_glued_labels(quote)
    assert quote in _kept(_page(f"{BODY} {quote}"))
