"""Could another representation of an article raise the ceiling of grouping it into stories?

    .venv/bin/python bench/stories_representations.py WAREHOUSE [--shared ../shared/stories-dev] [--json FILE]

bench/stories_ceiling.py showed that average link on tintuc's own story terms, with everything known
in advance, tops out at F1 0.759–0.784 on ../shared/stories-dev. This sibling asks whether the
representation, not the thresholds, is what holds it there. Every variant is grouped the same
easiest way (UPGMA over all originals at once, the whole set's document frequencies, a near-copy
taking its original's vector), its cut chosen as the best on half A of the gold stories and half B
reported held out:

- terms: syllables and syllable pairs that do not cross punctuation (a pair across a comma or a
  full stop is not a word), Vietnamese function syllables left out, sublinear TF-IDF or BM25;
- fields: the headline and the lead (first paragraph) weighted against the body, the body cut;
- a low-rank topic space: LSA (truncated SVD of the TF-IDF matrix, scipy's svds, fixed start
  vector) at k 50, 100, 200, and NMF (multiplicative updates from the LSA factors) at k 50, 100;
  cosine in that space, alone or averaged with the terms' own;
- similarity of similarities: the cosine of two articles' similarity profiles (second order), and
  the share of nearest neighbours they have in common (Jarvis–Patrick, k 10 and 20);
- character 4-grams of the text folded to ASCII;
- two stages: a tight grouping (events), then its groups' centroids grouped again, looser (stories);
- listing and tag pages ("… - Tin tức mới nhất 24h qua", bodies of short headline lines) kept out
  of every story, each alone.

Beside the scores at the cut chosen on A, two bounds that no choice of cut can beat: "B max", the
best F1 on half B at any one cut (the cut fitted on the held-out half itself), and "NN", the share
of articles whose most similar other article is of their own gold cluster, whatever groups them.

Scoring is bench/stories.py's pairwise precision, recall and F1 (checked equal on the first
variant), computed on numpy matrices so that a hundred cuts cost a second.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import sqlite3
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage  # scipy: dev extras
from scipy.sparse import csr_matrix
from scipy.sparse.linalg import svds

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))

from stories import DEFAULT_SHARED, Article, halves, pairwise  # noqa: E402
from stories_ceiling import kept_articles, sparse_rows, term_vectors  # noqa: E402

from flows.steps.stories.terms import headline  # noqa: E402

# Cosine similarity cuts tried, 0.01 … 0.98: a topic space's cosines are far higher than sparse terms'.
CUTS = [round(0.01 * step, 2) for step in range(1, 99)]
# Vietnamese function syllables ("hư từ"): conjunctions, prepositions, particles, pronouns, the
# commonest verbs of saying and being. They glue a text together and say nothing of its story.
STOP_SYLLABLES = frozenset(  # a word list: one string reads better than a hundred literals
    """và của là có các những được cho trong với không này đã một người khi để từ tại về theo đến ra
    vào cũng như sẽ thì mà lại nhiều đó nên nhưng bị do nếu hay hoặc còn đang rằng vì sau trước
    trên dưới ông bà anh chị em tôi chúng họ mình nó ấy đây kia nào gì ai đều vẫn rất quá lên xuống
    thể nhất hơn việc điều cùng năm ngày tháng giờ lúc nay qua số phải thấy nói biết làm đi hết chỉ
    mới thêm luôn chưa mỗi cả bởi nhằm tuy dù hiện""".split()  # noqa: SIM905
)
_RUN = re.compile(r"[^\W_]+(?:\s+[^\W_]+)*")  # a run of words with no punctuation between them
_WORD = re.compile(r"[^\W_]+")
LISTING_TITLE = re.compile(r"\s[-–|]\s*Tin tức mới nhất( 24h qua)?\s*$", re.IGNORECASE)


@dataclass
class Doc:
    """An original article: its headline, lead (first paragraph) and the rest of its body."""

    article_id: str
    title: str
    paragraphs: list[list[str]]


def read_docs(database: Path, keep: set[str]) -> dict[str, Doc]:
    """Return the kept originals with their body sentences grouped by paragraph."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        titles = dict(connection.execute("SELECT article_id, title_vi FROM articles"))
        paragraphs: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
        for article_id, number, text in connection.execute(
            "SELECT article_id, paragraph_no, text_vi FROM segments WHERE kind <> 'title' "
            "ORDER BY article_id, seq"
        ):
            if article_id in keep:
                paragraphs[article_id][number].append(text)
    finally:
        connection.close()
    return {key: Doc(key, titles[key], [paragraphs[key][n] for n in sorted(paragraphs[key])]) for key in keep}


