"""Benchmark the whole pipeline: `tintuc run` on N generated articles, beside a raw decode of its texts.

    .venv/bin/python bench/pipeline.py [--articles N] [--rounds R] [--scale 4]
                                       [--shape proportional|argos|fixture] [--no-model]
                                       [--server first|kept|temporary] [--json bench/pipeline.json]

Articles are numbered variants of the seed (seeds/) and of ../shared/corpus (skipped, with a note,
when absent): variant k carries "(bản k)" in every sentence of its title, description and body,
and a URL of its own, so no two articles share a sentence and the translation memory cannot help.
Corpus files that give no article (the corpus's negative cases) are left out. Articles are written
to a temporary folder, never into the repository.

The model is a random-weight package of the Argos vi→en shape, built once and cached by shape and
training text (--cache-dir, default ~/.cache/tintuc-bench): by default bench/stand_in_model.py's,
whose output is as long as a translation would be (about 1.1 pieces per source word, stopping by
itself); --shape argos writes 30 pieces whatever the source (tests/support/argos_fixture.py),
--shape fixture is the tests' tiny model; --no-model runs without one. Each run is a real
`python -m flows run FOLDER` child with a fresh data folder (TINTUC_DATA_DIR) holding only the
installed package. Its Prefect server (--server): first (the default) — the run finds none and
starts the one later runs reuse, as a first `tintuc run` does, and the bench stops it after the
run; kept — one server `tintuc server start` started serves every run, as a server an earlier run
left does (a run cannot tell the two apart); temporary — TINTUC_PREFECT_SERVER_IDLE_S=0, each run
starts Prefect's temporary server, which goes with it. A first or temporary server's fresh data folder
starts from a migrated Prefect database template (flows/prefect_server/template.py), made once before
the runs as `make install` makes it (prefect_template_build_s); --prefect-template none gives each run
an empty cache instead, so Prefect migrates its new database, as on a machine's very first run (the
template that run leaves behind is waited for before the raw decode, so the two do not share the CPU).

Each of --rounds rounds is one run at N, then the raw decode of exactly the texts it translated,
right after it, so the two share the machine's load; the ratios of every round, and their lowest,
median and highest, are reported. Run it `nice`d alike, and read ratios, never seconds, on a busy
machine.

Figures (per run unless said):
- seconds: wall time from starting `tintuc run` to its exit, Prefect's start included.
- articles_per_s, sentences_per_s: articles and segments in the warehouse after the run, per second.
- first_commit_s, first_commit_share: when `SELECT count(*) FROM articles` first read > 0 (polled
  every 0.2 s, read-only), in seconds and as a share of the run. Target ≤ 0.10 at N = 1,000.
- peak_rss_mb: the largest sum of RSS over the child's process tree and session, sampled from
  /proc every 0.2 s (pages shared between processes count once per process);
  maxrss_mb: getrusage's ru_maxrss for the child and the children it waited for (the largest
  single process) as a cross-check. rss_ratio: peak_rss_mb at N × scale over N; target ≤ 1.25
  (maxrss_ratio: the same of maxrss_mb; the sum includes Prefect's server, which does not grow).
  largest_process_mb, largest_process: the largest VmHWM (a process's own peak, kept by the kernel,
  so a spike between two samples counts) of any process of the run seen while sampling, and its
  command line.
- shared_segment_share: segments whose Vietnamese text occurs in more than one article (~0).
- extraction.articles_per_s: read, parse, extract and validate of the N articles in this process
  (flows.steps.ingest.files, extract, validate), after one warm-up article; issue 8 asks ≥ 20.
- stages: where the run's time went, read from its Prefect database (task and flow run
  start and end times): before_flow_s (imports and Prefect's temporary server, from starting
  `tintuc run` to the flow's start), one sum per step over all windows (read, extract, validate,
  translate, load) and after_flow_s (from the flow's end to the process's exit).
- translated_texts: the distinct Vietnamese texts (segments, roles, fact labels, names) the run
  decoded, read from its translation memory, which holds exactly those.
- cpu_s, server_cpu_s: CPU seconds (user + system) of the run's process and the children it waited
  for, and of its Prefect server (kept or first) while it ran.
- raw.texts_per_s: the run's translated_texts decoded in ONE CTranslate2 `translate_batch` with
  tintuc's options and threads (flows.translation.load_translator); raw.cpu_s its CPU seconds.
  end_to_end_over_raw: the raw decode's seconds over the whole `tintuc run`'s, per round; issue 20's
  targets on the median round: ≥ 0.80 at N = 40 with a server running, ≥ 0.60 on a first run,
  ≥ 0.95 at N = 1,000. cpu_over_raw: the same of CPU seconds, which a loaded machine's share of the
  cores does not change.

Compare figures of one run; the machine's cores and load average (start, end) are in the JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import json
import os
import platform
import re
import resource
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))  # tests.support is ours, not argos-translate-lt's `tests`

from bench.stand_in_model import build_stand_in_package  # noqa: E402
from flows.prefect_server.record import recorded_server  # noqa: E402
from flows.prefect_server.template import head_revision, template_path  # noqa: E402
from flows.prefect_server.template_build import build_template  # noqa: E402
from flows.settings import Settings  # noqa: E402
from flows.steps.extract.article import extract_article  # noqa: E402
from flows.steps.extract.sentences import split_sentences  # noqa: E402
from flows.steps.ingest.files import iter_files, parse_source, read_source  # noqa: E402
from flows.steps.ingest.formats import SourceDocument  # noqa: E402
from flows.steps.records import ArticleRecords  # noqa: E402
from flows.steps.translate.ctranslate import LENGTH_SLACK, MAX_DECODING_LENGTH, MAX_LENGTH_RATIO  # noqa: E402
from flows.steps.translate.models import install_file  # noqa: E402
from flows.steps.validate import validate_records  # noqa: E402
from flows.translation import load_translator  # noqa: E402
from tests.support.argos_fixture import (  # noqa: E402
    ARGOS_VI_EN_SHAPE,
    FIXTURE_SHAPE,
    ModelShape,
    build_fixture_package,
)

SHAPES = {"argos": ARGOS_VI_EN_SHAPE, "fixture": FIXTURE_SHAPE}
PROPORTIONAL = "proportional"  # bench/stand_in_model.py: Argos's shape, output length ~ the source's
DEFAULT_CORPUS = PROJECT.parent / "shared" / "corpus"
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "tintuc-bench"
SAMPLE_S = 0.2
SERVER_START_TIMEOUT_S = 180
EXIT_REJECTS = 3
# Issue 20: end to end over the raw decode of the same texts. At N = 40 with a server running (kept,
# or reused from an earlier run) and on a first run from a fresh data folder; at N = 1,000 either way.
TARGET_SERVER_RUNNING_OVER_RAW = 0.80
TARGET_FIRST_RUN_OVER_RAW = 0.60
TARGET_LARGE_OVER_RAW = 0.95
LARGE_RUN = 1000
TARGET_FIRST_COMMIT_S = 10.0
TARGET_FIRST_COMMIT_SHARE = 0.10
TARGET_RSS_RATIO = 1.25
TARGET_EXTRACTION_PER_S = 20.0
# What grouping and copy detection may add to a run without a model at N (issue 19).
TARGET_STORIES_OVERHEAD = 0.10
# Every JSON field a reader takes article text or a URL from (flows/steps/ingest/formats.py).
TEXT_KEYS = ("title", "title_page", "title_rss", "description", "text", "maintext", "content")
URL_KEYS = ("url", "canonical_link", "link")
SCRAPED_TEXT_KEYS = ("Title", "Content")
_ENDING = re.compile(r"[.!?…]+[\"”’'»)\]]*$")
_LETTER = re.compile(r"[^\W\d_]")
MEBIBYTE = 1 << 20


# --- numbered variants of the input articles -------------------------------------------------


def numbered_sentence(sentence: str, number: int) -> str:
    """Put "(bản number)" before the sentence's closing punctuation ("bản": copy, edition)."""
    if not _LETTER.search(sentence):
        return sentence  # "0:00 / 0:00" and the like: page furniture either way
    ending = _ENDING.search(sentence)
    cut = ending.start() if ending else len(sentence)
    return f"{sentence[:cut].rstrip()} (bản {number}){sentence[cut:]}"


