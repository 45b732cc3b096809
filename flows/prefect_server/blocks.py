"""Register Prefect's block types into the template's database, as a server does on its first start.

`python -m flows.prefect_server.blocks`, run by template_build in the template's own folder and
environment after Prefect's migrations: the function Prefect's server calls at startup
(`run_block_auto_registration`), after the same imports and collections, so a server starting on a copy
finds nothing to register and is told to skip it (template.skip_block_registration).
"""

from __future__ import annotations

import asyncio


async def register_block_types() -> None:
    """Register every block type a server here would, into the database Prefect's settings name."""
    import prefect.plugins
    import prefect.server.api.server  # the block types a server has imported when it registers
    from prefect.server.database import provide_database_interface
    from prefect.server.models.block_registration import run_block_auto_registration

    prefect.plugins.load_prefect_collections()
    session = await provide_database_interface().session()
    async with session:
        await run_block_auto_registration(session=session)


if __name__ == "__main__":
    asyncio.run(register_block_types())
