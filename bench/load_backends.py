"""Measure loading into PostgreSQL against SQLite: the same articles, side by side, rows/s.

    .venv/bin/python bench/load_backends.py [--articles N] [--rounds R] [--postgres-url URL] [--json PATH]

The articles are copies of the seed article (17 segments, 12 facts, people, places), each title
numbered so that each copy is an article of its own; they are extracted and validated once,
before any clock starts. Each round
then loads them all into a fresh SQLite file and into a fresh PostgreSQL database, one
transaction per file as a run does (warehouse.load.load_file), alternating which goes first.
The figure is warehouse rows written per second (articles, segments, entities, mentions, facts,
removed lines), the best round of each. Without --postgres-url (or TINTUC_TEST_POSTGRES_URL) a
durable server is started for the bench (Debian's binaries, tests/support/postgres_server.py),
fsync on as SQLite's WAL syncs each commit; the test server, fsync off, flatters PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from flows.steps.extract.article import extract_article  # noqa: E402
from flows.steps.ingest.formats import SourceDocument, parse_document  # noqa: E402
from flows.steps.records import ArticleRecords  # noqa: E402
from flows.steps.validate import validate_records  # noqa: E402
from schemas.tables import ArticleTables  # noqa: E402
from tests.support import postgres_server  # noqa: E402
from warehouse.engine import make_engine, upgrade_to_head  # noqa: E402
from warehouse.load import load_file  # noqa: E402

TABLES = ("articles", "segments", "entities", "mentions", "facts", "removed")


def source_texts() -> list[str]:
    """Return the text of each seed article."""
    return [path.read_text(encoding="utf-8") for path in sorted((PROJECT / "seeds").glob("*.txt"))]


def articles(count: int) -> list[ArticleTables]:
    """Return count validated articles: the sources in turn, each copy's title numbered."""
    texts, tables = source_texts(), []
    number = 0
    while len(tables) < count:
        text = texts[number % len(texts)]
        title, _, body = text.partition("\n")
        documents = parse_document(f"bench/{number}.txt", f"{title} (bản {number})\n{body}")
        sha = f"{number:064x}"
        extracted = [
            extract_article(d, sha, "bench", date(2026, 11, 28))
            for d in documents
            if isinstance(d, SourceDocument)
        ]
        accepted, _ = validate_records([r for r in extracted if isinstance(r, ArticleRecords)])
        tables.extend(accepted.values())
        number += 1
    return tables[:count]


def rows_of(frames: list[ArticleTables]) -> int:
    """Return how many warehouse rows the articles make (entities counted once per article)."""
    return sum(len(getattr(f, table)) for f in frames for table in TABLES if getattr(f, table) is not None)


def load_all(url: str, frames: list[ArticleTables]) -> float:
    """Load every article into a fresh warehouse at url, one transaction each; return the seconds."""
    engine = make_engine(url)
    upgrade_to_head(engine)
    start = time.perf_counter()
    for number, each in enumerate(frames):
        load_file(
            engine,
            content_sha256=f"{number:064x}",
            source_path=each.source_path,
            run_id="bench",
            articles=[each],
            rejects=[],
        )
    seconds = time.perf_counter() - start
    engine.dispose()
    return seconds


@contextmanager
def postgres_database(server_url: str) -> Any:
    """Create a database on the server, yield its URL, drop it afterwards."""
    server = make_url(server_url)
    name = f"tintuc_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


def measure(frames: list[ArticleTables], server_url: str, rounds: int, folder: Path) -> dict[str, Any]:
    """Load the articles into each backend rounds times, alternating; return the best rows/s of each."""
    rows = rows_of(frames)
    seconds: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
    for round_no in range(rounds):
        order = ["sqlite", "postgresql"] if round_no % 2 == 0 else ["postgresql", "sqlite"]
        for backend in order:
            if backend == "sqlite":
                seconds["sqlite"].append(load_all(f"sqlite:///{folder / f'bench-{round_no}.sqlite'}", frames))
            else:
                with postgres_database(server_url) as url:
                    seconds["postgresql"].append(load_all(url, frames))
    best = {backend: min(times) for backend, times in seconds.items()}
    return {
        "articles": len(frames),
        "rows": rows,
        "rounds": rounds,
        "seconds": seconds,
        "sqlite_rows_per_s": round(rows / best["sqlite"]),
        "postgresql_rows_per_s": round(rows / best["postgresql"]),
        "postgresql_to_sqlite": round(best["sqlite"] / best["postgresql"], 2),
    }


def main() -> None:
    """Load the same articles into SQLite and PostgreSQL side by side; print and save rows/s."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--postgres-url", default=os.environ.get("TINTUC_BENCH_POSTGRES_URL"))
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    frames = articles(args.articles)
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="tintuc-bench-") as tmp:
        server_url = args.postgres_url
        if server_url is None:
            folder, server_url = postgres_server.start(durable=True)
            stack.callback(postgres_server.stop, folder)
        figures = measure(frames, server_url, args.rounds, Path(tmp))
    figures["postgres_server"] = "given" if args.postgres_url else "started here, durable (fsync on)"
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
