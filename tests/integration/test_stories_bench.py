"""The stories benchmarks run end to end and report every figure (no figure's value is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import PROJECT
from tests.integration.test_bench import run_pipeline_bench

STORIES_DEV = PROJECT.parent / "shared" / "stories-dev"


def test_the_pipeline_benchmark_compares_runs_with_and_without_stories(tmp_path):
    report = run_pipeline_bench(tmp_path, "--articles=3", "--scale=0", "--no-model", "--compare-stories")
    [with_stories], [without] = report["runs"], report["runs_without_stories"]
    assert with_stories["stories"] is True and without["stories"] is False
    assert with_stories["articles_loaded"] == without["articles_loaded"] == 3
    assert report["stories_overhead"] == [round(with_stories["seconds"] / without["seconds"] - 1, 3)]
    assert report["targets"]["stories_overhead_at_n"]["value"] == report["stories_overhead"][0]
    cpu = [run["cpu_s"] + run["server_cpu_s"] for run in (with_stories, without)]
    assert report["stories_cpu_overhead"] == [round(cpu[0] / cpu[1] - 1, 3)]


def test_the_stories_benchmark_scores_a_run_of_the_shared_stories_set(tmp_path):
    if not STORIES_DEV.is_dir():
        pytest.skip(f"{STORIES_DEV} not present: the stories set lies beside the clone, in ../shared, in CI")
    out = tmp_path / "stories.json"
    finished = subprocess.run(
        [sys.executable, str(PROJECT / "bench" / "stories.py"), "--clusters=3", f"--json={out}"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    report = json.loads(out.read_text())
    assert report["clusters"] == 3 and report["articles_scored"] > 10
    for grouping in (report["tintuc"], report["tfidf_single_link"]):
        assert set(grouping) >= {"all", "half_a", "half_b"}
        assert 0 <= grouping["all"]["f1"] <= 1
    assert report["copies"]["pairs_at_0_8"] >= report["copies"]["linked_at_0_8"] >= 0
    assert set(report["minhash"]) >= {"tintuc", "datasketch"}
    assert report["runs"]["articles_loaded"] == report["articles_scored"]  # every one from those clusters
