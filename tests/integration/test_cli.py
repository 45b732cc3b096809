"""The `tintuc` command as a user runs it: a real process, a real data folder, on SQLite and PostgreSQL."""

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.conftest import BACKENDS, fresh_postgres_database

PROJECT = Path(__file__).resolve().parents[2]


def tintuc(args, data_dir: Path, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TINTUC_DATA_DIR": str(data_dir), "COLUMNS": "200"}
    env.pop("PREFECT_HOME", None)  # the CLI keeps Prefect inside the data folder by itself
    return subprocess.run(
        [sys.executable, "-m", "flows", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module", params=BACKENDS)
def cli_data(request, tmp_path_factory, fixture_package):
    """Run the seed once into a warehouse of each backend; every tintuc here uses it (TINTUC_DATABASE_URL)."""
    data = tmp_path_factory.mktemp("cli") / "data"
    with contextlib.ExitStack() as stack:
        if request.param == "postgresql":
            url = stack.enter_context(fresh_postgres_database())
            stack.enter_context(pytest.MonkeyPatch.context()).setenv("TINTUC_DATABASE_URL", url)
        first = tintuc(["run", "seeds"], data)
        assert first.returncode == 0, first.stderr
        assert "tintuc models install" in first.stdout  # one line says how to get the model
        yield data, first, fixture_package


def test_run_without_a_model_loads_the_seed_pending_and_keeps_prefect_inside(cli_data):
    data, first, _ = cli_data
    assert "1 articles loaded" in first.stdout
    assert (data / "tintuc.sqlite").is_file() == ("TINTUC_DATABASE_URL" not in os.environ)
    assert (data / "prefect").is_dir()
    status = tintuc(["status"], data)
    assert "articles pending translation │ 1" in status.stdout


def test_query_cannot_change_the_warehouse(cli_data):
    data, _, _ = cli_data
    for sql in ("DELETE FROM articles", "DROP TABLE segments", "INSERT INTO runs (run_id) VALUES ('x')"):
        result = tintuc(["query", sql], data)
        assert result.returncode == 1
        assert "query failed" in result.stdout
        assert "readonly" in result.stdout or "read-only transaction" in result.stdout  # SQLite, PostgreSQL
    count = tintuc(["query", "SELECT count(*) AS n FROM segments"], data)
    assert "17" in count.stdout


def test_query_writes_no_file_at_all_not_even_elsewhere(cli_data, tmp_path):
    data, _, _ = cli_data
    if "TINTUC_DATABASE_URL" in os.environ:
        pytest.skip(
            "a SQLite file's bytes; PostgreSQL's read-only transaction is tested in tests/unit/warehouse"
        )
    warehouse = data / "tintuc.sqlite"
    before = warehouse.read_bytes()
    elsewhere = tmp_path / "elsewhere.sqlite"
    for sql in (f"ATTACH DATABASE '{elsewhere}' AS other", "VACUUM", "PRAGMA user_version = 7"):
        result = tintuc(["query", sql], data)
        assert result.returncode == 1 and "query failed" in result.stdout, sql
    assert not elsewhere.exists()
    assert warehouse.read_bytes() == before


def test_install_translate_then_read_the_english(cli_data):
    data, _, package = cli_data
    assert tintuc(["models", "install", "--file", str(package)], data).returncode == 0
    assert "translate-vi_en-0_1-fixture" in tintuc(["models", "list"], data).stdout
    translated = tintuc(["translate"], data)
    assert translated.returncode == 0 and "17 segments translated" in translated.stdout
    assert "memory 0 hits" in translated.stdout
    status = tintuc(["status"], data).stdout
    assert "memory_hits" in status and "translation memory entries" in status
    article_id = tintuc(["query", "SELECT article_id FROM articles"], data).stdout.split("│")[1].strip()
    both = tintuc(["read", article_id, "--lang", "both"], data).stdout
    assert "Hà Nội thí điểm người đứng đầu" in both and "Tiền Phong · 2022-07-13" in both
    assert "[photo] Bí thư Thành ủy Hà Nội Đinh Tiến Dũng" in both
    english = tintuc(["read", article_id], data).stdout
    assert "Hà Nội thí điểm" not in english and "(translation pending)" not in english


def test_installing_a_package_that_is_not_one_is_refused(tmp_path):
    bogus = tmp_path / "x.argosmodel"
    bogus.write_bytes(b"hello")
    result = CliRunner().invoke(
        app, ["models", "install", "--file", str(bogus)], env={"TINTUC_DATA_DIR": str(tmp_path / "data")}
    )
    assert result.exit_code == 1 and "not a zip archive" in result.output


def test_models_install_refuses_hostile_packages_saying_why_and_exits_non_zero(
    tmp_path, fixture_package, monkeypatch
):
    import zipfile

    not_a_zip = tmp_path / "notes.argosmodel"
    not_a_zip.write_text("hello")
    escaping = tmp_path / "escaping.argosmodel"
    with zipfile.ZipFile(fixture_package) as source, zipfile.ZipFile(escaping, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        archive.writestr("translate-vi_en-0_1-fixture/../../../evil.sh", b"rm -rf ~")
    data = tmp_path / "data"
    for bad, reason in [
        (not_a_zip, "not a zip archive"),
        (escaping, "would land outside the packages folder"),
    ]:
        result = tintuc(["models", "install", "--file", str(bad)], data)
        assert result.returncode == 1, result.stdout
        assert "refused:" in result.stdout and bad.name in result.stdout and reason in result.stdout
    monkeypatch.setenv("TINTUC_MAX_PACKAGE_BYTES", "100000")
    too_big = tintuc(["models", "install", "--file", str(fixture_package)], data)
    assert too_big.returncode == 1 and "over the 0.1 MiB limit for a package file" in too_big.stdout
    assert "translate-vi_en" not in tintuc(["models", "list"], data).stdout
    assert not list(tmp_path.rglob("evil.sh"))
