"""Where each extraction rule must stop: pairs of invented Vietnamese sentences that differ by one guard.

Each rule's tests elsewhere show what it finds; these show the edge of each guard, the case just
inside next to the case just outside, so that loosening or dropping one guard fails a test.
"""

from __future__ import annotations

import pytest

from flows.steps.extract.boxes import box_teaser_start
from flows.steps.extract.entities import find_places
from flows.steps.extract.organisations import find_organisations
from flows.steps.extract.places import headed_places


def teaser(line: str) -> str | None:
    """Return the teaser a box rule cuts off the line, or None."""
    start = box_teaser_start(line)
    return None if start is None else line[start:]


# ---- boxes: a related-article box is a headline run into its teaser ---------------------------------


def test_a_box_headline_needs_four_words_before_the_teaser():
    four = "Tuyến xe buýt mới Sau khi chạy thử, tuyến này phục vụ người dân miễn phí."
    three = "Xe buýt mới Sau khi chạy thử, tuyến này phục vụ người dân miễn phí."
    assert teaser(four) == "Sau khi chạy thử, tuyến này phục vụ người dân miễn phí."
    assert teaser(three) is None


def test_the_word_before_a_teaser_opener_must_be_lower_case():
    assert teaser("Bốn người dân ở thủ đô Sau khi nghe tin, họ đã đến hiện trường ngay.") is not None
    # After a capital, "Sau" follows a name: no box.
    assert teaser("Bốn người dân ở Hà Nội Sau khi nghe tin, họ đã đến hiện trường ngay.") is None


def test_the_word_after_a_teaser_opener_must_be_lower_case():
    assert teaser("Năm đội bóng tham gia giải đấu Trong ngày khai mạc các đội thi đấu rất hay.") is not None
    # "Trong Nước Sport" is a name that starts with an opener word.
    assert teaser("Năm đội bóng tham gia giải đấu Trong Nước Sport thi đấu rất hay hôm qua.") is None


def test_a_capitalised_opener_after_a_naming_word_is_a_title_not_a_teaser():
    assert teaser("Độc giả yêu thích cuốn truyện Khi hơi thở hóa thinh không của bác sĩ Paul.") is not None
    assert teaser("Độc giả yêu thích cuốn sách Khi hơi thở hóa thinh không của bác sĩ Paul.") is None


def test_a_teaser_is_a_sentence_of_at_least_six_words():
    assert teaser("Bốn người dân ở thủ đô Sau đó họ về nhà ngay.") == "Sau đó họ về nhà ngay."
    assert teaser("Bốn người dân ở thủ đô Sau đó họ về nhà.") is None


@pytest.mark.parametrize(
    "line",
    [
        "Bốn người dân ở thủ đô Sau khi nghe tin, họ đã đến hiện trường ngay",  # no stop at the end
        "bốn người dân ở thủ đô Sau khi nghe tin, họ đã đến hiện trường ngay.",  # a small first letter
        "Bốn người dân, ở thủ đô Sau khi nghe tin họ đã đến hiện trường ngay.",  # a comma in the headline
    ],
    ids=["no-final-stop", "lower-case-start", "comma-in-headline"],
)
def test_a_line_that_is_not_headline_and_teaser_keeps_its_words(line):
    assert teaser(line) is None


# ---- places: a head word and its name, and the gazetteer ------------------------------------------


def headed(sentence: str) -> list[str]:
    return [sentence[start:end] for start, end in headed_places(sentence, [])]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("TP Huế đón hơn 100.000 khách trong dịp lễ.", "TP Huế"),
        ("Thành phố Đà Nẵng mở thêm ba tuyến xe buýt.", "Thành phố Đà Nẵng"),
        ("Q.3 có thêm hai trường học mới.", "Q.3"),
    ],
)
def test_a_headed_place_that_opens_the_sentence_is_found(sentence, place):
    assert headed(sentence) == [place]


def test_a_short_head_inside_a_code_is_no_place():
    # "HQ.571" is a ship's number: the "Q." in it heads no district.
    assert headed("Tàu HQ.571 của hải quân đã cập cảng.") == []
    assert headed("Tàu đến Q.3 của thành phố.") == ["Q.3"]


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("Hà Nội mở thêm ba tuyến xe buýt mới.", ["Hà Nội"]),
        ("Đà Nẵng và Huế đón nhiều khách.", ["Đà Nẵng", "Huế"]),
        ("Người dân Hà Nội đón tin vui.", ["Hà Nội"]),
    ],
)
def test_a_gazetteer_place_is_found_at_the_start_of_a_sentence_as_inside_it(sentence, places):
    assert [mention.name for mention in find_places(0, sentence, [])] == places


# ---- organisations: a head grown over its name ---------------------------------------------------


def organisations(sentence: str) -> list[str]:
    return [name for _, _, name in find_organisations(sentence, [])]


def test_a_bare_head_word_names_no_organisation():
    assert organisations("Sở Y tế cho biết sẽ kiểm tra lại toàn bộ hồ sơ.") == ["Sở Y tế"]
    assert organisations("Sở cho biết sẽ kiểm tra lại toàn bộ hồ sơ.") == []


def test_a_latin_body_needs_a_name_before_its_last_word():
    assert organisations("Họ xem Vietnam News trên mạng mỗi tối.") == ["Vietnam News"]
    assert organisations("Họ xem Live trên mạng mỗi tối.") == []


def test_a_one_word_head_after_a_name_is_part_of_that_name():
    assert organisations("Bộ Y tế ban hành hướng dẫn mới.") == ["Bộ Y tế"]
    # "Nam Bộ" is a region, Đinh Bộ Lĩnh a king, Hải Phòng a city: their "Bộ", "Phòng" head nothing.
    assert organisations("Người dân vùng Nam Bộ đón mùa nước nổi.") == []
    assert organisations("Vua Đinh Bộ Lĩnh dẹp loạn 12 sứ quân.") == []
    assert organisations("Hải Phòng Kinh tế phát triển mạnh.") == []
