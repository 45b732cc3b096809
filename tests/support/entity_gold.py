"""Record, per article file, the (kind, name) entities extraction finds: names only, no text.

    PYTHONPATH=. .venv/bin/python -m tests.support.entity_gold

rewrites tests/gold/corpus_entities.json from the seed, ../shared/corpus and
../shared/corpus-dev. Run it only to accept a deliberate change in what is found: the corpus
tests hold every recorded entity to be found still.
"""

from __future__ import annotations

import json
from pathlib import Path

from flows.steps.extract.article import extract_article
from flows.steps.ingest.files import parse_source, read_source
from flows.steps.ingest.formats import SourceDocument
from flows.steps.records import ArticleRecords

PROJECT = Path(__file__).resolve().parents[2]
GOLD = PROJECT / "tests" / "gold" / "corpus_entities.json"
FOLDERS = {
    "seeds": PROJECT / "seeds",
    "corpus": PROJECT.parent / "shared" / "corpus",
    "corpus-dev": PROJECT.parent / "shared" / "corpus-dev",
}


def entities_by_file(folder: Path) -> dict[str, set[tuple[str, str]]]:
    """Return the (kind, name) entities of every article file in a folder, by file name."""
    found: dict[str, set[tuple[str, str]]] = {}
    for path in sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".json"}):
        source = read_source(path, 8 << 20)
        names: set[tuple[str, str]] = set()
        for document in parse_source(source):
            if isinstance(document, SourceDocument):
                records = extract_article(document, source.content_sha256, "gold")
                if isinstance(records, ArticleRecords):
                    names |= {(row["kind"], row["name_vi"]) for row in records.entities}
        found[path.name] = names
    return found


def recorded() -> dict[str, dict[str, set[tuple[str, str]]]]:
    """Return the recorded entities: folder → file name → (kind, name) pairs."""
    data = json.loads(GOLD.read_text(encoding="utf-8"))["folders"]
    return {
        folder: {
            name: {(kind, entity) for kind, entities in by_kind.items() for entity in entities}
            for name, by_kind in files.items()
        }
        for folder, files in data.items()
    }


def _by_kind(pairs: set[tuple[str, str]]) -> dict[str, list[str]]:
    """Group (kind, name) pairs as kind → sorted names."""
    kinds = sorted({kind for kind, _ in pairs})
    return {kind: sorted(name for k, name in pairs if k == kind) for kind in kinds}


def main() -> None:
    """Write the gold file from the folders present."""
    folders = {
        name: {file: _by_kind(pairs) for file, pairs in entities_by_file(path).items()}
        for name, path in FOLDERS.items()
        if path.is_dir()
    }
    note = "Entities found per article file (names only); rewrite: python -m tests.support.entity_gold"
    GOLD.write_text(json.dumps({"about": note, "folders": folders}, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