def numbered_text(text: str, number: int, sentences: tuple[str, ...] = ()) -> str:
    """Number every sentence of every line, keeping the lines and their indentation.

    sentences are the template's own segments: one the split here missed (its end lies in a
    site name or footer the extractor cuts off) is numbered where it stands.
    """
    lines = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        parts = split_sentences(line)
        lines.append(indent + " ".join(numbered_sentence(s, number) for s in parts) if parts else line)
    numbered = "\n".join(lines)
    for sentence in sentences:
        if _LETTER.search(sentence):
            unnumbered = re.compile(rf"(?<!\w){re.escape(sentence)}(?!\w)(?! \(bản )")
            # A function, not a template: the sentence may hold backslashes.
            numbered = unnumbered.sub(partial(_same, numbered_sentence(sentence, number)), numbered)
    return numbered


def _same(text: str, _match: re.Match[str]) -> str:
    """Return text whatever matched (a replacement for re.sub)."""
    return text


def numbered_url(url: str, number: int) -> str:
    """Return the URL of variant number: an article with a URL is keyed by it."""
    return f"{url}{'&' if '?' in url else '?'}ban={number}"


def numbered_record(record: Any, number: int, sentences: tuple[str, ...]) -> Any:
    """Number a JSON record's texts and URLs (a list of records record by record)."""
    if isinstance(record, list):
        return [numbered_record(item, number, sentences) for item in record]
    if not isinstance(record, dict):
        return record
    out = dict(record)
    for key, value in record.items():
        if key in TEXT_KEYS and isinstance(value, str):
            out[key] = numbered_text(value, number, sentences)
        elif key in TEXT_KEYS and isinstance(value, list):
            out[key] = [numbered_text(v, number, sentences) if isinstance(v, str) else v for v in value]
        elif key in URL_KEYS and isinstance(value, str) and value:
            out[key] = numbered_url(value, number)
    return out


def numbered_scraped_page(text: str, number: int, sentences: tuple[str, ...]) -> str:
    """Number a `Title:/Link:/…/Content:` page's title, link and content, not its header keys."""
    head, _, content = text.partition("\nContent:")
    lines = []
    for line in head.split("\n"):
        key, sep, value = line.partition(":")
        if sep and key in SCRAPED_TEXT_KEYS:
            line = f"{key}: {numbered_text(value.strip(), number, sentences)}"
        elif sep and key == "Link" and value.strip() not in {"", "N/A", "None", "null"}:
            line = f"{key}: {numbered_url(value.strip(), number)}"
        lines.append(line)
    return "\n".join(lines) + "\nContent:" + numbered_text(content, number, sentences)


