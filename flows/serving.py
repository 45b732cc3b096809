"""Serve the pipeline flow on a schedule: a Prefect deployment and a runner that executes its runs.

Import this module only once PREFECT_API_URL points at a running server: Prefect reads it at import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.types.entrypoint import EntrypointType

from flows.pipeline import pipeline
from flows.settings import Settings

DEPLOYMENT_NAME = "scheduled"


def flow_parameters(paths: list[Path], settings: Settings) -> dict[str, Any]:
    """Return the pipeline's parameters as JSON, the form a deployment stores them in.

    The data folder is made absolute so every run writes to the warehouse `tintuc serve` was started on.
    """
    resolved = settings.model_copy(update={"data_dir": settings.data_dir.resolve()})
    return {"paths": [str(path) for path in paths], "settings": resolved.model_dump(mode="json")}


def serve_pipeline(paths: list[Path], settings: Settings, cron: str | None, interval: int | None) -> None:
    """Serve the pipeline until SIGTERM or Ctrl-C, one run at a time, on a cron or an interval."""
    pipeline.serve(
        name=DEPLOYMENT_NAME,
        cron=cron,
        interval=interval,
        parameters=flow_parameters(paths, settings),
        # A run due while the previous one still works is cancelled, not queued: the next one picks up
        # whatever arrived meanwhile, and two runs never write to the warehouse at once.
        global_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW),
        limit=1,
        # Runs import the flow from the installed package, whatever the working directory.
        entrypoint_type=EntrypointType.MODULE_PATH,
        print_starting_message=False,
    )
