"""Score page-furniture removal and titles against the hand-made gold.

    .venv/bin/python bench/furniture_gold.py [--gold PATH] [--shared DIR] [--verbose]

The gold (tests/gold/extraction/furniture.json, its "about" says how it was made) points at
each furniture line of the seed, ../shared/corpus and ../shared/corpus-dev by line number and
first words. A furniture line counts as removed when the `removed` rows the extractor writes
cover at least 90% of it; a removed row that covers article text (more than a few characters
outside every gold furniture span) counts as a body piece removed, which must never happen.
Titles are right when `title_vi` is the gold title and, where the page's title carried an
outlet suffix, the article's outlet is the gold outlet.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
GOLD = PROJECT / "tests" / "gold" / "extraction" / "furniture.json"
COVERED = 0.9  # share of a furniture span's characters that removed rows must cover
BODY_SLACK = 3  # characters outside furniture a removed row may hold (a stray full stop, quote)
NOT_FURNITURE_REMOVALS = {"description repeats the lead paragraph"}  # the body keeps that text


@dataclass
class FileScore:
    """What the extractor did with one gold file."""

    furniture: int = 0
    removed: int = 0
    body_removed: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)
    kinds_removed: Counter[str] = field(default_factory=Counter)
    title_right: bool = True
    title_seen: str = ""


def _folder(folder: str, shared_dir: Path) -> Path:
    """Return where a gold folder's files lie: the seed in the project, the rest under shared."""
    return PROJECT / folder if folder == "seeds" else shared_dir / folder


def _span(text: str, item: dict[str, Any]) -> tuple[int, int]:
    """Return the characters of a line a gold furniture item covers.

    `occurrence` is "last", or the number of the occurrence (1 for the first, the default).
    """
    first, occurrence = item["first_words"], item.get("occurrence", 1)
    start = text.rfind(first) if occurrence == "last" else -1
    for _ in range(occurrence if isinstance(occurrence, int) else 0):
        start = text.find(first, start + 1)
    if start < 0:
        return (0, 0)
    return (start, start + item["chars"]) if "chars" in item else (start, len(text))


def _locate(text: str, piece: str, cursor: int, furniture: list[tuple[int, int]]) -> int:
    """Return where a removed piece stands in its line.

    A piece that occurs more than once ("Võ Thạnh" as a photo credit and as the byline, one
    credit under three photos) is taken where the gold puts furniture, at or after the end of
    the line's previous piece if it can be (removed pieces come in reading order), else at its
    first place after the previous piece.
    """
    places = [i for i in range(len(text)) if text.startswith(piece, i)] if piece else []
    if not places:
        return 0  # not found verbatim: count all of it against the line's start
    for inside in (lambda a, b, p: p == a, lambda a, b, p: a <= p and p + len(piece) <= b):
        for after_cursor in (True, False):
            for place in places:
                if (place >= cursor or not after_cursor) and any(inside(a, b, place) for a, b in furniture):
                    return place
    return next((place for place in places if place >= cursor), places[0])


def _removed_spans(
    texts: dict[int, str], removed: list[Any], gold: dict[int, list[tuple[int, int]]]
) -> list[tuple[int, int, int, str]]:
    """Locate each removed row in its line: (line, start, end, first words)."""
    spans, cursor = [], Counter[int]()
    for row in removed:
        if row.reason in NOT_FURNITURE_REMOVALS:
            continue
        text = texts.get(row.line_no, "")
        start = _locate(text, row.text, cursor[row.line_no], gold.get(row.line_no, []))
        end = start + len(row.text)
        cursor[row.line_no] = end
        spans.append((row.line_no, start, end, " ".join(row.text.split()[:5])))
    return spans


def _outside(text: str, start: int, end: int, furniture: list[tuple[int, int]]) -> int:
    """Count the non-space characters of text[start:end] that no furniture span holds."""
    return sum(
        1
        for index in range(start, end)
        if not text[index].isspace() and not any(a <= index < b for a, b in furniture)
    )


def _inside(text: str, span: tuple[int, int], removed: list[tuple[int, int]]) -> float:
    """Return the share of a span's non-space characters that removed rows cover."""
    chars = [i for i in range(*span) if not text[i].isspace()]
    if not chars:
        return 0.0
    return sum(1 for i in chars if any(a <= i < b for a, b in removed)) / len(chars)


def score_document(entry: dict[str, Any], document: Any) -> FileScore:
    """Score one parsed document against its gold entry."""
    from flows.steps.extract.segments import build_segments
    from flows.steps.ingest.normalize import normalize_line

    texts = {line.line_no: normalize_line(line.text) for line in document.lines}
    text = build_segments(document)
    gold_spans: dict[int, list[tuple[int, int]]] = {}
    for item in entry["furniture"]:
        gold_spans.setdefault(item["line"], []).append(_span(texts.get(item["line"], ""), item))
    spans = _removed_spans(texts, text.removed, gold_spans)
    score = FileScore()
    for item in entry["furniture"]:
        line_text = texts.get(item["line"], "")
        covered = [(a, b) for line, a, b, _ in spans if line == item["line"]]
        score.furniture += 1
        score.kinds[item["kind"]] += 1
        if _inside(line_text, _span(line_text, item), covered) >= COVERED:
            score.removed += 1
            score.kinds_removed[item["kind"]] += 1
        else:
            score.missed.append(f"line {item['line']} {item['kind']}: {item['first_words']}")
    for line, start, end, words in spans:
        if _outside(texts.get(line, ""), start, end, gold_spans.get(line, [])) > BODY_SLACK:
            score.body_removed.append(f"line {line}: {words}")
    _score_title(entry, document, text, score)
    return score


