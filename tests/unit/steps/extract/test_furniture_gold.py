"""The extractor against the hand-made furniture gold (bench/furniture_gold.py scores it)."""

from pathlib import Path

from bench.furniture_gold import GOLD, score_furniture


def test_furniture_gold_points_at_lines_by_first_words_only():
    import json

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    items = [
        item for files in gold["folders"].values() for entry in files.values() for item in entry["furniture"]
    ]
    assert items and all(len(item["first_words"].split()) <= 5 for item in items)


def test_no_body_sentence_is_removed_and_most_furniture_is(shared_corpus: Path):
    result = score_furniture(GOLD, shared_corpus.parent)
    assert result["total"]["body_pieces_removed"] == 0, [f["body_removed"] for f in result["files"].values()]
    assert result["total"]["furniture_recall"] >= 0.9
    assert result["total"]["titles_right"] == result["total"]["files"]
