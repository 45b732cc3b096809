"""Train the organisation tagger on the tunable golds, cross-validate it by article, rebuild the model.

    nice .venv/bin/python bench/org_tagger_train.py [--folds 5] [--epochs 8] [--write]

Training data: the development gold (tests/gold/extraction/entities.json), fresh/ and fresh2/
only; never the test gold, never the holdout. Each article is extracted as `tintuc run` does
(its segments are the sentences the tagger sees, the rules' person, organisation and place
spans are its stacked features). The gold's organisation names and aliases, and its people's
names and aliases, are projected onto their text: every occurrence of the name as written
(case kept, whole syllables: not inside a longer word) in a segment is a span; longer spans win
over shorter ones they overlap; a syllable (tintuc's `people.WORD`) inside a span is B- (the
first) or I- (the rest) of ORG or PER, every other syllable O. The corpora are read here, at
training time only; the model keeps no word of them (see bench/tagger_features.py):
its features are shapes and the classes of tintuc's own lexicons.

Cross-validation: the articles of the three golds are dealt into folds (seeded shuffle); each
fold's articles are extracted with a model trained on the others, and organisations and people
are scored as bench/extraction.py scores them, rules alone against rules + tagger, with and
without the body check of `org_tagger.extra_organisations`. `--write` trains on every article
and writes bench/org_tagger.json (deterministic: fixed seed, sorted features).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bench.extraction import GOLDS, SHARED, Found, folders, found_in, score  # noqa: E402
from bench.org_tagger import TAGS, Model, with_tagged_organisations  # noqa: E402
from bench.tagger_features import features, tokens  # noqa: E402
from flows.steps.extract import article as article_step  # noqa: E402

TRAINING_GOLDS = ("development", "fresh", "fresh2")  # never "test", never "holdout"
SEED = 18
# How a tagged span must look to be kept (org_tagger.extra_organisations): its head and a name of its
# own ("strict", the product's), any body-like opening ("body"), or anything ("none").
CHECKS = ("strict", "body", "none")


@dataclass
class Article:
    """One gold article: where it is, its gold entry, and the sentences the tagger sees."""

    gold: str
    folder: str
    name: str
    entry: dict[str, Any]
    sentences: list[tuple[int, str]]
    spans: dict[int, list[tuple[int, int, str]]]


@contextmanager
def extraction_hook(hook: Callable[[list[tuple[int, str]], list[Any]], list[Any]]) -> Iterator[None]:
    """Run extraction with `hook(sentences, rule mentions)` deciding an article's mentions."""
    original = article_step.find_mentions
    article_step.find_mentions = lambda sentences: hook(sentences, original(sentences))  # type: ignore[assignment]
    try:
        yield
    finally:
        article_step.find_mentions = original  # type: ignore[assignment]


def extract(path: Path) -> Any:
    """Extract one article file as `tintuc run` would; return its records (or None)."""
    from bench.extraction import extract_folder

    return extract_folder(path.parent, [path.name]).get(path.name)


def collect(shared: Path) -> list[Article]:
    """Return the training golds' articles, with their sentences and the rules' spans."""
    every = folders(shared)
    articles = []
    for gold_name in TRAINING_GOLDS:
        gold = json.loads(GOLDS[gold_name][0].read_text(encoding="utf-8"))
        for folder, files in gold["folders"].items():
            for name, entry in files.items():
                seen: dict[str, Any] = {}

                def keep(
                    sentences: list[tuple[int, str]], mentions: list[Any], seen: dict = seen
                ) -> list[Any]:
                    seen["sentences"], seen["mentions"] = sentences, mentions
                    return mentions

                with extraction_hook(keep):
                    extract(every[folder] / name)
                if "sentences" not in seen:
                    continue
                spans: dict[int, list[tuple[int, int, str]]] = {}
                for m in seen["mentions"]:
                    spans.setdefault(m.seq, []).append((m.start, m.end, m.kind))
                articles.append(Article(gold_name, folder, name, entry, seen["sentences"], spans))
    return articles


