"""The development, test, fresh and fresh-2 golds are well formed, and bench/extraction.py scores each."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import unicodedata
from pathlib import Path
from types import ModuleType

PROJECT = Path(__file__).resolve().parents[2]
GOLD = PROJECT / "tests" / "gold" / "extraction" / "entities.json"
TEST_GOLD = PROJECT / "tests" / "gold" / "extraction" / "test" / "entities.json"
FRESH_GOLD = PROJECT / "tests" / "gold" / "extraction" / "fresh" / "entities.json"
HOLDOUT_GOLD = GOLD.parent / "holdout" / "entities.json"
FRESH2_GOLD = PROJECT / "tests" / "gold" / "extraction" / "fresh2" / "entities.json"
FOLDERS = {"seeds", "corpus", "corpus-dev", "corpus-wide", "stories-dev"}


def _bench() -> ModuleType:
    """Return bench/extraction.py (bench/ is a folder of scripts; the project root is on sys.path)."""
    return importlib.import_module("bench.extraction")


def _gold(path: Path = GOLD) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_gold_entry_holds_nfc_names_roles_and_a_title_only():
    for path in (GOLD, TEST_GOLD, FRESH_GOLD, FRESH2_GOLD):
        _check_entries(_gold(path))


def _check_entries(gold: dict) -> None:
    assert set(gold["folders"]) <= FOLDERS
    for files in gold["folders"].values():
        for entry in files.values():
            assert set(entry) == {"title", "people", "organisations", "places"}
            assert entry["title"]
            for person in entry["people"]:
                assert set(person) == {"name", "aliases", "roles"}
            for organisation in entry["organisations"]:
                assert set(organisation) == {"name", "aliases"}
            names = [p["name"] for p in entry["people"]] + [o["name"] for o in entry["organisations"]]
            for text in names + entry["places"]:
                assert text == unicodedata.normalize("NFC", text).strip() and len(text) < 120


def test_the_gold_scored_as_if_found_is_right_everywhere():
    bench, gold = _bench(), _gold()
    found = {
        folder: {
            name: bench.Found(
                title=entry["title"],
                people={p["name"]: p["roles"] for p in entry["people"]},
                organisations=[[o["name"], *o["aliases"]] for o in entry["organisations"]],
                places=entry["places"],
            )
            for name, entry in files.items()
        }
        for folder, files in gold["folders"].items()
    }
    figures = {kind: tally.figures() for kind, tally in bench.score(found, gold).items()}
    assert all(f["precision"] == f["recall"] == 1.0 for f in figures.values())
    assert figures["people"]["gold"] > 100 and figures["organisations"]["gold"] > 100


def test_a_short_name_an_alias_and_a_place_without_its_head_word_count_as_found():
    bench = _bench()
    gold = {
        "folders": {
            "seeds": {
                "a.txt": {
                    "title": "Tin",
                    "people": [{"name": "Nguyễn Văn An", "aliases": ["An"], "roles": ["Giám đốc Sở Y tế"]}],
                    "organisations": [
                        {"name": "Ủy ban nhân dân thành phố Hà Nội", "aliases": ["UBND TP Hà Nội"]}
                    ],
                    "places": ["quận 8", "Hà Nội"],
                }
            }
        }
    }
    found = bench.Found(
        title="Tin",
        people={"An": ["giám đốc Sở Y tế tỉnh"], "Sở Y": []},
        organisations=[["UBND TP Hà Nội"]],
        places=["8", "Huế"],
    )
    figures = {kind: t.figures() for kind, t in bench.score({"seeds": {"a.txt": found}}, gold).items()}
    assert (figures["people"]["found_right"], figures["people"]["found"], figures["people"]["recall"]) == (
        1,
        2,
        1.0,
    )
    assert figures["roles"]["recall"] == 1.0
    assert figures["organisations"]["recall"] == figures["organisations"]["precision"] == 1.0
    assert (figures["places"]["precision"], figures["places"]["recall"]) == (0.5, 0.5)


def test_the_bench_extracts_every_gold_article_of_the_shared_corpus(shared_corpus, tmp_path):
    out = tmp_path / "figures.json"
    subprocess.run(
        [
            sys.executable,
            str(PROJECT / "bench" / "extraction.py"),
            f"--shared={shared_corpus.parent}",
            f"--json={out}",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    payload = json.loads(out.read_text())
    assert set(payload) == {"development", "test", "fresh", "fresh2", "holdout"}
    assert "errors" not in payload["holdout"] and "errors" not in payload["test"]  # never written out
    golds = (
        ("development", GOLD),
        ("test", TEST_GOLD),
        ("fresh", FRESH_GOLD),
        ("fresh2", FRESH2_GOLD),
        ("holdout", HOLDOUT_GOLD),
    )
    for name, path in golds:
        figures = payload[name]["figures"]
        assert set(figures) == {"people", "organisations", "places", "roles", "titles"}
        assert payload[name]["notes"] == []
        # Every gold article was extracted with its title: none was lost on the way.
        assert figures["titles"]["gold"] == sum(len(f) for f in _gold(path)["folders"].values())
        assert figures["titles"]["recall"] == 1.0
        for kind in ("people", "organisations", "places"):
            assert 0.0 < figures[kind]["precision"] <= 1.0
        # Every gold's furniture was scored on all of its files.
        furniture = _gold(path.parent / "furniture.json")
        assert payload[name]["furniture"]["files"] == sum(len(f) for f in furniture["folders"].values())
    assert "errors" in payload["development"] and "errors" not in payload["test"]


def test_the_bench_says_which_folders_it_could_not_score(tmp_path):
    out = tmp_path / "figures.json"
    run = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "bench" / "extraction.py"),
            f"--shared={tmp_path / 'none'}",
            f"--json={out}",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "none/corpus absent" in run.stdout and "none/stories-dev absent" in run.stdout
    assert json.loads(out.read_text())["development"]["figures"]["titles"]["gold"] == 1  # the seed alone


def test_the_test_gold_holds_the_seeded_draw_and_no_development_article(shared_corpus):
    draw = importlib.import_module("bench.extraction_draw")
    gold = _gold(TEST_GOLD)
    shared, taken = shared_corpus.parent, []
    for folder, files in gold["folders"].items():
        order = [path for path, skip in draw.draw(shared, gold["draw"]["seed"], taken, folder) if not skip]
        drawn = [path.name for path in order if f"{folder}/{path.name}" not in gold["draw"]["skipped"]]
        assert sorted(files) == sorted(drawn[: len(files)]), folder
    development = {name for files in _gold()["folders"].values() for name in files}
    assert not development & {name for files in gold["folders"].values() for name in files}


def test_the_fresh_slice_holds_its_seeded_draw_and_no_article_of_the_other_golds(shared_corpus):
    draw = importlib.import_module("bench.extraction_draw")
    gold = _gold(FRESH_GOLD)
    shared = shared_corpus.parent
    for folder, files in gold["folders"].items():
        order = draw.fresh_pool(shared, folder)
        draw.random.Random(gold["draw"]["seed"]).shuffle(order)
        drawn = [path.name for path in order if f"{folder}/{path.name}" not in gold["draw"]["skipped"]]
        assert sorted(files) == sorted(drawn[: len(files)]), folder
    others = {
        name for path in (GOLD, TEST_GOLD) for files in _gold(path)["folders"].values() for name in files
    }
    assert not others & {name for files in gold["folders"].values() for name in files}


def test_fresh2_holds_the_first_articles_of_its_seeded_order_and_no_article_of_the_other_golds(shared_corpus):
    draw = importlib.import_module("bench.extraction_draw")
    gold = _gold(FRESH2_GOLD)
    order = draw.spread(draw.fresh2_pool(shared_corpus.parent), 30)
    drawn = [path.name for path in order if f"stories-dev/{path.name}" not in gold["draw"]["skipped"]]
    assert list(gold["folders"]) == ["stories-dev"]
    assert sorted(gold["folders"]["stories-dev"]) == sorted(drawn[:20])
    others = {
        name
        for path in (GOLD, TEST_GOLD, FRESH_GOLD)
        for files in _gold(path)["folders"].values()
        for name in files
    }
    assert not others & set(gold["folders"]["stories-dev"])
