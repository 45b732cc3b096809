"""Try a small classifier over shape and position for the furniture the rules leave in the text.

    .venv/bin/python bench/furniture_classifier.py [--folds 5] [--json PATH]

Issue 18's seventh round asked whether a model over shapes would find the furniture the rules
miss on unseen pages better than one more rule. This script answers it on the golds one may tune
on (development, fresh, fresh-2; never the test gold or the holdout): each body unit the extractor
cuts (a line, or a sentence of a flattened page) is labelled furniture when the gold's spans
cover at least 90% of it, body when they cover none of it, mixed otherwise (mixed counts as body:
removing it would lose text). Features are shapes and places only — length, words, capitals,
digits, a closing stop, glued joins, Latin words, the unit's place from the page's end, whether
the page was flattened — so no word of any article is learnt and nothing trained here could ship
text (the licence rule of ROUND7.md). A logistic regression (numpy, no other dependency) is
trained and scored by article in `--folds` folds (on every unit, or with `--kept-only` on the
units the rules keep, so that it learns their misses and not the furniture they already take).
The question asked of it is only what it would add to the rules: of the units the rules keep,
how many gold furniture units it flags, and how many body units, at each threshold. The result
is written in docs/how-it-works/extraction-quality.md; the model stays out of the product.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
GOLDS = {
    "development": PROJECT / "tests/gold/extraction/furniture.json",
    "fresh": PROJECT / "tests/gold/extraction/fresh/furniture.json",
    "fresh2": PROJECT / "tests/gold/extraction/fresh2/furniture.json",
}
TEXT_LABELS = {"paragraph", "caption"}
L2 = 1e-3  # weight decay of the logistic regression
_STOPS = (".", "!", "?", "…", '"', "”", ")")


def _features(units: list[Any], index: int, flattened: bool) -> list[float]:
    """Return a unit's shape and position features (no word identities)."""
    text = units[index].text
    words = text.split()
    letters = [ch for ch in text if ch.isalpha()]
    from_end = len(units) - 1 - index
    previous = units[index - 1].text if index else ""
    return [
        1.0,
        index / max(1, len(units) - 1),
        float(from_end == 0),
        min(from_end, 5) / 5,
        math.log1p(len(text)) / 7,
        min(len(words), 40) / 40,
        sum(word[:1].isupper() for word in words) / max(1, len(words)),
        float(text.rstrip().endswith(_STOPS)),
        sum(ch.isdigit() for ch in text) / max(1, len(text)),
        float(":" in text),
        min(sum(1 for a, b in pairwise(text) if a.islower() and b.isupper()), 5) / 5,
        sum(word.isascii() and word.isalpha() for word in words) / max(1, len(words)),
        float(text[:1].isupper()),
        float(flattened),
        float(len(words) <= 4),
        float(previous.rstrip().endswith(_STOPS)) if previous else 1.0,
        sum(ch.isupper() for ch in letters) / max(1, len(letters)),
        float(" - " in text or " | " in text),
    ]


