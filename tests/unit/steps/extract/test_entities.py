import pytest

from flows.steps.extract import entities
from flows.steps.extract.entities import find_mentions
from flows.steps.extract.segments import build_segments
from flows.steps.ingest.formats import parse_document


def seed_mentions(seed_text):
    [document] = parse_document("seeds/seed.txt", seed_text)
    segments = build_segments(document).segments
    return find_mentions([(seq, s.text) for seq, s in enumerate(segments, 1)])


def test_seed_people_come_with_their_roles_as_written(seed_text):
    roles = {(m.name, m.role) for m in seed_mentions(seed_text) if m.kind == "person" and m.role}
    assert ("Đinh Tiến Dũng", "Bí thư Thành ủy Hà Nội") in roles
    assert ("Nguyễn Hồng Nhật", "Phó Trưởng ban Tổ chức Thành ủy") in roles
    assert ("Đinh Tiến Dũng", "Bí thư Thành ủy; Trưởng ban Chỉ đạo chương trình") in roles


def test_outlet_code_is_no_person_and_the_secretary_is_no_place(seed_text):
    mentions = seed_mentions(seed_text)
    assert "TPO" not in {m.name for m in mentions}
    assert not any("Dũng" in m.name for m in mentions if m.kind == "location")
    assert {m.name for m in mentions if m.kind == "person"} == {"Đinh Tiến Dũng", "Nguyễn Hồng Nhật"}


def test_later_ong_dung_is_the_same_person(seed_text):
    mentions = seed_mentions(seed_text)
    short = [m for m in mentions if m.kind == "person" and m.role is None]
    assert short and {m.name for m in short} == {"Đinh Tiến Dũng"}


def test_seed_organisations_and_places(seed_text):
    mentions = seed_mentions(seed_text)
    organisations = {m.name for m in mentions if m.kind == "organization"}
    assert {"Thành ủy Hà Nội", "Ủy ban Kiểm tra", "Ban Chấp hành T.Ư Đảng", "Ban Chỉ đạo"} <= organisations
    assert "Hà Nội" in {m.name for m in mentions if m.kind == "location"}


def test_role_after_a_name_and_a_street_named_after_a_person():
    mentions = find_mentions(
        [
            (1, "Cơ quan điều tra khởi tố ông Nguyễn Hoài Nam, bí thư Quận ủy Quận 2, TP.HCM."),
            (2, "Khu đất số 8-12 đường Lê Duẩn được giao sai. Khu 8-12 Lê Duẩn rộng 5.000m2."),
        ]
    )
    people = {(m.name, m.role) for m in mentions if m.kind == "person"}
    assert people == {("Nguyễn Hoài Nam", "bí thư Quận ủy Quận 2")}
    assert "Lê Duẩn" in {m.name for m in mentions if m.kind == "location"}


@pytest.fixture
def tagged_texts(monkeypatch):
    """Record every text handed to underthesea's tagger, still tagging it for real."""
    texts: list[str] = []
    tag = entities.tagger_tags

    def recording(text):
        texts.append(text)
        return tag(text)

    monkeypatch.setattr(entities, "tagger_tags", recording)
    return texts


def test_place_after_a_locative_word_is_found_by_tagging_a_window_not_the_sentence(tagged_texts):
    sentence = (
        "Theo kế hoạch của ban quản lý dự án, tuyến cao tốc từ Dầu Giây đến Vĩnh Hảo dài gần 100 km "
        "sẽ được thông xe trong năm nay để giảm tải cho quốc lộ 1 vốn thường xuyên ùn tắc."
    )
    places = {m.name for m in find_mentions([(1, sentence)]) if m.kind == "location"}
    assert {"Dầu Giây", "Vĩnh Hảo"} <= places
    assert len(tagged_texts) == 2
    assert all(len(text) < len(sentence) / 2 for text in tagged_texts)


def test_sentences_without_a_locative_word_before_an_unclaimed_name_are_never_tagged(seed_text, tagged_texts):
    mentions = seed_mentions(seed_text)
    mentions += find_mentions(
        [
            (1, "Rowan Atkinson đóng vai Mr Bean trong nhiều năm."),
            (2, "Đoàn công tác đã đến Hà Nội và làm việc tại Bộ Công an."),
            (3, "Giá vàng ở mức cao nhất từ đầu năm."),
        ]
    )
    assert tagged_texts == []
    assert "Hà Nội" in {m.name for m in mentions if m.kind == "location"}


def test_a_candidate_the_tagger_rejects_is_no_place(tagged_texts):
    mentions = find_mentions([(1, "Ông nói về Giải Thưởng Âm Nhạc năm nay.")])
    assert len(tagged_texts) == 1  # the tagger calls it a person
    assert [m for m in mentions if m.kind == "location"] == []