@dataclass(frozen=True)
class Template:
    """An input article file and the sentences (segments) the extractor finds in it."""

    path: Path
    sentences: tuple[str, ...]


def numbered_variant(template: Template, number: int) -> str:
    """Return variant number of an article file, in the file's own format."""
    path, sentences = template.path, template.sentences
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        record = numbered_record(json.loads(text), number, sentences)
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    if text.startswith("Title:") and "\nContent:" in text:
        return numbered_scraped_page(text, number, sentences)
    return numbered_text(text, number, sentences)


def extracted_sentences(path: Path, max_bytes: int) -> tuple[str, ...]:
    """Return the segments of the articles a file gives (none for the corpus's negative cases)."""
    source = read_source(path, max_bytes)
    sentences: dict[str, None] = {}
    for document in parse_source(source):
        if isinstance(document, SourceDocument):
            records = extract_article(document, source.content_sha256, "bench")
            if isinstance(records, ArticleRecords):
                # Longest first: a sentence inside another is numbered after the longer one.
                sentences.update(dict.fromkeys(row["text_vi"] for row in records.segments))
    return tuple(sorted(sentences, key=len, reverse=True))


def templates(corpus: Path, max_bytes: int) -> list[Template]:
    """Return the seed and corpus files that give an article, saying what is left out."""
    folders = [PROJECT / "seeds"]
    if corpus.is_dir():
        folders.append(corpus)
    else:
        print(f"note: no corpus at {corpus}; variants of the seed only", flush=True)
    usable = []
    for path in iter_files(folders):
        sentences = extracted_sentences(path, max_bytes)
        if sentences:
            usable.append(Template(path, sentences))
        else:
            print(f"note: {path.name} gives no article; not used", flush=True)
    return usable


def generate_articles(sources: list[Template], count: int, folder: Path) -> list[Path]:
    """Write count numbered variants, cycling through sources, into folder."""
    folder.mkdir(parents=True)
    paths = []
    for number in range(1, count + 1):
        source = sources[(number - 1) % len(sources)].path
        path = folder / f"{number:05d}-{source.stem[:40]}{source.suffix}"
        path.write_text(numbered_variant(sources[(number - 1) % len(sources)], number), encoding="utf-8")
        paths.append(path)
    return paths


# --- the model --------------------------------------------------------------------------------


def cached_package(shape_name: str, training: str, cache_dir: Path) -> Path:
    """Return the random-weight package of this shape, building it on the first call only."""
    shape: ModelShape | str = SHAPES.get(shape_name, shape_name)
    key = hashlib.sha256(f"{shape!r}\n{training}".encode()).hexdigest()[:16]
    path = cache_dir / f"bench-{shape_name}-{key}.argosmodel"
    if path.exists():
        return path
    print(f"building a random-weight model ({shape_name} shape) into {path}", flush=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    if isinstance(shape, ModelShape):
        build_fixture_package(partial, training, shape=shape)
    else:
        build_stand_in_package(partial, training)
    partial.rename(path)  # atomic: a build killed half-way leaves no package behind
    return path


# --- extraction in this process ---------------------------------------------------------------


def extract_files(paths: list[Path], max_bytes: int) -> int:
    """Read, parse, extract and validate files; return how many articles pass."""
    records = []
    for path in paths:
        for document in parse_source(source := read_source(path, max_bytes)):
            if isinstance(document, SourceDocument):
                extracted = extract_article(document, source.content_sha256, "bench")
                if isinstance(extracted, ArticleRecords):
                    records.append(extracted)
    articles, _ = validate_records(records)
    return len(articles)


def time_extraction(paths: list[Path], max_bytes: int) -> dict[str, float]:
    """Time extraction of the files, after one untimed article loads the NER models."""
    extract_files(paths[:1], max_bytes)
    start = time.perf_counter()
    articles = extract_files(paths, max_bytes)
    seconds = time.perf_counter() - start
    return {
        "articles": articles,
        "seconds": round(seconds, 2),
        "articles_per_s": round(articles / seconds, 2),
    }


# --- one `tintuc run` as a child process --------------------------------------------------------


@dataclass
class Watch:
    """What is sampled while a run goes: its peak memory and its first committed article."""

    peak_rss_bytes: int = 0
    first_commit_s: float | None = None
    # Each process's own high-water mark (VmHWM), which catches a peak between two samples.
    high_water: dict[int, tuple[int, str]] = field(default_factory=dict)

    def note_high_water(self, pids: set[int]) -> None:
        """Keep each process's largest VmHWM seen so far, with its command line."""
        for pid in pids:
            with contextlib.suppress(OSError, ValueError, StopIteration):
                status = Path(f"/proc/{pid}/status").read_text()
                line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
                kib = int(line.split()[1])
                if kib * 1024 > self.high_water.get(pid, (0, ""))[0]:
                    command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                    self.high_water[pid] = (kib * 1024, command.decode(errors="replace").strip()[:120])

    def largest_process(self) -> tuple[int, str]:
        """Return the largest high-water mark of any process of the run, and its command line."""
        return max(self.high_water.values(), default=(0, ""))


def process_tree(root: int) -> set[int]:
    """Return root's live descendants and every process of its session, from /proc."""
    parents: dict[int, int] = {}
    session: set[int] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            # The command name may hold spaces and parentheses: the fields start after the last ")".
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            pid = int(entry.name)
            parents[pid] = int(fields[1])
            if int(fields[3]) == root:
                session.add(pid)
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return (tree | session) & set(parents)


def rss_bytes(pids: set[int]) -> int:
    """Return the summed resident memory of the processes (gone ones count 0)."""
    page = os.sysconf("SC_PAGE_SIZE")
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
    return total


def article_count(database: Path) -> int | None:
    """Return the warehouse's article count, or None while it cannot be read yet."""
    if not database.exists():
        return None
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=0.05)
        try:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return None  # not migrated yet, or a writer holds it: ask again at the next sample


