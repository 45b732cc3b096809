"""Before a run's first window, its warm-up has loaded the model and every lazy part of the extractor.

In a fresh Python process, as `tintuc run` starts: so nothing heavy is left to load in the middle of
a window, and a change to the extractor that stops the built-in article from waking the tagger shows.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.integration.tintuc_process import PROJECT

WARM_UP_THEN_REPORT = """
import json, sys
from flows.settings import Settings
from flows.translation import translator_loads
from flows.warm_up import start_warm_up

start_warm_up(Settings(data_dir=sys.argv[1])).join()
print(json.dumps({
    "model_loads": translator_loads(),
    "tagger": "underthesea.pipeline.ner" in sys.modules,
    "pandera": "pandera" in sys.modules,
}))
"""


def test_the_warm_up_loads_the_model_the_tagger_and_pandera_before_any_window(installed_settings):
    finished = subprocess.run(
        [sys.executable, "-c", WARM_UP_THEN_REPORT, str(installed_settings.data_dir)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert finished.returncode == 0, finished.stderr
    loaded = json.loads(finished.stdout.strip().splitlines()[-1])
    assert loaded == {"model_loads": 1, "tagger": True, "pandera": True}


def test_a_warm_up_without_a_model_still_loads_the_extractor_and_fails_nothing(tmp_path):
    finished = subprocess.run(
        [sys.executable, "-c", WARM_UP_THEN_REPORT, str(tmp_path / "data")],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert finished.returncode == 0, finished.stderr
    assert json.loads(finished.stdout.strip().splitlines()[-1]) == {
        "model_loads": 0,
        "tagger": True,
        "pandera": True,
    }


READY_THEN_REPORT = """
import json, sys
from flows.settings import Settings
from flows.warm_up import ready_before_the_flow
from warehouse.engine import make_engine, schema_at_head

settings = Settings(data_dir=sys.argv[1])
ready_before_the_flow(settings)
made = settings.default_sqlite_file.exists()
print(json.dumps({
    "warehouse_at_head": made and schema_at_head(make_engine(settings.resolved_database_url)),
    "encoder": "fastapi.encoders" in sys.modules,
}))
"""


def ready(data_dir: str) -> dict[str, bool]:
    """Run ready_before_the_flow in a fresh process on data_dir; return what it left ready."""
    finished = subprocess.run(
        [sys.executable, "-c", READY_THEN_REPORT, data_dir],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout.strip().splitlines()[-1])


def test_a_new_data_folders_warehouse_is_made_before_the_flow_starts(tmp_path):
    assert ready(str(tmp_path / "data")) == {"warehouse_at_head": True, "encoder": True}


def test_a_warehouse_that_cannot_be_made_there_does_not_stop_the_run_before_its_flow(tmp_path):
    (tmp_path / "data").write_text("a file where the data folder should be", encoding="utf-8")
    assert ready(str(tmp_path / "data")) == {"warehouse_at_head": False, "encoder": True}
