"""No text can fail a run: a model's limits, or a decode that raises, cost one text at most."""

from __future__ import annotations

import json
import shutil

import pytest

import flows.translation
from flows.pipeline import COMPLETED_WITH_REJECTS, pipeline
from flows.steps.extract.outlets import dateline
from flows.steps.ingest.normalize import normalize_line
from flows.steps.translate.models import install_file
from tests.integration.test_translate_command import SEED, long_article
from tests.integration.tintuc_process import query, run_tintuc
from tests.integration.warehouse_reads import rows
from tests.support.argos_fixture import NEVER_ENDING_256_SHAPE, build_fixture_package
from tests.support.decoder_doubles import INJECTED, record_decodes


def test_a_run_with_a_never_ending_256_position_model_loads_and_translates_everything(tmp_path, seed_text):
    articles, data = tmp_path / "articles", tmp_path / "data"
    articles.mkdir()
    shutil.copy(SEED, articles / SEED.name)
    (articles / "long.txt").write_text(long_article(seed_text), encoding="utf-8")
    package = build_fixture_package(tmp_path / "never.argosmodel", seed_text, shape=NEVER_ENDING_256_SHAPE)
    assert run_tintuc(["models", "install", "--file", str(package)], data).returncode == 0

    result = run_tintuc(["run", str(articles)], data)

    assert result.returncode in (0, 3), result.stdout + result.stderr
    database = data / "tintuc.sqlite"
    assert query(database, "SELECT count(*), sum(status = 'translated') FROM articles") == [(2, 2)]
    assert query(database, "SELECT count(*) FROM segments WHERE text_en IS NULL") == [(0,)]
    [(longest,)] = query(database, "SELECT max(length(text_vi)) FROM segments")
    assert longest > 1000  # one sentence of far more than 256 pieces, translated in parts
    assert query(database, "SELECT count(*) FROM translation_failures") == [(0,)]  # no decode raised


@pytest.mark.usefixtures("prefect_harness")
def test_a_text_whose_decode_raises_stays_pending_with_a_reject_and_the_rest_is_translated(
    tmp_path, settings, fixture_package, seed_dir, monkeypatch
):
    install_file(fixture_package, settings.argos_dir)
    breaking = next(line for line in seed_text_lines(seed_dir) if len(line) > 80)
    real_loader = flows.translation.translator_for

    def breaking_translator(package, settings_):
        translator = real_loader(package, settings_)
        record_decodes(translator, breaks_on=[breaking])
        return translator

    monkeypatch.setattr(flows.translation, "translator_for", breaking_translator)
    state = pipeline([seed_dir], settings, return_state=True)

    assert state.name == COMPLETED_WITH_REJECTS
    segments = rows(settings, "SELECT text_vi, text_en FROM segments")
    pending = [s["text_vi"] for s in segments if s["text_en"] is None]
    assert pending == [breaking]
    assert len(segments) == 17
    [reject] = rows(settings, "SELECT * FROM rejects")
    assert (reject["table_name"], reject["check_name"]) == ("segments", "translation_decodes")
    assert json.loads(reject["record"])["text_vi"] == breaking
    assert INJECTED in reject["failure"] and "tintuc translate" in reject["failure"]
    [article] = rows(settings, "SELECT status FROM articles")
    assert article["status"] == "pending_translation"


def seed_text_lines(seed_dir) -> list[str]:
    """Return the seed's body paragraphs that are one sentence (so a segment's text equals the line).

    Lines are compared as tintuc normalises them (tone marks), and the lead is left out: its
    outlet's dateline ("TPO - ") leaves the segment's text.
    """
    [path] = seed_dir.iterdir()
    lines = [normalize_line(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line.count(". ") == 0 and line.endswith(".") and dateline(line) is None]
