from flows.steps.argos import find_package, package_label
from flows.steps.models import install_file
from flows.steps.translate import DecodingOptions, PackageTranslator


def translator_for(fixture_package, tmp_path) -> PackageTranslator:
    install_file(fixture_package, tmp_path / "argos")
    package = find_package(tmp_path / "argos", "vi", "en")
    return PackageTranslator(package, package_label(package), DecodingOptions(intra_threads=1))


def test_ctranslate2_translates_every_sentence_in_its_own_place(fixture_package, tmp_path):
    translator = translator_for(fixture_package, tmp_path)
    sentences = [
        "Sáng 13/7, Thành ủy Hà Nội tổ chức Hội nghị.",
        "Ông Dũng yêu cầu các cấp.",
        "Thiên Nhất sinh năm 1989.",
        "Sáng 13/7, Thành ủy Hà Nội tổ chức Hội nghị.",
    ]
    english = translator.translate(sentences)
    assert len(english) == 4 and all(text.strip() for text in english)
    assert english[0] == english[3]  # same sentence, same translation, whatever its neighbours
    assert len(set(english)) == 3


def test_batching_does_not_change_a_translation(fixture_package, tmp_path):
    translator = translator_for(fixture_package, tmp_path)
    sentences = [f"Có {n} đảng viên bị kỷ luật ở quận {n}." for n in range(1, 80)]
    together = translator.translate(sentences)
    alone = [translator.translate([sentence])[0] for sentence in sentences[:5]]
    assert together[:5] == alone


def test_progress_reports_every_sentence(fixture_package, tmp_path):
    translator = translator_for(fixture_package, tmp_path)
    reported = []
    translator.translate([f"Câu số {n}." for n in range(100)], reported.append)
    assert sum(reported) == 100 and len(reported) == 2


def test_rows_record_the_package_name_and_version(fixture_package, tmp_path):
    assert translator_for(fixture_package, tmp_path).model_name == "translate-vi_en-0_1-fixture@0.1-fixture"


def test_a_decode_cut_off_before_its_end_is_not_taken_for_a_translation(
    fixture_package, tmp_path, monkeypatch
):
    import flows.steps.translate as translate

    translator = translator_for(fixture_package, tmp_path)
    monkeypatch.setattr(translate, "MAX_LENGTH_RATIO", 0)
    monkeypatch.setattr(translate, "LENGTH_SLACK", 5)  # the fixture model ends at 24 pieces
    sentences = ["Ông Dũng yêu cầu các cấp.", "Thiên Nhất sinh năm 1989."]
    assert translator.translate(sentences) == [None, None]
    assert translator.english_for(sentences) == {}