# --- terms ------------------------------------------------------------------------------------------


def runs(text: str) -> list[list[str]]:
    """Return text's runs of words between punctuation, each as lower-case NFC syllables."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return [_WORD.findall(run) for run in _RUN.findall(folded)]


def run_terms(text: str, unigrams: bool, bigrams: bool, stop: bool) -> list[str]:
    """Return the syllables and adjacent-syllable pairs of text, pairs never crossing punctuation."""
    found: list[str] = []
    for run in runs(text):
        run = [word for word in run if len(word) <= 40]
        if unigrams:
            found += [word for word in run if not (stop and word in STOP_SYLLABLES)]
        if bigrams:
            found += [
                f"{a}_{b}"
                for a, b in itertools.pairwise(run)
                if not (stop and a in STOP_SYLLABLES and b in STOP_SYLLABLES)
            ]
    return found


@dataclass(frozen=True)
class Recipe:
    """How an article becomes weighted terms."""

    unigrams: bool = True
    bigrams: bool = True
    stop: bool = True
    title_weight: float = 5.0
    lead_weight: float = 1.0
    body_words: int | None = None  # the body (after the lead) cut to its first words
    weighting: str = "tfidf"  # "tfidf": (1 + ln tf)·idf; "bm25"
    top_terms: int | None = None  # keep only the weightiest terms (tintuc keeps 120)


def field_counts(doc: Doc, recipe: Recipe) -> Counter[str]:
    """Count an article's terms, the headline and lead weighted against the body."""
    counts: Counter[str] = Counter()

    def add(text: str, weight: float) -> None:
        for term in run_terms(text, recipe.unigrams, recipe.bigrams, recipe.stop):
            counts[term] += weight  # type: ignore[assignment]

    add(headline(doc.title), recipe.title_weight)
    lead, rest = (doc.paragraphs[0], doc.paragraphs[1:]) if doc.paragraphs else ([], [])
    for sentence in lead:
        add(sentence, recipe.lead_weight)
    budget = recipe.body_words
    for sentence in (sentence for paragraph in rest for sentence in paragraph):
        if budget is not None:
            if budget <= 0:
                break
            words = sentence.split()
            sentence, budget = " ".join(words[:budget]), budget - len(words)
        add(sentence, 1.0)
    return counts


def weigh(all_counts: dict[str, Counter[str]], recipe: Recipe) -> tuple[list[str], csr_matrix]:
    """Return the originals' keys and their weighted term matrix (rows of length 1)."""
    keys = sorted(all_counts)
    documents = Counter(term for counts in all_counts.values() for term in counts)
    total = len(keys)
    lengths = {key: sum(all_counts[key].values()) for key in keys}
    mean_length = sum(lengths.values()) / total
    column: dict[str, int] = {}
    rows, columns, values = [], [], []
    for row, key in enumerate(keys):
        scores = {}
        for term, count in all_counts[key].items():
            df = documents[term]
            if recipe.weighting == "bm25":
                idf = math.log((total - df + 0.5) / (df + 0.5) + 1)
                norm = 1.2 * (0.25 + 0.75 * lengths[key] / mean_length)
                scores[term] = idf * count * 2.2 / (count + norm)
            else:
                scores[term] = (1 + math.log(count)) * math.log((total + 1) / (df + 0.5))
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[: recipe.top_terms]
        length = math.sqrt(sum(weight * weight for _, weight in ranked)) or 1.0
        for term, weight in ranked:
            rows.append(row)
            columns.append(column.setdefault(term, len(column)))
            values.append(weight / length)
    return keys, csr_matrix((values, (rows, columns)), shape=(total, len(column)))


