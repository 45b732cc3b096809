"""A rerun with nothing new: answered in about a second, without importing Prefect or pandas.

Importing Prefect and running even an empty flow costs 5–7 s on 2 cores. Before paying that,
`tintuc run` hashes the files (it must anyway) and asks the warehouse whether every one was
processed before. When so, it records the run in `runs` and, when a Prefect server is up (the one
`tintuc server start` keeps, or the user's own PREFECT_API_URL), as a Completed flow run of
`tintuc-pipeline` tagged `nothing-new` through Prefect's REST API, so the UI still lists every run.
With no server running none is started for it: such a run is in `runs` only. Anything else — a
new or changed file, one that cannot be read, a warehouse not yet migrated — takes the full flow.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from flows.settings import Settings
from flows.steps.ingest.files import UnreadableSource
from flows.steps.ingest.sources import Source, iter_sources, read_any
from flows.steps.records import utc_now
from warehouse.engine import Warehouse, schema_at_head
from warehouse.runs import finish_run, holding_run_lock, mark_dead_runs, start_run
from warehouse.source_files import processed_among

FLOW_NAME = "tintuc-pipeline"  # the flow's own name, so these runs sit beside the others in the UI
HASHES_PER_QUERY = 500
PREFECT_TIMEOUT_S = 5.0
logger = logging.getLogger(__name__)


def count_if_nothing_new(engine: Warehouse, paths: list[Path], max_file_bytes: int) -> int | None:
    """Return how many files are under paths when every one was processed before, else None."""
    if not schema_at_head(engine):
        return None
    files = 0
    for chunk in _chunks(iter_sources(paths), HASHES_PER_QUERY):
        hashes = _content_hashes(chunk, max_file_bytes)
        if hashes is None or len(processed_among(engine, sorted(set(hashes)))) < len(set(hashes)):
            return None
        files += len(chunk)
    return files


def _content_hashes(paths: list[Source], max_file_bytes: int) -> list[str] | None:
    """Return the sources' content hashes, or None if one cannot be read (the full run rejects it)."""
    try:
        return [read_any(path, max_file_bytes).content_sha256 for path in paths]
    except UnreadableSource:
        return None


def _chunks(paths: Iterable[Source], size: int) -> Iterator[list[Source]]:
    """Yield lists of up to size paths, lazily."""
    iterator = iter(paths)
    while chunk := list(islice(iterator, size)):
        yield chunk


def record_nothing_new(engine: Warehouse, settings: Settings, files: int) -> str:
    """Record a completed run that found every file unchanged; return its id."""
    # As a full run would: crashed runs are said to be so.
    mark_dead_runs(engine, settings.run_locks_dir, settings.heartbeat_timeout_s)
    run_id = uuid.uuid4().hex[:16]
    with holding_run_lock(settings.run_locks_dir, run_id):
        start_run(engine, run_id, utc_now())
        finish_run(engine, run_id, "completed", utc_now(), files_seen=files, files_skipped=files)
    return run_id


def report_to_prefect(api_url: str, run_id: str, paths: list[Path], files: int) -> bool:
    """Record the run on the Prefect server as a Completed `tintuc-pipeline` flow run; False if it fails."""
    try:
        flow = _post(api_url, "/flows/", {"name": FLOW_NAME})
        flow_run = _post(
            api_url,
            "/flow_runs/",
            {
                "flow_id": flow["id"],
                "name": f"nothing-new-{run_id}",
                "parameters": {"paths": [str(path) for path in paths]},
                "tags": ["nothing-new"],
                "state": {"type": "RUNNING", "name": "Running"},
            },
        )
        message = f"nothing new: {files} files unchanged (tintuc run {run_id})"
        state = {"type": "COMPLETED", "name": "Completed", "message": message}
        _post(api_url, f"/flow_runs/{flow_run['id']}/set_state", {"state": state})
    except (urllib.error.URLError, OSError, ValueError, KeyError) as error:
        logger.warning("the run is recorded in the warehouse, but not on Prefect at %s: %s", api_url, error)
        return False
    return True


def _post(api_url: str, path: str, body: dict[str, Any]) -> Any:
    """POST JSON to the Prefect API and return the decoded answer."""
    request = urllib.request.Request(
        f"{api_url.rstrip('/')}{path}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=PREFECT_TIMEOUT_S) as response:
        return json.loads(response.read())
