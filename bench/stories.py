"""Benchmark stories and near-copies on ../shared/stories-dev: `tintuc run` on its articles, scored pairwise.

    .venv/bin/python bench/stories.py [--shared ../shared/stories-dev] [--clusters K]
                                      [--json bench/stories.json] [--warehouse FILE] [--keep FILE]

The set holds 571 Vietnamese articles in 60 topic clusters (News-mds); its clusters.tsv is the gold.
A real `python -m flows run` (no model, a fresh data folder) loads the files, once with stories on
and once with TINTUC_STORIES=false, side by side; the first warehouse is scored (--warehouse FILE
scores an existing warehouse instead and runs nothing; --clusters K takes the first K clusters;
--keep FILE keeps the stories warehouse there, for bench/stories_replay.py).

Scoring, over the articles loaded with a body (files a run keeps as one article, the same URL or
the same text, count once, in every cluster of their files):
- pairwise precision, recall and F1: a pair in one gold `cluster` should share a story; a pair in
  different clusters merged into one gold `story` (they hold the same article) is not scored; any
  other pair should not share a story.
- held out: the thresholds (flows/steps/stories/decide.py) were chosen on half A of the gold stories
  (every other story id, in order: 2, 7, 14, …) and not on half B. Each half is scored on the pairs
  with at least one article of its stories, so the pairs across halves count against both.
- the baseline beside it, on the same articles in the same run: TF-IDF cosine (syllables, sublinear
  tf) with single-link grouping, at its best threshold on the whole set (so the baseline is
  flattered, not tintuc).
- near-copies: every pair of loaded articles whose bodies share ≥ 0.8 of their word 5-grams (exact
  Jaccard) must be linked (one is the other's duplicate_of, or both copy one original); pairs from
  0.5 are reported too. Files loaded as one article are counted apart.
- MinHash: tintuc's own (flows/steps/stories/minhash.py) against datasketch's, ms per article and
  the share of ≥ 0.8 and ≥ 0.5 pairs whose signatures share an LSH band (32 bands × 4).
- chrome: the files rejected as only the site's chrome, with the reason.
- articles/s of each run, and the stories run's time over the run without stories.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from flows.steps.stories.minhash import BANDS, PERMUTATIONS, band_buckets, signature  # noqa: E402
from flows.steps.stories.text import jaccard, shingles, text_words, words  # noqa: E402

DEFAULT_SHARED = PROJECT.parent / "shared" / "stories-dev"
EXIT_REJECTS = 3
DUPLICATE_OF_FILE = re.compile(r" as (.+), which is loaded instead$")
THRESHOLDS = [round(0.05 * step, 2) for step in range(1, 19)]


# --- the gold and what the run made of each file ---------------------------------------------------


@dataclass
class Article:
    """A loaded article, the files it came from, and their gold clusters and stories."""

    article_id: str
    title: str
    body: list[str]
    files: list[str] = field(default_factory=list)
    clusters: set[str] = field(default_factory=set)
    stories: set[str] = field(default_factory=set)


def read_gold(shared: Path, clusters: int | None) -> dict[str, dict[str, str]]:
    """Return clusters.tsv by file name, limited to the first `clusters` clusters when given."""
    with (shared / "clusters.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    kept = sorted({row["cluster"] for row in rows}, key=int)[:clusters] if clusters else None
    return {row["file"]: row for row in rows if kept is None or row["cluster"] in kept}


def loaded_articles(database: Path, gold: dict[str, dict[str, str]]) -> dict[str, Article]:
    """Return the loaded articles with the gold of every file that gave them."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        articles = {
            article_id: Article(article_id, title, [])
            for article_id, title in connection.execute("SELECT article_id, title_vi FROM articles")
        }
        for article_id, text in connection.execute(
            "SELECT article_id, text_vi FROM segments WHERE kind <> 'title' ORDER BY article_id, seq"
        ):
            articles[article_id].body.append(text)
        by_file = {
            Path(path).name: article
            for article, path in connection.execute("SELECT article_id, source_path FROM articles")
        }
        for path, failure in connection.execute(
            "SELECT source_path, failure FROM rejects WHERE check_name = 'duplicate_article'"
        ):
            first = DUPLICATE_OF_FILE.search(failure)
            if first and Path(first.group(1)).name in by_file:
                by_file.setdefault(Path(path).name, by_file[Path(first.group(1)).name])
    finally:
        connection.close()
    for name, row in gold.items():
        if name in by_file:
            article = articles[by_file[name]]
            article.files.append(name)
            article.clusters.add(row["cluster"])
            article.stories.add(row["story"])
    return {key: article for key, article in articles.items() if article.files}


