"""Time the Python a run does beside the decoder, against a git ref's code in the same run.

    .venv/bin/python bench/beside_decoder.py [--baseline REF] [--repeats N] [--json PATH]

On two cores every second of Python a run spends while the model decodes is taken from the
decoder. Three pieces of it, each timed per article or per task call:

- fill: a window's English put into an article's frames and checked (`apply_translations`,
  with tintuc's quality checks), the English made up: "the plan" repeated to the source's length;
- rows: an article's six frames turned into the rows the warehouse takes (`warehouse.load._records`);
- walk: what Prefect does with a window step's arguments at each task call (collect its inputs,
  then resolve them), as the run's record of files read grows: the arguments as they are, and
  wrapped in Prefect's `opaque` as flows/pipeline.py hands them.

Articles: the seed and ../shared/corpus-dev when it is there. `--baseline REF` times fill and rows
with a git ref's code (`git archive` of flows, schemas, warehouse and seeds) in a child process on
the same articles, right after, and prints the speed-ups.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
# The baseline's child runs from a temporary tree: it is told where ../shared is.
SHARED = Path(os.environ.get("TINTUC_BENCH_SHARED", PROJECT.parent / "shared"))
TABLES = ("articles", "segments", "entities", "mentions", "facts", "removed")
RECORD_SIZES = (50, 250, 1000, 4000)


def article_frames(shared: Path = SHARED) -> list[Any]:
    """Return the validated frames of the seed and of ../shared/corpus-dev's articles."""
    from flows.steps.ingest.sources import read_any
    from flows.steps.validate import validate_records
    from flows.steps.window import SeenThisRun, extract_window

    paths = sorted((PROJECT / "seeds").glob("*.txt")) + sorted((shared / "corpus-dev").glob("*.txt"))
    sources = [read_any(path, 10**7) for path in paths]
    articles, _ = validate_records(extract_window(sources, "bench", SeenThisRun()).records)
    return list(articles.values())


def per_article_ms(articles: list[Any], work: Callable[[Any], object], repeats: int) -> float:
    """Return the fastest of `repeats` passes over the articles, in milliseconds per article."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for frames in articles:
            work(frames)
        best = min(best, time.perf_counter() - start)
    return best / len(articles) * 1000


def own_figures(repeats: int) -> dict[str, float]:
    """Time fill and rows with the code this script is run with."""
    from flows.steps.text.glossary import load_glossary
    from flows.steps.translate.bilingual import apply_translations
    from flows.steps.translate.protect import Protector
    from flows.steps.translate.quality import quality_flags
    from schemas.english import TRANSLATED_FIELDS
    from warehouse.load import _records

    articles = article_frames()
    protector = Protector(load_glossary(), {})
    english = {
        text: ("the plan " * (len(text) // 40 + 1)).strip()
        for frames in articles
        for table, source, _ in TRANSLATED_FIELDS
        for text in getattr(frames, table)[source].dropna()
    }

    def assess(vietnamese: str, english_text: str) -> str:
        return quality_flags(vietnamese, english_text, protector.spans(vietnamese), protector)

    return {
        "articles": len(articles),
        "fill_ms": per_article_ms(articles, lambda f: apply_translations(f, english, "m", assess), repeats),
        "rows_ms": per_article_ms(articles, lambda f: [_records(getattr(f, t)) for t in TABLES], repeats),
    }


def walk_ms(files_read: int, wrapped: bool, repeats: int = 20) -> float:
    """Return Prefect's work on one task call's arguments, in ms, with files_read files in the record."""
    from prefect.utilities.annotations import opaque
    from prefect.utilities.collections import visit_collection
    from prefect.utilities.engine import collect_task_run_inputs_sync

    from flows.settings import Settings
    from flows.steps.window import SeenThisRun

    seen = SeenThisRun()
    for number in range(files_read):
        digest = hashlib.sha256(str(number).encode()).hexdigest()
        seen.contents.add(digest)
        seen.first_path.update(
            {digest[:16]: f"in/{number}.json", f"text:{digest[16:32]}": f"in/{number}.json"}
        )
    argument: Any = {"settings": Settings(), "seen": seen}
    if wrapped:
        argument = opaque(argument)
    start = time.perf_counter()
    for _ in range(repeats):
        collect_task_run_inputs_sync(argument)
        visit_collection(
            argument, visit_fn=lambda x: x, return_data=True, max_depth=-1, remove_annotations=True
        )
    return (time.perf_counter() - start) / repeats * 1000


def baseline(ref: str, repeats: int) -> dict[str, float]:
    """Time fill and rows with a git ref's code, in a child process."""
    from bench.git_ref import ref_tree

    with ref_tree(ref, ("flows", "schemas", "warehouse", "seeds"), Path(__file__)) as tree:
        out = subprocess.run(
            [
                sys.executable,
                str(Path(tree) / "bench" / "beside_decoder.py"),
                "--own-only",
                f"--repeats={repeats}",
            ],
            check=True,
            capture_output=True,
            text=True,
            env={"PYTHONPATH": tree, "PATH": "/usr/bin:/bin", "TINTUC_BENCH_SHARED": str(SHARED)},
        ).stdout
    return dict(json.loads(out.splitlines()[-1]))


def main() -> None:
    """Time fill, rows and walk; with --baseline, fill and rows with a ref's code too."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", metavar="REF", help="also time fill and rows with this git ref's code")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--own-only", action="store_true", help=argparse.SUPPRESS)  # the baseline's child
    args = parser.parse_args()
    ours = own_figures(args.repeats)
    if args.own_only:
        print(json.dumps(ours))
        return
    sys.path.insert(0, str(PROJECT))  # the baseline's child, above, has only the ref's tree
    from bench.git_ref import short_commit

    figures: dict[str, Any] = {"ours": ours}
    print(f"{ours['articles']} articles, each: fill {ours['fill_ms']:.2f} ms, rows {ours['rows_ms']:.2f} ms")
    if args.baseline:
        before = baseline(args.baseline, args.repeats)
        commit = short_commit(args.baseline)
        speedup = {key: round(before[key] / ours[key], 2) for key in ("fill_ms", "rows_ms")}
        figures["baseline"] = {"ref": args.baseline, "commit": commit, **before, "speedup": speedup}
        print(
            f"{args.baseline} ({commit}): fill {before['fill_ms']:.2f} ms, rows {before['rows_ms']:.2f} ms "
            f"per article; speed-up fill {speedup['fill_ms']}x, rows {speedup['rows_ms']}x"
        )
    figures["walk_ms"] = {
        str(size): {"as_is": round(walk_ms(size, False), 2), "opaque": round(walk_ms(size, True), 3)}
        for size in RECORD_SIZES
    }
    for size, walked in figures["walk_ms"].items():
        print(
            f"Prefect's walk of one task call's arguments, {size} files read: {walked['as_is']} ms as is, "
            f"{walked['opaque']} ms opaque"
        )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n")


if __name__ == "__main__":
    main()
