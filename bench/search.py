"""Measure search on a warehouse of N generated articles (default 1,000), and what the index costs a load.

    .venv/bin/python bench/search.py [--articles 1000] [--repeat 20] [--json bench/search.json]
                                     [--postgres-url postgresql+psycopg://USER@HOST:PORT/EMPTY_DB]

Articles are bench/pipeline.py's numbered variants of the seed and ../shared/corpus (every
sentence of variant k carries "(bản k)"), read, extracted and validated in this process, then
loaded file by file with warehouse.load.load_file into two SQLite warehouses side by side: one
keeping the search index as tintuc does, one with the index maintenance switched off. English
stands in as the folded Vietnamese (stored with warehouse.translations.store_translations, as
`tintuc translate` does), so the English index is as large as a translated warehouse's.

Figures:
- load_s_indexed, load_s_unindexed, index_load_overhead: seconds to load every file, each file
  loaded into both warehouses in turn, and the ratio minus one.
- queries: per query, the hits and the median and 95th-percentile milliseconds of
  warehouse.search.search over --repeat calls on one warm engine (first_ms: the first call).
- cli_ms: the median of three `python -m flows search` runs, the whole command (imports included).
- postgres (with --postgres-url, an empty database): the indexed warehouse copied there by
  warehouse.transfer.copy_warehouse (copy_s: rows and index rebuild), then the same queries
  timed on it, each right after its SQLite timing (queries: hits, first, median and p95 ms).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from unittest import mock

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from flows.settings import Settings  # noqa: E402
from flows.steps.extract.article import extract_article  # noqa: E402
from flows.steps.ingest.files import parse_source, read_source  # noqa: E402
from flows.steps.ingest.formats import SourceDocument  # noqa: E402
from flows.steps.records import ArticleRecords  # noqa: E402
from flows.steps.validate import validate_records  # noqa: E402
from warehouse.engine import Warehouse, make_engine, upgrade_to_head  # noqa: E402
from warehouse.folding import fold  # noqa: E402
from warehouse.load import WindowFile, file_of, load_file  # noqa: E402
from warehouse.search import search  # noqa: E402
from warehouse.transfer import copy_warehouse  # noqa: E402
from warehouse.translations import pending_texts, store_translations  # noqa: E402

WINDOW = 50
# (query, options): common words, a name, đ folding, exact, English, and one article's own number.
QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("thanh uy ha noi", {"lang": "vi"}),
    ("Hà Nội", {"lang": "both"}),
    ("dinh tien dung", {"lang": "vi"}),
    ("duong", {"lang": "vi"}),
    ("Thành ủy", {"lang": "vi", "exact": True}),
    ("ha noi", {"lang": "en"}),
    ("ban 537", {"lang": "vi"}),
]


def _bench_pipeline() -> Any:
    """Return bench/pipeline.py, for its article generator (the project is on sys.path)."""
    return importlib.import_module("bench.pipeline")


def window_files(paths: list[Path], max_bytes: int) -> list[WindowFile]:
    """Read, extract and validate the files, WINDOW at a time; return them as the loader takes them."""
    files: list[WindowFile] = []
    for start in range(0, len(paths), WINDOW):
        by_path: dict[str, WindowFile] = {}
        records = []
        for path in paths[start : start + WINDOW]:
            source = read_source(path, max_bytes)
            by_path[source.source_path] = WindowFile(source.source_path, source.content_sha256)
            for document in parse_source(source):
                if isinstance(document, SourceDocument):
                    extracted = extract_article(document, source.content_sha256, "bench")
                    if isinstance(extracted, ArticleRecords):
                        records.append(extracted)
        accepted, _ = validate_records(records)
        for frames in accepted.values():
            by_path[file_of(frames.source_path)].articles.append(frames)
        files += by_path.values()
    return files


def _load(engine: Warehouse, file: WindowFile) -> float:
    """Load one file; return the seconds it took."""
    started = time.perf_counter()
    load_file(
        engine,
        content_sha256=file.content_sha256,
        source_path=file.source_path,
        run_id="bench",
        articles=file.articles,
        rejects=[],
    )
    return time.perf_counter() - started


def load_side_by_side(files: list[WindowFile], indexed: Warehouse, unindexed: Warehouse) -> dict[str, float]:
    """Load every file into both warehouses in turn, the second without index maintenance."""
    with_index = without_index = 0.0
    for file in files:
        with_index += _load(indexed, file)
        with mock.patch("warehouse.load.refresh_search_index"):
            without_index += _load(unindexed, file)
    return {
        "load_s_indexed": round(with_index, 2),
        "load_s_unindexed": round(without_index, 2),
        "index_load_overhead": round(with_index / without_index - 1, 3),
    }


def fill_english(engine: Warehouse) -> float:
    """Store the folded Vietnamese as every text's English; return the seconds it took."""
    started = time.perf_counter()
    english = {text: fold(text) for text in pending_texts(engine)}
    store_translations(engine, english, "bench-folded@0", lambda _vi, _en: "")
    return time.perf_counter() - started


