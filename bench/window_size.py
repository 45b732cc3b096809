"""Measure how the window size changes the decoder's speed, to choose TINTUC_WINDOW_FILES.

    .venv/bin/python bench/window_size.py [--min-sentences N] [--sizes 10,25,50,100] [--json PATH]

A run decodes one window at a time (length-sorted, token-batched within the window). Small
windows give CTranslate2 fewer sentences to sort and pack, so its batches hold more padding;
this script decodes the same sentences (the seed and ../shared/corpus, repeated and numbered
as in bench/translate.py) with the Argos-shaped model, once as one run-wide job and once per
window size, in one process, and reports each size's sentences/s as a ratio of the run-wide
job's. The default window is the smallest size within 3% of the run-wide job.
"""

from __future__ import annotations

import argparse
import json
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


def decode_in_windows(translator: Any, windows: list[list[str]]) -> float:
    """Decode each window's texts as one job, as a run does; return the seconds it took."""
    start = time.perf_counter()
    for texts in windows:
        sources = sorted((translator.tokenize(text) for text in texts), key=len)
        translator.decode(sources)
    return time.perf_counter() - start


def main() -> None:
    """Build the model, decode the same texts per window size, print and save the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-sentences", type=int, default=1500)
    parser.add_argument("--sizes", default="10,25,50,100")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="argos")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
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
        whole = len(texts) / decode_in_windows(translator, [texts])
        figures: dict[str, Any] = {
            "articles": len(articles),
            "sentences": len(texts),
            "run_wide_sentences_per_s": round(whole, 2),
            "ratio_by_window_files": {},
        }
        print(f"{len(articles)} articles, {len(texts)} texts; run-wide job: {whole:.1f} sentences/s")
        for size in sorted(int(s) for s in args.sizes.split(",")):
            windows = [texts_to_translate(articles[i : i + size]) for i in range(0, len(articles), size)]
            rate = sum(map(len, windows)) / decode_in_windows(translator, windows)
            figures["ratio_by_window_files"][size] = round(rate / whole, 3)
            print(f"windows of {size:4d} articles: {rate:.1f} sentences/s = {rate / whole:.2f}× run-wide")
    good = [size for size, ratio in figures["ratio_by_window_files"].items() if ratio >= WITHIN]
    figures["smallest_within_3_percent"] = min(good) if good else None
    print(f"smallest window within 3% of the run-wide job: {figures['smallest_within_3_percent']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