def _coverage(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> float:
    """Return the share of text[start:end]'s non-space characters inside the gold spans."""
    chars = [i for i in range(start, end) if not text[i].isspace()]
    if not chars:
        return 0.0
    return sum(1 for i in chars if any(a <= i < b for a, b in spans)) / len(chars)


def labelled_units(gold_path: Path, shared: Path) -> list[dict[str, Any]]:
    """Return each body unit of a gold's files with its features, the rules' label and the gold's."""
    from bench.furniture_gold import _folder, _span
    from flows.steps.extract.body_units import split_body
    from flows.steps.extract.segments import _classify_body
    from flows.steps.ingest.files import parse_source, read_source
    from flows.steps.ingest.normalize import normalize_line

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rows = []
    for folder, files in gold["folders"].items():
        for name, entry in files.items():
            [document] = parse_source(read_source(_folder(folder, shared) / name, 8 << 20))
            texts = {line.line_no: normalize_line(line.text) for line in document.lines}
            spans: dict[int, list[tuple[int, int]]] = {}
            for item in entry["furniture"]:
                spans.setdefault(item["line"], []).append(_span(texts.get(item["line"], ""), item))
            units = split_body(document)
            labels = _classify_body(document, units)
            cursor: dict[int, int] = {}
            for index, (unit, rule) in enumerate(labels):
                line = texts.get(unit.line_no, "")
                start = line.find(unit.text, cursor.get(unit.line_no, 0))
                start = start if start >= 0 else line.find(unit.text)
                if start < 0:
                    continue
                cursor[unit.line_no] = start + len(unit.text)
                share = _coverage(line, start, start + len(unit.text), spans.get(unit.line_no, []))
                rows.append(
                    {
                        "article": f"{folder}/{name}",
                        "features": _features([u for u, _ in labels], index, document.flattened),
                        "kept_by_rules": rule in TEXT_LABELS,
                        "gold": "furniture" if share >= 0.9 else "body" if share == 0 else "mixed",
                    }
                )
    return rows


def _train(
    x: np.ndarray, y: np.ndarray, steps: int = 2000, rate: float = 0.5, l2: float = 1e-3
) -> np.ndarray:
    """Fit a class-weighted logistic regression by gradient descent; return its weights."""
    weights = np.zeros(x.shape[1])
    positive = max(1.0, float(y.sum()))
    sample = np.where(y == 1, len(y) / (2 * positive), len(y) / (2 * max(1.0, len(y) - positive)))
    for _ in range(steps):
        predicted = 1 / (1 + np.exp(-(x @ weights)))
        gradient = x.T @ (sample * (predicted - y)) / len(y) + L2 * weights
        weights -= rate * gradient
    return weights


def cross_validate(rows: list[dict[str, Any]], folds: int, seed: int = 18007) -> list[float]:
    """Return each row's furniture probability from a model that never saw its article."""
    articles = sorted({row["article"] for row in rows})
    random.Random(seed).shuffle(articles)
    fold_of = {article: number % folds for number, article in enumerate(articles)}
    x = np.array([row["features"] for row in rows])
    y = np.array([1.0 if row["gold"] == "furniture" else 0.0 for row in rows])
    scores = np.zeros(len(rows))
    for fold in range(folds):
        held = np.array([fold_of[row["article"]] == fold for row in rows])
        weights = _train(x[~held], y[~held])
        scores[held] = 1 / (1 + np.exp(-(x[held] @ weights)))
    return scores.tolist()


def report(rows: list[dict[str, Any]], scores: list[float]) -> dict[str, Any]:
    """Return what the classifier would add to the rules at each threshold."""
    kept = [(row, score) for row, score in zip(rows, scores, strict=True) if row["kept_by_rules"]]
    missed = sum(row["gold"] == "furniture" for row, _ in kept)
    table = []
    for threshold in (0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99):
        flagged = [row for row, score in kept if score >= threshold]
        table.append(
            {
                "threshold": threshold,
                "furniture_found": sum(row["gold"] == "furniture" for row in flagged),
                "body_lost": sum(row["gold"] != "furniture" for row in flagged),
            }
        )
    return {
        "units": len(rows),
        "furniture_units": sum(row["gold"] == "furniture" for row in rows),
        "kept_by_rules": len(kept),
        "furniture_the_rules_keep": missed,
        "by_threshold": table,
    }


def main() -> None:
    """Build the units, cross-validate by article, print what a classifier would add."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--kept-only", action="store_true", help="train only on the units the rules keep (their misses)"
    )
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    rows = [row for path in GOLDS.values() for row in labelled_units(path, args.shared)]
    if args.kept_only:
        rows = [row for row in rows if row["kept_by_rules"]]
    result = report(rows, cross_validate(rows, args.folds))
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
