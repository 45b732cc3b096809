"""MkDocs hook: the command and settings reference, generated from the code at every build.

Nothing here is written by hand, so nothing can drift:
- `reference/commands.md` is typer's own Markdown for `tintuc` and every sub-command
  (`typer.cli.get_docs_for_click`, what `typer flows.cli utils docs` prints), from `flows.cli:app`;
- the line `<!-- tintuc-settings -->` becomes a table of `flows.settings.Settings`: each field's
  environment variable, default and pydantic description (a field without one fails the build);
- a page may hold the line `<!-- tintuc-help: COMMAND -->` (e.g. `models install`): the build puts that
  command's help there, and fails when no such command exists.
"""

from __future__ import annotations

import re
from typing import Any

import typer
import typer.main
from mkdocs.structure.files import File, Files
from typer.cli import get_docs_for_click

HELP_MARKER = re.compile(r"^<!-- tintuc-help: ([a-z -]+?) -->$", re.MULTILINE)
SETTINGS_MARKER = "<!-- tintuc-settings -->"
PROGRAM = "tintuc"


def _root() -> tuple[Any, typer.Context]:
    """Return the click command behind `tintuc` and a context to render it in."""
    from flows.cli import app

    command = typer.main.get_command(app)
    return command, typer.Context(command, info_name=PROGRAM)


def command_help(path: str, indent: int = 1) -> str:
    """Return typer's Markdown for `tintuc PATH` (its usage, arguments, options and sub-commands)."""
    command, context = _root()
    names = path.split()
    for name in names:
        found = command.get_command(context, name) if hasattr(command, "get_command") else None
        if found is None:
            raise ValueError(f"`{PROGRAM} {path}`: no such command in flows.cli")
        command = found
    prefix = " ".join([PROGRAM, *names[:-1]])
    markdown = get_docs_for_click(obj=command, ctx=context, indent=indent, call_prefix=prefix)
    return markdown.strip() + "\n"


def commands_page() -> str:
    """Return the reference page of every command."""
    command, context = _root()
    body = get_docs_for_click(obj=command, ctx=context, name=PROGRAM, indent=1)
    return (
        "# Command reference\n\n"
        "Generated at every build from `flows.cli:app` by typer's own docs generator: what "
        "`tintuc COMMAND --help` says, for every command and sub-command.\n\n" + body
    )


def _default(field: Any) -> str:
    """Return a field's default as a user writes it in the environment."""
    value = field.default
    if value is None:
        return "unset"
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1024 * 1024:
        mib = value / (1024 * 1024)
        return f"`{value}` ({mib:g} MiB)"
    return f"`{value}`"


def settings_table() -> str:
    """Return a table of Settings: one row per field, with its variable, default and description."""
    from flows.settings import Settings

    rows = []
    for name, field in Settings.model_fields.items():
        if not field.description:
            raise ValueError(f"flows/settings.py: Settings.{name} has no description for the docs")
        rows.append(f"| `TINTUC_{name.upper()}` | {_default(field)} | {field.description} |")
    return "| variable | default | what it does |\n|---|---|---|\n" + "\n".join(rows) + "\n"


def on_files(files: Files, config: Any) -> Files:
    """Add the generated reference pages to the site."""
    files.append(File.generated(config, "reference/commands.md", content=commands_page()))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """Put each command's generated help, and the settings table, where a page asks for them."""
    if SETTINGS_MARKER in markdown:
        markdown = markdown.replace(SETTINGS_MARKER, settings_table())
    return HELP_MARKER.sub(lambda found: command_help(found.group(1), indent=1), markdown)


if __name__ == "__main__":  # a look at the output without building the site
    print(commands_page())
    print(settings_table())