def placements(database: Path) -> dict[str, tuple[str | None, str | None]]:
    """Return each article's (story_id, duplicate_of) from the view article_stories."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT article_id, story_id, duplicate_of FROM article_stories")
        return {article: (story, original) for article, story, original in rows}
    finally:
        connection.close()


# --- pairwise scores -------------------------------------------------------------------------------


def pairwise(articles: list[Article], label: dict[str, Any], half: set[str] | None = None) -> dict[str, Any]:
    """Return precision, recall and F1 of a grouping (label: article id → group) against the gold.

    With half, only pairs with at least one article whose stories are all in half are scored.
    """
    counts = Counter[str]()
    for first, second in itertools.combinations(articles, 2):
        if half is not None and not (first.stories <= half or second.stories <= half):
            continue
        together = label[first.article_id] == label[second.article_id]
        if first.clusters & second.clusters:
            counts["tp" if together else "fn"] += 1
        elif not first.stories & second.stories and together:
            counts["fp"] += 1
    precision = counts["tp"] / (counts["tp"] + counts["fp"]) if counts["tp"] + counts["fp"] else 1.0
    recall = counts["tp"] / (counts["tp"] + counts["fn"]) if counts["tp"] + counts["fn"] else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "pairs_should_share": counts["tp"] + counts["fn"],
        "pairs_wrongly_shared": counts["fp"],
    }


def halves(articles: list[Article]) -> tuple[set[str], set[str]]:
    """Split the gold stories in two: every other story id in numeric order (A tunes, B is held out)."""
    stories = sorted({story for article in articles for story in article.stories}, key=int)
    return set(stories[0::2]), set(stories[1::2])


# --- the TF-IDF single-link baseline ---------------------------------------------------------------


def tfidf_vectors(articles: list[Article]) -> list[dict[str, float]]:
    """Return each article's TF-IDF vector over its syllables (title and body), length 1."""
    documents = [Counter(words(" ".join([article.title, *article.body]))) for article in articles]
    frequency = Counter(term for document in documents for term in document)
    total = len(documents)
    vectors = []
    for document in documents:
        vector = {
            term: (1 + math.log(count)) * math.log((total + 1) / (frequency[term] + 1))
            for term, count in document.items()
        }
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        vectors.append({term: value / norm for term, value in vector.items()})
    return vectors