def char_grams(docs: dict[str, Doc], size: int = 4) -> tuple[list[str], csr_matrix]:
    """Return TF-IDF vectors of character n-grams of the headline (×5) and body folded to ASCII."""
    counts = {}
    for key, doc in docs.items():
        counted: Counter[str] = Counter()
        for text, weight in [(headline(doc.title), 5)] + [(s, 1) for p in doc.paragraphs for s in p]:
            folded = unicodedata.normalize("NFD", text.casefold()).encode("ascii", "ignore").decode()
            folded = " ".join(_WORD.findall(folded))
            for start in range(len(folded) - size + 1):
                counted[folded[start : start + size]] += weight
        counts[key] = counted
    return weigh(counts, Recipe())


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    """Return the matrix with each row scaled to length 1 (a zero row stays zero)."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def lsa(matrix: csr_matrix, rank: int) -> np.ndarray:
    """Return the rows projected on the matrix's top `rank` singular directions, scaled to length 1.

    svds' start vector is fixed, so the same warehouse gives the same space on every run.
    """
    start = np.ones(min(matrix.shape)) / math.sqrt(min(matrix.shape))
    left, singular, _ = svds(matrix.astype(np.float64), k=rank, v0=start, random_state=0)
    return unit_rows(left * singular)


def nmf(matrix: csr_matrix, rank: int, steps: int = 150) -> np.ndarray:
    """Return the rows' weights on `rank` non-negative topics (Lee and Seung's multiplicative updates).

    Started from the absolute values of the LSA factors (deterministic, as NNDSVD starts), scaled to
    length 1 at the end.
    """
    dense = matrix.toarray()
    start = np.ones(min(matrix.shape)) / math.sqrt(min(matrix.shape))
    left, singular, right = svds(matrix.astype(np.float64), k=rank, v0=start, random_state=0)
    weights = np.abs(left * np.sqrt(singular)) + 1e-6
    topics = np.abs(np.sqrt(singular)[:, None] * right) + 1e-6
    for _ in range(steps):
        topics *= (weights.T @ dense) / (weights.T @ weights @ topics + 1e-9)
        weights *= (dense @ topics.T) / (weights @ (topics @ topics.T) + 1e-9)
    return unit_rows(weights)


def second_order(rows: np.ndarray) -> np.ndarray:
    """Return the cosines of the articles' similarity profiles: alike when alike to the same others."""
    profiles = unit_rows(rows @ rows.T)
    return profiles @ profiles.T


def shared_neighbours(rows: np.ndarray, neighbours: int) -> np.ndarray:
    """Return the share of nearest articles two articles have in common (Jarvis–Patrick)."""
    similarity = rows @ rows.T
    nearest = np.argsort(-similarity, axis=1, kind="stable")[:, : neighbours + 1]  # itself among them
    member = np.zeros_like(similarity)
    np.put_along_axis(member, nearest, 1.0, axis=1)
    return (member @ member.T) / (neighbours + 1)


# --- scoring ----------------------------------------------------------------------------------------


class Scorer:
    """bench/stories.py's pairwise scores, on pair matrices: many cuts scored in a second."""

    def __init__(self, articles: list[Article]) -> None:
        count = len(articles)
        upper = np.triu(np.ones((count, count), dtype=bool), k=1)
        share_cluster = np.array([[bool(a.clusters & b.clusters) for b in articles] for a in articles])
        share_story = np.array([[bool(a.stories & b.stories) for b in articles] for a in articles])
        self.share_cluster = share_cluster
        self.should = upper & share_cluster
        self.should_not = upper & ~share_cluster & ~share_story
        half_a, half_b = halves(articles)
        self.masks: dict[str, np.ndarray] = {"all": upper}
        for name, half in (("half_a", half_a), ("half_b", half_b)):
            inside = np.array([article.stories <= half for article in articles])
            self.masks[name] = upper & (inside[:, None] | inside[None, :])

    def nearest_in_cluster(self, similarity: np.ndarray, rows: list[str]) -> float:
        """Return the share of articles whose most similar other article is of their gold cluster.

        A property of the representation, whatever groups it: an article whose nearest neighbour is
        in another cluster is one any grouper must either misplace or keep from its neighbour. Only
        articles with another of their cluster loaded count; a copy's own original is not its neighbour.
        """
        same_original = np.array([[a == b for b in rows] for a in rows])
        masked = np.where(same_original, -np.inf, similarity)
        nearest = masked.argmax(axis=1)
        countable = (self.share_cluster & ~same_original).any(axis=1)
        hits = self.share_cluster[np.arange(len(rows)), nearest] & countable
        return round(float(hits.sum() / countable.sum()), 3)

    def score(self, labels: np.ndarray) -> dict[str, dict[str, Any]]:
        """Return precision, recall, F1 and pair counts on all pairs and on each half."""
        together = labels[:, None] == labels[None, :]
        report = {}
        for name, mask in self.masks.items():
            tp = int((together & self.should & mask).sum())
            fn = int((~together & self.should & mask).sum())
            fp = int((together & self.should_not & mask).sum())
            precision = tp / (tp + fp) if tp + fp else 1.0
            recall = tp / (tp + fn) if tp + fn else 1.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            report[name] = {
                "precision": round(precision, 3),
                "recall": round(recall, 3),
                "f1": round(f1, 3),
                "pairs_should_share": tp + fn,
                "pairs_wrongly_shared": fp,
            }
        return report


