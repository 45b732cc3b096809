"""The tintuc pipeline as a Prefect flow, one window at a time: read → extract → validate → translate → load.

Each window is committed before the next is loaded, and at most one window is read ahead
(flows/steps/window.py says how windows are planned), so memory stays flat however large the
input, a run killed after k windows keeps those k, and the next run does the rest. A window's work
is one sequence (flows/window_work.py); here each of its steps is a task named after the step and
its window ("translate-window-3") in Prefect's UI, and the next window is read, extracted and
validated while this one translates. With TINTUC_DASK_ADDRESS, each window is instead one task
("window-3") on that Dask cluster, several at once (flows/on_dask.py).
"""

# No `from __future__ import annotations`: a served run gets the flow function by value (cloudpickle), with
# only the globals its code uses, so annotations must be objects already, not names to look up later.
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from prefect import Flow, Task, flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.states import Completed, State
from prefect.utilities.annotations import opaque

from flows import window_work
from flows.bookkeeping import recorded_run
from flows.counts import RunCounts
from flows.on_dask import windows_on_dask
from flows.progress import RunProgress, run_progress
from flows.settings import Settings
from flows.steps.fetch.crawl import run_sources
from flows.steps.ingest.sources import Source
from flows.steps.records import utc_now
from flows.steps.translate.bilingual import TranslatedWindow
from flows.steps.translate.in_flight import InFlight
from flows.steps.window import SeenThisRun, WindowLimits, plan_windows
from flows.window_work import Pending, Window, WindowDone, WindowSteps, for_workers, overlapped_windows
from schemas.tables import ArticleTables
from warehouse.engine import Warehouse, make_engine, upgrade_to_head
from warehouse.runs import finish_run, record_counts

# The name of the flow's final state when the run completed but some records were rejected.
COMPLETED_WITH_REJECTS = "CompletedWithRejects"
P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class RunSummary(RunCounts):
    """What a run did, for the CLI."""

    run_id: str = ""
    status: str = ""
    windows: int = 0
    translation_model: str | None = None

    def count(self, done: WindowDone) -> None:
        """Count one more window done, and the package that translated it."""
        self.windows += 1
        self.merge(done.counts)
        self.translation_model = self.translation_model or done.translation_model


def window_task(step: Callable[P, R], retries: int = 0) -> Task[P, R]:
    """Return a window's step as a task named after it: "read-window-3" in Prefect's UI is `read`.

    Retries only for the steps that do I/O (reading files, loading the warehouse).
    """
    name = f"{step.__name__}-window"
    return task(
        name=name,
        task_run_name=name + "-{window.number}",
        cache_policy=NONE,
        retries=retries,
        retry_delay_seconds=1,
    )(step)


def called_unwalked(window_step: Task[P, R]) -> Callable[P, R]:
    """Return a call of the task whose arguments Prefect takes whole, without walking into them.

    Prefect walks every argument of a task call, twice, looking for futures to wait on and for
    results of earlier tasks: through a window's articles, its files and the run's record of
    every file and article read so far, which grows with the run. Each argument is wrapped in
    Prefect's `opaque`: Prefect still sees the argument itself (so Prefect's UI still links
    `extract-window-3` to the `read-window-3` whose files it got), but nothing inside it.
    """

    def call(*arguments: P.args, **keywords: P.kwargs) -> R:
        # Prefect unwraps each before the step runs: the step gets the very objects.
        return window_step(
            *(opaque(argument) for argument in arguments),  # type: ignore[arg-type]
            **{name: opaque(value) for name, value in keywords.items()},  # type: ignore[arg-type]
        )

    return call


TRANSLATE_TASK = window_task(window_work.translate)


def submitted_translation(window: Window, articles: dict[str, ArticleTables]) -> Pending[TranslatedWindow]:
    """Start the window's translate task beside the flow (Prefect's thread pool) and return its future."""
    return TRANSLATE_TASK.submit(opaque(window), opaque(articles))  # type: ignore[call-overload]  # see called_unwalked


