import pytest

from flows.steps.extract.facts import find_facts, parse_number

DISCIPLINE = (
    "Với tinh thần siết chặt kỷ cương, 6 tháng đầu năm, cấp ủy đã thi hành kỷ luật 10 tổ chức Đảng "
    "(khiển trách: 7; cảnh cáo: 3) và 359 đảng viên (khiển trách 254 trường hợp, cảnh cáo 37 trường "
    "hợp, cách chức 7 trường hợp, khai trừ 61 trường hợp)."
)


def as_tuples(facts):
    return [(f.key, f.parent_key, f.label, f.value, f.unit, f.denominator) for f in facts]


def test_seed_discipline_totals_come_with_breakdowns_that_point_to_them():
    assert as_tuples(find_facts(DISCIPLINE)) == [
        (1, None, "tổ chức Đảng", 10, None, None),
        (2, 1, "khiển trách", 7, None, None),
        (3, 1, "cảnh cáo", 3, None, None),
        (4, None, "đảng viên", 359, None, None),
        (5, 4, "khiển trách", 254, "trường hợp", None),
        (6, 4, "cảnh cáo", 37, "trường hợp", None),
        (7, 4, "cách chức", 7, "trường hợp", None),
        (8, 4, "khai trừ", 61, "trường hợp", None),
    ]


def test_shares_of_a_whole_keep_their_denominator():
    text = "30/30 quận, huyện, thị xã và 81/84 đơn vị sở, ban, ngành đã thực hiện xong."
    assert as_tuples(find_facts(text)) == [
        (1, None, "quận, huyện, thị xã", 30, None, 30),
        (2, None, "đơn vị sở, ban, ngành", 81, None, 84),
    ]


def test_committee_size_is_a_count():
    facts = find_facts("Thành ủy đã thành lập Ban Chỉ đạo gồm 15 thành viên, do Bí thư làm Trưởng ban.")
    assert as_tuples(facts) == [(1, None, "thành viên", 15, None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Sáng 13/7, Thành ủy họp.",
        "Chương trình số 01 của Thành ủy năm 2022.",
        "Tính đến ngày 15/6.",
        "Khoản 2, Điều 285 Bộ luật Hình sự.",
        "giai đoạn 2021- 2025",
        "6 tháng đầu năm",
    ],
)
def test_dates_years_codes_and_durations_are_not_facts(text):
    assert find_facts(text) == []


def test_amounts_keep_their_unit_and_vietnamese_number_format():
    facts = find_facts("Năm 2024, cả nước dành 657.000 tỷ đồng cho đầu tư công, giải ngân ít nhất 95%.")
    assert [(f.value, f.unit) for f in facts] == [(657000, "tỷ đồng"), (95, "%")]


def test_vietnamese_numbers_group_thousands_with_dots_and_decimals_with_commas():
    assert parse_number("1.892") == 1892
    assert parse_number("3,5") == 3.5
    assert parse_number("2.477,25") == 2477.25


def test_a_breakdown_may_give_the_number_before_what_it_counts():
    facts = find_facts("Công an bắt 5 đối tượng (gồm 3 nam, 2 nữ) tại chỗ.")
    assert as_tuples(facts) == [
        (1, None, "đối tượng", 5, None, None),
        (2, 1, "nam", 3, None, None),
        (3, 1, "nữ", 2, None, None),
    ]
