"""What `tintuc run` tells the user: exit 0 all loaded, 3 some records rejected, 1 the run failed.

Exit 0 on a clean run is shown in test_cli.py; the flow's final state is checked here too.
"""

from __future__ import annotations

import shutil

import pytest

from flows.pipeline import COMPLETED_WITH_REJECTS, pipeline
from tests.conftest import SEED
from tests.integration.tintuc_process import query, run_tintuc


def test_a_run_with_a_rejected_file_exits_3_and_says_where_to_look(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / SEED.name)
    (inputs / "empty.txt").write_text("  \n", encoding="utf-8")
    result = run_tintuc(["run", str(inputs)], tmp_path / "data")
    assert result.returncode == 3, result.stdout + result.stderr
    assert "1 articles loaded" in result.stdout and "1 rejects" in result.stdout
    assert "some records were rejected" in result.stdout
    database = tmp_path / "data" / "tintuc.sqlite"
    assert query(database, "SELECT status FROM runs") == [("completed_with_rejects",)]


def test_a_run_that_fails_midway_exits_1_and_is_recorded_as_failed(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / SEED.name)
    result = run_tintuc(["run", str(inputs)], tmp_path / "data", {"fail_validation": "validation broke"})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "run failed: RuntimeError: validation broke" in result.stdout
    database = tmp_path / "data" / "tintuc.sqlite"
    assert query(database, "SELECT status, finished_at IS NOT NULL FROM runs") == [("failed", 1)]
    assert query(database, "SELECT count(*) FROM articles") == [(0,)]


def test_a_warehouse_file_that_is_not_a_database_fails_the_run_with_exit_1(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "tintuc.sqlite").write_bytes(b"these are not the bytes of a SQLite database" * 100)
    result = run_tintuc(["run", str(SEED)], data)
    assert result.returncode == 1
    assert "run failed" in result.stdout and "file is not a database" in result.stdout


@pytest.mark.usefixtures("prefect_harness")
def test_the_flow_final_state_tells_rejects_apart_from_a_clean_run_and_a_failure(settings, tmp_path):
    clean = pipeline([SEED], settings, return_state=True)
    assert (clean.is_completed(), clean.name) == (True, "Completed")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with_rejects = pipeline([empty], settings, return_state=True)
    assert (with_rejects.is_completed(), with_rejects.name) == (True, COMPLETED_WITH_REJECTS)
    assert with_rejects.result().rejected == 1
    failed = pipeline([tmp_path / "nowhere"], settings, return_state=True)
    assert failed.is_failed()
