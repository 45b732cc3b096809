"""Time the story hook inside the load step, in this process: the cost of stories without a run's noise.

    .venv/bin/python bench/stories_hook.py [--articles 1000] [--rounds 2] [--places FILE]

Generates bench/pipeline.py's articles (numbered variants of the seed and ../shared/corpus), extracts
and validates them once, then loads them into fresh SQLite warehouses with the load step itself
(warehouse.load.load_window, 25 files a window, first copy wins, as a run does), alternately without
the story hook and with it, and prints the load's CPU seconds each way and the hook's own CPU time
per article (warehouse.stories.place_article, timed around each call). A whole run's stories
overhead (bench/pipeline.py --compare-stories) swings by more than the hook costs on a shared
machine; this isolates the hook. --places FILE writes every article's place (file, story, first
copy, Jaccard, similarity) so that two versions of the hook can be compared decision by decision.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bench.pipeline import DEFAULT_CORPUS, generate_articles, templates  # noqa: E402
from flows.steps.extract.article import extract_article  # noqa: E402
from flows.steps.ingest.files import parse_source, read_source  # noqa: E402
from flows.steps.ingest.formats import SourceDocument  # noqa: E402
from flows.steps.records import ArticleRecords  # noqa: E402
from flows.steps.validate import validate_records  # noqa: E402
from schemas.tables import ArticleTables  # noqa: E402
from warehouse.engine import make_engine, upgrade_to_head  # noqa: E402
from warehouse.load import ArticleLoaded, WindowFile, load_window  # noqa: E402
from warehouse.stories import place_article  # noqa: E402

MAX_BYTES = 5_000_000
WINDOW = 25
PLACES = """
SELECT a.source_path, m.story_id, m.duplicate_of, m.jaccard, m.similarity
FROM story_articles m JOIN articles a USING (article_id) ORDER BY a.source_path
"""


def window_files(count: int, folder: Path) -> list[WindowFile]:
    """Generate count articles and return them extracted and validated, one WindowFile each."""
    paths = generate_articles(templates(DEFAULT_CORPUS, MAX_BYTES), count, folder)
    files = []
    for path in paths:
        source = read_source(path, MAX_BYTES)
        documents = [doc for doc in parse_source(source) if isinstance(doc, SourceDocument)]
        extracted = [extract_article(doc, source.content_sha256, "bench") for doc in documents]
        articles, _ = validate_records([rec for rec in extracted if isinstance(rec, ArticleRecords)])
        files.append(WindowFile(str(path), source.content_sha256, list(articles.values()), []))
    return files


def load_all(files: list[WindowFile], database: Path, hook: ArticleLoaded | None) -> float:
    """Load the files into a fresh warehouse, a window at a time; return the CPU seconds it took."""
    engine = make_engine(f"sqlite:///{database}")
    upgrade_to_head(engine)
    start = time.process_time()
    for first in range(0, len(files), WINDOW):
        load_window(engine, "bench", files[first : first + WINDOW], [], first_copy_wins=True, on_load=hook)
    engine.dispose()
    return time.process_time() - start


def main() -> None:
    """Time the load with and without the hook, alternately, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--places", type=Path, help="write each article's place here")
    args = parser.parse_args()
    hook_s = [0.0]

    def timed_hook(connection: Any, frames: ArticleTables) -> None:
        started = time.process_time()
        place_article(connection, frames)
        hook_s[0] += time.process_time() - started

    with tempfile.TemporaryDirectory() as tmp:
        files = window_files(args.articles, Path(tmp) / "articles")
        off, on, per_article = [], [], []
        for round_number in range(args.rounds):
            off.append(load_all(files, Path(tmp) / f"off-{round_number}.sqlite", None))
            hook_s[0] = 0.0
            on.append(load_all(files, Path(tmp) / f"on-{round_number}.sqlite", timed_hook))
            per_article.append(hook_s[0] * 1000 / len(files))
        if args.places:
            rows = sqlite3.connect(Path(tmp) / "on-0.sqlite").execute(PLACES).fetchall()
            args.places.write_text("".join(f"{Path(row[0]).name}\t{row[1:]}\n" for row in rows))
    print(f"{len(files)} files, {args.rounds} rounds (medians)")
    print(f"load CPU without stories: {statistics.median(off):.2f} s, with: {statistics.median(on):.2f} s")
    hook_ms = statistics.median(per_article)
    print(f"story hook: {hook_ms:.2f} ms CPU per article")
    print(f"hook over the load without it: {hook_ms * len(files) / 1000 / statistics.median(off):+.1%}")


if __name__ == "__main__":
    main()