# A task run is named "<step>-window-<n>" (flows/pipeline.py); the sum per step is over windows.
# The run's flow run is the latest one: a kept server's database holds the earlier runs' too.
FLOW_RUN = "SELECT id, start_time, end_time FROM flow_run WHERE start_time NOT NULL ORDER BY start_time DESC"
TASK_RUNS = "SELECT name, start_time, end_time FROM task_run WHERE flow_run_id = ? AND end_time IS NOT NULL"


FIRST, KEPT, TEMPORARY = "first", "kept", "temporary"
FIRST_RUN_IDLE_S = "600"  # long enough to outlast the run; the bench stops the server itself
BUILT, NO_TEMPLATE = "built", "none"
TEMPLATE_WAIT_S = 600.0


@dataclass(frozen=True)
class PrefectAt:
    """The runs' Prefect server, by mode.

    first: each run, on its fresh data folder, starts the server later runs would reuse (the bench
    stops it after the run); kept: one server `tintuc server start` started serves every run, as a
    reused one does; temporary: each run starts Prefect's temporary server, which goes with it.
    """

    mode: str = FIRST
    api_url: str | None = None
    home: Path | None = None
    pid: int | None = None
    cache_dir: Path | None = None  # TINTUC_CACHE_DIR: where the migrated Prefect database template is

    def env(self, data_dir: Path) -> dict[str, str]:
        """Return the Prefect variables of a run with this data folder."""
        own = {"PREFECT_HOME": str(data_dir / "prefect")}
        if self.cache_dir is not None:
            own["TINTUC_CACHE_DIR"] = str(self.cache_dir)
        if self.mode == KEPT:
            return {**own, "PREFECT_API_URL": str(self.api_url)}
        idle = "0" if self.mode == TEMPORARY else FIRST_RUN_IDLE_S
        return {**own, "TINTUC_PREFECT_SERVER_IDLE_S": idle}

    def database(self, data_dir: Path) -> Path:
        """Return the Prefect database the run's flow and task runs are recorded in."""
        return (self.home or data_dir / "prefect") / "prefect.db"


@contextlib.contextmanager
def kept_server(folder: Path) -> Iterator[PrefectAt]:
    """Keep one Prefect server (`tintuc server start`) for every run, as a scheduled deployment would."""
    env = {**os.environ, "TINTUC_DATA_DIR": str(folder)}
    command = [sys.executable, "-m", "flows", "server"]
    subprocess.run([*command, "start"], cwd=PROJECT, env=env, check=True, capture_output=True)
    try:
        home = Settings(data_dir=folder).prefect_home
        known = recorded_server(home)
        assert known is not None, "tintuc server start records the server it started"
        yield PrefectAt(KEPT, known.api_url, home, known.pid)
    finally:
        subprocess.run([*command, "stop"], cwd=PROJECT, env=env, check=False, capture_output=True)


def group_cpu_s(group: int | None) -> float:
    """Return the CPU seconds (user + system) the live processes of a process group have used."""
    if group is None:
        return 0.0
    ticks, total = os.sysconf("SC_CLK_TCK"), 0
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError, ValueError, IndexError):
            if entry.name.isdigit():
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[2]) == group:
                    total += int(fields[11]) + int(fields[12])
    return total / ticks


def stop_first_runs_server(data_dir: Path) -> tuple[int | None, float]:
    """Stop the server a first run left for later runs; return its pid and the CPU it had used."""
    known = recorded_server(data_dir / "prefect")
    if known is None:
        return None, 0.0
    cpu = group_cpu_s(known.pid)
    env = {**os.environ, "TINTUC_DATA_DIR": str(data_dir)}
    subprocess.run(
        [sys.executable, "-m", "flows", "server", "stop"], cwd=PROJECT, env=env, capture_output=True
    )
    return known.pid, cpu


def prefect_time(text: str) -> float:
    """Return a timestamp as Prefect's SQLite database stores it (UTC), in seconds since the epoch."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


def stage_seconds(prefect_db: Path, started_at: float, ended_at: float) -> dict[str, float]:
    """Return where the run's time went: before and after the flow, and each step summed over windows."""
    if not prefect_db.exists():
        return {}
    connection = sqlite3.connect(f"file:{prefect_db}?mode=ro", uri=True)
    try:
        flow_run = connection.execute(FLOW_RUN).fetchone()
        tasks = connection.execute(TASK_RUNS, (flow_run[0],)).fetchall() if flow_run else []
    finally:
        connection.close()
    if flow_run is None or flow_run[2] is None:
        return {}
    _, flow_start, flow_end = flow_run
    stages = {"before_flow_s": prefect_time(flow_start) - started_at}
    for name, start, end in tasks:
        step = f"{name.split('-window-')[0]}_s"
        stages[step] = stages.get(step, 0.0) + prefect_time(end) - prefect_time(start)
    stages["after_flow_s"] = ended_at - prefect_time(flow_end)
    return {name: round(seconds, 2) for name, seconds in stages.items()}