@dataclass
class Setting:
    """What every variant shares: the scored articles, their originals, the scorer."""

    articles: list[Article]
    rows: list[str]  # each scored article's original, in the articles' order
    scorer: Scorer
    listings: set[str]  # originals that are listing or tag pages


def upgma_labels(similarity: np.ndarray, cut: float) -> np.ndarray:
    """Return UPGMA group labels of a similarity matrix cut at a cosine."""
    distance = np.clip(1.0 - similarity, 0.0, None)
    tree = linkage(distance[np.triu_indices(len(similarity), k=1)], method="average")
    return fcluster(tree, 1.0 - cut, criterion="distance")


def best_on_half_a(setting: Setting, label_at: Callable[[float], np.ndarray]) -> dict[str, Any]:
    """Score every cut; return the scores at the cut best on half A (ties: the higher cut)."""
    best: dict[str, Any] = {}
    # Not a result, a bound: the best F1 any one cut gives on held-out half B (the cut fitted on B).
    b_at_its_best = 0.0
    for cut in CUTS:
        scored = setting.scorer.score(label_at(cut))
        b_at_its_best = max(b_at_its_best, scored["half_b"]["f1"])
        if not best or scored["half_a"]["f1"] >= best["half_a"]["f1"]:
            best = {"similarity_cut": cut, **scored}
    return {**best, "half_b_f1_at_its_own_best_cut": b_at_its_best}


def per_article(setting: Setting, keys: list[str], vectors: Any) -> np.ndarray:
    """Return one dense row per scored article: its original's (a copy weighs as one more member)."""
    dense = vectors.toarray() if hasattr(vectors, "toarray") else vectors
    index = {key: position for position, key in enumerate(keys)}
    return np.asarray(dense[[index[row] for row in setting.rows]])


def grouped(setting: Setting, keys: list[str], vectors: Any, alone: set[str] | None = None) -> dict[str, Any]:
    """Group the articles by UPGMA on cosines of their vectors; listing pages in `alone` stay alone."""
    rows = per_article(setting, keys, vectors)
    return grouped_similarity(setting, rows @ rows.T, alone)


def grouped_similarity(
    setting: Setting, similarity: np.ndarray, alone: set[str] | None = None
) -> dict[str, Any]:
    """Group the articles by UPGMA on a similarity matrix over them; articles of `alone` stay alone."""
    similarity = similarity.copy()
    if alone:
        out = [index for index, key in enumerate(setting.rows) if key in alone]
        similarity[out, :] = 0.0
        similarity[:, out] = 0.0
    distance = np.clip(1.0 - similarity, 0.0, None)
    tree = linkage(distance[np.triu_indices(len(similarity), k=1)], method="average")
    scored = best_on_half_a(setting, lambda cut: fcluster(tree, 1.0 - cut, criterion="distance"))
    return {**scored, "nearest_in_cluster": setting.scorer.nearest_in_cluster(similarity, setting.rows)}


def two_stage(setting: Setting, keys: list[str], vectors: Any, tight: list[float]) -> dict[str, Any]:
    """Group tightly (events), then group the events' centroids (stories); both cuts chosen on half A."""
    rows = per_article(setting, keys, vectors)
    best: dict[str, Any] = {}
    bound = 0.0
    for first in tight:
        events = upgma_labels(rows @ rows.T, first)
        centroids = np.zeros((events.max(), rows.shape[1]))
        np.add.at(centroids, events - 1, rows)
        centroids = unit_rows(centroids)
        distance = np.clip(1.0 - centroids @ centroids.T, 0.0, None)
        tree = linkage(distance[np.triu_indices(len(centroids), k=1)], method="average")

        def label_at(cut: float, tree: Any = tree, events: np.ndarray = events) -> np.ndarray:
            return fcluster(tree, 1.0 - cut, criterion="distance")[events - 1]

        scored = best_on_half_a(setting, label_at)
        bound = max(bound, scored["half_b_f1_at_its_own_best_cut"])
        if not best or scored["half_a"]["f1"] >= best["half_a"]["f1"]:
            best = {**scored, "event_cut": first}
    best["half_b_f1_at_its_own_best_cut"] = bound
    return best


