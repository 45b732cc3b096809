"""Score extraction (no model) against the development gold and the frozen test gold, side by side.

    .venv/bin/python bench/extraction.py [--json bench/extraction.json] [--errors] [--misses]

Two golds, made by hand the same way (how, and the rules they follow, are in their "about" and
"rules"): the development gold, tests/gold/extraction/entities.json and furniture.json, which
rules are written and tuned against; and the test gold, tests/gold/extraction/test/, 40 articles
drawn at random before a rule of the round changed (bench/extraction_draw.py), never tuned on.
The gap between the two columns is how much of a figure holds only on the articles the rules were
written against. `--errors` and `--misses` list the development gold's errors only; the test
gold's are listed by `--test-errors`, for the review at the end of a round, never while tuning.
Two more development slices are scored beside them, each annotated before the rules of its round
changed and tuned on since: the fresh slice (tests/gold/extraction/fresh/, `--fresh-errors`) and
fresh-2 (tests/gold/extraction/fresh2/, `--fresh2-errors`); each lists its furniture misses too.
Last, the fifth round's holdout (tests/gold/extraction/holdout/, drawn by `extraction_draw.py
--round5` before that round's rules changed): it is never tuned on, and no flag lists its errors.

Every gold file present is read and extracted as `tintuc run` would; files of a folder that is
absent are left out and said so. Scores, over all files of a gold together:

- people: precision / recall / F1. A found person matches a gold person when its name is the
  gold name or one of its aliases (NFC, spaces collapsed, case folded).
- organisations: precision / recall, matched the same way (a found alias counts); a lower-case
  noun before the name ("đội Hàng Châu", "trang SDE") may be left out, as for places.
- places: precision / recall; a lower-case head word ("quận", "tỉnh", "sông") may be left out.
- roles: of the gold people who have a role and are found, the share with a found role that
  contains a gold role or is contained in one (case folded).
- titles: the share of articles whose title is the gold title.

- furniture: bench/furniture_gold.py's score against the gold's furniture.json: the share of
  furniture lines removed, and the body pieces removed with them (the goal is none).
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
GOLD_DIR = PROJECT / "tests" / "gold" / "extraction"
GOLD = GOLD_DIR / "entities.json"
# Each gold: its entities and its furniture, by the name the table gives it.
GOLDS = {
    "development": (GOLD, GOLD_DIR / "furniture.json"),
    "test": (GOLD_DIR / "test" / "entities.json", GOLD_DIR / "test" / "furniture.json"),
    # The fourth round's fresh slice: unseen when annotated, tuned on since (its furniture since the fifth).
    "fresh": (GOLD_DIR / "fresh" / "entities.json", GOLD_DIR / "fresh" / "furniture.json"),
    # The fifth round's fresh-2: unseen when annotated, tuned on since.
    "fresh2": (GOLD_DIR / "fresh2" / "entities.json", GOLD_DIR / "fresh2" / "furniture.json"),
    # The fifth round's holdout: drawn and annotated before any rule of that round changed, and never
    # tuned on; its errors are listed by no flag and kept out of --json.
    "holdout": (GOLD_DIR / "holdout" / "entities.json", GOLD_DIR / "holdout" / "furniture.json"),
}
SHARED = PROJECT.parent / "shared"
SHARED_FOLDERS = ("corpus", "corpus-dev", "corpus-wide", "stories-dev")


def folders(shared: Path = SHARED) -> dict[str, Path]:
    """Return the golds' folders by the name the golds use."""
    return {"seeds": PROJECT / "seeds", **{name: shared / name for name in SHARED_FOLDERS}}


def key(name: str) -> str:
    """Return the form names are compared in: NFC, single spaces, case folded, no closing full stop.

    The full stop goes because an outlet's cut name ("Nguyễn Đức Th.") ends on one and a name
    before a sentence's end may keep it: the stop is punctuation, not the name.
    """
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold().rstrip(".")


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


def extract_folder(folder: Path, names: list[str] | None = None) -> dict[str, Any]:
    """Extract the article files of a folder (those named, else all); return their records by file name."""
    from flows.steps.extract.article import extract_article
    from flows.steps.ingest.files import parse_source, read_source
    from flows.steps.ingest.formats import SourceDocument
    from flows.steps.records import ArticleRecords

    records: dict[str, Any] = {}
    paths = [folder / name for name in names] if names is not None else sorted(folder.iterdir())
    for path in (p for p in paths if p.suffix in {".txt", ".json"} and p.exists()):
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


def furniture_scores(shared: Path, furniture_gold: Path = GOLDS["development"][1]) -> dict[str, Any]:
    """Score page furniture against its own gold (bench/furniture_gold.py): lines removed, body kept.

    The totals come with `misses`: each gold line left in and each body piece removed, by file.
    """
    from bench.furniture_gold import score_furniture

    result = score_furniture(furniture_gold, shared)
    misses = [
        f"{what}: {name} {line}"
        for name, found in result["files"].items()
        for what in ("missed", "body_removed")
        for line in found[what]
    ]
    return {**result["total"], "misses": misses}


HEADLINE = {"people": "f1", "organisations": "recall", "places": "f1", "roles": "recall", "titles": "recall"}


