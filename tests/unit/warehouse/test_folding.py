"""fold(): what search compares, so "thanh uy ha noi" is "Thành ủy Hà Nội"."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warehouse.folding import MATCH_END, MATCH_START, fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Thành ủy Hà Nội", "thanh uy ha noi"),
        ("THÀNH UỶ HÀ NỘI", "thanh uy ha noi"),
        ("Đinh Tiến Dũng", "dinh tien dung"),
        ("đường", "duong"),
        ("Nguyễn Hồng Nhật", "nguyen hong nhat"),
        ("phòng, chống tham nhũng", "phong, chong tham nhung"),
    ],
)
def test_fold_lowers_strips_marks_and_turns_d_with_stroke_into_d(text, folded):
    assert fold(text) == folded


def test_fold_reads_decomposed_text_as_its_composed_form():
    assert fold(unicodedata.normalize("NFD", "Thành ủy")) == "thanh uy"


def test_fold_never_keeps_the_match_marks_search_puts_in_highlights():
    assert MATCH_START not in fold(f"a{MATCH_START}b{MATCH_END}")


@given(st.text())
def test_fold_keeps_every_character_in_place(text):
    assert len(fold(text)) == len(unicodedata.normalize("NFC", text))


# Every letter Vietnamese writes, with each tone, in both cases (composed, as the warehouse holds them).
VIETNAMESE_LETTERS = sorted(
    {
        composed
        for base in "aăâbcdđeêghiklmnoôơpqrstuưvxy"
        for letter in (base, base.upper())
        for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
        if len(composed := unicodedata.normalize("NFC", letter + tone)) == 1
    }
)


@given(st.lists(st.sampled_from([*VIETNAMESE_LETTERS, " "])).map("".join))
def test_folding_vietnamese_twice_changes_nothing_and_leaves_no_mark(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert not any(unicodedata.combining(char) for char in folded)
    assert "đ" not in folded
