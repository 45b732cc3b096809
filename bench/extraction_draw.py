"""Draw the frozen test gold's articles: a seeded random order over the articles nobody tuned on.

    .venv/bin/python bench/extraction_draw.py [--seed 18040] [--shared DIR]

The pool is every article file of ../shared/corpus-wide (*.json) and ../shared/stories-dev
(*.txt), less each file that is, or nearly copies, an article of the development gold
(tests/gold/extraction/entities.json): same file name (stories-dev `cNNN-K.txt` is corpus-dev
`newsmds-cNNN-K.txt`, corpus-wide `vfnd-real-NNN.json` is corpus `vfnd-real-NNN-….json`), or a
body whose word 5-grams overlap one of theirs with Jaccard ≥ 0.8 (how stories-dev/SOURCES.md
finds one article filed twice). Each folder's pool, sorted by name, is shuffled with
`random.Random(seed)`, and the gold takes 20 files of each in that order, skipping one that
nearly copies a file already taken and (by reading it) one that holds no Vietnamese news
article (a site's chrome only, an English page). Half from each folder, not 40 from the two
together: stories-dev is 87% VnExpress, and unseen news comes from many outlets and shapes
(corpus-wide's are news-please JSON from VnExpress, Dân trí, Tuổi Trẻ, Lao Động, Thanh Niên).
The order printed here is that shuffle; the skips are written in the gold's "draw".

    .venv/bin/python bench/extraction_draw.py --fresh [--seed 18004]

draws the fresh development slice of issue 18's fourth round (tests/gold/extraction/fresh/): a
second unseen measurement, annotated before any rule of that round changed. Its pool is every
corpus-wide file in neither gold and every stories-dev file of a cluster neither gold draws
from, less near copies (Jaccard ≥ 0.8) of any article of either gold; shuffled as above, 12 of
each folder taken.

    .venv/bin/python bench/extraction_draw.py --round5

draws issue 18's fifth round, before any rule of it changed: the **holdout** (tests/gold/extraction/
holdout/), a third unseen measurement that nobody tunes on, and **fresh-2** (tests/gold/extraction/
fresh2/), new development articles to learn from. The holdout's pool is the one above with the fresh
slice held too: every corpus-wide file in no gold and every stories-dev file of a cluster no gold
draws from, less near copies; shuffled with random.Random(18005), all of corpus-wide's files (there
are six) and 14 of stories-dev's, at most two of a cluster. Fresh-2 is drawn from the stories-dev
clusters the development gold or the fresh slice already draw from (never the test gold's, never the
holdout's: a topic seen in one must not be learnt in another), files in no gold and no near copy of
one; shuffled with random.Random(18006), 20 files, at most two of a cluster. Both lists are printed
in order; a file that holds no article is skipped by reading, and the skip written in the gold.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
DEV_GOLD = PROJECT / "tests" / "gold" / "extraction" / "entities.json"
SEED = 18040  # issue 18, test gold 40 articles
FRESH_SEED = 18004  # issue 18, fourth round: the fresh development slice
HOLDOUT_SEED = 18005  # issue 18, fifth round: the holdout nobody tunes on
FRESH2_SEED = 18006  # issue 18, fifth round: new development articles
TEST_GOLD = DEV_GOLD.parent / "test" / "entities.json"
FRESH_GOLD = DEV_GOLD.parent / "fresh" / "entities.json"
NEAR_COPY = 0.8


def body_words(path: Path) -> list[str]:
    """Return a file's body as lower-case words, as tintuc parses it."""
    from flows.steps.ingest.files import parse_source, read_source
    from flows.steps.ingest.formats import SourceDocument

    words: list[str] = []
    for document in parse_source(read_source(path, 8 << 20)):
        if isinstance(document, SourceDocument):
            for line in document.lines:
                if line.field == "body":
                    words += re.findall(r"\w+", line.text.lower())
    return words


def shingles(words: list[str]) -> set[tuple[str, ...]]:
    """Return a body's word 5-grams."""
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    """Return the Jaccard overlap of two shingle sets (0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def dev_files(shared: Path) -> list[Path]:
    """Return the development gold's article files that are present, as it held them at the draw.

    Then it held articles of seeds/, corpus/ and corpus-dev/ only; the corpus-wide and stories-dev
    articles added to it since (none of them drawn) must not change the pool, or the draw.
    """
    gold = json.loads(DEV_GOLD.read_text(encoding="utf-8"))
    roots = {"seeds": PROJECT / "seeds", "corpus": shared / "corpus", "corpus-dev": shared / "corpus-dev"}
    named = [
        roots[folder] / name for folder, files in gold["folders"].items() if folder in roots for name in files
    ]
    named += [roots[path.split("/")[0]] / path.split("/")[1] for path in gold["not_articles"]]
    return [path for path in named if path.exists()]


def same_name(path: Path, dev: list[Path]) -> bool:
    """Tell whether a pool file is a development file under the name its own folder gives it."""
    stem = path.stem
    return any(
        d.stem in {stem, f"newsmds-{stem}"}
        or (stem.startswith("vfnd-real-") and d.stem.startswith(stem + "-"))
        for d in dev
    )


FOLDERS = {"corpus-wide": "*.json", "stories-dev": "c*.txt"}


def pool(shared: Path, folder: str) -> list[Path]:
    """Return one folder's pool: its articles, development files left out."""
    dev = dev_files(shared)
    dev_shingles = [shingles(body_words(path)) for path in dev]
    candidates = sorted((shared / folder).glob(FOLDERS[folder]))
    kept = []
    for path in candidates:
        mine = shingles(body_words(path))
        if same_name(path, dev) or any(jaccard(mine, theirs) >= NEAR_COPY for theirs in dev_shingles):
            continue
        kept.append(path)
    return kept