def gold_spans(text: str, entry: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Project the gold's organisation and people names onto a sentence (see the module doc)."""
    names = [(form, "ORG") for o in entry["organisations"] for form in (o["name"], *o["aliases"])]
    names += [(form, "PER") for p in entry["people"] for form in (p["name"], *p["aliases"])]
    found = [
        (m.start(), m.end(), kind)
        for form, kind in names
        if form.strip()
        for m in re.finditer(r"(?<!\w)" + re.escape(form.strip()) + r"(?!\w)", text)
    ]
    chosen: list[tuple[int, int, str]] = []
    for span in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
        if not any(s < span[1] and span[0] < e for s, e, _ in chosen):
            chosen.append(span)
    return chosen


def labels(text: str, entry: dict[str, Any]) -> tuple[list[list[str]], list[str]] | None:
    """Return a sentence's features and gold tags (None when it has no syllable or no capital)."""
    toks = tokens(text)
    if not toks or not any(w[:1].isupper() for w in text.split()):
        return None
    spans = gold_spans(text, entry)
    tags = []
    for start, end, _ in toks:
        inside = next(((s, kind) for s, e, kind in spans if s <= start and end <= e), None)
        tags.append("O" if inside is None else ("B-" if inside[0] == start else "I-") + inside[1])
    return [], tags


def examples(articles: list[Article], stacked: tuple[str, ...]) -> list[tuple[list[list[str]], list[str]]]:
    """Return (features, gold tags) for each sentence of the articles that has a capital."""
    found = []
    for art in articles:
        for seq, text in art.sentences:
            labelled = labels(text, art.entry)
            if labelled is not None:
                spans = [span for span in art.spans.get(seq, []) if span[2] in stacked]
                found.append((features(text, tokens(text), spans), labelled[1]))
    return found


def train(data: list[tuple[list[list[str]], list[str]]], epochs: int, stacked: tuple[str, ...]) -> Model:
    """Train an averaged structured perceptron (Collins 2002) over the examples."""
    model = Model(stacked=stacked)
    totals: dict[str, list[float]] = {}
    stamps: dict[str, int] = {}
    moves_total: dict[str, float] = {}
    moves_stamp: dict[str, int] = {}
    clock = 0
    order = list(range(len(data)))
    rng = random.Random(SEED)

    def bump_feature(name: str, index: int, delta: float) -> None:
        vector = model.weights.setdefault(name, [0.0] * len(TAGS))
        total = totals.setdefault(name, [0.0] * len(TAGS))
        elapsed = clock - stamps.get(name, clock)
        for i in range(len(TAGS)):
            total[i] += elapsed * vector[i]
        stamps[name] = clock
        vector[index] += delta

    def bump_move(name: str, delta: float) -> None:
        weight = model.transitions.get(name, 0.0)
        moves_total[name] = moves_total.get(name, 0.0) + (clock - moves_stamp.get(name, clock)) * weight
        moves_stamp[name] = clock
        model.transitions[name] = weight + delta

    for _ in range(epochs):
        rng.shuffle(order)
        for index in order:
            clock += 1
            rows, gold = data[index]
            guess = model.decode(rows)
            if guess == gold:
                continue
            for position, (row, g, p) in enumerate(zip(rows, gold, guess, strict=True)):
                if g != p:
                    for name in row:
                        bump_feature(name, TAGS.index(g), 1.0)
                        bump_feature(name, TAGS.index(p), -1.0)
                prev_g = gold[position - 1] if position else "<s>"
                prev_p = guess[position - 1] if position else "<s>"
                if (prev_g, g) != (prev_p, p):
                    bump_move(f"{prev_g}>{g}", 1.0)
                    bump_move(f"{prev_p}>{p}", -1.0)
    for name, vector in model.weights.items():
        total = totals[name]
        elapsed = clock - stamps[name]
        model.weights[name] = [(total[i] + elapsed * vector[i]) / clock for i in range(len(TAGS))]
    for name, weight in model.transitions.items():
        total = moves_total.get(name, 0.0) + (clock - moves_stamp.get(name, clock)) * weight
        model.transitions[name] = total / clock
    return model


def found_for(articles: list[Article], model: Model | None, check: str, shared: Path) -> dict[str, Any]:
    """Extract the articles (rules alone, or with the tagger); return Found by gold, folder and file."""
    every = folders(shared)
    result: dict[str, dict[str, dict[str, Found]]] = {}

    def hook(sentences: list[tuple[int, str]], mentions: list[Any]) -> list[Any]:
        return mentions if model is None else with_tagged_organisations(sentences, mentions, model, check)

    with extraction_hook(hook):
        for art in articles:
            records = extract(every[art.folder] / art.name)
            result.setdefault(art.gold, {}).setdefault(art.folder, {})[art.name] = found_in(records)
    return result


def folds_of(articles: list[Article], count: int) -> list[list[Article]]:
    """Deal the articles into folds after a seeded shuffle."""
    order = sorted(articles, key=lambda a: (a.gold, a.folder, a.name))
    random.Random(SEED).shuffle(order)
    return [order[i::count] for i in range(count)]


def figures(found: dict[str, Any], articles: list[Article]) -> dict[str, dict[str, Any]]:
    """Score organisations and people per gold and over all, as bench/extraction.py does."""
    tallies_all: dict[str, Any] = {}
    result = {}
    for gold_name in TRAINING_GOLDS:
        gold = json.loads(GOLDS[gold_name][0].read_text(encoding="utf-8"))
        tallies = score(found.get(gold_name, {}), gold)
        result[gold_name] = {k: tallies[k].figures() for k in ("organisations", "people")}
        for kind in ("organisations", "people"):
            total = tallies_all.setdefault(kind, type(tallies[kind])())
            for attr in ("found", "found_right", "gold", "gold_found"):
                setattr(total, attr, getattr(total, attr) + getattr(tallies[kind], attr))
            total.errors += tallies[kind].errors
    result["all"] = {k: tallies_all[k].figures() for k in ("organisations", "people")}
    result["errors"] = tallies_all["organisations"].errors  # type: ignore[assignment]
    return result


def merge(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """Merge Found dictionaries of disjoint folds."""
    merged: dict[str, Any] = {}
    for part in parts:
        for gold, by_folder in part.items():
            for folder, files in by_folder.items():
                merged.setdefault(gold, {}).setdefault(folder, {}).update(files)
    return merged


def cross_validate(
    articles: list[Article], count: int, epochs: int, shared: Path, stacked: tuple[str, ...]
) -> dict[str, Any]:
    """Return cross-validated figures: rules alone, rules + tagger with and without the body check."""
    folds = folds_of(articles, count)
    runs: dict[str, list[dict[str, Any]]] = {"rules": [], **{f"tagger, {check}": [] for check in CHECKS}}
    for index, held in enumerate(folds):
        rest = [a for i, fold in enumerate(folds) if i != index for a in fold]
        model = train(examples(rest, stacked), epochs, stacked)
        runs["rules"].append(found_for(held, None, "none", shared))
        for check in CHECKS:
            runs[f"tagger, {check}"].append(found_for(held, model, check, shared))
    return {name: figures(merge(parts), articles) for name, parts in runs.items()}


def cv_table(results: dict[str, Any]) -> str:
    """Return the cross-validation figures as a table."""
    lines = [f"{'variant':<18}{'gold':<13}{'organisations P / R':<24}{'people P / R / F1'}"]
    for name, result in results.items():
        for gold in (*TRAINING_GOLDS, "all"):
            o, p = result[gold]["organisations"], result[gold]["people"]
            lines.append(
                f"{name:<18}{gold:<13}{o['precision']:.3f} / {o['recall']:.3f} "
                f"({o['gold_found']}/{o['gold']}){'':<4}"
                f"{p['precision']:.3f} / {p['recall']:.3f} / {p['f1']:.3f}"
            )
    return "\n".join(lines)


def main() -> None:
    """Cross-validate, print the table and, if asked, write bench/org_tagger.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument(
        "--write", action="store_true", help="train on every article and write bench/org_tagger.json"
    )
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    parser.add_argument(
        "--errors", action="store_true", help="list the organisations each variant gets wrong"
    )
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument(
        "--stacked",
        default="person,location",
        help="the rule kinds whose spans are features (comma separated)",
    )
    args = parser.parse_args()
    stacked = tuple(kind for kind in args.stacked.split(",") if kind)
    articles = collect(args.shared)
    print(f"{len(articles)} articles, {sum(len(a.sentences) for a in articles)} segments")
    if not args.no_cv:
        results = cross_validate(articles, args.folds, args.epochs, args.shared, stacked)
        print(cv_table(results))
        if args.errors:
            rules = set(results["rules"]["errors"])
            for name in (f"tagger, {check}" for check in CHECKS):
                print(f"\n## {name}: new errors")
                print("\n".join(e for e in results[name]["errors"] if e not in rules))
                print(f"## {name}: errors fixed")
                print("\n".join(e for e in rules if e not in set(results[name]["errors"])))
    if args.write:
        from bench.org_tagger import MODEL_PATH

        MODEL_PATH.write_text(
            train(examples(articles, stacked), args.epochs, stacked).to_json() + "\n", encoding="utf-8"
        )
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
