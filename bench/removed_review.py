"""Dump what the extractor removes from every article of ../shared outside the test gold and holdout.

    .venv/bin/python bench/removed_review.py --out /tmp/branch.json
    PYTHONPATH=/work/main .venv/bin/python bench/removed_review.py --out /tmp/main.json
    .venv/bin/python bench/removed_review.py --diff /tmp/main.json /tmp/branch.json

The first two runs write, per file, each removed row (line, part, reason, text) and the kept
segments; the third prints every text the second run removes or tags that the first did not,
and every text it no longer removes, so a reviewer reads each one (no body sentence may be lost
anywhere, not only on the golds). The test gold's and the holdout's files are left out, so their
text is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
FOLDERS = ("corpus", "corpus-dev", "corpus-wide", "stories-dev", "html-dev/pages")
HELD_OUT = ("test", "holdout")


def held_out_files() -> set[str]:
    """Return the folder/name of every file of the test gold and the holdout."""
    held: set[str] = set()
    for gold in HELD_OUT:
        for name in ("entities.json", "furniture.json"):
            path = PROJECT / "tests" / "gold" / "extraction" / gold / name
            if path.exists():
                folders = json.loads(path.read_text(encoding="utf-8")).get("folders", {})
                held |= {f"{folder}/{file}" for folder, files in folders.items() for file in files}
    return held


def article_files(shared: Path) -> list[tuple[str, Path]]:
    """Return every article file of the shared corpora outside the held-out golds."""
    held = held_out_files()
    found = []
    for folder in FOLDERS:
        root = shared / folder
        if not root.is_dir():
            continue
        for path in sorted(root.iterdir()):
            key = f"{folder}/{path.name}"
            if path.is_file() and path.suffix in {".txt", ".json", ".html", ".htm"} and key not in held:
                found.append((key, path))
    return found


def dump(shared: Path) -> dict[str, dict[str, list[list[object]]]]:
    """Return each file's removed rows and kept segment texts."""
    from flows.steps.extract.segments import build_segments
    from flows.steps.ingest.files import parse_source, read_source
    from flows.steps.ingest.formats import SourceDocument

    result: dict[str, dict[str, list[list[object]]]] = {}
    for key, path in article_files(shared):
        try:
            documents = parse_source(read_source(path, 8 << 20))
        except (OSError, ValueError) as error:  # a file the reader refuses is reported, not fatal
            print(f"{key}: {error}", file=sys.stderr)
            continue
        for number, document in enumerate(documents):
            if not isinstance(document, SourceDocument):
                continue
            text = build_segments(document)
            result[f"{key}#{number}"] = {
                "removed": [[r.line_no, r.part_no, r.reason, r.text] for r in text.removed],
                "kept": [[s.kind, s.text] for s in text.segments],
            }
    return result


def diff(before: dict, after: dict) -> None:
    """Print the texts `after` removes (or removes for another reason) that `before` did not, and back."""
    for key in sorted(after):
        old = {(row[3], row[2]) for row in before.get(key, {}).get("removed", [])}
        new = {(row[3], row[2]) for row in after[key]["removed"]}
        old_texts = {text for text, _ in old}
        new_texts = {text for text, _ in new}
        for text, reason in sorted(new - old):
            tag = "RETAGGED" if text in old_texts else "NEWLY REMOVED"
            print(f"{tag} {key} [{reason}] {text}")
        for text, reason in sorted(old - new):
            if text not in new_texts:
                print(f"NO LONGER REMOVED {key} [{reason}] {text}")


def main() -> None:
    """Dump or compare."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the dump here")
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    if args.diff:
        before, after = (json.loads(path.read_text(encoding="utf-8")) for path in args.diff)
        diff(before, after)
        return
    if args.out is None:
        parser.error("--out or --diff is needed")
    data = dump(args.shared)
    args.out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    print(f"{len(data)} documents written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
