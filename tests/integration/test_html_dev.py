"""On ../shared/html-dev (real pages of six outlets), tintuc finds every article and adds to trafilatura.

Reads ../shared/html-dev; skipped, saying so, on a clone without it. No timing is asserted: the
bench reports pages/s as a ratio in one run.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
HTML_DEV = PROJECT.parent / "shared" / "html-dev"


@pytest.fixture(scope="module")
def scores():
    if not HTML_DEV.is_dir():
        pytest.skip(f"{HTML_DEV} not present: the development pages are laid beside the clone")
    spec = importlib.util.spec_from_file_location("html_extraction", PROJECT / "bench" / "html_extraction.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    sys.modules["html_extraction"] = bench
    spec.loader.exec_module(bench)
    found, missing = bench.run(HTML_DEV, repeat=1)
    assert not missing
    return found


def test_every_page_with_an_article_loads_with_its_start_and_end(scores):
    ours = scores["tintuc"]
    assert ours.loaded == ours.pages == 33
    assert ours.start_found >= 0.95 * ours.pages
    assert ours.end_found >= 0.95 * ours.pages


def test_tintuc_scores_at_least_090_and_no_less_than_trafilatura_alone(scores):
    ours, alone = scores["tintuc"], scores["trafilatura alone"]
    assert ours.precision >= 0.90 and ours.recall >= 0.90
    assert ours.precision >= alone.precision and ours.recall >= alone.recall
