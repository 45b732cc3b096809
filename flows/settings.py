"""One typed settings object, read once at the entry point and passed down."""

from __future__ import annotations

import os
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

    data_dir: Path = Field(
        default=Path("data"),
        description="The data folder: the SQLite warehouse, Argos packages (`argos/`), Prefect's home "
        "(`prefect/`) and the lock file each live run holds (`runs/`).",
    )
    database_url: str | None = Field(
        default=None,
        description="The warehouse, as a SQLAlchemy URL (`postgresql+psycopg://…` for PostgreSQL); "
        "unset: `tintuc.sqlite` in the data folder.",
    )
    source_lang: str = Field(default="vi", description="The language of the articles (Argos's code).")
    target_lang: str = Field(default="en", description="The language they are translated into.")
    beam_size: int = Field(default=4, description="Beam size of the decoder (Argos's default).")
    glossary_path: Path | None = Field(
        default=None,
        description="A glossary of your own, in the format of `flows/glossary/vi_en.tsv`, added to the "
        "shipped one; its entries win on the same term.",
    )
    name_style: Literal["ascii", "vietnamese"] = Field(
        default="ascii",
        description='Person names in the English: `ascii` (English-press style, "Dinh Tien Dung") or '
        '`vietnamese` (as in the source, "Đinh Tiến Dũng").',
    )
    batch_tokens: int = Field(default=1024, description="CTranslate2's batch size, in tokens.")
    # 50 articles give the decoder about 1,500 length-sorted sentences a window; bench/window_size.py
    # measures the choice against one run-wide job.
    window_files: int = Field(
        default=50,
        ge=1,
        description="The most files one window holds: a run reads, extracts, validates, translates and "
        "commits a window before it reads the next.",
    )
    window_bytes: int = Field(
        default=4 * 1024 * 1024,
        ge=1,
        description="The most bytes of files one window holds (a larger file makes a window of its own).",
    )
    dask_address: str | None = Field(
        default=None,
        description="A Dask scheduler (`tcp://HOST:8786`): each window runs as one task on that cluster; "
        "unset: the run works in its own process.",
    )
    # About twice the cluster's worker threads keeps each busy while the flow collects, and files are
    # still listed lazily.
    windows_in_flight: int = Field(
        default=4, ge=1, description="Windows submitted to the Dask cluster and not yet finished, at most."
    )
    inter_threads: int = Field(
        default=0,
        description="CTranslate2 workers; 0 fits workers × threads to the cores (workers of two "
        "threads: 2 × 1 on two cores, 8 × 2 on sixteen).",
    )
    intra_threads: int = Field(
        default=0, description="Threads per CTranslate2 worker; 0 fits them to the cores."
    )
    device: Literal["cpu", "cuda", "auto"] = Field(
        default="cpu",
        description="Where CTranslate2 decodes: `cpu`, `cuda` (the run stops with an error without a "
        "GPU) or `auto` (a GPU if there is one), as Argos's `ARGOS_DEVICE_TYPE`.",
    )
    package_index_url: str = Field(
        default=ARGOS_INDEX_URL, description="The Argos package index `tintuc models install` asks first."
    )
    package_url: str = Field(
        default=ARGOS_VI_EN_URL,
        description="Where `tintuc models install` downloads the package when the index lists none.",
    )
    package_sha256: str = Field(
        default=ARGOS_VI_EN_SHA256,
        description="The SHA-256 the downloaded package must have (else it is refused).",
    )
    network_timeout_s: float = Field(
        default=20.0, description="Timeout of each network read during `tintuc models install`, in seconds."
    )
    # A news article is tens of kilobytes; a file of megabytes is a dump or a mistake.
    max_file_bytes: int = Field(
        default=8 * 1024 * 1024, description="The largest article file read; a larger one is rejected unread."
    )
    # The 1.9 package is 66 MB.
    max_package_bytes: int = Field(
        default=512 * 1024 * 1024, description="The largest model package file (and download)."
    )
    max_package_unpacked_bytes: int = Field(
        default=2 * 1024 * 1024 * 1024,
        description="The most a model package may unpack to (a zip bomb is refused before anything is "
        "written).",
    )
    # On a busy machine a Prefect server migrates its database and imports its API for minutes, and a run
    # must wait, not fail.
    prefect_server_timeout_s: int = Field(
        default=600,
        description="How long a Prefect server may take to answer after it starts, in seconds (Prefect "
        "alone gives 20 s); also handed to Prefect as `PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS`.",
    )
    cache_dir: Path = Field(
        default_factory=lambda: Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tintuc",
        description="Where tintuc keeps what it makes once per machine: a migrated Prefect database that a "
        "new data folder starts from (`flows/prefect_server/template.py`); default `~/.cache/tintuc`.",
    )
    # A cron job every 15 minutes keeps the reused server up; a laptop running tintuc once a day keeps none.
    prefect_server_idle_s: float = Field(
        default=1800.0,
        ge=0,
        description="A run with no Prefect server to use starts one that later runs reuse, stopped after "
        "this many seconds without a run (`flows/prefect_server/keeper.py`); 0: each run starts Prefect's "
        "temporary server, which goes with it (5–10 s of CPU every run).",
    )
    # Keep the timeout well above the interval: a beat can wait for a busy database.
    heartbeat_s: float = Field(
        default=30.0,
        gt=0,
        description="Seconds between a live run's heartbeats in `runs` (besides one after each window).",
    )
    heartbeat_timeout_s: float = Field(
        default=600.0,
        gt=0,
        description="A `running` run whose heartbeat is older than this, in seconds, and whose lock file is "
        "not on this machine, is marked `crashed` by the next run on any machine.",
    )
    stories: bool = Field(
        default=True,
        description="Link near-copies to their first copy and group articles into stories as windows load "
        "(the Stories page); off, articles load as before and stay outside every story.",
    )

    # The fetcher (`tintuc run URL…`, feeds, sitemaps): flows/steps/fetch/. Polite by default.
    fetch_contact: str = Field(
        default="",
        description="An email or URL the User-Agent names, so a site's operator can reach you "
        "(tintuc/VERSION (+CONTACT)); without one the User-Agent says how to set it.",
    )
    fetch_delay_s: float = Field(
        default=1.0, ge=0, description="Seconds between two requests to one host (one request at a time)."
    )
    fetch_connect_timeout_s: float = Field(default=10.0, gt=0, description="Seconds to connect to a server.")
    fetch_read_timeout_s: float = Field(
        default=30.0, gt=0, description="Seconds a server may stay silent while sending a response."
    )
    fetch_retries: int = Field(
        default=2, ge=0, description="Times a 429, 503 or dropped connection is tried again, with backoff."
    )
    fetch_max_retry_wait_s: float = Field(
        default=120.0,
        ge=0,
        description="The longest Retry-After tintuc waits; a server asking for longer is tried next run.",
    )
    fetch_max_bytes: int = Field(
        default=8 * 1024 * 1024, ge=1, description="Bytes of one response at most, once decompressed."
    )
    fetch_max_transfer_bytes: int = Field(
        default=8 * 1024 * 1024, ge=1, description="Bytes of one response at most, as sent (compressed)."
    )
    fetch_max_redirects: int = Field(default=5, ge=0, description="Redirects followed at most for one URL.")
    fetch_allow_private: bool = Field(
        default=False,
        description="Fetch names that resolve to loopback, private, link-local or multicast addresses "
        "(refused by default: a feed must not lead into your own network).",
    )
    fetch_allowed_addresses: str = Field(
        default="",
        description="Comma-separated addresses or networks (10.0.0.5, 192.168.1.0/24) fetched although "
        "private, the guard kept for every other.",
    )
    feed_max_items: int = Field(
        default=200, ge=1, description="Items of one feed or sitemap fetched per run at most, newest first."
    )

    @property
    def archive_dir(self) -> Path:
        """Return the folder of the WARC files every fetched response is written to before extraction."""
        return (self.data_dir / "archive").resolve()

    @property
    def default_sqlite_file(self) -> Path | None:
        """Return the SQLite file in the data folder that is the warehouse, or None under an override."""
        return None if self.database_url else (self.data_dir / "tintuc.sqlite").resolve()

    @property
    def resolved_database_url(self) -> str:
        """Return the warehouse URL: the override, else a SQLite file in the data folder."""
        sqlite_file = self.default_sqlite_file
        return f"sqlite:///{sqlite_file}" if sqlite_file is not None else str(self.database_url)

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
