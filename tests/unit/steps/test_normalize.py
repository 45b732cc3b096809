import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from flows.steps.normalize import normalize_line, normalize_text, normalize_tone_marks


def test_both_tone_conventions_of_the_seed_become_one():
    assert normalize_line("Thành uỷ Hà Nội") == normalize_line("Thành ủy Hà Nội") == "Thành ủy Hà Nội"


def test_oa_oe_take_the_tone_on_the_first_vowel():
    assert normalize_tone_marks("hoà bình, khoẻ, cúc hoạ mi") == "hòa bình, khỏe, cúc họa mi"


def test_qu_keeps_the_tone_on_y_and_closed_syllables_are_untouched():
    assert normalize_tone_marks("quý, quỷ, hoàng, uyển, thuở") == "quý, quỷ, hoàng, uyển, thuở"


def test_capitals_keep_their_case():
    assert normalize_tone_marks("THÀNH UỶ") == "THÀNH ỦY"


def test_decomposed_text_is_composed():
    decomposed = unicodedata.normalize("NFD", "Đinh Tiến Dũng")
    assert normalize_line(decomposed) == "Đinh Tiến Dũng"


def test_invisible_characters_and_odd_spaces_are_removed():
    assert normalize_line("Hà\u200b Nội\u00a0\u00a0mới\ufeff ") == "Hà Nội mới"


def test_line_structure_is_kept():
    assert normalize_text("một\r\nhai\rba") == "một\nhai\nba"


@given(st.text())
def test_normalising_any_text_gives_nfc_and_is_idempotent(text):
    once = normalize_text(text)
    assert unicodedata.is_normalized("NFC", once)
    assert normalize_text(once) == once


@given(st.text())
def test_normalising_keeps_every_letter_apart_from_tone_position(text):
    def skeleton(value: str) -> str:
        decomposed = unicodedata.normalize("NFD", value)
        return "".join(
            sorted(
                ch
                for ch in decomposed
                if not ch.isspace() and ch.isprintable() and ch not in "\u200b\u200c\u200d\u2060\ufeff\u00ad"
            )
        )

    assert skeleton(normalize_text(text)) == skeleton(text)