def single_link(
    articles: list[Article], similarity: dict[tuple[int, int], float], cut: float
) -> dict[str, int]:
    """Group articles whose similarity chain reaches cut (union-find); return article id → group."""
    parent = list(range(len(articles)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for (first, second), value in similarity.items():
        if value >= cut:
            parent[root(first)] = root(second)
    return {article.article_id: root(index) for index, article in enumerate(articles)}


def baseline(articles: list[Article], split: tuple[set[str], set[str]]) -> dict[str, Any]:
    """Score TF-IDF single link at every threshold; report it at its best F1 over the whole set."""
    vectors = tfidf_vectors(articles)
    similarity = {}
    for first, second in itertools.combinations(range(len(articles)), 2):
        small, large = sorted((vectors[first], vectors[second]), key=len)
        similarity[first, second] = sum(value * large.get(term, 0.0) for term, value in small.items())
    best: dict[str, Any] = {}
    for cut in THRESHOLDS:
        label = single_link(articles, similarity, cut)
        scored = pairwise(articles, label)
        if not best or scored["f1"] > best["all"]["f1"]:
            best = {
                "threshold": cut,
                "all": scored,
                "half_a": pairwise(articles, label, split[0]),
                "half_b": pairwise(articles, label, split[1]),
            }
    return best


# --- near-copies and MinHash ----------------------------------------------------------------------


def copy_pairs(articles: list[Article], place: dict[str, tuple[str | None, str | None]]) -> dict[str, Any]:
    """Check that every pair at word 5-gram Jaccard ≥ 0.8 is linked as copies; report ≥ 0.5 too."""
    sets = [shingles(text_words(article.body)) for article in articles]

    def original(article: Article) -> str:
        return place.get(article.article_id, (None, None))[1] or article.article_id

    found: dict[str, list[int]] = {"0.8": [0, 0], "0.5": [0, 0]}
    missed = []
    for first, second in itertools.combinations(range(len(articles)), 2):
        if not sets[first] or not sets[second]:
            continue
        shared = jaccard(sets[first], sets[second])
        if shared < 0.5:
            continue
        linked = original(articles[first]) == original(articles[second])
        band = "0.8" if shared >= 0.8 else "0.5"
        found[band][0] += 1
        found[band][1] += linked
        if band == "0.8" and not linked:
            missed.append([articles[first].files[0], articles[second].files[0], round(shared, 3)])
    one_article = sum(len(article.files) * (len(article.files) - 1) // 2 for article in articles)
    return {
        "pairs_at_0_8": found["0.8"][0],
        "linked_at_0_8": found["0.8"][1],
        "pairs_0_5_to_0_8": found["0.5"][0],
        "linked_0_5_to_0_8": found["0.5"][1],
        "missed_at_0_8": missed,
        "file_pairs_loaded_as_one_article": one_article,
        "copies_linked": sum(1 for article in articles if place.get(article.article_id, (None, None))[1]),
    }


def datasketch_signature(shingle_set: set[str]) -> Any:
    """Return datasketch's MinHash of the same shingles (its default SHA-1 hashing)."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=PERMUTATIONS)
    minhash.update_batch([shingle.encode() for shingle in shingle_set])
    return minhash.hashvalues


def minhash_comparison(articles: list[Article]) -> dict[str, Any]:
    """Time both MinHash implementations and count the pairs whose signatures share a band."""
    sets = [shingles(text_words(article.body)) for article in articles]
    sets = [one for one in sets if one]
    report = {}
    for name, make in (("tintuc", signature), ("datasketch", datasketch_signature)):
        started = time.perf_counter()
        signatures = [make(one) for one in sets]
        seconds = time.perf_counter() - started
        buckets = [set(enumerate(band_buckets(minima))) for minima in signatures]
        banded = Counter[str]()
        for first, second in itertools.combinations(range(len(sets)), 2):
            shared = jaccard(sets[first], sets[second])
            if shared >= 0.5:
                band = "0.8" if shared >= 0.8 else "0.5"
                banded[band + "_pairs"] += 1
                banded[band + "_found"] += bool(buckets[first] & buckets[second])
        report[name] = {
            "ms_per_article": round(1000 * seconds / len(sets), 3),
            "found_at_0_8": f"{banded['0.8_found']}/{banded['0.8_pairs']}",
            "found_0_5_to_0_8": f"{banded['0.5_found']}/{banded['0.5_pairs']}",
        }
    report["bands"] = f"{BANDS} × {PERMUTATIONS // BANDS}"
    return report


# --- running tintuc --------------------------------------------------------------------------------


def run_tintuc(files: list[Path], work: Path, stories: bool) -> tuple[Path, float]:
    """Copy the files into a folder and run `python -m flows run` on it; return the warehouse and seconds."""
    inbox = work / "in"
    inbox.mkdir(parents=True)
    for path in files:
        shutil.copy(path, inbox / path.name)
    data_dir = work / "data"
    env = {
        **os.environ,
        "TINTUC_DATA_DIR": str(data_dir),
        "TINTUC_STORIES": "true" if stories else "false",
        "PREFECT_HOME": str(data_dir / "prefect"),
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "600",
    }
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "flows", "run", str(inbox)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, EXIT_REJECTS):
        sys.exit(f"tintuc run exited {done.returncode}:\n{done.stderr[-3000:]}")
    return data_dir / "tintuc.sqlite", seconds


def chrome_rejects(database: Path) -> list[list[str]]:
    """Return the files rejected as only the site's chrome, with the reason."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT source_path, failure FROM rejects WHERE check_name = 'article_has_body' "
            "AND failure LIKE '%site''s chrome%' ORDER BY source_path"
        )
        return [[Path(path).name, failure] for path, failure in rows]
    finally:
        connection.close()


def loaded_count(database: Path) -> int:
    """Return how many articles the warehouse holds."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        connection.close()


def timed_runs(files: list[Path], tmp: Path) -> tuple[Path, dict[str, Any]]:
    """Run tintuc with stories off, then on (side by side); return the stories warehouse and the timings."""
    off, off_seconds = run_tintuc(files, tmp / "off", stories=False)
    on, on_seconds = run_tintuc(files, tmp / "on", stories=True)
    return on, {
        "files": len(files),
        "articles_loaded": loaded_count(on),
        "seconds_with_stories": round(on_seconds, 2),
        "seconds_without_stories": round(off_seconds, 2),
        "articles_per_s_with_stories": round(loaded_count(on) / on_seconds, 2),
        "articles_per_s_without_stories": round(loaded_count(off) / off_seconds, 2),
        "with_over_without": round(on_seconds / off_seconds, 3),
    }


def keep(database: Path, target: Path) -> None:
    """Copy the warehouse to target as one file (SQLite's backup: the WAL's pages included)."""
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()


# --- the report ------------------------------------------------------------------------------------


def score(database: Path, gold: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Score the warehouse's stories, copies and chrome rejects against the gold; run the baseline."""
    articles = sorted(loaded_articles(database, gold).values(), key=lambda article: article.files[0])
    place = placements(database)
    label = {article.article_id: place[article.article_id][0] or article.article_id for article in articles}
    split = halves(articles)
    return {
        "articles_scored": len(articles),
        "stories": len({label[article.article_id] for article in articles}),
        "tintuc": {
            "all": pairwise(articles, label),
            "half_a": pairwise(articles, label, split[0]),
            "half_b": pairwise(articles, label, split[1]),
        },
        "tfidf_single_link": baseline(articles, split),
        "copies": copy_pairs(articles, place),
        "minhash": minhash_comparison(articles),
        "chrome_rejected": chrome_rejects(database),
    }


def print_table(report: dict[str, Any]) -> None:
    """Print the figures as a table."""
    print(f"{'grouping':<32}{'precision':>10}{'recall':>8}{'F1':>7}{'F1 A':>7}{'F1 B':>7}")
    ours = report["tintuc"]
    base = report["tfidf_single_link"]
    for name, rows in (("tintuc stories", ours), (f"TF-IDF single link @{base['threshold']}", base)):
        whole = rows["all"]
        print(
            f"{name:<32}{whole['precision']:>10}{whole['recall']:>8}{whole['f1']:>7}"
            f"{rows['half_a']['f1']:>7}{rows['half_b']['f1']:>7}"
        )
    copies = report["copies"]
    print(
        f"copies: {copies['linked_at_0_8']}/{copies['pairs_at_0_8']} pairs at Jaccard ≥ 0.8 linked, "
        f"{copies['linked_0_5_to_0_8']}/{copies['pairs_0_5_to_0_8']} from 0.5 to 0.8; "
        f"{copies['file_pairs_loaded_as_one_article']} file pairs loaded as one article"
    )
    for name in ("tintuc", "datasketch"):
        figures = report["minhash"][name]
        print(f"minhash {name}: {figures}")
    print(f"chrome-only pages rejected: {len(report['chrome_rejected'])}")
    if "runs" in report:
        print(f"runs: {report['runs']}")


def parse_args() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="default ../shared/stories-dev")
    parser.add_argument("--clusters", type=int, help="only the first K clusters (a quick run)")
    parser.add_argument("--warehouse", type=Path, help="score this warehouse; run nothing")
    parser.add_argument("--json", type=Path, help="also write the figures here (e.g. bench/stories.json)")
    parser.add_argument("--keep", type=Path, help="keep the stories warehouse here (a SQLite file)")
    return parser.parse_args()


def main() -> None:
    """Run tintuc on the set (or take a warehouse), score it, print and keep the figures."""
    args = parse_args()
    if not (args.shared / "clusters.tsv").exists():
        sys.exit(f"{args.shared}: no clusters.tsv (the stories set lies beside the clone, in ../shared)")
    gold = read_gold(args.shared, args.clusters)
    load_start = os.getloadavg()
    report: dict[str, Any] = {
        "shared": str(args.shared),
        "clusters": len({r["cluster"] for r in gold.values()}),
    }
    with tempfile.TemporaryDirectory(prefix="tintuc-bench-stories-") as folder:
        if args.warehouse:
            database = args.warehouse
        else:
            database, report["runs"] = timed_runs([args.shared / name for name in sorted(gold)], Path(folder))
            if args.keep:
                keep(database, args.keep)
        report.update(score(database, gold))
    report["machine"] = {
        "cores": os.cpu_count(),
        "load_average_start": load_start,
        "load_average_end": os.getloadavg(),
    }
    print_table(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