def is_listing(doc: Doc) -> bool:
    """Tell a listing or tag page by its shape: the tag title, or a body of short headline lines."""
    if LISTING_TITLE.search(doc.title):
        return True
    sentences = [sentence for paragraph in doc.paragraphs for sentence in paragraph]
    if len(sentences) < 8:
        return False
    bare = sum(1 for sentence in sentences if len(sentence.split()) <= 4 and not sentence.endswith("."))
    return bare / len(sentences) >= 0.25  # place names and headlines between the teasers


# --- the variants -----------------------------------------------------------------------------------


def variants(
    setting: Setting, docs: dict[str, Doc], originals: Any
) -> dict[str, Callable[[], dict[str, Any]]]:
    """Return the variants scored, by name, each a function that groups and scores."""
    cache: dict[Recipe, tuple[list[str], csr_matrix]] = {}

    def matrix(recipe: Recipe) -> tuple[list[str], csr_matrix]:
        if recipe not in cache:
            cache[recipe] = weigh({key: field_counts(doc, recipe) for key, doc in docs.items()}, recipe)
        return cache[recipe]

    def sparse(recipe: Recipe, alone: bool = False) -> Callable[[], dict[str, Any]]:
        return lambda: grouped(setting, *matrix(recipe), setting.listings if alone else None)

    def topics(recipe: Recipe, rank: int, alone: bool = False) -> Callable[[], dict[str, Any]]:
        def make() -> dict[str, Any]:
            keys, weights = matrix(recipe)
            return grouped(setting, keys, lsa(weights, rank), setting.listings if alone else None)

        return make

    def tintuc() -> dict[str, Any]:
        vectors = term_vectors(originals)
        keys = sorted(vectors)
        return grouped(setting, keys, sparse_rows(vectors, keys))

    def mixed(recipe: Recipe, rank: int, share: float) -> Callable[[], dict[str, Any]]:
        def make() -> dict[str, Any]:
            keys, weights = matrix(recipe)
            topic = lsa(weights, rank)
            dense, topic = per_article(setting, keys, weights), per_article(setting, keys, topic)
            return grouped_similarity(setting, (1 - share) * (dense @ dense.T) + share * (topic @ topic.T))

        return make

    def unscored_listings(recipe: Recipe) -> Callable[[], dict[str, Any]]:
        def make() -> dict[str, Any]:
            kept = [
                (article, row)
                for article, row in zip(setting.articles, setting.rows, strict=True)
                if row not in setting.listings
            ]
            articles = [article for article, _ in kept]
            narrowed = Setting(articles, [row for _, row in kept], Scorer(articles), set())
            return grouped(narrowed, *matrix(recipe))

        return make

    def derived(
        recipe: Recipe, make_similarity: Callable[[np.ndarray], np.ndarray]
    ) -> Callable[[], dict[str, Any]]:
        return lambda: grouped_similarity(setting, make_similarity(per_article(setting, *matrix(recipe))))

    plain = Recipe(stop=False, top_terms=120)
    best = Recipe(top_terms=120)
    full = Recipe()
    lead = Recipe(title_weight=5, lead_weight=3, body_words=300)
    return {
        "tintuc's terms (stories_ceiling's first row)": tintuc,
        "pairs within punctuation, 120 terms": sparse(plain),
        "+ stop syllables out": sparse(Recipe(top_terms=120)),
        "+ every term kept": sparse(full),
        "pairs only (no single syllables)": sparse(Recipe(unigrams=False)),
        "single syllables only": sparse(Recipe(bigrams=False)),
        "BM25": sparse(Recipe(weighting="bm25")),
        "lead ×3, body cut to 300 words": sparse(lead),
        "title ×10, lead ×3, body cut to 150 words": sparse(
            Recipe(title_weight=10, lead_weight=3, body_words=150)
        ),
        "headline and lead only": sparse(Recipe(lead_weight=2, body_words=0)),
        "character 4-grams, folded to ASCII": lambda: grouped(setting, *char_grams(docs)),
        "LSA k=50": topics(full, 50),
        "LSA k=100": topics(full, 100),
        "LSA k=200": topics(full, 200),
        "LSA k=100, lead ×3, body cut to 300": topics(lead, 100),
        "two stages (events, then centroids)": lambda: two_stage(
            setting, *matrix(full), [0.15, 0.2, 0.25, 0.3, 0.4]
        ),
        "stop out, 250 terms, body cut to 300 words": sparse(Recipe(top_terms=250, body_words=300)),
        "stop out, 120 terms, title ×8": sparse(Recipe(top_terms=120, title_weight=8)),
        "LSA k=50 of the 120 terms": topics(best, 50),
        "LSA k=100 of the 120 terms": topics(best, 100),
        "LSA k=200 of the 120 terms": topics(best, 200),
        "120 terms and LSA k=100, cosines averaged": mixed(best, 100, 0.5),
        "120 terms, 3/4, and LSA k=100, 1/4": mixed(best, 100, 0.25),
        "NMF k=50 of the 120 terms": lambda: grouped(setting, matrix(best)[0], nmf(matrix(best)[1], 50)),
        "NMF k=100 of the 120 terms": lambda: grouped(setting, matrix(best)[0], nmf(matrix(best)[1], 100)),
        "second order (cosine of similarity profiles)": derived(best, second_order),
        "shared nearest neighbours, k=10": derived(best, lambda rows: shared_neighbours(rows, 10)),
        "shared nearest neighbours, k=20": derived(best, lambda rows: shared_neighbours(rows, 20)),
        "two stages on the 120 terms": lambda: two_stage(setting, *matrix(best), [0.1, 0.15, 0.2, 0.3]),
        "listing pages kept alone (120 terms)": sparse(best, alone=True),
        "listing pages left out of the score (120 terms)": unscored_listings(best),
        "listing pages kept alone, LSA k=100": topics(full, 100, alone=True),
    }


