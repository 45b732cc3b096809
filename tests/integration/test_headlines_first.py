"""`tintuc translate --headlines-first`: every pending title, lead and name before any body sentence."""

from __future__ import annotations

import shutil

import pytest

from flows.pipeline import pipeline
from flows.steps.translate.models import install_file
from flows.translate_pending import translate_pending
from tests.conftest import SEED
from tests.integration.tintuc_process import run_tintuc
from tests.integration.warehouse_reads import rows
from tests.support.story_articles import DURIAN, FIREFIGHT, write_report

pytestmark = pytest.mark.usefixtures("prefect_harness")
# When each text was translated: the memory keeps every decoded text with the time of its batch.
TRANSLATED_AT = """
SELECT s.kind, s.paragraph_no = (SELECT min(f.paragraph_no) FROM segments f
                                 WHERE f.article_id = s.article_id AND f.kind <> 'title') AS is_lead,
       m.created_at
FROM segments s JOIN translation_memory m ON m.text_vi = s.text_vi
"""


def load_backlog(settings, folder):
    """Load the seed (a title, a lead and a dozen paragraphs) and two reports without a model."""
    for name, report in [("fire", FIREFIGHT), ("durian", DURIAN)]:
        write_report(folder, name, report)
    shutil.copy(SEED, folder / SEED.name)
    assert pipeline([folder], settings).articles_loaded == 3
    return settings


@pytest.fixture
def backlog(warehouse_settings, tmp_path):
    """A backlog of pending English, on SQLite and on PostgreSQL."""
    return load_backlog(warehouse_settings, tmp_path / "in")


def test_headlines_first_translates_every_title_and_lead_before_any_body_sentence(backlog, fixture_package):
    install_file(fixture_package, backlog.argos_dir)
    summary = translate_pending(backlog, headlines_first=True)

    assert rows(backlog, "SELECT count(*) AS n FROM segments WHERE text_en IS NULL") == [{"n": 0}]
    translated = rows(backlog, TRANSLATED_AT)
    headlines = [row["created_at"] for row in translated if row["kind"] == "title" or row["is_lead"]]
    bodies = [row["created_at"] for row in translated if row["kind"] != "title" and not row["is_lead"]]
    assert headlines and bodies
    assert max(headlines) < min(bodies)
    titles = rows(backlog, "SELECT count(*) AS n FROM articles WHERE title_en IS NULL")
    assert titles == [{"n": 0}]
    assert summary.segments_translated == rows(backlog, "SELECT count(*) AS n FROM segments")[0]["n"]


def test_the_translate_command_takes_headlines_first(settings, fixture_package, tmp_path):
    backlog = load_backlog(settings, tmp_path / "in")  # the data folder's own warehouse, as the command's
    install_file(fixture_package, backlog.argos_dir)
    done = run_tintuc(["translate", "--headlines-first"], backlog.data_dir)
    assert done.returncode == 0, done.stderr
    assert "segments translated" in done.stdout
    assert rows(backlog, "SELECT count(*) AS n FROM segments WHERE text_en IS NULL") == [{"n": 0}]
