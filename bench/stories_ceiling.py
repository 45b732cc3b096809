"""How far could average link go on tintuc's story terms, with everything known in advance?

    .venv/bin/python bench/stories_ceiling.py WAREHOUSE [--shared ../shared/stories-dev] [--json FILE]

Takes a warehouse `bench/stories.py --keep` loaded, and groups its articles the easiest way an
average-link grouper could: all at once, not as they arrive (UPGMA, scipy's `linkage`, method
"average"), with document frequencies of the whole set, not of the articles loaded so far; a
near-copy takes its original's vector. The cut is the one best on half A of the gold stories (the
half tintuc's thresholds were chosen on); half B is reported held out. What this reaches is a
ceiling for the incremental grouping of flows/steps/stories, which must decide as articles arrive,
on the frequencies known then: when the ceiling is short of a goal, no threshold reaches it, and
the terms themselves must change.

Variants of the terms are scored beside the ones tintuc uses (a variant sets the constants of
flows/steps/stories/terms.py for this process only): the title counted 10 times instead of 5, 250
terms kept instead of 120, the body cut to its first 300 words, and the extracted people,
organisations and places mixed in as terms of their own (a share of the vector's weight, their own
TF-IDF).
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage  # scipy: dev extras
from scipy.sparse import csr_matrix

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))

from stories import DEFAULT_SHARED, Article, halves, loaded_articles, pairwise, read_gold  # noqa: E402
from stories_replay import Loaded, loading_order  # noqa: E402

from flows.steps.stories import terms  # noqa: E402
from flows.steps.stories.text import text_words  # noqa: E402

CUTS = [round(0.80 + 0.01 * step, 2) for step in range(20)]  # cosine distances 0.80 … 0.99
Vectors = dict[str, dict[str, float]]


def term_vectors(originals: dict[str, Loaded], body_words: int | None = None) -> Vectors:
    """Return each original's story-term vector, weighed with the whole set's document frequencies."""
    counts = {}
    for article_id, loaded in originals.items():
        sequence = text_words(loaded.body)
        counts[article_id] = terms.story_terms(
            loaded.title, sequence[:body_words] if body_words else sequence
        )
    documents = Counter(term for counted in counts.values() for term in counted)
    return {key: terms.weighted(counted, documents, len(counts)) for key, counted in counts.items()}


def entity_vectors(database: Path, originals: dict[str, Loaded]) -> Vectors:
    """Return each original's vector of its extracted people, organisations and places (TF-IDF, length 1)."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        mentions: dict[str, Counter[str]] = defaultdict(Counter)
        for article_id, entity_id in connection.execute("SELECT article_id, entity_id FROM mentions"):
            if article_id in originals:
                mentions[article_id][f"entity:{entity_id}"] += 1
    finally:
        connection.close()
    documents = Counter(entity for counted in mentions.values() for entity in counted)
    return {key: terms.weighted(mentions[key], documents, len(originals)) for key in originals}


def mixed(words: Vectors, entities: Vectors, share: float) -> Vectors:
    """Return vectors of length 1 giving entities `share` of the squared weight and words the rest."""
    return {
        key: {
            **{term: weight * math.sqrt(1 - share) for term, weight in words[key].items()},
            **{term: weight * math.sqrt(share) for term, weight in entities.get(key, {}).items()},
        }
        for key in words
    }


def sparse_rows(vectors: Vectors, keys: list[str]) -> csr_matrix:
    """Return the vectors of keys as the rows of a sparse matrix, one column per term."""
    column: dict[str, int] = {}
    rows, columns, values = [], [], []
    for row, key in enumerate(keys):
        for term, weight in vectors[key].items():
            rows.append(row)
            columns.append(column.setdefault(term, len(column)))
            values.append(weight)
    return csr_matrix((values, (rows, columns)), shape=(len(keys), len(column)))


def cosines(vectors: Vectors, keys: list[str]) -> np.ndarray:
    """Return the matrix of cosines between the vectors of keys (each of length 1)."""
    matrix = sparse_rows(vectors, keys)
    return np.asarray((matrix @ matrix.T).todense())