def _score_title(entry: dict[str, Any], document: Any, text: Any, score: FileScore) -> None:
    """Check the article's title (and its outlet, where the title carried one)."""
    from flows.steps.extract.article import extract_article
    from flows.steps.records import ArticleRecords

    result = extract_article(document, "0" * 64, "furniture-gold")
    if isinstance(result, ArticleRecords):
        title, outlet = result.article["title_vi"], result.article["outlet"]
    else:  # rejected (not Vietnamese, no body): its title is still what the segments hold
        title, outlet = " ".join(s.text for s in text.segments if s.kind == "title"), None
    score.title_seen = title
    score.title_right = title == entry["title"] and ("outlet" not in entry or outlet == entry["outlet"])


def score_furniture(gold_path: Path | str, shared_dir: Path | str) -> dict[str, Any]:
    """Score the extractor on every gold file present; return totals, per folder and per file."""
    from flows.steps.ingest.files import parse_source, read_source
    from flows.steps.ingest.formats import SourceDocument

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    folders: dict[str, dict[str, FileScore]] = {}
    skipped = []
    for folder, files in gold["folders"].items():
        root = _folder(folder, Path(shared_dir))
        if not root.is_dir():
            skipped.append(f"{root} absent: its {len(files)} gold files are not scored")
            continue
        folders[folder] = {}
        for name, entry in files.items():
            [document] = parse_source(read_source(root / name, 8 << 20))
            assert isinstance(document, SourceDocument), name
            folders[folder][name] = score_document(entry, document)
    return _summary(folders, skipped)


def _totals(scores: list[FileScore]) -> dict[str, Any]:
    """Add up file scores."""
    furniture = sum(s.furniture for s in scores)
    removed = sum(s.removed for s in scores)
    return {
        "files": len(scores),
        "furniture_lines": furniture,
        "furniture_removed": removed,
        "furniture_recall": removed / furniture if furniture else 1.0,
        "body_pieces_removed": sum(len(s.body_removed) for s in scores),
        "titles_right": sum(s.title_right for s in scores),
    }


def _summary(folders: dict[str, dict[str, FileScore]], skipped: list[str]) -> dict[str, Any]:
    """Shape the scores as the dict bench/extraction.py folds into its table."""
    every = [score for files in folders.values() for score in files.values()]
    kinds, kinds_removed = Counter[str](), Counter[str]()
    for score in every:
        kinds += score.kinds
        kinds_removed += score.kinds_removed
    return {
        "total": _totals(every),
        "folders": {folder: _totals(list(files.values())) for folder, files in folders.items()},
        "kinds": {kind: {"lines": n, "removed": kinds_removed[kind]} for kind, n in kinds.most_common()},
        "files": {
            f"{folder}/{name}": {
                "missed": s.missed,
                "body_removed": s.body_removed,
                "title_right": s.title_right,
                "title_seen": s.title_seen,
            }
            for folder, files in folders.items()
            for name, s in files.items()
        },
        "skipped": skipped,
    }


def _row(label: str, totals: dict[str, Any]) -> str:
    """Format one line of the table."""
    return (
        f"| {label} | {totals['files']} | {totals['furniture_removed']} / {totals['furniture_lines']}"
        f" = {totals['furniture_recall']:.2f} | {totals['body_pieces_removed']}"
        f" | {totals['titles_right']} / {totals['files']} |"
    )


def main() -> None:
    """Print the furniture and title table (and, with --verbose, every miss)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--shared", type=Path, default=SHARED, help="the folder holding corpus/, corpus-dev/")
    parser.add_argument("--verbose", action="store_true", help="list every miss and body removal")
    args = parser.parse_args()
    sys.path.insert(0, str(PROJECT))
    result = score_furniture(args.gold, args.shared)
    for note in result["skipped"]:
        print(note)
    print("| folder | files | furniture lines removed | body pieces removed | titles right |")
    print("|---|---|---|---|---|")
    for folder, totals in result["folders"].items():
        print(_row(folder, totals))
    print(_row("**all**", result["total"]))
    print("\n| kind | removed / lines |\n|---|---|")
    for kind, counts in result["kinds"].items():
        print(f"| {kind} | {counts['removed']} / {counts['lines']} |")
    if args.verbose:
        for name, found in result["files"].items():
            for what in ("missed", "body_removed"):
                for line in found[what]:
                    print(f"{what}: {name} {line}")
            if not found["title_right"]:
                print(f"title: {name} {found['title_seen']!r}")


if __name__ == "__main__":
    main()
