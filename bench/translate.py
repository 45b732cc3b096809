"""Benchmark tintuc's translate step against Argos Translate's own path, on one model.

    .venv/bin/python bench/translate.py [--json PATH] [--corpus DIR] [--min-sentences N]

The real vi→en model cannot be downloaded here, so the benchmark builds a random-weight model
of its shape (6+6 layers, d_model 512, FFN 2048, 8 heads, 50k vocabulary, int8) that emits
exactly 30 pieces per sentence, and translates the same sentences three ways in one process:

(a) Argos: `argostranslate.translate.apply_packaged_translation` paragraph by paragraph with
    Argos's defaults (beam 4, 32-token batches, inter 1, intra 0), given tintuc's sentence
    split (Argos's own splitter would download a model);
(b) tintuc: the pipeline's translate step (`flows.steps.translate.bilingual.translate_window`) with the
    default settings, from an empty translation memory (cold), then again (warm);
(c) raw: one CTranslate2 `translate_batch` over every sentence with tintuc's options: the
    practical limit of the hardware.

Sentences are the distinct texts the pipeline translates for the seed and the shared corpus
(../shared/corpus, when present). Articles are repeated to reach --min-sentences; each copy's
sentences carry a copy number, so no path gains from de-duplication.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))  # tests.support is ours, not argos-translate-lt's `tests`

from flows.settings import Settings  # noqa: E402
from flows.steps.ingest.files import iter_files  # noqa: E402
from flows.steps.translate.argos import find_package  # noqa: E402
from flows.steps.translate.bilingual import person_names, texts_to_translate, translate_window  # noqa: E402
from flows.steps.translate.ctranslate import Decoded, PackageTranslator  # noqa: E402
from flows.steps.translate.models import install_file  # noqa: E402
from flows.steps.validate import SCHEMAS, validate_records  # noqa: E402
from flows.steps.window import SeenThisRun, extract_window, read_window  # noqa: E402
from flows.translation import load_toolkit  # noqa: E402
from schemas.tables import ArticleTables  # noqa: E402
from tests.support.argos_fixture import ARGOS_VI_EN_SHAPE, FIXTURE_SHAPE, build_fixture_package  # noqa: E402
from warehouse.engine import make_engine, upgrade_to_head  # noqa: E402

TABLES = list(SCHEMAS)
DEFAULT_CORPUS = PROJECT.parent / "shared" / "corpus"
SHAPES = {"argos": ARGOS_VI_EN_SHAPE, "fixture": FIXTURE_SHAPE}


def load_articles(paths: list[Path]) -> dict[str, ArticleTables]:
    """Read, extract and validate articles the way the pipeline does."""
    seen = SeenThisRun()
    read = read_window(list(iter_files(paths)), Settings().max_file_bytes, lambda _hashes: set(), seen)
    extracted = extract_window(read.sources, "bench", seen)
    articles, _ = validate_records(extracted.records)
    return articles


def repeated(articles: dict[str, ArticleTables], minimum: int) -> dict[str, ArticleTables]:
    """Copy articles until they hold at least minimum texts; copies' sentences are numbered."""
    out = dict(articles)
    copy = 1
    while len(texts_to_translate(list(out.values()))) < minimum:
        copy += 1
        for article_id, frames in articles.items():
            new_id = f"{article_id[:12]}c{copy:03d}"
            clone = {name: getattr(frames, name).copy() for name in TABLES}
            for frame in clone.values():
                if "article_id" in frame:
                    frame["article_id"] = new_id
            clone["segments"]["text_vi"] = clone["segments"]["text_vi"] + f" (bản {copy})"
            out[new_id] = ArticleTables(**clone)
    return out


def paragraphs(articles: dict[str, ArticleTables], texts: list[str]) -> dict[str, list[str]]:
    """Group texts into the paragraphs Argos is given: {paragraph: its sentences}."""
    wanted, grouped = set(texts), {}
    for frames in articles.values():
        segments = frames.segments.sort_values("seq")
        for _, group in segments.groupby("paragraph_no", sort=True):
            sentences = [t for t in group["text_vi"] if t in wanted]
            wanted -= set(sentences)
            if sentences:
                grouped[" ".join(sentences)] = sentences
    for text in texts:  # roles, labels, names: each its own paragraph
        if text in wanted:
            grouped[text] = [text]
            wanted.discard(text)
    return grouped


class RecordingTranslator:
    """A CTranslate2 translator that keeps each sentence's output tokens."""

    def __init__(self, translator: Any) -> None:
        self.translator, self.tokens = translator, []

    def translate_batch(self, *args: Any, **kwargs: Any) -> Any:
        results = self.translator.translate_batch(*args, **kwargs)
        self.tokens.extend(tuple(result.hypotheses[0]) for result in results)
        return results


