"""Benchmark the pipeline's windows on Dask: in process, then on 1 and 2 Dask workers of this machine.

    .venv/bin/python bench/scale_out.py [--articles N] [--shape fixture|argos] [--window-files 10]
                                        [--json bench/scale_out.json]

The same N generated articles (bench/pipeline.py's numbered variants of the seed and of
../shared/corpus: no two share a sentence) are loaded three times, each into a fresh SQLite file
with the same installed model (bench/pipeline.py's cached random-weight package; --shape fixture,
the tests' tiny model, is the default): by the plain in-process flow, and with
TINTUC_DASK_ADDRESS naming a distributed.LocalCluster of 1, then 2, worker processes (one
thread each) started beforehand, so the cluster's start is not timed; each worker's model load is.
All three run against one temporary Prefect server (prefect_test_harness), started once.

Figures per configuration: seconds (the flow call, wall clock), windows_per_s, sentences_per_s
(segments translated per second), and each over the in-process run's as a ratio. On this
machine's 2 cores a second worker only shares the same cores (and each worker holds its own copy
of the model): expect no gain. Rows/s into PostgreSQL vs SQLite is bench/load_backends.py's; its
output is appended below these figures when that script is present.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
# Prefect reads these at import: its database and logs go to a temporary folder, not ~/.prefect.
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="tintuc-bench-prefect-"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from flows.settings import Settings  # noqa: E402
from flows.steps.translate.models import install_file  # noqa: E402

LOAD_BACKENDS = PROJECT / "bench" / "load_backends.py"


def bench_pipeline() -> Any:
    """Return bench/pipeline.py, for its article generator and models (the project is on sys.path)."""
    return importlib.import_module("bench.pipeline")


def timed_run(folder: Path, settings: Settings) -> dict[str, Any]:
    """Run the pipeline once on folder and return its wall time, windows and sentences per second."""
    from flows.pipeline import pipeline_for

    started = time.perf_counter()
    summary = pipeline_for(settings)([folder], settings)
    seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 2),
        "windows": summary.windows,
        "articles": summary.articles_loaded,
        "sentences": summary.segments_translated,
        "windows_per_s": round(summary.windows / seconds, 3),
        "sentences_per_s": round(summary.segments_translated / seconds, 2),
    }


def on_cluster(workers: int, folder: Path, settings: Settings) -> dict[str, Any]:
    """Start a LocalCluster of workers processes and time a run on it."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=workers,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        figures = timed_run(folder, settings.model_copy(update={"dask_address": cluster.scheduler_address}))
        from flows.translation import translator_loads

        figures["model_loads_per_worker"] = sorted(client.run(translator_loads).values())
    return figures


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, dict[str, Any]]:
    """Generate the articles, install the model, and time the three configurations."""
    bench = bench_pipeline()
    sources = bench.templates(args.corpus, Settings().max_file_bytes)
    folder = tmp / "articles"
    bench.generate_articles(sources, args.articles, folder)
    training = "\n".join(t.path.read_text(encoding="utf-8", errors="replace") for t in sources)
    settings = Settings(data_dir=tmp / "data", window_files=args.window_files)
    install_file(bench.cached_package(args.shape, training, args.cache_dir), settings.argos_dir)

    def into(name: str) -> Settings:
        return settings.model_copy(update={"database_url": f"sqlite:///{tmp / name}.sqlite"})

    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=settings.prefect_server_timeout_s):
        print(f"in process: {args.articles} articles", flush=True)
        runs = {"in_process": timed_run(folder, into("in-process"))}
        for workers in (1, 2):
            print(f"on {workers} Dask worker(s)", flush=True)
            runs[f"dask_{workers}"] = on_cluster(workers, folder, into(f"dask-{workers}"))
    return runs


def with_ratios(runs: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Add each configuration's windows/s and sentences/s over the in-process run's."""
    base = runs["in_process"]
    for figures in runs.values():
        for figure in ("windows_per_s", "sentences_per_s"):
            figures[f"{figure}_ratio"] = round(figures[figure] / base[figure], 3) if base[figure] else None
    return runs


def print_table(runs: dict[str, dict[str, Any]]) -> None:
    """Print the figures, one configuration a line."""
    print(f"{'':<12}{'seconds':>9}{'windows/s':>11}{'ratio':>7}{'sentences/s':>13}{'ratio':>7}  loads")
    for name, f in runs.items():
        loads = f.get("model_loads_per_worker", "")
        print(
            f"{name:<12}{f['seconds']:>9}{f['windows_per_s']:>11}{f['windows_per_s_ratio']!s:>7}"
            f"{f['sentences_per_s']:>13}{f['sentences_per_s_ratio']!s:>7}  {loads}"
        )


def load_backends() -> str | None:
    """Return bench/load_backends.py's output (rows/s, PostgreSQL vs SQLite), when that script exists."""
    if not LOAD_BACKENDS.exists():
        return None
    done = subprocess.run([sys.executable, str(LOAD_BACKENDS)], capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def parse_args() -> argparse.Namespace:
    """Read the command line."""
    bench = bench_pipeline()
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60, help="articles generated (default 60)")
    parser.add_argument("--shape", choices=sorted(bench.SHAPES), default="fixture", help="the model's size")
    parser.add_argument("--window-files", type=int, default=10, help="TINTUC_WINDOW_FILES for every run")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--corpus", type=Path, default=bench.DEFAULT_CORPUS, help="default ../shared/corpus")
    parser.add_argument(
        "--cache-dir", type=Path, default=bench.DEFAULT_CACHE, help="where built models are kept"
    )
    return parser.parse_args()


def main() -> None:
    """Time the three configurations and print them as ratios over the in-process run."""
    args = parse_args()
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="tintuc-bench-scale-out-") as folder:
        runs = with_ratios(measure(args, Path(folder)))
    print_table(runs)
    report = {
        "articles": args.articles,
        "shape": args.shape,
        "window_files": args.window_files,
        "runs": runs,
        "cores": os.cpu_count(),
        "load_average_start": [round(x, 2) for x in load_start],
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
        "load_backends": load_backends(),
    }
    if report["load_backends"]:
        print(report["load_backends"])
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
