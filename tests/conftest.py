"""Shared fixtures: the seed, a real fixture .argosmodel, settings on temporary folders.

Prefect reads PREFECT_HOME at import, so it is pointed at a temporary folder before any test
module imports Prefect: the suite never writes to ~/.prefect.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests check what a function returns, never how fast: Hypothesis's 200 ms deadline per example
# failed three of them on a busy machine (a niced `make check` beside a benchmark), so it is off.
hypothesis_settings.register_profile("tintuc", deadline=None)
hypothesis_settings.load_profile("tintuc")

_PREFECT_HOME = tempfile.mkdtemp(prefix="tintuc-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600")  # busy machines start slowly
# Each test's data folder is new: a server kept for later runs would outlive the test. Runs here start a
# temporary one that goes with them; tests/integration/test_reused_server.py tests the reused one.
os.environ.setdefault("TINTUC_PREFECT_SERVER_IDLE_S", "0")
# The migrated Prefect database every new data folder starts from (flows/prefect_server/template.py): one
# per machine for the suite's runs, made after the first run that finds none, never the user's cache.
os.environ.setdefault(
    "TINTUC_CACHE_DIR", os.path.join(tempfile.gettempdir(), f"tintuc-tests-cache-{os.getuid()}")
)

from flows.settings import Settings  # noqa: E402
from tests.support.argos_fixture import build_fixture_package  # noqa: E402
from tests.support.browser import browser  # noqa: E402, F401 - Chromium, once per test module that takes it
from warehouse.engine import Warehouse  # noqa: E402

if TYPE_CHECKING:
    from warehouse.engine import Warehouse

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "seeds" / "000_77085cdb11bdb593.txt"
SHARED_CORPUS = PROJECT.parent / "shared" / "corpus"
# The server `.ci/run` starts (tests/support/postgres_server.py); locally, PostgreSQL tests skip without it.
POSTGRES_URL_VARIABLE = "TINTUC_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def seed_text() -> str:
    """Return the seed article's text."""
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def fixture_package(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> Path:
    """Build the tiny random-weight vi→en .argosmodel once per session."""
    return build_fixture_package(tmp_path_factory.mktemp("argos") / "fixture.argosmodel", seed_text)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Return settings whose data folder and SQLite warehouse live in tmp_path."""
    return Settings(data_dir=tmp_path / "data", intra_threads=1)


@pytest.fixture
def installed_settings(settings: Settings, fixture_package: Path) -> Settings:
    """Return settings with the fixture package installed in their data folder."""
    from flows.steps.translate.models import install_file

    install_file(fixture_package, settings.argos_dir)
    return settings


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    """Return a folder holding a copy of the seed, as `seeds/` does."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """Run flows against a temporary Prefect server, started once for the session.

    It gets as long to start as `tintuc run` gives its own: on a busy machine that is minutes.
    """
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=Settings().prefect_server_timeout_s):
        yield


@pytest.fixture
def shared_corpus() -> Path:
    """Return ../shared/corpus, or skip (saying why) on a clone without it."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"{SHARED_CORPUS} not present: the shared corpus is laid beside the clone in CI only")
    return SHARED_CORPUS


def postgres_server_url() -> str:
    """Return the test PostgreSQL server's URL; skip without one, but fail in CI, which must have one."""
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_URL_VARIABLE} is not set: .ci/run starts a PostgreSQL server for CI")
        pytest.skip(f"{POSTGRES_URL_VARIABLE} is not set")
    return url


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """Create an empty database on the test server, yield its URL, and drop it afterwards."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    server = make_url(postgres_server_url())
    name = f"tintuc_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name}")
        yield server.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            # FORCE: engines the test made may still hold pooled connections.
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    finally:
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def warehouse_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Return the URL of an empty warehouse: a SQLite file in tmp_path, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'warehouse.sqlite'}"
        return
    with fresh_postgres_database() as url:
        yield url


@pytest.fixture
def engine(warehouse_url: str) -> Iterator[Warehouse]:
    """Return an engine on an empty, migrated warehouse: SQLite, and PostgreSQL where a server is given."""
    from warehouse.engine import make_engine, upgrade_to_head

    engine = make_engine(warehouse_url)
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_warehouse_url() -> Iterator[str]:
    """Return the URL of an empty PostgreSQL warehouse, for what only PostgreSQL has (skip, or fail in CI)."""
    with fresh_postgres_database() as url:
        yield url


@pytest.fixture
def warehouse_settings(settings: Settings, warehouse_url: str) -> Settings:
    """Return settings on tmp_path whose warehouse is warehouse_url (SQLite or PostgreSQL)."""
    return settings.model_copy(update={"database_url": warehouse_url})


@pytest.fixture
def installed_warehouse_settings(warehouse_settings: Settings, fixture_package: Path) -> Settings:
    """Return warehouse_settings with the fixture package installed in their data folder."""
    from flows.steps.translate.models import install_file

    install_file(fixture_package, warehouse_settings.argos_dir)
    return warehouse_settings


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test with its tiers (tests/support/tiers.py): no test file marks itself."""
    from tests.support.tiers import tiers

    for item in items:
        callspec = getattr(item, "callspec", None)
        params = dict(callspec.params) if callspec is not None else {}
        function = getattr(item, "function", None)
        for marker in sorted(tiers(item.nodeid, getattr(item, "fixturenames", ()), params, function)):
            item.add_marker(marker)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[object]:
    """Run a `serial` test alone, while the others share the cores (tests/support/serial_lock.py)."""
    from tests.support.serial_lock import turn

    with turn(alone=item.get_closest_marker("serial") is not None):
        return (yield)
