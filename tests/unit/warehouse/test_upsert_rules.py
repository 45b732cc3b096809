"""Both halves of each upsert rule, on SQLite and PostgreSQL: what a second write replaces, what it keeps.

- entities (shared across articles): a newer English name or alias list wins; a missing one never
  erases what another article's load stored;
- source_files: a run that loads a content again (a window run again) records the new path in place;
  another run's load of a content already processed writes nothing (overlapping runs);
- translation_memory: a new key is added; an entry already there stays as it is;
- translation_failures: a new failure starts at one attempt; another failure of the same text with
  the same package counts one more and keeps the latest error and run.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from flows.steps.extract.article import extract_article
from flows.steps.ingest.formats import parse_document
from flows.steps.validate import validate_records
from warehouse.engine import make_engine, upgrade_to_head
from warehouse.failures import TranslationFailures
from warehouse.load import load_file
from warehouse.memory import TranslationMemory, memory_key
from warehouse.models import Entity, MemoryEntry, SourceFileRow, TranslationFailure

PLACE = "Hà Nội"


def article(subject: str) -> str:
    """Return an invented article naming Hà Nội, about subject."""
    return (
        f"Hà Nội sửa chữa {subject}\n\n"
        f"Sáng nay, Hà Nội bắt đầu sửa chữa {subject} dài 5 km ở quận Đống Đa, dự kiến hoàn thành "
        "trong tháng tới.\n"
    )


@pytest.fixture
def engine(warehouse_url):
    engine = make_engine(warehouse_url)
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


def load(engine, content: str, sha: str, run_id: str = "run1", path: str = "", **entity) -> int | None:
    """Load one article through extraction and validation, the place's entity columns set as given."""
    path = path or f"in/{sha[:8]}.txt"
    [document] = parse_document(path, content)
    accepted, rejects = validate_records([extract_article(document, sha, run_id, date(2026, 11, 26))])
    assert rejects == []
    [frames] = accepted.values()
    place = frames.entities["name_vi"] == PLACE
    assert place.sum() == 1
    for column, value in entity.items():
        frames.entities[column] = frames.entities[column].astype(object)
        frames.entities.loc[place, column] = value
    return load_file(
        engine, content_sha256=sha, source_path=path, run_id=run_id, articles=[frames], rejects=[]
    )


def stored_place(engine) -> dict:
    with engine.connect() as connection:
        [row] = connection.execute(select(Entity.__table__).where(Entity.name_vi == PLACE))
    return dict(row._mapping)


def test_a_newer_english_name_of_an_entity_wins(engine):
    load(engine, article("đường"), "a" * 64, name_en="Ha Noi")
    load(engine, article("cầu"), "b" * 64, name_en="Hanoi")
    assert stored_place(engine)["name_en"] == "Hanoi"


def test_an_entity_loaded_without_english_keeps_the_english_stored_before(engine):
    load(engine, article("đường"), "a" * 64, name_en="Hanoi")
    load(engine, article("cầu"), "b" * 64, name_en=None)
    assert stored_place(engine)["name_en"] == "Hanoi"


def test_a_newer_alias_list_of_an_entity_wins_and_a_missing_one_keeps_it(engine):
    load(engine, article("đường"), "a" * 64, aliases_vi=json.dumps(["HN"]))
    load(engine, article("cầu"), "b" * 64, aliases_vi=json.dumps(["Thủ đô"]))
    assert json.loads(stored_place(engine)["aliases_vi"]) == ["Thủ đô"]
    load(engine, article("cống"), "c" * 64, aliases_vi=None)
    assert json.loads(stored_place(engine)["aliases_vi"]) == ["Thủ đô"]


def source_files(engine) -> list[tuple]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(select(SourceFileRow.__table__))]


def test_a_content_loaded_again_by_its_own_run_is_recorded_in_place(engine):
    load(engine, article("đường"), "a" * 64, run_id="run1", path="in/first.txt")
    assert source_files(engine) == [("a" * 64, "in/first.txt", "run1", "loaded")]
    assert load(engine, article("đường"), "a" * 64, run_id="run1", path="in/moved.txt") == 1
    assert source_files(engine) == [("a" * 64, "in/moved.txt", "run1", "loaded")]


def test_a_content_another_run_processed_is_left_as_that_run_loaded_it(engine):
    load(engine, article("đường"), "a" * 64, run_id="run1", path="in/first.txt")
    assert load(engine, article("đường"), "a" * 64, run_id="run2", path="in/moved.txt") is None
    assert source_files(engine) == [("a" * 64, "in/first.txt", "run1", "loaded")]


def test_the_memory_adds_new_translations_and_never_replaces_one_it_holds(engine):
    memory = TranslationMemory(engine, "pkg@1", "beam=4")
    memory.remember({"Xin chào.": "Hello."})
    memory.remember({"Xin chào.": "Greetings.", "Tạm biệt.": "Goodbye."})
    with engine.connect() as connection:
        rows = dict(connection.execute(select(MemoryEntry.text_vi, MemoryEntry.text_en)).all())
    assert rows == {"Xin chào.": "Hello.", "Tạm biệt.": "Goodbye."}


def test_a_failure_starts_at_one_attempt_and_a_repeat_counts_one_more_with_the_latest_error(engine):
    TranslationFailures(engine, "pkg@1", "run1", give_up_after=2).record({"Câu một.": "first error"})
    TranslationFailures(engine, "pkg@1", "run2", give_up_after=2).record(
        {"Câu một.": "second error", "Câu hai.": "other error"}
    )
    with engine.connect() as connection:
        query = select(
            TranslationFailure.source_sha256,
            TranslationFailure.attempts,
            TranslationFailure.last_error,
            TranslationFailure.last_run_id,
        )
        rows = {key: (attempts, error, run) for key, attempts, error, run in connection.execute(query)}
    assert rows == {
        memory_key("Câu một."): (2, "second error", "run2"),
        memory_key("Câu hai."): (1, "other error", "run2"),
    }
