"""A run works through its input in windows: each committed in turn, the next read while one translates.

Each window's steps are visible in Prefect, as tasks named after the step and the window.
"""

from __future__ import annotations

import asyncio
import codecs
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from flows import pipeline as pipeline_module
from flows.pipeline import pipeline
from flows.steps.window import SeenThisRun
from tests.conftest import SEED
from tests.integration.test_crash_and_concurrency import rows_per_article, wait_for, write_articles
from tests.integration.tintuc_process import finish, kill_group, query, run_tintuc, start_tintuc
from tests.integration.warehouse_reads import rows


def test_a_run_killed_after_two_windows_keeps_them_and_the_rerun_loads_the_rest(tmp_path, monkeypatch):
    monkeypatch.setenv("TINTUC_WINDOW_FILES", "2")
    inputs, data = tmp_path / "in", tmp_path / "data"
    write_articles(inputs, range(7))
    # Windows of 1, 2, 2 and 2 files (they start small). Window 2 is loaded once window 3 has been read
    # and is translating: paused before reading window 4, the run has committed windows 1 and 2.
    marker = tmp_path / "at-window-4"
    child = start_tintuc(["run", str(inputs)], data, {"pause_at_window": 4, "marker": str(marker)})
    try:
        wait_for(marker, child)
    finally:
        kill_group(child)
    finish(child)
    database = data / "tintuc.sqlite"
    committed = {row[0] for row in query(database, "SELECT source_path FROM articles")}
    assert {Path(path).name for path in committed} == {"tin_00.json", "tin_01.json", "tin_02.json"}
    assert query(database, "SELECT articles_loaded, status FROM runs") == [(3, "running")]

    rerun = run_tintuc(["run", str(inputs)], data)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "3 unchanged, 4 articles loaded" in rerun.stdout
    per_article = rows_per_article(database)
    assert len(per_article) == 7 and len(set(per_article.values())) == 1  # seven whole, equal articles
    assert sorted(query(database, "SELECT status FROM runs")) == [("completed",), ("crashed",)]


@pytest.mark.usefixtures("prefect_harness")
def test_each_window_is_a_named_task_in_prefect_and_the_run_counts_them(settings, tmp_path):
    write_articles(tmp_path / "in", range(3))
    settings = settings.model_copy(update={"window_files": 1})
    state = pipeline([tmp_path / "in"], settings, return_state=True)
    summary = state.result()
    assert (summary.windows, summary.articles_loaded, summary.files_seen) == (3, 3, 3)
    expected = {f"{step}-window-{n}" for step in STEPS for n in (1, 2, 3)}
    names = eventually_named(state.state_details.flow_run_id, expected)
    assert expected <= names, expected - names
    # Each step's task is linked in Prefect to the task whose result it was handed. (Prefect tells a
    # dict result by its id() alone, so a recycled id may add a stray link: "in", not "==".)
    runs = asyncio.run(task_runs(state.state_details.flow_run_id))
    for n in (1, 2, 3):
        assert runs[f"read-window-{n}"].id in inputs_of(runs, f"extract-window-{n}", "files")
        assert runs[f"validate-window-{n}"].id in inputs_of(runs, f"translate-window-{n}", "articles")
        assert runs[f"read-window-{n}"].id in inputs_of(runs, f"load-window-{n}", "files")


@pytest.mark.usefixtures("prefect_harness")
def test_the_first_window_loads_alone_then_the_next_is_read_while_one_translates(settings, tmp_path):
    write_articles(tmp_path / "in", range(4))
    settings = settings.model_copy(update={"window_files": 1})
    state = pipeline([tmp_path / "in"], settings, return_state=True)
    assert state.result().articles_loaded == 4
    expected = {f"{step}-window-{n}" for step in STEPS for n in (1, 2, 3, 4)}
    starts = eventually_started(state.state_details.flow_run_id, expected)
    assert starts["load-window-1"] < starts["read-window-2"]  # the first article waits for nothing else
    assert starts["read-window-3"] < starts["load-window-2"]  # then the next window read before one loads
    assert starts["load-window-2"] < starts["load-window-3"] < starts["load-window-4"]


class Unwalkable(set):
    """A set the run only asks and adds to; walking it, as Prefect walks a task's arguments, fails."""

    def __iter__(self):
        raise AssertionError("a window's argument was walked")


class UnwalkableMap(dict):
    """A mapping the run only looks up and updates; walking it (items()) fails."""

    def items(self):
        raise AssertionError("a window's argument was walked")


