"""A server on a copy of the template is told not to register Prefect's block types, and only then.

Whenever the database might not be the copy, might lack them, or the user had a say, the server
registers them as Prefect does: a wrong skip leaves the UI's Blocks page empty for good.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from flows.prefect_server.blocks import BLOCKS_MARK, REGISTER_BLOCKS, blocks_key, skip_block_registration
from flows.prefect_server.local import start_server
from flows.prefect_server.template import PREFECT_DB, start_from_template, template_path
from tests.unit.flows.prefect_server.test_template import database_at, prefect_at  # noqa: F401  (a fixture)

SKIP = {"PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false"}


def with_a_block_type(path: Path) -> Path:
    """Give a Prefect database a block type, as registration does; return it."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE block_type (slug VARCHAR NOT NULL)")
        connection.execute("INSERT INTO block_type VALUES ('local-file-system')")
    connection.close()
    return path


def template_with_block_types(cache: Path) -> Path:
    """Write a template at head (aaaaaa03) that holds a block type, as the build leaves one."""
    return with_a_block_type(database_at(template_path(cache, "aaaaaa03"), "aaaaaa03"))


@pytest.fixture
def copied(prefect_at, tmp_path) -> tuple[Path, dict[str, str], Path]:  # noqa: F811
    """Return a data folder's Prefect home with a copy of the template, its server's environment, a cwd."""
    home, cwd = tmp_path / "data" / "prefect", tmp_path / "cwd"
    cwd.mkdir()
    template_with_block_types(tmp_path / "cache")
    environ = {"PREFECT_HOME": str(home)}
    assert skip_block_registration(home, environ, cwd) == {}  # no database yet
    assert start_from_template(tmp_path / "cache", home, environ)
    return home, environ, cwd


def test_a_templates_name_holds_the_key_of_the_installed_block_types(tmp_path):
    assert template_path(tmp_path, "aaaaaa03").name == f"prefect-aaaaaa03-blocks-{blocks_key()}.db"


def test_the_key_changes_with_prefects_release_and_with_a_collections(monkeypatch):
    from importlib import metadata

    class Dist:
        name, version = "prefect-dask", "0.3.7"

    class Point:
        dist = Dist()

    releases = {"prefect": "3.9.1"}
    monkeypatch.setattr(metadata, "version", lambda name: releases[name])
    monkeypatch.setattr(metadata, "entry_points", lambda group: [Point()])
    keys = []
    for prefect, dask in (("3.9.1", "0.3.7"), ("3.9.2", "0.3.7"), ("3.9.2", "0.3.8")):
        releases["prefect"], Dist.version = prefect, dask
        blocks_key.cache_clear()
        keys.append(blocks_key())
    blocks_key.cache_clear()
    assert len(set(keys)) == 3


def test_without_prefects_metadata_there_is_no_key_and_nothing_is_skipped(copied, monkeypatch):
    from importlib import metadata

    home, environ, cwd = copied

    def not_found(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_found)
    blocks_key.cache_clear()
    try:
        assert blocks_key() is None
        assert skip_block_registration(home, environ, cwd) == {}
    finally:
        blocks_key.cache_clear()


def test_a_server_on_a_copy_of_the_template_is_told_not_to_register_them(copied):
    home, environ, cwd = copied
    assert skip_block_registration(home, environ, cwd) == SKIP


def test_tintucs_own_servers_pass_the_setting_on(copied, monkeypatch):
    home, _environ, cwd = copied
    started: list[dict] = []
    monkeypatch.chdir(cwd)  # the server starts in a folder with no Prefect settings file
    monkeypatch.setattr(
        "flows.prefect_server.local.subprocess.Popen", lambda command, **options: started.append(options)
    )
    start_server(home, die_with_tintuc=False)
    assert started[0]["env"]["PREFECT_SERVER_REGISTER_BLOCKS_ON_START"] == "false"


def test_after_an_upgrade_of_prefect_or_a_collection_the_server_registers_them(copied):
    home, environ, cwd = copied
    inode = (home / PREFECT_DB).stat().st_ino
    (home / BLOCKS_MARK).write_text(f"0123456789ab {inode}", encoding="utf-8")  # the release before's key
    assert skip_block_registration(home, environ, cwd) == {}


