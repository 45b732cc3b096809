"""Replay story placement offline on a loaded warehouse, to try a change before building it.

    .venv/bin/python bench/stories_replay.py WAREHOUSE [--shared ../shared/stories-dev] [--orders K]

Takes a warehouse `bench/stories.py` (or `tintuc run`) loaded with stories on, and places its
original articles again, in their loading order, with the same functions the load step uses
(flows/steps/stories: terms, weights, average link, place) held in memory instead of in the
warehouse's tables; near-copies keep the original the warehouse linked them to. It prints the
replay's pairwise scores beside the warehouse's own, on the whole set and on each half, so a change
is tried on half A and checked on half B in seconds, not in a run. The warehouse's own figures are
what counts: a change the replay favours is built, then measured with bench/stories.py.

A run loads stories-dev in file-name order, cluster after cluster: easier than news arriving
interleaved, as it does from feeds. --orders K replays K shuffled orders as well (seeds 1..K; a copy
still comes after its original) and prints their mean, and the worst F1 and precision among them.
The replay's CPU time per article placed (file order, in memory, no SQL) is printed beside it: what
the decision itself costs, apart from the warehouse's reads and writes (bench/stories_hook.py times those).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))

from stories import (  # noqa: E402
    DEFAULT_SHARED,
    Article,
    halves,
    loaded_articles,
    pairwise,
    placements,
    read_gold,
)

from flows.steps.stories import decide  # noqa: E402
from flows.steps.stories.terms import story_terms, weighted  # noqa: E402
from flows.steps.stories.text import text_words  # noqa: E402


@dataclass
class Loaded:
    """An article as the load step saw it: title, body, and the original it copies (if any)."""

    article_id: str
    title: str
    body: list[str]
    duplicate_of: str | None


def loading_order(database: Path) -> list[Loaded]:
    """Return the warehouse's placed articles in the order they were placed."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT m.article_id, a.title_vi, m.duplicate_of FROM story_articles m "
            "JOIN articles a USING (article_id) ORDER BY m.placed_at, m.rowid"
        ).fetchall()
        body: dict[str, list[str]] = defaultdict(list)
        for article_id, text in connection.execute(
            "SELECT article_id, text_vi FROM segments WHERE kind <> 'title' ORDER BY article_id, seq"
        ):
            body[article_id].append(text)
    finally:
        connection.close()
    return [Loaded(article_id, title, body[article_id], original) for article_id, title, original in rows]


class Replay:
    """The term index and the stories, in memory: what warehouse/stories.py keeps in tables."""

    def __init__(self) -> None:
        self.documents: Counter[str] = Counter()
        self.total = 0
        self.vectors: dict[str, dict[str, float]] = {}
        self.postings: dict[str, list[str]] = defaultdict(list)
        self.story: dict[str, str] = {}
        self.members: dict[str, list[str]] = defaultdict(list)
        self.weight: Counter[str] = Counter()  # an original's weight: itself and its copies

    def place(self, article: Loaded) -> None:
        """Place one article as the load step does."""
        if article.duplicate_of and article.duplicate_of in self.story:
            self._join(article.article_id, self.story[article.duplicate_of])
            self.weight[article.duplicate_of] += 1
            return
        counts = story_terms(article.title, text_words(article.body))
        self.total += 1
        self.documents.update(counts.keys())
        vector = weighted(counts, {term: self.documents[term] for term in counts}, self.total)
        placement = decide.place(self.similarities(vector))
        story_id = placement.story_id or article.article_id
        for merged in placement.merged:
            for member in self.members.pop(merged):
                self._join(member, story_id)
        self._join(article.article_id, story_id)
        self.weight[article.article_id] += 1
        self.vectors[article.article_id] = vector
        for term in vector:
            self.postings[term].append(article.article_id)

    def similarities(self, vector: dict[str, float]) -> dict[str, float]:
        """Return the average link of the vector to each story sharing a term with it."""
        sums: Counter[str] = Counter()
        for term, weight in vector.items():
            for other in self.postings.get(term, []):
                sums[self.story[other]] += weight * self.vectors[other][term] * self.weight[other]
        top = dict(sums.most_common(50))
        return decide.average_link(top, {story: len(self.members[story]) for story in top})

    def _join(self, article_id: str, story_id: str) -> None:
        self.story[article_id] = story_id
        self.members[story_id].append(article_id)


def shuffled(order: list[Loaded], seed: int) -> list[Loaded]:
    """Return the articles in a shuffled order, each copy moved just after its original if before it."""
    mixed = order[:]
    random.Random(seed).shuffle(mixed)
    position = {loaded.article_id: index for index, loaded in enumerate(mixed)}

    def key(loaded: Loaded) -> float:
        original = position.get(loaded.duplicate_of or "", -1)
        return original + 0.5 if original > position[loaded.article_id] else position[loaded.article_id]

    return sorted(mixed, key=key)


def replayed(order: list[Loaded], articles: list[Article]) -> dict[str, str]:
    """Replay the placement in this order; return each scored article's story."""
    replay = Replay()
    for loaded in order:
        replay.place(loaded)
    return {article.article_id: replay.story[article.article_id] for article in articles}


def scores(articles: list[Article], label: dict[str, str]) -> list[dict[str, float]]:
    """Return the pairwise scores on the whole set, half A and half B."""
    return [pairwise(articles, label, half) for half in (None, *halves(articles))]


def line(name: str, scored: list[dict[str, float]], worst: str = "") -> str:
    """Return one row of the table."""
    whole, half_a, half_b = scored
    return (
        f"{name:<22} P {whole['precision']:.3f} R {whole['recall']:.3f} F1 {whole['f1']:.3f}"
        f"   A: P {half_a['precision']:.3f} F1 {half_a['f1']:.3f}"
        f"   B: P {half_b['precision']:.3f} F1 {half_b['f1']:.3f}{worst}"
    )


def main() -> None:
    """Replay the warehouse's placement and print its scores beside the warehouse's own."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--orders", type=int, default=0, help="shuffled orders replayed too (default 0)")
    args = parser.parse_args()
    gold = read_gold(args.shared, None)
    articles = sorted(loaded_articles(args.warehouse, gold).values(), key=lambda article: article.files[0])
    place = placements(args.warehouse)
    stored = {article.article_id: place[article.article_id][0] or article.article_id for article in articles}
    order = loading_order(args.warehouse)
    print(line("warehouse", scores(articles, stored)))
    started = time.process_time()
    label = replayed(order, articles)
    per_article = (time.process_time() - started) * 1000 / len(order)
    print(line("replay", scores(articles, label)) + f"   {per_article:.2f} ms CPU per article placed")
    if args.orders:
        seeds = range(1, args.orders + 1)
        runs = [scores(articles, replayed(shuffled(order, seed), articles)) for seed in seeds]
        mean = [
            {key: statistics.mean(run[part][key] for run in runs) for key in ("precision", "recall", "f1")}
            for part in range(3)
        ]
        worst = (
            f"   worst F1 {min(run[0]['f1'] for run in runs):.3f},"
            f" P {min(run[0]['precision'] for run in runs):.3f}"
        )
        print(line(f"{args.orders} shuffled orders", mean, worst))


if __name__ == "__main__":
    main()
