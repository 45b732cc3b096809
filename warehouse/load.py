"""Load validated frames: one transaction per source file, upserts on natural keys."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from warehouse.engine import retry_when_busy
from warehouse.models import (
    Article,
    Entity,
    Fact,
    Mention,
    RejectRow,
    Removed,
    Run,
    Segment,
    SourceFileRow,
)

# Children first, so that deleting an article's old version never trips a foreign key.
_CHILD_MODELS = (Fact, Mention, Removed, Segment)


def _records(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    """Return a frame's rows as dicts, with pandas' missing values as None."""
    if frame is None or frame.empty:
        return []
    cleaned = frame.astype(object).where(frame.notna(), None)
    return [
        {
            key: (
                value.date()
                if isinstance(value, pd.Timestamp) and key == "published_on"
                else value.to_pydatetime()
                if isinstance(value, pd.Timestamp)
                else value
            )
            for key, value in row.items()
        }
        for row in cleaned.to_dict(orient="records")
    ]


def insert_statement(connection: Connection, model: Any) -> Any:
    """Return the dialect's INSERT, which knows ON CONFLICT."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(model)


def known_hashes(engine: Engine) -> set[str]:
    """Return the content hashes of every file already processed."""
    with engine.connect() as connection:
        return set(connection.scalars(select(SourceFileRow.content_sha256)))


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


def _replace_article(connection: Connection, frames: dict[str, pd.DataFrame]) -> None:
    """Insert one article and all its rows, replacing any earlier version of it."""
    article = _records(frames["articles"])[0]
    _delete_articles(connection, [article["article_id"]])
    connection.execute(insert_statement(connection, Article).values(**article))
    entities = _records(frames.get("entities"))
    if entities:
        # Entities are shared across articles: a newer English name wins, a missing one never
        # erases the English another article's run already stored.
        statement = insert_statement(connection, Entity)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[Entity.entity_id],
                set_={"name_en": func.coalesce(statement.excluded.name_en, Entity.name_en)},
            ),
            entities,
        )
    for model, table in ((Segment, "segments"), (Mention, "mentions"), (Removed, "removed")):
        rows = _records(frames.get(table))
        if rows:
            connection.execute(insert_statement(connection, model), rows)
    facts = sorted(_records(frames.get("facts")), key=lambda row: row["parent_fact_id"] is not None)
    if facts:
        connection.execute(insert_statement(connection, Fact), facts)


@retry_when_busy
def load_file(
    engine: Engine,
    *,
    content_sha256: str,
    source_path: str,
    run_id: str,
    articles: list[dict[str, pd.DataFrame]],
    rejects: list[dict[str, str]],
) -> None:
    """Load a file's articles and rejects, and mark its content processed, atomically.

    What the file gave before is replaced as a whole: an article it no longer holds goes. The
    file's rejects of this run are replaced too, so a retried load never stores them twice.
    """
    with engine.begin() as connection:
        _delete_articles(connection, _file_articles(source_path))
        for frames in articles:
            _replace_article(connection, frames)
        _replace_rejects(connection, run_id, source_path, rejects)
        outcome = "loaded" if articles else "rejected"
        statement = insert_statement(connection, SourceFileRow).values(
            content_sha256=content_sha256, source_path=source_path, run_id=run_id, outcome=outcome
        )
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[SourceFileRow.content_sha256],
                set_={"source_path": source_path, "run_id": run_id, "outcome": outcome},
            )
        )


@retry_when_busy
def start_run(engine: Engine, run_id: str, started_at: datetime, kind: str = "pipeline") -> None:
    """Record that a run (`pipeline`: tintuc run or serve; `translate`: tintuc translate) has started."""
    with engine.begin() as connection:
        connection.execute(
            insert_statement(connection, Run).values(
                run_id=run_id,
                kind=kind,
                started_at=started_at,
                status="running",
                files_seen=0,
                files_skipped=0,
                articles_loaded=0,
                segments_translated=0,
                rejected=0,
            )
        )


@retry_when_busy
def finish_run(engine: Engine, run_id: str, status: str, finished_at: datetime, **counts: int) -> None:
    """Record a run's outcome and counts."""
    with engine.begin() as connection:
        connection.execute(
            update(Run).where(Run.run_id == run_id).values(status=status, finished_at=finished_at, **counts)
        )


def running_runs(engine: Engine) -> list[str]:
    """Return the ids of runs recorded as running (live, or left so by a process that died)."""
    with engine.connect() as connection:
        return list(connection.scalars(select(Run.run_id).where(Run.status == "running")))


@retry_when_busy
def mark_crashed(engine: Engine, run_ids: list[str]) -> None:
    """Record runs whose process died as crashed; finished_at stays empty (nobody saw them end)."""
    with engine.begin() as connection:
        connection.execute(
            update(Run).where(Run.run_id.in_(run_ids), Run.status == "running").values(status="crashed")
        )


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