def test_a_database_replaced_since_the_copy_gets_them(copied):
    home, environ, cwd = copied
    replacement = with_a_block_type(database_at(home / "restored.db", "aaaaaa03"))
    replacement.replace(home / PREFECT_DB)  # a backup put back: another file, whatever block types it has
    assert skip_block_registration(home, environ, cwd) == {}


def test_a_database_reset_in_place_gets_them(copied):
    home, environ, cwd = copied
    connection = sqlite3.connect(home / PREFECT_DB)
    with connection:
        connection.execute("DELETE FROM block_type")  # `prefect server database reset`: the same file, empty
    connection.close()
    assert skip_block_registration(home, environ, cwd) == {}


def test_a_mark_outlives_no_database_it_was_written_for(copied, tmp_path):
    home, environ, _cwd = copied
    (home / PREFECT_DB).unlink()  # the user removed Prefect's history
    template_path(tmp_path / "cache", "aaaaaa03").unlink()  # and no template is left to copy
    assert not start_from_template(tmp_path / "cache", home, environ)
    assert not (home / BLOCKS_MARK).exists()


def test_a_server_of_another_prefect_home_gets_them(copied, tmp_path):
    home, _environ, cwd = copied
    assert skip_block_registration(home, {"PREFECT_HOME": str(tmp_path / "users-own")}, cwd) == {}
    assert skip_block_registration(home, {}, cwd) == {}  # Prefect's default home, ~/.prefect


@pytest.mark.parametrize(
    ("name", "value"),
    [
        (REGISTER_BLOCKS[0], "true"),
        (REGISTER_BLOCKS[1], "false"),
        ("PREFECT_SERVER_DATABASE_CONNECTION_URL", "postgresql+asyncpg://prefect@localhost/prefect"),
        ("PREFECT_API_DATABASE_HOST", "db.example"),
    ],
)
def test_a_users_own_setting_or_database_in_the_environment_is_left_to_prefect(copied, name, value):
    home, environ, cwd = copied
    assert skip_block_registration(home, {**environ, name: value}, cwd) == {}


@pytest.mark.parametrize(
    ("file", "text"),
    [
        ("prefect.toml", '[server.database]\nconnection_url = "postgresql+asyncpg://localhost/prefect"\n'),
        ("prefect.toml", "[server]\nregister_blocks_on_start = true\n"),
        (".env", "PREFECT_API_DATABASE_CONNECTION_URL=postgresql+asyncpg://localhost/prefect\n"),
        ("pyproject.toml", '[tool.prefect.server.database]\nhost = "db.example"\n'),
        ("profiles.toml", '[profiles.default]\nPREFECT_SERVER_DATABASE_HOST = "db.example"\n'),
    ],
)
def test_a_database_or_registration_named_in_prefects_own_files_is_left_to_prefect(copied, file, text):
    home, environ, cwd = copied
    (home if file == "profiles.toml" else cwd).joinpath(file).write_text(text, encoding="utf-8")
    assert skip_block_registration(home, environ, cwd) == {}


def test_a_pyproject_that_says_nothing_to_prefect_changes_nothing(copied):
    home, environ, cwd = copied
    (cwd / "pyproject.toml").write_text(
        '[project]\nname = "news"\ndescription = "a database of blocks"\n', encoding="utf-8"
    )
    assert skip_block_registration(home, environ, cwd) == SKIP


def test_prefects_temporary_server_gets_the_setting_for_its_start_only(prefect_at, tmp_path, monkeypatch):  # noqa: F811
    from flows.cli import common
    from flows.prefect_server import temporary
    from flows.settings import Settings

    settings = Settings(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache")
    template_with_block_types(settings.cache_dir)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PREFECT_HOME", str(settings.prefect_home))
    at_start: list[str | None] = []
    monkeypatch.setattr(
        temporary,
        "start_temporary_server",
        lambda timeout_s, log: at_start.append(common.os.environ.get(REGISTER_BLOCKS[0])),
    )
    common._start_temporary_server(settings)
    assert at_start == ["false"]  # the server Prefect's class starts has it
    assert REGISTER_BLOCKS[0] not in common.os.environ  # the run's other children do not
