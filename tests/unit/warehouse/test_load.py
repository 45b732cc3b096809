"""Loading into a real SQLite file: atomic per file, idempotent, replacing changed articles."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from flows.steps.extract.article import extract_article
from flows.steps.ingest.formats import parse_document
from flows.steps.validate import validate_records
from warehouse.engine import upgrade_to_head
from warehouse.load import load_file
from warehouse.source_files import known_hashes


def frames_for(text: str, path: str = "seeds/seed.txt", sha: str = "a" * 64):
    [document] = parse_document(path, text)
    accepted, rejects = validate_records([extract_article(document, sha, "run1", date(2026, 11, 26))])
    assert rejects == []
    return next(iter(accepted.values()))


def count(engine, table: str) -> int:
    with engine.connect() as connection:
        return connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def load(engine, frames, sha="a" * 64, path="seeds/seed.txt"):
    load_file(engine, content_sha256=sha, source_path=path, run_id="run1", articles=[frames], rejects=[])


def test_a_missing_value_is_null_in_the_warehouse_never_nan(engine, seed_text):
    # pandas holds a fact's missing denominator as NaN: PostgreSQL would store NaN, a number, and
    # `denominator IS NULL` would miss it (SQLite stores NaN as NULL by itself).
    frames = frames_for(seed_text)
    missing = int(frames.facts["denominator"].isna().sum())
    assert 0 < missing < len(frames.facts)
    load(engine, frames)
    with engine.connect() as connection:
        nulls = connection.execute(text("SELECT count(*) FROM facts WHERE denominator IS NULL")).scalar_one()
    assert nulls == missing


def test_loading_the_same_article_twice_keeps_one_copy(engine, seed_text):
    frames = frames_for(seed_text)
    load(engine, frames)
    load(engine, frames)
    assert (count(engine, "articles"), count(engine, "segments"), count(engine, "facts")) == (1, 17, 12)
    assert known_hashes(engine) == {"a" * 64}


def test_a_changed_article_replaces_its_old_version_entirely(engine, seed_text):
    load(engine, frames_for(seed_text))
    shorter = seed_text.split("Với tinh thần siết chặt")[0]
    load(engine, frames_for(shorter, sha="b" * 64), sha="b" * 64)
    assert count(engine, "articles") == 1
    assert count(engine, "segments") == 10
    assert count(engine, "facts") == 3  # the discipline figures went with their paragraph


def test_a_failing_insert_leaves_nothing_of_the_file(engine, seed_text):
    frames = frames_for(seed_text)
    frames = replace(frames, mentions=frames.mentions.assign(entity_id="no-such-entity"))
    with pytest.raises(IntegrityError):
        load(engine, frames)
    assert count(engine, "articles") == count(engine, "segments") == 0
    assert known_hashes(engine) == set()


def test_an_entity_keeps_its_english_when_a_later_article_has_none(engine, seed_text):
    translated = frames_for(seed_text)
    translated = replace(translated, entities=translated.entities.assign(name_en="Hanoi Party Committee"))
    load(engine, translated)
    load(engine, frames_for(seed_text, path="copy.txt", sha="c" * 64), sha="c" * 64, path="copy.txt")
    with engine.connect() as connection:
        missing = connection.execute(text("SELECT count(*) FROM entities WHERE name_en IS NULL"))
        assert missing.scalar_one() == 0


def test_a_shrunk_json_array_leaves_no_stale_article(engine):
    import json

    def records(*titles):
        return json.dumps([{"title": t, "content": f"{t} có 5 người."} for t in titles], ensure_ascii=False)

    def load_array(text: str, sha: str) -> None:
        documents = parse_document("arr.json", text)
        accepted, _ = validate_records(
            [extract_article(d, sha, "run1", date(2026, 11, 26)) for d in documents]
        )
        load_file(
            engine,
            content_sha256=sha,
            source_path="arr.json",
            run_id="run1",
            articles=list(accepted.values()),
            rejects=[],
        )

    load_array(records("Một", "Hai"), "a" * 64)
    load_array(records("Hai"), "b" * 64)
    with engine.connect() as connection:
        titles = connection.execute(text("SELECT title_vi FROM articles")).scalars().all()
    assert titles == ["Hai"]


def test_a_retried_load_stores_the_file_rejects_once(engine, seed_text):
    reject = {
        "source_path": "seeds/seed.txt",
        "table_name": "facts",
        "record": "{}",
        "check_name": "not_blank",
        "failure": "label_vi: not_blank failed for ' '",
    }
    for _ in range(2):
        load_file(
            engine,
            content_sha256="a" * 64,
            source_path="seeds/seed.txt",
            run_id="run1",
            articles=[frames_for(seed_text)],
            rejects=[reject],
        )
    assert count(engine, "rejects") == 1


def test_migration_0002_down_and_up_keeps_every_loaded_row(engine, seed_text):
    from alembic import command
    from alembic.config import Config

    from warehouse.engine import MIGRATIONS

    load(engine, frames_for(seed_text))
    before = {table: count(engine, table) for table in ("segments", "mentions", "facts", "removed")}
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert {table: count(engine, table) for table in before} == before
    upgrade_to_head(engine)
    assert {table: count(engine, table) for table in before} == before
    assert count(engine, "segments WHERE quality_flags IS NULL") == before["segments"]
