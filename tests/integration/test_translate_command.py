"""`tintuc translate` and `tintuc status` as a user runs them: real processes, a real data folder."""

import shutil
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from typer.testing import CliRunner

import flows.translate_pending
from flows.cli import app
from flows.cli.common import EXIT_REJECTS
from flows.settings import Settings
from flows.steps.translate.models import install_file
from flows.steps.translate.texts import GIVE_UP_AFTER
from tests.integration.tintuc_process import PROJECT, query, run_tintuc
from tests.support.argos_fixture import NEVER_ENDING_256_SHAPE, build_fixture_package
from tests.support.decoder_doubles import INJECTED, record_decodes
from warehouse.engine import MIGRATIONS, make_engine
from warehouse.failures import TranslationFailures
from warehouse.translations import pending_texts

SEED = PROJECT / "seeds" / "000_77085cdb11bdb593.txt"
FIXTURE_LABEL = "translate-vi_en-0_1-fixture@0.1-fixture"
TITLE = "Hà Nội thí điểm người đứng đầu lựa chọn bổ nhiệm cấp phó của mình"


# Longer than any real sentence, yet under the splitter's cap (MAX_SENTENCE_CHARS, 1,500), so it stays
# one segment: about 680 pieces of the fixture's SentencePiece, far past the 256 the model takes.
LONG_SENTENCE_CHARS = 1400


def long_article(seed_text: str) -> str:
    """An article whose one paragraph is one sentence of far more than 256 pieces."""
    paragraphs = [line.strip().rstrip(".") for line in seed_text.splitlines() if len(line.strip()) > 40]
    sentence = ", ".join(paragraphs[:12]).replace(". ", ", ").replace("; ", ", ")
    sentence = sentence[:LONG_SENTENCE_CHARS].rsplit(" ", 1)[0].rstrip(",") + "."
    return f"Một câu rất dài\n\n{sentence}\n"


@pytest.fixture(scope="module", autouse=True)
def patient_prefect():
    """Give Prefect's temporary server time to start on a busy machine (it gives up after 20 s)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600")
        yield


@pytest.fixture(scope="module")
def pending_warehouse(tmp_path_factory, seed_text, patient_prefect):
    """A data folder whose warehouse holds the seed and a long-sentence article, untranslated."""
    data = tmp_path_factory.mktemp("translate") / "data"
    articles = data.parent / "articles"
    articles.mkdir()
    shutil.copy(SEED, articles / SEED.name)
    (articles / "long.txt").write_text(long_article(seed_text), encoding="utf-8")
    loaded = run_tintuc(["run", str(articles)], data)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    return data


def copy_of(data: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("prefect", "runs"))
    return copy


def test_a_never_ending_256_position_model_translates_every_segment(pending_warehouse, tmp_path, seed_text):
    data = copy_of(pending_warehouse, tmp_path)
    package = build_fixture_package(
        tmp_path / "never-ending.argosmodel", seed_text, shape=NEVER_ENDING_256_SHAPE
    )
    assert run_tintuc(["models", "install", "--file", str(package)], data).returncode == 0
    translated = run_tintuc(["translate"], data)
    assert translated.returncode == 0, translated.stdout + translated.stderr
    database = data / "tintuc.sqlite"
    assert query(database, "SELECT count(*) FROM segments WHERE text_en IS NULL") == [(0,)]
    assert query(database, "SELECT count(*) FROM articles WHERE status != 'translated'") == [(0,)]
    [(longest,)] = query(database, "SELECT max(length(text_vi)) FROM segments")
    assert longest > 1000  # the long sentence is one segment, translated in parts
    assert query(database, "SELECT count(*) FROM translation_failures") == [(0,)]


def test_texts_given_up_on_are_left_out_and_said_so_until_retried(
    pending_warehouse, tmp_path, fixture_package
):
    data = copy_of(pending_warehouse, tmp_path)
    engine = make_engine(f"sqlite:///{data / 'tintuc.sqlite'}")
    title = TITLE
    assert title in pending_texts(engine)
    failures = TranslationFailures(engine, FIXTURE_LABEL, "earlier", GIVE_UP_AFTER)
    for _ in range(GIVE_UP_AFTER):
        failures.record({title: "RuntimeError: out of memory"})
    engine.dispose()
    assert run_tintuc(["models", "install", "--file", str(fixture_package)], data).returncode == 0
    first = run_tintuc(["translate"], data)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "1 texts left out" in first.stdout and "tintuc translate --retry-failed" in first.stdout
    database = data / "tintuc.sqlite"
    assert query(database, "SELECT count(*) FROM articles WHERE title_en IS NULL") == [(1,)]
    status = run_tintuc(["status"], data).stdout
    assert "texts failed to translate    │ 1" in status and "texts given up on            │ 1" in status
    assert "tintuc translate --retry-failed" in status
    retried = run_tintuc(["translate", "--retry-failed"], data)
    assert retried.returncode == 0 and "left out" not in retried.stdout
    assert query(database, "SELECT count(*) FROM articles WHERE title_en IS NULL") == [(0,)]
    assert query(database, "SELECT count(*) FROM translation_failures") == [(0,)]


def test_status_writes_nothing(pending_warehouse, tmp_path):
    data = copy_of(pending_warehouse, tmp_path)
    warehouse = data / "tintuc.sqlite"
    before = (warehouse.read_bytes(), warehouse.stat().st_mtime_ns)
    status = run_tintuc(["status"], data)
    assert status.returncode == 0 and "segments pending translation" in status.stdout
    assert (warehouse.read_bytes(), warehouse.stat().st_mtime_ns) == before
    wal = data / "tintuc.sqlite-wal"
    assert not wal.exists() or wal.stat().st_size == 0  # SQLite's reader may open one; nothing in it


def test_status_on_an_older_warehouse_says_to_run_and_leaves_it_as_it_is(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    engine = make_engine(f"sqlite:///{data / 'tintuc.sqlite'}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    engine.dispose()
    status = run_tintuc(["status"], data)
    assert status.returncode == 1 and "tintuc run" in status.stdout
    assert query(data / "tintuc.sqlite", "SELECT version_num FROM alembic_version") == [("0002",)]


def test_translate_exits_3_saying_how_many_texts_failed_and_translates_the_rest(
    pending_warehouse, tmp_path, fixture_package, monkeypatch, prefect_harness
):
    data = copy_of(pending_warehouse, tmp_path)
    install_file(fixture_package, Settings(data_dir=data).argos_dir)
    load_translator = flows.translate_pending.load_translator

    def breaking_on_the_title(settings):
        translator = load_translator(settings)
        record_decodes(translator, breaks_on=[TITLE])  # wraps the real CTranslate2 translator
        return translator

    monkeypatch.setattr(flows.translate_pending, "load_translator", breaking_on_the_title)
    monkeypatch.setenv("TINTUC_DATA_DIR", str(data))
    result = CliRunner().invoke(app, ["translate"])
    assert result.exit_code == EXIT_REJECTS, result.output
    assert "1 texts could not be translated" in result.output
    database = data / "tintuc.sqlite"
    assert query(database, "SELECT text_vi FROM segments WHERE text_en IS NULL") == [(TITLE,)]
    assert query(database, "SELECT count(*) FROM segments WHERE text_en IS NOT NULL") == [(18,)]  # of 19
    assert query(database, "SELECT text_vi, last_error, attempts FROM translation_failures") == [
        (TITLE, f"RuntimeError: {INJECTED}", 1)
    ]