def watch_run(pid: int, database: Path, started: float) -> tuple[int, Any, Watch]:
    """Sample the child until it exits; return its wait status, rusage and what was sampled."""
    watch = Watch()
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage, watch
        pids = process_tree(pid)
        watch.peak_rss_bytes = max(watch.peak_rss_bytes, rss_bytes(pids))
        watch.note_high_water(pids)
        if watch.first_commit_s is None and (article_count(database) or 0) > 0:
            watch.first_commit_s = time.perf_counter() - started
        time.sleep(SAMPLE_S)


def run_tintuc(
    folder: Path, data_dir: Path, logs: Path, prefect: PrefectAt, stories: bool = True
) -> dict[str, Any]:
    """Run `tintuc run folder` with its own data folder (stories on or off); return its figures."""
    env = {**os.environ, "TINTUC_DATA_DIR": str(data_dir), **prefect.env(data_dir)}
    env["TINTUC_STORIES"] = "true" if stories else "false"
    # Prefect gives its ephemeral server 20 s to start, too little on a busy machine (issue 8, item 3).
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", str(SERVER_START_TIMEOUT_S))
    database = data_dir / "tintuc.sqlite"
    kept_cpu_before = group_cpu_s(prefect.pid)
    with (logs / "stdout.txt").open("w") as out, (logs / "stderr.txt").open("w") as err:
        started, started_at = time.perf_counter(), time.time()
        child = subprocess.Popen(
            [sys.executable, "-m", "flows", "run", str(folder)],
            cwd=PROJECT,
            env=env,
            stdout=out,
            stderr=err,
            start_new_session=True,  # its Prefect server is in its session: measured, then reaped
        )
        try:
            status, usage, watch = watch_run(child.pid, database, started)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)
    seconds, ended_at = time.perf_counter() - started, time.time()
    server_pid, server_cpu = prefect.pid, group_cpu_s(prefect.pid) - kept_cpu_before
    if prefect.mode == FIRST:
        server_pid, server_cpu = stop_first_runs_server(data_dir)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, EXIT_REJECTS):
        sys.exit(f"tintuc run exited {child.returncode}:\n{(logs / 'stderr.txt').read_text()[-3000:]}")
    if watch.first_commit_s is None and (article_count(database) or 0) > 0:
        watch.first_commit_s = seconds  # committed after the last sample
    first = watch.first_commit_s
    return {
        "exit_code": child.returncode,
        "seconds": round(seconds, 2),
        "first_commit_s": None if first is None else round(first, 2),
        "first_commit_share": None if first is None else round(first / seconds, 4),
        "peak_rss_mb": round(watch.peak_rss_bytes / MEBIBYTE, 1),
        "maxrss_mb": round(usage.ru_maxrss / 1024, 1),
        "largest_process_mb": round(watch.largest_process()[0] / MEBIBYTE, 1),
        "largest_process": watch.largest_process()[1],
        "stages": stage_seconds(prefect.database(data_dir), started_at, ended_at),
        # The run's process and the children it waited for (the temporary server), then the server's.
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "server_cpu_s": round(server_cpu, 2),
        "prefect_server_pid": server_pid,  # the kept or first run's server (None: a temporary one)
    }


# --- what the run loaded, read back ---------------------------------------------------------------

# What the run decoded: the memory keeps every text the model translated, and nothing else (names
# written by transliteration or the glossary have English without a decode, and are not in it).
DECODED_TEXTS = "SELECT DISTINCT text_vi FROM translation_memory"
SHARED_SEGMENTS = """
    SELECT count(*) FROM segments WHERE text_vi IN
        (SELECT text_vi FROM segments GROUP BY text_vi HAVING count(DISTINCT article_id) > 1)
"""


