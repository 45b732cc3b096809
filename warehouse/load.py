"""Load validated frames: one transaction per source file, upserts on natural keys."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, delete, func, select, text
from sqlalchemy.exc import DataError, IntegrityError

from schemas.articles import ArticlesSchema
from schemas.segments import SegmentsSchema
from schemas.tables import ArticleTables
from warehouse.engine import insert_statement, retry_when_busy
from warehouse.models import (
    Article,
    Entity,
    Fact,
    Mention,
    RejectRow,
    Removed,
    Segment,
    SourceFileRow,
)
from warehouse.search_index import refresh_search_index
from warehouse.source_files import processed_among as processed_among  # the flow's one import of loading

# What the load step may do with each article inside its transaction, once it is loaded: place it in
# a story (warehouse/stories.py, through flows/story_hook.py). None: nothing more.
ArticleLoaded = Callable[[Connection, ArticleTables], None]
# On PostgreSQL, loads with an on_load step take turns on this key too, taken with the file's own keys
# (sorted, at the start): a load never holds rows another waits for while it waits for the turn.
ON_LOAD_TURN = "tintuc-on-load"
# Children first, so that deleting an article's old version never trips a foreign key.
_CHILD_MODELS = (Fact, Mention, Removed, Segment)


def _records(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    """Return a frame's rows as dicts of plain values, with pandas' missing values as None.

    Value by value in Python: pandas' astype and where cost 4.5 times as much on an article's
    frames of a few rows each (bench/beside_decoder.py), and a window loads beside the decoder.
    """
    if frame is None or frame.empty:
        return []
    rows = frame.to_dict(orient="records")
    for row in rows:
        for key, value in row.items():
            row[key] = _plain(key, value)
    return rows


def _plain(column: str, value: Any) -> Any:
    """Return value as the database takes it: None for NaN, NaT and NA; a date for published_on."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date() if column == "published_on" else value.to_pydatetime()
    return value


def _delete_articles(connection: Connection, article_ids: Any) -> None:
    """Delete articles and every row that belongs to them (children first)."""
    for model in _CHILD_MODELS:
        connection.execute(delete(model).where(model.article_id.in_(article_ids)))
    connection.execute(delete(Article).where(Article.article_id.in_(article_ids)))


def _from_file(column: Any, source_path: str) -> Any:
    """Match a source_path column to a file and its records ("a.json", "a.json#0", …)."""
    return (column == source_path) | column.startswith(f"{source_path}#")


def _file_articles(source_path: str) -> Any:
    """Select the ids of the articles a file gave last time."""
    return select(Article.article_id).where(_from_file(Article.source_path, source_path))


def _replace_article(connection: Connection, frames: ArticleTables) -> None:
    """Insert one article and all its rows, replacing any earlier version of it."""
    article = _records(frames.articles)[0]
    _delete_articles(connection, [article["article_id"]])
    connection.execute(insert_statement(connection, Article).values(**article))
    # In key order, so two transactions upserting shared entities lock them in the same order.
    entities = sorted(_records(frames.entities), key=lambda row: str(row["entity_id"]))
    if entities:
        # Entities are shared across articles: a newer English name wins, a missing one never
        # erases the English another article's run already stored.
        statement = insert_statement(connection, Entity)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[Entity.entity_id],
                set_={
                    "name_en": func.coalesce(statement.excluded.name_en, Entity.name_en),
                    "aliases_vi": func.coalesce(statement.excluded.aliases_vi, Entity.aliases_vi),
                },
            ),
            entities,
        )
    for model, frame in ((Segment, frames.segments), (Mention, frames.mentions), (Removed, frames.removed)):
        rows = _records(frame)
        if rows:
            connection.execute(insert_statement(connection, model), rows)
    facts = sorted(_records(frames.facts), key=lambda row: row["parent_fact_id"] is not None)
    if facts:
        connection.execute(insert_statement(connection, Fact), facts)


