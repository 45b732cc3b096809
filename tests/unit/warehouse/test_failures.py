"""A text whose decode raised is remembered; after two failures it is left out until a retry is asked."""

import pytest

from flows.steps.text.glossary import load_glossary
from flows.steps.translate.argos import find_package, package_label
from flows.steps.translate.ctranslate import DecodingOptions, PackageTranslator
from flows.steps.translate.models import install_file
from flows.steps.translate.protect import Protector
from flows.steps.translate.texts import GIVE_UP_AFTER, Toolkit, translate_texts
from tests.support.decoder_doubles import INJECTED, record_decodes
from warehouse.failures import TranslationFailures, failure_counts
from warehouse.memory import TranslationMemory

FAILED, GIVEN_UP = "texts failed to translate", "texts given up on"


@pytest.fixture
def translator(fixture_package, tmp_path) -> PackageTranslator:
    install_file(fixture_package, tmp_path / "argos")
    package = find_package(tmp_path / "argos", "vi", "en")
    return PackageTranslator(package, package_label(package), DecodingOptions(intra_threads=1))


@pytest.fixture
def texts(seed_text) -> list[str]:
    return [line.strip() for line in seed_text.splitlines() if len(line.strip()) > 40][:6]


def run(translator, engine, texts, run_id, retry_failed=False):
    memory = TranslationMemory(engine, translator.model_name, "test")
    failures = TranslationFailures(engine, translator.model_name, run_id, GIVE_UP_AFTER)
    toolkit = Toolkit(translator, Protector(load_glossary(), {}), memory, failures, retry_failed)
    return translate_texts(texts, toolkit)


def failure_rows(engine):
    with engine.connect() as connection:
        return [
            dict(row._mapping)
            for row in connection.exec_driver_sql(
                "SELECT text_vi, package, last_error, attempts, last_run_id FROM translation_failures"
            )
        ]


def test_a_failure_is_recorded_with_its_text_package_error_and_run(translator, engine, texts):
    record_decodes(translator, breaks_on=[texts[2]])
    run(translator, engine, texts, "run1")
    assert failure_rows(engine) == [
        {
            "text_vi": texts[2],
            "package": translator.model_name,
            "last_error": f"RuntimeError: {INJECTED}",
            "attempts": 1,
            "last_run_id": "run1",
        }
    ]


def test_a_text_that_failed_twice_is_left_out_until_a_retry_is_asked(translator, engine, texts):
    bad = texts[2]
    decodes = record_decodes(translator, breaks_on=[bad])
    assert list(run(translator, engine, texts, "run1").failed) == [bad]
    assert list(run(translator, engine, texts, "run2").failed) == [bad]
    tried_before = len(decodes.calls)
    third = run(translator, engine, texts, "run3")
    assert third.failed == {} and third.given_up == {bad: f"RuntimeError: {INJECTED}"}
    assert len(decodes.calls) == tried_before  # nothing decoded: the rest came from memory
    assert failure_counts(engine, GIVE_UP_AFTER) == {FAILED: 1, GIVEN_UP: 1}
    retried = run(translator, engine, texts, "run4", retry_failed=True)
    assert list(retried.failed) == [bad] and len(decodes.calls) > tried_before
    assert failure_rows(engine)[0]["attempts"] == 3 and failure_rows(engine)[0]["last_run_id"] == "run4"


def test_a_failure_is_forgotten_once_the_text_translates(translator, engine, texts):
    decodes = record_decodes(translator, breaks_on=[texts[2]])
    run(translator, engine, texts, "run1")
    assert failure_counts(engine, GIVE_UP_AFTER) == {FAILED: 1, GIVEN_UP: 0}
    decodes.breaks_on = []  # the model was fixed, or the memory it lacked is there now
    second = run(translator, engine, texts, "run2")
    assert second.failed == {} and texts[2] in second.english
    assert failure_rows(engine) == []


def test_another_package_tries_what_this_one_gave_up_on(translator, engine, texts):
    record_decodes(translator, breaks_on=[texts[2]])
    run(translator, engine, texts, "run1")
    run(translator, engine, texts, "run2")
    assert list(TranslationFailures(engine, translator.model_name, None, GIVE_UP_AFTER).given_up(texts)) == [
        texts[2]
    ]
    assert TranslationFailures(engine, "other@2.0", None, GIVE_UP_AFTER).given_up(texts) == {}