def warehouse_counts(database: Path) -> dict[str, Any]:
    """Return what the run loaded: articles, segments, translated texts."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        segments = connection.execute("SELECT count(*) FROM segments").fetchone()[0]
        shared = connection.execute(SHARED_SEGMENTS).fetchone()[0]
        texts = sorted(row[0] for row in connection.execute(DECODED_TEXTS))
    finally:
        connection.close()
    return {
        "articles_loaded": articles,
        "segments": segments,
        "shared_segment_share": round(shared / segments, 4) if segments else 0.0,
        "translated": texts,
    }


def measure_run(
    paths: list[Path],
    folder: Path,
    package: Path | None,
    work: Path,
    prefect: PrefectAt,
    stories: bool = True,
) -> dict[str, Any]:
    """Install the package into a fresh data folder, run tintuc on folder, and read back the result."""
    data_dir = work / "data"
    if package is not None:
        install_file(package, Settings(data_dir=data_dir).argos_dir)
    figures = run_tintuc(folder, data_dir, work, prefect, stories)
    loaded = warehouse_counts(data_dir / "tintuc.sqlite")
    seconds = figures["seconds"]
    return {
        "articles_generated": len(paths),
        **figures,
        **{k: v for k, v in loaded.items() if k != "translated"},
        "translated_texts": len(loaded["translated"]),
        "articles_per_s": round(loaded["articles_loaded"] / seconds, 3),
        "sentences_per_s": round(loaded["segments"] / seconds, 2),
        "translated_texts_per_s": round(len(loaded["translated"]) / seconds, 2),
        "texts": loaded["translated"],
        "data_dir": data_dir,
    }


# --- the raw decoder baseline ---------------------------------------------------------------------


def raw_baseline(data_dir: Path, texts: list[str]) -> dict[str, Any]:
    """Decode texts in one translate_batch with the options and threads tintuc uses."""
    translator = load_translator(Settings(data_dir=data_dir))
    assert translator is not None, "the package was installed into this data folder"
    options = translator.options
    tokens = [[piece.piece for piece in translator.tokenize(text)] for text in texts]
    # As PackageTranslator.decode calls it (its target prefix aside: Argos's vi→en has none).
    kwargs = {
        "beam_size": options.beam_size,
        "length_penalty": options.length_penalty,
        "replace_unknowns": options.replace_unknowns,
        "max_batch_size": options.batch_tokens,
        "batch_type": "tokens",
        "return_end_token": True,
    }
    longest = max(len(t) for t in tokens)
    cap = min(MAX_DECODING_LENGTH, MAX_LENGTH_RATIO * longest + LENGTH_SLACK)
    translator._translator.translate_batch(tokens[:8], max_decoding_length=cap, **kwargs)  # warm-up
    start, cpu_start = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    translator._translator.translate_batch(tokens, max_decoding_length=cap, **kwargs)
    seconds, cpu_end = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF)
    cpu = cpu_end.ru_utime + cpu_end.ru_stime - cpu_start.ru_utime - cpu_start.ru_stime
    return {
        "texts": len(texts),
        "seconds": round(seconds, 2),
        "cpu_s": round(cpu, 2),
        "texts_per_s": round(len(texts) / seconds, 2),
        "beam_size": options.beam_size,
        "batch_tokens": options.batch_tokens,
        "inter_threads": options.inter_threads,
        "intra_threads": options.intra_threads,
    }


# --- report ---------------------------------------------------------------------------------------


def target(value: float | None, limit: float, at_least: bool, note: str = "") -> dict[str, Any]:
    """Return a target with its measured value and whether it passes (None: not measured)."""
    passed = None if value is None else (value >= limit if at_least else value <= limit)
    return {"value": value, "target": f"{'≥' if at_least else '≤'} {limit}{note}", "pass": passed}


def end_to_end_target(articles: int, mode: str) -> float:
    """Return the end-to-end target over the raw decode: issue 20's, by N and by the run's server."""
    if articles >= LARGE_RUN:
        return TARGET_LARGE_OVER_RAW
    return TARGET_SERVER_RUNNING_OVER_RAW if mode == KEPT else TARGET_FIRST_RUN_OVER_RAW


def targets(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return issues 8 and 20's targets, measured (the end-to-end one on the median round), and issue 19's
    cost of stories when it was measured."""
    runs, rounds = report["runs"], report["end_to_end_over_raw_rounds"]
    median = rounds["median"] if rounds else None
    goal = end_to_end_target(report["articles"], report["prefect_server"])
    return {
        "end_to_end_over_raw": target(median, goal, True, f" ({report['prefect_server']} server)"),
        "first_commit_s": target(runs[0]["first_commit_s"], TARGET_FIRST_COMMIT_S, False),
        "first_commit_share": target(
            runs[0]["first_commit_share"], TARGET_FIRST_COMMIT_SHARE, False, " (set for N = 1,000)"
        ),
        "rss_ratio": target(report["rss_ratio"], TARGET_RSS_RATIO, False),
        "extraction_articles_per_s": target(
            report["extraction"]["articles_per_s"], TARGET_EXTRACTION_PER_S, True
        ),
    } | (
        {"stories_overhead_at_n": target(report["stories_overhead"][0], TARGET_STORIES_OVERHEAD, False)}
        if "stories_overhead" in report  # measured only with --compare-stories
        else {}
    )


def print_table(report: dict[str, Any]) -> None:
    """Print the figures of each run and the targets."""
    rows = [
        "articles_generated",
        "articles_loaded",
        "segments",
        "translated_texts",
        "seconds",
        "articles_per_s",
        "sentences_per_s",
        "translated_texts_per_s",
        "first_commit_s",
        "first_commit_share",
        "peak_rss_mb",
        "maxrss_mb",
        "largest_process_mb",
        "shared_segment_share",
        "exit_code",
    ]
    header = "".join(f"{'N = ' + str(run['articles_generated']):>14}" for run in report["runs"])
    print(f"\n{'figure':<24}{header}")
    for row in rows:
        print(f"{row:<24}" + "".join(f"{run[row]!s:>14}" for run in report["runs"]))
    for stage in report["runs"][0]["stages"]:
        print(f"{stage:<24}" + "".join(f"{run['stages'].get(stage)!s:>14}" for run in report["runs"]))
    extraction, raw = report["extraction"], report["raw"]
    header = ("round", "run s", "raw s", "over raw", "run cpu s", "raw cpu s", "cpu over")
    print("\n" + "".join(f"{name:>11}" for name in header))
    for number, measured in enumerate(report["rounds"], 1):
        cpu = round(measured["cpu_s"] + measured["server_cpu_s"], 2)
        figures = (number, measured["seconds"], measured["raw_seconds"], measured["end_to_end_over_raw"], cpu)
        figures += (measured["raw_cpu_s"], measured["cpu_over_raw"])
        print("".join(f"{figure!s:>11}" for figure in figures))
    for run, off in zip(report["runs"], report.get("runs_without_stories", []), strict=False):
        print(
            f"N = {run['articles_generated']}: {run['seconds']} s with stories, {off['seconds']} s without "
            f"(CPU {cpu_seconds(run):.1f} s with, {cpu_seconds(off):.1f} s without; "
            f"peak RSS {run['peak_rss_mb']} MB with, {off['peak_rss_mb']} MB without)"
        )
    print(f"\nextraction (in process): {extraction['articles']} articles, {extraction['articles_per_s']}/s")
    if raw:
        print(
            f"raw translate_batch: {raw['texts']} texts in {raw['seconds']} s, {raw['texts_per_s']} texts/s "
            f"({raw['inter_threads']}×{raw['intra_threads']} threads, beam {raw['beam_size']})"
        )
    print(f"\n{'target':<28}{'value':>10}  {'goal':<30}result")
    for name, goal in report["targets"].items():
        result = {True: "pass", False: "FAIL", None: "not measured"}[goal["pass"]]
        print(f"{name:<28}{goal['value']!s:>10}  {goal['target']:<30}{result}")