def _take_turns(connection: Connection, keys: list[str]) -> None:
    """Wait for any other transaction loading the same content, file or article to commit.

    On SQLite, by taking the write lock first (BEGIN IMMEDIATE; the driver would begin only at
    the first write), so what the transaction reads before writing is still true when it writes.
    On PostgreSQL two runs loading one file would each delete nothing (the other's rows are not
    committed yet) and insert, and the second would fail on the primary key; taking turns, the
    second sees the first's copy. Locks are taken in key order, so two transactions never wait
    for each other.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        return
    if connection.dialect.name != "postgresql":
        return
    for key in sorted(set(keys)):
        connection.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key})


@retry_when_busy
def load_file(
    engine: Engine,
    *,
    content_sha256: str,
    source_path: str,
    run_id: str,
    articles: list[ArticleTables],
    rejects: list[dict[str, str]],
    first_copy_wins: bool = False,
    on_load: ArticleLoaded | None = None,
) -> int | None:
    """Load a file's articles and rejects, mark its content processed, atomically; return articles loaded.

    What the file gave before is replaced as a whole: an article it no longer holds goes, from
    the search index too. The file's rejects of this run are replaced too, so a retried load
    never stores them twice. With first_copy_wins, an article another file of this run loaded
    already (same id, or same text) is rejected as a duplicate here, inside the transaction:
    windows that load at once, on several machines, share no memory, and the warehouse decides
    which copy came first. on_load is called with each article loaded, in the same transaction.

    None when another run processed the same content after this run read it (overlapping runs,
    several machines): the file stays as that run loaded it and nothing is written here, so each
    run counts the articles the warehouse holds from it. A file this run loaded before (a window
    run again after its worker died) is loaded again in its place and counted again.
    """
    with engine.begin() as connection:
        turns = [content_sha256, source_path, *(frames.article_id for frames in articles)]
        _take_turns(connection, turns + ([ON_LOAD_TURN] if on_load is not None else []))
        if _processed_by_another_run(connection, content_sha256, run_id):
            return None
        replaced = list(connection.scalars(_file_articles(source_path)))
        # Two files cannot both find themselves first: the transaction has its turn (above).
        _delete_articles(connection, replaced)
        if first_copy_wins:
            _one_run_decides_at_a_time(connection, run_id)
        loaded = []
        for frames in articles:
            first = _first_copy(connection, run_id, source_path, frames) if first_copy_wins else None
            if first is not None:
                rejects = [*rejects, duplicate_reject(frames, *first)]
                continue
            _replace_article(connection, frames)
            if on_load is not None:
                on_load(connection, frames)
            loaded.append(frames.article_id)
        # In the same transaction: the old text leaves the index as the new one enters it.
        refresh_search_index(connection, [*replaced, *loaded])
        _replace_rejects(connection, run_id, source_path, rejects)
        outcome = "loaded" if loaded else "rejected"
        statement = insert_statement(connection, SourceFileRow).values(
            content_sha256=content_sha256, source_path=source_path, run_id=run_id, outcome=outcome
        )
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[SourceFileRow.content_sha256],
                set_={"source_path": source_path, "run_id": run_id, "outcome": outcome},
            )
        )
    return len(loaded)


def _processed_by_another_run(connection: Connection, content_sha256: str, run_id: str) -> bool:
    """Return whether another run has marked this content processed (it read it after we did)."""
    marked = select(SourceFileRow.run_id).where(SourceFileRow.content_sha256 == content_sha256)
    by = connection.execute(marked).scalar()
    return by is not None and by != run_id


def _one_run_decides_at_a_time(connection: Connection, run_id: str) -> None:
    """On PostgreSQL, hold a lock on the run until commit, so its files decide duplicates one by one.

    SQLite needs none: its single writer already holds the write lock.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(hashtext(:run_id))"), {"run_id": run_id})


def _first_copy(
    connection: Connection, run_id: str, source_path: str, frames: ArticleTables
) -> tuple[str, bool] | None:
    """Return (path, same text?) of another file of this run that loaded this article, or None."""
    article = frames.articles.iloc[0]
    others = (Article.run_id == run_id) & ~_from_file(Article.source_path, source_path)
    same_id = select(Article.source_path).where(Article.article_id == frames.article_id, others)
    path = connection.execute(same_id).scalar()
    if path is not None:
        # Without a URL the id is the text's own key: a duplicate is then always "same text".
        return path, not _url(frames)
    texts = list(frames.segments.sort_values(SegmentsSchema.seq)[SegmentsSchema.text_vi])
    same_title = select(Article.article_id, Article.source_path).where(
        Article.title_vi == article[ArticlesSchema.title_vi], others
    )
    for article_id, path in connection.execute(same_title):
        stored = select(Segment.text_vi).where(Segment.article_id == article_id).order_by(Segment.seq)
        if list(connection.scalars(stored)) == texts:
            return path, True
    return None


def _url(frames: ArticleTables) -> str | None:
    """Return the article's URL, or None (pandas may hold a missing one as NaN)."""
    url = frames.articles.iloc[0][ArticlesSchema.url]
    return None if pd.isna(url) else str(url)


