"""Score extraction (no model) against the hand-made development gold.

    .venv/bin/python bench/extraction.py [--json bench/extraction.json] [--errors]

The gold is tests/gold/extraction/entities.json (how it was made and the rules it follows are
in its "rules"): one entry per article file of seeds/, ../shared/corpus and ../shared/corpus-dev.
Every file present is read and extracted as `tintuc run` would; files of a folder that is absent
are left out and said so. Scores, over all files together:

- people: precision / recall / F1. A found person matches a gold person when its name is the
  gold name or one of its aliases (NFC, spaces collapsed, case folded).
- organisations: precision / recall, matched the same way (a found alias counts); a lower-case
  noun before the name ("đội Hàng Châu", "trang SDE") may be left out, as for places.
- places: precision / recall; a lower-case head word ("quận", "tỉnh", "sông") may be left out.
- roles: of the gold people who have a role and are found, the share with a found role that
  contains a gold role or is contained in one (case folded).
- titles: the share of articles whose title is the gold title.

- furniture: bench/furniture_gold.py's score against tests/gold/extraction/furniture.json: the
  share of furniture lines removed, and the body pieces removed with them (the goal is none).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
GOLD = PROJECT / "tests" / "gold" / "extraction" / "entities.json"
SHARED = PROJECT.parent / "shared"


def folders(shared: Path = SHARED) -> dict[str, Path]:
    """Return the gold's folders by the name the gold uses."""
    return {"seeds": PROJECT / "seeds", "corpus": shared / "corpus", "corpus-dev": shared / "corpus-dev"}


def key(name: str) -> str:
    """Return the form names are compared in: NFC, single spaces, case folded."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def place_keys(name: str) -> set[str]:
    """Return a place's keys: as written, and without its lower-case head words ("quận 8" → "8")."""
    words = unicodedata.normalize("NFC", name).split()
    first = next((i for i, word in enumerate(words) if not word.islower()), len(words) - 1)
    return {key(" ".join(words)), key(" ".join(words[first:] or words[-1:]))}


@dataclass
class Found:
    """What extraction found in one article."""

    title: str = ""
    people: dict[str, list[str]] = field(default_factory=dict)  # name → roles
    organisations: list[list[str]] = field(default_factory=list)  # [name, *aliases]
    places: list[str] = field(default_factory=list)


def found_in(records: Any) -> Found:
    """Collect names, aliases and roles from one article's records."""
    found = Found(title=records.article["title_vi"])
    names = {row["entity_id"]: row for row in records.entities}
    for row in records.entities:
        forms = [row["name_vi"], *json.loads(row.get("aliases_vi") or "[]")]
        if row["kind"] == "person":
            found.people.setdefault(row["name_vi"], [])
        elif row["kind"] == "organization":
            found.organisations.append(forms)
        else:
            found.places.append(row["name_vi"])
    for mention in records.mentions:
        entity = names[mention["entity_id"]]
        if entity["kind"] == "person" and mention["role_vi"]:
            roles = found.people[entity["name_vi"]]
            roles += [r for r in mention["role_vi"].split("; ") if r not in roles]
    return found


def extract_folder(folder: Path) -> dict[str, Any]:
    """Extract every article file of a folder; return its records by file name."""
    from flows.steps.extract.article import extract_article
    from flows.steps.ingest.files import parse_source, read_source
    from flows.steps.ingest.formats import SourceDocument
    from flows.steps.records import ArticleRecords

    records: dict[str, Any] = {}
    for path in sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".json"}):
        source = read_source(path, 8 << 20)
        for document in parse_source(source):
            if isinstance(document, SourceDocument):
                result = extract_article(document, source.content_sha256, "bench")
                if isinstance(result, ArticleRecords):
                    records[path.name] = result
    return records


@dataclass
class Tally:
    """Counts for precision and recall of one kind."""

    found: int = 0
    found_right: int = 0
    gold: int = 0
    gold_found: int = 0
    errors: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float | int]:
        """Return precision, recall, F1 and the counts behind them."""
        precision = self.found_right / self.found if self.found else 1.0
        recall = self.gold_found / self.gold if self.gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "found": self.found,
            "found_right": self.found_right,
            "gold": self.gold,
            "gold_found": self.gold_found,
        }


def _match(
    found_forms: list[set[str]],
    gold_forms: list[set[str]],
    tally: Tally,
    where: str,
    names: list[str],
    gold_names: list[str],
) -> list[list[int]]:
    """Count matches between found and gold items (each a set of keys); return gold → found indexes."""
    hits: list[list[int]] = [[] for _ in gold_forms]
    tally.found += len(found_forms)
    tally.gold += len(gold_forms)
    for f, forms in enumerate(found_forms):
        matched = [g for g, gold in enumerate(gold_forms) if forms & gold]
        for g in matched:
            hits[g].append(f)
        if matched:
            tally.found_right += 1
        else:
            tally.errors.append(f"{where}: not in gold: {names[f]}")
    for g, found_indexes in enumerate(hits):
        if found_indexes:
            tally.gold_found += 1
        else:
            tally.errors.append(f"{where}: missed: {gold_names[g]}")
    return hits


def role_matches(found: list[str], gold: list[str]) -> bool:
    """Tell whether one found role contains, or is contained in, one gold role (case folded)."""
    return any(key(g) in key(f) or key(f) in key(g) for f in found for g in gold if f.strip())


