"""The docs' generated reference covers every setting and every command (docs/hooks/reference.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import typer.main

from flows.cli import app
from flows.settings import Settings

PROJECT = Path(__file__).resolve().parents[2]
COMMAND_PAGES = PROJECT / "docs" / "commands"
HOOK = PROJECT / "docs" / "hooks" / "reference.py"


def _hook():
    spec = importlib.util.spec_from_file_location("docs_reference", HOOK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _top_commands() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.list_commands(typer.Context(group, info_name="tintuc")))


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_every_setting_has_a_description_for_the_settings_table(name):
    assert Settings.model_fields[name].description, f"Settings.{name} needs Field(description=…)"


def test_the_settings_table_names_every_variable_with_its_default():
    table = _hook().settings_table()
    assert "| `TINTUC_WINDOW_FILES` | `50` |" in table
    assert all(f"`TINTUC_{name.upper()}`" in table for name in Settings.model_fields)


@pytest.mark.parametrize("name", _top_commands())
def test_every_command_has_a_page_that_shows_its_generated_help(name):
    page = COMMAND_PAGES / f"{name}.md"
    assert page.is_file(), f"docs/commands/{name}.md is missing (and its line in mkdocs.yml's nav)"
    assert f"<!-- tintuc-help: {name} -->" in page.read_text(encoding="utf-8")


def test_the_help_of_a_sub_command_is_typers_own():
    markdown = _hook().command_help("models install")
    assert "`tintuc models install`" in markdown and "--file" in markdown


def test_a_page_asking_for_a_command_that_does_not_exist_fails_the_build():
    with pytest.raises(ValueError, match="no such command"):
        _hook().command_help("nonsense")
