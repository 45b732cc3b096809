from datetime import date

from flows.steps.extract.dates import find_date

TODAY = date(2026, 11, 26)


def test_seed_dateline_takes_its_year_from_the_text():
    found = find_date(
        None,
        None,
        ["TPO - Bí thư đề nghị.", "Sáng 13/7, Thành ủy Hà Nội họp."],
        ["triển khai nhiệm vụ 6 tháng cuối năm 2022."],
        TODAY,
    )
    assert found.value == date(2022, 7, 13)
    assert found.source == "dateline 'Sáng 13/7' + year from text 'năm 2022'"


def test_metadata_wins_over_url_and_dateline():
    found = find_date("2018-12-09 00:00:00", "https://x.vn/a-20181208122830771.htm", ["Sáng 1/1"], [], TODAY)
    assert found.value == date(2018, 12, 9)
    assert found.source.startswith("metadata")


def test_a_date_stamped_in_the_url_is_read():
    url = "https://dantri.com.vn/xa-hoi/657000-ty-dong-20240216111909339.htm"
    assert find_date(None, url, [], [], TODAY).value == date(2024, 2, 16)


def test_a_dateline_without_any_year_leaves_the_date_empty_and_says_why():
    found = find_date(None, None, ["Rạng sáng ngày 18/2, hàng chục xe tải đổ về chợ."], ["năm nay"], TODAY)
    assert found.value is None
    assert found.source == "not found: dateline 'Rạng sáng ngày 18/2' gives no year"


def test_future_years_in_the_text_are_not_taken_for_the_publication_year():
    found = find_date(None, None, ["Sáng 13/7, Thành ủy họp."], ["năm 2022", "đến năm 2030"], TODAY)
    assert found.value == date(2022, 7, 13)


def test_an_impossible_dateline_date_says_so():
    found = find_date(None, None, ["Sáng 31/2/2022, Thành ủy họp."], [], TODAY)
    assert found.value is None
    assert found.source == "not found: dateline 'Sáng 31/2/2022' is not a calendar date"


def test_a_placeholder_date_in_metadata_is_not_used():
    found = find_date("1970-01-01 00:00:00", None, ["Sáng 13/7/2022, Thành ủy họp."], [], TODAY)
    assert found.value == date(2022, 7, 13)
    found = find_date("1970-01-01 00:00:00", None, [], [], TODAY)
    assert found.value is None and found.source == "not found: no metadata, URL date or dateline"
