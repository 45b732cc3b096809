"""No text can fail a decode: long sentences go in parts, one text that breaks the decoder is set aside.

Real CTranslate2 throughout; the test double wraps the real translator to watch or break it.
"""

import pytest

from flows.steps.text.glossary import load_glossary
from flows.steps.translate.argos import find_package, package_label
from flows.steps.translate.ctranslate import DecodingOptions, PackageTranslator
from flows.steps.translate.long_sentences import split_to_fit
from flows.steps.translate.models import install_file
from flows.steps.translate.protect import Protector
from flows.steps.translate.texts import Toolkit, translate_texts
from tests.support.argos_fixture import NEVER_ENDING_256_SHAPE, build_fixture_package
from tests.support.decoder_doubles import INJECTED, record_decodes
from warehouse.engine import make_engine, upgrade_to_head
from warehouse.memory import TranslationMemory


@pytest.fixture(scope="module")
def never_ending_package(tmp_path_factory, seed_text):
    return build_fixture_package(
        tmp_path_factory.mktemp("argos256") / "never-ending.argosmodel",
        seed_text,
        shape=NEVER_ENDING_256_SHAPE,
    )


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'w.sqlite'}")
    upgrade_to_head(engine)
    return engine


def installed(package_file, folder) -> PackageTranslator:
    install_file(package_file, folder)
    package = find_package(folder, "vi", "en")
    return PackageTranslator(package, package_label(package), DecodingOptions(intra_threads=1))


def toolkit(translator, engine, decoding="test") -> Toolkit:
    memory = TranslationMemory(engine, translator.model_name, decoding)
    return Toolkit(translator, Protector(load_glossary(), {}), memory)


def seed_sentences(seed_text: str, count: int) -> list[str]:
    lines = [line.strip() for line in seed_text.splitlines() if len(line.strip()) > 40]
    return lines[:count]


def long_sentence(seed_text: str) -> str:
    """One sentence of several seed paragraphs joined by commas: far more than 256 pieces."""
    return ", ".join(line.rstrip(".") for line in seed_sentences(seed_text, 12)) + "."


def test_the_never_ending_model_really_breaks_past_its_table(never_ending_package, tmp_path, seed_text):
    translator = installed(never_ending_package, tmp_path / "argos")
    pieces = [p.piece for p in translator.tokenize(long_sentence(seed_text))]
    assert len(pieces) > 256
    with pytest.raises(RuntimeError, match="position"):
        translator._translator.translate_batch([pieces], max_decoding_length=10)
    with pytest.raises(RuntimeError, match="position"):
        translator._translator.translate_batch([pieces[:20]], max_decoding_length=257)


def test_a_sentence_longer_than_the_table_is_translated_in_parts_within_the_table(
    never_ending_package, tmp_path, seed_text, engine
):
    translator = installed(never_ending_package, tmp_path / "argos")
    decodes = record_decodes(translator)
    long = long_sentence(seed_text)
    texts = [long, *seed_sentences(seed_text, 5)]
    result = translate_texts(texts, toolkit(translator, engine))
    assert result.failed == {} and set(result.english) == set(texts)
    assert decodes.caps and max(decodes.caps) <= 256
    assert max(decodes.source_lengths) <= 255
    parts = split_to_fit(long, translator.fits)
    assert len(parts) > 2
    alone = translate_texts(parts, toolkit(translator, engine, decoding="parts alone"))
    assert result.english[long] == " ".join(alone.english[part] for part in parts)


def test_a_text_that_breaks_the_decoder_is_set_aside_and_the_rest_translated(
    fixture_package, tmp_path, seed_text, engine
):
    translator = installed(fixture_package, tmp_path / "argos")
    texts = seed_sentences(seed_text, 12)
    bad = texts[5]
    decodes = record_decodes(translator, breaks_on=[bad])
    result = translate_texts(texts, toolkit(translator, engine, decoding="broken"))
    assert result.failed == {bad: f"RuntimeError: {INJECTED}"}
    assert set(result.english) == set(texts) - {bad} and all(result.english.values())
    assert len(decodes.calls) > 2  # the call was split and retried, not given up whole


def test_a_text_fails_when_one_of_its_parts_breaks_the_decoder(
    never_ending_package, tmp_path, seed_text, engine
):
    translator = installed(never_ending_package, tmp_path / "argos")
    long, short = long_sentence(seed_text), seed_sentences(seed_text, 1)[0]
    record_decodes(translator, breaks_on=[split_to_fit(long, translator.fits)[1]])
    result = translate_texts([long, short], toolkit(translator, engine))
    assert list(result.failed) == [long] and list(result.english) == [short]


def test_an_interrupt_while_decoding_is_not_taken_for_a_failed_text(
    fixture_package, tmp_path, seed_text, engine
):
    translator = installed(fixture_package, tmp_path / "argos")
    texts = seed_sentences(seed_text, 4)
    record_decodes(translator, breaks_on=[texts[0]], error=KeyboardInterrupt)
    with pytest.raises(KeyboardInterrupt):
        translate_texts(texts, toolkit(translator, engine))