def run_argos(package: Any, grouped: dict[str, list[str]]) -> tuple[float, dict[str, tuple[str, ...]]]:
    """Translate paragraph by paragraph through Argos; return seconds and tokens by sentence."""
    import ctranslate2
    from argostranslate import sbd, translate

    # Argos logs each paragraph at INFO; printing it would slow Argos down unfairly.
    logging.getLogger("argostranslate").setLevel(logging.WARNING)
    logging.getLogger("argostranslate.utils").setLevel(logging.WARNING)

    class GivenSplit(sbd.ISentenceBoundaryDetectionModel):
        def split_sentences(self, text: str) -> list[str]:
            return grouped[text]

    # As argostranslate.translate.PackageTranslation builds it, with Argos's default settings.
    translator = RecordingTranslator(
        ctranslate2.Translator(
            str(package.package_path / "model"), device="cpu", inter_threads=1, intra_threads=0
        )
    )
    first = next(iter(grouped))
    translate.apply_packaged_translation(package, first, translator, GivenSplit(), num_hypotheses=1)
    translator.tokens.clear()  # the warm-up call above is not timed, and not compared
    start = time.perf_counter()
    for paragraph in grouped:
        translate.apply_packaged_translation(package, paragraph, translator, GivenSplit(), num_hypotheses=1)
    seconds = time.perf_counter() - start
    sentences = [s for group in grouped.values() for s in group]
    return seconds, dict(zip(sentences, translator.tokens, strict=True))


def recording_decode(translator: PackageTranslator) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Record the model's pieces for each source the translator decodes (before any repair)."""
    seen: dict[tuple[str, ...], tuple[str, ...]] = {}
    decode = translator.decode

    def recorded(sources: Any, *args: Any, **kwargs: Any) -> list[Decoded]:
        results = decode(sources, *args, **kwargs)
        for source, result in zip(sources, results, strict=True):
            seen[tuple(p.piece for p in source)] = result.pieces
        return results

    translator.decode = recorded  # type: ignore[method-assign]
    return seen


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """Return the seconds action took and its result."""
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    """Build the model, translate three ways, print and optionally save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="more articles (default ../shared/corpus)"
    )
    parser.add_argument("--min-sentences", type=int, default=500)
    parser.add_argument(
        "--shape",
        choices=sorted(SHAPES),
        default="argos",
        help="model size: argos (the real model's shape) or fixture (the tests' tiny model, for a smoke run)",
    )
    args = parser.parse_args()

    inputs = [PROJECT / "seeds"] + ([args.corpus] if args.corpus.is_dir() else [])
    training = "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for d in inputs for p in sorted(d.iterdir())
    )
    articles = repeated(load_articles(inputs), args.min_sentences)
    texts = texts_to_translate(list(articles.values()))
    with tempfile.TemporaryDirectory(prefix="tintuc-bench-") as tmp:
        settings = Settings(data_dir=Path(tmp) / "data")
        print(f"building a random-weight model ({args.shape} shape); {len(texts)} sentences", flush=True)
        package_file = build_fixture_package(
            Path(tmp) / "bench.argosmodel", training, shape=SHAPES[args.shape]
        )
        install_file(package_file, settings.argos_dir)
        engine = make_engine(settings.resolved_database_url)
        upgrade_to_head(engine)
        toolkit = load_toolkit(settings, engine, person_names(articles))
        assert toolkit is not None
        translator = toolkit.translator
        tintuc_pieces = recording_decode(translator)
        raw_tokens = [[p.piece for p in translator.tokenize(t)] for t in texts]

        options = translator.options
        translator._translator.translate_batch(raw_tokens[:8], beam_size=options.beam_size)  # warm-up
        raw_seconds, _ = timed(
            lambda: translator._translator.translate_batch(
                raw_tokens,
                beam_size=options.beam_size,
                length_penalty=options.length_penalty,
                replace_unknowns=options.replace_unknowns,
                max_batch_size=options.batch_tokens,
                batch_type="tokens",
            )
        )
        print(f"(c) raw translate_batch: {raw_seconds:.1f} s", flush=True)
        cold_seconds, cold = timed(lambda: translate_window(articles, toolkit))
        print(f"(b) tintuc, cold memory: {cold_seconds:.1f} s", flush=True)
        warm_seconds, warm = timed(lambda: translate_window(articles, toolkit))
        print(f"(b) tintuc, warm memory: {warm_seconds:.2f} s ({warm.memory_hits} hits)", flush=True)
        argos_seconds, argos_tokens = run_argos(
            find_package(settings.argos_dir, "vi", "en"), paragraphs(articles, texts)
        )
        print(f"(a) Argos: {argos_seconds:.1f} s", flush=True)

    identical = sum(
        argos_tokens[text] == tintuc_pieces.get(tuple(tokens))
        for text, tokens in zip(texts, raw_tokens, strict=True)
    )
    figures = {
        "sentences": len(texts),
        "beam_size": options.beam_size,
        "argos_sentences_per_s": round(len(texts) / argos_seconds, 2),
        "tintuc_sentences_per_s": round(len(texts) / cold_seconds, 2),
        "raw_sentences_per_s": round(len(texts) / raw_seconds, 2),
        "tintuc_over_argos": round(argos_seconds / cold_seconds, 2),
        "tintuc_over_raw": round(raw_seconds / cold_seconds, 2),
        "identical_share": round(identical / len(texts), 4),
        "warm_rerun_speedup": round(cold_seconds / warm_seconds, 1),
        "protected_repair_share": round(cold.repaired / len(texts), 4),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
