"""A new data folder's Prefect database starts from the migrated template, only one at Prefect's head."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from flows.prefect_server import template, template_build
from flows.prefect_server.blocks import BLOCKS_MARK
from flows.prefect_server.template import (
    PREFECT_DB,
    database_revision,
    head_revision,
    migrations_folder,
    start_from_template,
    template_path,
)


def migration(folder: Path, revision: str, down: str | None) -> None:
    """Write a migration file as Prefect's are written."""
    down_value = "None" if down is None else f'"{down}"'
    text = (
        f'"""A migration."""\n\nrevision = "{revision}"\ndown_revision = {down_value}\nbranch_labels = None\n'
    )
    (folder / f"2026_01_01_{revision}_step.py").write_text(text, encoding="utf-8")


def database_at(path: Path, revision: str) -> Path:
    """Write a SQLite database whose Alembic revision is revision."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    connection.close()
    return path


@pytest.fixture
def prefect_at(monkeypatch, tmp_path) -> Path:
    """Make the installed Prefect's migrations a chain aaaaaa01 → aaaaaa02 → aaaaaa03 in a folder."""
    folder = tmp_path / "migrations"
    folder.mkdir()
    migration(folder, "aaaaaa01", None)
    migration(folder, "aaaaaa02", "aaaaaa01")
    migration(folder, "aaaaaa03", "aaaaaa02")
    monkeypatch.setattr(template, "migrations_folder", lambda: folder)
    return folder


def test_the_head_is_the_migration_no_other_one_replaces(prefect_at):
    assert head_revision(prefect_at) == "aaaaaa03"


def test_two_heads_give_no_head_and_no_template_is_used(prefect_at, tmp_path):
    migration(prefect_at, "bbbbbb03", "aaaaaa02")  # a branch: Alembic would need a merge
    database_at(template_path(tmp_path / "cache", "aaaaaa03"), "aaaaaa03")
    assert head_revision(prefect_at) is None
    assert not start_from_template(tmp_path / "cache", tmp_path / "home", {})


def test_the_installed_prefects_sqlite_migrations_have_one_head_named_in_a_file():
    folder = migrations_folder()
    head = head_revision()
    assert folder is not None and head is not None
    assert any(head in path.name for path in folder.glob("*.py"))


def test_a_new_data_folder_starts_from_the_template_at_head(prefect_at, tmp_path):
    cache, home = tmp_path / "cache", tmp_path / "data" / "prefect"
    database_at(template_path(cache, "aaaaaa03"), "aaaaaa03")
    assert start_from_template(cache, home, {})
    assert database_revision(home / PREFECT_DB) == "aaaaaa03"
    # no half-copied file left beside it; the mark says whose block types it holds
    assert sorted(path.name for path in home.iterdir()) == [BLOCKS_MARK, PREFECT_DB]


def test_a_template_of_an_older_prefect_is_not_used(prefect_at, tmp_path):
    cache, home = tmp_path / "cache", tmp_path / "home"
    database_at(template_path(cache, "aaaaaa02"), "aaaaaa02")  # made before Prefect's last migration
    assert not start_from_template(cache, home, {})
    assert not (home / PREFECT_DB).exists()  # Prefect makes and migrates its own


def test_a_template_whose_database_is_not_at_its_named_revision_is_not_used(prefect_at, tmp_path):
    cache, home = tmp_path / "cache", tmp_path / "home"
    database_at(template_path(cache, "aaaaaa03"), "aaaaaa01")
    assert not start_from_template(cache, home, {})
    assert not (home / PREFECT_DB).exists()


def test_a_data_folder_that_has_a_prefect_database_keeps_it(prefect_at, tmp_path):
    cache, home = tmp_path / "cache", tmp_path / "home"
    database_at(template_path(cache, "aaaaaa03"), "aaaaaa03")
    database_at(home / PREFECT_DB, "aaaaaa02")  # its runs' history: never replaced
    assert not start_from_template(cache, home, {})
    assert database_revision(home / PREFECT_DB) == "aaaaaa02"


