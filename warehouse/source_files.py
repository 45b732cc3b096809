"""Which file contents the warehouse has processed: asked without pandas, so a rerun can answer fast."""

from __future__ import annotations

from sqlalchemy import Engine, select

from warehouse.models import SourceFileRow


def processed_among(engine: Engine, hashes: list[str]) -> set[str]:
    """Return which of these content hashes were processed by an earlier run (one query a window)."""
    return set(processed_by(engine, hashes))


def processed_by(engine: Engine, hashes: list[str]) -> dict[str, tuple[str, str]]:
    """Return the run and the path that processed each of these content hashes (one query a window)."""
    if not hashes:
        return {}
    with engine.connect() as connection:
        query = select(SourceFileRow.content_sha256, SourceFileRow.run_id, SourceFileRow.source_path).where(
            SourceFileRow.content_sha256.in_(hashes)
        )
        return {sha: (run_id, path) for sha, run_id, path in connection.execute(query)}


def known_hashes(engine: Engine) -> set[str]:
    """Return the content hashes of every file already processed."""
    with engine.connect() as connection:
        return set(connection.scalars(select(SourceFileRow.content_sha256)))
