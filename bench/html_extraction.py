"""HTML pages: tintuc, trafilatura alone and the old `<p>` extractor side by side, same pages, one run.

    .venv/bin/python bench/html_extraction.py [--pages ../shared/html-dev] [--json bench/html_extraction.json]

The gold is tests/gold/html/html-dev.json: per page its title and the first and last words of its
body (never the text). The reference of a page is its own text (the `<body>`'s text, scripts and
styles left out) from the first occurrence of the gold's first words to the first occurrence of
its last words after them. Each extractor's body (its title left out) is scored against it:

- loaded: the extractor gave the page a body (tintuc: the article was not rejected);
- start / end found: the body holds the gold's first / last words;
- precision / recall: of distinct word 5-grams (case folded), the share of the body's 5-grams in
  the reference and of the reference's in the body; a page not loaded counts 0. Distinct, because
  pages print some text twice (a photo story's captions again in its hidden viewer): counted with
  repeats, a reference would hold text no reader sees twice;
- title: the extracted title is the gold's (white space and case aside);
- dates: the publication day found is the gold's (for the old extractor, the day main's tintuc
  found from its metadata, URL and dateline);
- pages/s: pages through the extractor per second of wall time, best of --repeat passes (for
  tintuc: decode, trafilatura, its own layers and the article's extraction, without a model).

Pages are read from --pages (pages/ and extra-processed/ below it); pages of the gold that are
missing are left out and said so.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
GOLD = PROJECT / "tests" / "gold" / "html" / "html-dev.json"
PAGES = PROJECT.parent / "shared" / "html-dev"
N = 5
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Return the words of text as the scorer compares them: NFC, case folded, letters and digits."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def page_text(html: str) -> str:
    """Return the text of a page's <body>, each element's text apart from its neighbours'."""
    import lxml.html

    tree = lxml.html.fromstring(html)
    for element in tree.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    for element in tree.iter():
        if isinstance(element.tag, str):
            element.text = " " + (element.text or "")
            element.tail = " " + (element.tail or "")
    body = tree.find("body")
    return str((body if body is not None else tree).text_content())


def find(haystack: list[str], needle: list[str], start: int = 0) -> int | None:
    """Return where needle first occurs in haystack at or after start, or None."""
    for index in range(start, len(haystack) - len(needle) + 1):
        if haystack[index : index + len(needle)] == needle:
            return index
    return None


def reference_span(page_words: list[str], first: str, last: str) -> list[str] | None:
    """Return the page's words from the gold's first words to its last words, or None if either is missing."""
    first_words, last_words = words(first), words(last)
    start = find(page_words, first_words)
    if start is None:
        return None
    end = find(page_words, last_words, start)
    return None if end is None else page_words[start : end + len(last_words)]


def ngrams(tokens: list[str]) -> set[tuple[str, ...]]:
    """Return the distinct word 5-grams of tokens."""
    return {tuple(tokens[i : i + N]) for i in range(len(tokens) - N + 1)}


def overlap(candidate: list[str], reference: list[str]) -> tuple[float, float]:
    """Return (precision, recall) of candidate's distinct 5-grams against reference's."""
    found, wanted = ngrams(candidate), ngrams(reference)
    shared = len(found & wanted)
    precision = shared / len(found) if found else 0.0
    recall = shared / len(wanted) if wanted else 0.0
    return precision, recall


@dataclass
class Extracted:
    """One extractor's answer for one page: its title and body, or None when it gave no body."""

    title: str | None
    body: str | None
    published: str | None = None  # the publication day found, ISO


def tintuc(html: bytes, name: str) -> Extracted:
    """Read the page as `tintuc run` does (decode, parse, extract, no model); body without its title."""
    from flows.steps.extract.article import extract_article
    from flows.steps.ingest.files import SourceFile, UnreadableSource, parse_source
    from flows.steps.ingest.formats import SourceDocument
    from flows.steps.records import ArticleRecords

    try:
        documents = parse_source(SourceFile(name, html))
    except UnreadableSource:
        return Extracted(None, None)
    document = documents[0]
    if not isinstance(document, SourceDocument):
        return Extracted(None, None)
    records = extract_article(document, "0" * 64, "bench")
    if not isinstance(records, ArticleRecords):
        return Extracted(document.title, None)
    body = " ".join(str(row["text_vi"]) for row in records.segments if row["kind"] != "title")
    published = records.article["published_on"]
    return Extracted(str(records.article["title_vi"]), body, str(published) if published else None)


def trafilatura_alone(html: bytes, name: str) -> Extracted:
    """Run trafilatura's `extract` with its defaults (and its metadata for the title)."""
    from trafilatura import bare_extraction

    document = bare_extraction(html, with_metadata=True)
    if document is None:
        return Extracted(None, None)
    return Extracted(document.title, document.text or None, document.date)


