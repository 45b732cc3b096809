"""The benchmark scripts run end to end: translate agrees with Argos token for token; pipeline reports
every figure (no timing asserted)."""

import importlib
import json
import subprocess
import sys
import time
from pathlib import Path

from flows.steps.extract.article import article_id_for
from flows.steps.extract.segments import build_segments
from flows.steps.ingest.files import parse_source, read_source

PROJECT = Path(__file__).resolve().parents[2]
KEYS = {
    "argos_sentences_per_s",
    "tintuc_sentences_per_s",
    "raw_sentences_per_s",
    "identical_share",
    "warm_rerun_speedup",
    "peak_rss_mb",
}


def test_the_benchmark_runs_and_tintuc_gives_argos_tokens(tmp_path):
    out = tmp_path / "bench.json"
    subprocess.run(
        [
            sys.executable,
            str(PROJECT / "bench" / "translate.py"),
            "--shape=fixture",
            "--min-sentences=60",
            f"--corpus={tmp_path / 'no-corpus'}",
            f"--json={out}",
        ],
        check=True,
        cwd=PROJECT,
        capture_output=True,
        timeout=600,
    )
    figures = json.loads(out.read_text())
    assert set(figures) >= KEYS
    assert figures["sentences"] >= 60
    # Batching must give the tokens Argos's path gives. Not every one: CTranslate2 does not promise
    # batch-invariant output (a sentence in a padded batch can differ from itself alone in the last
    # bits of an int8 product, and on some CPUs that flips a beam choice: seen here on 1 sentence of
    # 73, of 251 pieces, both outputs 24 pieces long). A cap or option that differed would flip many.
    assert figures["identical_share"] >= 0.95
    assert all(figures[key] > 0 for key in KEYS)


STEPS = ("read", "extract", "validate", "translate", "load")
RUN_FIGURES = {
    "articles_generated",
    "articles_loaded",
    "segments",
    "translated_texts",
    "seconds",
    "articles_per_s",
    "sentences_per_s",
    "first_commit_s",
    "first_commit_share",
    "peak_rss_mb",
    "maxrss_mb",
    "shared_segment_share",
}


def bench_pipeline():
    """Return bench/pipeline.py (bench/ is a folder of scripts; the project root is on sys.path)."""
    return importlib.import_module("bench.pipeline")


def test_numbered_variants_of_every_input_share_no_sentence(tmp_path):
    pipeline = bench_pipeline()
    sources = pipeline.templates(PROJECT.parent / "shared" / "corpus", 8 << 20)
    paths = pipeline.generate_articles(sources, 2 * len(sources), tmp_path / "articles")
    articles_by_sentence = {}
    for path in paths:
        sentences = pipeline.extracted_sentences(path, 8 << 20)
        assert sentences, f"{path.name} gives no article"
        for sentence in sentences:
            articles_by_sentence.setdefault(sentence, set()).add(path.name)
    shared = [s for s, names in articles_by_sentence.items() if len(names) > 1]
    assert shared == []
    # An article with a URL is keyed by it: each variant needs a URL of its own.
    documents = [parse_source(read_source(path, 8 << 20))[0] for path in paths]
    assert len({article_id_for(doc, build_segments(doc)) for doc in documents}) == len(paths)


def test_the_pipeline_benchmark_reports_every_figure_of_both_runs(tmp_path):
    report = run_pipeline_bench(tmp_path, "--articles=3", "--scale=2")
    small, large = report["runs"]
    assert (small["articles_generated"], large["articles_generated"]) == (3, 6)
    for run in (small, large):
        assert set(run) >= RUN_FIGURES
        assert run["articles_loaded"] == run["articles_generated"]
        assert run["shared_segment_share"] == 0.0
        assert 0 < run["first_commit_s"] <= run["seconds"]
        assert run["peak_rss_mb"] > 0 and run["maxrss_mb"] > 0
        assert run["largest_process_mb"] > 0 and run["largest_process"]
        # Where the time went, from the run's own Prefect database: every step, none longer than the run.
        stages = run["stages"]
        assert set(stages) == {f"{step}_s" for step in STEPS} | {"before_flow_s", "after_flow_s"}
        assert all(seconds >= 0 for seconds in stages.values())
        assert stages["before_flow_s"] + stages["translate_s"] < run["seconds"]
    assert report["extraction"]["articles"] == 3
    # The raw decode is of exactly the texts the first run translated.
    assert report["raw"]["texts"] == small["translated_texts"] > 0
    assert report["end_to_end_over_raw"] > 0 and report["rss_ratio"] > 0
    [measured] = report["rounds"]
    assert measured["end_to_end_over_raw"] == report["end_to_end_over_raw"] and measured["cpu_over_raw"] > 0
    # Each run started the server later runs would reuse (a first run), and the bench stopped it.
    assert report["prefect_server"] == "first" and small["server_cpu_s"] > 0
    # ...in a fresh data folder that started from the migrated template made before the runs.
    assert report["prefect_template"] == "built" and report["prefect_template_build_s"] > 0
    assert all(_gone_within(run["prefect_server_pid"], seconds=30) for run in (small, large))
    assert {goal["pass"] for goal in report["targets"].values()} <= {True, False}
    assert report["machine"]["cores"] >= 1


def test_with_a_kept_server_every_run_reports_its_own_steps_and_no_server_is_left(tmp_path):
    report = run_pipeline_bench(tmp_path, "--articles=2", "--scale=2", "--kept-server")
    assert report["prefect_server"] == "kept"
    for run in report["runs"]:
        assert run["articles_loaded"] == run["articles_generated"]
        # The kept server's database holds both runs: each reports the steps of its own flow run.
        assert set(run["stages"]) == {f"{step}_s" for step in STEPS} | {"before_flow_s", "after_flow_s"}
        assert run["stages"]["before_flow_s"] + run["stages"]["translate_s"] < run["seconds"]
    # `tintuc server stop` took the kept server down when the bench ended.
    (pid,) = {run["prefect_server_pid"] for run in report["runs"]}
    assert pid is not None and _gone_within(pid, seconds=30)


def _gone_within(pid: int, seconds: float) -> bool:
    """Return True once no process has this pid, False if one still has after seconds."""
    deadline = time.monotonic() + seconds
    while Path(f"/proc/{pid}").exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def run_pipeline_bench(tmp_path: Path, *options: str) -> dict:
    """Run bench/pipeline.py on the fixture model and the seed alone; return its JSON report."""
    out = tmp_path / "pipeline.json"
    finished = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "bench" / "pipeline.py"),
            *options,
            "--shape=fixture",
            f"--corpus={tmp_path / 'no-corpus'}",  # the seed alone: the test above reads the corpus
            f"--cache-dir={tmp_path / 'cache'}",
            f"--json={out}",
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    return json.loads(out.read_text())
