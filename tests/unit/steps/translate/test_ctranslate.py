import random

from flows.steps.translate import ctranslate
from flows.steps.translate.argos import find_package, package_label
from flows.steps.translate.ctranslate import DecodingOptions, PackageTranslator
from flows.steps.translate.models import install_file


def translator_for(fixture_package, tmp_path) -> PackageTranslator:
    install_file(fixture_package, tmp_path / "argos")
    package = find_package(tmp_path / "argos", "vi", "en")
    return PackageTranslator(package, package_label(package), DecodingOptions(intra_threads=1))


def english(translator: PackageTranslator, sentences: list[str]) -> list[str | None]:
    decoded = translator.decode([translator.tokenize(s) for s in sentences])
    return [translator.detokenize(d.pieces) if d.complete else None for d in decoded]


def test_ctranslate2_translates_every_sentence_in_its_own_place(fixture_package, tmp_path):
    translator = translator_for(fixture_package, tmp_path)
    sentences = [
        "Sáng 13/7, Thành ủy Hà Nội tổ chức Hội nghị.",
        "Ông Dũng yêu cầu các cấp.",
        "Thiên Nhất sinh năm 1989.",
        "Sáng 13/7, Thành ủy Hà Nội tổ chức Hội nghị.",
    ]
    texts = english(translator, sentences)
    assert len(texts) == 4 and all(text and text.strip() for text in texts)
    assert texts[0] == texts[3]  # same sentence, same translation, whatever its neighbours
    assert len(set(texts)) == 3


def test_batching_does_not_change_a_translation(fixture_package, tmp_path):
    translator = translator_for(fixture_package, tmp_path)
    sentences = [f"Có {n} đảng viên bị kỷ luật ở quận {n}." for n in range(1, 80)]
    together = english(translator, sentences)
    alone = [english(translator, [sentence])[0] for sentence in sentences[:5]]
    assert together[:5] == alone


def test_asking_for_attention_does_not_change_the_output(fixture_package, tmp_path):
    translator = translator_for(fixture_package, tmp_path)
    sentences = ["Ông Đinh Tiến Dũng phát biểu.", "Thiên Nhất sinh năm 1989."]
    sources = [translator.tokenize(s) for s in sentences]
    plain = translator.decode(sources)
    with_attention = translator.decode(sources, [True, True])
    assert [d.pieces for d in plain] == [d.pieces for d in with_attention]
    for decoded in with_attention:
        assert decoded.attention is not None and len(decoded.attention) == len(decoded.pieces)
        assert all(len(row) >= len(decoded.source) for row in decoded.attention)


def test_tokens_carry_the_characters_they_cover(fixture_package, tmp_path):
    translator = translator_for(fixture_package, tmp_path)
    text = "Ông Đinh Tiến Dũng nói: 1.892km."
    pieces = translator.tokenize(text)
    assert "".join(text[p.start : p.end] for p in pieces) == text


def test_rows_record_the_package_name_and_version(fixture_package, tmp_path):
    assert translator_for(fixture_package, tmp_path).model_name == "translate-vi_en-0_1-fixture@0.1-fixture"


def test_a_decode_cut_off_before_its_end_is_not_taken_for_a_translation(
    fixture_package, tmp_path, monkeypatch
):
    translator = translator_for(fixture_package, tmp_path)
    monkeypatch.setattr(ctranslate, "MAX_LENGTH_RATIO", 0)
    monkeypatch.setattr(ctranslate, "LENGTH_SLACK", 5)  # the fixture model ends at 24 pieces
    assert english(translator, ["Ông Dũng yêu cầu các cấp.", "Thiên Nhất sinh năm 1989."]) == [None, None]


def test_a_small_call_gives_each_worker_a_share_of_its_tokens():
    sentences = [["▁tin"] * 30 for _ in range(20)]  # 600 tokens: one batch of 1,024 would hold them all
    size = ctranslate.shared_batch_tokens(sentences, 1024, workers=2)
    assert 300 <= size < 600  # two batches, one per worker, and no third one for the padding
    assert ctranslate.shared_batch_tokens(sentences, 1024, workers=1) == 600  # the whole call, one batch


def test_a_large_call_keeps_the_batch_size_it_was_given():
    sentences = [["▁tin"] * 30 for _ in range(200)]
    assert ctranslate.shared_batch_tokens(sentences, 1024, workers=2) == 1024
    assert ctranslate.shared_batch_tokens([], 1024, workers=2) == 1


def test_a_window_of_a_few_sentences_is_decoded_on_both_workers(fixture_package, tmp_path):
    install_file(fixture_package, tmp_path / "argos")
    package = find_package(tmp_path / "argos", "vi", "en")
    translator = PackageTranslator(
        package, package_label(package), DecodingOptions(inter_threads=2, intra_threads=1)
    )
    asked: list[int] = []
    real = translator._translator

    class Recording:  # CTranslate2 still decodes; this only notes the batch size it was asked for
        def translate_batch(self, tokens, **options):
            asked.append(options["max_batch_size"])
            return real.translate_batch(tokens, **options)

    translator._translator = Recording()
    sources = [translator.tokenize(f"Có {n} đảng viên bị kỷ luật ở quận {n}.") for n in range(1, 9)]
    decoded = translator.decode(sources)
    total = sum(len(source) for source in sources)
    assert len(decoded) == 8 and all(d.pieces for d in decoded)
    assert total / 2 <= asked[0] < total


def batches_built(lengths: list[int], max_batch_tokens: int) -> int:
    """Count the batches CTranslate2 4 makes of a call: longest first, each its size × its longest."""
    batches, size, longest = 0, 0, 0
    for length in sorted(lengths, reverse=True):
        if size and (size + 1) * max(longest, length) > max_batch_tokens:
            batches, size, longest = batches + 1, 0, 0
        size, longest = size + 1, max(longest, length)
    return batches + (1 if size else 0)


def test_a_small_call_of_mixed_lengths_makes_one_batch_per_worker_at_most():
    rng = random.Random(20)
    for _ in range(300):
        lengths = [rng.randint(3, 120) for _ in range(rng.randint(1, 25))]
        whole = batches_built(lengths, 1024)
        tokens = [["▁x"] * length for length in lengths]
        for workers in (1, 2, 4):
            shared = batches_built(lengths, ctranslate.shared_batch_tokens(tokens, 1024, workers))
            assert shared <= max(workers, whole), (lengths, workers)
            if workers == 1:
                assert shared == whole  # one worker: the call is cut no more than before
    assert (
        batches_built(
            [100, 10, 10, 10],
            ctranslate.shared_batch_tokens([["▁x"] * n for n in (100, 10, 10, 10)], 1024, 2),
        )
        == 2
    )