def test_a_database_made_while_the_template_was_copied_is_kept(prefect_at, tmp_path, monkeypatch):
    cache, home = tmp_path / "cache", tmp_path / "home"
    database_at(template_path(cache, "aaaaaa03"), "aaaaaa03")
    copy = template.shutil.copyfile

    def copy_while_a_server_makes_its_own(source: Path, target: Path) -> None:
        database_at(home / PREFECT_DB, "aaaaaa01")  # a server that took no lock, mid-copy
        copy(source, target)

    monkeypatch.setattr(template.shutil, "copyfile", copy_while_a_server_makes_its_own)
    assert not start_from_template(cache, home, {})
    assert database_revision(home / PREFECT_DB) == "aaaaaa01"
    assert [path.name for path in home.iterdir()] == [PREFECT_DB]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PREFECT_SERVER_DATABASE_CONNECTION_URL", "postgresql+asyncpg://prefect@localhost/prefect"),
        ("PREFECT_API_DATABASE_CONNECTION_URL", "postgresql+asyncpg://prefect@localhost/prefect"),
        ("PREFECT_SERVER_DATABASE_HOST", "db.example"),
        ("PREFECT_API_DATABASE_DRIVER", "postgresql+asyncpg"),
    ],
)
def test_no_copy_when_the_user_chose_prefects_database(prefect_at, tmp_path, name, value):
    cache, home = tmp_path / "cache", tmp_path / "home"
    database_at(template_path(cache, "aaaaaa03"), "aaaaaa03")
    assert not start_from_template(cache, home, {"PREFECT_HOME": str(home), name: value})
    assert not (home / PREFECT_DB).exists()


def test_a_build_that_failed_is_not_retried_in_the_background_for_a_day(prefect_at, tmp_path, monkeypatch):
    cache, started = tmp_path / "cache", []
    monkeypatch.setattr(template_build, "_migrated_database", lambda home: None)  # Prefect's upgrade failed
    monkeypatch.setattr(
        template_build.subprocess, "Popen", lambda command, **options: started.append(command)
    )
    assert template_build.build_template(cache) is None

    template_build.build_in_background(cache)
    assert started == []  # not after this run, nor the next one
    day_ago = time.time() - template_build.RETRY_AFTER_S - 60
    os.utime(cache / template.TEMPLATES / "failed-aaaaaa03", (day_ago, day_ago))
    template_build.build_in_background(cache)
    assert len(started) == 1


def test_a_cache_folder_that_cannot_be_written_fails_in_one_line(prefect_at, tmp_path, capsys):
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder should be", encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        template_build.main([str(not_a_folder)])
    assert "could not make a Prefect database template" in str(exited.value.code)
    assert capsys.readouterr() == ("", "")  # no traceback, nothing else


def test_templates_of_other_prefect_releases_are_kept_while_in_use(prefect_at, tmp_path, monkeypatch):
    cache, installed = tmp_path / "cache", ["bbbbbb02"]
    long_ago = time.time() - template_build.KEEP_UNUSED_S - 3600
    for revision, used_at in {"bbbbbb01": 40, "bbbbbb02": 30, "bbbbbb03": 20, "bbbbbb04": 10}.items():
        path = database_at(template_path(cache, revision), revision)
        os.utime(path, (long_ago - used_at, long_ago - used_at))
    monkeypatch.setattr(template, "head_revision", lambda folder=None: installed[0])
    monkeypatch.setattr(template_build, "head_revision", lambda folder=None: installed[0])
    assert start_from_template(
        cache, tmp_path / "other-venvs-data", {}
    )  # another venv's Prefect uses it today

    installed[0] = "aaaaaa03"
    monkeypatch.setattr(
        template_build, "_built", lambda folder, head: database_at(template_path(cache, head), head)
    )
    assert template_build.build_template(cache) == template_path(cache, "aaaaaa03")
    kept = sorted(path.name for path in (cache / template.TEMPLATES).glob("prefect-*.db"))
    # bbbbbb02 is in use; bbbbbb04, unused for long, is among the newest three; the others go
    assert kept == [template_path(cache, revision).name for revision in ("aaaaaa03", "bbbbbb02", "bbbbbb04")]