def duplicate_reject(frames: ArticleTables, first: str, by_text: bool) -> dict[str, str]:
    """Reject a second copy of an article another file of this run loaded (worded as in window.py)."""
    where = "same text" if by_text else f"same article ({_url(frames) or first})"
    source_path = str(frames.articles.iloc[0][ArticlesSchema.source_path])
    return {
        "source_path": source_path,
        "table_name": "files",
        "record": json.dumps({"source_path": source_path}),
        "check_name": "duplicate_article",
        "failure": f"{where} as {first}, which is loaded instead",
    }


def _replace_rejects(
    connection: Connection, run_id: str, source_path: str, rejects: list[dict[str, str]]
) -> None:
    """Store a file's rejects of this run in place of any stored by an earlier attempt."""
    connection.execute(
        delete(RejectRow).where(
            RejectRow.run_id == run_id,
            _from_file(RejectRow.source_path, source_path),
        )
    )
    if rejects:
        connection.execute(
            insert_statement(connection, RejectRow), [{**r, "run_id": run_id} for r in rejects]
        )


@retry_when_busy
def insert_rejects(engine: Engine, run_id: str, source_path: str, rejects: list[dict[str, str]]) -> None:
    """Store the rejects of a file that could not be read at all (it is tried again next run)."""
    with engine.begin() as connection:
        _replace_rejects(connection, run_id, source_path, rejects)


# A record of a web archive is a source of its own, named by its offset ("crawl.warc.gz#3120").
_ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def file_of(source_path: str) -> str:
    """Return the source a document came from ("a.json#2" is record 2 of a.json; "c.warc.gz#310" itself)."""
    head, sep, rest = source_path.partition("#")
    if sep and head.lower().endswith(_ARCHIVE_SUFFIXES):
        return f"{head}#{rest.split('#', 1)[0]}"
    return head


@dataclass
class WindowLoad:
    """What loading a window did, for the run's counts."""

    articles: int = 0  # articles loaded, each once
    # Rejects the load itself stored: copies of another file's article (first_copy_wins), and
    # files the warehouse refused (one reject each).
    turned_down: int = 0
    files_taken: int = 0  # files another run loaded first: left as it loaded them
    rejects_left: int = 0  # the rejects of those files, stored by that run, not by this one


@dataclass(frozen=True)
class WindowFile:
    """One file of a window as the loader sees it: its path, its content hash, what it gave."""

    source_path: str
    content_sha256: str
    articles: list[ArticleTables] = field(default_factory=list)
    rejects: list[dict[str, str]] = field(default_factory=list)


def load_window(
    engine: Engine,
    run_id: str,
    files: list[WindowFile],
    unread: list[dict[str, str]],
    first_copy_wins: bool = False,
    on_load: ArticleLoaded | None = None,
) -> WindowLoad:
    """Load each file of a window in its own transaction; return what it loaded.

    unread holds the rejects of files that could not be read at all: stored without a processed
    mark, so the next run tries them again. A file the database refuses (a constraint no schema
    caught) is rejected with the database's words; the window's other files still load.
    first_copy_wins, on_load: see load_file.
    """
    outcome = WindowLoad()
    for file in files:
        try:
            loaded = load_file(
                engine,
                content_sha256=file.content_sha256,
                source_path=file.source_path,
                run_id=run_id,
                articles=file.articles,
                rejects=file.rejects,
                first_copy_wins=first_copy_wins,
                on_load=on_load,
            )
        except (IntegrityError, DataError) as error:
            outcome.turned_down += 1
            refused = {
                "source_path": file.source_path,
                "table_name": "files",
                "record": json.dumps({"source_path": file.source_path}),
                "check_name": "file_loads",
                "failure": f"the warehouse refused this file's rows ({error.orig}); nothing of it was "
                "loaded. This is a bug in tintuc: please report it with this file",
            }
            insert_rejects(engine, run_id, file.source_path, [refused])
            continue
        if loaded is None:
            outcome.files_taken += 1
            outcome.rejects_left += len(file.rejects)
        else:
            outcome.articles += loaded
            outcome.turned_down += len(file.articles) - loaded
    by_file: dict[str, list[dict[str, str]]] = defaultdict(list)
    for reject in unread:
        by_file[file_of(reject["source_path"])].append(reject)
    for source_path, rejects in by_file.items():
        insert_rejects(engine, run_id, source_path, rejects)
    return outcome
