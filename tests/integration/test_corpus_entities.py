"""Every entity extraction found when the gold was recorded is still found (skipped without ../shared)."""

from pathlib import Path

import pytest

from tests.support.entity_gold import entities_by_file, recorded

pytestmark = pytest.mark.corpus


def lost_entities(folder: Path, name: str, kinds: set[str]) -> dict[str, set[tuple[str, str]]]:
    """Return, by file, the recorded entities of those kinds that extraction no longer finds."""
    found = entities_by_file(folder)
    lost = {}
    for file, pairs in recorded()[name].items():
        missing = {(kind, entity) for kind, entity in pairs if kind in kinds} - found[file]
        if missing:
            lost[file] = missing
    return lost


def test_every_recorded_corpus_place_is_still_found(shared_corpus):
    assert lost_entities(shared_corpus, "corpus", {"location"}) == {}


def test_every_recorded_corpus_dev_place_is_still_found(shared_corpus):
    corpus_dev = shared_corpus.parent / "corpus-dev"
    if not corpus_dev.is_dir():
        pytest.skip(f"{corpus_dev} not present")
    assert lost_entities(corpus_dev, "corpus-dev", {"location"}) == {}


def test_no_recorded_person_or_organisation_is_lost(shared_corpus):
    assert lost_entities(shared_corpus, "corpus", {"person", "organization"}) == {}


def test_seed_entities_are_exactly_those_recorded():
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    assert entities_by_file(seeds) == recorded()["seeds"]
