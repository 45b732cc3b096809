import unicodedata

from flows.steps.extract.outlets import find_outlet, title_outlet


def test_outlet_comes_from_the_domain_then_the_source_field_then_the_dateline():
    assert find_outlet("https://kinhdoanh.vnexpress.net/a.html", "Báo X", None) == "VnExpress"
    assert find_outlet(None, "Báo điện tử Tiền Phong", None) == "Tiền Phong"
    assert find_outlet(None, None, "TPO - Bí thư Thành ủy Hà Nội đề nghị") == "Tiền Phong"
    assert find_outlet(None, None, "(Dân trí) - Ông Trương Quý Dương") == "Dân trí"


def test_a_decomposed_source_field_is_normalised_before_it_is_matched_or_stored():
    assert find_outlet(None, unicodedata.normalize("NFD", "Báo Tuổi Trẻ"), None) == "Tuổi Trẻ"
    unknown = find_outlet(None, unicodedata.normalize("NFD", "Báo Thời Đại"), None)
    assert unknown == "Báo Thời Đại" and unicodedata.is_normalized("NFC", unknown)


def test_a_titles_trailing_site_name_is_split_off_and_named():
    assert title_outlet("Giá vàng tăng - VnExpress") == ("Giá vàng tăng", "VnExpress")
    assert title_outlet("Bão vào miền Trung | Tuổi Trẻ Online") == ("Bão vào miền Trung", "Tuổi Trẻ Online")
    assert title_outlet("Khởi công cầu mới – Báo Dân trí") == ("Khởi công cầu mới", "Báo Dân trí")
    assert find_outlet(None, "Tuổi Trẻ Online", None) == "Tuổi Trẻ"


def test_a_title_whose_last_part_is_not_a_site_name_keeps_it():
    for title in ["Hà Nội - Hải Phòng", "Đoàn - Thanh Niên tình nguyện", "Bóng đá - Thể thao"]:
        assert title_outlet(title) == (title, None)
