"""Benchmark a rerun with nothing new while `tintuc server start` keeps a Prefect server running.

    .venv/bin/python bench/rerun.py [--articles N] [--repeat 5] [--json bench/rerun.json]

Issue 8 asks that such a rerun take ≤ 3 s. In a fresh data folder (no model) it loads N generated
articles (bench/pipeline.py's numbered variants) once, starts tintuc's server, then times, each
`--repeat` times, two real `python -m flows run FOLDER` children side by side in alternation:
- nothing_new: the same folder again (every file processed before);
- one_new_file: the folder plus one new article, which goes through the whole Prefect flow, so the
  ratio shows what the early answer saves on this machine at this moment.
Medians are reported; the machine's load average is in the JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pipeline import PROJECT, generate_articles, templates

SHARED_CORPUS = PROJECT.parent / "shared" / "corpus"
MAX_BYTES = 8 << 20


def tintuc(args: list[str], data: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Run `python -m flows ARGS` on the data folder; return its wall time and what it did."""
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    env.update(TINTUC_DATA_DIR=str(data), PREFECT_HOME=str(data / "prefect"))
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "flows", *args], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    return time.perf_counter() - started, done


def checked(result: tuple[float, subprocess.CompletedProcess[str]]) -> float:
    """Return the run's seconds, or stop naming what the run printed when it failed."""
    seconds, done = result
    if done.returncode not in (0, 3):
        sys.exit(f"{done.args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return seconds


def measure(articles: int, repeat: int, work: Path) -> dict[str, Any]:
    """Load the articles once, then time nothing-new reruns against runs with one new file."""
    corpus = SHARED_CORPUS if SHARED_CORPUS.is_dir() else work / "no-corpus"
    sources = templates(corpus, MAX_BYTES)
    folder, data = work / "articles", work / "data"
    generate_articles(sources, articles + repeat, work / "all")
    folder.mkdir()
    extra = sorted((work / "all").iterdir())
    for path in extra[:articles]:
        shutil.move(path, folder / path.name)
    checked(tintuc(["run", str(folder)], data))
    checked(tintuc(["server", "start"], data))
    try:
        nothing_new, one_new = [], []
        for path in extra[articles:]:
            nothing_new.append(checked(tintuc(["run", str(folder)], data)))
            shutil.move(path, folder / path.name)
            one_new.append(checked(tintuc(["run", str(folder)], data)))
    finally:
        tintuc(["server", "stop"], data)
    report = {"articles": articles, "repeat": repeat, "nothing_new_s": nothing_new, "one_new_file_s": one_new}
    report["nothing_new_median_s"] = round(statistics.median(nothing_new), 2)
    report["one_new_file_median_s"] = round(statistics.median(one_new), 2)
    report["one_new_over_nothing_new"] = round(statistics.median(one_new) / statistics.median(nothing_new), 1)
    report["target_nothing_new_s"] = 3.0
    report["met"] = report["nothing_new_median_s"] <= 3.0
    return report


def main() -> None:
    """Parse arguments, measure, print and optionally save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="tintuc-rerun-") as work:
        report = measure(args.articles, args.repeat, Path(work))
    report["machine"] = {
        "cores": os.cpu_count(),
        "load_average_start": load_start,
        "load_average_end": os.getloadavg(),
    }
    print(
        f"nothing new: {report['nothing_new_median_s']} s "
        f"(target ≤ 3 s: {'met' if report['met'] else 'NOT met'}); "
        f"one new file: {report['one_new_file_median_s']} s; ratio {report['one_new_over_nothing_new']}×"
    )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