def score_article(found: Found, gold: dict[str, Any], where: str, tallies: dict[str, Tally]) -> None:
    """Add one article's matches to the tallies of each kind."""
    gold_people = [{key(p["name"]), *map(key, p["aliases"])} for p in gold["people"]]
    people = list(found.people)
    hits = _match(
        [{key(n)} for n in people],
        gold_people,
        tallies["people"],
        where,
        people,
        [p["name"] for p in gold["people"]],
    )
    roles = tallies["roles"]
    for person, found_indexes in zip(gold["people"], hits, strict=True):
        if person["roles"] and found_indexes:
            roles.gold += 1
            found_roles = [r for f in found_indexes for r in found.people[people[f]]]
            if role_matches(found_roles, person["roles"]):
                roles.gold_found += 1
            else:
                roles.errors.append(
                    f"{where}: role of {person['name']}: found {found_roles}, gold {person['roles']}"
                )
    gold_orgs = [
        {k for form in (o["name"], *o["aliases"]) for k in place_keys(form)} for o in gold["organisations"]
    ]
    orgs = [{k for form in forms for k in place_keys(form)} for forms in found.organisations]
    _match(
        orgs,
        gold_orgs,
        tallies["organisations"],
        where,
        [o[0] for o in found.organisations],
        [o["name"] for o in gold["organisations"]],
    )
    gold_places = [place_keys(p) for p in gold["places"]]
    _match(
        [place_keys(p) for p in found.places],
        gold_places,
        tallies["places"],
        where,
        found.places,
        gold["places"],
    )
    titles = tallies["titles"]
    titles.gold += 1
    if key(found.title) == key(gold["title"]):
        titles.gold_found += 1
    else:
        titles.errors.append(f"{where}: title {found.title!r}, gold {gold['title']!r}")


def score(found: dict[str, dict[str, Found]], gold: dict[str, Any]) -> dict[str, Tally]:
    """Score what was found, folder → file → Found, against the gold's folders present in it."""
    tallies = {kind: Tally() for kind in ("people", "organisations", "places", "roles", "titles")}
    for folder, files in gold["folders"].items():
        if folder not in found:
            continue
        for name, entry in files.items():
            score_article(found[folder].get(name, Found()), entry, f"{folder}/{name}", tallies)
    return tallies


def furniture_scores(shared: Path) -> dict[str, Any]:
    """Score page furniture against its own gold (bench/furniture_gold.py): lines removed, body kept.

    The totals come with `misses`: each gold line left in and each body piece removed, by file.
    """
    from bench.furniture_gold import GOLD as FURNITURE_GOLD
    from bench.furniture_gold import score_furniture

    result = score_furniture(FURNITURE_GOLD, shared)
    misses = [
        f"{what}: {name} {line}"
        for name, found in result["files"].items()
        for what in ("missed", "body_removed")
        for line in found[what]
    ]
    return {**result["total"], "misses": misses}


def furniture_line(total: dict[str, Any]) -> str:
    """Return the furniture figures as one line under the table."""
    return (
        f"{'furniture':<14}{'':>10}{total['furniture_recall']:>8.3f}{'':>7}   "
        f"{total['furniture_removed']}/{total['furniture_lines']} lines removed, "
        f"{total['body_pieces_removed']} body pieces removed (goal: 0)"
    )


def table(tallies: dict[str, Tally]) -> str:
    """Return the figures as a plain-text table."""
    lines = [f"{'kind':<14}{'precision':>10}{'recall':>8}{'F1':>7}   counts"]
    for kind, tally in tallies.items():
        f = tally.figures()
        if kind in {"roles", "titles"}:
            lines.append(
                f"{kind:<14}{'':>10}{f['recall']:>8.3f}{'':>7}   {f['gold_found']}/{f['gold']} right"
            )
        else:
            counts = f"found {f['found_right']}/{f['found']} right, gold {f['gold_found']}/{f['gold']} found"
            lines.append(f"{kind:<14}{f['precision']:>10.3f}{f['recall']:>8.3f}{f['f1']:>7.3f}   {counts}")
    return "\n".join(lines)


def run(shared: Path = SHARED, gold_path: Path = GOLD) -> tuple[dict[str, Tally], dict[str, Any], list[str]]:
    """Extract the folders present and score them; return tallies, extra figures and notes."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    measured = {name: path for name, path in folders(shared).items() if path.is_dir()}
    notes = [
        f"{path} absent: its articles are not scored"
        for name, path in folders(shared).items()
        if name not in measured
    ]
    records = {name: extract_folder(path) for name, path in measured.items()}
    found = {name: {file: found_in(r) for file, r in by_file.items()} for name, by_file in records.items()}
    return score(found, gold), {"furniture": furniture_scores(shared)}, notes


def main() -> None:
    """Print the table (and, with --errors, every error); write the figures as JSON if asked."""
    sys.path.insert(0, str(PROJECT))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--errors", action="store_true", help="list every error, by kind")
    parser.add_argument(
        "--misses", action="store_true", help="list the furniture lines left in and body pieces removed"
    )
    parser.add_argument(
        "--shared", type=Path, default=SHARED, help="the folder holding corpus/ and corpus-dev/"
    )
    args = parser.parse_args()
    tallies, extra, notes = run(args.shared)
    for note in notes:
        print(note)
    print(table(tallies))
    print(furniture_line(extra["furniture"]))
    if args.misses:
        print("\n".join(extra["furniture"]["misses"]) or "no furniture missed, no body removed")
    if args.errors:
        for kind, tally in tallies.items():
            print(f"\n## {kind}: {len(tally.errors)} errors")
            print("\n".join(tally.errors))
    if args.json:
        figures = {kind: tally.figures() for kind, tally in tallies.items()}
        errors = {kind: tally.errors for kind, tally in tallies.items()}
        payload = {"figures": figures, "extra": extra, "notes": notes, "errors": errors}
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
