"""Stories on the Dask path: windows loading at once, on two workers, into PostgreSQL, still find copies.

The windows of one run are loaded by two worker processes at the same time; copies of one article
in different windows must still be linked to one first copy (the warehouse decides, under the lock
warehouse/stories.py takes), and reports of one event still share a story.
"""

from __future__ import annotations

import pytest

from flows.pipeline import pipeline_for
from tests.integration import test_dask_windows as dask_tests
from tests.integration.warehouse_reads import rows
from tests.support.story_articles import BOTH, DURIAN, FIREFIGHT, TRADERS, write_report, write_seed_record

pytestmark = pytest.mark.usefixtures("prefect_harness")
cluster = dask_tests.cluster  # a LocalCluster of two worker processes, one thread each
OUTLETS = ["tienphong.vn", "baomoi.example.vn", "dang-lai.example.vn", "tin.example.vn"]


def test_copies_loaded_at_once_by_two_workers_are_linked_to_one_first_copy(
    settings, tmp_path, cluster, monkeypatch, postgres_warehouse_url
):
    folder = tmp_path / "in"
    for number, domain in enumerate(OUTLETS):
        added = None if number == 0 else f"Bài đăng lại trên {domain}."
        url = f"https://{domain}/ha-noi-thi-diem.html"
        write_seed_record(folder, f"{number}-seed.json", url, domain, "2022-07-13 08:00:00", added)
    for name, report in [
        ("a-fire", FIREFIGHT),
        ("b-durian", DURIAN),
        ("c-traders", TRADERS),
        ("d-both", BOTH),
    ]:
        write_report(folder, name, report)
    local = settings.model_copy(update={"window_files": 2, "database_url": postgres_warehouse_url})
    dask = dask_tests.on_dask(local, cluster, monkeypatch)
    summary = pipeline_for(dask)([folder], dask)

    assert summary.windows >= 4 and summary.articles_loaded == 8
    placed = rows(
        dask,
        "SELECT a.source_path, v.story_id, v.duplicate_of, a.article_id "
        "FROM article_stories v JOIN articles a USING (article_id)",
    )
    by_file = {row["source_path"].rsplit("/", 1)[-1]: row for row in placed}
    seeds = [by_file[f"{number}-seed.json"] for number in range(len(OUTLETS))]
    originals = [row for row in seeds if row["duplicate_of"] is None]
    assert len(originals) == 1  # whichever window was placed first holds the first copy
    assert all(row["duplicate_of"] == originals[0]["article_id"] for row in seeds if row is not originals[0])
    assert len({row["story_id"] for row in seeds}) == 1
    fire = {by_file[name]["story_id"] for name in ("a-fire.txt", "c-traders.txt", "d-both.txt")}
    assert len(fire) == 1 and by_file["b-durian.txt"]["story_id"] not in fire
