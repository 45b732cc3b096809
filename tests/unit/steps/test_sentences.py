import pytest

from flows.steps.sentences import split_sentences


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # The chat-style input that crashed Stanza and made Argos withdraw Vietnamese (#216).
        ("thuc luc di em trai <@!12345>", ["thuc luc di em trai <@!12345>"]),
        (
            "Ban Chấp hành T.Ư Đảng khóa XIII họp. Ông A phát biểu.",
            ["Ban Chấp hành T.Ư Đảng khóa XIII họp.", "Ông A phát biểu."],
        ),
        (
            "Tại TP.HCM, TS. Nguyễn Văn Bình ở Q.1 cho biết giá tăng 3,5%. Đường dài 1.892km.",
            ["Tại TP.HCM, TS. Nguyễn Văn Bình ở Q.1 cho biết giá tăng 3,5%.", "Đường dài 1.892km."],
        ),
        (
            "Sáng 13/7, Thành ủy họp. Giai đoạn 2021- 2025 đã qua.",
            ["Sáng 13/7, Thành ủy họp.", "Giai đoạn 2021- 2025 đã qua."],
        ),
        ('Ông nói: "Tôi đi. Anh ở lại." Sau đó ông về.', ['Ông nói: "Tôi đi. Anh ở lại."', "Sau đó ông về."]),
        (
            "Theo CXA (xem Tr. 3). Vụ việc “rất lớn. Rất nghiêm trọng” - ông nói. Xong!",
            ["Theo CXA (xem Tr. 3).", "Vụ việc “rất lớn. Rất nghiêm trọng” - ông nói.", "Xong!"],
        ),
        ("Thật sao? Vâng… 15 người đã đến.", ["Thật sao?", "Vâng…", "15 người đã đến."]),
        ("", []),
    ],
)
def test_paragraphs_split_into_sentences(paragraph, expected):
    assert split_sentences(paragraph) == expected


def test_an_unclosed_quote_does_not_swallow_the_rest_of_the_paragraph():
    assert split_sentences('Ông nói "không. Rồi ông đi.') == ['Ông nói "không.', "Rồi ông đi."]
