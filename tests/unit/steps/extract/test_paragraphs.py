from hypothesis import given, settings
from hypothesis import strategies as st

from flows.steps.extract.credits import credit_pieces
from flows.steps.extract.paragraphs import is_syllable, split_paragraphs


def test_a_stop_followed_at_once_by_a_capital_is_a_lost_paragraph_break():
    text = "Buổi họp đã kết thúc.Sau đó đoàn về nước!Mọi người vui vẻ…Hôm sau trời mưa."
    assert split_paragraphs(text) == [
        "Buổi họp đã kết thúc.",
        "Sau đó đoàn về nước!",
        "Mọi người vui vẻ…",
        "Hôm sau trời mưa.",
    ]


def test_a_closing_quote_stays_with_its_paragraph_and_an_opening_one_goes_with_the_next():
    assert split_paragraphs("Ông nói: “Tốt lắm.”Sau đó ông về.") == ["Ông nói: “Tốt lắm.”", "Sau đó ông về."]
    assert split_paragraphs("Trời mưa.“Về thôi”, bà nói.") == ["Trời mưa.", "“Về thôi”, bà nói."]


def test_abbreviations_decimals_domains_and_initials_are_not_paragraph_breaks():
    for text in [
        "Đoàn đến TP.HCM sáng nay.",
        "Lãi suất tăng 3.5 điểm.",
        "Theo vnexpress.net và Zing.vn, giá tăng.",
        "Ban Tổ chức T.Ư họp.",
        "Chợ ở Tp.Hồ Chí Minh và Q.Bình Thạnh đông.",
        "Ông Nguyễn V.Anh phát biểu.",
        "PGS.TS.Nguyễn Văn Hùng nói.",
    ]:
        assert split_paragraphs(text) == [text], text


def test_a_dateline_or_a_credit_run_into_the_next_word_is_cut_off_it():
    assert split_paragraphs("Quảng NgãiTại hiện trường, xe bị lật.") == [
        "Quảng Ngãi",
        "Tại hiện trường, xe bị lật.",
    ]
    assert split_paragraphs("Ảnh: TTXVNNgười dân đổ ra đường.") == ["Ảnh: TTXVN", "Người dân đổ ra đường."]
    assert split_paragraphs("Lâm ĐồngSau cơn mưa, đèo sạt lở.") == ["Lâm Đồng", "Sau cơn mưa, đèo sạt lở."]
    assert split_paragraphs("Khu vực cháy. Ảnh: Minh ThạnhCú va chạm mạnh.")[-1] == "Cú va chạm mạnh."


def test_brand_names_written_in_camel_case_stay_whole():
    for text in [
        "VnExpress và TikTok, YouTube, iPhone, McDonald's cùng báo cáo.",
        "Ví MoMo, VinFast, PayPal và VPBank tăng trưởng.",
        "Đội SaiGon Heat và khách sạn HaNoi Star thắng.",
    ]:
        assert split_paragraphs(text) == [text], text


def test_syllables_are_told_from_english_words():
    assert all(is_syllable(word) for word in ["Huế", "Sau", "Người", "Xe", "Nghiêng", "Quý"])
    assert not any(is_syllable(word) for word in ["Queen", "Express", "Tube", "Tok", "Post", "Mc"])


def test_a_video_credit_is_cut_off_the_sentence_it_runs_into():
    assert credit_pieces("Video: Minh Hà - Quốc Tuấn Khoảng 9h sáng, xe lao xuống.") == [
        "Video: Minh Hà - Quốc Tuấn",
        "Khoảng 9h sáng, xe lao xuống.",
    ]
    assert credit_pieces("Video: Lan Anh Tài xế bị thương nhẹ.") == [
        "Video: Lan Anh",
        "Tài xế bị thương nhẹ.",
    ]


def test_a_photo_credit_is_cut_where_the_next_sentence_opens():
    assert credit_pieces("Ảnh: AFP Ông Biden phát biểu.") == ["Ảnh: AFP", "Ông Biden phát biểu."]
    assert credit_pieces("Ảnh: Reuters Lễ hội kết thúc.") == ["Ảnh: Reuters", "Lễ hội kết thúc."]
    assert credit_pieces("Ảnh: Bộ Quốc phòng Mẫu mới ra mắt.") == ["Ảnh: Bộ Quốc phòng", "Mẫu mới ra mắt."]
    assert credit_pieces("Ảnh: Hải An Theo kế hoạch, cầu thông xe.") == [
        "Ảnh: Hải An",
        "Theo kế hoạch, cầu thông xe.",
    ]


def _non_space(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*list("aAđĐếẾuU .!?…“”TPHCMôÔ3"), "Sau", "Huế", "VN", "Tại"]), max_size=40))
def test_cutting_paragraphs_keeps_every_character_in_order(pieces):
    text = "".join(pieces)
    assert _non_space("".join(split_paragraphs(text))) == _non_space(text)