def ceiling(articles: list[Article], original_of: dict[str, str], vectors: Vectors) -> dict[str, Any]:
    """Group every article by UPGMA at each cut; return the scores at the cut best on half A."""
    keys = [original_of[article.article_id] for article in articles]  # a copy takes its original's vector
    distance = np.clip(1.0 - cosines(vectors, keys), 0.0, None)
    condensed = distance[np.triu_indices(len(keys), k=1)]
    tree = linkage(condensed, method="average")
    half_a, half_b = halves(articles)
    best: dict[str, Any] = {}
    for cut in CUTS:
        groups = fcluster(tree, cut, criterion="distance")
        label = {article.article_id: int(group) for article, group in zip(articles, groups, strict=True)}
        scored_a = pairwise(articles, label, half_a)
        if not best or scored_a["f1"] > best["half_a"]["f1"]:
            best = {
                "similarity_cut": round(1 - cut, 2),
                "all": pairwise(articles, label),
                "half_a": scored_a,
                "half_b": pairwise(articles, label, half_b),
            }
    return best


def variants(database: Path, originals: dict[str, Loaded]) -> dict[str, Callable[[], Vectors]]:
    """Return the term variants scored, by name, each a function making its vectors."""

    def with_constants(
        title_weight: int = terms.TITLE_WEIGHT,
        top_terms: int = terms.TOP_TERMS,
        body_words: int | None = None,
    ) -> Callable[[], Vectors]:
        def make() -> Vectors:
            saved = terms.TITLE_WEIGHT, terms.TOP_TERMS
            terms.TITLE_WEIGHT, terms.TOP_TERMS = title_weight, top_terms
            try:
                return term_vectors(originals, body_words)
            finally:
                terms.TITLE_WEIGHT, terms.TOP_TERMS = saved

        return make

    def with_entities(share: float) -> Callable[[], Vectors]:
        return lambda: mixed(term_vectors(originals), entity_vectors(database, originals), share)

    return {
        "tintuc's terms (title ×5, 120 terms)": lambda: term_vectors(originals),
        "title ×10": with_constants(title_weight=10),
        "250 terms": with_constants(top_terms=250),
        "body cut to its first 300 words": with_constants(body_words=300),
        "250 terms, body cut to 300 words": with_constants(top_terms=250, body_words=300),
        "entities mixed in, 10% of the weight": with_entities(0.1),
        "entities mixed in, 20% of the weight": with_entities(0.2),
    }


def kept_articles(warehouse: Path, shared: Path) -> tuple[list[Article], dict[str, Loaded], dict[str, str]]:
    """Return a kept warehouse's scored articles (in file order), its originals and each copy's original."""
    gold = read_gold(shared, None)
    articles = sorted(loaded_articles(warehouse, gold).values(), key=lambda article: article.files[0])
    order = loading_order(warehouse)
    originals = {loaded.article_id: loaded for loaded in order if not loaded.duplicate_of}
    copy_of = {loaded.article_id: loaded.duplicate_of for loaded in order if loaded.duplicate_of}
    return articles, originals, copy_of


def main() -> None:
    """Score the ceiling of each variant and print a table (and the figures as JSON with --json)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    articles, originals, copy_of = kept_articles(args.warehouse, args.shared)
    original_of = {
        article.article_id: copy_of.get(article.article_id) or article.article_id for article in articles
    }
    report = {
        name: ceiling(articles, original_of, make())
        for name, make in variants(args.warehouse, originals).items()
    }
    heading = "UPGMA, whole-set frequencies, cut best on half A"
    print(f"{heading:<44} {'P':>6} {'R':>6} {'F1':>6} {'F1 A':>6} {'F1 B':>6}  cut")
    for name, scored in report.items():
        whole = scored["all"]
        print(
            f"{name:<44} {whole['precision']:>6.3f} {whole['recall']:>6.3f} {whole['f1']:>6.3f}"
            f" {scored['half_a']['f1']:>6.3f} {scored['half_b']['f1']:>6.3f}  {scored['similarity_cut']}"
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
