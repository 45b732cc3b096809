"""One window's whole work as a plain function — read, extract, validate, translate, load — for a Dask worker.

A worker runs many windows, of many runs: it keeps one engine per warehouse URL and one
translator per installed package (its path and mtime: a package installed again is loaded
again) for as long as the process lives, instead of loading the model once per window.
Windows on different workers share no memory: an article two windows both hold is decided by
the warehouse, inside the loading transaction (warehouse.load.load_file, first_copy_wins).
"""

from __future__ import annotations

import functools
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from flows.counts import RunCounts
from flows.settings import Settings
from flows.steps.ingest.files import display_path
from flows.steps.records import Reject
from flows.steps.translate.argos import find_package
from flows.steps.translate.bilingual import TranslatedWindow, person_names, translate_window
from flows.steps.translate.ctranslate import PackageTranslator
from flows.steps.validate import validate_records
from flows.steps.window import ReadWindow, SeenThisRun, extract_window, read_window
from flows.story_hook import story_hook
from flows.translation import toolkit_for, translator_for
from schemas.tables import ArticleTables
from warehouse.engine import Warehouse, make_engine
from warehouse.load import WindowFile, WindowLoad, file_of, load_window
from warehouse.source_files import processed_by

logger = logging.getLogger(__name__)
_translators: dict[tuple[str, int, str], PackageTranslator] = {}
_translators_lock = threading.Lock()  # a worker with several threads loads a package once, not once each
_loads = 0


@dataclass
class WindowDone:
    """What one window did, sent back to the flow: its counts and the package that translated it."""

    counts: RunCounts
    translation_model: str | None = None


@functools.cache
def process_engine(url: str) -> Warehouse:
    """Return this process's engine for the warehouse at url (one pool per worker, not per window)."""
    return make_engine(url)


def process_translator(settings: Settings) -> PackageTranslator | None:
    """Return this process's translator for the installed package, loading it on first use only."""
    global _loads
    package = find_package(settings.argos_dir, settings.source_lang, settings.target_lang)
    if package is None:
        return None
    path = Path(package.package_path)
    decoding = settings.model_dump_json(
        include={"beam_size", "batch_tokens", "inter_threads", "intra_threads", "device"}
    )
    key = (str(path), path.stat().st_mtime_ns, decoding)
    with _translators_lock:
        if key not in _translators:
            _translators[key] = translator_for(package, settings)
            _loads += 1
            logger.info("process %d loaded translation package %s", os.getpid(), path)
        return _translators[key]


def translator_loads() -> int:
    """Return how many times this process has loaded a translation package (tests and the bench ask)."""
    return _loads


def process_window(paths: list[Path], settings: Settings, run_id: str) -> WindowDone:
    """Read, extract, validate, translate and load one window; run again, it skips the files it loaded.

    settings must name the warehouse and the data folder absolutely: they are read on the worker.
    """
    engine = process_engine(settings.resolved_database_url)
    seen = SeenThisRun()  # this window's own copies; other windows' are the warehouse's to find
    read = read_window(paths, settings.max_file_bytes, done_elsewhere(engine, run_id, paths), seen)
    counts = RunCounts()
    if not read.sources and not read.rejects:
        counts.add(read, TranslatedWindow({}), WindowLoad(), 0)
        return WindowDone(counts)
    extracted = extract_window(read.sources, run_id, seen)
    articles, invalid = validate_records(extracted.records)
    translator = process_translator(settings) if articles else None
    if translator is None:
        translated = TranslatedWindow(articles)
    else:
        translated = translate_window(
            articles, toolkit_for(translator, settings, person_names(articles), engine, run_id)
        )
        if translated.given_up:
            logger.warning(
                "%d texts left pending: they failed to translate twice before; "
                "`tintuc translate --retry-failed` tries them again",
                translated.given_up,
            )
    rejects = read.rejects + extracted.rejects + invalid + translated.rejects
    files, unread = window_files(read, translated.articles, rejects)
    loaded = load_window(engine, run_id, files, unread, first_copy_wins=True, on_load=story_hook(settings))
    counts.add(read, translated, loaded, len(rejects))
    return WindowDone(counts, translator.model_name if translator else None)


def done_elsewhere(engine: Warehouse, run_id: str, paths: list[Path]) -> Callable[[list[str]], set[str]]:
    """Return the question a window asks the warehouse: which contents were processed, not by it?

    A window run again (its worker died, or it raised) does again what its first attempt had
    loaded, in place, so its counts are the whole window's, each article once, as if it had run
    once; the first attempt's counts died with it. Contents other runs processed, or this run under
    another path, are skipped as before.
    """
    ours = {display_path(path) for path in paths}

    def processed(hashes: list[str]) -> set[str]:
        marks = processed_by(engine, hashes)
        return {sha for sha, (by, path) in marks.items() if by != run_id or file_of(path) not in ours}

    return processed


def window_files(
    window: ReadWindow, articles: dict[str, ArticleTables], rejects: list[Reject]
) -> tuple[list[WindowFile], list[dict[str, str]]]:
    """Group a window's articles and rejects by the file they came from; rejects of unread files apart."""
    by_path = {
        source.source_path: WindowFile(source.source_path, source.content_sha256) for source in window.sources
    }
    for frames in articles.values():
        by_path[file_of(frames.source_path)].articles.append(frames)
    unread: list[dict[str, str]] = []
    for reject in rejects:
        file = by_path.get(file_of(reject.source_path))
        (file.rejects if file else unread).append(asdict(reject))
    return list(by_path.values()), unread


def for_workers(settings: Settings) -> Settings:
    """Return settings a worker reads the same way: the data folder and warehouse named absolutely."""
    return settings.model_copy(
        update={"data_dir": settings.data_dir.resolve(), "database_url": settings.resolved_database_url}
    )