# Each step of each window a task of its own, in the one order flows/window_work.py gives them.
WINDOW_TASKS = WindowSteps(
    read=called_unwalked(window_task(window_work.read, retries=2)),
    extract=called_unwalked(window_task(window_work.extract)),
    validate=called_unwalked(window_task(window_work.validate)),
    translate=submitted_translation,
    load=called_unwalked(window_task(window_work.load, retries=2)),
)


@flow(name="tintuc-pipeline", log_prints=False)
def pipeline(
    paths: list[Path], settings: Settings, urls: list[str] | None = None, refetch: bool = False
) -> State[RunSummary]:
    """Ingest articles under paths and at urls, a window at a time: extract, validate, translate, load each.

    URLs (pages, feeds, sitemaps) are fetched as the windows need them (flows/steps/fetch/crawl.py);
    refetch fetches again pages fetched before.

    The final state is Completed, Completed named CompletedWithRejects, or Failed (the run raised);
    calling the flow returns the RunSummary.
    """
    engine = make_engine(settings.resolved_database_url)  # the run's one engine, handed to every step
    upgrade_to_head(engine)
    sources = run_sources(paths, urls or [], settings, engine, refetch)
    windows = plan_windows(sources, WindowLimits(settings.window_files, settings.window_bytes))
    with recorded_run(engine, settings) as run_id, run_progress() as progress:
        summary = RunSummary(run_id=run_id)
        for done in worked_windows(windows, settings, engine, run_id, progress):
            summary.count(done)
            record_counts(engine, run_id, **counted(summary))
            progress.window_done()
        summary.status = "completed_with_rejects" if summary.rejected else "completed"
        finish_run(engine, run_id, summary.status, utc_now(), **counted(summary))
    if summary.rejected:
        return Completed(data=summary, name=COMPLETED_WITH_REJECTS, message=f"{summary.rejected} rejects")
    return Completed(data=summary)


def pipeline_for(settings: Settings) -> Flow[..., State[RunSummary]]:
    """Return the pipeline flow, its tasks on the Dask cluster at TINTUC_DASK_ADDRESS when that is set."""
    if not settings.dask_address:
        return pipeline
    from prefect_dask import DaskTaskRunner

    runner = DaskTaskRunner(address=settings.dask_address)
    return pipeline.with_options(task_runner=runner)  # type: ignore[arg-type]  # prefect-dask's typing lags


def counted(summary: RunSummary) -> dict[str, Any]:
    """Return the RunCounts fields of a summary, as the `runs` row takes them."""
    return {name: value for name, value in asdict(summary).items() if name in RunCounts.__dataclass_fields__}


def worked_windows(
    windows: Iterable[list[Source]], settings: Settings, engine: Warehouse, run_id: str, progress: RunProgress
) -> Iterator[WindowDone]:
    """Yield each window as it is done: on the Dask cluster when TINTUC_DASK_ADDRESS names one, else here."""
    if settings.dask_address:
        return windows_on_dask(windows, for_workers(settings), run_id)
    return windows_in_process(windows, settings, engine, run_id, progress)


def windows_in_process(
    windows: Iterable[list[Source]], settings: Settings, engine: Warehouse, run_id: str, progress: RunProgress
) -> Iterator[WindowDone]:
    """Work through the windows here, each step a task of its own; read one while another translates."""
    seen, log, in_flight = SeenThisRun(), get_run_logger(), InFlight()

    def each_window() -> Iterator[Window]:
        for number, paths in enumerate(windows, 1):
            progress.window_started(number, len(paths))
            yield Window(
                number,
                paths,
                run_id,
                settings,
                engine,
                seen,
                sentences=progress.sentences,
                log=log,
                in_flight=in_flight,
            )

    return overlapped_windows(each_window(), WINDOW_TASKS)