def check_scorer(setting: Setting) -> None:
    """Fail unless the matrix scorer agrees with bench/stories.py's on groupings with every kind of pair.

    By lowest gold cluster, by lowest gold story (pairs of merged clusters, not scored), and by
    story id // 3 and article // 7 (wrong pairs, missed pairs).
    """
    articles = setting.articles
    groupings = [
        [int(min(article.clusters, key=int)) for article in articles],
        [int(min(article.stories, key=int)) for article in articles],
        [int(min(article.stories, key=int)) // 3 for article in articles],
        [index // 7 for index in range(len(articles))],
    ]
    for grouping in groupings:
        label = {article.article_id: group for article, group in zip(articles, grouping, strict=True)}
        scored = setting.scorer.score(np.array(grouping))
        for name, half in zip(("all", "half_a", "half_b"), (None, *halves(articles)), strict=True):
            assert scored[name] == pairwise(articles, label, half), (name, scored[name])


def main() -> None:
    """Score each variant's ceiling and print a table (and the figures as JSON with --json)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--only", help="score only the variants whose name holds this")
    args = parser.parse_args()
    articles, originals, copy_of = kept_articles(args.warehouse, args.shared)
    rows = [copy_of.get(article.article_id) or article.article_id for article in articles]
    docs = read_docs(args.warehouse, set(originals))
    listings = {key for key, doc in docs.items() if is_listing(doc)}
    setting = Setting(articles, rows, Scorer(articles), listings)
    check_scorer(setting)
    print(f"{len(articles)} articles scored, {len(originals)} originals, {len(listings)} listing pages")
    heading = "UPGMA, whole-set frequencies, cut best on A"
    print(
        f"{heading:<46} {'P':>6} {'R':>6} {'F1':>6} {'P A':>6} {'F1 A':>6} {'P B':>6} {'F1 B':>6}"
        f" {'B max':>6} {'NN':>6}  cut"
    )
    report = {}
    for name, make in variants(setting, docs, originals).items():
        if args.only and args.only not in name:
            continue
        scored = report[name] = make()
        event_cut = f" / {scored['event_cut']}" if "event_cut" in scored else ""
        nearest = scored.get("nearest_in_cluster", math.nan)
        whole, a, b = scored["all"], scored["half_a"], scored["half_b"]
        print(
            f"{name:<46} {whole['precision']:>6.3f} {whole['recall']:>6.3f} {whole['f1']:>6.3f}"
            f" {a['precision']:>6.3f} {a['f1']:>6.3f} {b['precision']:>6.3f} {b['f1']:>6.3f}"
            f" {scored['half_b_f1_at_its_own_best_cut']:>6.3f} {nearest:>6.3f}"
            f"  {scored['similarity_cut']}{event_cut}",
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
