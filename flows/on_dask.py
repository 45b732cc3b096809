"""The pipeline's windows as tasks on a Dask cluster, through Prefect's DaskTaskRunner (prefect-dask).

With TINTUC_DASK_ADDRESS set, the flow plans windows as before (files listed lazily) and submits
each as one task, `window-N`, that does the window's whole work on a worker
(flows/window_work.py). At most `windows_in_flight` are submitted and unfinished at once, so the
flow's memory stays flat however long the listing; their counts come back as they finish.
A worker that dies mid-window: Dask runs the task again elsewhere, which loads again, in place,
the files the first attempt had committed (flows/window_work.py, done_elsewhere), so the counts
it sends back are the whole window's, each article once.
"""

# No `from __future__ import annotations`: Prefect reads the task's annotations as objects.
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from prefect import task
from prefect.cache_policies import NONE
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import TaskRunner

from flows.settings import Settings
from flows.steps.ingest.sources import Source
from flows.window_work import WindowDone, process_window


@task(name="window", task_run_name="window-{number}", cache_policy=NONE, retries=2, retry_delay_seconds=1)
def run_window(number: int, paths: list[Source], settings: Settings, run_id: str) -> WindowDone:
    """Read, extract, validate, translate and load one window on a worker; return its counts."""
    return process_window(number, paths, settings, run_id)


@contextmanager
def cluster_runner(address: str) -> Iterator[TaskRunner[Any]]:
    """Yield the flow's DaskTaskRunner, or one of our own on address when the flow was called without it.

    A served run imports the plain flow, whose runner is Prefect's thread pool: it still gets the cluster.
    """
    from prefect_dask import DaskTaskRunner

    context = FlowRunContext.get()
    if context is not None and isinstance(context.task_runner, DaskTaskRunner):
        yield context.task_runner
        return
    with DaskTaskRunner(address=address) as runner:
        yield runner


def windows_on_dask(windows: Iterable[list[Source]], settings: Settings, run_id: str) -> Iterator[WindowDone]:
    """Submit each window as it is planned, at most settings.windows_in_flight at once; yield each as it ends.

    A window that fails (after its task's retries) raises here, and the run fails with it.
    """
    in_flight: set[PrefectFuture[WindowDone]] = set()
    with cluster_runner(str(settings.dask_address)) as runner:
        for number, paths in enumerate(windows, 1):
            if len(in_flight) >= settings.windows_in_flight:
                yield _first_finished(in_flight)
            parameters = {"number": number, "paths": paths, "settings": settings, "run_id": run_id}
            in_flight.add(runner.submit(run_window, parameters))
        while in_flight:
            yield _first_finished(in_flight)


def _first_finished(in_flight: set[PrefectFuture[WindowDone]]) -> WindowDone:
    """Wait for one of the windows in flight to finish; take it out and return what it did."""
    done = next(as_completed(list(in_flight)))
    in_flight.remove(done)
    return done.result()
