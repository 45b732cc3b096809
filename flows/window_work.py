"""One window's work — read, extract, validate, translate, load — the one sequence every run follows.

work_window runs the five steps in order: start_window reads, extracts, validates and starts
the translation; finish_window waits for it and loads. A Dask worker runs the plain steps here,
one window after another, the whole window one task ("window-3", flows/on_dask.py). The in-process
flow hands overlapped_windows its Prefect tasks, each a thin wrapper of the plain step here, so each
step of each window shows in Prefect's UI ("translate-window-3", flows/pipeline.py); its translate
task is submitted, not called, so the next window is read, extracted and validated while the model
decodes this one, and the decoder has the next window's sentences queued before it runs out: on
two cores a run otherwise leaves one core idle for every second of Python between two decodes.

A worker runs many windows, of many runs: it keeps one engine per warehouse URL for as long as the
process lives, and every process keeps the translator it loaded (flows/translation.py,
loaded_translator), so a model is loaded once per process, not once per window. Windows on different
workers share no memory: an article two windows both hold is decided by the warehouse, inside the
loading transaction (warehouse.load.load_file, first_copy_wins).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from flows.counts import RunCounts
from flows.settings import Settings
from flows.steps.ingest.sources import Source, source_name
from flows.steps.records import ArticleRecords, Reject
from flows.steps.translate.bilingual import TranslatedWindow, person_names, translate_window
from flows.steps.translate.in_flight import InFlight
from flows.steps.validate import validate_records
from flows.steps.window import ExtractedWindow, ReadWindow, SeenThisRun, extract_window, read_window
from flows.story_hook import story_hook
from flows.translation import NO_MODEL_HINT, loaded_translator, toolkit_for
from schemas.tables import ArticleTables
from warehouse.engine import Warehouse, make_engine
from warehouse.load import WindowFile, WindowLoad, file_of, load_window
from warehouse.source_files import processed_by

GIVEN_UP = (
    "%d texts left pending: they failed to translate twice before; "
    "`tintuc translate --retry-failed` tries them again"
)
logger = logging.getLogger(__name__)
T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Pending(Protocol[T_co]):
    """A result that may still be being worked out: a Prefect future, or a value already there."""

    def result(self) -> T_co:
        """Return the result, waiting for it; raise what its work raised."""
        ...


@dataclass(frozen=True)
class Ready(Generic[T]):
    """A result already there."""

    value: T

    def result(self) -> T:
        """Return the value."""
        return self.value


@dataclass
class Window:
    """One window of a run, and what all its steps share.

    seen holds what earlier windows of the run read (a worker's window sees only its own);
    first_copy_wins lets the warehouse decide between copies that windows loading at once both
    hold (see warehouse.load.load_file); sentences(total) returns the callback that counts the
    sentences translated, for a progress bar.
    """

    number: int
    paths: list[Source]
    run_id: str
    settings: Settings
    engine: Warehouse
    seen: SeenThisRun = field(default_factory=SeenThisRun)
    first_copy_wins: bool = False
    sentences: Callable[[int], Callable[[int], None]] | None = None
    log: logging.Logger | logging.LoggerAdapter[Any] = logger
    # Shared by the run's windows that translate side by side: a text two hold is decoded once.
    in_flight: InFlight | None = None


@dataclass
class WindowDone:
    """What one window did, sent back to the flow: its counts and the package that translated it."""

    counts: RunCounts
    translation_model: str | None = None


def read(window: Window) -> ReadWindow:
    """Read the window's files whose content has not been processed before."""
    processed = done_elsewhere(window.engine, window.run_id, window.paths)
    return read_window(window.paths, window.settings.max_file_bytes, processed, window.seen)


def extract(window: Window, files: ReadWindow) -> ExtractedWindow:
    """Extract every article's rows; files without an article become rejects."""
    return extract_window(files.sources, window.run_id, window.seen)


def validate(window: Window, records: list[ArticleRecords]) -> tuple[dict[str, ArticleTables], list[Reject]]:
    """Validate every table lazily with pandera; failing rows become rejects."""
    return validate_records(records)


def translate(window: Window, articles: dict[str, ArticleTables]) -> TranslatedWindow:
    """Translate the window's text vi→en, or leave it pending when no model is installed."""
    translator = loaded_translator(window.settings) if articles else None
    if translator is None:
        if articles and window.number == 1:
            window.log.info(NO_MODEL_HINT)  # info, not a warning: the CLI prints the hint itself
        return TranslatedWindow(articles)
    names = person_names(articles)
    toolkit = toolkit_for(
        translator, window.settings, names, window.engine, window.run_id, in_flight=window.in_flight
    )
    translated = translate_window(articles, toolkit, window.sentences)
    if translated.given_up:
        window.log.warning(GIVEN_UP, translated.given_up)
    return translated


def load(
    window: Window, files: ReadWindow, articles: dict[str, ArticleTables], rejects: list[Reject]
) -> WindowLoad:
    """Load each file of the window atomically: its articles (each placed in a story), rejects, mark."""
    by_file, unread = window_files(files, articles, rejects)
    return load_window(
        window.engine,
        window.run_id,
        by_file,
        unread,
        first_copy_wins=window.first_copy_wins,
        on_load=story_hook(window.settings),
    )


def translate_now(window: Window, articles: dict[str, ArticleTables]) -> Pending[TranslatedWindow]:
    """Translate the window here and now (a Dask worker's way); the result is ready when this returns."""
    return Ready(translate(window, articles))


@dataclass(frozen=True)
class WindowSteps:
    """The five steps of a window: the plain functions above, or the flow's tasks around them.

    translate starts the translation and returns it pending: the flow's task is submitted and runs
    beside the next window's reading; the plain step is done when it returns.
    """

    read: Callable[[Window], ReadWindow] = read
    extract: Callable[[Window, ReadWindow], ExtractedWindow] = extract
    validate: Callable[[Window, list[ArticleRecords]], tuple[dict[str, ArticleTables], list[Reject]]] = (
        validate
    )
    translate: Callable[[Window, dict[str, ArticleTables]], Pending[TranslatedWindow]] = translate_now
    load: Callable[[Window, ReadWindow, dict[str, ArticleTables], list[Reject]], WindowLoad] = load


PLAIN_STEPS = WindowSteps()


@dataclass
class StartedWindow:
    """A window read, extracted and validated, its translation started (None: nothing to translate)."""

    window: Window
    files: ReadWindow
    rejects: list[Reject] = field(default_factory=list)
    translating: Pending[TranslatedWindow] | None = None


def start_window(window: Window, steps: WindowSteps = PLAIN_STEPS) -> StartedWindow:
    """Read, extract and validate one window, and start translating it."""
    files = steps.read(window)
    if not files.sources and not files.rejects:  # every file done before: nothing to do
        return StartedWindow(window, files)
    extracted = steps.extract(window, files)
    articles, invalid = steps.validate(window, extracted.records)
    translating = steps.translate(window, articles)
    return StartedWindow(window, files, files.rejects + extracted.rejects + invalid, translating)


def finish_window(started: StartedWindow, steps: WindowSteps = PLAIN_STEPS) -> WindowDone:
    """Wait for the window's translation and load it; return what the window did."""
    counts = RunCounts()
    if started.translating is None:
        counts.add(started.files, TranslatedWindow({}), WindowLoad(), 0)
        return WindowDone(counts)
    translated = started.translating.result()
    rejects = started.rejects + translated.rejects
    loaded = steps.load(started.window, started.files, translated.articles, rejects)
    counts.add(started.files, translated, loaded, len(rejects))
    return WindowDone(counts, translated.translation_model)


def work_window(window: Window, steps: WindowSteps = PLAIN_STEPS) -> WindowDone:
    """Read, extract, validate, translate and load one window; return what it did."""
    return finish_window(start_window(window, steps), steps)


def overlapped_windows(windows: Iterable[Window], steps: WindowSteps) -> Iterator[WindowDone]:
    """Yield each window as it is done, in order, each started before the one before it is loaded.

    Window k + 1 is read, extracted and validated, and its translation started, while window k
    translates; then window k is loaded. Two windows at most are held at once, each is committed
    in its turn, and if starting a window fails the one before it is still loaded first.

    The first window is the exception: it is loaded before the second starts. It holds the run's
    first article, the one a user waits for, and beside the second window its decode shared the
    machine with that window's reading and decode (2.3 s for one article's 21 texts against 1.7 s
    alone, on two cores). The decoder idles once, while the second window is read.
    """
    previous: StartedWindow | None = None
    for position, window in enumerate(windows):
        try:
            started = start_window(window, steps)
        except BaseException:
            if previous is not None:
                yield finish_window(previous, steps)
            raise
        if previous is not None:
            yield finish_window(previous, steps)
        previous = started
        if position == 0:
            yield finish_window(previous, steps)
            previous = None
    if previous is not None:
        yield finish_window(previous, steps)


@functools.cache
def process_engine(url: str) -> Warehouse:
    """Return this process's engine for the warehouse at url (one pool per worker, not per window)."""
    return make_engine(url)


def process_window(number: int, paths: list[Source], settings: Settings, run_id: str) -> WindowDone:
    """Do one window's whole work in this process (a Dask worker); run again, it skips the files it loaded.

    settings must name the warehouse and the data folder absolutely: they are read on the worker.
    """
    engine = process_engine(settings.resolved_database_url)
    # Only this window's own copies are seen here; other windows' are the warehouse's to find.
    return work_window(Window(number, paths, run_id, settings, engine, first_copy_wins=True))


def done_elsewhere(engine: Warehouse, run_id: str, paths: list[Source]) -> Callable[[list[str]], set[str]]:
    """Return the question a window asks the warehouse: which contents were processed, not by it?

    A window run again (its worker died, or it raised) does again what its first attempt had
    loaded, in place, so its counts are the whole window's, each article once, as if it had run
    once; the first attempt's counts died with it. Contents other runs processed, or this run under
    another path, are skipped as before.
    """
    ours = {source_name(path) for path in paths}

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