def current_extractor(html: bytes, name: str) -> Extracted:
    """Run the old standard-library extractor: og:title, description and every <p>."""
    from flows.steps.extract.dates import find_date
    from flows.steps.ingest.decode import decode_bytes
    from flows.steps.ingest.html_page import read_html

    page = read_html(decode_bytes(html))
    body = "\n".join([*([page.lead] if page.lead else []), *page.paragraphs])
    found = find_date(page.published, page.url, page.paragraphs[:4], page.paragraphs).value
    return Extracted(page.title, body or None, str(found) if found else None)


EXTRACTORS: dict[str, Callable[[bytes, str], Extracted]] = {
    "tintuc": tintuc,
    "trafilatura alone": trafilatura_alone,
    "current extractor": current_extractor,
}


@dataclass
class Score:
    """One extractor's figures over the pages."""

    pages: int = 0
    loaded: int = 0
    start_found: int = 0
    end_found: int = 0
    titles: int = 0
    dates: int = 0
    precision: float = 0.0
    recall: float = 0.0
    pages_per_s: float = 0.0
    per_page: dict[str, dict[str, float]] = field(default_factory=dict)


def score_page(score: Score, name: str, found: Extracted, gold: dict[str, str], reference: list[str]) -> None:
    """Add one page's figures to an extractor's score."""
    score.pages += 1
    if found.title and " ".join(found.title.split()).casefold() == " ".join(gold["title"].split()).casefold():
        score.titles += 1
    score.dates += found.published == gold.get("published")
    if not found.body:
        score.per_page[name] = {"precision": 0.0, "recall": 0.0}
        return
    body = words(found.body)
    score.loaded += 1
    score.start_found += find(body, words(gold["first"])) is not None
    score.end_found += find(body, words(gold["last"])) is not None
    precision, recall = overlap(body, reference)
    score.per_page[name] = {"precision": round(precision, 3), "recall": round(recall, 3)}


def run(pages_dir: Path, repeat: int) -> tuple[dict[str, Score], list[str]]:
    """Score every extractor on every gold page present; return the scores and the pages missing."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["pages"]
    present = {name: (pages_dir / name).read_bytes() for name in gold if (pages_dir / name).is_file()}
    missing = sorted(set(gold) - set(present))
    references = {}
    for name, html in present.items():
        reference = reference_span(words(page_text(html.decode("utf-8"))), **_ends(gold[name]))
        if reference is None:
            raise SystemExit(f"{name}: the gold's first or last words are not in the page; fix the gold")
        references[name] = reference
    scores: dict[str, Score] = {}
    for label, extractor in EXTRACTORS.items():
        extractor(next(iter(present.values())), "warm-up.html")  # imports and lazy set-up out of the timing
        score, best = Score(), float("inf")
        for _attempt in range(repeat):
            started = time.perf_counter()
            answers = {name: extractor(html, name) for name, html in present.items()}
            best = min(best, time.perf_counter() - started)
        for name, found in answers.items():
            score_page(score, name, found, gold[name], references[name])
        count = max(1, score.pages)
        score.precision = round(sum(p["precision"] for p in score.per_page.values()) / count, 3)
        score.recall = round(sum(p["recall"] for p in score.per_page.values()) / count, 3)
        score.pages_per_s = round(len(present) / best, 1)
        scores[label] = score
    return scores, missing


def _ends(entry: dict[str, str]) -> dict[str, str]:
    """Return a gold entry's first and last words as reference_span takes them."""
    return {"first": entry["first"], "last": entry["last"]}


def table(scores: dict[str, Score]) -> str:
    """Return the scores as a Markdown table."""
    lines = [
        "| same pages, same scorer, same run | loaded | start found | end found | titles | dates "
        "| mean 5-gram precision | mean 5-gram recall | pages/s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for label, s in scores.items():
        lines.append(
            f"| {label} | {s.loaded}/{s.pages} | {s.start_found} | {s.end_found} | {s.titles} | {s.dates} "
            f"| {s.precision:.3f} | {s.recall:.3f} | {s.pages_per_s} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Score the extractors and print the table (and write JSON when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--per-page", action="store_true", help="Print each page's precision and recall.")
    args = parser.parse_args()
    if not args.pages.is_dir():
        raise SystemExit(f"{args.pages}: no such folder (the development pages live in ../shared/html-dev)")
    scores, missing = run(args.pages, args.repeat)
    if missing:
        print(f"left out, not in {args.pages}: {', '.join(missing)}")
    print(table(scores))
    if args.per_page:
        for name in scores["tintuc"].per_page:
            row = "  ".join(f"{label[:10]} {s.per_page[name]}" for label, s in scores.items())
            print(f"{name[:45]:45} {row}")
    if args.json:
        figures = {label: asdict(score) for label, score in scores.items()}
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