def draw(shared: Path, seed: int, taken: list[set[tuple[str, ...]]], folder: str) -> list[tuple[Path, str]]:
    """Return a folder's pool in the seeded order, each file with why it is skipped ("" if not)."""
    order = pool(shared, folder)
    random.Random(seed).shuffle(order)
    result = []
    for path in order:
        mine = shingles(body_words(path))
        if any(jaccard(mine, other) >= NEAR_COPY for other in taken):
            result.append((path, "near copy of a file already taken"))
            continue
        taken.append(mine)
        result.append((path, ""))
    return result


def gold_files(shared: Path, golds: tuple[Path, ...] = (DEV_GOLD, TEST_GOLD)) -> list[Path]:
    """Return every article file the golds hold (by default development and test), as present."""
    folders = ("corpus", "corpus-dev", *FOLDERS)
    roots = {"seeds": PROJECT / "seeds", **{name: shared / name for name in folders}}
    named = []
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        named += [roots[folder] / name for folder, files in gold["folders"].items() for name in files]
    return [path for path in named if path.exists()]


def cluster(path: Path) -> str:
    """Return a stories-dev file's cluster ("c016" of "c016-6.txt"); other files are their own."""
    return path.name.split("-")[0] if path.parent.name == "stories-dev" else path.name


def fresh_pool(shared: Path, folder: str, held: list[Path] | None = None) -> list[Path]:
    """Return one folder's fresh pool: files in no held gold, of clusters none draws from, no near copy."""
    held = gold_files(shared) if held is None else held
    held_shingles = [shingles(body_words(path)) for path in held]
    clusters = {cluster(path) for path in held}
    kept = []
    for path in sorted((shared / folder).glob(FOLDERS[folder])):
        if cluster(path) in clusters or same_name(path, held):
            continue
        if not any(jaccard(shingles(body_words(path)), theirs) >= NEAR_COPY for theirs in held_shingles):
            kept.append(path)
    return kept


def spread(order: list[Path], count: int, per_cluster: int = 2) -> list[Path]:
    """Return the first `count` files of a seeded order, `per_cluster` of a cluster at most, no near copy."""
    taken: list[Path] = []
    taken_shingles: list[set[tuple[str, ...]]] = []
    for path in order:
        if len(taken) == count or sum(cluster(p) == cluster(path) for p in taken) == per_cluster:
            continue
        mine = shingles(body_words(path))
        if not any(jaccard(mine, other) >= NEAR_COPY for other in taken_shingles):
            taken.append(path)
            taken_shingles.append(mine)
    return taken


def round5(shared: Path, show: int) -> None:
    """Print the fifth round's holdout and fresh-2 orders (see the module's docstring)."""
    held = gold_files(shared, (DEV_GOLD, TEST_GOLD, FRESH_GOLD))
    holdout_pools = {folder: fresh_pool(shared, folder, held) for folder in FOLDERS}
    print("holdout (seed 18005), in order:")
    for folder, wanted in (("corpus-wide", 6), ("stories-dev", 14)):
        order = holdout_pools[folder]
        random.Random(HOLDOUT_SEED).shuffle(order)
        print(f"  {folder}: pool of {len(order)}; take {wanted}, at most two of a cluster")
        for path in spread(order, show):
            print(f"    {folder}/{path.name}")
    learn = fresh2_pool(shared, held, holdout_pools["stories-dev"])
    print(f"fresh-2 (seed 18006): pool of {len(learn)}; take 20, at most two of a cluster, in order:")
    for path in spread(learn, show):
        print(f"    stories-dev/{path.name}")


def fresh2_pool(
    shared: Path, held: list[Path] | None = None, holdout: list[Path] | None = None
) -> list[Path]:
    """Return fresh-2's pool in its seeded order (see the module's docstring); spread() takes from it."""
    held = gold_files(shared, (DEV_GOLD, TEST_GOLD, FRESH_GOLD)) if held is None else held
    holdout = fresh_pool(shared, "stories-dev", held) if holdout is None else holdout
    closed = {cluster(path) for path in gold_files(shared, (TEST_GOLD,))}
    closed |= {cluster(path) for path in holdout}
    held_shingles = [shingles(body_words(path)) for path in held]
    learn = [
        path
        for path in sorted((shared / "stories-dev").glob(FOLDERS["stories-dev"]))
        if cluster(path) not in closed
        and not same_name(path, held)
        and not any(jaccard(shingles(body_words(path)), theirs) >= NEAR_COPY for theirs in held_shingles)
    ]
    random.Random(FRESH2_SEED).shuffle(learn)
    return learn


def main() -> None:
    """Print the pool's size and the seeded order (the first 60), near copies marked."""
    sys.path.insert(0, str(PROJECT))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--show", type=int, default=30, help="how many of the order to print")
    parser.add_argument("--fresh", action="store_true", help="draw the fourth round's fresh slice")
    parser.add_argument("--round5", action="store_true", help="draw the fifth round's holdout and fresh-2")
    args = parser.parse_args()
    if args.round5:
        round5(args.shared, args.show)
        return
    taken: list[set[tuple[str, ...]]] = []
    for folder in FOLDERS:
        seed = args.seed
        if args.fresh:
            seed = FRESH_SEED if args.seed == SEED else args.seed
            order = [(path, "") for path in fresh_pool(args.shared, folder)]
            random.Random(seed).shuffle(order)
        else:
            order = draw(args.shared, args.seed, taken, folder)
        print(f"{folder}: pool of {len(order)} files; seed {seed if args.fresh else args.seed}")
        for rank, (path, skip) in enumerate(order[: args.show], 1):
            print(f"{rank:3d} {path.parent.name}/{path.name}" + (f"  (skipped: {skip})" if skip else ""))


if __name__ == "__main__":
    main()
