"""Run the tintuc CLI as `python -m flows`."""

from flows.cli import app

app(prog_name="tintuc")
