"""Shared fixtures: the seed, a real fixture .argosmodel, settings on temporary folders.

Prefect reads PREFECT_HOME at import, so it is pointed at a temporary folder before any test
module imports Prefect: the suite never writes to ~/.prefect.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_PREFECT_HOME = tempfile.mkdtemp(prefix="tintuc-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600")  # busy machines start slowly

from flows.settings import Settings  # noqa: E402
from tests.support.argos_fixture import build_fixture_package  # noqa: E402

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "seeds" / "000_77085cdb11bdb593.txt"
SHARED_CORPUS = PROJECT.parent / "shared" / "corpus"


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