def parse_args() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=250, help="N, the articles of the first run")
    parser.add_argument("--scale", type=int, default=4, help="second run: N × scale articles (0: none)")
    parser.add_argument(
        "--shape",
        choices=[PROPORTIONAL, *sorted(SHAPES)],
        default=PROPORTIONAL,
        help="the model: Argos's size with output proportional to the source, or fixed at 30 (argos) or 24 "
        "pieces (fixture, tiny)",
    )
    parser.add_argument("--no-model", action="store_true", help="run without a translation model")
    parser.add_argument(
        "--server",
        choices=[FIRST, KEPT, TEMPORARY],
        default=FIRST,
        help="first: each run starts the server later runs reuse, on a fresh data folder; kept: one server "
        "(`tintuc server start`) for all runs, as a reused one; temporary: each run's own, gone with it",
    )
    parser.add_argument("--kept-server", action="store_true", help="the same as --server kept")
    parser.add_argument(
        "--prefect-template",
        choices=[BUILT, NO_TEMPLATE],
        default=BUILT,
        help="first and temporary servers: built — a migrated Prefect database template made before the runs "
        "(as `make install` makes it) that each fresh data folder starts from; none — no template, Prefect "
        "migrates each new database (a machine's very first run)",
    )
    parser.add_argument("--rounds", type=int, default=1, help="runs at N, each beside its own raw decode")
    parser.add_argument(
        "--compare-stories",
        action="store_true",
        help="run each size with TINTUC_STORIES=false too, first, and report what stories add",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here (e.g. bench/pipeline.json)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="default ../shared/corpus")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, help="where built models are kept")
    return parser.parse_args()


