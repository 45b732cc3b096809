from flows.steps.extract.places import headed_places


def _places(text: str, taken: list[tuple[int, int]] | None = None) -> list[str]:
    return [text[s:e] for s, e in headed_places(text, taken or [])]


def test_a_unit_or_a_feature_named_after_its_head_word_is_a_place():
    text = "Lễ hội diễn ra ở thôn Bến Gạo, xã Tân Phú, bên sông Cầu và dưới chân núi Voi."
    assert _places(text) == ["thôn Bến Gạo", "xã Tân Phú", "sông Cầu", "núi Voi"]
    text = "Đoàn khách từ tỉnh Nagano đến thị trấn Long Điền."
    assert _places(text) == ["tỉnh Nagano", "thị trấn Long Điền"]


def test_numbered_and_abbreviated_districts_are_places():
    assert _places("Nhà anh ở phường 7, Q.5 và cửa hàng ở H.Củ Chi.") == ["phường 7", "Q.5", "H.Củ Chi"]


def test_head_words_used_as_common_nouns_and_initials_give_no_place():
    assert _places("Các vấn đề xã hội và làng nghề truyền thống được bàn kỹ.") == []
    assert _places("Cảnh sát khám nghiệm hiện trường. Ảnh: Q.Q.") == []
    assert _places("Ông sống ở huyện này từ năm 1990.") == []


def test_a_place_inside_a_name_already_found_is_left_to_that_name():
    text = "UBND huyện Bình Sơn vừa họp."
    assert _places(text, taken=[(0, len("UBND huyện Bình Sơn"))]) == []


def test_a_run_that_swallowed_another_name_gives_no_place():
    assert _places("Chủ tịch xã Tân Phú Lê Văn Hùng Minh cho biết.") == []


def test_a_name_joined_by_a_dash_is_one_place_and_a_cut_name_after_a_dash_is_not_taken():
    assert _places("Mưa lớn ở tỉnh Quảng Nam - Đà Nẵng cũ và thành phố Cần Thơ.") == [
        "tỉnh Quảng Nam - Đà Nẵng",
        "thành phố Cần Thơ",
    ]
    assert _places("Lũ về tỉnh Gia Lai - mưa vẫn chưa ngớt.") == ["tỉnh Gia Lai"]


def test_a_river_inside_a_regions_name_is_left_to_the_region():
    assert _places("Lúa ở Đồng bằng sông Cửu Long được mùa.") == []


def test_units_of_a_region_name_the_region_without_the_head():
    text = "Nắng nóng kéo dài ở các tỉnh Tây Bắc, còn tỉnh Lai Châu có mưa."
    assert _places(text) == ["Tây Bắc", "tỉnh Lai Châu"]


def test_a_place_written_with_its_head_keeps_the_english_name_of_its_name():
    from flows.steps.extract.english_names import english_name

    assert english_name("location", "tỉnh Khánh Hòa", []) == "Khanh Hoa"
    assert english_name("location", "TP Huế", []) == "Hue"
    assert english_name("location", "huyện Duy Tiên", []) is None  # left to the translation model
