import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.steps.extract.sentences import MAX_SENTENCE_CHARS, _depth_at, _depths, split_sentences


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
        (
            "Chủ tịch UBND TP. Hà Nội Trần Sỹ Thanh đã ký. Sau đó ông về.",
            ["Chủ tịch UBND TP. Hà Nội Trần Sỹ Thanh đã ký.", "Sau đó ông về."],
        ),
        (
            "PGS.TS Nguyễn Văn A (ĐH Bách khoa) cho biết: giá tăng 3,5%. ThS. Lê Văn B và Q. Ba Đình họp.",
            [
                "PGS.TS Nguyễn Văn A (ĐH Bách khoa) cho biết: giá tăng 3,5%.",
                "ThS. Lê Văn B và Q. Ba Đình họp.",
            ],
        ),
        ("Ông nói (vào ngày 13/7). Sau đó đi.", ["Ông nói (vào ngày 13/7).", "Sau đó đi."]),
        (
            "thuc luc di em trai <@!12345>. Ok <@!999> :) ",
            ["thuc luc di em trai <@!12345>.", "Ok <@!999> :)"],
        ),
        ("", []),
    ],
)
def test_paragraphs_split_into_sentences(paragraph, expected):
    assert split_sentences(paragraph) == expected


def test_an_unclosed_quote_does_not_swallow_the_rest_of_the_paragraph():
    assert split_sentences('Ông nói "không. Rồi ông đi.') == ['Ông nói "không.', "Rồi ông đi."]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
def test_splitting_never_crashes_and_loses_no_character(paragraph):
    sentences = split_sentences(paragraph)
    assert "".join("".join(sentences).split()) == "".join(paragraph.split())


def depth_after_each_character(text: str) -> list[int]:
    """Count the nesting depth character by character: what `_depth_at` must agree with."""
    depth, straight_open, depths = 0, False, []
    for char in text:
        if char in "([“«":
            depth += 1
        elif char in ")]”»" and depth > 0:
            depth -= 1
        elif char == '"':
            depth += -1 if straight_open else 1
            straight_open = not straight_open
        depths.append(depth)
    return depths if depth == 0 else [0] * len(text)


@given(st.text(st.sampled_from(list('ab .()[]“”«»"'))))
def test_nesting_depth_from_the_brackets_alone_matches_a_count_over_every_character(text):
    changes = _depths(text)
    assert [_depth_at(changes, index) for index in range(len(text))] == depth_after_each_character(text)


def test_a_run_on_sentence_is_cut_at_spaces_into_pieces_no_longer_than_the_limit():
    paragraph = "Hà Nội đã họp " * 1000
    sentences = split_sentences(paragraph)
    assert len(sentences) > 1 and max(map(len, sentences)) <= MAX_SENTENCE_CHARS
    assert " ".join(sentences) == paragraph.strip()  # cut at spaces: no word is split


def test_a_word_longer_than_the_limit_is_cut_at_the_limit():
    sentences = split_sentences("a" * (2 * MAX_SENTENCE_CHARS + 5))
    assert [len(s) for s in sentences] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]
