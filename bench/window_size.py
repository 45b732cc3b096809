"""Measure how the window size changes the decoder's speed, to choose TINTUC_WINDOW_FILES.

    .venv/bin/python bench/window_size.py [--min-sentences N] [--sizes 10,25,50,100] [--json PATH]

A run decodes one window at a time (length-sorted, token-batched within the window). Small
windows give CTranslate2 fewer sentences to sort and pack, so its batches hold more padding;
this script decodes the same sentences (the seed and ../shared/corpus, repeated and numbered
as in bench/translate.py) with the Argos-shaped model, once as one run-wide job and once per
window size, in one process, and reports each size's sentences/s as a ratio of the run-wide
job's. The default window is the smallest size within 3% of the run-wide job.

Each configuration is decoded `--rounds` times, the configurations taking turns within each
round, and both wall seconds and the process's CPU seconds (CTranslate2's threads included) are
kept; ratios use the median CPU seconds, which a busy machine hardly moves (padding costs CPU
work, not only time), and the wall ratios are reported beside them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bench.translate import DEFAULT_CORPUS, SHAPES, load_articles, repeated  # noqa: E402
from flows.settings import Settings  # noqa: E402
from flows.steps.translate.bilingual import texts_to_translate  # noqa: E402
from flows.steps.translate.models import install_file  # noqa: E402
from flows.translation import load_translator  # noqa: E402
from tests.support.argos_fixture import build_fixture_package  # noqa: E402

WITHIN = 0.97


def decode_in_windows(translator: Any, windows: list[list[str]]) -> tuple[float, float]:
    """Decode each window's texts as one job, as a run does; return the wall and CPU seconds it took."""
    wall, cpu = time.perf_counter(), time.process_time()
    for texts in windows:
        sources = sorted((translator.tokenize(text) for text in texts), key=len)
        translator.decode(sources)
    return time.perf_counter() - wall, time.process_time() - cpu


def timed_in_turns(translator: Any, jobs: dict[str, list[list[str]]], rounds: int) -> dict[str, Any]:
    """Decode every job once per round, taking turns; return each job's median wall and CPU seconds."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in jobs}
    for _ in range(rounds):
        for name, windows in jobs.items():
            times[name].append(decode_in_windows(translator, windows))
    return {
        name: {
            "wall_s": statistics.median(wall for wall, _ in pairs),
            "cpu_s": statistics.median(cpu for _, cpu in pairs),
        }
        for name, pairs in times.items()
    }


def main() -> None:
    """Build the model, decode the same texts per window size, print and save the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-sentences", type=int, default=1500)
    parser.add_argument("--sizes", default="10,25,50,100")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="argos")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--rounds", type=int, default=3, help="decodes of each configuration, in turns")
    parser.add_argument("--package", type=Path, help="an .argosmodel to use instead of building one")
    args = parser.parse_args()
    inputs = [PROJECT / "seeds"] + ([DEFAULT_CORPUS] if DEFAULT_CORPUS.is_dir() else [])
    training = "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for d in inputs for p in sorted(d.iterdir())
    )
    articles = list(repeated(load_articles(inputs), args.min_sentences).values())
    texts = texts_to_translate(articles)
    with tempfile.TemporaryDirectory(prefix="tintuc-bench-") as tmp:
        settings = Settings(data_dir=Path(tmp) / "data")
        package = args.package or build_fixture_package(
            Path(tmp) / "m.argosmodel", training, shape=SHAPES[args.shape]
        )
        install_file(package, settings.argos_dir)
        translator = load_translator(settings)
        assert translator is not None
        translator.decode([translator.tokenize(t) for t in texts[:8]])  # warm-up, not timed
        sizes = sorted(int(s) for s in args.sizes.split(","))
        jobs = {"run-wide": [texts]} | {
            str(size): [texts_to_translate(articles[i : i + size]) for i in range(0, len(articles), size)]
            for size in sizes
        }
        timed = timed_in_turns(translator, jobs, args.rounds)
    whole = timed["run-wide"]
    figures: dict[str, Any] = {
        "articles": len(articles),
        "sentences": len(texts),
        "rounds": args.rounds,
        "run_wide_sentences_per_cpu_s": round(len(texts) / whole["cpu_s"], 2),
        "run_wide_sentences_per_s": round(len(texts) / whole["wall_s"], 2),
        "ratio_by_window_files": {},
        "wall_ratio_by_window_files": {},
    }
    print(f"{len(articles)} articles, {len(texts)} texts, {args.rounds} rounds in turns")
    for size in sizes:
        cpu_ratio = whole["cpu_s"] / timed[str(size)]["cpu_s"]
        wall_ratio = whole["wall_s"] / timed[str(size)]["wall_s"]
        figures["ratio_by_window_files"][size] = round(cpu_ratio, 3)
        figures["wall_ratio_by_window_files"][size] = round(wall_ratio, 3)
        print(f"windows of {size:4d} articles: {cpu_ratio:.2f}× run-wide per CPU s ({wall_ratio:.2f}× wall)")
    good = [size for size, ratio in figures["ratio_by_window_files"].items() if ratio >= WITHIN]
    figures["smallest_within_3_percent"] = min(good) if good else None
    print(f"smallest window within 3% of the run-wide job: {figures['smallest_within_3_percent']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