def machine(load_start: tuple[float, ...]) -> dict[str, Any]:
    """Describe the machine the figures were taken on."""
    return {
        "cores": os.cpu_count(),
        "load_average_start": [round(x, 2) for x in load_start],
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def run_at(
    size: int,
    sources: list[Template],
    package: Path | None,
    work: Path,
    prefect: PrefectAt,
    stories: bool = True,
) -> dict[str, Any]:
    """Generate size articles and measure `tintuc run` on them (stories on or off), in a folder under work."""
    work = work / f"n{size}{'' if stories else '-no-stories'}"
    paths = generate_articles(sources, size, work / "articles")
    off = "" if stories else ", stories off"
    print(f"tintuc run on {size} articles ({prefect.mode} Prefect server{off})", flush=True)
    return {**measure_run(paths, work / "articles", package, work, prefect, stories), "stories": stories}


def measured_round(run: dict[str, Any], raw: dict[str, Any] | None) -> dict[str, Any]:
    """Return one round's figures: the run beside the raw decode of its texts, measured right after it."""
    cpu = run["cpu_s"] + run["server_cpu_s"]
    return {
        "seconds": run["seconds"],
        "first_commit_s": run["first_commit_s"],
        "translated_texts": run["translated_texts"],
        "stages": run["stages"],
        "cpu_s": run["cpu_s"],
        "server_cpu_s": run["server_cpu_s"],
        "raw_seconds": raw["seconds"] if raw else None,
        "raw_cpu_s": raw["cpu_s"] if raw else None,
        "end_to_end_over_raw": round(raw["seconds"] / run["seconds"], 3) if raw else None,
        # CPU seconds are what a loaded machine cannot hide: its share of the cores is fixed.
        "cpu_over_raw": round(raw["cpu_s"] / cpu, 3) if raw and cpu else None,
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
    }


def measure(
    sources: list[Template],
    sizes: list[int],
    package: Path | None,
    max_bytes: int,
    mode: str,
    rounds: int,
    template: str = BUILT,
) -> tuple[dict[str, float], list[dict[str, Any]], list[dict[str, Any]], dict[str, Any] | None, float | None]:
    """Time extraction at N; run tintuc at N, each round beside a raw decode of its texts; then N × scale."""
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tintuc-bench-pipeline-")))
        prefect = stack.enter_context(kept_server(tmp / "kept")) if mode == KEPT else PrefectAt(mode)
        template_s = None
        if mode != KEPT and template == BUILT:
            prefect, template_s = prefect_template_built(prefect, tmp / "cache")
        print(f"timing extraction of {sizes[0]} articles in process", flush=True)
        extraction = time_extraction(generate_articles(sources, sizes[0], tmp / "extraction"), max_bytes)
        firsts, measured, raw = [], [], None
        for number in range(1, rounds + 1):
            if mode != KEPT and template == NO_TEMPLATE:  # an empty cache each round: a machine's first run
                prefect = dataclasses.replace(prefect, cache_dir=tmp / f"round{number}" / "cache")
            run = run_at(sizes[0], sources, package, tmp / f"round{number}", prefect)
            if mode != KEPT and template == NO_TEMPLATE and prefect.cache_dir is not None:
                wait_for_background_template(prefect.cache_dir)  # not beside the raw decode
            texts, data_dir = run.pop("texts"), run.pop("data_dir")  # both, with a model or without
            round_raw = raw_baseline(data_dir, texts) if texts else None
            raw = raw or round_raw
            firsts.append(run)
            measured.append(measured_round(run, round_raw))
            print(f"round {number}: {measured[-1]['end_to_end_over_raw']}× the raw decode", flush=True)
        runs = [firsts[0]] + [run_at(size, sources, package, tmp / "scaled", prefect) for size in sizes[1:]]
    for run in runs[1:]:
        del run["texts"], run["data_dir"]
    return extraction, runs, measured, raw, template_s


def prefect_template_built(prefect: PrefectAt, cache_dir: Path) -> tuple[PrefectAt, float]:
    """Migrate the Prefect database template into cache_dir, as `make install` does; return its seconds."""
    started = time.perf_counter()
    built = build_template(cache_dir)
    assert built is not None, "Prefect's migrations could not be run"
    seconds = round(time.perf_counter() - started, 2)
    print(f"Prefect database template migrated in {seconds} s (once per machine: make install)", flush=True)
    return dataclasses.replace(prefect, cache_dir=cache_dir), seconds


def wait_for_background_template(cache_dir: Path) -> None:
    """Wait for the template a first run with none makes after it, so it shares no CPU with what follows."""
    head = head_revision()
    deadline = time.monotonic() + TEMPLATE_WAIT_S
    while head and not template_path(cache_dir, head).exists() and time.monotonic() < deadline:
        time.sleep(0.5)


def runs_without_stories(
    sources: list[Template], sizes: list[int], package: Path | None, mode: str
) -> list[dict[str, Any]]:
    """Run tintuc at each size with TINTUC_STORIES=false (issue 19's baseline), in the same bench run."""
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tintuc-bench-no-stories-")))
        prefect = stack.enter_context(kept_server(tmp / "kept")) if mode == KEPT else PrefectAt(mode)
        if mode != KEPT:  # the baseline always starts from a template: what stories add, not Prefect's start
            prefect, _ = prefect_template_built(prefect, tmp / "cache")
        runs = [run_at(size, sources, package, tmp, prefect, stories=False) for size in sizes]
    for run in runs:
        del run["texts"], run["data_dir"]
    return runs


def cpu_seconds(run: dict[str, Any]) -> float:
    """Return the CPU seconds of a run's process and of its Prefect server."""
    return float(run["cpu_s"] + run["server_cpu_s"])


def ratio(runs: list[dict[str, Any]], figure: str) -> float | None:
    """Return a figure of the N × scale run over the N run's (None without a second run or a 0)."""
    if len(runs) < 2 or not runs[0][figure]:
        return None
    return round(runs[1][figure] / runs[0][figure], 3)


def spread(rounds: list[dict[str, Any]], figure: str) -> dict[str, float] | None:
    """Return the lowest, median and highest of a figure over the rounds (None if never measured)."""
    values = sorted(r[figure] for r in rounds if r[figure] is not None)
    if not values:
        return None
    return {"min": values[0], "median": round(statistics.median(values), 3), "max": values[-1]}


def main() -> None:
    """Generate the articles, run tintuc at N (rounds) and N × scale, decode raw, report."""
    args = parse_args()
    load_start = os.getloadavg()
    max_bytes = Settings().max_file_bytes
    sources = templates(args.corpus, max_bytes)
    package = None
    if not args.no_model:
        training = "\n".join(t.path.read_text(encoding="utf-8", errors="replace") for t in sources)
        package = cached_package(args.shape, training, args.cache_dir)
    sizes = [args.articles] + ([args.articles * args.scale] if args.scale > 0 else [])
    mode = KEPT if args.kept_server else args.server
    without = runs_without_stories(sources, sizes, package, mode) if args.compare_stories else []
    extraction, runs, rounds, raw, template_s = measure(
        sources, sizes, package, max_bytes, mode, args.rounds, args.prefect_template
    )
    report: dict[str, Any] = {
        "articles": args.articles,
        "scale": args.scale,
        "model": None if args.no_model else args.shape,
        "prefect_server": mode,
        "prefect_template": None if mode == KEPT else args.prefect_template,
        "prefect_template_build_s": template_s,
        "corpus": args.corpus.is_dir(),
        "sources": [t.path.name for t in sources],
        "runs": runs,
        "extraction": extraction,
        "raw": raw,
        "end_to_end_over_raw": rounds[0]["end_to_end_over_raw"],
        "rounds": rounds,
        "end_to_end_over_raw_rounds": spread(rounds, "end_to_end_over_raw"),
        "cpu_over_raw_rounds": spread(rounds, "cpu_over_raw"),
        "rss_ratio": ratio(runs, "peak_rss_mb"),
        "maxrss_ratio": ratio(runs, "maxrss_mb"),
        "machine": machine(load_start),
        "nice": os.nice(0),
    }
    if without:
        report["runs_without_stories"] = without
        report["stories_overhead"] = [
            round(on["seconds"] / off["seconds"] - 1, 3) for on, off in zip(runs, without, strict=True)
        ]
        # CPU seconds (the run's and its server's) as well: on a busy machine wall time counts the others'.
        report["stories_cpu_overhead"] = [
            round(cpu_seconds(on) / cpu_seconds(off) - 1, 3) for on, off in zip(runs, without, strict=True)
        ]
    report["targets"] = targets(report)
    print_table(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
