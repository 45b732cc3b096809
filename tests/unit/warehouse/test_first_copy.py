"""Across windows that load at once, the warehouse decides which copy of an article is first."""

import json

from sqlalchemy import text

from tests.unit.warehouse.test_load import count, frames_for
from warehouse.load import load_file


def load(engine, frames, path: str, sha: str, run_id: str = "run1") -> int:
    return load_file(
        engine,
        content_sha256=sha,
        source_path=path,
        run_id=run_id,
        articles=[frames],
        rejects=[],
        first_copy_wins=True,
    )


def stored(engine, sql: str) -> list[tuple]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql))]


def test_a_second_file_of_the_run_with_the_same_article_is_rejected_as_a_duplicate(engine, seed_text):
    assert load(engine, frames_for(seed_text, "in/a.txt"), "in/a.txt", "a" * 64) == 1
    again = frames_for(seed_text + "\n", "in/b.txt", sha="b" * 64)
    assert load(engine, again, "in/b.txt", "b" * 64) == 0
    assert stored(engine, "SELECT source_path FROM articles") == [("in/a.txt",)]
    assert stored(engine, "SELECT source_path, check_name, failure FROM rejects") == [
        ("in/b.txt", "duplicate_article", "same text as in/a.txt, which is loaded instead")
    ]
    assert sorted(stored(engine, "SELECT source_path, outcome FROM source_files")) == [
        ("in/a.txt", "loaded"),
        ("in/b.txt", "rejected"),
    ]


def test_the_same_text_under_another_url_is_a_duplicate_too(engine, seed_text):
    title, *body = seed_text.splitlines()

    def record(url: str) -> str:
        return json.dumps({"title": title, "text": "\n".join(body), "url": url}, ensure_ascii=False)

    first = frames_for(record("https://a.vn/1"), "in/a.json")
    assert load(engine, first, "in/a.json", "a" * 64) == 1
    assert (
        load(engine, frames_for(record("https://b.vn/2"), "in/b.json", "b" * 64), "in/b.json", "b" * 64) == 0
    )
    assert stored(engine, "SELECT check_name, failure FROM rejects") == [
        ("duplicate_article", "same text as in/a.json, which is loaded instead")
    ]


def test_a_later_run_replaces_the_article_as_before(engine, seed_text):
    load(engine, frames_for(seed_text, "in/a.txt"), "in/a.txt", "a" * 64)
    later = frames_for(seed_text + "\n", "in/b.txt", sha="b" * 64)
    assert load(engine, later, "in/b.txt", "b" * 64, run_id="run2") == 1
    assert stored(engine, "SELECT source_path FROM articles") == [("in/b.txt",)]
    assert count(engine, "rejects") == 0


def test_a_file_another_run_loaded_meanwhile_stays_that_runs_and_loads_nothing_here(engine, seed_text):
    # Both runs read the file before either loaded it (two machines, overlapping inputs); run1 commits first.
    frames = frames_for(seed_text, "in/a.txt")
    assert load(engine, frames, "in/a.txt", "a" * 64, run_id="run1") == 1
    assert load(engine, frames, "in/a.txt", "a" * 64, run_id="run2") is None
    assert stored(engine, "SELECT run_id FROM articles") == [("run1",)]
    assert stored(engine, "SELECT run_id, outcome FROM source_files") == [("run1", "loaded")]
    assert count(engine, "rejects") == 0


def test_a_file_this_run_loaded_before_is_loaded_again_in_place(engine, seed_text):
    # A window run again (its worker died after committing this file) replaces what it loaded.
    frames = frames_for(seed_text, "in/a.txt")
    assert load(engine, frames, "in/a.txt", "a" * 64) == 1
    assert load(engine, frames, "in/a.txt", "a" * 64) == 1
    assert stored(engine, "SELECT run_id FROM articles") == [("run1",)]