@pytest.mark.usefixtures("prefect_harness")
def test_prefect_hands_each_window_step_its_arguments_without_walking_them(
    installed_settings, tmp_path, monkeypatch
):
    # Prefect walks a task's arguments for futures, twice a call, unless they are quoted: through the
    # run's record of every file and article read, which grows with the run, at every step of every
    # window. Here that record cannot be walked: a walk fails the step, and the run with it.
    monkeypatch.setattr(pipeline_module, "SeenThisRun", lambda: SeenThisRun(Unwalkable(), UnwalkableMap()))
    inputs = tmp_path / "in"
    paths = write_articles(inputs, range(3))
    # Windows of 1, 2 and 2 files. The last holds a copy of a file of the second window, byte for byte,
    # and another article under the same URL as one of it: the record must still catch both.
    shutil.copy(paths[1], inputs / "tin_03.json")
    same_url = paths[2].read_text(encoding="utf-8").replace("bản 2", "bản 4")
    (inputs / "tin_04.json").write_text(same_url, encoding="utf-8")
    settings = installed_settings.model_copy(update={"window_files": 2})
    summary = pipeline([inputs], settings)
    assert (summary.windows, summary.articles_loaded, summary.files_skipped, summary.rejected) == (3, 3, 1, 1)
    assert summary.segments_translated > 0


STEPS = ("read", "extract", "validate", "translate", "load")
# Prefect records task runs from events it sends in the background: the last may land a moment late.
RECORDED_WITHIN_S = 60


def eventually_named(flow_run_id, expected: set[str]) -> set[str]:
    """Return the flow run's task run names once they hold expected, or as they are after a minute."""
    deadline = time.monotonic() + RECORDED_WITHIN_S
    names = asyncio.run(task_run_names(flow_run_id))
    while not expected <= names and time.monotonic() < deadline:
        time.sleep(1)
        names = asyncio.run(task_run_names(flow_run_id))
    return names


def eventually_started(flow_run_id, expected: set[str]) -> dict[str, object]:
    """Return when each of the flow run's task runs started, once all of expected are recorded."""
    deadline = time.monotonic() + RECORDED_WITHIN_S
    starts = asyncio.run(task_run_starts(flow_run_id))
    while not expected <= set(starts) and time.monotonic() < deadline:
        time.sleep(1)
        starts = asyncio.run(task_run_starts(flow_run_id))
    assert expected <= set(starts), expected - set(starts)
    return starts


async def task_run_starts(flow_run_id) -> dict[str, object]:
    """Return when each of a flow run's task runs started, as Prefect's API lists them."""
    runs = await task_runs(flow_run_id)
    return {name: task_run.start_time for name, task_run in runs.items() if task_run.start_time}


def inputs_of(runs: dict[str, Any], name: str, parameter: str) -> set[object]:
    """Return the ids of the task runs Prefect records as giving a task run's parameter."""
    return {given.id for given in runs[name].task_inputs.get(parameter, [])}


async def task_runs(flow_run_id) -> dict[str, Any]:
    """Return a flow run's task runs by name, as Prefect's API lists them."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    async with get_client() as client:
        listed = await client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
        )
    return {task_run.name: task_run for task_run in listed}


async def task_run_names(flow_run_id) -> set[str]:
    """Return the names of a flow run's task runs, as Prefect's API lists them."""
    return set(await task_runs(flow_run_id))


@pytest.mark.usefixtures("prefect_harness")
def test_a_copy_in_a_later_window_is_still_a_duplicate(warehouse_settings, tmp_path):
    settings = warehouse_settings
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    (folder / "b.txt").write_bytes(codecs.BOM_UTF8 + SEED.read_bytes().replace(b"\n", b"\r\n"))
    summary = pipeline([folder], settings.model_copy(update={"window_files": 1}))
    assert (summary.windows, summary.articles_loaded) == (2, 1)
    [reject] = rows(settings, "SELECT source_path, check_name, failure FROM rejects")
    assert reject["check_name"] == "duplicate_article" and "same text as" in reject["failure"]


@pytest.mark.usefixtures("prefect_harness")
def test_an_article_without_url_is_one_article_wherever_it_is_run_from_and_in_whatever_bytes(
    warehouse_settings, tmp_path, monkeypatch
):
    settings = warehouse_settings
    first, second = tmp_path / "first", tmp_path / "elsewhere" / "later"
    first.mkdir()
    second.mkdir(parents=True)
    shutil.copy(SEED, first / "seed.txt")
    # The same article, later, in other bytes (UTF-16 with a BOM) and under another name.
    (second / "again.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16"))
    monkeypatch.chdir(first)
    pipeline([Path("seed.txt")], settings)
    monkeypatch.chdir(second.parent)
    summary = pipeline([Path("later")], settings)
    assert summary.articles_loaded == 1
    [article] = rows(settings, "SELECT article_id, source_path FROM articles")
    assert article["source_path"] == "later/again.txt"  # the newer copy replaced the older one
    assert len(rows(settings, "SELECT * FROM segments")) == 17