def time_query(engine: Warehouse, query: str, options: dict[str, Any], repeat: int) -> dict[str, Any]:
    """Return a query's hits and its latency over repeat calls."""
    timings = []
    hits = []
    for _ in range(repeat):
        started = time.perf_counter()
        hits = search(engine, query, **options)
        timings.append((time.perf_counter() - started) * 1000)
    ordered = sorted(timings)
    return {
        "query": query,
        **options,
        "hits": len(hits),
        "first_ms": round(timings[0], 2),
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 2),
    }


def time_queries(engines: list[Warehouse], repeat: int) -> list[list[dict[str, Any]]]:
    """Return each engine's figures for every query, the engines timed in turn query by query."""
    figures: list[list[dict[str, Any]]] = [[] for _ in engines]
    for query, options in QUERIES:
        for place, engine in enumerate(engines):
            figures[place].append(time_query(engine, query, options, repeat))
    return figures


def postgres_copy(indexed: Warehouse, url: str) -> tuple[Warehouse, float]:
    """Copy the indexed warehouse into the PostgreSQL database at url; return it and the seconds taken."""
    postgres = make_engine(url)
    started = time.perf_counter()
    copy_warehouse(indexed, postgres)
    return postgres, time.perf_counter() - started


def cli_ms(database: Path) -> float:
    """Return the median wall time of three whole `tintuc search` commands."""
    env = {**os.environ, "TINTUC_DATABASE_URL": f"sqlite:///{database}", "PYTHONPATH": str(PROJECT)}
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "flows", "search", "thanh uy ha noi"],
            cwd=PROJECT,
            env=env,
            check=True,
            capture_output=True,
        )
        timings.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(timings), 1)


def main() -> None:
    """Generate, load, fill English, time the queries, print (and write) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--postgres-url", help="an empty PostgreSQL database: time the same queries there too"
    )
    arguments = parser.parse_args()
    bench = _bench_pipeline()
    max_bytes = Settings().max_file_bytes
    with tempfile.TemporaryDirectory(prefix="tintuc-search-bench-") as temporary:
        work = Path(temporary)
        paths = bench.generate_articles(
            bench.templates(bench.DEFAULT_CORPUS, max_bytes), arguments.articles, work / "articles"
        )
        started = time.perf_counter()
        files = window_files(paths, max_bytes)
        extract_s = time.perf_counter() - started
        indexed, unindexed = (make_engine(f"sqlite:///{work / name}") for name in ("a.sqlite", "b.sqlite"))
        for engine in (indexed, unindexed):
            upgrade_to_head(engine)
        figures: dict[str, Any] = {
            "articles": sum(len(file.articles) for file in files),
            "extract_s": round(extract_s, 1),
            **load_side_by_side(files, indexed, unindexed),
            "store_english_s": round(fill_english(indexed), 2),
        }
        with indexed.connect() as connection:
            figures["index_rows"] = connection.exec_driver_sql("SELECT count(*) FROM search_docs").scalar()
        engines = [indexed]
        if arguments.postgres_url:
            postgres, copy_s = postgres_copy(indexed, arguments.postgres_url)
            engines.append(postgres)
        timed = time_queries(engines, arguments.repeat)
        figures["queries"] = timed[0]
        if arguments.postgres_url:
            figures["postgres"] = {"copy_s": round(copy_s, 2), "queries": timed[1]}
            postgres.dispose()
        figures["cli_ms"] = cli_ms(work / "a.sqlite")
        indexed.dispose()  # the last connection to close checkpoints the WAL into the file
        figures["database_mb"] = round((work / "a.sqlite").stat().st_size / 2**20, 1)
        figures["load_average"] = os.getloadavg()
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
