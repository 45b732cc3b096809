"""People, roles and organisations as Vietnamese news writes them (sentences written for these tests)."""

import json

from flows.steps.extract.article import _mention_rows
from flows.steps.extract.entities import find_mentions
from flows.steps.extract.org_groups import expand, group_names


def people(*sentences):
    mentions = find_mentions(list(enumerate(sentences, 1)))
    return {(m.name, m.role) for m in mentions if m.kind == "person"}


def names(kind, *sentences):
    return {m.name for m in find_mentions(list(enumerate(sentences, 1))) if m.kind == kind}


def test_a_given_name_after_an_honorific_is_a_person():
    assert ("Thu Hằng", None) in people("Chị Thu Hằng bán rau ở chợ này đã mười năm.")
    assert ("Lan", "môi giới") in people("Theo lời một môi giới tên Lan, giá nhà tăng mạnh.")


def test_a_short_name_after_the_full_name_is_the_same_person():
    found = people(
        "Ông Trần Văn Bình, Giám đốc Sở Y tế tỉnh Bắc Ninh, cho biết dịch đã được kiểm soát.",
        "Theo ông Bình, ngành y tế đã chuẩn bị đủ thuốc.",
    )
    assert {name for name, _ in found} == {"Trần Văn Bình"}
    assert ("Trần Văn Bình", "Giám đốc Sở Y tế tỉnh Bắc Ninh") in found


def test_a_foreign_name_after_a_title_and_its_surname_later_are_one_person():
    found = people(
        "Tổng thống Pháp Emmanuel Macron đến Hà Nội chiều nay.",
        "Ông Macron sẽ gặp lãnh đạo các doanh nghiệp.",
    )
    assert {name for name, _ in found} == {"Emmanuel Macron"}
    assert ("Emmanuel Macron", "Tổng thống Pháp") in found


def test_a_foreign_name_that_speaks_is_a_person_but_a_latin_body_is_not():
    assert {n for n, _ in people("Jane Goodall cho biết bà sẽ trở lại vào năm sau.")} == {"Jane Goodall"}
    assert people("Theo Reuters và Saxo Bank, giá dầu giảm mạnh trong tuần.") == set()


def test_a_street_a_school_and_a_credit_named_after_a_person_are_no_people():
    found = people(
        "Cửa hàng nằm trên đường Trần Hưng Đạo, gần Trường THPT Lê Quý Đôn.",
        "Ngôi nhà số 45 Phạm Ngọc Thạch đã được sửa lại. Ảnh: Hoàng Minh Tuấn",
    )
    assert found == set()


def test_a_name_never_swallows_the_first_word_of_the_next_sentence():
    assert {n for n, _ in people("Ảnh: Lê Thanh Ông Nguyễn Văn Sơn, Chủ tịch xã, đến hiện trường.")} == {
        "Nguyễn Văn Sơn"
    }


def test_the_role_nearest_the_name_is_kept_with_its_modifier():
    found = people(
        "Thủ tướng, Phó Thủ tướng Lê Minh Khải dự hội nghị.",
        "Bị can Phan Văn Tú, nguyên giám đốc công ty, bị bắt.",
    )
    assert ("Lê Minh Khải", "Phó Thủ tướng") in found
    assert ("Phan Văn Tú", "Bị can; nguyên giám đốc công ty") in found


def test_two_roles_joined_by_va_la_are_both_kept():
    found = people("Ông Lý Quang Huy, người sáng lập và là chủ tịch của Công ty Sao Mai, đã từ chức.")
    assert ("Lý Quang Huy", "người sáng lập; chủ tịch của Công ty Sao Mai") in found


def test_a_role_in_brackets_after_a_name():
    found = people("Cơ quan điều tra đã làm việc với Đặng Văn Lâm (Giám đốc Công ty TNHH Hòa Phát Xanh).")
    assert ("Đặng Văn Lâm", "Giám đốc Công ty TNHH Hòa Phát Xanh") in found


def test_a_long_official_name_runs_over_its_lower_case_words():
    found = names(
        "organization", "Sở Tài nguyên và Môi trường tỉnh Lâm Đồng vừa kiểm tra Cục Cảnh sát giao thông."
    )
    assert {"Sở Tài nguyên và Môi trường tỉnh Lâm Đồng", "Cục Cảnh sát giao thông"} <= found


def test_a_name_stops_before_the_verb_after_it():
    found = names(
        "organization", "Công ty Minh Phát tổ chức xe đưa công nhân về quê, Bộ Công an đang điều tra."
    )
    assert found == {"Công ty Minh Phát", "Bộ Công an"}


def test_acronyms_outlets_and_latin_script_bodies_are_organisations():
    found = names(
        "organization",
        "Theo Tổ chức Y tế Thế giới (WHO) và hãng Boeing, báo Tuổi Trẻ Online đưa tin trên trang Zing.vn.",
    )
    assert {"Tổ chức Y tế Thế giới", "WHO", "Boeing", "Tuổi Trẻ Online", "Zing.vn"} <= found


def test_the_ways_an_article_writes_one_body_are_grouped_under_its_fullest_name():
    groups = group_names(["UBND TP Hà Nội", "Ủy ban nhân dân thành phố Hà Nội", "UBND TP", "Sở Y tế"])
    assert groups["UBND TP Hà Nội"] == groups["UBND TP"] == groups["Ủy ban nhân dân thành phố Hà Nội"]
    assert groups["Sở Y tế"] == "Sở Y tế"
    assert expand("UBND TP Hà Nội") == "Ủy ban nhân dân thành phố Hà Nội"


def test_one_body_written_two_ways_is_one_entity_with_its_aliases_and_english_from_the_glossary():
    mentions = find_mentions(
        [
            (1, "UBND TP Hà Nội vừa họp với Thành ủy Hà Nội."),
            (2, "Ủy ban nhân dân thành phố Hà Nội giao việc cho các sở."),
            (3, "Ở Hà Nội, trời mưa to."),
        ]
    )
    entities, _ = _mention_rows("a1", mentions)
    organisations = {row["name_vi"]: row for row in entities if row["kind"] == "organization"}
    assert json.loads(organisations["Ủy ban nhân dân thành phố Hà Nội"]["aliases_vi"]) == ["UBND TP Hà Nội"]
    # The glossary knows "Thành ủy" alone, not "Thành ủy Hà Nội": its English is left to the model.
    assert organisations["Thành ủy Hà Nội"]["name_en"] is None
    places = {row["name_vi"]: row["name_en"] for row in entities if row["kind"] == "location"}
    assert places.get("Hà Nội") == "Hanoi"


def test_a_head_inside_a_place_name_is_no_body_but_one_after_a_comma_or_theo_is():
    found = names(
        "organization",
        "Mưa lớn ở Nam Bộ, nước tràn lên đường Đinh Bộ Lĩnh và khu Hải Phòng Xanh.",
        "Theo Sở Y tế, tại xã Tân Hòa, UBND huyện Lục Ngạn đã họp.",
    )
    assert found == {"Sở Y tế", "UBND huyện Lục Ngạn"}
