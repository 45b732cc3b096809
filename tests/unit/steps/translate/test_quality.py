import pandas as pd
import pandera.errors
import pytest

from flows.steps.text.glossary import load_glossary
from flows.steps.translate.protect import Protector
from flows.steps.translate.quality import quality_flags
from schemas.segments import TranslatedSegmentsSchema

PROTECTOR = Protector(load_glossary(), {"Đinh Tiến Dũng": "Dinh Tien Dung"})


def flags(vietnamese: str, english: str) -> str:
    return quality_flags(vietnamese, english, PROTECTOR.spans(vietnamese), PROTECTOR)


def test_a_faithful_translation_has_no_flags():
    assert (
        flags(
            "Sáng 15/6, ông Đinh Tiến Dũng cho biết tuyến đường dài 1.892km, "
            "tăng 3,5% so với giai đoạn 2021- 2025.",
            "On the morning of June 15, Mr. Dinh Tien Dung said the 1,892 km road was up 3.5% on 2021-2025.",
        )
        == ""
    )


@pytest.mark.parametrize(
    ("english", "missing"),
    [
        ("The road is 1,892 km long, up 3.5% since June.", "15/6"),  # the day is gone
        ("On June 15 the road was up 3.5%.", "1.892"),
        ("On 15 June the 1892 km road rose.", "3,5"),
    ],
)
def test_a_dropped_number_or_date_is_flagged(english, missing):
    flagged = flags("Ngày 15/6, tuyến đường dài 1.892km tăng 3,5%.", english)
    assert flagged.startswith("number_missing: ") and missing in flagged


def test_numbers_moved_to_another_scale_or_written_as_words_are_not_flagged():
    assert flags("Dự án 1.500 tỷ đồng có 2 giai đoạn.", "The 1.5 trillion dong project has two phases.") == ""


def test_a_protected_name_or_term_missing_from_the_english_is_flagged():
    flagged = flags("Ông Đinh Tiến Dũng bị cảnh cáo.", "He was praised.")
    assert "name_missing: Đinh Tiến Dũng, cảnh cáo" in flagged


def test_vietnamese_left_in_the_english_is_flagged():
    assert flags("Hội nghị diễn ra ở Hà Nội.", "The conference took place ở Hà Nội của.").startswith(
        "vietnamese_left: "
    )


def test_a_name_kept_in_vietnamese_style_is_not_taken_for_untranslated_text():
    protector = Protector(load_glossary(), {"Đinh Tiến Dũng": "Đinh Tiến Dũng"})
    vietnamese = "Ông Đinh Tiến Dũng phát biểu tại hội nghị."
    english = "Mr. Đinh Tiến Dũng spoke at the conference."
    assert quality_flags(vietnamese, english, protector.spans(vietnamese), protector) == ""


def test_a_repetition_loop_is_flagged():
    flagged = flags(
        "Hội nghị đã bàn về kế hoạch năm tới.", "The conference discussed the plan the plan the plan."
    )
    assert flagged == "repetition: the plan"


def test_english_far_shorter_than_its_source_is_flagged():
    flagged = flags("Hội nghị đã bàn về kế hoạch phát triển kinh tế xã hội năm tới.", "Meeting.")
    assert flagged.startswith("length_ratio: 0.")


def test_the_translated_segments_schema_accepts_known_flags_and_refuses_others():
    frame = pd.DataFrame(
        {
            "article_id": ["a", "a"],
            "seq": [1, 2],
            "kind": ["title", "paragraph"],
            "paragraph_no": [0, 1],
            "sentence_no": [1, 1],
            "text_vi": ["Tiêu đề", "Câu."],
            "text_en": ["Title", "Sentence."],
            "translation_model": ["m@1", "m@1"],
            "quality_flags": ["", "number_missing: 15/6; repetition: the plan"],
        }
    )
    TranslatedSegmentsSchema.validate(frame)
    frame.loc[1, "quality_flags"] = "looks_odd: yes"
    with pytest.raises(pandera.errors.SchemaError, match="known_quality_flags"):
        TranslatedSegmentsSchema.validate(frame)


def test_month_years_hours_and_millions_rewritten_the_english_way_are_not_flagged():
    assert (
        flags(
            "Trong tháng 7/2025, lúc 20h, có 5 triệu người.",
            "In July 2025, at 8 p.m., there were 5,000,000 people.",
        )
        == ""
    )


def test_ordinals_and_weekdays_carry_their_numbers():
    assert flags("Quý 2, thứ 2 tuần sau họp.", "The second quarter meeting is next Monday.") == ""
    assert flags("Quý 3 họp.", "The second quarter meeting.") == "number_missing: 3"


def test_flag_details_never_break_the_flag_list_apart():
    flagged = flags("Hội nghị ở Hà Nội và Đà Nẵng diễn ra.", "The meeting in Hà Nội; then to Đà Nẵng.")
    assert flagged == "vietnamese_left: Nội, Đà, Nẵng"
    frame = pd.DataFrame(
        {
            "article_id": ["a"],
            "seq": [1],
            "kind": ["title"],
            "paragraph_no": [0],
            "sentence_no": [1],
            "text_vi": ["Tiêu đề"],
            "text_en": ["Title"],
            "translation_model": ["m@1"],
            "quality_flags": [flagged],
        }
    )
    TranslatedSegmentsSchema.validate(frame)


def test_a_number_written_in_groups_is_not_a_loop_but_a_word_looping_after_it_is():
    vietnamese = "Dự án trị giá 1 000 000 000 000 đồng."
    assert "repetition" not in flags(vietnamese, "The project is worth 1 000 000 000 000 dong.")
    looping = flags(vietnamese, "The project is worth 1 000 000 000 000 dong dong dong dong.")
    assert "repetition: dong" in looping
