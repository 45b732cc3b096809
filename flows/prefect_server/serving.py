"""Serve the pipeline flow on a schedule: a Prefect deployment and a runner that executes its runs.

Import this module only once PREFECT_API_URL points at a running server: Prefect reads it at import.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from prefect import get_client
from prefect.client.schemas.filters import (
    DeploymentFilter,
    DeploymentFilterId,
    FlowRunFilter,
    FlowRunFilterState,
    FlowRunFilterStateType,
)
from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy, StateType
from prefect.exceptions import ObjectNotFound
from prefect.states import Crashed
from prefect.types.entrypoint import EntrypointType

from flows.pipeline import pipeline
from flows.settings import Settings

DEPLOYMENT_NAME = "scheduled"
SLOT_GRACE_S = 60


def flow_parameters(paths: list[Path], settings: Settings, urls: list[str] | None = None) -> dict[str, Any]:
    """Return the pipeline's parameters as JSON, the form a deployment stores them in.

    The data folder is made absolute so every run writes to the warehouse `tintuc serve` was started on.
    """
    resolved = settings.model_copy(update={"data_dir": settings.data_dir.resolve()})
    parameters = {"paths": [str(path) for path in paths], "settings": resolved.model_dump(mode="json")}
    return {**parameters, "urls": urls} if urls else parameters


async def crash_leftover_runs() -> int:
    """Mark the runs a killed `tintuc serve` left pending or running as crashed; return how many.

    Only for tintuc's own server, where no other runner can hold them. Leaving a run crashed frees the
    pipeline's one slot now rather than when its lease expires (up to 5 minutes).
    """
    async with get_client() as client:
        try:
            deployment = await client.read_deployment_by_name(f"{pipeline.name}/{DEPLOYMENT_NAME}")
        except ObjectNotFound:
            return 0
        in_flight = [StateType.PENDING, StateType.RUNNING, StateType.CANCELLING]
        runs = await client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id])),
            flow_run_filter=FlowRunFilter(
                state=FlowRunFilterState(type=FlowRunFilterStateType(any_=in_flight))
            ),
        )
        message = "tintuc serve was stopped while this run was in flight"
        for run in runs:
            await client.set_flow_run_state(run.id, Crashed(message=message), force=True)
        return len(runs)


def serve_pipeline(
    paths: list[Path],
    settings: Settings,
    cron: str | None,
    interval: int | None,
    own_server: bool,
    urls: list[str] | None = None,
) -> None:
    """Serve the pipeline until SIGTERM or Ctrl-C, one run at a time, on a cron or an interval."""
    if own_server:
        asyncio.run(crash_leftover_runs())
    pipeline.serve(
        name=DEPLOYMENT_NAME,
        cron=cron,
        interval=interval,
        parameters=flow_parameters(paths, settings, urls),
        # A run due while the previous one still works is cancelled, not queued: the next one picks up
        # whatever arrived meanwhile, and two runs never write to the warehouse at once.
        global_limit=ConcurrencyLimitConfig(
            limit=1,
            collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW,
            # A run keeps its slot by renewing it; one killed with tintuc frees it this long after (Prefect's
            # minimum; its default is 300 s).
            grace_period_seconds=SLOT_GRACE_S,
        ),
        limit=1,
        # Runs import the flow from the installed package, whatever the working directory.
        entrypoint_type=EntrypointType.MODULE_PATH,
        print_starting_message=False,
    )
