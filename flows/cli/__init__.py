"""The `tintuc` command line: one typer app, its commands in a module per group.

runs (run, translate), server (serve, server start|stop|status), reader (read, browse, search,
export), stories (digest, stories rebuild), warehouse (query, status, migrate-warehouse) and models
(models install|list|remove).
"""

import typer

from flows.cli import models, reader, runs, server, stories, warehouse

app = typer.Typer(help="Vietnamese news in, a bilingual SQLite warehouse out.", no_args_is_help=True)
for group in (runs, server, reader, stories, warehouse, models):
    app.add_typer(group.app)