def _cell(kind: str, figures: dict[str, Any]) -> str:
    """Return one gold's figures of a kind: precision / recall / F1, or the share right."""
    if kind in {"roles", "titles"}:
        return f"{figures['recall']:.3f} ({figures['gold_found']}/{figures['gold']})"
    return f"{figures['precision']:.3f} / {figures['recall']:.3f} / {figures['f1']:.3f}"


def table(results: dict[str, dict[str, Any]]) -> str:
    """Return the golds' figures side by side, with the gap between the first two on each headline."""
    names = list(results)
    lines = [f"{'kind':<14}" + "".join(f"{name + ' (P / R / F1)':<28}" for name in names) + "gap"]
    for kind in HEADLINE:
        cells = [_cell(kind, results[name]["figures"][kind]) for name in names]
        values = [results[name]["figures"][kind][HEADLINE[kind]] for name in names]
        gap = f"{values[0] - values[1]:+.3f} {HEADLINE[kind]}" if len(values) > 1 else ""
        lines.append(f"{kind:<14}" + "".join(f"{cell:<28}" for cell in cells) + gap)
    furniture = [results[name]["furniture"] for name in names]
    cells = [
        f"{f['furniture_recall']:.3f} ({f['furniture_removed']}/{f['furniture_lines']})"
        f", body {f['body_pieces_removed']}"
        if f
        else "no furniture gold"
        for f in furniture
    ]
    gap = (
        f"{furniture[0]['furniture_recall'] - furniture[1]['furniture_recall']:+.3f}"
        if len(cells) > 1 and furniture[0] and furniture[1]
        else ""
    )
    lines.append(f"{'furniture':<14}" + "".join(f"{cell:<28}" for cell in cells) + gap)
    return "\n".join(lines)


def run(
    shared: Path = SHARED, gold_path: Path = GOLD, furniture_path: Path | None = GOLDS["development"][1]
) -> tuple[dict[str, Tally], dict[str, Any], list[str]]:
    """Extract a gold's files that are present and score them; return tallies, extra figures and notes."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    every = folders(shared)
    wanted = {name: every[name] for name in gold["folders"]}
    measured = {name: path for name, path in wanted.items() if path.is_dir()}
    notes = [
        f"{path} absent: its articles are not scored" for name, path in wanted.items() if name not in measured
    ]
    records = {name: extract_folder(path, list(gold["folders"][name])) for name, path in measured.items()}
    found = {name: {file: found_in(r) for file, r in by_file.items()} for name, by_file in records.items()}
    furniture = furniture_scores(shared, furniture_path) if furniture_path else {}
    return score(found, gold), {"furniture": furniture}, notes


def run_all(shared: Path = SHARED, only: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Score every gold (or those named): figures, errors, furniture and notes by gold name."""
    results = {}
    for name, (entities, furniture) in GOLDS.items():
        if only and name not in only:
            continue
        tallies, extra, notes = run(shared, entities, furniture)
        results[name] = {
            "figures": {kind: tally.figures() for kind, tally in tallies.items()},
            "errors": {kind: tally.errors for kind, tally in tallies.items()},
            "furniture": extra["furniture"],
            "notes": notes,
        }
    return results


def main() -> None:
    """Print both golds' figures side by side (and, if asked, the development gold's errors); write JSON."""
    sys.path.insert(0, str(PROJECT))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--json", type=Path, help="write the figures here (the test gold's errors are left out)"
    )
    parser.add_argument("--errors", action="store_true", help="list the development gold's errors, by kind")
    parser.add_argument(
        "--misses", action="store_true", help="list the development gold's furniture left in and body removed"
    )
    parser.add_argument(
        "--test-errors", action="store_true", help="list the test gold's errors (end-of-round review only)"
    )
    parser.add_argument("--fresh-errors", action="store_true", help="list the fresh slice's errors, by kind")
    parser.add_argument("--fresh2-errors", action="store_true", help="list fresh-2's errors, by kind")
    parser.add_argument("--only", action="append", choices=list(GOLDS), help="score only this gold")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the folder holding the shared corpora")
    args = parser.parse_args()
    results = run_all(args.shared, args.only)
    for name, result in results.items():
        for note in result["notes"]:
            print(f"{name}: {note}")
    print(table(results))
    asked = {
        "development": args.errors,
        "test": args.test_errors,
        "fresh": args.fresh_errors,
        "fresh2": args.fresh2_errors,
    }
    shown = [name for name, wanted in asked.items() if wanted]
    if args.misses and "development" in results:
        print(
            "\n".join(results["development"]["furniture"]["misses"]) or "no furniture missed, no body removed"
        )
    for name in shown:
        if name not in results:
            continue
        for kind, errors in results[name]["errors"].items():
            print(f"\n## {name} {kind}: {len(errors)} errors")
            print("\n".join(errors))
        if name != "development":  # the development gold's furniture misses come with --misses
            print("\n".join(results[name]["furniture"].get("misses", [])))
    if args.json:
        payload = {
            name: {
                "figures": result["figures"],
                "furniture": {k: v for k, v in result["furniture"].items() if k != "misses"},
                "notes": result["notes"],
                **({"errors": result["errors"]} if name not in {"test", "holdout"} else {}),
            }
            for name, result in results.items()
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
