import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from flows.steps.ingest.normalize import (
    _place_tone_traditionally,
    normalize_line,
    normalize_text,
    normalize_tone_marks,
)


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


def every_syllable_rewritten(text: str) -> str:
    """Apply the tone rule to every syllable: what normalize_tone_marks must equal."""
    return re.compile(r"[^\W\d_]+").sub(lambda match: _place_tone_traditionally(match.group(0)), text)


# Pieces that make syllables ending in oa/oe/uy, a tone on either vowel or none, in either case.
TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
PAIRS = [a + t1 + b + t2 for a, b in ["oa", "oe", "uy", "OA", "Oe", "uY"] for t1 in TONES for t2 in TONES]
SYLLABLES = st.builds(
    str.__add__, st.sampled_from(["", "h", "q", "Th", "ng"]), st.sampled_from([*PAIRS, "ô", "ờ", "a"])
)


@given(st.lists(SYLLABLES, max_size=8).map(" ".join) | st.text())
def test_only_looking_at_oa_oe_uy_syllables_changes_nothing(text):
    text = unicodedata.normalize("NFC", text)
    assert normalize_tone_marks(text) == every_syllable_rewritten(text)


@given(st.text(st.sampled_from([*"a b\t", "\u00a0", "\u2003", "\u3000", "\u200b", "\ufeff"])))
def test_every_run_of_white_space_becomes_one_space_and_invisible_characters_go(text):
    expected = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", re.sub("[\u200b\ufeff]", "", text))
    assert normalize_line(text) == expected.strip()
