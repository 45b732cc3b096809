"""One typed settings object, read once at the entry point and passed down."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# The last vi→en package Argos published (1.9). Argos's index has not listed it since 2024,
# so `tintuc models install` falls back to this exact file and refuses any other bytes.
ARGOS_VI_EN_URL = "https://argos-net.com/v1/translate-vi_en-1_9.argosmodel"
ARGOS_VI_EN_SHA256 = "ebd51b7189b13eccb9238a5777de1d343008c4c05284a8b89610242364433953"
ARGOS_VI_EN_BYTES = 65_895_840
ARGOS_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"


class Settings(BaseSettings):
    """tintuc's settings; every field can be set as an environment variable `TINTUC_<NAME>`."""

    model_config = SettingsConfigDict(env_prefix="TINTUC_", extra="ignore")

    data_dir: Path = Path("data")
    database_url: str | None = None
    source_lang: str = "vi"
    target_lang: str = "en"
    beam_size: int = 4
    # A glossary of your own (same format as flows/glossary/vi_en.tsv), added to the shipped one.
    glossary_path: Path | None = None
    # How person names are written in the English: "ascii" (English-press style, "Dinh Tien
    # Dung") or "vietnamese" (as in the source, "Đinh Tiến Dũng").
    name_style: Literal["ascii", "vietnamese"] = "ascii"
    batch_tokens: int = 1024
    # A run takes its input a window at a time and commits each window before reading the next:
    # at most this many files, and this many bytes of them. 50 articles give the decoder about 1,500
    # length-sorted sentences a window; bench/window_size.py measures the choice against one run-wide job.
    window_files: int = Field(default=50, ge=1)
    window_bytes: int = Field(default=4 * 1024 * 1024, ge=1)
    # With a Dask scheduler's address (tcp://HOST:8786), each window runs as one task on that cluster
    # (notes/README-dask.md); without one, the run works in this process.
    dask_address: str | None = None
    # Windows submitted to the cluster and not yet finished, at most: about twice its worker
    # threads keeps each busy while the flow collects, and files are still listed lazily.
    windows_in_flight: int = Field(default=4, ge=1)
    # CTranslate2 workers × threads per worker; 0 fits them to the cores (see fitted_threads).
    inter_threads: int = 0
    intra_threads: int = 0
    # Where CTranslate2 decodes: "cpu", "cuda" (an error without a GPU) or "auto" (a GPU if there
    # is one), as Argos's ARGOS_DEVICE_TYPE.
    device: Literal["cpu", "cuda", "auto"] = "cpu"
    package_index_url: str = ARGOS_INDEX_URL
    package_url: str = ARGOS_VI_EN_URL
    package_sha256: str = ARGOS_VI_EN_SHA256
    network_timeout_s: float = 20.0
    # A news article is tens of kilobytes; a file of megabytes is a dump or a mistake.
    max_file_bytes: int = 8 * 1024 * 1024
    # Limits on a model package file and on what it unpacks to (zip bombs); the 1.9 package is 66 MB.
    max_package_bytes: int = 512 * 1024 * 1024
    max_package_unpacked_bytes: int = 2 * 1024 * 1024 * 1024
    # How long a Prefect server may take to start (Prefect gives its temporary one 20 s): on a busy
    # machine it migrates its database and imports its API for minutes, and a run must wait, not fail.
    prefect_server_timeout_s: int = 600
    # A run with no Prefect server to use starts one that later runs reuse, stopped after this many
    # seconds without a run (flows/prefect_server/keeper.py): a run every 15 minutes from cron keeps it
    # up. 0: each run starts a temporary server that goes with it (Prefect's own way, 5–10 s of CPU a run).
    prefect_server_idle_s: float = Field(default=1800.0, ge=0)
    # A live run writes its heartbeat into `runs` after every window and every heartbeat_s seconds
    # between; a `running` run whose heartbeat is older than heartbeat_timeout_s is taken for dead
    # by the next run on any machine (on its own machine a lock file tells at once). Keep the timeout
    # well above the interval: a beat can wait for a busy database.
    heartbeat_s: float = Field(default=30.0, gt=0)
    heartbeat_timeout_s: float = Field(default=600.0, gt=0)

    @property
    def resolved_database_url(self) -> str:
        """Return the warehouse URL: the override, else a SQLite file in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'tintuc.sqlite').resolve()}"

    @property
    def argos_dir(self) -> Path:
        """Return the folder that holds Argos's packages, cache and config."""
        return (self.data_dir / "argos").resolve()

    @property
    def prefect_home(self) -> Path:
        """Return PREFECT_HOME: Prefect's database and logs stay inside tintuc's data folder."""
        return (self.data_dir / "prefect").resolve()

    @property
    def run_locks_dir(self) -> Path:
        """Return the folder where each live run holds a lock file (to tell crashed runs apart)."""
        return (self.data_dir / "runs").resolve()
